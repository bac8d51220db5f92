import type { SourceId } from './sources.ts'

/** The fact sheet's verdict on a claim (facts.md section 1), in its own words. */
export type Verdict = 'broadly-right' | 'right-in-substance' | 'came-true' | 'partly-wrong' | 'overstated' | 'wrong' | 'unverified'

/** Verdicts in words: the slide must not rely on colour alone. */
export const verdictLabels: Record<Verdict, string> = {
  'broadly-right': 'Broadly right',
  'right-in-substance': 'Right in substance',
  'came-true': 'Came true',
  'partly-wrong': 'Partly wrong',
  'overstated': 'Overstated',
  'wrong': 'Wrong',
  'unverified': 'Unverified',
}

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
  /** What the article says, in English, as the article's claim. */
  claim: string
  /** Short verbatim German from the article. */
  de?: string
  /** What the record says, short. */
  record: string
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
    claim: 'Police advertise Ring for free cameras and software to view footage',
    de: 'für ihre Überwachungstechnik zu werben',
    record: 'The software was a portal to request footage',
    verdict: 'broadly-right',
    sourceIds: ['vice-lakeland-mou', 'vice-portal-coaching'],
  },
  {
    id: 'A2',
    claim: 'Documents “leaked” to Motherboard',
    de: 'zugespielt',
    record: 'Public-records requests',
    verdict: 'wrong',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'A3',
    claim: '15 cameras per department',
    de: 'pro Dienststelle',
    record: 'Documented for Lakeland; returned',
    verdict: 'overstated',
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland'],
  },
  {
    id: 'A4',
    claim: 'Every officer gets a role',
    de: 'inklusive Nickname',
    record: 'Assigned officers only; nickname unverified',
    verdict: 'partly-wrong',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'A5',
    claim: '$10 bonus per download with a sale',
    de: 'Bonus in Höhe von 10 USD',
    record: 'Credit toward cameras; not cash',
    verdict: 'wrong',
    sourceIds: ['vice-lakeland-mou', 'fox13-lakeland'],
  },
  {
    id: 'A6',
    claim: 'Amazon calls these deals sponsorships',
    de: 'Patenschaften',
    record: 'The sources say “partnerships”',
    verdict: 'unverified',
    sourceIds: ['wapo-400'],
  },
  {
    id: 'A7',
    claim: 'Police get full access to the cameras\' files',
    de: 'vollen Zugriff auf die Dateien der Kameras',
    record: 'In 2019 police could request clips; owners could decline',
    verdict: 'overstated',
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'A8',
    claim: 'Surveillance drones for delivery and patrols',
    de: 'Drohnen',
    record: 'Opt-in patent, 2019; indoor drone, 2020',
    verdict: 'overstated',
    sourceIds: ['foxbusiness-drone-patent', 'cnet-always-home'],
  },
  {
    id: 'A9',
    claim: 'Amazon advertised the systems on Facebook',
    de: 'auf Facebook für die Systeme geworben',
    record: 'Sponsored posts with footage of alleged thieves',
    verdict: 'right-in-substance',
    sourceIds: ['buzzfeed-ads'],
  },
  {
    id: 'A10',
    claim: 'Unconfirmed plans for a prime-time TV show',
    de: 'im TV',
    record: 'Ring Nation, 2022',
    verdict: 'came-true',
    sourceIds: ['popsci-ring-nation'],
  },
  {
    id: 'A11',
    claim: 'A line that would be unthinkable in Europe',
    de: 'in Europa undenkbar',
    record: 'Ring is sold in the EU; the GDPR applies',
    verdict: 'overstated',
    sourceIds: ['gdpr', 'handelsblatt-germany'],
  },
  {
    id: 'A12',
    claim: 'tarnkappe.info asked about this in 2018',
    de: 'bereits im Jahr 2018',
    record: 'Only tarnkappe\'s own article says so',
    verdict: 'unverified',
    sourceIds: ['article'],
  },
]

/** The claim with this id (A1–A12); throws, naming the id, when there is none. */
export function claimById(id: string): Claim {
  const claim = claims.find(item => item.id === id)
  if (!claim)
    throw new Error(`Unknown claim id "${id}": use A1–A12 from data/claims.ts.`)
  return claim
}
