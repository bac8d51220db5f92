// @vitest-environment happy-dom
import type { Component } from 'vue'
import type { Deck, DeckSlide } from '../scripts/deck.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseTimeString } from '@slidev/parser/utils'
import { mount } from '@vue/test-utils'
import MarkdownIt from 'markdown-it'
import { beforeAll, describe, expect, it } from 'vitest'
import { shortLabel, sourceById, sources } from '../data/sources.ts'
import { unknownCitations } from '../scripts/citations.ts'
import { loadDeck } from '../scripts/deck.ts'
import { partTimings, sentencesOf, spokenText, spokenWords, timingTable, WORDS_PER_MINUTE, wordsOf } from '../utils/notes.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const ENTRY = path.join(ROOT, 'slides.md')

const MIN_SLIDES = 25
const MAX_SLIDES = 35
/** Words a content slide may show, its headline included and its source markers not: the notes carry the rest. */
const MAX_WORDS = 40
const MIN_SENTENCES = 2
const MAX_SENTENCES = 6
/** A sentence is said in one breath. */
const MAX_SENTENCE_WORDS = 35
const WPM = WORDS_PER_MINUTE.en
/** How far the spoken notes may stray from the deck's `duration`, and each part from the minutes it is given. */
const TOTAL_TOLERANCE = 0.1
const PART_TOLERANCE = 0.15

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]

// The kit's components by file name, as Slidev registers them for the slides' Markdown.
const components = Object.fromEntries(Object.entries(import.meta.glob<{ default: Component }>('../components/*.vue', { eager: true }))
  .map(([file, module]) => [
    path.basename(file, '.vue'),
    module.default,
  ]))
const markdown = new MarkdownIt({ html: true })

let deck: Deck
let slides: DeckSlide[]
let durationMinutes: number

beforeAll(async () => {
  deck = await loadDeck(ENTRY)
  slides = deck.slides
  durationMinutes = parseTimeString(String(slides[0]!.frontmatter.duration)).seconds / 60
})

/** "pages/deal.md, slide 6 "The Lakeland memorandum"": where a failure is. */
function where(slide: DeckSlide): string {
  return `${path.relative(deck.root, slide.file)}, slide ${slide.no} "${slide.title}"`
}

/**
 * A slide as the audience sees it: its Markdown rendered, and the kit's
 * components in it mounted with their data, so a diagram's labels count as
 * much as a bullet's words.
 */
function renderSlide(slide: DeckSlide): HTMLElement {
  return mount({ template: `<div>${markdown.render(slide.content)}</div>`, components }, {
    global: {
      // Slidev's own <Link> renders its text as a link.
      stubs: {
        Link: { template: '<a><slot /></a>' },
      },
    },
  }).element as HTMLElement
}

/** The words a viewer reads: no source markers, no SVG titles and descriptions, no text for screen readers only. */
function visibleWords(slide: HTMLElement): string[] {
  const shown = slide.cloneNode(true) as HTMLElement
  for (const hidden of shown.querySelectorAll('.kit-source-mark, title, desc, .sr-only'))
    hidden.remove()
  const texts: string[] = []
  const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT)
  while (walker.nextNode())
    texts.push(walker.currentNode.textContent ?? '')
  return wordsOf(texts.join(' '))
}

function isSourcesSlide(slide: DeckSlide): boolean {
  return /^Sources \(\d+\/\d+\)$/.test(slide.title)
}

function isContentSlide(slide: DeckSlide): boolean {
  return slide.layout !== 'cover' && slide.layout !== 'section' && !isSourcesSlide(slide)
}

