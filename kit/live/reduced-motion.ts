import { disableTransition } from '@slidev/client/state/storage.ts'
import { usePreferredReducedMotion } from '@vueuse/core'
import { watch } from 'vue'

/**
 * A visitor who asks for reduced motion gets no slide transitions: Slidev's
 * own switch for them (which it otherwise uses while taking snapshots) is
 * on for as long as the preference holds. The addon's stylesheet stops the
 * animations inside slides (styles/index.css).
 */
export function useReducedMotion(): void {
  const motion = usePreferredReducedMotion()
  watch(motion, (preference) => {
    disableTransition.value = preference === 'reduce'
  }, { immediate: true })
}
