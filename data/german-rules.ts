import type { Localized, Phrases } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'
import { findByKey } from './find.ts'

export type DealTermId = 'promotion' | 'gifts'

export interface DealRuleRow {
  id: DealTermId
  /** What the Lakeland memorandum asked or gave, as the record has it. */
  term: Localized<Phrases>
  /** The fact sheet's rows for the term (B1). */
  termFacts: string[]
  termSources: SourceId[]
  /**
   * The German rule a police force would meet if offered the term: a rule
   * that would apply, never a verdict on Ring or on any force.
   */
  rule: Localized<Phrases>
  /** The fact sheet's rows for the rule (C8–C10). */
  ruleFacts: string[]
  ruleSources: SourceId[]
}

/**
 * Lakeland's deal terms (facts.md B1) beside the German sponsoring and gift
 * rules (C8–C10) that a state police force offered them would work within.
 */
export const dealRules: DealRuleRow[] = [
  {
    id: 'promotion',
    term: {
      en: 'Police “encourage adoption” of Ring\'s app',
      de: [
        'Polizei verbreitet Rings App: ',
        { lang: 'en', text: 'encourage adoption' },
      ],
    },
    termFacts: ['B1'],
    termSources: ['vice-lakeland-mou'],
    rule: {
      en: 'Only while police stay neutral',
      de: 'Nur bei neutraler Verwaltung',
    },
    ruleFacts: ['C9'],
    ruleSources: ['bavaria-sponsoring'],
  },
  {
    id: 'gifts',
    term: {
      en: '15 cameras, $10 credit per download',
      de: '15 Kameras, 10 US-Dollar Guthaben je Download',
    },
    termFacts: ['B1'],
    termSources: ['vice-lakeland-mou'],
    rule: {
      en: [
        'No sponsoring in ',
        { lang: 'de', text: 'Eingriffsverwaltung' },
        '; gifts need the employer\'s consent',
      ],
      de: 'Kein Sponsoring der Eingriffsverwaltung; Geschenke nur mit Zustimmung des Dienstherrn',
    },
    ruleFacts: ['C8', 'C9', 'C10'],
    // A state force's own rules first; the federal rule allows no sponsoring in coercive tasks at all.
    ruleSources: [
      'bavaria-sponsoring',
      'bmi-sponsoring',
      'beamtstg-42',
      'stgb-331',
    ],
  },
]

/** The rows of `rows` with these ids, in this order; throws, naming the id, when there is none. */
export function dealRulesById(ids: readonly string[], rows: readonly DealRuleRow[] = dealRules): DealRuleRow[] {
  return ids.map(id => findByKey(rows, id, row => row.id, 'deal term'))
}
