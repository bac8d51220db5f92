import type { SourceId } from './sources.ts'

export interface RequestStep {
  id: string
  label: string
  sourceIds: SourceId[]
}

/** How a police request for doorbell footage travelled in 2019, step by step. */
export const requestSteps: RequestStep[] = [
  {
    id: 'draw',
    label: 'Police mark a time window and an area in Ring\'s portal',
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'send',
    label: 'Ring sends the request to camera owners in that area',
    sourceIds: ['wapo-400'],
  },
  {
    id: 'decide',
    label: 'Each owner shares the clips or declines',
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
  {
    id: 'download',
    label: 'Police download what was shared',
    sourceIds: ['stripes-senator'],
  },
]

/** The limits of one request, as Ring described them in 2019. */
export const requestLimits: RequestStep[] = [
  {
    id: 'scope',
    label: 'One request: up to 12 hours, within half a square mile',
    sourceIds: ['stripes-senator'],
  },
  {
    id: 'live',
    label: 'No ongoing or live access to cameras',
    sourceIds: ['wapo-400'],
  },
]

/** The article's claim (A7) that the steps are set beside; German verbatim. */
export const accessClaim = {
  de: 'vollen Zugriff auf die Dateien der Kameras',
  en: 'full access to the cameras\' files',
  sourceId: 'article',
} as const satisfies { de: string, en: string, sourceId: SourceId }
