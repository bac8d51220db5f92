import type { Position } from './protocol.ts'
import { reactive } from 'vue'

// The live talk's state on its own, without Slidev's client: <DeckAddress>
// reads the room's address from it, also where no Slidev app runs (the deck's
// rules mount components outside one).

/** What this page knows of the live talk; nothing while the site is not presented live. */
export const liveRoom = reactive({
  /** Whether the live server served this page. */
  available: false,
  /** The address the room opens, from the server. */
  audienceUrl: undefined as string | undefined,
  connected: false,
  /** Where the speaker is, once known. */
  position: undefined as Position | undefined,
  /** Whether this page follows the speaker; false once its visitor moved away, until they go back to live. */
  following: true,
  /** The speaker's key, on the speaker's own pages. */
  key: undefined as string | undefined,
  /** On the speaker's pages: whether this one drives, whether any does, and whether the key was refused. */
  driving: false,
  driverPresent: false,
  denied: false,
})
