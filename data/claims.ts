import type { SourceId } from './sources.ts'

export type Verdict = 'right' | 'partly' | 'overstated' | 'wrong' | 'unverified'

/** Verdicts in words: the slide must not rely on colour alone. */
export const verdictLabels: Record<Verdict, string> = {
  right: 'Right',
  partly: 'Partly right',
  overstated: 'Overstated',
  wrong: 'Wrong',
  unverified: 'Unverified',
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

/** The article's claims (facts.md section 1) beside the record. */
export const claims: Claim[] = [
  {
    id: 'A1',
    claim: 'Ring struck a “deal” with US police: officers advertise its cameras, get them free, plus software to view footage.',
    de: 'für ihre Überwachungstechnik zu werben',
    record: 'Broadly right, but the software was a portal to request footage, not to browse cameras.',
    verdict: 'partly',
    sourceIds: ['vice-lakeland-mou', 'vice-portal-coaching'],
  },
  {
    id: 'A2',
    claim: 'Documents “leaked” to Motherboard prove it.',
    de: 'die dem Portal „Motherboard“ zugespielt wurden',
    record: 'The memorandum and emails came from public-records requests, not a leak.',
    verdict: 'wrong',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'A3',
    claim: 'Each department gets 15 cameras.',
    de: '15 Stück pro Dienststelle',
    record: '15 donated cameras are documented for Lakeland, Florida, which sent them back.',
    verdict: 'overstated',
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland'],
  },
  {
    id: 'A4',
    claim: 'Every officer gets a special “role” with a nickname in the software.',
    de: 'jeder Polizist bekommt eine spezielle „Rolle“',
    record: 'The department had to assign officers to Ring roles, such as press coordinator. The nickname is unverified.',
    verdict: 'partly',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'A5',
    claim: 'A $10 bonus for each app download that leads to a sale.',
    de: 'einen Bonus in Höhe von 10 USD',
    record: 'Each qualifying download counted as $10 of credit toward free cameras for residents: not cash, not for officers, not tied to a sale.',
    verdict: 'wrong',
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland', 'fox13-lakeland'],
  },
  {
    id: 'A6',
    claim: 'Amazon calls these arrangements “sponsorships”.',
    de: '„Patenschaften“',
    record: 'Not found in the sources, which speak of “partnerships”.',
    verdict: 'unverified',
    sourceIds: ['wapo-400'],
  },
  {
    id: 'A7',
    claim: 'Afterwards police have full access to the cameras\' files, without leaving the office.',
    de: 'vollen Zugriff auf die Dateien der Kameras',
    record: 'In 2019 police could only request clips; owners could decline; no live access. But shared clips could be kept indefinitely.',
    verdict: 'overstated',
    sourceIds: ['vice-portal-coaching', 'wapo-400', 'stripes-senator'],
  },
  {
    id: 'A8',
    claim: 'Next come Amazon surveillance drones for deliveries and air patrols.',
    de: 'Drohnen mit Überwachungskameras',
    record: 'A 2019 patent for opt-in “surveillance as a service” by delivery drones; the 2020 Always Home Cam is an indoor drone.',
    verdict: 'overstated',
    sourceIds: ['foxbusiness-drone-patent', 'cnet-always-home'],
  },
  {
    id: 'A9',
    claim: 'Amazon already advertised the systems on Facebook.',
    de: 'auf Facebook für die Systeme geworben',
    record: 'Right in substance: Ring ran geotargeted sponsored posts with footage of alleged thieves.',
    verdict: 'right',
    sourceIds: ['buzzfeed-ads'],
  },
  {
    id: 'A10',
    claim: 'Unconfirmed plans for a prime-time TV show of the “best” camera videos.',
    de: 'zur besten Sendezeit im TV',
    record: 'Unconfirmed in 2019, as the article says; it came true in 2022 as Ring Nation, a daily syndicated show.',
    verdict: 'right',
    sourceIds: ['popsci-ring-nation'],
  },
  {
    id: 'A11',
    claim: 'This crosses a line that would be unthinkable in Europe.',
    de: 'eine Grenze, die in Europa undenkbar ist',
    record: 'Ring is sold in the EU under the GDPR: legal constraints, not a ban. Amazon gave Ring data to German police in emergencies.',
    verdict: 'overstated',
    sourceIds: ['gdpr', 'edpb-video', 'handelsblatt-germany'],
  },
  {
    id: 'A12',
    claim: 'tarnkappe.info already asked about this in 2018.',
    de: 'bereits im Jahr 2018',
    record: 'Only tarnkappe\'s own article says so.',
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
