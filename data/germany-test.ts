import type { Localized, Phrases } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'
import { findByKey } from './find.ts'

/**
 * Part three's test: could what happened in Lakeland happen in Germany
 * today? Four steps, each with its rule and its record in both places, so
 * that law is set beside law and practice beside practice.
 */
export type TestStepId = 'deal' | 'request' | 'emergency' | 'show'

/** One cell of a step: a few words, or a gap in the record said as one. */
export interface TestCell {
  text: Localized<Phrases>
  /** The fact sheet's rows; none where the cell names a gap in the record. */
  facts: string[]
  sourceIds: SourceId[]
}

/** Where a step lands in Germany: it could happen as it did in the US, or only within German rules. */
export type TestOutcome = 'open' | 'bound'

export interface TestStep {
  id: TestStepId
  /** "The request": the step's name on its slide and in the scorecard. */
  name: Localized
  /** What the law (or the company's own terms) says, in the US and in Germany. */
  onPaper?: { us: TestCell, de: TestCell }
  /** What is on record as having happened, in each place. */
  inPractice?: { us: TestCell, de: TestCell }
  /** The scorecard's answer: could it happen in Germany today? Its first word says which way. */
  answer: TestCell
  outcome: TestOutcome
}

// A gap in the record is said in words, never left as an empty cell, and cites nothing.
const NOT_IN_SOURCES: TestCell = {
  text: {
    en: 'Not in our sources',
    de: 'Nicht in unseren Quellen',
  },
  facts: [],
  sourceIds: [],
}

/**
 * The four steps in the order of the Lakeland story. The deal's terms and
 * rules are set side by side term by term (<DealVsRules>, data/german-rules.ts),
 * so its step gives only the scorecard's answer.
 */
export const testSteps: TestStep[] = [
  {
    id: 'deal',
    name: {
      en: 'Deal',
      de: 'Deal',
    },
    answer: {
      text: {
        en: 'Only within sponsoring and gift rules',
        de: 'Nur im Rahmen der Sponsoring- und Geschenkregeln',
      },
      facts: ['C8', 'C9', 'C10'],
      sourceIds: ['bavaria-sponsoring', 'bmi-sponsoring', 'beamtstg-42'],
    },
    outcome: 'bound',
  },
  {
    id: 'request',
    name: {
      en: 'Request',
      de: 'Anfrage',
    },
    onPaper: {
      us: {
        text: {
          en: 'Police ask; owners may decline',
          de: 'Polizei fragt; Besitzer dürfen ablehnen',
        },
        facts: ['B5', 'B6'],
        sourceIds: ['vice-portal-coaching'],
      },
      // The BVerwG ruling (C5) decided whether private cameras may film, not
      // whether owners may hand footage on: the notes name it, this cell does not.
      de: {
        text: {
          en: 'Owners may share, weighing interests',
          de: 'Besitzer dürfen teilen, nach Abwägung',
        },
        facts: ['C3'],
        sourceIds: ['edpb-video'],
      },
    },
    inPractice: {
      us: {
        text: {
          en: 'Portal 2019, Axon 2025',
          de: 'Portal 2019, Axon 2025',
        },
        facts: ['B6', 'B15'],
        sourceIds: ['wapo-400', 'ring-community-request'],
      },
      de: NOT_IN_SOURCES,
    },
    answer: {
      text: {
        en: 'Yes, if the owner agrees',
        de: 'Ja, wenn die Besitzer zustimmen',
      },
      facts: ['C3'],
      sourceIds: ['edpb-video'],
    },
    outcome: 'open',
  },
  {
    id: 'emergency',
    name: {
      en: 'Emergency',
      de: 'Notfall',
    },
    onPaper: {
      // Ring's standard uses the provision's words; whether it applies to Ring, no court has said (C13).
      // No-break spaces keep "§" with its number, and a date's day with its month.
      us: {
        text: {
          en: 'Ring\'s test mirrors §\u00A02702(b)(8)',
          de: 'Rings Maßstab entspricht §\u00A02702(b)(8)',
        },
        facts: ['C13'],
        sourceIds: ['usc-2702'],
      },
      de: {
        text: {
          en: 'GDPR binds Ring, as the provider',
          de: 'DSGVO bindet Ring als Anbieter',
        },
        facts: ['C1'],
        sourceIds: ['gdpr'],
      },
    },
    inPractice: {
      us: {
        text: {
          en: '11 times in 2022, to 1 July',
          de: '11-mal im Jahr 2022, bis 1.\u00A0Juli',
        },
        facts: ['B10'],
        sourceIds: ['ap-emergency'],
      },
      de: {
        text: {
          en: 'Amazon confirmed it, 2022',
          de: 'Amazon bestätigte es, 2022',
        },
        facts: ['B11'],
        sourceIds: ['handelsblatt-germany'],
      },
    },
    answer: {
      text: {
        en: 'Yes: Amazon confirmed it, 2022',
        de: 'Ja: Amazon bestätigte es, 2022',
      },
      facts: ['B11'],
      sourceIds: ['handelsblatt-germany'],
    },
    outcome: 'open',
  },
  {
    id: 'show',
    name: {
      en: 'TV show',
      de: 'TV-Show',
    },
    onPaper: {
      us: NOT_IN_SOURCES,
      de: {
        text: {
          en: 'Consent of those shown, or an exception',
          de: 'Einwilligung der Gezeigten oder eine Ausnahme',
        },
        facts: ['C11'],
        sourceIds: ['kug-22', 'kug-23'],
      },
    },
    inPractice: {
      us: {
        text: {
          en: 'Ring Nation, daily clip show, 2022',
          de: [
            { lang: 'en', text: 'Ring Nation' },
            ', tägliche Clip-Show, 2022',
          ],
        },
        facts: ['B12'],
        sourceIds: ['popsci-ring-nation'],
      },
      de: NOT_IN_SOURCES,
    },
    answer: {
      text: {
        en: 'Only with consent, or an exception',
        de: 'Nur mit Einwilligung oder einer Ausnahme',
      },
      facts: ['C11'],
      sourceIds: ['kug-22', 'kug-23'],
    },
    outcome: 'bound',
  },
]

/** The step with this id; throws, naming the ids there are, when there is none. */
export function testStepById(id: string, steps: readonly TestStep[] = testSteps): TestStep {
  return findByKey(steps, id, step => step.id, 'test step')
}
