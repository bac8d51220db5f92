import type { Localized, Phrases } from '../utils/localized.ts'
import type { SourceId } from './sources.ts'
import { findByKey } from '../utils/find.ts'

export type DealTermId = 'promotion' | 'gifts' | 'secrecy' | 'approval'

export interface DealRuleRow {
  id: DealTermId
  /** What Ring's US police deals asked or gave, as the record has it. */
  term: Localized<Phrases>
  /** The fact sheet's rows for the term (B1–B4). */
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

/** Ring's deal terms (facts.md B1–B4) beside the German sponsoring and gift rules (C8–C10). */
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
      en: 'Only while the police stay neutral',
      de: 'Nur solange die Polizei neutral bleibt',
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
        '; gifts only with consent',
      ],
      de: 'Kein Sponsoring in der Eingriffsverwaltung; Geschenke nur mit Zustimmung',
    },
    ruleFacts: ['C8', 'C10'],
    ruleSources: ['bmi-sponsoring', 'beamtstg-42', 'stgb-331'],
  },
  {
    id: 'secrecy',
    term: {
      en: 'Terms kept confidential',
      de: 'Bedingungen bleiben vertraulich',
    },
    termFacts: ['B1'],
    termSources: ['vice-lakeland-mou'],
    rule: {
      en: 'Federal sponsoring is reported to the Bundestag',
      de: 'Sponsoring des Bundes wird dem Bundestag berichtet',
    },
    ruleFacts: ['C8'],
    ruleSources: ['bmi-sponsoring'],
  },
  {
    id: 'approval',
    term: {
      en: 'Ring approves police statements about Ring',
      de: 'Ring genehmigt Aussagen der Polizei über Ring',
    },
    termFacts: ['B3'],
    termSources: ['gizmodo-approval'],
    rule: {
      en: 'Not even the appearance of outside influence',
      de: 'Schon den Anschein fremder Einflussnahme vermeiden',
    },
    ruleFacts: ['C8', 'C9'],
    ruleSources: ['bmi-sponsoring', 'bavaria-sponsoring'],
  },
]

/** The rows of `rows` with these ids, in this order; throws, naming the id, when there is none. */
export function dealRulesById(ids: readonly string[], rows: readonly DealRuleRow[] = dealRules): DealRuleRow[] {
  return ids.map(id => findByKey(rows, id, row => row.id, 'deal term'))
}
