import type { Language } from '../kit/i18n/index.ts'
import type { Deck, DeckSlide } from '../kit/scripts/deck.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseTimeString } from '@slidev/parser/utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPORTED_BY, shortLabel, sourceById } from '../data/sources.ts'
import { labelsFor } from '../kit/i18n/index.ts'
import { loadDeck } from '../kit/scripts/deck.ts'
import { editionTimingTable, partTimings, readmeTimingMarker, sentencesOf, spokenText, spokenWords, timedSlides, wordsOf, wordsPerMinuteFor } from '../kit/utils/notes.ts'
import { recordRules } from './record-rules.ts'
import { renderSlide, visibleWords, where } from './rendered-slide.ts'

// The rules every edition of the talk keeps, whatever its language: the
// brief's limits on slides and notes, its timing, and README's table of it.
// test/deck.test.ts applies them to the English edition, test/editions.test.ts
// to the German one. Files that use these need `// @vitest-environment happy-dom`.

export const ROOT = path.resolve(import.meta.dirname, '..')

const MIN_SLIDES = 25
const MAX_SLIDES = 35
/** Words a content slide may show, its headline included and its source markers not: the notes carry the rest. */
export const MAX_WORDS = 40
/** What content slides show on average: most well under the limit, so the limit is not the norm. */
const MAX_MEAN_WORDS = 32
const MIN_SENTENCES = 2
const MAX_SENTENCES = 6
/** A sentence is said in one breath. */
export const MAX_SENTENCE_WORDS = 35
/**
 * How far the spoken notes may stray from the deck's `duration`, and each part
 * from the minutes it is given: close enough that the presenter's countdown
 * and the plan on the agenda hold in either language.
 */
export const TOTAL_TOLERANCE = 0.03
export const PART_TOLERANCE = 0.05

/** How the notes say a number of minutes, in each language: the agenda's "about six minutes". */
const SPOKEN_MINUTES: Record<Language, { numbers: string[], about: (number: string) => string, minutes: (count: number) => string }> = {
  en: {
    numbers: [
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
    ],
    about: number => `about ${number} minutes`,
    minutes: count => `${count} minutes`,
  },
  de: {
    numbers: [
      'null',
      'eine',
      'zwei',
      'drei',
      'vier',
      'fünf',
      'sechs',
      'sieben',
      'acht',
      'neun',
      'zehn',
    ],
    about: number => `etwa ${number} Minuten`,
    minutes: count => `${count} Minuten`,
  },
}

/** A slide of the generated source list. */
export function isSourcesSlide(slide: DeckSlide): boolean {
  return /<SourceList\b/.test(slide.content)
}

export function isContentSlide(slide: DeckSlide): boolean {
  return slide.layout !== 'cover' && slide.layout !== 'section' && !isSourcesSlide(slide)
}

/** The slide that links the parts: the agenda. */
export function agendaOf(slides: readonly DeckSlide[]): DeckSlide | undefined {
  return slides.find(slide => /<Link\s+to=/.test(slide.content))
}

/** The deck's `duration` in minutes. */
export function durationOf(deck: Deck): number {
  return parseTimeString(String(deck.slides[0]!.frontmatter.duration)).seconds / 60
}

/**
 * Registers the rules every edition keeps, for the deck at `entry` (relative
 * to the project): slides, their words, the notes, the timing and README's table.
 */
