import type { SlidePlan } from '../../utils/plan.ts'
import type { DeckSlide } from '../deck.ts'
import type { PaperDocument, PaperInput } from './paper.ts'
import { formatDate } from '../../i18n/index.ts'
import { CLICK_MARKER, plannedMinutes, STAGE_DIRECTION, wordsPerMinuteFor } from '../../utils/notes.ts'
import { opensPart } from '../../utils/parts.ts'
import { talkPlan } from '../../utils/plan.ts'
import { rehearsedSeconds } from '../../utils/rehearsal.ts'
import { baseCss, entryOutline, escape, outlineItem, renderMarkdown, slotCss } from './paper.ts'

// Small enough that the notes beside it get most of the page's width, large
// enough to recognise the slide at a glance.
const SLIDE_WIDTH_MM = 58

/** The note as the speaker reads it at the lectern: stage directions in italics, each click a visible cue. */
function speakerNote(note: string): string {
  const marked = note
    .replace(CLICK_MARKER, '▶ ')
    .replace(STAGE_DIRECTION, direction => `*${direction}*`)
  return renderMarkdown(marked)
}

function entryHtml(slide: DeckSlide, timing: SlidePlan, input: PaperInput, rehearsed: Map<number, number>): string {
  const { labels } = input
  const planned = plannedMinutes(slide.note)
  const startsAt = timing.start
  const part = opensPart(slide)
    ? `<h1 class="paper-part">${escape(slide.title)}<span class="script-plan">${escape([
      planned === undefined
        ? ''
        : labels.paper.partPlan(planned),
      `${labels.paper.startsAt} ${labels.clock(startsAt)}`,
    ].filter(Boolean).join(' · '))}</span></h1>`
    : ''
  const seconds = Math.round(timing.seconds)
  const took = rehearsed.get(slide.no)
  const rehearsal = took === undefined
    ? ''
    : ` · <span class="script-rehearsed">${escape(labels.paper.rehearsed(labels.clock(took)))}</span>`
  return `<article class="paper-entry script-entry" data-slide="${slide.no}">
    ${part}
    <div class="script-row">
      <div class="script-cue">
        <h2><span class="paper-no">${escape(labels.slide(slide.no))}</span> ${escape(slide.title)}</h2>
        <div class="paper-slot" data-slot="${slide.no}"></div>
        <p class="script-time">${escape(labels.paper.startsAt)} <strong>${escape(labels.clock(startsAt))}</strong> · ${escape(labels.paper.lasts(labels.clock(seconds)))}${rehearsal}</p>
      </div>
      <div class="script-notes">${speakerNote(slide.note)}</div>
    </div>
  </article>`
}

/**
 * The speaker's script for a lectern without a second screen: each slide
 * small, its notes beside it in large type, the time each slide should start
 * (read from the notes at the speaker's rate) and each part's planned minutes.
 */
export function script(input: PaperInput): PaperDocument {
  const { deck, labels } = input
  const rate = wordsPerMinuteFor(deck.meta.lang)
  const plan = talkPlan(deck.slides, rate, labels.opening)
  const rehearsed = input.rehearsal
    ? rehearsedSeconds(input.rehearsal)
    : new Map<number, number>()
  const entries = deck.slides.map((slide, index) => entryHtml(slide, plan.slides[index]!, input, rehearsed))
  const rehearsalHowTo = input.rehearsal
    ? `<p>${escape(labels.paper.rehearsalHowTo(formatDate(input.rehearsal.started.slice(0, 10), 'long', labels), labels.clock([
      ...rehearsed.values(),
    ].reduce((sum, seconds) => sum + seconds, 0))))}</p>`
    : ''
  return {
    kind: 'script',
    // A part's heading also shows its planned minutes and start: the outline names the part only.
    outline: [
      ...outlineItem(1, deck.meta.title),
      ...deck.slides.flatMap(slide => entryOutline(slide, labels.slide(slide.no))),
    ],
    html: `<div lang="${escape(deck.meta.lang)}">
      <div class="paper-flow">
        <header class="paper-entry script-header">
          <p class="paper-kicker">${escape(labels.paper.script)}</p>
          <h1>${escape(deck.meta.title)}</h1>
          <p>${escape(labels.paper.scriptHowTo(rate, labels.clock(plan.spoken)))}</p>
          ${rehearsalHowTo}
        </header>
        ${entries.join('\n')}
      </div>
    </div>`,
    css: `${baseCss(deck.meta.paper)}
      .script-header { padding-bottom: 3mm; }
      .script-header h1 { font-size: 18pt; margin: 0 0 1mm; }
      .script-header p { margin: 0; font-size: 11pt; }
      .script-entry { padding: 3mm 0 0; }
      .script-entry + .script-entry { border-top: 0.3mm solid #c5cdd8; }
      .script-entry .paper-part { font-size: 16pt; display: flex; justify-content: space-between; align-items: baseline; gap: 4mm; }
      .script-plan { font-size: 11pt; font-weight: 400; color: #333; }
      .script-row { display: grid; grid-template-columns: ${SLIDE_WIDTH_MM}mm minmax(0, 1fr); gap: 6mm; }
      .script-cue > h2 { font-size: 10.5pt; margin: 0 0 1.5mm; }
      ${slotCss('.script-cue .paper-slot', SLIDE_WIDTH_MM, input)}
      .script-time { margin: 2mm 0 0; font-size: 11pt; color: #333; }
      .script-time strong { font-size: 16pt; color: #111; font-variant-numeric: tabular-nums; }
      .script-rehearsed { font-weight: 600; color: #111; }
      .script-notes { font-size: 14pt; line-height: 1.45; }
      .script-notes p { margin: 0 0 2.5mm; }
      .script-notes p:last-child { margin-bottom: 0; }
      .script-notes em { color: #555; }
    `,
  }
}
