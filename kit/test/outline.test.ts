import type { OutlineEntry } from '../scripts/pdf/outline.ts'
import { PDFDocument } from '@pdfme/pdf-lib'
import { describe, expect, it } from 'vitest'
import { retitleOutline, writeOutline } from '../scripts/pdf/outline.ts'
import { readOutline, readPdf } from './pdf.ts'

// Retitling an outline as Chromium leaves one: a part and its slides, the
// titles run together, each item pointing at its own spot.

const PRINTED: OutlineEntry[] = [
  { title: 'THE DEAL', page: 1, level: 1 },
  { title: '4The deal', page: 1, level: 2 },
  { title: '5Lakeland\'s policeagreed', page: 2, level: 2 },
  { title: 'Close', page: 2, level: 1 },
]

async function printed(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create()
  pdf.addPage()
  pdf.addPage()
  writeOutline(pdf, PRINTED)
  return pdf
}

/** Each outline item's title, depth and page, as pdf.js reads the saved PDF. */
async function outlineOf(pdf: PDFDocument): Promise<{ title: string, level: number, page: number }[]> {
  const items = await readOutline(await readPdf(await pdf.save()))
  return items.map(({ title, level, page }) => ({ title, level, page }))
}

describe('retitling the outline Chromium made', () => {
  it('gives each item its title, in order, and keeps where it leads', async () => {
    const pdf = await printed()
    retitleOutline(pdf, [
      { title: 'Wie der Deal gebaut war', level: 1 },
      { title: 'Folie 4 Wie der Deal gebaut war', level: 2 },
      { title: 'Folie 5 Eine deutsche „Ring Nation“ bräuchte Einwilligungen', level: 2 },
      { title: 'Schluss', level: 1 },
    ], 'talk-de-overview.pdf')
    expect(await outlineOf(pdf)).toEqual([
      { title: 'Wie der Deal gebaut war', level: 1, page: 1 },
      { title: 'Folie 4 Wie der Deal gebaut war', level: 2, page: 1 },
      { title: 'Folie 5 Eine deutsche „Ring Nation“ bräuchte Einwilligungen', level: 2, page: 2 },
      { title: 'Schluss', level: 1, page: 2 },
    ])
  })

  it('fails, naming the PDF and the first item that differs, when the titles are one short or one too many', async () => {
    const pdf = await printed()
    expect(() => retitleOutline(pdf, PRINTED.slice(0, 3), 'talk-overview.pdf')).toThrow(/^talk-overview\.pdf: the outline Chromium made from the headings has 4 items, the layout names 3; item 4 is "Close" at level 1, the layout says none/)
    expect(() => retitleOutline(pdf, [
      ...PRINTED,
      { title: 'All sources', level: 1 },
    ], 'talk-handout.pdf')).toThrow(/^talk-handout\.pdf: .* has 4 items, the layout names 5; item 5 is missing, the layout says "All sources" at level 1/)
    expect((await outlineOf(pdf)).map(item => item.title)).toEqual(PRINTED.map(entry => entry.title))
  })

  it('fails when an item sits at another level than its title', async () => {
    const pdf = await printed()
    expect(() => retitleOutline(pdf, PRINTED.map(entry => ({ ...entry, level: 1 })), 'talk-script.pdf')).toThrow(/^talk-script\.pdf: .* has 4 items, the layout names 4; item 2 is "4The deal" at level 2, the layout says "4The deal" at level 1/)
  })
})
