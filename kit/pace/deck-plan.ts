import type { TalkPlan } from '../utils/plan.ts'
import path from 'node:path'
import { load } from '@slidev/parser/fs'
import { deckLanguage } from '../editions.ts'
import { labelsFor } from '../i18n/index.ts'
import { wordsPerMinuteFor } from '../utils/notes.ts'
import { talkPlan } from '../utils/plan.ts'

// The decks being planned right now: reading a deck runs the preparser again,
// and that inner reading must not plan (and read) the deck once more.
const planning = new Set<string>()

/**
 * The plan of the deck at `entry` (`headmatter` is its headmatter), read
 * from its notes as the speaker script and `cli/timing.ts` read them, for
 * the presenter view; undefined while the deck is already being planned.
 */
export async function deckPlan(entry: string, headmatter: Record<string, unknown>): Promise<TalkPlan | undefined> {
  if (planning.has(entry))
    return undefined
  planning.add(entry)
  try {
    const root = path.dirname(entry)
    const data = await load({
      roots: [root],
      userRoot: root,
    }, entry)
    const lang = deckLanguage(headmatter)
    return talkPlan(data.slides.map((slide, index) => ({
      no: index + 1,
      title: String(slide.title ?? '').trim(),
      layout: String(slide.frontmatter.layout ?? (index === 0
        ? 'cover'
        : 'default')),
      note: String(slide.note ?? '').trim(),
      frontmatter: slide.frontmatter,
    })), wordsPerMinuteFor(lang), labelsFor(lang).opening)
  }
  finally {
    planning.delete(entry)
  }
}
