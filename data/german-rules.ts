import type { SourceId } from './sources.ts'

/** A run of a rule's text: plain English, or a German legal term that the slide marks as German. */
export type Phrase = string | { de: string }

export type DealTermId = 'promotion' | 'gifts' | 'secrecy' | 'approval'

export interface DealRuleRow {
  id: DealTermId
  /** What Ring's US police deals asked or gave, as the record has it. */
  term: string
  /** The fact sheet's rows for the term (B1–B4). */
  termFacts: string[]
  termSources: SourceId[]
  /**
   * The German rule a police force would meet if offered the term: a rule
   * that would apply, never a verdict on Ring or on any force.
   */
  rule: Phrase[]
  /** The fact sheet's rows for the rule (C8–C10). */
  ruleFacts: string[]
  ruleSources: SourceId[]
}

/** Ring's deal terms (facts.md B1–B4) beside the German sponsoring and gift rules (C8–C10). */
export const dealRules: DealRuleRow[] = [
  {
    id: 'promotion',
    term: 'Police “encourage adoption” of Ring\'s app',
    termFacts: ['B1'],
    termSources: ['vice-lakeland-mou'],
    rule: ['Only while the police stay neutral'],
    ruleFacts: ['C9'],
    ruleSources: ['bavaria-sponsoring'],
  },
  {
    id: 'gifts',
    term: '15 cameras, $10 credit per download',
    termFacts: ['B1'],
    termSources: ['vice-lakeland-mou'],
    rule: [
      'No sponsoring in ',
      { de: 'Eingriffsverwaltung' },
      '; gifts only with consent',
    ],
    ruleFacts: ['C8', 'C10'],
    ruleSources: ['bmi-sponsoring', 'beamtstg-42', 'stgb-331'],
  },
  {
    id: 'secrecy',
    term: 'Terms kept confidential',
    termFacts: ['B1'],
    termSources: ['vice-lakeland-mou'],
    rule: ['Federal sponsoring is reported to the Bundestag'],
    ruleFacts: ['C8'],
    ruleSources: ['bmi-sponsoring'],
  },
  {
    id: 'approval',
    term: 'Ring approves police statements about Ring',
    termFacts: ['B3'],
    termSources: ['gizmodo-approval'],
    rule: ['Not even the appearance of outside influence'],
    ruleFacts: ['C8', 'C9'],
    ruleSources: ['bmi-sponsoring', 'bavaria-sponsoring'],
  },
]

/** The rows of `rows` with these ids, in this order; throws, naming the id, when there is none. */
export function dealRulesById(ids: readonly string[], rows: readonly DealRuleRow[] = dealRules): DealRuleRow[] {
  return ids.map((id) => {
    const row = rows.find(item => item.id === id)
    if (!row)
      throw new Error(`Unknown deal term "${id}": use one of ${rows.map(item => item.id).join(', ')}.`)
    return row
  })
}

/** A rule's text as plain words, German terms in „…“: for text alternatives and tests. */
export function ruleText(rule: readonly Phrase[]): string {
  return rule.map(phrase => typeof phrase === 'string'
    ? phrase
    : `„${phrase.de}“`).join('')
}
