import type { Ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { onMounted, ref } from 'vue'

/** The line, as a share of the screen's height from its top, that a slide's entry must reach to be the one being read. */
const READING_LINE = 0.3
/** How far below the screen slides are rendered ahead of the reader, in screens. */
const RENDER_AHEAD = 1
/** How long a slide opened by its address is held in place while the slides above it settle, unless the reader moves first. */
const HOLD_MS = 4000

export interface ReadingPosition {
  /** The slide being read: the last whose entry has reached the reading line. */
  reading: Ref<number>
  /**
   * Slides up to this number are rendered. It only grows: every slide above
   * the one being read is rendered, so nothing above the screen changes
   * height and moves the page under the reader's eyes.
   */
  renderedUpTo: Ref<number>
  /** Brings slide `no`'s entry to the top of the screen once every slide above it has loaded, and holds it there while they settle. */
  show: (no: number, load: (upTo: number) => Promise<unknown>) => Promise<void>
}

/**
 * Where the reader is in the page. `entryOf(no)` gives each slide's entry
 * element; `page` is the element that holds them all.
 */
export function useReadingPosition(entryOf: (no: number) => HTMLElement | undefined, total: Ref<number>, page: Ref<HTMLElement | null | undefined>): ReadingPosition {
  const reading = ref(1)
  const renderedUpTo = ref(1)

  function measure(): void {
    const line = window.innerHeight * READING_LINE
    const ahead = window.innerHeight * (1 + RENDER_AHEAD)
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
    let current = 1
    let near = 1
    for (let no = 1; no <= total.value; no++) {
      const top = entryOf(no)?.getBoundingClientRect().top
      if (top == null)
        continue
      if (top <= line)
        current = no
      if (top < ahead)
        near = no
    }
    reading.value = atEnd
      ? total.value
      : current
    renderedUpTo.value = Math.max(renderedUpTo.value, near)
  }

  let frame = 0
  function scheduleMeasure(): void {
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0
        measure()
      })
    }
  }
  useEventListener(window, 'scroll', scheduleMeasure, { passive: true })
  useEventListener(window, 'resize', scheduleMeasure, { passive: true })
  onMounted(scheduleMeasure)

  let release = (): void => {}

  /**
   * Keeps `no` at the top while the slides above it settle (fonts, late
   * components), until the page scrolls by any other hand than this one's
   * (a finger, a key, a screen reader, find in page) or a tap, or for a few
   * seconds at most. Slide 1 is kept at the top of the page, with the title
   * and the contents above it.
   */
  function hold(no: number): void {
    release()
    let placedAt = Number.NaN
    const place = (): void => {
      if (no === 1)
        window.scrollTo({ top: 0 })
      else
        entryOf(no)?.scrollIntoView({ block: 'start' })
      placedAt = window.scrollY
    }
    const observer = new ResizeObserver(place)
    if (page.value)
      observer.observe(page.value)
    const moves = [
      'wheel',
      'touchstart',
      'keydown',
      'pointerdown',
    ] as const
    const onScroll = (): void => {
      if (Math.abs(window.scrollY - placedAt) > 1)
        stop()
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    function stop(): void {
      observer.disconnect()
      clearTimeout(timer)
      for (const move of moves)
        window.removeEventListener(move, stop)
      window.removeEventListener('scroll', onScroll)
      release = () => {}
    }
    timer = setTimeout(stop, HOLD_MS)
    release = stop
    for (const move of moves)
      window.addEventListener(move, stop, { passive: true, once: true })
    place()
    window.addEventListener('scroll', onScroll, { passive: true })
  }

  async function show(no: number, load: (upTo: number) => Promise<unknown>): Promise<void> {
    const target = Math.min(Math.max(no, 1), total.value)
    renderedUpTo.value = Math.max(renderedUpTo.value, Math.min(target + 1, total.value))
    await load(target)
    hold(target)
    scheduleMeasure()
  }

  return { reading, renderedUpTo, show }
}
