import type { DeckSlide } from '../deck.ts'
import type { PaperDocument, PaperInput } from './paper.ts'
import { readerNote } from '../../utils/notes.ts'
import { opensPart } from '../../utils/parts.ts'
import { baseCss, byline, citation, citedSources, contentBox, entryOutline, escape, externalLink, outlineItem, reference, renderMarkdown, slotCss, widthForType } from './paper.ts'

// The slide prints its body text at this size or larger, to be read on paper.
const BODY_TEXT_PT = 6.2
// Otherwise as small as a glance allows (92 mm wide, or 55 mm tall for 4:3
// and narrower), so three slides and their notes share most pages; never so
// wide that the notes beside it lose their measure.
const SLIDE_WIDTH_MM = 92
const SLIDE_HEIGHT_MM = 55
const NOTES_MIN_MM = 60

/** The cover: title, presenter, event and date, abstract, how to cite, and the address with its QR code. */
function coverHtml(input: PaperInput): string {
  const { deck, labels, qrSvg } = input
  const { meta } = deck
  const online = meta.url
    ? `<div class="paper-qr">${qrSvg ?? ''}<p><strong>${escape(labels.paper.online)}:</strong> ${externalLink(meta.url)}${qrSvg
      ? `<br><span class="handout-scan">${escape(labels.paper.scanToOpen)}</span>`
      : ''}</p></div>`
    : ''
  return `<section class="handout-cover">
    <p class="paper-kicker">${escape(labels.paper.handout)}</p>
    <h1>${escape(meta.title)}</h1>
    <p class="handout-byline">${escape(byline(deck, labels))}</p>
    <div class="handout-abstract">${renderMarkdown(meta.info)}</div>
    <p class="handout-cite"><strong>${escape(labels.paper.howToCite)}:</strong> ${escape(citation(deck, labels))}</p>
    ${online}
    <p class="handout-howto">${escape(labels.paper.handoutHowTo(citedSources(input).length > 0))}</p>
  </section>`
}

/** One slide: its part heading when it opens one, its title, the slide, its notes and the full references of its sources. */
function entryHtml(slide: DeckSlide, { citations, labels, sources: registry }: PaperInput): string {
  const part = opensPart(slide)
    ? `<h1 class="paper-part">${escape(slide.title)}</h1>`
    : ''
  // Every id is in the registry: the export checks the citations before it prints.
  const cited = (citations[slide.no] ?? []).map(id => registry.find(source => source.id === id)!)
  const sources = cited.length
    ? `<div class="handout-sources"><p class="handout-sources-title">${escape(labels.paper.sources)}</p><ol>${cited.map(source => `<li>${reference(source, labels)}</li>`).join('')}</ol></div>`
    : ''
  const note = readerNote(slide.note)
  const notes = note
    ? `<div class="handout-notes">${renderMarkdown(note)}</div>`
    : ''
  return `<article class="paper-entry handout-entry" data-slide="${slide.no}">
    ${part}
    <h2><span class="paper-no">${escape(labels.slide(slide.no))}</span> ${escape(slide.title)}</h2>
    <div class="handout-row">
      <div class="paper-slot" data-slot="${slide.no}"></div>
      ${notes}
    </div>
    ${sources}
  </article>`
}

function allSourcesHtml(input: PaperInput): string {
  const cited = citedSources(input)
  if (!cited.length)
    return ''
  const { labels } = input
  return `<section class="handout-all-sources">
    <h1>${escape(labels.paper.allSources)}</h1>
    <ol>${cited.map(source => `<li>${reference(source, labels)}${source.kind
      ? ` <span class="handout-kind">(${escape(source.kind)})</span>`
      : ''}</li>`).join('')}</ol>
  </section>`
}

/**
 * The reader handout for the audience: a cover, then every slide with its
 * notes and the full references of its sources, then every source the talk
 * cites. The slides stay vector graphics with selectable text.
 */
export function handout(input: PaperInput): PaperDocument {
  const { deck } = input
  const legible = widthForType(BODY_TEXT_PT, input.bodyTextPx, input.slideWidthPx)
  const slideWidthMm = Math.min(Math.max(legible, Math.min(SLIDE_WIDTH_MM, SLIDE_HEIGHT_MM * deck.config.aspectRatio)), contentBox(deck.meta.paper).widthMm - NOTES_MIN_MM)
  return {
    kind: 'handout',
    outline: [
      ...outlineItem(1, deck.meta.title),
      ...deck.slides.flatMap(slide => entryOutline(slide, input.labels.slide(slide.no))),
      ...(citedSources(input).length
        ? outlineItem(1, input.labels.paper.allSources)
        : []),
    ],
    html: `<div lang="${escape(deck.meta.lang)}">${coverHtml(input)}<div class="paper-flow">${deck.slides.map(slide => entryHtml(slide, input)).join('\n')}</div>${allSourcesHtml(input)}</div>`,
    css: `${baseCss(deck.meta.paper)}
      .handout-cover { break-after: page; padding-top: 30mm; }
      .handout-cover h1 { font-size: 26pt; margin: 0 0 4mm; }
      .handout-byline { font-size: 12pt; margin: 0 0 10mm; }
      .handout-abstract { font-size: 11pt; margin-bottom: 8mm; }
      .handout-scan { color: #555; font-size: 9pt; }
      /* Space above an entry, none below: nothing of a long entry runs onto an otherwise empty page. */
      .handout-entry { padding: 3mm 0 0; }
      .handout-entry + .handout-entry { border-top: 0.2mm solid #c5cdd8; }
      .handout-entry > h2 { font-size: 11pt; margin: 0 0 2mm; }
      /* The notes run beside the slide and on under it: no column left half empty. */
      .handout-row { display: flow-root; }
      .handout-row .paper-slot { float: left; margin: 0.5mm 5mm 1.5mm 0.5mm; }
      ${slotCss('.handout-row .paper-slot', slideWidthMm, input)}
      .handout-notes { font-size: 9pt; line-height: 1.4; }
      .handout-notes p { margin: 0 0 1.5mm; }
      .handout-notes p:last-child, .handout-sources li:last-child { margin-bottom: 0; }
      .handout-sources { font-size: 7pt; line-height: 1.3; color: #333; margin-top: 1mm; }
      .handout-sources-title { font-weight: 600; margin: 0 0 0.3mm; }
      .handout-sources ol, .handout-all-sources ol { margin: 0; padding-left: 4.5mm; }
      .handout-all-sources { break-before: page; font-size: 7.5pt; line-height: 1.3; }
      .handout-all-sources h1 { font-size: 15pt; margin: 0 0 3mm; }
      .handout-all-sources li { margin-bottom: 1mm; break-inside: avoid; }
      .handout-kind { color: #555; }
    `,
  }
}
