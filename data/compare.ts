import type { Localized } from '../utils/localized.ts'
import type { SourceId } from './sources.ts'

export type CompareTopic = 'deal' | 'footage'

export interface CompareRow {
  topic: CompareTopic
  /** The row heading as the table shows it. */
  label: Localized
  /** The US record, dated: the state in 2019 and, where it changed, today. */
  us: Localized
  /** The European rules: EU law, or German rules where the EU has none. */
  eu: Localized
  usSources: SourceId[]
  euSources: SourceId[]
}

/** The deal and the footage, the US record beside European rules; cells kept short for a slide of 40 words. */
export const compareRows: CompareRow[] = [
  {
    topic: 'deal',
    label: {
      en: 'Deal',
      de: 'Deal',
    },
    us: {
      en: 'Police promoted Ring for cameras, 2018–19',
      de: 'Polizei warb für Ring, gegen Kameras, 2018–19',
    },
    eu: {
      en: 'Sponsoring and gift rules would apply',
      de: 'Sponsoring- und Geschenkregeln würden greifen',
    },
    usSources: ['vice-lakeland-mou'],
    euSources: ['bmi-sponsoring', 'beamtstg-42'],
  },
  {
    topic: 'footage',
    label: {
      en: 'Footage',
      de: 'Videos',
    },
    us: {
      en: 'Owner decides; portal 2019, Axon 2025',
      de: 'Besitzer entscheiden; Portal 2019, Axon 2025',
    },
    eu: {
      en: 'GDPR binds Ring and street-filming owners',
      de: 'DSGVO bindet Ring und Besitzer, die die Straße filmen',
    },
    usSources: ['wapo-400', 'ring-community-request'],
    euSources: ['gdpr', 'cjeu-rynes'],
  },
]
