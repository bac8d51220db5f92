import type { Deck } from '../scripts/deck.ts'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseTimeString } from '@slidev/parser/utils'
import { labelsFor } from '../i18n/index.ts'
import { loadDeck } from '../scripts/deck.ts'
import { editionTimingTable, partTimings, readmeTimingMarker, speakingMinutes, spokenWords, timingTable, wordsPerMinuteFor } from '../utils/notes.ts'
import { talkPlan } from '../utils/plan.ts'
import { changedTitles, parseRehearsal, rehearsalTables } from '../utils/rehearsal.ts'

// Where the talk's time goes, read from the speaker notes:
//   talk-kit timing [--slides] [--wpm 110] [--entry slides.de.md] [--rehearsal rehearsal.json] [--readme]
// prints the per-part table of a deck, at its language's rate unless --wpm gives one;
// --slides adds one row per slide; --rehearsal sets a rehearsal saved by the
// presenter view beside the plan, per part (and per slide with --slides);
// --readme writes the table of every edition
// (the entry and its translations) into README.md, each after its marker
// "<!-- timing:en -->", which a test keeps equal to the notes.

const args = process.argv.slice(2)

function option(name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0
    ? args[index + 1]
    : undefined
}

/** Replaces the table after each edition's marker in `file` with that edition's table. */
function writeReadmeTables(file: string, editions: Deck[]): void {
  let readme = readFileSync(file, 'utf8')
  for (const deck of editions) {
    const marker = readmeTimingMarker(deck.meta.lang)
    if (!readme.includes(marker))
      throw new Error(`${file}: no "${marker}" before a table to replace`)
    readme = readme.replace(new RegExp(`(${marker}\\n)(?:\\|.*\\n)*`), (_, before: string) => `${before}${editionTimingTable(deck.slides, deck.meta.lang)}\n`)
  }
  writeFileSync(file, readme)
  console.log(`\nWrote the tables of ${editions.map(deck => deck.meta.lang).join(' and ')} into ${path.relative(process.cwd(), file)}.`)
}

try {
  const deck = await loadDeck(path.resolve(option('--entry') ?? 'slides.md'))
  const wordsPerMinute = Number(option('--wpm') ?? wordsPerMinuteFor(deck.meta.lang))
  console.log(timingTable(partTimings(deck.slides, wordsPerMinute, labelsFor(deck.meta.lang).opening), wordsPerMinute))
  const duration = deck.slides[0]!.frontmatter.duration
  if (typeof duration === 'string')
    console.log(`\nThe deck's duration: ${parseTimeString(duration).seconds / 60} min.`)
  if (args.includes('--readme')) {
    const original = deck.meta.translationOf
      ? await loadDeck(path.resolve(deck.root, deck.meta.translationOf))
      : deck
    const translations = await Promise.all(Object.values(original.meta.translations).map(file => loadDeck(path.resolve(original.root, file))))
    writeReadmeTables(path.join(original.root, 'README.md'), [original, ...translations])
  }
  const rehearsalFile = option('--rehearsal')
  if (rehearsalFile) {
    const rehearsal = parseRehearsal(readFileSync(rehearsalFile, 'utf8'), rehearsalFile, deck.slides.length)
    if (rehearsal.lang && rehearsal.lang !== deck.meta.lang)
      console.warn(`\n${rehearsalFile} is a rehearsal of the "${rehearsal.lang}" edition, set here beside the "${deck.meta.lang}" one: pass its entry with --entry.`)
    const changed = changedTitles(rehearsal, no => deck.slides[no - 1]!.title)
    if (changed.length)
      console.warn(`\nThe deck changed since the rehearsal:\n  ${changed.join('\n  ')}`)
    const tables = rehearsalTables(talkPlan(deck.slides, wordsPerMinute, labelsFor(deck.meta.lang).opening), rehearsal)
    console.log(`\nRehearsed (${rehearsalFile}):\n\n${tables.parts}`)
    if (args.includes('--slides'))
      console.log(`\n${tables.slides}`)
  }
  else if (args.includes('--slides')) {
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
