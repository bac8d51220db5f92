/**
 * What the speaker's machine and the browsers in the room say to each other
 * while a talk is presented live (`npm run present`): the one WebSocket
 * address, the page tag that tells a page it is served live, and the
 * messages. The server checks every message it gets (scripts/live/messages.ts).
 */

/** The socket's path under the site's base: `/_live` for a site at the root. */
export const LIVE_SOCKET = '_live'

/** The `<meta name>` the live server adds to every page it serves: its `content` is the socket's path, `data-audience` the address the room opens. */
export const LIVE_META = 'talk-kit-live'

/** The route query (in the address's fragment, never sent to a server) that carries the speaker's key. */
export const KEY_PARAM = 'live-key'

/** The largest message the server reads; anything longer is dropped. */
export const MAX_MESSAGE_BYTES = 512

/** A position in the deck: the slide's number and its click step. */
export interface Position {
  slide: number
  clicks: number
}

/** What a speaker's page sends; the audience sends nothing. */
export type SpeakerMessage
  /** Proves the page is the speaker's. A presenter view may drive; a remote only steps the one that drives. */
  = | { type: 'auth', key: string, role: 'presenter' | 'remote' }
  /** The driving presenter view moved. */
    | ({ type: 'go' } & Position)
  /** This presenter view drives from now on. */
    | { type: 'take' }
  /** The remote's buttons: the driving presenter view steps on or back. */
    | { type: 'step', direction: 'next' | 'prev' }

/** What the server sends. */
export type ServerMessage
  /** To everyone, on arrival and on every change: where the speaker is. */
  = | ({ type: 'state' } & Position)
  /** To the speaker's pages: whether this one drives, and whether any does. */
    | { type: 'role', driving: boolean, driverPresent: boolean }
  /** To the speaker's pages: the key offered was wrong. */
    | { type: 'denied' }
  /** To the driving presenter view: the remote asked for a step. */
    | { type: 'step', direction: 'next' | 'prev' }
