import type { Page } from 'playwright-core'
import type { Labels } from '../../i18n/index.ts'
import type { PdfKind } from '../../outputs.ts'
import type { Rehearsal } from '../../utils/rehearsal.ts'
import type { Deck, DeckSlide, Paper } from '../deck.ts'
import type { OutlineTitle } from '../pdf/outline.ts'
import type { Citations, PrintedPdf } from '../print.ts'
import type { SourceReference } from '../sources.ts'
import MarkdownIt from 'markdown-it'
import { formatDate } from '../../i18n/index.ts'
import { safeLinks } from '../../markdown-links.ts'
import { languageAttributesHtml } from '../../utils/localized.ts'
import { opensPart } from '../../utils/parts.ts'
import { readRenderedSlides } from '../check/rendered.ts'
import { readLinkDescriptions } from '../print.ts'

/** What a paper layout gets to work with. */
export interface PaperInput {
  deck: Deck
  citations: Citations
  /** Every source's full reference in the edition's language, from the deck's registry (scripts/sources.ts). */
  sources: readonly SourceReference[]
  labels: Labels
  /** Width of one slide in CSS pixels, as the print view lays it out. */
  slideWidthPx: number
  /** The slides' smallest body text in CSS pixels: how large a slide must print to stay legible. */
  bodyTextPx: number
  /** The QR code of the deck's `url`, as SVG markup, when it has one. */
  qrSvg?: string
  /** A rehearsal of this edition, whose times the speaker script prints beside the plan. */
  rehearsal?: Rehearsal
}

/**
 * One printable document: its markup and its style; slides go into
 * `[data-slot="N"]`. The page check finds each slide in the PDF by its
 * entry (`[data-slide="N"]` around the slot), whose first heading the
 * outline places on a page, and by the sheet (`.paper-sheet`, which starts a
 * page) the slot sits on.
 */
export interface PaperDocument {
  kind: PdfKind
  html: string
  css: string
  /**
   * The title of each of its headings (h1 a level 1 item, h2 a level 2 one;
   * none in the slides), in document order, as a reader sees it: the PDF's
   * outline is titled with these, not with the text Chromium reads from them.
   */
  outline: OutlineTitle[]
}

/**
 * The outline item of a heading that shows `words`, one space between them;
 * none for a heading that shows nothing, which Chromium leaves out of its outline.
 */
export function outlineItem(level: OutlineTitle['level'], ...words: string[]): OutlineTitle[] {
  const title = words.join(' ').replace(/\s+/g, ' ').trim()
  return title
    ? [
        { title, level },
      ]
    : []
}

/** The outline items of a slide's entry: its part when it opens one, then the slide, `label` (its number) before its title. */
export function entryOutline(slide: DeckSlide, label: string): OutlineTitle[] {
  return [
    ...(opensPart(slide)
      ? outlineItem(1, slide.title)
      : []),
    ...outlineItem(2, label, slide.title),
  ]
}

export interface PaperSize {
  /** Chromium's name for the format. */
  format: 'A4' | 'Letter'
  widthMm: number
  heightMm: number
}

export const PAPER_SIZES: Record<Paper, PaperSize> = {
  a4: { format: 'A4', widthMm: 210, heightMm: 297 },
  letter: { format: 'Letter', widthMm: 215.9, heightMm: 279.4 },
}

/** The thin frame drawn around each slide, outside its edge: a slot needs this much room on every side. */
export const SLOT_FRAME_MM = { width: 0.3, offset: 0.4 }

/** Page margins; the bottom one holds the running footer, the top one the overview's header. */
export const MARGIN_MM = { top: 14, bottom: 16, side: 16 }

export const MM_PER_CSS_PX = 25.4 / 96

/** The printable area of a page, inside the margins. */
export function contentBox(paper: Paper): { widthMm: number, heightMm: number } {
  const size = PAPER_SIZES[paper]
  return {
    widthMm: size.widthMm - 2 * MARGIN_MM.side,
    heightMm: size.heightMm - MARGIN_MM.top - MARGIN_MM.bottom,
  }
}

const MM_PER_PT = 25.4 / 72

// How long a frame moved onto the paper may take to load again.
const FRAME_TIMEOUT = 30_000

/** The width at which a slide prints its body text (`bodyTextPx` on a `slideWidthPx` canvas) at `pt` points. */
export function widthForType(pt: number, bodyTextPx: number, slideWidthPx: number): number {
  return pt * MM_PER_PT / bodyTextPx * slideWidthPx
}

/**
 * The style of the slots `selector` names: `widthMm` wide, the slide zoomed
 * to fit. Zoomed, not scaled: Chromium tags the text of a transformed box
 * under the wrong elements of the PDF's structure tree (a passage marked
 * English loses its language), and zoom keeps them.
 */
