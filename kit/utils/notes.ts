/**
 * Speaker notes as they are read: on paper (the handout) and aloud.
 */
import removeMarkdown from 'remove-markdown'
import { LABELS, labelsFor } from '../i18n/index.ts'
import { CLICK_MARKER, STAGE_DIRECTION } from './note-marks.ts'
import { partsOf } from './parts.ts'

export { CLICK_MARKER, STAGE_DIRECTION } from './note-marks.ts'

/** Speaking rates in words a minute: the English edition's, and the German one's (German words are longer). */
export const WORDS_PER_MINUTE = { en: 130, de: 110 } as const

/** The speaking rate for a deck's language, in words a minute; English's for a language the kit has no rate for. */
export function wordsPerMinuteFor(lang: string): number {
  return WORDS_PER_MINUTE[lang.split('-')[0] as keyof typeof WORDS_PER_MINUTE] ?? WORDS_PER_MINUTE.en
}

/** A note's Markdown without Slidev's click markers. */
export function withoutClickMarkers(note: string): string {
  return note.replace(CLICK_MARKER, '')
}

/** A note as the audience reads it in the handout: Markdown kept, click markers and stage directions gone. */
export function readerNote(note: string): string {
  return withoutClickMarkers(note).replace(STAGE_DIRECTION, '').replace(/[ \t]{2,}/g, ' ').trim()
}

/** What the speaker says: Markdown, click markers and stage directions removed. */
export function spokenText(note: string): string {
  const said = withoutClickMarkers(note).replace(STAGE_DIRECTION, ' ')
  return removeMarkdown(said).replace(/\s+/g, ' ').trim()
}

/** The words of a text: runs between spaces that hold a letter or a digit ("—" is not a word, "2,014" is). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(word => /[\p{L}\p{N}]/u.test(word))
}

/** The words the speaker says. */
export function spokenWords(note: string): string[] {
  return wordsOf(spokenText(note))
}

/** Month names in every language the kit speaks: "am 2. August" is a date, not a sentence's end. */
const MONTHS = new Set(Object.values(LABELS).flatMap(labels => labels.months))

/**
 * The sentences of a text: runs ending in . ! or ?, closing quotes and
 * brackets allowed; a German date's day ("am 13. Juli 2022") ends in a full
 * stop but no sentence.
 */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = []
  for (const piece of text.split(/(?<=[.!?]["'”’“)\]]*)\s+/)) {
    const previous = sentences.at(-1)
    if (previous && /(?:^|\s)\d{1,2}\.$/.test(previous) && MONTHS.has(piece.split(/\s/)[0]!.replace(/\W+$/, '')))
      sentences[sentences.length - 1] = `${previous} ${piece}`
    else
      sentences.push(piece)
  }
  return sentences.filter(sentence => /[\p{L}\p{N}]/u.test(sentence))
}

/** Minutes it takes to say `words` words at `wordsPerMinute`. */
export function speakingMinutes(words: number, wordsPerMinute: number): number {
  if (!(wordsPerMinute > 0))
    throw new Error(`A speaking rate must be positive, not ${wordsPerMinute}`)
  return words / wordsPerMinute
}

/** A part's planned minutes as a stage direction in each edition's language. */
const PART_PLAN = [
  /\[About (\d+) minutes? for this part\.?\]/i,
  /\[Etwa (\d+) Minuten? für diesen Teil\.?\]/i,
]

/**
 * The minutes a note's stage direction gives its part, "[About 6 minutes for
 * this part.]" or "[Etwa 6 Minuten für diesen Teil.]"; undefined when it gives none.
 */
export function plannedMinutes(note: string): number | undefined {
  for (const pattern of PART_PLAN) {
    const match = pattern.exec(note)
    if (match)
      return Number(match[1])
  }
  return undefined
}

/** The fields of a slide that timing needs; scripts/deck.ts's DeckSlide has them. */
export interface TimedSlide {
  no: number
  title: string
  layout: string
  note: string
  frontmatter?: Record<string, unknown>
}

/**
 * The frontmatter key that opens a deck's appendix: `appendix: true` on the
 * first slide after the talk (the full source list, say). The appendix is
 * shown, printed and handed out, but not given: it is not timed.
 */
export const APPENDIX_KEY = 'appendix'

/** The slides of the talk as given: all of them up to the slide that opens the appendix. */
export function timedSlides<T extends TimedSlide>(slides: readonly T[]): T[] {
  const appendix = slides.findIndex(slide => slide.frontmatter?.[APPENDIX_KEY] === true)
  return appendix < 0
    ? [...slides]
    : slides.slice(0, appendix)
}

export interface PartTiming {
  /** "Opening" for the slides before the first part divider, else the divider's title. */
  title: string
  first: number
  last: number
  /** What the first slide's stage direction plans for the part. */
  planned?: number
  words: number
  minutes: number
}

/**
 * The talk cut into its parts, each timed from its notes: the opening
 * (`openingTitle`, the labels' `opening` in the deck's language) is the
 * slides before the first section slide; each part runs from its section
 * slide to the slide before the next one, the last one to the appendix.
 */
export function partTimings(slides: readonly TimedSlide[], wordsPerMinute: number, openingTitle = 'Opening'): PartTiming[] {
  return partsOf(timedSlides(slides), openingTitle).map(({ title, slides: members }) => {
    const words = members.reduce((sum, slide) => sum + spokenWords(slide.note).length, 0)
    return {
      title,
      first: members[0]!.no,
      last: members.at(-1)!.no,
      planned: plannedMinutes(members[0]!.note),
      words,
      minutes: speakingMinutes(words, wordsPerMinute),
    }
  })
}

/** The timing of each part as a Markdown table, with a total row: what README's "Timing" section shows. */
export function timingTable(parts: readonly PartTiming[], wordsPerMinute: number): string {
  const number = (value: number): string => value.toLocaleString('en-US')
  const minutes = (value: number): string => `${value.toFixed(1)} min`
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`
  const words = parts.reduce((sum, part) => sum + part.words, 0)
  const planned = parts.reduce((sum, part) => sum + (part.planned ?? 0), 0)
  return [
    row([
      'Part',
      'Slides',
      'Planned',
      `Spoken at ${wordsPerMinute} words a minute`,
      'Words in the notes',
    ]),
    row(['---', '---', '---:', '---:', '---:']),
    ...parts.map(part => row([
      part.title,
      `${part.first}–${part.last}`,
      part.planned == null
        ? '–'
        : `${part.planned} min`,
      minutes(part.minutes),
      number(part.words),
    ])),
    row([
      '**Total**',
      `${parts[0]!.first}–${parts.at(-1)!.last}`,
      `${planned} min`,
      minutes(speakingMinutes(words, wordsPerMinute)),
      number(words),
    ]),
  ].join('\n')
}

/** A deck's timing table, read at its language's rate and with the opening named in its language: README shows one for each edition. */
export function editionTimingTable(slides: readonly TimedSlide[], lang: string): string {
  const rate = wordsPerMinuteFor(lang)
  return timingTable(partTimings(slides, rate, labelsFor(lang).opening), rate)
}

/** The comment in README.md that the timing table of the edition in `lang` follows. */
export function readmeTimingMarker(lang: string): string {
  return `<!-- timing:${lang} -->`
}
