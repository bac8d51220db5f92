import type { Localized } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'

export type ActorId = 'ring' | 'app' | 'police' | 'residents'

export interface Actor {
  id: ActorId
  name: Localized
}

export interface Flow {
  id: string
  from: ActorId
  to: ActorId
  /** What passes from `from` to `to`: a few words, one line at 20 px (the slide's 40 words include these). */
  label: Localized
  /** Drawn dashed: it only happens if someone agrees. */
  conditional?: boolean
  sourceIds: SourceId[]
}

/** The deal diagram's accessible name; also the first sentence of its text alternative. */
export const dealTitle: Localized = {
  en: 'Who gives and gets what under Ring\'s police agreements (Lakeland, 2018–2019)',
  de: 'Wer unter Rings Vereinbarungen mit der Polizei was gibt und bekommt (Lakeland, 2018–2019)',
}

/** Left to right: the company side first, the public side last. */
export const actors: Actor[] = [
  {
    id: 'ring',
    name: {
      en: 'Amazon / Ring',
      de: 'Amazon / Ring',
    },
  },
  {
    id: 'app',
    name: {
      en: 'Neighbors app',
      de: 'Neighbors-App',
    },
  },
  {
    id: 'police',
    name: {
      en: 'Lakeland police',
      de: 'Polizei Lakeland',
    },
  },
  {
    id: 'residents',
    name: {
      en: 'Residents',
      de: 'Anwohnende',
    },
  },
]

/**
 * Who gives what to whom under the Lakeland memorandum (2018–2019), in story
 * order. Each download earned the department credit toward more free cameras,
 * not cash and nothing for its officers (facts.md A5): the credit's arrow ends
 * at the police, and the cameras go on from there to the residents.
 */
export const flows: Flow[] = [
  {
    id: 'cameras',
    from: 'ring',
    to: 'police',
    label: {
      en: '15 free cameras',
      de: '15 Gratis-Kameras',
    },
    sourceIds: ['vice-lakeland-mou', 'fox13-lakeland'],
  },
  {
    id: 'promote',
    from: 'police',
    to: 'residents',
    label: {
      en: 'promote the app',
      de: 'werben für die App',
    },
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'download',
    from: 'residents',
    to: 'app',
    label: {
      en: 'download it',
      de: 'laden sie herunter',
    },
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'credit',
    from: 'ring',
    to: 'police',
    label: {
      en: '$10 camera credit per download, not cash',
      de: '10 US-Dollar Kamera-Guthaben je Download, kein Bargeld',
    },
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland', 'fox13-lakeland'],
  },
  {
    id: 'hand-out',
    from: 'police',
    to: 'residents',
    label: {
      en: 'free cameras',
      de: 'Gratis-Kameras',
    },
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'portal',
    from: 'app',
    to: 'police',
    label: {
      en: 'portal to request footage',
      de: 'Portal für Videoanfragen',
    },
    sourceIds: ['vice-portal-coaching'],
  },
  {
    id: 'footage',
    from: 'residents',
    to: 'police',
    label: {
      en: 'footage, if owners agree',
      de: 'Videos, nur mit Einwilligung',
    },
    conditional: true,
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
]
