import type { SourceId } from './sources.ts'

export interface GrowthPoint {
  /** ISO month of the count. */
  date: string
  /** The date as the chart's axis shows it. */
  dateLabel: string
  value: number
  /** The source says "over" this number: the chart must not present it as exact. */
  lowerBound: boolean
  /** What was counted, when it differs from "police agencies". */
  note?: string
  sourceId: SourceId
}

/** Police agencies partnered with Ring, only the counts the record states. */
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
    note: 'on Ring\'s map',
    sourceId: 'wapo-400',
  },
  {
    date: '2019-11',
    dateLabel: 'Nov 2019',
    value: 600,
    lowerBound: true,
    sourceId: 'stripes-senator',
  },
  {
    // The date of the report, as the fact sheet dates it.
    date: '2021-02',
    dateLabel: 'Feb 2021',
    value: 2014,
    lowerBound: false,
    note: 'police and fire; 1,189 joined in 2020',
    sourceId: 'knowtechie-2020',
  },
]

/** "over 225" or "2,014": lower bounds say so in words. */
export function valueLabel(point: GrowthPoint): string {
  const value = point.value.toLocaleString('en-US')
  return point.lowerBound
    ? `over ${value}`
    : value
}
