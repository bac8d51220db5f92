import type { SourceId } from './sources.ts'

export type CompareTopic = 'deal' | 'footage'

export interface CompareRow {
  topic: CompareTopic
  /** The row heading as the table shows it. */
  label: string
  /** The US record, dated: the state in 2019 and, where it changed, today. */
  us: string
  /** The European rules: EU law, or German rules where the EU has none. */
  eu: string
  usSources: SourceId[]
  euSources: SourceId[]
}

/** The deal and the footage, the US record beside European rules; cells kept short for a slide of 40 words. */
export const compareRows: CompareRow[] = [
  {
    topic: 'deal',
    label: 'Deal',
    us: 'Police promoted Ring for cameras, 2018–19',
    eu: 'Sponsoring and gift rules would apply',
    usSources: ['vice-lakeland-mou'],
    euSources: ['bmi-sponsoring', 'beamtstg-42'],
  },
  {
    topic: 'footage',
    label: 'Footage',
    us: 'Owner decides; portal 2019, Axon 2025',
    eu: 'GDPR binds Ring and street-filming owners',
    usSources: ['wapo-400', 'ring-community-request'],
    euSources: ['gdpr', 'cjeu-rynes'],
  },
]
