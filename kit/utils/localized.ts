import type { Labels, Language } from '../i18n/index.ts'

// Data text in each language, and how to pick it: plain TypeScript, so the
// export (Node) and the components (the browser) read the same data.

/**
 * A text the deck shows, worded in each language the talk is given in. Both
 * editions read the same data, so they cannot show different facts.
 */
export type Localized<T = string> = Record<Language, T>

/** A quoted term in another language than the text around it, e.g. a German legal term in the English edition. */
export interface Foreign {
  lang: Language
  text: string
}

/** Text that may quote terms in another language: plain text, or runs of it and of quoted terms. */
export type Phrases = string | readonly (string | Foreign)[]

function isLocalized<T>(text: T | Localized<T>): text is Localized<T> {
  return typeof text === 'object' && text !== null && !Array.isArray(text) && 'en' in text && 'de' in text
}

/** The text in the labels' language; a name that is the same in every language is given as it is. */
export function localize<T>(text: T | Localized<T>, labels: Labels): T {
  return isLocalized(text)
    ? text[labels.lang]
    : text
}

/**
 * Phrases as runs to show: each quoted term in the quotation marks of the
 * text around it (the labels' language: „Community Requests“ in German,
 * “Eingriffsverwaltung” in English) and marked with its own language, so
 * screen readers and tagged PDFs read it right.
 */
export function phraseRuns(phrases: Phrases, labels: Labels): { text: string, lang?: Language }[] {
  const runs = typeof phrases === 'string'
    ? [phrases]
    : phrases
  return runs.map(run => typeof run === 'string'
    ? { text: run }
    : {
        text: labels.quote(run.text),
        lang: run.lang,
      })
}

/** Phrases as plain text, quoted terms in quotation marks: for text alternatives, word counts and tests. */
export function phrasesText(phrases: Phrases, labels: Labels): string {
  return phraseRuns(phrases, labels).map(run => run.text).join('')
}

/**
 * The attributes of an inline element that holds words in another language.
 * Chromium's tagged PDF gives an element its language only when the element
 * is in the accessibility tree, which a plain span is not; aria-hidden="false",
 * the default, puts it there and changes nothing else.
 */
export function languageAttributes(lang: string): { 'lang': string, 'aria-hidden': 'false' } {
  return { 'lang': lang, 'aria-hidden': 'false' }
}

/** `languageAttributes` written out for HTML. */
export function languageAttributesHtml(lang: string): string {
  return Object.entries(languageAttributes(lang)).map(([name, value]) => `${name}="${value}"`).join(' ')
}
