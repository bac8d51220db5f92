/**
 * The talk's plan in seconds: when each slide should start and how long it
 * lasts, read from its notes at the speaking rate, and when each part should
 * end, from the minutes its first note plans for it. The speaker script
 * prints it, the presenter view holds the speaker to it, and a rehearsal is
 * set beside it.
 */
import type { TimedSlide } from './notes.ts'
import { partTimings, speakingMinutes, spokenWords, timedSlides } from './notes.ts'

export interface SlidePlan {
  no: number
  title: string
  /** Seconds into the talk when the slide should come up. */
  start: number
  /** Seconds its notes take at the speaking rate. */
  seconds: number
  /** The index of its part in the plan's `parts`; undefined for a slide of the appendix. */
  part?: number
}

export interface PartPlan {
  title: string
  first: number
  last: number
  /** The minutes the part's first note plans for it, in seconds; its notes' time where it plans none. */
  seconds: number
  /** Seconds into the talk when the part should be over: the plans of it and every part before it. */
  end: number
}

export interface TalkPlan {
  slides: SlidePlan[]
  parts: PartPlan[]
  /** Seconds the timed talk's notes take. */
  spoken: number
}

/** Each slide's start and length, and each part's end, for a deck's slides at `wordsPerMinute`. */
export function talkPlan(slides: readonly TimedSlide[], wordsPerMinute: number, openingTitle = 'Opening'): TalkPlan {
  const parts = partTimings(slides, wordsPerMinute, openingTitle)
  const timed = new Set(timedSlides(slides).map(slide => slide.no))
  let end = 0
  const partPlans = parts.map((part) => {
    const seconds = (part.planned ?? part.minutes) * 60
    end += seconds
    return {
      title: part.title,
      first: part.first,
      last: part.last,
      seconds,
      end,
    }
  })
  let start = 0
  const slidePlans = slides.map((slide) => {
    const seconds = speakingMinutes(spokenWords(slide.note).length, wordsPerMinute) * 60
    const plan: SlidePlan = {
      no: slide.no,
      title: slide.title,
      start,
      seconds,
      part: timed.has(slide.no)
        ? partPlans.findIndex(part => slide.no >= part.first && slide.no <= part.last)
        : undefined,
    }
    start += seconds
    return plan
  })
  return {
    slides: slidePlans,
    parts: partPlans,
    spoken: slidePlans.filter(slide => slide.part !== undefined).reduce((sum, slide) => sum + slide.seconds, 0),
  }
}
