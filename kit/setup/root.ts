import { defineRootSetup } from '@slidev/types'
import { useLiveDeck } from '../live/live-deck.ts'
import { useReducedMotion } from '../live/reduced-motion.ts'

// Every deck the kit builds follows the visitor's needs: a screen reader
// hears each slide change once and meets only the current slide, and a
// preference for reduced motion turns transitions off.
export default defineRootSetup(() => {
  useLiveDeck()
  useReducedMotion()
})
