import type { Localized, Phrases } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'
import { findByKey } from './find.ts'

/** The fact sheet's verdict on a claim (facts.md section 1); its words are the labels' `verdicts`. */
export type Verdict = 'broadly-right' | 'right-in-substance' | 'came-true' | 'partly-wrong' | 'overstated' | 'wrong' | 'unverified'

/** How far a verdict is from "right": the badge's colour. */
export type VerdictTone = 'right' | 'partly' | 'overstated' | 'wrong' | 'unverified'

export const verdictTones: Record<Verdict, VerdictTone> = {
  'broadly-right': 'right',
  'right-in-substance': 'right',
  'came-true': 'right',
  'partly-wrong': 'partly',
  'overstated': 'overstated',
  'wrong': 'wrong',
  'unverified': 'unverified',
}

export interface Claim {
  /** The fact sheet's id, A1–A12. */
  id: string
  /**
   * What the article says, as the article's claim. The German wording quotes
   * the article's own words, `quote`, in „…“; the English one paraphrases them
   * and the table shows `quote` under it.
   */
  claim: Localized
  /** Short verbatim German from the article. */
  quote?: string
  /** What the record says, short. */
  record: Localized<Phrases>
  verdict: Verdict
  /** Sources of the record; the article itself is credited once per table. */
  sourceIds: SourceId[]
}

/**
 * The article's claims (facts.md section 1) beside the record. Texts are
 * short: two claims share a slide of at most 40 words, and the speaker notes
 * carry the detail.
 */
export const claims: Claim[] = [
  {
    id: 'A1',
    claim: {
      en: 'Police advertise Ring for free cameras and software to view footage',
      de: 'Polizei wurde beauftragt, „für ihre Überwachungstechnik zu werben“, gegen Gratis-Produkte und Software',
    },
    quote: 'für ihre Überwachungstechnik zu werben',
    record: {
      en: 'The software was a portal to request footage',
      de: 'Die Software war ein Portal für Videoanfragen',
    },
    verdict: 'broadly-right',
    sourceIds: ['vice-lakeland-mou', 'vice-portal-coaching'],
  },
  {
    id: 'A2',
    claim: {
      en: 'Documents “leaked” to Motherboard',
      de: 'Dokumente wurden Motherboard „zugespielt“',
    },
    quote: 'zugespielt',
    record: {
      en: 'Public-records requests',
      // A soft hyphen lets the long word break in its narrow column.
      de: 'Auskunftsanträge nach US-Informations\u00ADfreiheitsrecht',
    },
    verdict: 'wrong',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'A3',
    claim: {
      en: '15 cameras per department',
      de: '15 Kameras „pro Dienststelle“',
    },
    quote: 'pro Dienststelle',
    record: {
      en: 'Documented for Lakeland; returned',
      de: 'Belegt für Lakeland; zurückgeschickt',
    },
    verdict: 'overstated',
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland'],
  },
  {
    id: 'A4',
    claim: {
      en: 'Every officer gets a role',
      de: 'Jeder Polizist bekommt eine Rolle „inklusive Nickname“',
    },
    quote: 'inklusive Nickname',
    record: {
      en: 'Assigned officers only; nickname unverified',
      de: 'Nur zugewiesene Beamte; Nickname unbelegt',
    },
    verdict: 'partly-wrong',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'A5',
    claim: {
      en: '$10 bonus per download with a sale',
      de: '„Bonus in Höhe von 10 USD“ je Download mit Verkauf',
    },
    quote: 'Bonus in Höhe von 10 USD',
    record: {
      en: 'Credit toward cameras; not cash',
      de: 'Guthaben für Kameras; kein Geld',
    },
    verdict: 'wrong',
    sourceIds: ['vice-lakeland-mou', 'fox13-lakeland'],
  },
  {
    id: 'A6',
    claim: {
      en: 'Amazon calls these deals sponsorships',
      de: 'Amazon nennt die Deals „Patenschaften“',
    },
    quote: 'Patenschaften',
    record: {
      en: 'The sources say “partnerships”',
      de: [
        'Die Quellen sagen ',
        { lang: 'en', text: 'partnerships' },
        ', Partnerschaften',
      ],
    },
    verdict: 'unverified',
    sourceIds: ['wapo-400'],
  },
  {
    id: 'A7',
    claim: {
      en: 'Police get full access to the cameras\' files',
      de: 'Polizei hat „vollen Zugriff auf die Dateien der Kameras“',
    },
    quote: 'vollen Zugriff auf die Dateien der Kameras',
    record: {
      en: 'In 2019 police could request clips; owners could decline',
      de: '2019 konnte die Polizei Clips anfragen; Besitzer konnten ablehnen',
    },
    verdict: 'overstated',
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'A8',
    claim: {
      en: 'Surveillance drones for delivery, patrols',
      de: '„Drohnen“ für Postdienste und Luftpatrouillen',
    },
    quote: 'Drohnen',
    record: {
      en: 'Opt-in patent, 2019; indoor drone, 2020',
      de: 'Opt-in-Patent, 2019; Drohne für drinnen, 2020',
    },
    verdict: 'overstated',
    sourceIds: ['foxbusiness-drone-patent', 'cnet-always-home'],
  },
  {
    id: 'A9',
    claim: {
      en: 'Amazon advertised the systems on Facebook',
      de: 'Amazon hat „auf Facebook für die Systeme geworben“',
    },
    quote: 'auf Facebook für die Systeme geworben',
    record: {
      en: 'Sponsored posts with footage of alleged thieves',
      de: 'Gesponserte Posts mit Videos mutmaßlicher Diebe',
    },
    verdict: 'right-in-substance',
    sourceIds: ['buzzfeed-ads'],
  },
  {
    id: 'A10',
    claim: {
      en: 'Unconfirmed prime-time news show',
      de: 'Unbestätigte Pläne für eine „News-Sendung“ zur besten Sendezeit',
    },
    quote: 'News-Sendung',
    record: {
      en: 'Ring Nation, daily clip show, 2022',
      de: [
        { lang: 'en', text: 'Ring Nation' },
        ', tägliche Clip-Show, 2022',
      ],
    },
    verdict: 'came-true',
    sourceIds: ['popsci-ring-nation'],
  },
  {
    id: 'A11',
    claim: {
      en: 'A line that would be unthinkable in Europe',
      de: 'Eine Grenze, die „in Europa undenkbar“ ist',
    },
    quote: 'in Europa undenkbar',
    record: {
      en: 'Ring is sold in the EU; the GDPR applies',
      de: 'Ring wird in der EU verkauft; die DSGVO gilt',
    },
    verdict: 'overstated',
    sourceIds: ['gdpr', 'handelsblatt-germany'],
  },
  {
    id: 'A12',
    claim: {
      en: 'tarnkappe.info asked about this in 2018',
      de: 'tarnkappe.info fragte „bereits im Jahr 2018“ danach',
    },
    quote: 'bereits im Jahr 2018',
    record: {
      en: 'Only tarnkappe\'s own article says so',
      de: 'Das sagt nur tarnkappes eigener Artikel',
    },
    verdict: 'unverified',
    sourceIds: ['article'],
  },
]

/** The claim with this id (A1–A12); throws, naming the id, when there is none. */
export function claimById(id: string): Claim {
  return findByKey(claims, id, claim => claim.id, 'claim id')
}
