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

/** Each item once, those repeated with their count: "a mermaid diagram, 3 × the background image (inline SVG)". */
function counted(items: string[]): string[] {
  const counts = new Map<string, number>()
  for (const item of items)
    counts.set(item, (counts.get(item) ?? 0) + 1)
  return [...counts].map(([item, count]) => count > 1
    ? `${count} × ${item}`
    : item)
}

/** "the text "…", "…" and a mermaid diagram (flowchart-v2)": what a slide lost. */
export function describeLoss({ texts, drawings }: Loss): string {
  return [
    texts.length && `the text ${listed(texts, true)}`,
    drawings.length && listed(counted(drawings), false),
  ].filter(Boolean).join(' and ')
}

const where = (slide: DeckSlide): string => `slide ${slide.no} "${slide.title}" in ${path.relative(process.cwd(), slide.file)}`

/** "the handout and script PDFs (pages 2, 3)": PDFs that lack the same, named together. */
function pdfList(pdfs: { kind: PdfKind, page: number }[]): string {
  const kinds = pdfs.map(({ kind }) => kind)
  const names = kinds.length > 1
    ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)} PDFs`
    : `${kinds[0]} PDF`
  return `the ${names} (page${pdfs.length > 1
    ? 's'
    : ''} ${pdfs.map(({ page }) => page).join(', ')})`
}

/**
 * One line for each slide that lost something, naming the slide, its file
 * and, PDF by PDF, the page and what it lacks.
 */
export function describeLosses(slides: DeckSlide[], checks: { kind: PdfKind, check: PdfCheck }[]): string[] {
  return slides.flatMap((slide) => {
    // PDFs that lack the same are named together, so that each thing is said once.
    const byLoss = new Map<string, { kind: PdfKind, page: number }[]>()
    for (const { kind, check } of checks) {
      for (const loss of check.losses.filter(item => item.slide === slide.no)) {
        const lost = describeLoss(loss)
        byLoss.set(lost, [
          ...byLoss.get(lost) ?? [],
          { kind, page: loss.page },
        ])
      }
    }
    const lost = [...byLoss].map(([what, pdfs]) => `${pdfList(pdfs)} lack${pdfs.length > 1
      ? ''
      : 's'} ${what}`)
    return lost.length
      ? [`${where(slide)}: ${lost.join('; ')}`]
      : []
  })
}

/** What to do about characters no font on the machine draws. */
export const UNDRAWABLE_FIX = 'Install a font that has them on this machine (for emoji, Debian\'s fonts-noto-color-emoji), or ship one with the deck. For emoji the kit serves its own colour font, Twemoji, once its package is installed (it comes with the kit; if it is missing: npm install -D twemoji-colr-font). For other characters, an npm font package imported in styles/ and named in the headmatter\'s fonts.'

/** One line for each slide that shows characters no font draws, once whatever the PDFs (they all show the same box). */
export function describeUndrawable(slides: DeckSlide[], checks: { check: PdfCheck }[]): string[] {
  return slides.flatMap((slide) => {
    const characters = new Set(checks.flatMap(({ check }) => (check.undrawable ?? [])
      .filter(item => item.slide === slide.no)
      .flatMap(item => item.characters)))
    return characters.size
      ? [`${where(slide)}: ${listed([...characters], false)}`]
      : []
  })
}
