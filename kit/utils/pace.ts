/**
 * The speaker's pace against the talk's plan (utils/plan.ts), at a moment of
 * the talk: how far ahead or behind, and how long the current part has left.
 * Plain TypeScript with no imports, for the presenter view.
 */
import type { PartPlan, TalkPlan } from './plan.ts'

/**
 * The gap, in seconds, under which the pace stays quiet: about half of an
 * average slide's time (a talk of 25 minutes on 30 slides gives each 50 s),
 * and 2 % of such a talk. Smaller gaps are the ordinary swing of speaking
 * and not worth a glance away from the audience.
 */
export const PACE_QUIET_SECONDS = 30

/**
 * How far the speaker is from the plan `at` seconds into the talk, on slide
 * `no`: positive when behind (past the slide's planned end), negative when
 * ahead (before its planned start), zero while on its planned span.
 */
export function planGap(plan: TalkPlan, no: number, at: number): number {
  const slide = plan.slides.find(item => item.no === no)
  if (!slide)
    return 0
  if (at < slide.start)
    return at - slide.start
  return Math.max(0, at - (slide.start + slide.seconds))
}

/** Seconds left in the part of slide `no` at `at` seconds into the talk (negative once over), or undefined in the appendix. */
export function partTimeLeft(plan: TalkPlan, no: number, at: number): { part: PartPlan, left: number } | undefined {
  const index = plan.slides.find(item => item.no === no)?.part
  if (index === undefined)
    return undefined
  const part = plan.parts[index]!
  return { part, left: part.end - at }
}
