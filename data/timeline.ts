import type { SourceId } from './sources.ts'

export interface TimelineEvent {
  /** The fact sheet's row (facts.md section 2), for traceability. */
  fact: string
  /** ISO date at the precision the record gives (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string
  /** Last date, for an event that spans months. */
  end?: string
  /** Short: on the axis it wraps at 18px in a box about 190px wide; four lines at most. */
  label: string
  sourceId: SourceId
}

/** Ring, the police and the footage, 2018–2026, in date order. */
export const timeline: TimelineEvent[] = [
  {
    fact: 'B2',
    date: '2018-12-13',
    label: 'Lakeland police sign Ring\'s memorandum',
    sourceId: 'newschief-lakeland',
  },
  {
    fact: 'B19',
    date: '2019-04',
    label: 'Ring hires a news editor for crime news in Neighbors',
    sourceId: 'vice-news-editor',
  },
  {
    fact: 'B18',
    date: '2019-06-04',
    label: 'Amazon patent: “surveillance as a service” by delivery drone',
    sourceId: 'foxbusiness-drone-patent',
  },
  {
    fact: 'B20',
    date: '2019-06',
    label: 'Sponsored Facebook posts show footage of alleged thieves',
    sourceId: 'buzzfeed-ads',
  },
  {
    fact: 'B1',
    date: '2019-07-25',
    label: 'Motherboard publishes the Lakeland memorandum',
    sourceId: 'vice-lakeland-mou',
  },
  {
    fact: 'B6',
    date: '2019-08-28',
    label: 'Over 400 police partners; no live access',
    sourceId: 'wapo-400',
  },
  {
    fact: 'B7',
    date: '2019-11-19',
    label: 'Ring tells a senator: police may keep videos indefinitely',
    sourceId: 'stripes-senator',
  },
  {
    fact: 'B17',
    date: '2020-09-24',
    label: 'Always Home Cam: an indoor drone camera',
    sourceId: 'cnet-always-home',
  },
  {
    fact: 'B8',
    date: '2021-02',
    label: '2,014 police and fire departments on the platform',
    sourceId: 'knowtechie-2020',
  },
  {
    fact: 'B9',
    date: '2021-06',
    label: 'Requests move to public posts in Neighbors',
    sourceId: 'ambient-rfa',
  },
  {
    fact: 'B10',
    date: '2022-07-13',
    label: 'Footage to police without consent 11 times in 2022',
    sourceId: 'ap-emergency',
  },
  {
    fact: 'B12',
    date: '2022-09-26',
    label: 'Ring Nation clip show premieres on TV',
    sourceId: 'popsci-ring-nation',
  },
  {
    fact: 'B13',
    date: '2023-05-31',
    label: 'FTC settlement, $5.8M, over staff access to private videos',
    sourceId: 'axios-ftc',
  },
  {
    fact: 'B14',
    date: '2024-01-24',
    label: 'Ring ends video requests in Neighbors',
    sourceId: 'nbc-rfa-end',
  },
  {
    fact: 'B15',
    date: '2025',
    label: 'Requests return via Axon as “Community Requests”',
    sourceId: 'ring-community-request',
  },
  {
    fact: 'B16',
    date: '2025-10',
    end: '2026-02-12',
    label: 'Flock integration announced, then cancelled',
    sourceId: 'reason-flock',
  },
]

/** Events whose start falls in the years `from` to `to`, both included. */
export function eventsBetween(events: TimelineEvent[], from: number, to: number): TimelineEvent[] {
  return events.filter((event) => {
    const year = Number(event.date.slice(0, 4))
    return year >= from && year <= to
  })
}
