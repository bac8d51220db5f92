import { defineRootSetup } from '@slidev/types'
import { useLiveDeck } from '../live/live-deck.ts'
import { useReducedMotion } from '../live/reduced-motion.ts'
import { useLiveBar } from '../present/live-bar.ts'
import { useLiveRoom } from '../present/live-room.ts'

// Every deck the kit builds follows the visitor's needs: a screen reader
// hears each slide change once and meets only the current slide, and a
// preference for reduced motion turns transitions off. Presented live
// (`npm run present`), every page follows the speaker.
export default defineRootSetup(() => {
  useLiveDeck()
  useReducedMotion()
  useLiveRoom()
  useLiveBar()
})
