import type { SourceId } from './sources.ts'

export type ActorId = 'ring' | 'app' | 'police' | 'residents'

export interface Actor {
  id: ActorId
  name: string
  /** One line under the name: what the actor is in this story. */
  note: string
}

export interface Flow {
  id: string
  from: ActorId
  to: ActorId
  /** What passes from `from` to `to`, short enough for one line at 15px. */
  label: string
  /** Drawn dashed: it only happens if someone agrees. */
  conditional?: boolean
  sourceIds: SourceId[]
}

/** Left to right: the company side first, the public side last. */
export const actors: Actor[] = [
  { id: 'ring', name: 'Amazon / Ring', note: 'makes the cameras' },
  { id: 'app', name: 'Neighbors app', note: 'Ring\'s app and portal' },
  { id: 'police', name: 'Police department', note: 'e.g. Lakeland, FL' },
  { id: 'residents', name: 'Residents', note: 'camera owners' },
]

/** Who gives what to whom under the Lakeland memorandum (2018–2019), in story order. */
export const flows: Flow[] = [
  {
    id: 'cameras',
    from: 'ring',
    to: 'police',
    label: 'donated cameras (15 in Lakeland)',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'promote',
    from: 'police',
    to: 'residents',
    label: 'promote the app: must “encourage adoption”',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'download',
    from: 'residents',
    to: 'app',
    label: 'download the app',
    sourceIds: ['vice-lakeland-mou'],
  },
  {
    id: 'credit',
    from: 'ring',
    to: 'police',
    label: '$10 credit per qualifying download toward free cameras for residents (not cash)',
    sourceIds: ['vice-lakeland-mou', 'newschief-lakeland', 'fox13-lakeland'],
  },
  {
    id: 'portal',
    from: 'app',
    to: 'police',
    label: 'portal to request footage from owners',
    sourceIds: ['vice-portal-coaching'],
  },
  {
    id: 'footage',
    from: 'residents',
    to: 'police',
    label: 'footage, only if the owner agrees',
    conditional: true,
    sourceIds: ['vice-portal-coaching', 'wapo-400'],
  },
]
