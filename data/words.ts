import type { Labels, Language } from '../kit/i18n/index.ts'
import type { Verdict } from './claims.ts'

/**
 * The words this talk's components print around its data, in each language
 * the talk is given in: the verdicts on the article's claims, the tables'
 * headers and captions. The words the sources print are the registry's
 * (data/sources.ts); the kit's own (the paper layouts, the site's controls,
 * dates) are the kit's labels.
 */
export interface TalkWords {
  /** The fact sheet's verdicts on the article's claims, in words: a badge must not rely on colour alone. */
  verdicts: Record<Verdict, string>
  figures: {
    claimsTable: string
    claimsArticle: string
    claimsRecord: string
    claimsVerdict: string
    rulesDeal: string
    rulesRule: string
    /** The kicker over a step of part three's test, before its name: "Step 2". */
    testStep: (no: number) => string
    /** A test step's columns, the US and Germany, and its rows: the rule (law, or the company's terms) and the practice on record. */
    inUs: string
    inGermany: string
    testRule: string
    testPractice: string
    /** The rows' header, for screen readers and tagged PDFs only. */
    ruleOrRecord: string
    /** The scorecard's headers, for screen readers and tagged PDFs only: its slide's headline asks the question. */
    scoreStep: string
    scoreAnswer: string
    /** One arrow of the deal diagram, for its text alternative: "Police to Residents: promote the app.". */
    flow: (from: string, to: string, label: string) => string
    /** A count the source gives as a lower bound: "over 225". */
    atLeast: (value: string) => string
  }
}

export const WORDS: Record<Language, TalkWords> = {
  en: {
    verdicts: {
      'broadly-right': 'Broadly right',
      'right-in-substance': 'Right in substance',
      'came-true': 'Came true',
      'partly-wrong': 'Partly wrong',
      'overstated': 'Overstated',
      'wrong': 'Wrong',
      'unverified': 'Unverified',
    },
    figures: {
      claimsTable: 'The article\'s claims beside the record',
      claimsArticle: 'The article says',
      claimsRecord: 'The record',
      claimsVerdict: 'Verdict',
      rulesDeal: 'Lakeland\'s terms',
      rulesRule: 'German rule',
      testStep: no => `Step ${no}`,
      inUs: 'US',
      inGermany: 'Germany',
      testRule: 'Rule',
      testPractice: 'Practice',
      ruleOrRecord: 'Rule or record',
      scoreStep: 'Step',
      scoreAnswer: 'Could it happen in Germany today?',
      flow: (from, to, label) => `${from} to ${to}: ${label}.`,
      atLeast: value => `over ${value}`,
    },
  },
  de: {
    verdicts: {
      'broadly-right': 'Im Kern richtig',
      'right-in-substance': 'Inhaltlich richtig',
      'came-true': 'Eingetreten',
      'partly-wrong': 'Teils falsch',
      'overstated': 'Übertrieben',
      'wrong': 'Falsch',
      'unverified': 'Unbestätigt',
    },
    figures: {
      claimsTable: 'Die Behauptungen des Artikels neben den Belegen',
      claimsArticle: 'Der Artikel sagt',
      claimsRecord: 'Was belegt ist',
      claimsVerdict: 'Bewertung',
      rulesDeal: 'Lakelands Bedingungen',
      rulesRule: 'Deutsche Regel',
      testStep: no => `Schritt ${no}`,
      inUs: 'USA',
      inGermany: 'Deutschland',
      testRule: 'Regel',
      testPractice: 'Praxis',
      ruleOrRecord: 'Regel oder Beleg',
      scoreStep: 'Schritt',
      scoreAnswer: 'Könnte es heute in Deutschland geschehen?',
      flow: (from, to, label) => `${from} an ${to}: ${label}.`,
      atLeast: value => `über ${value}`,
    },
  },
}

/** The talk's words in the language of the kit's labels, the deck's language. */
export function wordsFor(labels: Pick<Labels, 'lang'>): TalkWords {
  return WORDS[labels.lang]
}
