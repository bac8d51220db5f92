import type { Localized, Phrases } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'

export interface TimelineEvent {
  /** The fact sheet's row (facts.md section 2), for traceability. */
  fact: string
  /** ISO date at the precision the record gives (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string
  /** Last date, for an event that spans months. */
  end?: string
  /** A few words: the slide's 40 words include every label, date and year. */
  label: Localized<Phrases>
  sourceId: SourceId
}

/**
 * How police asked Ring owners for footage, from the article's year to today,
 * in date order: the route changed, answering stayed voluntary.
 */
export const timeline: TimelineEvent[] = [
  {
    fact: 'B6',
    date: '2019-08-28',
    label: {
      en: 'Portal requests; owners decide',
      de: 'Portalanfragen; Besitzer entscheiden',
    },
    sourceId: 'wapo-400',
  },
  {
    fact: 'B9',
    date: '2021-06',
    label: {
      en: 'Public request posts',
      de: 'Öffentliche Anfrage-Posts',
    },
    sourceId: 'ambient-rfa',
  },
  {
    fact: 'B14',
    date: '2024-01-24',
    label: {
      en: 'App video requests end',
      de: 'App-Videoanfragen enden',
    },
    sourceId: 'nbc-rfa-end',
  },
  {
    fact: 'B15',
    date: '2025',
    label: {
      en: '“Community Requests” via Axon',
      de: [
        { lang: 'en', text: 'Community Requests' },
        ' über Axon',
      ],
    },
    sourceId: 'ring-community-request',
  },
  {
    fact: 'B16',
    date: '2025-10',
    end: '2026-02-12',
    label: {
      en: 'Flock deal cancelled',
      de: 'Flock-Deal abgesagt',
    },
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
