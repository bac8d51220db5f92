import type { PdfKind } from '../../outputs.ts'
import type { DeckSlide } from '../deck.ts'
import type { PdfCheck } from './check.ts'
import type { Loss } from './compare.ts'
import path from 'node:path'
import process from 'node:process'

const seconds = (ms: number): string => (ms / 1000).toFixed(2)

/** The line the export logs for each PDF it checked; the benchmark adds up the seconds (CHECKED). */
export function checkedLine(lang: string, kind: PdfKind, check: PdfCheck): string {
  return `      ${lang}: checked the ${kind} PDF, ${check.slides} slides: ${seconds(check.browserMs)} s in the browser, ${seconds(check.pdfMs)} s reading it back`
}

/** Reads a `checkedLine`: its seconds in the browser and reading the PDF back. */
export const CHECKED = /checked the \w+ PDF, \d+ slides: ([\d.]+) s in the browser, ([\d.]+) s reading it back/

const LISTED = 6

function listed(items: string[], quote: boolean): string {
  const shown = items.slice(0, LISTED).map(item => quote
    ? `"${item.length > 60
      ? `${item.slice(0, 59)}…`
      : item}"`
    : item)
  return `${shown.join(', ')}${items.length > LISTED
    ? ` and ${items.length - LISTED} more`
    : ''}`
}

/** "the text "…", "…" and a mermaid diagram (flowchart-v2)": what a slide lost. */
export function describeLoss({ texts, drawings }: Loss): string {
  return [
    texts.length && `the text ${listed(texts, true)}`,
    drawings.length && listed(drawings, false),
  ].filter(Boolean).join(' and ')
}

/**
 * One line for each slide that lost something, naming the slide, its file
 * and, PDF by PDF, the page and what it lacks.
 */
export function describeLosses(slides: DeckSlide[], checks: { kind: PdfKind, check: PdfCheck }[]): string[] {
  return slides.flatMap((slide) => {
    const lost = checks.flatMap(({ kind, check }) => check.losses
      .filter(loss => loss.slide === slide.no)
      .map(loss => `the ${kind} PDF (page ${loss.page}) lacks ${describeLoss(loss)}`))
    return lost.length
      ? [`slide ${slide.no} "${slide.title}" in ${path.relative(process.cwd(), slide.file)}: ${lost.join('; ')}`]
      : []
  })
}