export function slotCss(selector: string, widthMm: number, { slideWidthPx }: PaperInput): string {
  return `
    ${selector} { width: ${widthMm.toFixed(2)}mm; }
    ${selector} .print-slide-container { zoom: ${(widthMm / MM_PER_CSS_PX / slideWidthPx).toFixed(5)}; }
  `
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

/** A link to another site; `title` says what is there when the text is the address itself. */
export function externalLink(url: string, text = url, title?: string): string {
  return `<a href="${escape(url)}"${title
    ? ` title="${escape(title)}"`
    : ''} target="_blank" rel="noopener noreferrer">${escape(text)}</a>`
}

const markdown = new MarkdownIt({ html: false, linkify: true })
// The notes' links are as safe as the slides': none to a javascript: or data: address.
safeLinks(markdown)
// A heading in the notes or the abstract (Slidev's starter opens its `info:`
// with one) belongs to that text, not to the paper: set as a bold paragraph,
// it stays out of the outline, whose items the layouts name (PaperDocument.outline).
markdown.renderer.rules.heading_open = () => '<p class="paper-subhead">'
markdown.renderer.rules.heading_close = () => '</p>\n'

// markdown-it's escaped form of `<span lang="en">…</span>`, the one tag notes may use.
const LANGUAGE_SPAN = /&lt;span lang=&quot;([a-z]{2,3}(?:-[A-Z]{2})?)&quot;&gt;(.*?)&lt;\/span&gt;/g

/**
 * Markdown (notes, the abstract) as HTML; raw HTML in it is shown as text,
 * not run, but for a span that marks words in another language
 * (`<span lang="en">Ring Nation</span>`), which stays a span with that language.
 */
export function renderMarkdown(text: string): string {
  return markdown.render(text).replace(LANGUAGE_SPAN, (_, lang: string, words: string) => `<span ${languageAttributesHtml(lang)}>${words}</span>`)
}

/**
 * A full reference: outlet, date, title in the labels' quotation marks, and
 * the URL as a link. A title in a language of its own is marked with it.
 */
export function reference(source: SourceReference, labels: Labels): string {
  const { outlet, title } = source
  const titleHtml = source.titleLang
    ? `<span ${languageAttributesHtml(source.titleLang)}>${escape(title)}</span>`
    : escape(title)
  return `${escape(outlet)}, ${escape(formatDate(source.date, 'long', labels))}: ${labels.quote(titleHtml)}. ${externalLink(source.url, source.url, `${outlet}: ${title}`)}`
}

/** "Presenter, “Title”, Event, date. URL": how to cite this talk. */
export function citation(deck: Deck, labels: Labels): string {
  const { meta } = deck
  const parts = [
    meta.author,
    labels.quote(meta.title),
    meta.event,
    meta.eventDate && formatDate(meta.eventDate, 'long', labels),
  ].filter(Boolean)
  return `${parts.join(', ')}.${meta.url
    ? ` ${meta.url}`
    : ''}`
}

/** Presenter · event · date, as a byline. */
export function byline(deck: Deck, labels: Labels): string {
  const { meta } = deck
  return [meta.author, meta.event, meta.eventDate && formatDate(meta.eventDate, 'long', labels)].filter(Boolean).join(' · ')
}

/** The sources the deck's slides cite, in the registry's order. */
export function citedSources(input: PaperInput): SourceReference[] {
  const cited = new Set(Object.values(input.citations).flat())
  return input.sources.filter(source => cited.has(source.id))
}

/**
 * Title · presenter · event on the left, the page count on the right.
 * Chromium draws it in a page of its own, which loads no web fonts (not even
 * inline ones): it is set in the system's sans-serif, embedded like the rest.
 */
function footerTemplate(deck: Deck, labels: Labels): string {
  const running = [deck.meta.title, deck.meta.author, deck.meta.event].filter(Boolean).map(escape).join(' · ')
  return `<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;gap:8mm;font:7.5pt sans-serif;color:#444"><span>${running}</span><span>${labels.pageOf('<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</span></div>`
}

/** Styles every paper layout shares: the page, type, links, part headings. */
export function baseCss(paper: Paper): string {
  const { widthMm } = contentBox(paper)
  return `
    @page { size: ${PAPER_SIZES[paper].format} portrait; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm }
    html.print, html.print body { background: #fff !important }
    #page-root { display: none !important }
    #kit-paper { width: ${widthMm}mm; color: #1b1f24; font-family: Inter, sans-serif; font-size: 10pt; line-height: 1.45; }
    /* The paper's own links and headings; a slide's keep their look. */
    #kit-paper a:not(.paper-slot *) { color: #1d4ed8; overflow-wrap: anywhere; }
    #kit-paper :is(h1, h2, h3):not(.paper-slot *) { color: #111; line-height: 1.25; }
    #kit-paper .paper-slot { position: relative; align-self: start; outline: ${SLOT_FRAME_MM.width}mm solid #999; outline-offset: ${SLOT_FRAME_MM.offset}mm; }
    #kit-paper .paper-slot .print-slide-container { break-after: auto !important; }
    #kit-paper .paper-no { color: #555; font-weight: 400; margin-right: 2mm; }
    #kit-paper .paper-part { font-size: 15pt; margin: 0 0 2.5mm; padding-top: 1mm; border-top: 0.6mm solid #1d4ed8; }
    #kit-paper .paper-sheet { break-after: page; display: flex; flex-direction: column; }
    #kit-paper .paper-sheet > .paper-entry { flex: none; }
    /* A full sheet's leftover goes to its entries in equal shares, below each one's notes. */
    #kit-paper .paper-sheet.paper-full > .paper-entry { flex-grow: 1; }
    #kit-paper .paper-sheet:last-child { break-after: auto; }
    #kit-paper .paper-subhead { font-weight: 600; }
    #kit-paper .paper-kicker { text-transform: uppercase; letter-spacing: .08em; color: #1d4ed8; font-weight: 600; margin: 0 0 2mm; }
    #kit-paper .paper-qr { display: flex; align-items: center; gap: 5mm; margin: 4mm 0; }
    #kit-paper .paper-qr svg { width: 30mm; height: 30mm; flex: none; }
  `
}

/**
 * Lays a paper document out in the print view, slides moved (not copied)
 * into its slots, and prints it. Entries in a `.paper-flow` are packed into
 * page-sized sheets first, whose leftover space the entries share: pages
 * are evenly filled, and no entry is cut at a page break unless it is longer than a
 * page, and then only its notes run on.
 */
export async function printPaper(page: Page, input: PaperInput, doc: PaperDocument): Promise<PrintedPdf> {
  const { heightMm } = contentBox(input.deck.meta.paper)
  await page.evaluate(({ html, css }) => {
    // A slide keeps the type it has in the print view, where it inherits
    // Slidev's page-wide font, size, line height and colour: in a slot it
    // would inherit the paper's instead, and be laid out otherwise. A line
    // height is passed on as a factor, as a page sets it.
    const printView = getComputedStyle(document.getElementById('print-content')!)
    const slideType = Object.fromEntries([
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'font-stretch',
      'font-variant',
      'font-feature-settings',
      'font-variation-settings',
      'font-kerning',
      'color',
      'letter-spacing',
      'word-spacing',
      'text-align',
      'text-transform',
      'text-indent',
      'text-shadow',
      'text-rendering',
      'white-space',
      'word-break',
      'overflow-wrap',
      'hyphens',
      'direction',
      '-webkit-font-smoothing',
    ].map(property => [
      property,
      printView.getPropertyValue(property),
    ]))
    slideType['line-height'] = printView.lineHeight === 'normal'
      ? 'normal'
      : String(Number.parseFloat(printView.lineHeight) / Number.parseFloat(printView.fontSize))
    // The previous layout gives up its id; its slides move into the new one's slots below.
    const previous = document.getElementById('kit-paper')
    previous?.removeAttribute('id')
    document.getElementById('kit-paper-style')?.remove()
    const style = document.createElement('style')
    style.id = 'kit-paper-style'
    style.textContent = css
    document.head.append(style)
    document.body.insertAdjacentHTML('beforeend', `<main id="kit-paper">${html}</main>`)
    const paper = document.getElementById('kit-paper')!
    // The print view names each slide's container "NNN-CC": slide number, then click step.
    const containers = new Map([
      ...document.querySelectorAll('.print-slide-container'),
    ].map(container => [
      Number.parseInt(container.id, 10),
      container,
    ]))
    for (const slot of paper.querySelectorAll<HTMLElement>('[data-slot]')) {
      const container = containers.get(Number(slot.dataset.slot))
      // A frame moved in the page loads again, wherever it is: a lazy one
      // far down the paper would not, and print blank.
      for (const frame of container?.querySelectorAll('iframe') ?? [])
        frame.loading = 'eager'
      if (container)
        slot.append(container)
      for (const [property, value] of Object.entries(slideType))
        slot.style.setProperty(property, value)
    }
    previous?.remove()
    // The slides' own headings are part of the picture; the paper's headings make the outline.
    for (const heading of paper.querySelectorAll('.paper-slot :is(h1, h2, h3, h4, h5, h6)'))
      heading.setAttribute('role', 'none')
    // Laying the page out now starts loading the fonts it needs.
    paper.getBoundingClientRect()
  }, { html: doc.html, css: doc.css })
  // Measured in the fonts it prints in.
  await page.evaluate(() => document.fonts.ready)

  await page.evaluate((pageHeightPx) => {
    const paper = document.getElementById('kit-paper')!
    // A sheet a hair shorter than the page, so rounding never spills a blank page.
    const sheetHeight = pageHeightPx - 4
    for (const flow of paper.querySelectorAll<HTMLElement>('.paper-flow')) {
      const entries = [
        ...flow.querySelectorAll<HTMLElement>(':scope > .paper-entry'),
      ]
      const heights = entries.map((entry) => {
        const margins = getComputedStyle(entry)
        return entry.getBoundingClientRect().height + Number.parseFloat(margins.marginTop) + Number.parseFloat(margins.marginBottom)
      })
      // What of an entry must stay on one page: down to the foot of its slide.
      const heads = entries.map((entry) => {
        const slot = entry.querySelector('.paper-slot')
        return slot
          ? slot.getBoundingClientRect().bottom - entry.getBoundingClientRect().top
          : 0
      })
      // Where the pages break: the choice that leaves the least blank space,
      // counted as the sum of each page's leftover squared, so pages come out
      // evenly full rather than some full and some half empty. The last page
      // costs nothing. An entry longer than a page may start below others,
      // and its notes run on over the next pages.
      const cost = Array.from<number>({ length: entries.length + 1 }).fill(Infinity)
      const breakAt = Array.from<number>({ length: entries.length + 1 }).fill(0)
      cost[0] = 0
      for (let end = 1; end <= entries.length; end++) {
        const runsOn = heights[end - 1]! > sheetHeight
        let height = 0
        for (let start = end - 1; start >= 0; start--) {
          height += heights[start]!
          const fits = runsOn
            ? height - heights[end - 1]! + heads[end - 1]! <= sheetHeight
            : height <= sheetHeight
          if (!fits && start < end - 1)
            break
          const leftover = end === entries.length || runsOn
            ? 0
            : (sheetHeight - height) / sheetHeight
          if (cost[start]! + leftover ** 2 < cost[end]!) {
            cost[end] = cost[start]! + leftover ** 2
            breakAt[end] = start
          }
        }
      }
      const sheets: HTMLElement[][] = []
      for (let end = entries.length; end > 0; end = breakAt[end]!)
        sheets.unshift(entries.slice(breakAt[end], end))
      for (const [index, members] of sheets.entries()) {
        const sheet = document.createElement('div')
        sheet.className = 'paper-sheet'
        const height = members.reduce((sum, entry) => sum + heights[entries.indexOf(entry)]!, 0)
        // Full sheets are spread over the page; the last one and an entry longer than a page keep their own height.
        if (index < sheets.length - 1 && height <= sheetHeight) {
          sheet.classList.add('paper-full')
          sheet.style.height = `${sheetHeight}px`
        }
        sheet.append(...members)
        flow.append(sheet)
      }
    }
  }, heightMm / MM_PER_CSS_PX)
  // Printed with every frame loaded again: a frame moved in the page, into
  // its slot and then onto its sheet, reloads. Read from the page, for
  // Playwright's frames, told of a reload only later, still show the old
  // frame loaded.
  await page.waitForFunction(() => [
    ...document.querySelectorAll<HTMLIFrameElement>('#kit-paper iframe[src]'),
  ].every((frame) => {
    // A frame of another host (refused, or a network card's) is none of the page's to read.
    const loaded = frame.contentDocument
    return !loaded || (loaded.readyState === 'complete' && loaded.URL === frame.src)
  }), undefined, { timeout: FRAME_TIMEOUT }).catch((error: Error) => {
    throw error.name === 'TimeoutError'
      ? new Error(`a frame of the slides did not load again on the ${doc.kind} paper within ${FRAME_TIMEOUT / 1000} s`)
      : error
  })
  // A slot's zoom shrinks a frame's box, not the page in it: that page is
  // zoomed as its slide is, or it would show only its top left corner.
  await page.evaluate(() => {
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('#kit-paper iframe')) {
      if (frame.contentDocument)
        frame.contentDocument.documentElement.style.zoom = String(frame.currentCSSZoom)
    }
  })
  const links = await readLinkDescriptions(page)
  const shown = await readRenderedSlides(page, 'paper')
  const bytes = await page.pdf({
    format: PAPER_SIZES[input.deck.meta.paper].format,
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(input.deck, input.labels),
  })
  return {
    bytes,
    links,
    shown: {
      slides: shown.slides,
      layout: { kind: 'paper', left: MARGIN_MM.side / MM_PER_PT, top: MARGIN_MM.top / MM_PER_PT },
      browserMs: shown.ms,
    },
    headings: doc.outline,
  }
}
