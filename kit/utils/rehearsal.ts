/**
 * A rehearsal as the presenter view saves it: the seconds the speaker spent
 * on each slide. A small JSON file that the timing report and the speaker
 * script read back beside the plan. Plain TypeScript, for Node and the
 * browser alike.
 */

import type { TalkPlan } from './plan.ts'

export const REHEARSAL_FORMAT = 'talk-kit-rehearsal'
export const REHEARSAL_VERSION = 1

export interface RehearsedSlide {
  no: number
  title: string
  /** Seconds spent on the slide, over every visit. */
  seconds: number
}

export interface Rehearsal {
  format: typeof REHEARSAL_FORMAT
  version: typeof REHEARSAL_VERSION
  /** The deck's title and language, to tell one edition's rehearsal from another's. */
  title: string
  lang: string
  /** When the rehearsal started, as an ISO date and time. */
  started: string
  slides: RehearsedSlide[]
}

/** Why a rehearsal file cannot be read, naming the file and what is wrong. */
export class RehearsalError extends Error {
  override name = 'RehearsalError'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The rehearsal in `text`, checked: its format, and a number of seconds, zero
 * or more, for slides that exist in a deck of `slideCount` slides. `file`
 * names it in the errors.
 */
export function parseRehearsal(text: string, file: string, slideCount: number): Rehearsal {
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch (error) {
    throw new RehearsalError(`${file} is not JSON: ${(error as Error).message}`)
  }
  if (!isRecord(data) || data.format !== REHEARSAL_FORMAT)
    throw new RehearsalError(`${file} is not a rehearsal saved by the presenter view (no "format": "${REHEARSAL_FORMAT}").`)
  if (data.version !== REHEARSAL_VERSION)
    throw new RehearsalError(`${file} is a rehearsal of version ${String(data.version)}; this kit reads version ${REHEARSAL_VERSION}.`)
  if (!Array.isArray(data.slides))
    throw new RehearsalError(`${file} has no "slides" list.`)
  const slides = data.slides.map((slide: unknown, index: number): RehearsedSlide => {
    if (!isRecord(slide) || !Number.isInteger(slide.no) || typeof slide.seconds !== 'number' || !(slide.seconds >= 0))
      throw new RehearsalError(`${file}: entry ${index + 1} of "slides" needs a slide number "no" and its "seconds" (0 or more).`)
    if ((slide.no as number) < 1 || (slide.no as number) > slideCount)
      throw new RehearsalError(`${file}: slide ${String(slide.no)} is not in the deck, which has ${slideCount} slides.`)
    return {
      no: slide.no as number,
      title: String(slide.title ?? ''),
      seconds: slide.seconds,
    }
  })
  return {
    format: REHEARSAL_FORMAT,
    version: REHEARSAL_VERSION,
    title: String(data.title ?? ''),
    lang: String(data.lang ?? ''),
    started: String(data.started ?? ''),
    slides,
  }
}

/** The rehearsed seconds of each slide by number; a slide not rehearsed is absent. */
export function rehearsedSeconds(rehearsal: Rehearsal): Map<number, number> {
  const seconds = new Map<number, number>()
  for (const slide of rehearsal.slides)
    seconds.set(slide.no, (seconds.get(slide.no) ?? 0) + slide.seconds)
  return seconds
}

/**
 * The slides whose title in the rehearsal is not their title in the deck:
 * the deck changed since the rehearsal, and its times may belong elsewhere.
 */
export function changedTitles(rehearsal: Rehearsal, titleOf: (no: number) => string): string[] {
  return rehearsal.slides
    .filter(slide => slide.title && slide.title !== titleOf(slide.no))
    .map(slide => `slide ${slide.no}: "${slide.title}" when rehearsed, now "${titleOf(slide.no)}"`)
}

/** "1:05", or "+1:05" / "−0:20" for a difference. */
function clock(seconds: number, signed = false): string {
  const whole = Math.round(Math.abs(seconds))
  const text = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
  if (!signed || whole === 0)
    return text
  return `${seconds > 0
    ? '+'
    : '−'}${text}`
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`
}

/**
 * The plan beside a rehearsal, as Markdown tables: per part (planned,
 * spoken from the notes, rehearsed, and how far the rehearsal ran over or
 * under the plan), and per slide (planned start and length, rehearsed).
 */
export function rehearsalTables(plan: TalkPlan, rehearsal: Rehearsal): { parts: string, slides: string } {
  const rehearsed = rehearsedSeconds(rehearsal)
  const sum = (first: number, last: number, of: (no: number) => number): number => {
    let total = 0
    for (let no = first; no <= last; no++)
      total += of(no)
    return total
  }
  const spokenOf = (no: number): number => plan.slides.find(slide => slide.no === no)?.seconds ?? 0
  const rehearsedOf = (no: number): number => rehearsed.get(no) ?? 0
  const partRows = plan.parts.map((part) => {
    const took = sum(part.first, part.last, rehearsedOf)
    // A part the rehearsal never reached has no time of its own, not a time of zero.
    const reached = plan.slides.some(slide => slide.no >= part.first && slide.no <= part.last && rehearsed.has(slide.no))
    return row([
      part.title,
      `${part.first}–${part.last}`,
      clock(part.seconds),
      clock(sum(part.first, part.last, spokenOf)),
      reached
        ? clock(took)
        : '–',
      reached
        ? clock(took - part.seconds, true)
        : '–',
    ])
  })
  const first = plan.parts[0]?.first ?? 1
  const last = plan.parts.at(-1)?.last ?? 0
  const planned = plan.parts.reduce((total, part) => total + part.seconds, 0)
  const took = sum(first, last, rehearsedOf)
  const parts = [
    row([
      'Part',
      'Slides',
      'Planned',
      'Notes',
      'Rehearsed',
      'Over (+) or under (−)',
    ]),
    row([
      '---',
      '---',
      '---:',
      '---:',
      '---:',
      '---:',
    ]),
    ...partRows,
    row([
      '**Total**',
      `${first}–${last}`,
      clock(planned),
      clock(plan.spoken),
      clock(took),
      clock(took - planned, true),
    ]),
  ].join('\n')
  const slides = [
    row([
      'Slide',
      'Title',
      'Starts at',
      'Planned',
      'Rehearsed',
      'Over (+) or under (−)',
    ]),
    row([
      '---:',
      '---',
      '---:',
      '---:',
      '---:',
      '---:',
    ]),
    ...plan.slides.map(slide => row([
      slide.no,
      slide.title,
      clock(slide.start),
      clock(slide.seconds),
      rehearsed.has(slide.no)
        ? clock(rehearsedOf(slide.no))
        : '–',
      rehearsed.has(slide.no)
        ? clock(rehearsedOf(slide.no) - slide.seconds, true)
        : '–',
    ])),
  ].join('\n')
  return { parts, slides }
}
