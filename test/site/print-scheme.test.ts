import type { PdfDocument } from '../../kit/test/pdf.ts'
import { describe, expect, inject, it } from 'vitest'
import { openPdf, renderPage } from '../../kit/test/pdf.ts'

// Dark mode is for the screen (a11y.test.ts checks it is really dark and
// readable there). The PDFs are for print and stay light whatever the
// exporting machine prefers: each page is rendered with pdf.js and its
// background, the colour most of the page has, must be light.

/** Relative luminance (WCAG) of an sRGB colour given as 0–255 channels. */
function luminance([r, g, b]: number[]): number {
  const linear = (value: number): number => {
    const channel = value / 255
    return channel <= 0.03928
      ? channel / 12.92
      : ((channel + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** The most common colour of a page, rendered small, and the share of the page it covers. */
async function backgroundOf(pdf: PdfDocument, no: number): Promise<{ rgb: number[], share: number }> {
  const { data } = await renderPage(pdf, no, 0.25)
  const counts = new Map<number, number>()
  // Colours are bucketed (16 levels a channel) so anti-aliasing does not split the background.
  for (let index = 0; index < data.length; index += 4) {
    const key = ((data[index] >> 4) << 8) | ((data[index + 1] >> 4) << 4) | (data[index + 2] >> 4)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const [key, count] = [...counts].reduce((best, entry) => entry[1] > best[1]
    ? entry
    : best)
  return {
    rgb: [key >> 8, (key >> 4) & 15, key & 15].map(level => level * 16 + 8),
    share: count / (data.length / 4),
  }
}

describe.each(inject('editions').flatMap(({ lang, pdfs }) => [
  { lang, kind: 'slides', file: pdfs.slides },
  { lang, kind: 'handout', file: pdfs.handout },
]))('the $lang edition\'s $kind PDF', ({ file }) => {
  it('has a light background on every page', async () => {
    const pdf = await openPdf(file)
    try {
      const dark: string[] = []
      for (let no = 1; no <= pdf.numPages; no++) {
        const { rgb, share } = await backgroundOf(pdf, no)
        if (luminance(rgb) < 0.7)
          dark.push(`page ${no}: rgb(${rgb.join(', ')}) covers ${Math.round(share * 100)} %`)
      }
      expect(pdf.numPages).toBeGreaterThan(0)
      expect(dark, 'pages whose background is not light').toEqual([])
    }
    finally {
      await pdf.loadingTask.destroy()
    }
  })
})
