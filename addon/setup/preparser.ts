import { readFileSync } from 'node:fs'
import path from 'node:path'
import { definePreparserSetup } from '@slidev/types'
import YAML from 'yaml'
import { deckLanguage, editionRoots } from '../editions.ts'

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

export default definePreparserSetup(({ filepath, headmatter }) => {
  const added = addedFields(filepath, headmatter)
  if (!added)
    return []
  return [
    {
      name: 'talk-kit:edition-headmatter',
      transformRawLines(lines) {
        // Only the deck's own headmatter: the block at the top that names its editions.
        if (lines[0]?.trim() !== '---')
          return
        const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---')
        if (end < 0 || !lines.slice(1, end).some(line => /^(?:translationOf|translations)\s*:/.test(line)))
          return
        lines.splice(end, 0, ...YAML.stringify(added).trimEnd().split('\n'))
      },
    },
  ]
})