describe('the deck', () => {
  it(`has ${MIN_SLIDES} to ${MAX_SLIDES} slides`, () => {
    expect(slides.length).toBeGreaterThanOrEqual(MIN_SLIDES)
    expect(slides.length).toBeLessThanOrEqual(MAX_SLIDES)
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

  it('starts three numbered parts and a close with section slides that the agenda links to', () => {
    const sections = slides.filter(slide => slide.layout === 'section')
    expect(sections.map(slide => slide.frontmatter.routeAlias)).toEqual(['deal', 'data', 'eu', 'close'])
    // The close is not a part of the agenda: no "Part 4" kicker.
    expect(sections.map(slide => slide.frontmatter.part)).toEqual([1, 2, 3, undefined])
    const agenda = slides.find(slide => slide.title === 'Agenda')
    expect(agenda, 'an "Agenda" slide').toBeDefined()
    for (const alias of ['deal', 'data', 'eu'])
      expect(agenda!.content, `the agenda links to "${alias}"`).toContain(`<Link to="${alias}">`)
  })

  it(`keeps content slides to ${MAX_WORDS} visible words`, () => {
    const long = slides
      .filter(isContentSlide)
      .map(slide => ({ slide, words: visibleWords(renderSlide(slide)).length }))
      .filter(({ words }) => words > MAX_WORDS)
      .map(({ slide, words }) => `${where(slide)}: ${words} words`)
    expect(long, long.join('\n')).toEqual([])
  })

  it('says "reported by" on every marker of a secondary source', () => {
    const unreported = slides.flatMap(slide => [
      ...renderSlide(slide).querySelectorAll('a[data-source]'),
    ]
      .map(mark => ({
        mark,
        source: sourceById(mark.getAttribute('data-source')!),
      }))
      .filter(({ mark, source }) => source.kind === 'secondary' && !(mark.textContent!.trim().startsWith('reported by ') && mark.textContent!.trim() === shortLabel(source)))
      .map(({ mark }) => `${where(slide)}: "${mark.textContent!.trim()}"`))
    expect(unreported, unreported.join('\n')).toEqual([])
  })
})

describe('the speaker notes', () => {
  it(`give every slide ${MIN_SENTENCES} to ${MAX_SENTENCES} spoken sentences`, () => {
    const problems = slides.flatMap((slide) => {
      const count = sentencesOf(spokenText(slide.note)).length
      return count >= MIN_SENTENCES && count <= MAX_SENTENCES
        ? []
        : [`${where(slide)}: ${count} sentence(s) of notes`]
    })
    expect(problems, problems.join('\n')).toEqual([])
  })

  it(`keep every sentence to ${MAX_SENTENCE_WORDS} words`, () => {
    const long = slides.flatMap(slide => sentencesOf(spokenText(slide.note))
      .filter(sentence => wordsOf(sentence).length > MAX_SENTENCE_WORDS)
      .map(sentence => `${where(slide)}: ${wordsOf(sentence).length} words: "${sentence}"`))
    expect(long, long.join('\n')).toEqual([])
  })

  it(`fill the deck's duration within ±${TOTAL_TOLERANCE * 100} % at ${WPM} words a minute`, () => {
    const words = slides.reduce((sum, slide) => sum + spokenWords(slide.note).length, 0)
    const minutes = words / WPM
    expect(durationMinutes).toBeGreaterThan(0)
    expect(Math.abs(minutes - durationMinutes) / durationMinutes, `${minutes.toFixed(1)} spoken minutes against ${durationMinutes}`).toBeLessThanOrEqual(TOTAL_TOLERANCE)
  })

  it('plan every part in its first note, and the plans add up to the duration', () => {
    const parts = partTimings(slides, WPM)
    const unplanned = parts.filter(part => part.planned == null).map(part => part.title)
    expect(unplanned, `parts whose first note has no "[About N minutes for this part.]": ${unplanned.join(', ')}`).toEqual([])
    expect(parts.reduce((sum, part) => sum + part.planned!, 0)).toBe(durationMinutes)
  })

  it(`fill each part's planned minutes within ±${PART_TOLERANCE * 100} %`, () => {
    const off = partTimings(slides, WPM)
      .filter(part => Math.abs(part.minutes - part.planned!) / part.planned! > PART_TOLERANCE)
      .map(part => `${part.title}: ${part.minutes.toFixed(1)} spoken minutes against ${part.planned} planned`)
    expect(off, off.join('\n')).toEqual([])
  })

  it('say the same times as the opening and the agenda', () => {
    const [opening, ...parts] = partTimings(slides, WPM)
    expect(opening!.title).toBe('Opening')
    expect(slides[0]!.note, 'the opening gives the talk\'s length').toContain(`${durationMinutes} minutes`)
    const agenda = slides.find(slide => slide.title === 'Agenda')!
    // The agenda shows the three parts' minutes, and its note says every part's, the close included.
    expect([
      ...agenda.content.matchAll(/(\d+) min\b/g),
    ].map(match => Number(match[1]))).toEqual(parts.slice(0, 3).map(part => part.planned))
    for (const part of parts)
      expect(agenda.note, `the agenda's note gives "${part.title}" ${part.planned} minutes`).toContain(`about ${NUMBER_WORDS[part.planned!]} minutes`)
  })
})

describe('rEADME', () => {
  it('shows the timing table the notes give', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const section = /^## Timing\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? ''
    expect(section, 'README has a "## Timing" section').not.toBe('')
    expect(section).toContain(timingTable(partTimings(slides, WPM), WPM))
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
