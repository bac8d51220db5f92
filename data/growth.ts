import type { Labels } from '../kit/i18n/index.ts'
import type { Localized } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'
import { en } from '../kit/i18n/en.ts'
import { wordsFor } from './words.ts'

export interface GrowthPoint {
  /** ISO month of the count: the chart's axis shows it as a short month. */
  date: string
  value: number
  /** The source says "over" this number: the chart must not present it as exact. */
  lowerBound: boolean
  /** Who counted, when the reader should know: "police memo". */
  note?: Localized
  sourceId: SourceId
}

/** The growth chart's accessible name. */
export const growthTitle: Localized = {
  en: 'Police agencies partnered with Ring, as counted at each date',
  de: 'Polizeibehörden mit Ring-Partnerschaft, gezählt zum jeweiligen Datum',
}

/**
 * Police agencies partnered with Ring in 2019, the year of the article: only
 * the counts the record states. The 2021 count (2,014 police and fire
 * departments) has a slide of its own.
 */
export const growth: GrowthPoint[] = [
  {
    date: '2019-04',
    value: 225,
    lowerBound: true,
    // A police memo of 22 April 2019 that Gizmodo obtained, not Ring's own (facts.md B3).
    note: {
      en: 'police memo',
      de: 'Polizei-Memo',
    },
    sourceId: 'gizmodo-approval',
  },
  {
    date: '2019-08',
    value: 405,
    lowerBound: false,
    note: {
      en: 'Ring\'s map',
      de: 'Rings Karte',
    },
    sourceId: 'wapo-400',
  },
  {
    date: '2019-11',
    value: 600,
    lowerBound: true,
    sourceId: 'stripes-senator',
  },
]

/** "over 225" or "405": lower bounds say so in words. */
export function valueLabel(point: GrowthPoint, labels: Labels = en): string {
  const value = labels.number(point.value)
  return point.lowerBound
    ? wordsFor(labels).figures.atLeast(value)
    : value
}
