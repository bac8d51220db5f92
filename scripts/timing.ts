import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseTimeString } from '@slidev/parser/utils'
import { partTimings, speakingMinutes, spokenWords, timingTable, WORDS_PER_MINUTE } from '../utils/notes.ts'
import { loadDeck } from './deck.ts'

// Where the talk's time goes, read from the speaker notes:
//   node --experimental-strip-types --disable-warning=ExperimentalWarning scripts/timing.ts [--slides] [--wpm 110] [--entry slides.md] [--readme]
// prints the per-part table that README's "Timing" section shows; --slides adds one row per slide;
// --readme writes the table into README's "Timing" section, which a test keeps equal to the notes.

const args = process.argv.slice(2)

function option(name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0
    ? args[index + 1]
    : undefined
}

/** Replaces the table in README's "## Timing" section with `table`. */
function writeReadmeTable(file: string, table: string): void {
  const readme = readFileSync(file, 'utf8')
  const updated = readme.replace(/(^## Timing\n[\s\S]*?)(?:^\|.*\n)+/m, (_, before: string) => `${before}${table}\n`)
  if (updated === readme && !readme.includes(table))
    throw new Error(`${file}: no table in a "## Timing" section to replace`)
  writeFileSync(file, updated)
  console.log(`\nWrote the table into ${path.relative(process.cwd(), file)}.`)
}

try {
  const wordsPerMinute = Number(option('--wpm') ?? WORDS_PER_MINUTE.en)
  const deck = await loadDeck(path.resolve(option('--entry') ?? 'slides.md'))
  const duration = deck.slides[0]!.frontmatter.duration
  const table = timingTable(partTimings(deck.slides, wordsPerMinute), wordsPerMinute)
  console.log(table)
  if (args.includes('--readme'))
    writeReadmeTable(path.join(deck.root, 'README.md'), table)
  if (typeof duration === 'string')
    console.log(`\nThe deck's duration: ${parseTimeString(duration).seconds / 60} min.`)
  if (args.includes('--slides')) {
    console.log('\n| Slide | Title | Seconds |\n| ---: | --- | ---: |')
    for (const slide of deck.slides) {
      const seconds = Math.round(speakingMinutes(spokenWords(slide.note).length, wordsPerMinute) * 60)
      console.log(`| ${slide.no} | ${slide.title} | ${seconds} |`)
    }
  }
}
catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
}
