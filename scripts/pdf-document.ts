import type { DeckMeta, DeckSlide } from './deck.ts'
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'
import removeMarkdown from 'remove-markdown'

export interface OutlineEntry {
  title: string
  /** 1-based page number. */
  page: number
  /** 1 for a part or a slide outside any part, 2 for a slide inside a part. */
  level: 1 | 2
}

/**
 * The outline of the slides PDF, one page a slide, grouped by part: section
 * slides are the parts, the slides after one are its children.
 */
export function deckOutline(slides: DeckSlide[]): OutlineEntry[] {
  return slides.map((slide, index) => ({
    title: slide.title || `Slide ${slide.no}`,
    page: index + 1,
    level: slide.part && slide.layout !== 'section'
      ? 2
      : 1,
  }))
}

/** The headmatter's abstract as one line of plain text, for the PDF subject. */
export function plainSubject(info: string): string {
  return removeMarkdown(info).replace(/\s+/g, ' ').trim()
}

/**
 * Adds metadata, document language and, when given, an outline to a PDF
 * printed by Chromium.
 */
export async function finishPdf(bytes: Uint8Array, meta: DeckMeta, outline?: OutlineEntry[]): Promise<Uint8Array> {
  const pdf = await pdfLib.PDFDocument.load(bytes, { updateMetadata: false })
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.author)
  pdf.setSubject(plainSubject(meta.info))
  // pdf-lib joins keywords with spaces, which would merge "data protection" with its neighbours.
  pdf.setKeywords([
    meta.keywords.join(', '),
  ])
  pdf.setCreator('Slidev, printed with Playwright')
  pdf.setLanguage(meta.lang)
  // The event and its date have no standard field; custom Info entries keep them with the file.
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, pdfLib.PDFDict)
  if (meta.event)
    info.set(pdfLib.PDFName.of('Event'), pdfLib.PDFHexString.fromText(meta.event))
  if (meta.eventDate)
    info.set(pdfLib.PDFName.of('EventDate'), pdfLib.PDFHexString.fromText(meta.eventDate))
  if (!outline)
    return pdf.save()
  // outline-pdf's line format is "page|depth dashes|title"; a "|" in a title would break it.
  const lines = outline.map(entry => `${entry.page}|${'-'.repeat(entry.level - 1)}|${entry.title.replaceAll('|', '/')}`)
  const outlined = await outlinePdfFactory(pdfLib)({
    pdf,
    outline: lines.join('\n'),
  })
  return outlined.save()
}
