import type { Ref } from 'vue'
import type { Rehearsal } from '../utils/rehearsal.ts'
import { useIntervalFn } from '@vueuse/core'
import { computed, ref, watch } from 'vue'
import { REHEARSAL_FORMAT, REHEARSAL_VERSION } from '../utils/rehearsal.ts'

/** What the browser keeps of a rehearsal between page loads. */
interface Recording {
  started: string
  /** Seconds spent on each slide so far, by number. */
  seconds: Record<number, number>
  /** Whether it is recording now, or ended and kept to be saved. */
  recording: boolean
  /** The slide shown, and when its time was last added up (Date.now()). */
  slide: number
  since: number
}

export interface RehearsalRecorder {
  /** Whether a rehearsal records now. */
  recording: Ref<boolean>
  /** Whether there is a rehearsal to save. */
  recorded: Ref<boolean>
  /** Seconds recorded so far, over all slides. */
  total: Ref<number>
  start: () => void
  end: () => void
  /** The rehearsal as its file holds it; `titleOf` names each slide. */
  toFile: (titleOf: (no: number) => string) => Rehearsal
}

/**
 * Records a rehearsal: the time spent on each slide, by the clock, while the
 * speaker walks through the deck in the presenter view. It is kept in the
 * browser's local storage under `key` at every slide change and every second,
 * so a reload does not lose it (the seconds of the reload go to the slide it
 * showed). Nothing leaves the browser but the file the speaker saves.
 */
export function useRehearsalRecorder(key: string, currentSlide: Ref<number>, meta: { title: string, lang: string }): RehearsalRecorder {
  function read(): Recording | undefined {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Recording | null
      return stored && typeof stored.seconds === 'object'
        ? stored
        : undefined
    }
    catch {
      return undefined
    }
  }
  const recording = ref<Recording | undefined>(read())

  function write(): void {
    if (recording.value)
      localStorage.setItem(key, JSON.stringify(recording.value))
    else
      localStorage.removeItem(key)
  }

  /** Adds the time since the last count to the slide that was shown, and moves on to the one shown now. */
  function count(): void {
    const value = recording.value
    if (!value?.recording)
      return
    const now = Date.now()
    value.seconds[value.slide] = (value.seconds[value.slide] ?? 0) + Math.max(0, now - value.since) / 1000
    value.since = now
    value.slide = currentSlide.value
    write()
  }

  // A reload: the rehearsal goes on, the time since the last count included.
  count()
  watch(currentSlide, count)
  useIntervalFn(count, 1000)

  return {
    recording: computed(() => Boolean(recording.value?.recording)),
    recorded: computed(() => Boolean(recording.value)),
    total: computed(() => Object.values(recording.value?.seconds ?? {}).reduce((sum, seconds) => sum + seconds, 0)),
    start() {
      recording.value = {
        started: new Date().toISOString(),
        seconds: {},
        recording: true,
        slide: currentSlide.value,
        since: Date.now(),
      }
      write()
    },
    end() {
      count()
      if (recording.value)
        recording.value.recording = false
      write()
    },
    toFile(titleOf) {
      count()
      const value = recording.value
      return {
        format: REHEARSAL_FORMAT,
        version: REHEARSAL_VERSION,
        title: meta.title,
        lang: meta.lang,
        started: value?.started ?? '',
        slides: Object.entries(value?.seconds ?? {})
          .map(([no, seconds]) => ({
            no: Number(no),
            title: titleOf(Number(no)),
            seconds: Math.round(seconds * 10) / 10,
          }))
          .sort((a, b) => a.no - b.no),
      }
    },
  }
}
