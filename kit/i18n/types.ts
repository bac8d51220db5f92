/** The languages the talk is given in: each has its labels, and every text of the deck's data has its wording in each. */
export type Language = 'en' | 'de'

/**
 * Every word the kit itself prints around a talk: the paper layouts, the
 * site's controls, the components' captions, dates and numbers. One object
 * per language, so an edition in another language brings no furniture in English.
 */
export interface Labels {
  /** The language, as the deck's `lang`. */
  lang: Language
  /** The languages by name, in this language: "German" in English, "Deutsch" in German. */
  languageNames: Record<Language, string>
  /** Month names, January first, and their short forms. */
  months: readonly string[]
  monthsShort: readonly string[]
  /** "25 Jul 2019": the order of day, month and year. */
  date: (day: number, month: string, year: string) => string
  /** "Jul 2019". */
  monthYear: (month: string, year: string) => string
  /** The date of a source the record does not date: "n.d.". */
  undated: string
  /** A count as the language writes it: "2,014". */
  number: (value: number) => string
  /** A title or a quoted term in the language's quotation marks: “…”. */
  quote: (text: string) => string
  slide: (no: number) => string
  /** A slide's place in the deck: "Slide 5 of 34". */
  slideOf: (no: number, total: number) => string
  /** The kicker over a part's divider: "Part 1". */
  part: (no: number | string) => string
  /** The slides before the first part divider, as timing tables name them. */
  opening: string
  /** The running footer's page count; the arguments are Chromium's page-number placeholders. */
  pageOf: (page: string, total: string) => string
  /** "1:05": a time into the talk, minutes and seconds. */
  clock: (seconds: number) => string
  /** Headers, captions and text alternatives of the kit's components. */
  figures: {
    qrCode: (address: string) => string
  }
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
    /** A slide's time in a rehearsal, beside its planned length. */
    rehearsed: (duration: string) => string
    /** Which rehearsal the script's rehearsed times come from, and how long it ran. */
    rehearsalHowTo: (date: string, total: string) => string
  }
  nav: {
    slides: string
    handout: string
    overview: string
    /** The edition switch's accessible name: the language's own name, which the link shows, first (WCAG's label in name), then what it opens in this language. */
    sameSlideIn: (language: string, ownName: string) => string
    /** The link from the slides to the reader, at the same slide. */
    reader: string
  }
  /** The site's reader: the deck as one scrolling page, with each slide's notes and sources. */
  reader: {
    /** The reader's own name, in its switch back from the slides. */
    name: string
    contents: string
    /** The switch from the reader to the slides, at the slide being read. */
    toSlides: string
    /** The slides a part spans, in the contents: "slides 4–11". */
    slideRange: (first: number, last: number) => string
    /** The heading over a slide's speaker notes. */
    notes: string
    /** The heading over a slide's links to other sites. */
    sources: string
    downloads: string
  }
  /** What assistive technology hears of the live deck beyond each slide's own words. */
  a11y: {
    /** The slide area, which keeps the focus between slide changes. */
    slides: string
    /** The presenter view's notes panel. */
    notes: string
    /** Slidev's overview of all slides, as a dialog. */
    overview: string
  }
  /** The presenter view's pace against the talk's plan, and its rehearsal recorder. */
  pace: {
    /** The group's accessible name. */
    name: string
    /** When the current slide should have come up: "planned at 8:44". */
    plannedAt: (clock: string) => string
    onPlan: string
    behind: (clock: string) => string
    ahead: (clock: string) => string
    /** The current part's time left against its plan: "The deal: 3:20 left of 6 min". */
    partLeft: (part: string, left: string, minutes: number) => string
    partOver: (part: string, over: string) => string
    /** A slide of the appendix, after the timed talk. */
    afterTalk: string
    rehearse: string
    /** While a rehearsal records: the time recorded so far. */
    rehearsing: (clock: string) => string
    saveRehearsal: string
    endRehearsal: string
  }
}
