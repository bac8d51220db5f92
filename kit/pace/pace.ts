import type { TalkPlan } from '../utils/plan.ts'

/** The headmatter field the preparser fills with the deck's plan (setup/preparser.ts), and the presenter view reads from Slidev's configs. */
export const PLAN_FIELD = 'talkPlan'

/** The deck's plan as the preparser put it into the configs; undefined for a deck read without it. */
export function planOf(configs: Record<string, unknown>): TalkPlan | undefined {
  const plan = configs[PLAN_FIELD] as TalkPlan | undefined
  return plan && Array.isArray(plan.slides) && Array.isArray(plan.parts)
    ? plan
    : undefined
}
