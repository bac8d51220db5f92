import type { Labels, Language } from './types.ts'
import { de } from './de.ts'
import { en } from './en.ts'

export type { Labels, Language } from './types.ts'

/** The date of something the record does not date: written out as each language's "n.d.". */
export const UNDATED = 'n.d.'

/** Every language the kit has labels for. */
export const LABELS: Record<Language, Labels> = { en, de }

/** The labels for a language tag ("de", "en-GB"); English when the kit has none for it. */
export function labelsFor(lang: string | undefined): Labels {
  const primary = (lang ?? '').toLowerCase().split('-')[0]!
  return LABELS[primary as Language] ?? en
}

/**
 * An ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) in words, e.g.
 * "25 Jul 2019", "Jul 2019" or "2019", or the labels' word for undated: the
 * registry only knows the day for some sources, and a date must never look
 * more precise than it is.
 */
export function formatDate(iso: string, style: 'short' | 'long' = 'short', labels: Labels = en): string {
  if (iso === UNDATED)
    return labels.undated
  const [year, month, day] = iso.split('-')
  if (!month)
    return year!
  const name = (style === 'long'
    ? labels.months
    : labels.monthsShort)[Number(month) - 1]
  if (!name)
    throw new Error(`Not an ISO date: "${iso}"`)
  return day
    ? labels.date(Number(day), name, year!)
    : labels.monthYear(name, year!)
}
