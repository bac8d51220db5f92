import type { Localized } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'

export interface KeyFigureData {
  /** The number as the record gives it, written the language's way: never rounded into a new claim. */
  value: Localized
  /** One line under it: what the number counts, and when. */
  line: Localized
  /** The fact sheet's row. */
  fact: string
  source: SourceId
}

/** The talk's single numbers, each the point of a slide of its own: `<KeyFigure id="…" />`. */
export const keyFigures = {
  'departments-2021': {
    value: {
      en: '2,014',
      de: '2.014',
    },
    line: {
      en: 'police and fire departments on Ring\'s platform, February 2021',
      de: 'Polizei- und Feuerwehrdienststellen auf Rings Plattform, Februar 2021',
    },
    fact: 'B8',
    source: 'knowtechie-2020',
  },
  'request-hours': {
    value: {
      en: '12 hours',
      de: '12 Stunden',
    },
    line: {
      en: 'at most per request, within half a square mile',
      de: 'höchstens pro Anfrage, in einer halben Quadratmeile',
    },
    fact: 'B7',
    source: 'stripes-senator',
  },
  'emergencies-2022': {
    value: {
      en: '11',
      de: '11',
    },
    line: {
      en: 'times in 2022, to 1 July, Ring gave police footage without the owner\'s consent',
      de: 'Mal gab Ring der Polizei 2022, bis zum 1. Juli, Videos ohne Einwilligung der Besitzer',
    },
    // The letter is dated 1 July 2022: its count is the year so far, not the year.
    fact: 'B10',
    source: 'ap-emergency',
  },
  'ftc-2023': {
    // "5,8 Mio. US-Dollar" set as one number would not fit the slide: the currency opens the line.
    value: {
      en: '$5.8 million',
      de: '5,8 Mio.',
    },
    line: {
      en: 'Ring pays in the FTC settlement of 31 May 2023',
      de: 'US-Dollar zahlt Ring im Vergleich mit der FTC vom 31. Mai 2023',
    },
    fact: 'B13',
    source: 'axios-ftc',
  },
} as const satisfies Record<string, KeyFigureData>

export type KeyFigureId = keyof typeof keyFigures

/** The key figure with this id; throws, naming the id, when there is none. */
export function keyFigureById(id: string): KeyFigureData {
  if (!(id in keyFigures))
    throw new Error(`Unknown key figure "${id}": use one of ${Object.keys(keyFigures).join(', ')} from data/key-figures.ts.`)
  return keyFigures[id as KeyFigureId]
}
