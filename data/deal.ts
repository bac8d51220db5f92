import type { SourceId } from './sources.ts'

export type ActorId = 'ring' | 'app' | 'police' | 'residents'

export interface Actor {
  id: ActorId
  name: string
}

export interface Flow {
  id: string
  from: ActorId
  to: ActorId
  /** What passes from `from` to `to`: a few words, one line at 20 px (the slide's 40 words include these). */
  label: string
  /** Drawn dashed: it only happens if someone agrees. */
  conditional?: boolean
  sourceIds: SourceId[]
}

/** Left to right: the company side first, the public side last. */
export const actors: Actor[] = [
  { id: 'ring', name: 'Amazon / Ring' },
  { id: 'app', name: 'Neighbors app' },
  { id: 'police', name: 'Police' },
  { id: 'residents', name: 'Residents' },
]

/** Who gives what to whom under the Lakeland memorandum (2018–2019), in story order. */
export const flows: Flow[] = [
  {
    id: 'cameras',
    from: 'ring',
    to: 'police',
    label: '15 free cameras (Lakeland)',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'promote',
    from: 'police',
    to: 'residents',
    label: 'promote the app',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'download',
    from: 'residents',
    to: 'app',
    label: 'download it',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'credit',
    from: 'ring',
    to: 'police',
    label: '$10 camera credit per download',
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland', 'fox13-lakeland'],
  },
  {
    id: 'portal',
    from: 'app',
    to: 'police',
    label: 'portal to request footage',
    sourceIds: ['vice-portal-coaching'],
  },
  {
    id: 'footage',
    from: 'residents',
    to: 'police',
    label: 'footage, if the owner agrees',
    conditional: true,
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
]
