import type { Localized } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'

export type PartyId = 'owner' | 'ring' | 'police'

/** Someone European law binds when a doorbell camera films, and the law that binds them. */
export interface Party {
  id: PartyId
  name: Localized
  /** The law, in a few words: one line at body size. */
  law: Localized
  /** The fact sheet's rows (section 3). */
  facts: string[]
  sourceIds: SourceId[]
}

/** A way footage reaches the police, and who decides: the steps of the test that follow. */
export interface FootageRoute {
  id: 'request' | 'emergency'
  from: Exclude<PartyId, 'police'>
  label: Localized
}

/** The diagram's accessible name. */
export const boundTitle: Localized = {
  en: 'Who European law binds when a doorbell camera films, and how footage reaches the police',
  de: 'Wen das europäische Recht bindet, wenn eine Türklingel-Kamera filmt, und wie Aufnahmen zur Polizei gelangen',
}

/** The owner and the company on the left, the police they hand footage to on the right. */
export const parties: Party[] = [
  {
    id: 'owner',
    name: {
      en: 'Camera owner',
      de: 'Besitzer der Kamera',
    },
    law: {
      en: 'GDPR, if it films the street',
      de: 'DSGVO, wenn sie die Straße filmt',
    },
    // C5: the BVerwG judges private cameras that film by Art. 6(1)(f) GDPR.
    facts: ['C1', 'C2', 'C3', 'C5'],
    sourceIds: ['cjeu-rynes', 'edpb-video', 'bverwg-video'],
  },
  {
    id: 'ring',
    name: {
      en: 'Ring (Amazon)',
      de: 'Ring (Amazon)',
    },
    law: {
      en: 'GDPR, as the provider',
      de: 'DSGVO, als Anbieter',
    },
    facts: ['C1'],
    sourceIds: ['gdpr'],
  },
  {
    id: 'police',
    name: {
      en: 'Police',
      de: 'Polizei',
    },
    law: {
      en: 'Law Enforcement Directive',
      de: 'JI-Richtlinie (EU) 2016/680',
    },
    facts: ['C4'],
    sourceIds: ['led'],
  },
]

/** Request and emergency, in the order the test takes them. */
export const footageRoutes: FootageRoute[] = [
  {
    id: 'request',
    from: 'owner',
    label: {
      en: 'request: the owner decides',
      de: 'Anfrage: Besitzer entscheiden',
    },
  },
  {
    id: 'emergency',
    from: 'ring',
    label: {
      en: 'emergency: Ring decides',
      de: 'Notfall: Ring entscheidet',
    },
  },
]
