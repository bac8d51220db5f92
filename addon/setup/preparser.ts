import { readFileSync } from 'node:fs'
import path from 'node:path'
import { definePreparserSetup } from '@slidev/types'
import YAML from 'yaml'

// A translation of a talk (its headmatter names the original with
// `translationOf: ./slides.md`) takes every setting of the original's
// headmatter it does not set itself: presenter, event, date, address, paper,
// fonts, canvas, timer. They are written once, in the original, and reach
// both editions, in Slidev's dev server and build as in the kit's export.

/** What each edition says in its own language, and the fields that link editions. */
const OWN_FIELDS = new Set([
  'title',
  'info',
  'keywords',
  'lang',
  'htmlAttrs',
  'translations',
  'translationOf',
])

/** The YAML of a Markdown file's first frontmatter block, as an object. */
function headmatterOf(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))
  return (match
    ? YAML.parse(match[1]!)
    : undefined) ?? {}
}

export default definePreparserSetup(({ filepath, headmatter }) => {
  if (typeof headmatter.translationOf !== 'string')
    return []
  const original = headmatterOf(path.resolve(path.dirname(filepath), headmatter.translationOf))
  const inherited = Object.fromEntries(Object.entries(original).filter(([key]) => !OWN_FIELDS.has(key) && !(key in headmatter)))
  return [
    {
      name: 'talk-kit:translation-headmatter',
      transformRawLines(lines) {
      // Only the translation's own headmatter: the block at the top that names its original.
        if (lines[0]?.trim() !== '---')
          return
        const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---')
        if (end < 0 || !lines.slice(1, end).some(line => /^translationOf\s*:/.test(line)))
          return
        lines.splice(end, 0, ...YAML.stringify(inherited).trimEnd().split('\n'))
      },
    },
  ]
})
