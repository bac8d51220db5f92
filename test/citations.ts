import type { Deck, DeckSlide } from '../kit/scripts/deck.ts'
import path from 'node:path'
import process from 'node:process'
import { sources } from '../data/sources.ts'

// How this talk's slides cite in Markdown: <SourceMark id="…" /> and
// <QuoteDe … source="…" />. The kit knows citations only as rendered
// (`data-source`); the talk's tests also read them from the Markdown, to
// compare the editions and to fail before anything is built.
const CITATION = /<(?:SourceMark|QuoteDe)\b[^>]*?\s(?:id|source)="([^"]+)"/g

/** Source ids a slide's Markdown cites directly, in order of appearance. */
export function citedIds(slide: Pick<DeckSlide, 'content'>): string[] {
  return [
    ...slide.content.matchAll(CITATION),
  ].map(match => match[1]!)
}

/** One line per citation of an id that the registry does not have, naming the slide and file. */
export function unknownCitations(deck: Deck): string[] {
  const known = new Set<string>(sources.map(source => source.id))
  return deck.slides.flatMap(slide => citedIds(slide)
    .filter(id => !known.has(id))
    .map(id => `${path.relative(process.cwd(), slide.file)}, slide ${slide.no} "${slide.title}": unknown source "${id}"`))
}
