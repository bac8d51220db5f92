import type { Rehearsal } from '../utils/rehearsal.ts'
import type { Deck } from './deck.ts'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { changedTitles, parseRehearsal, RehearsalError } from '../utils/rehearsal.ts'

/**
 * The rehearsals saved by the presenter view that the speaker script prints
 * beside its plan (`npm run pdf -- --rehearsal file.json`), each for the
 * edition in its language. A file that cannot be read, or whose language no
 * edition exported now speaks, fails the export before anything is built;
 * slides retitled since the rehearsal are reported through `warn`.
 */
export async function readRehearsals(files: readonly string[], decks: readonly Deck[], warn: (message: string) => void): Promise<Map<string, Rehearsal>> {
  const byLang = new Map<string, Rehearsal>()
  for (const file of files) {
    const name = path.relative(process.cwd(), path.resolve(file)) || file
    let text: string
    try {
      text = await readFile(file, 'utf8')
    }
    catch (error) {
      throw new RehearsalError(`${name} cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is no such file'
        : (error as Error).message}`)
    }
    // Read once for its language, then again against the slides of its edition.
    const { lang } = parseRehearsal(text, name, Number.MAX_SAFE_INTEGER)
    const deck = decks.find(candidate => candidate.meta.lang === lang)
    if (!deck)
      throw new RehearsalError(`${name} is a rehearsal of the "${lang}" edition, which this export does not print; it prints ${decks.map(candidate => candidate.meta.lang).join(', ')}.`)
    const rehearsal = parseRehearsal(text, name, deck.slides.length)
    if (byLang.has(deck.meta.lang))
      throw new RehearsalError(`${name} is a second rehearsal of the ${deck.meta.lang} edition: give one file per edition.`)
    const changed = changedTitles(rehearsal, no => deck.slides[no - 1]!.title)
    if (changed.length)
      warn(`${name}: the deck changed since the rehearsal, its times may belong to other slides now:\n  ${changed.join('\n  ')}`)
    byLang.set(deck.meta.lang, rehearsal)
  }
  return byLang
}
