import type { Localized } from '../kit/utils/localized.ts'
import type { SourceId } from './sources.ts'

export interface RequestStep {
  id: string
  label: Localized
  sourceIds: SourceId[]
}

/** The heading over the steps: when they applied. */
export const requestRecordHeading: Localized = {
  en: 'In 2019',
  de: 'Im Jahr 2019',
}

/** How a police request for doorbell footage went in 2019, step by step, to where the footage stayed. */
export const requestSteps: RequestStep[] = [
  {
    id: 'ask',
    label: {
      en: 'Police request a time and area',
      de: 'Polizei fragt nach Zeit und Gebiet',
    },
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'decide',
    label: {
      en: 'Owners share or decline',
      de: 'Wer die Kamera besitzt, teilt oder lehnt ab',
    },
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'keep',
    label: {
      en: 'Police could keep clips indefinitely',
      de: 'Polizei konnte Clips unbegrenzt behalten',
    },
    sourceIds: ['stripes-senator'],
  },
]

/** The article's claim (A7) that the steps are set beside: German verbatim, and its English translation for the English edition. */
export const accessClaim = {
  de: 'vollen Zugriff auf die Dateien der Kameras',
  en: 'full access to the cameras\' files',
  sourceId: 'article',
} as const satisfies { de: string, en: string, sourceId: SourceId }
