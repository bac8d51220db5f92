import type { DeckSlide } from '../deck.ts'
import type { PaperDocument, PaperInput } from './paper.ts'
import { opensPart } from '../../utils/parts.ts'
import { baseCss, byline, contentBox, entryOutline, escape, outlineItem, SLOT_FRAME_MM, slotCss } from './paper.ts'

const PER_SHEET = 6
const COLUMNS = 2
const GAP_MM = 8
/** The title block at the top of the first page. */
const TITLE_MM = 16
/** Room in each cell for the part line above the slide and the caption under it. */
const CAPTION_MM = 17

function cellHtml(slide: DeckSlide): string {
  // Every cell keeps the part line's room, so the slides of a page line up.
  const part = opensPart(slide)
    ? `<h1 class="overview-part">${escape(slide.title)}</h1>`
    : '<p class="overview-part" aria-hidden="true"></p>'
  return `<div class="overview-cell" data-slide="${slide.no}">
    ${part}
    <div class="paper-slot" data-slot="${slide.no}"></div>
    <h2 class="overview-caption"><span class="paper-no">${slide.no}</span>${escape(slide.title)}</h2>
  </div>`
}

/**
 * Six slides a page with their numbers and titles, no notes: a compact
 * leave-behind. Two columns, three rows; each slide as large as its cell lets
 * it be, whatever the deck's aspect ratio or the paper.
 */
export function overview(input: PaperInput): PaperDocument {
  const { deck, labels } = input
  const { widthMm, heightMm } = contentBox(deck.meta.paper)
  const rowMm = (heightMm - TITLE_MM - 4) / (PER_SHEET / COLUMNS)
  // A slide as wide as its column would have its frame's right edge cut off at the margin.
  const frameMm = SLOT_FRAME_MM.width + SLOT_FRAME_MM.offset
  const slideWidthMm = Math.min((widthMm - GAP_MM) / COLUMNS - 2 * frameMm, (rowMm - CAPTION_MM) * deck.config.aspectRatio)
  const sheets: string[] = []
  for (let start = 0; start < deck.slides.length; start += PER_SHEET) {
    const title = start === 0
      ? `<header class="overview-title"><h1>${escape(deck.meta.title)}</h1><p>${escape([
        labels.paper.overview,
        byline(deck, labels),
      ].filter(Boolean).join(' · '))}</p></header>`
      : ''
    sheets.push(`<section class="paper-sheet overview-sheet">${title}<div class="overview-grid">${deck.slides.slice(start, start + PER_SHEET).map(cellHtml).join('')}</div></section>`)
  }
  return {
    kind: 'overview',
    outline: [
      ...outlineItem(1, deck.meta.title),
      ...deck.slides.flatMap(slide => entryOutline(slide, String(slide.no))),
    ],
    html: `<div lang="${escape(deck.meta.lang)}">${sheets.join('\n')}</div>`,
    css: `${baseCss(deck.meta.paper)}
      .overview-sheet { height: ${heightMm - 1.5}mm; }
      .overview-title { height: ${TITLE_MM}mm; flex: none; }
      .overview-title h1 { font-size: 14pt; margin: 0; }
      .overview-title p { margin: 0.5mm 0 0; font-size: 9pt; color: #444; }
      .overview-grid { flex: 1; display: grid; grid-template-columns: repeat(${COLUMNS}, minmax(0, 1fr)); grid-template-rows: repeat(${PER_SHEET / COLUMNS}, ${rowMm}mm); column-gap: ${GAP_MM}mm; align-content: start; }
      .overview-cell { display: flex; flex-direction: column; align-items: center; }
      .overview-part { height: 5mm; margin: 0; font-size: 8pt; font-weight: 600; color: #1d4ed8; text-transform: uppercase; letter-spacing: .05em; align-self: stretch; }
      ${slotCss('.overview-cell .paper-slot', slideWidthMm, input)}
      .overview-caption { font-size: 9pt; font-weight: 600; margin: 1.5mm 0 0; align-self: stretch; line-height: 1.3; }
    `,
  }
}
