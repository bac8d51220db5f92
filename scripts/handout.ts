import type { Page } from 'playwright-chromium'
import type { Source } from '../data/sources.ts'
import type { Deck, DeckMeta } from './deck.ts'
import type { Citations } from './print.ts'
import MarkdownIt from 'markdown-it'
import { sourceById, sources } from '../data/sources.ts'
import { formatDate } from '../utils/dates.ts'
import { withoutClickMarkers } from '../utils/notes.ts'

const markdown = new MarkdownIt({ html: false, linkify: true })

const A4_CONTENT_WIDTH_MM = 210 - 2 * 16
// Wide enough to read the slide's text on paper, small enough that two slides
// with typical notes share a page.
const SLIDE_WIDTH_MM = 150
const MM_PER_CSS_PX = 25.4 / 96

function escape(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

function externalLink(url: string): string {
  return `<a href="${escape(url)}" target="_blank" rel="noopener noreferrer">${escape(url)}</a>`
}

/** A full reference: outlet, date, title, and the URL as a link. */
export function reference(source: Source): string {
  return `${escape(source.outlet)}, ${escape(source.date)}: “${escape(source.title)}”. ${externalLink(source.url)}`
}

/** "Presenter, “Title”, Event, date. URL" — how to cite this talk. */
export function citation(meta: DeckMeta): string {
  const parts = [
    meta.author,
    `“${meta.title}”`,
    meta.event,
    meta.eventDate && formatDate(meta.eventDate, 'long'),
  ].filter(Boolean)
  return `${parts.join(', ')}.${meta.url
    ? ` ${meta.url}`
    : ''}`
}

/** The footer every handout page carries: title · presenter · event, and the page number. */
export function footerTemplate(meta: DeckMeta): string {
  const running = [meta.title, meta.author, meta.event].filter(Boolean).map(escape).join(' · ')
  return `<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;font:8pt sans-serif;color:#444">
    <span>${running}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
  </div>`
}

function coverHtml(deck: Deck): string {
  const { meta } = deck
  const url = meta.url
    ? `<p class="handout-url">The deck online: ${externalLink(meta.url)}</p>`
    : ''
  return `<section class="handout-cover">
    <p class="handout-kicker">Handout</p>
    <h1>${escape(meta.title)}</h1>
    <p class="handout-byline">${[meta.author, meta.event, meta.eventDate && formatDate(meta.eventDate, 'long')].filter(Boolean).map(escape).join(' · ')}</p>
    <div class="handout-abstract">${markdown.render(meta.info)}</div>
    <p class="handout-cite"><strong>How to cite this talk:</strong> ${escape(citation(meta))}</p>
    ${url}
    <p class="handout-howto">Each slide follows with the speaker's notes and the full references of the sources it cites; all sources are listed at the end.</p>
  </section>`
}

function slideHtml(deck: Deck, citations: Citations): string {
  return deck.slides.map((slide) => {
    const startsPart = slide.layout === 'section'
    const partHeading = startsPart
      ? `<h1 class="handout-part">${escape(slide.title)}</h1>`
      : ''
    const cited = (citations[slide.no] ?? []).map(sourceById)
    const sourceList = cited.length
      ? `<div class="handout-sources"><p class="handout-sources-title">Sources</p><ol>${cited.map(source => `<li>${reference(source)}</li>`).join('')}</ol></div>`
      : ''
    const notes = markdown.render(withoutClickMarkers(slide.note))
    return `<article class="handout-slide" data-slide="${slide.no}">
      ${partHeading}
      <h2><span class="handout-no">Slide ${slide.no}</span> ${escape(slide.title)}</h2>
      <div class="handout-figure" data-slot="${slide.no}"></div>
      <div class="handout-notes">${notes}</div>
      ${sourceList}
    </article>`
  }).join('\n')
}

function sourceListHtml(): string {
  return `<section class="handout-all-sources">
    <h1>All sources</h1>
    <ol>${sources.map(source => `<li>${reference(source)} <span class="handout-kind">(${source.kind})</span></li>`).join('')}</ol>
  </section>`
}

function handoutCss(slideWidthPx: number): string {
  const zoom = SLIDE_WIDTH_MM / MM_PER_CSS_PX / slideWidthPx
  return `
    @page { size: A4 portrait; margin: 12mm 16mm 16mm }
    html.print, html.print body { background: #fff !important }
    #page-root { display: none !important }
    #handout { width: ${A4_CONTENT_WIDTH_MM}mm; color: #1b1f24; font-family: Inter, sans-serif; font-size: 10pt; line-height: 1.45; }
    #handout a { color: #1d4ed8; word-break: break-all; }
    #handout h1, #handout h2, #handout h3 { color: #111; line-height: 1.25; }
    .handout-cover { break-after: page; padding-top: 40mm; }
    .handout-cover h1 { font-size: 26pt; margin: 0 0 4mm; }
    .handout-kicker { text-transform: uppercase; letter-spacing: .08em; color: #1d4ed8; font-weight: 600; margin: 0 0 2mm; }
    .handout-byline { font-size: 12pt; margin: 0 0 10mm; }
    .handout-abstract { font-size: 11pt; margin-bottom: 10mm; }
    .handout-slide { break-inside: avoid; margin: 0 0 5mm; }
    .handout-part { font-size: 16pt; margin: 0 0 3mm; padding-top: 1mm; border-top: 0.6mm solid #1d4ed8; }
    .handout-slide h2 { font-size: 11pt; margin: 0 0 2mm; }
    .handout-no { color: #555; font-weight: 400; margin-right: 2mm; }
    /* An outline, not a border: the slide paints over its container's border. */
    .handout-figure { width: ${SLIDE_WIDTH_MM}mm; margin: 1mm auto 3mm; outline: 0.3mm solid #999; outline-offset: 0.4mm; }
    .handout-figure .print-slide-container { zoom: ${zoom.toFixed(4)}; break-after: auto !important; }
    .handout-notes p { margin: 0 0 1.5mm; }
    .handout-sources { font-size: 8.5pt; color: #333; }
    .handout-sources-title { font-weight: 600; margin: 1mm 0 0.5mm; }
    .handout-sources ol, .handout-all-sources ol { margin: 0; padding-left: 5mm; }
    .handout-all-sources { break-before: page; font-size: 9pt; }
    .handout-all-sources li { margin-bottom: 1.5mm; }
    .handout-kind { color: #555; }
  `
}

/**
 * Turns the print view, already printed as the slides PDF, into the handout:
 * the rendered slides move into an A4 layout beside their notes and sources,
 * so the slides stay vector graphics with selectable text.
 */
export async function printHandout(page: Page, deck: Deck, citations: Citations, slideWidthPx: number): Promise<Uint8Array> {
  const html = `<style>${handoutCss(slideWidthPx)}</style>
    <main id="handout" lang="${escape(deck.meta.lang)}">${coverHtml(deck)}${slideHtml(deck, citations)}${sourceListHtml()}</main>`
  await page.evaluate((content) => {
    document.body.insertAdjacentHTML('beforeend', content)
    for (const slot of document.querySelectorAll<HTMLElement>('#handout [data-slot]')) {
      const container = document.getElementById(`${slot.dataset.slot!.padStart(3, '0')}-01`)
      if (container)
        slot.append(container)
    }
    // The slides' own headings are part of the picture; the handout's headings make the outline.
    for (const heading of document.querySelectorAll('#handout .handout-figure :is(h1, h2, h3, h4, h5, h6)'))
      heading.setAttribute('role', 'none')
  }, html)
  return page.pdf({
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(deck.meta),
  })
}
