import type { Deck, DeckSlide } from '../scripts/deck.ts'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sources } from '../data/sources.ts'
import { unknownCitations } from '../scripts/citations.ts'
import { loadDeck } from '../scripts/deck.ts'

const ENTRY = path.resolve(import.meta.dirname, '../slides.md')

/** Words a content slide may show; the speaker notes carry the rest. */
const MAX_WORDS = 45
const MIN_SENTENCES = 2
const MAX_SENTENCES = 6

let deck: Deck
let slides: DeckSlide[]

beforeAll(async () => {
  deck = await loadDeck(ENTRY)
  slides = deck.slides
})

/** "pages/deal.md, slide 6 "The Lakeland memorandum"": where a failure is. */
function where(slide: DeckSlide): string {
  return `${path.relative(deck.root, slide.file)}, slide ${slide.no} "${slide.title}"`
}

/** Text a viewer reads: no comments, tags, components or Markdown syntax. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#{1,6}|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~>|]/g, ' ')
}

function wordCount(markdown: string): number {
  return visibleText(markdown).split(/\s+/).filter(word => /[\p{L}\p{N}]/u.test(word)).length
}

/** Sentences in a note: runs of text ending in . ! or ? (closing quotes and brackets allowed). */
function sentenceCount(note: string): number {
  return note.split(/(?<=[.!?]["'”’)\]]*)\s+/).filter(part => /[\p{L}\p{N}]/u.test(part)).length
}

function isSourcesSlide(slide: DeckSlide): boolean {
  return /^Sources \(\d+\/\d+\)$/.test(slide.title)
}

function isContentSlide(slide: DeckSlide): boolean {
  return slide.layout !== 'cover' && slide.layout !== 'section' && !isSourcesSlide(slide)
}

describe('the deck', () => {
  it('has 25 to 30 slides', () => {
    expect(slides.length).toBeGreaterThanOrEqual(25)
    expect(slides.length).toBeLessThanOrEqual(30)
  })

  it('gives every slide a title', () => {
    const untitled = slides.filter(slide => !slide.title).map(where)
    expect(untitled, `slides without a # title:\n${untitled.join('\n')}`).toEqual([])
  })

  it('uses every title once', () => {
    const seen = new Map<string, DeckSlide>()
    const repeats: string[] = []
    for (const slide of slides) {
      const first = seen.get(slide.title)
      if (first)
        repeats.push(`${where(slide)} repeats the title of slide ${first.no}`)
      else
        seen.set(slide.title, slide)
    }
    expect(repeats, repeats.join('\n')).toEqual([])
  })

  it(`gives every slide speaker notes of ${MIN_SENTENCES} to ${MAX_SENTENCES} sentences`, () => {
    const problems = slides.flatMap((slide) => {
      const count = sentenceCount(slide.note)
      return count >= MIN_SENTENCES && count <= MAX_SENTENCES
        ? []
        : [`${where(slide)}: ${count} sentence(s) of notes`]
    })
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('starts four parts with section slides that the agenda can link to', () => {
    const sections = slides.filter(slide => slide.layout === 'section')
    expect(sections.map(slide => slide.frontmatter.routeAlias)).toEqual(['deal', 'data', 'eu', 'close'])
    expect(sections.map(slide => slide.frontmatter.part)).toEqual([1, 2, 3, 4])
    const agenda = slides.find(slide => slide.title === 'Agenda')
    expect(agenda, 'an "Agenda" slide').toBeDefined()
    for (const alias of ['deal', 'data', 'eu'])
      expect(agenda!.content, `the agenda links to "${alias}"`).toContain(`<Link to="${alias}">`)
  })

  it(`keeps content slides to ${MAX_WORDS} visible words`, () => {
    const long = slides
      .filter(isContentSlide)
      .map(slide => ({
        slide,
        words: wordCount(slide.content),
      }))
      .filter(({ words }) => words > MAX_WORDS)
      .map(({ slide, words }) => `${where(slide)}: ${words} words`)
    expect(long, long.join('\n')).toEqual([])
  })
})

describe('citations', () => {
  it('cite only sources in the registry', () => {
    const unknown = unknownCitations(deck)
    expect(unknown, unknown.join('\n')).toEqual([])
  })
})

describe('the source registry', () => {
  it('links every source with an absolute http(s) address', () => {
    const bad = sources.filter(source => !/^https?:\/\/[^/\s]+/.test(source.url)).map(source => `${source.id}: ${source.url}`)
    expect(bad, bad.join('\n')).toEqual([])
  })

  it('uses every address and every id once', () => {
    const urls = sources.map(source => source.url)
    expect(urls.filter((url, index) => urls.indexOf(url) !== index)).toEqual([])
    const ids = sources.map(source => source.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })
})
