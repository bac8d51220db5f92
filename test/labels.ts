import type { Language } from '../kit/i18n/index.ts'
import { REPORTED_BY, SOURCE_KINDS } from '../data/sources.ts'
import { WORDS } from '../data/words.ts'
import { LABELS } from '../kit/i18n/index.ts'

// Every word the talk prints around its content, read as text, to find
// English furniture where German should be: on the German slides
// (test/editions.test.ts) and in the German PDFs (test/pdf/german.test.ts).

/** The kit's labels, the talk's own words and its sources' phrases, in one language. */
export function vocabulary(lang: Language): object {
  return {
    ...LABELS[lang],
    talk: WORDS[lang],
    reportedBy: REPORTED_BY[lang],
    sourceKinds: Object.fromEntries(Object.entries(SOURCE_KINDS).map(([kind, words]) => [kind, words[lang]])),
  }
}

/** Every label as text: strings as they are, functions called with sample arguments. */
export function labelTexts(labels: object): Record<string, string> {
  const texts: Record<string, string> = {}
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'function') {
      texts[key] = String(value(...['\uE000', '\uE001', '\uE002'].slice(0, value.length)))
    }
    else if (value && typeof value === 'object') {
      Object.entries(value).forEach(([name, inner]) => walk(inner, key
        ? `${key}.${name}`
        : name))
    }
    else {
      texts[key] = String(value)
    }
  }
  walk(labels, '')
  return texts
}

/** Labels the two languages write alike: the word "Handout", month names, times and formats. */
export const SHARED_LABELS = new Set([
  'paper.handout',
  'months.3',
  'months.7',
  'months.8',
  'months.10',
  'monthYear',
  'clock',
  'number',
])

/** The English labels' words that German would not use, each run of them between sample arguments. */
export function englishFurniture(): string[] {
  const english = labelTexts(vocabulary('en'))
  const german = labelTexts(vocabulary('de'))
  return [
    ...new Set(Object.entries(english)
      .filter(([key, text]) => text !== german[key] && key !== 'lang' && !key.startsWith('languageNames'))
      .flatMap(([, text]) => text.split(/[\uE000-\uE002]/))
      .map(words => words.trim().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
      .filter(words => words.length >= 4)),
  ]
}

/** Whether `text` holds `words` as words of their own, not inside longer ones ("Part" is not in "Partnerschaft", "Jan" not in "Jan."). */
export function matchesWords(text: string, words: string): boolean {
  return new RegExp(`(?<!\\p{L})${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}.])`, 'u').test(text)
}
