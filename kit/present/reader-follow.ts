import type { Ref } from 'vue'
import { watch } from 'vue'
import { useOwnMoves } from './live-room.ts'
import { liveRoom } from './live-state.ts'

/**
 * The reader, presented live, keeps the speaker's slide at the top of the
 * screen: on arrival and at every slide change, until its visitor scrolls,
 * jumps or pages away by their own hand; from then on it stays where they
 * read, and the live bar offers the way back. `show(no)` brings a slide's
 * entry to the top; `reading` is the slide being read.
 */
export function useReaderFollowsLive(reading: Ref<number>, show: (no: number) => void): void {
  if (!liveRoom.available)
    return
  watch(() => liveRoom.following && liveRoom.position?.slide, (slide) => {
    if (slide)
      show(slide)
  }, { immediate: true })
  const movedByHand = useOwnMoves()
  watch(reading, (no) => {
    if (liveRoom.following && liveRoom.position && no !== liveRoom.position.slide && movedByHand())
      liveRoom.following = false
  })
}
