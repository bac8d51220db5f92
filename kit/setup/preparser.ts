import type { SlidevPreparserExtension } from '@slidev/types'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { definePreparserSetup } from '@slidev/types'
import YAML from 'yaml'
import { deckLanguage, editionRoots } from '../editions.ts'
import { deckPlan } from '../pace/deck-plan.ts'
import { PLAN_FIELD } from '../pace/pace.ts'

// A translation of a talk (its headmatter names the original with
// `translationOf: ./slides.md`) takes every setting of the original's
// headmatter it does not set itself: presenter, event, date, address, paper,
// fonts, canvas, timer. They are written once, in the original, and reach
// both editions, in Slidev's dev server and build as in the kit's export.
// Both the original (it lists `translations:`) and each translation also get
// `editions:`, where every edition's root is relative to their own, for the
// navigation bar's link to the same slide in another language.

/** What each edition says in its own language, and the fields that link editions. */
const OWN_FIELDS = new Set([
  'title',
  'info',
  'keywords',
  'lang',
  'htmlAttrs',
  'translations',
  'translationOf',
  'editions',
])

/** The YAML of a Markdown file's first frontmatter block, as an object. */
function headmatterOf(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))
  return (match
    ? YAML.parse(match[1]!)
    : undefined) ?? {}
}

/** What the preparser adds to a deck's headmatter; nothing for a deck that has no other editions. */
function addedFields(filepath: string, headmatter: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof headmatter.translationOf === 'string') {
    const original = headmatterOf(path.resolve(path.dirname(filepath), headmatter.translationOf))
    const inherited = Object.entries(original).filter(([key]) => !OWN_FIELDS.has(key) && !(key in headmatter))
    return {
      ...Object.fromEntries(inherited),
      editions: editionRoots(original, deckLanguage(headmatter)),
    }
  }
  if (headmatter.translations && typeof headmatter.translations === 'object') {
    return {
      editions: editionRoots(headmatter, deckLanguage(headmatter)),
    }
  }
  return undefined
}

/**
 * Where the deck's own headmatter ends in a file's lines: only in the entry,
 * the block at its top that holds every field of `headmatter` (and those an
 * extension before this one added).
 */
function headmatterEnd(lines: string[], headmatter: Record<string, unknown>): number | undefined {
  if (lines[0]?.trim() !== '---')
    return undefined
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---')
  if (end < 0)
    return undefined
  const block = (YAML.parse(lines.slice(1, end).join('\n')) ?? {}) as Record<string, unknown>
  return Object.entries(headmatter).every(([key, value]) => JSON.stringify(block[key]) === JSON.stringify(value))
    ? end
    : undefined
}

export default definePreparserSetup(({ filepath, headmatter, mode }) => {
  const extensions: SlidevPreparserExtension[] = []
  const added = addedFields(filepath, headmatter)
  if (added) {
    extensions.push({
      name: 'talk-kit:edition-headmatter',
      transformRawLines(lines) {
        const end = headmatterEnd(lines, headmatter)
        if (end !== undefined)
          lines.splice(end, 0, ...YAML.stringify(added).trimEnd().split('\n'))
      },
    })
  }
  // In Slidev's own runs (dev, build), the deck's plan for the presenter view:
  // when each slide should start, read from the notes as the speaker script reads them.
  if (mode) {
    extensions.push({
      name: 'talk-kit:plan',
      async transformRawLines(lines) {
        const end = headmatterEnd(lines, headmatter)
        if (end === undefined)
          return
        const plan = await deckPlan(filepath, headmatter)
        if (plan)
          lines.splice(end, 0, `${PLAN_FIELD}: ${JSON.stringify(plan)}`)
      },
    })
  }
  return extensions
})
