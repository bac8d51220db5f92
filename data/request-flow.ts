import type { SourceId } from './sources.ts'

export interface RequestStep {
  id: string
  label: string
  sourceIds: SourceId[]
}

/** How a police request for doorbell footage went in 2019, step by step, to where the footage stayed. */
export const requestSteps: RequestStep[] = [
  {
    id: 'ask',
    label: 'Police request a time and area',
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'decide',
    label: 'Owners share or decline',
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'keep',
    label: 'Police could keep clips indefinitely',
    sourceIds: ['stripes-senator'],
  },
]

/** The article's claim (A7) that the steps are set beside; German verbatim. */
export const accessClaim = {
  de: 'vollen Zugriff auf die Dateien der Kameras',
  en: 'full access to the cameras\' files',
  sourceId: 'article',
} as const satisfies { de: string, en: string, sourceId: SourceId }
