import type { SourceId } from './sources.ts'

export interface GrowthPoint {
  /** ISO month of the count. */
  date: string
  /** The date as the chart's axis shows it. */
  dateLabel: string
  value: number
  /** The source says "over" this number: the chart must not present it as exact. */
  lowerBound: boolean
  /** Who counted, when the reader should know: "Ring memo". */
  note?: string
  sourceId: SourceId
}

/**
 * Police agencies partnered with Ring in 2019, the year of the article: only
 * the counts the record states. The 2021 count (2,014 police and fire
 * departments) has a slide of its own.
 */
export const growth: GrowthPoint[] = [
  {
    date: '2019-04',
    dateLabel: 'Apr 2019',
    value: 225,
    lowerBound: true,
    note: 'Ring memo',
    sourceId: 'gizmodo-approval',
  },
  {
    date: '2019-08',
    dateLabel: 'Aug 2019',
    value: 405,
    lowerBound: false,
    note: 'Ring\'s map',
    sourceId: 'wapo-400',
  },
  {
    date: '2019-11',
    dateLabel: 'Nov 2019',
    value: 600,
    lowerBound: true,
    sourceId: 'stripes-senator',
  },
]

/** "over 225" or "405": lower bounds say so in words. */
export function valueLabel(point: GrowthPoint): string {
  const value = point.value.toLocaleString('en-US')
  return point.lowerBound
    ? `over ${value}`
    : value
}