export function describeDeckRules(entry: string): void {
  let deck: Deck
  let slides: DeckSlide[]
  let lang: Language
  let durationMinutes: number
  let wordsPerMinute: number

  beforeAll(async () => {
    deck = await loadDeck(path.join(ROOT, entry))
    slides = deck.slides
    lang = labelsFor(deck.meta.lang).lang
    durationMinutes = durationOf(deck)
    wordsPerMinute = wordsPerMinuteFor(lang)
  })

  const parts = (): ReturnType<typeof partTimings> => partTimings(slides, wordsPerMinute, labelsFor(lang).opening)

  describe(`the deck ${entry}`, () => {
    it(`has ${MIN_SLIDES} to ${MAX_SLIDES} slides`, () => {
      expect(slides.length).toBeGreaterThanOrEqual(MIN_SLIDES)
      expect(slides.length).toBeLessThanOrEqual(MAX_SLIDES)
    })

    it('gives every slide a title', () => {
      const untitled = slides.filter(slide => !slide.title).map(slide => where(deck, slide))
      expect(untitled, `slides without a # title:\n${untitled.join('\n')}`).toEqual([])
    })

    it('uses every title once', () => {
      const seen = new Map<string, DeckSlide>()
      const repeats: string[] = []
      for (const slide of slides) {
        const first = seen.get(slide.title)
        if (first)
          repeats.push(`${where(deck, slide)} repeats the title of slide ${first.no}`)
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
      const agenda = agendaOf(slides)
      expect(agenda, 'an agenda slide').toBeDefined()
      for (const alias of ['deal', 'data', 'eu'])
        expect(agenda!.content, `the agenda links to "${alias}"`).toContain(`<Link to="${alias}">`)
    })

    it(`keeps content slides to ${MAX_WORDS} visible words`, () => {
      const long = slides
        .filter(isContentSlide)
        .map(slide => ({ slide, words: visibleWords(renderSlide(slide, lang)).length }))
        .filter(({ words }) => words > MAX_WORDS)
        .map(({ slide, words }) => `${where(deck, slide)}: ${words} words`)
      expect(long, long.join('\n')).toEqual([])
    })

    it(`keeps content slides to ${MAX_MEAN_WORDS} visible words on average`, () => {
      const counts = slides.filter(isContentSlide).map(slide => visibleWords(renderSlide(slide, lang)).length)
      const mean = counts.reduce((sum, count) => sum + count, 0) / counts.length
      expect(mean, `${counts.length} content slides, ${mean.toFixed(1)} words on average`).toBeLessThanOrEqual(MAX_MEAN_WORDS)
    })

    it('says that a secondary source\'s fact is reported, on every marker of it', () => {
      const labels = labelsFor(lang)
      const unreported = slides.flatMap(slide => [
        ...renderSlide(slide, lang).querySelectorAll('a[data-source]'),
      ]
        .map(mark => ({
          mark,
          source: sourceById(mark.getAttribute('data-source')!),
        }))
        .filter(({ mark, source }) => source.kind === 'secondary' && !(mark.textContent!.trim().startsWith(REPORTED_BY[labels.lang]('')) && mark.textContent!.trim() === shortLabel(source, labels)))
        .map(({ mark }) => `${where(deck, slide)}: "${mark.textContent!.trim()}"`))
      expect(unreported, unreported.join('\n')).toEqual([])
    })
  })

  describe(`the speaker notes of ${entry}`, () => {
    it(`give every slide ${MIN_SENTENCES} to ${MAX_SENTENCES} spoken sentences`, () => {
      const problems = slides.flatMap((slide) => {
        const count = sentencesOf(spokenText(slide.note)).length
        return count >= MIN_SENTENCES && count <= MAX_SENTENCES
          ? []
          : [`${where(deck, slide)}: ${count} sentence(s) of notes`]
      })
      expect(problems, problems.join('\n')).toEqual([])
    })

    it(`keep every sentence to ${MAX_SENTENCE_WORDS} words`, () => {
      const long = slides.flatMap(slide => sentencesOf(spokenText(slide.note))
        .filter(sentence => wordsOf(sentence).length > MAX_SENTENCE_WORDS)
        .map(sentence => `${where(deck, slide)}: ${wordsOf(sentence).length} words: "${sentence}"`))
      expect(long, long.join('\n')).toEqual([])
    })

    it(`fill the deck's duration within ±${TOTAL_TOLERANCE * 100} % at the language's speaking rate`, () => {
      const words = timedSlides(slides).reduce((sum, slide) => sum + spokenWords(slide.note).length, 0)
      const minutes = words / wordsPerMinute
      expect(durationMinutes).toBeGreaterThan(0)
      expect(Math.abs(minutes - durationMinutes) / durationMinutes, `${minutes.toFixed(1)} spoken minutes at ${wordsPerMinute} words a minute against ${durationMinutes}`).toBeLessThanOrEqual(TOTAL_TOLERANCE)
    })

    it('plan every part in its first note, and the plans add up to the duration', () => {
      const unplanned = parts().filter(part => part.planned == null).map(part => part.title)
      expect(unplanned, `parts whose first note gives no minutes ("[About N minutes for this part.]"): ${unplanned.join(', ')}`).toEqual([])
      expect(parts().reduce((sum, part) => sum + part.planned!, 0)).toBe(durationMinutes)
    })

    it(`fill each part's planned minutes within ±${PART_TOLERANCE * 100} %`, () => {
      const off = parts()
        .filter(part => Math.abs(part.minutes - part.planned!) / part.planned! > PART_TOLERANCE)
        .map(part => `${part.title}: ${part.minutes.toFixed(1)} spoken minutes against ${part.planned} planned`)
      expect(off, off.join('\n')).toEqual([])
    })

    it('say the same times as the opening and the agenda', () => {
      const spoken = SPOKEN_MINUTES[lang]
      const [opening, ...rest] = parts()
      expect(opening!.title).toBe(labelsFor(lang).opening)
      expect(slides[0]!.note, 'the opening gives the talk\'s length').toContain(spoken.minutes(durationMinutes))
      const agenda = agendaOf(slides)!
      // The agenda shows the three parts' minutes, and its note says every part's, the close included.
      expect([
        ...agenda.content.matchAll(/(\d+) min\b/gi),
      ].map(match => Number(match[1]))).toEqual(rest.slice(0, 3).map(part => part.planned))
      for (const part of rest)
        expect(agenda.note, `the agenda's note gives "${part.title}" ${part.planned} minutes`).toContain(spoken.about(spoken.numbers[part.planned!]!))
    })
  })

  describe(`the wording of ${entry} against the record`, () => {
    recordRules(() => ({ deck, lang }))
  })

  describe(`README's timing table of ${entry}`, () => {
    it('is the one the notes give', () => {
      const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
      const marker = readmeTimingMarker(lang)
      expect(readme, `README has "${marker}" before the table`).toContain(marker)
      expect(readme).toContain(`${marker}\n${editionTimingTable(slides, lang)}\n`)
    })
  })
}
