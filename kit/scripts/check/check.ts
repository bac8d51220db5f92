import type { PDFDocument } from '@pdfme/pdf-lib'
import type { Loss, Placement } from './compare.ts'
import type { PageContent } from './pdf-content.ts'
import type { RenderedSlide } from './rendered.ts'
import process from 'node:process'
import { compareSlide } from './compare.ts'
import { PdfReader } from './pdf-content.ts'

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
  /** The slides that show characters no font on the machine draws, and those characters: not lost in print, never drawn. */
  undrawable: { slide: number, characters: string[] }[]
  /** How long reading what the slides showed from the page took, in milliseconds. */
  browserMs: number
  /** How long reading the PDF back and comparing took, in milliseconds. */
  pdfMs: number
}

// Chromium prints at 96 CSS pixels to the inch; a PDF counts 72 points to it.
const POINTS_PER_PX = 72 / 96

/** The page (from 1) each slide is on. */
function slidePages(pdf: PdfReader, { slides, layout }: PrintedSlides): number[] {
  if (layout.kind === 'slides') {
    if (pdf.pageCount !== slides.length)
      throw new Error(`the slides PDF has ${pdf.pageCount} pages for ${slides.length} slides`)
    return slides.map((_, index) => index + 1)
  }
  const outline = pdf.outlinePages()
  return slides.map((slide) => {
    const page = outline[slide.heading ?? -1]
    if (!(page! > 0) || !(slide.frame.y >= 0))
      throw new Error(`cannot find slide ${slide.no} in the PDF: its entry needs a heading in the outline and a sheet (.paper-sheet) to be on`)
    return page!
  })
}

// Node 22.19 and later measure the thread's own CPU time; before, the wall time stands for it.
function cpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.()
  return usage
    ? (usage.user + usage.system) / 1000
    : performance.now()
}

/**
 * Checks a printed PDF, loaded to be finished, against what the browser
 * showed, slide by slide: the text each slide rendered must be at its
 * place in the PDF, and each drawing must have something painted where it
 * was. It reads the page content only, before finishing changes the file.
 */
export function checkPdf(pdf: PDFDocument, printed: PrintedSlides): PdfCheck {
  const started = cpuMs()
  const reader = new PdfReader(pdf)
  const pages = slidePages(reader, printed)
  const contents = new Map<number, PageContent>()
  const losses: SlideLoss[] = []
  for (const [index, slide] of printed.slides.entries()) {
    const no = pages[index]!
    if (!contents.has(no))
      contents.set(no, reader.readPage(no))
    const content = contents.get(no)!
    const { layout } = printed
    const placement: Placement = layout.kind === 'slides'
      ? { left: 0, top: 0, scale: content.width / slide.frame.width }
      : { left: layout.left, top: layout.top, scale: POINTS_PER_PX }
    const loss = compareSlide(slide, content, placement)
    if (loss.texts.length || loss.drawings.length)
      losses.push({ slide: slide.no, page: no, ...loss })
  }
  return {
    slides: printed.slides.length,
    texts: printed.slides.reduce((sum, slide) => sum + slide.texts.length, 0),
    drawings: printed.slides.reduce((sum, slide) => sum + slide.drawings.length, 0),
    losses,
    undrawable: printed.slides
      .filter(slide => slide.undrawable.length)
      .map(slide => ({ slide: slide.no, characters: slide.undrawable })),
    browserMs: printed.browserMs,
    pdfMs: cpuMs() - started,
  }
}
