import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Loss, Placement } from './compare.ts'
import type { PageContent } from './pdf-content.ts'
import type { RenderedSlide } from './rendered.ts'
import { compareSlide } from './compare.ts'
import { outlinePages, readPage, withPdf } from './pdf-content.ts'

/**
 * How a print lays its slides out: one a page (the slides PDF), or a paper
 * layout's sheets, each starting a page inside the margins (`left`, `top`,
 * in points), where the outline tells which page each slide's entry is on.
 */
export type SlidesLayout = { kind: 'slides' } | { kind: 'paper', left: number, top: number }

/** What the browser showed, as the print about to be made laid it out. */
export interface PrintedSlides {
  slides: RenderedSlide[]
  layout: SlidesLayout
  /** How long reading them from the page took, in milliseconds. */
  browserMs: number
}

/** A slide that lost something in a PDF, and the page it is on. */
export interface SlideLoss extends Loss {
  slide: number
  page: number
}

/** The outcome of checking one PDF against what the browser showed. */
export interface PdfCheck {
  slides: number
  texts: number
  drawings: number
  losses: SlideLoss[]
  /** How long reading what the slides showed from the page took, in milliseconds. */
  browserMs: number
  /** How long reading the PDF back and comparing took, in milliseconds (of the thread's CPU time where Node measures it). */
  pdfMs: number
}

// Chromium prints at 96 CSS pixels to the inch; a PDF counts 72 points to it.
const POINTS_PER_PX = 72 / 96

/** The page (from 1) each slide is on. */
async function slidePages(pdf: PDFDocumentProxy, { slides, layout }: PrintedSlides): Promise<number[]> {
  if (layout.kind === 'slides') {
    if (pdf.numPages !== slides.length)
      throw new Error(`the slides PDF has ${pdf.numPages} pages for ${slides.length} slides`)
    return slides.map((_, index) => index + 1)
  }
  const outline = await outlinePages(pdf)
  return slides.map((slide) => {
    const page = outline[slide.heading ?? -1]
    if (!(page! > 0) || !(slide.frame.y >= 0))
      throw new Error(`cannot find slide ${slide.no} in the PDF: its entry needs a heading in the outline and a sheet (.paper-sheet) to be on`)
    return page!
  })
}

/**
 * Checks a printed PDF against what the browser showed, slide by slide:
 * the text each slide rendered must be at its place in the PDF, and each
 * drawing must have something painted where it was.
 */
export async function checkPdf(bytes: Uint8Array, printed: PrintedSlides): Promise<PdfCheck> {
  const started = performance.now()
  const losses = await withPdf(bytes, async (pdf) => {
    const pages = await slidePages(pdf, printed)
    const contents = new Map<number, Promise<PageContent>>()
    const found: SlideLoss[] = []
    for (const [index, slide] of printed.slides.entries()) {
      const no = pages[index]!
      if (!contents.has(no))
        contents.set(no, readPage(pdf, no))
      const content = await contents.get(no)!
      const { layout } = printed
      const placement: Placement = layout.kind === 'slides'
        ? { left: 0, top: 0, scale: content.width / slide.frame.width }
        : { left: layout.left, top: layout.top, scale: POINTS_PER_PX }
      const loss = compareSlide(slide, content, placement)
      if (loss.texts.length || loss.drawings.length)
        found.push({ slide: slide.no, page: no, ...loss })
    }
    return found
  })
  return {
    slides: printed.slides.length,
    texts: printed.slides.reduce((sum, slide) => sum + slide.texts.length, 0),
    drawings: printed.slides.reduce((sum, slide) => sum + slide.drawings.length, 0),
    losses,
    browserMs: printed.browserMs,
    pdfMs: performance.now() - started,
  }
}
