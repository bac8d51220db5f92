import type { SourceKind } from '../data/sources.ts'

/**
 * Every word the kit itself prints around a talk: the paper layouts, the
 * site's controls, dates. One object per language, so an edition in another
 * language brings no furniture in English.
 */
export interface Labels {
  /** BCP 47 language tag, as the deck's `lang`. */
  lang: string
  /** Month names, January first, and their short forms. */
  months: readonly string[]
  monthsShort: readonly string[]
  /** "25 Jul 2019": the order of day, month and year. */
  date: (day: number, month: string, year: string) => string
  /** "Jul 2019". */
  monthYear: (month: string, year: string) => string
  slide: (no: number) => string
  /** The running footer's page count; the arguments are Chromium's page-number placeholders. */
  pageOf: (page: string, total: string) => string
  /** "1:05": a time into the talk, minutes and seconds. */
  clock: (seconds: number) => string
  sourceKinds: Record<SourceKind, string>
  /** The alternative text of the QR code of the deck's address. */
  qrCode: (url: string) => string
  paper: {
    handout: string
    overview: string
    script: string
    howToCite: string
    online: string
    scanToOpen: string
    /** What follows the cover; the sources only when the slides cite any. */
    handoutHowTo: (withSources: boolean) => string
    sources: string
    allSources: string
    startsAt: string
    partPlan: (minutes: number) => string
    lasts: (duration: string) => string
    /** How the script's times are read, and how long the whole talk runs. */
    scriptHowTo: (wordsPerMinute: number, total: string) => string
  }
  nav: {
    slides: string
    handout: string
    overview: string
  }
}
