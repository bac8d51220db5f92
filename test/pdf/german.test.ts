import type { Source } from '../../data/sources.ts'
import type { PdfKind } from '../../kit/outputs.ts'
import type { PdfDocument } from '../../kit/test/pdf.ts'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { formatDate } from '../../data/dates.ts'
import { sources as registry, REPORTED_BY, titleOf } from '../../data/sources.ts'
import { de } from '../../kit/i18n/de.ts'
import { PDF_KINDS } from '../../kit/outputs.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { plainSubject } from '../../kit/scripts/pdf/metadata.ts'
import { openPdf, pageTexts, squash, textByLanguage } from '../../kit/test/pdf.ts'
import { englishFurniture, matchesWords } from '../labels.ts'

// The German edition's PDFs, written by the same export as the English ones:
// German metadata and document language, German furniture and dates, no
// English furniture, and the English words in them (source titles, quoted
// terms) marked as English in the structure tree, as the German words of the
// English PDFs are marked as German. The handout's and the paper layouts'
// own checks run on both editions (handout.test.ts, paper.test.ts).

const [english, german] = inject('editions')
const sources: readonly Source[] = registry
const deck = await loadDeck(german!.entry)
const englishDeck = await loadDeck(english!.entry)

/** What German furniture each PDF shows besides the slides' own text. */
const FURNITURE: Record<PdfKind, string[]> = {
  slides: [
    de.part(1),
    formatDate('2019-08-02', 'long', de),
    formatDate(deck.meta.eventDate, 'long', de),
    REPORTED_BY.de('The Washington Post'),
  ],
  handout: [
    de.paper.handout,
    de.slide(1),
    de.pageOf('1', ''),
    de.paper.sources,
    de.paper.allSources,
    de.paper.howToCite,
    formatDate(deck.meta.eventDate, 'long', de),
  ],
  overview: [
    de.paper.overview,
    formatDate(deck.meta.eventDate, 'long', de),
  ],
  script: [
    de.paper.script,
    `${de.paper.startsAt} 0:00`,
    de.paper.partPlan(6),
    de.slide(34),
  ],
}

interface Opened {
  pdf: PdfDocument
  texts: string[]
  byLanguage: Record<string, string[]>
}

const opened = {} as Record<PdfKind, Opened>

beforeAll(async () => {
  for (const kind of PDF_KINDS) {
    const pdf = await openPdf(german!.pdfs[kind])
    opened[kind] = { pdf, texts: await pageTexts(pdf), byLanguage: await textByLanguage(pdf, deck.meta.lang) }
  }
})

afterAll(async () => {
  await Promise.all(Object.values(opened).map(({ pdf }) => pdf.loadingTask.destroy()))
})

describe('the German edition\'s PDFs', () => {
  it('are written beside the English ones, named with the language', () => {
    for (const kind of PDF_KINDS) {
      expect(path.dirname(german!.pdfs[kind])).toBe(path.dirname(english!.pdfs[kind]))
      expect(path.basename(german!.pdfs[kind])).toBe(`${deck.meta.exportFilename}-de-${kind}.pdf`)
    }
  })

  it('cite on every slide what the English edition cites there', () => {
    expect(Object.keys(german!.citations)).toHaveLength(englishDeck.slides.length)
    expect(german!.citations).toEqual(english!.citations)
  })

  it('print one page a slide, and paper layouts of the same length as the English ones give or take a page', async () => {
    expect(opened.slides.pdf.numPages).toBe(deck.slides.length)
    for (const kind of ['handout', 'overview', 'script'] as const) {
      const englishPages = (await openPdf(english!.pdfs[kind])).numPages
      expect(Math.abs(opened[kind].pdf.numPages - englishPages), `${kind}: ${opened[kind].pdf.numPages} pages against ${englishPages}`).toBeLessThanOrEqual(2)
    }
  })

  it.each(PDF_KINDS)('%s: declare German and carry the German title, the presenter, the German abstract and keywords', async (kind) => {
    const raw = await PDFDocument.load(await readFile(german!.pdfs[kind]), { updateMetadata: false })
    expect(String(raw.catalog.get(PDFName.of('Lang')))).toBe('(de)')
    expect(raw.getTitle()).toBe('Amazon sponsert die Polizei')
    expect(raw.getAuthor()).toBe(englishDeck.meta.author)
    expect(raw.getSubject()).toBe(plainSubject(deck.meta.info))
    expect(raw.getKeywords()).toContain('Datenschutz')
  })

  it.each(PDF_KINDS)('%s: show German furniture and German dates', (kind) => {
    // Kickers are set in capitals by CSS, and their text is in capitals too.
    const text = squash(opened[kind].texts.join(' ')).toLowerCase()
    for (const words of FURNITURE[kind])
      expect(text, words).toContain(squash(words).toLowerCase())
  })

  it.each(PDF_KINDS)('%s: show no English furniture in their German text', (kind) => {
    // Addresses are no furniture: "…/en/article/…" is a link's own text.
    const germanText = opened[kind].byLanguage.de!.join(' ').replace(/https?:\/\/\S+/g, ' ')
    expect(germanText.length).toBeGreaterThan(0)
    const found = englishFurniture().filter(words => matchesWords(germanText, words))
    expect(found).toEqual([])
  })

  it.each(['slides', 'handout'] as const)('%s: mark English source titles and quoted terms as English', (kind) => {
    const englishText = squash(opened[kind].byLanguage.en?.join(' ') ?? '')
    for (const source of sources.filter(item => item.lang === 'en'))
      expect(englishText, source.id).toContain(squash(titleOf(source).text))
    for (const term of ['partnerships', 'surveillance'])
      expect(englishText, term).toContain(term)
  })
})

describe('the English edition\'s PDFs beside them', () => {
  it('mark German source titles and quotes as German', async () => {
    const pdf = await openPdf(english!.pdfs.slides)
    const germanText = squash((await textByLanguage(pdf, englishDeck.meta.lang)).de?.join(' ') ?? '')
    for (const source of sources.filter(item => item.lang === 'de'))
      expect(germanText, source.id).toContain(squash(titleOf(source).text))
    expect(germanText).toContain(squash('Sie beauftragten die Polizisten'))
    await pdf.loadingTask.destroy()
  })
})
