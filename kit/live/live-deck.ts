import { useNav } from '@slidev/client/composables/useNav.ts'
import { configs } from '@slidev/client/env.ts'
import { showOverview } from '@slidev/client/state/storage.ts'
import { useMutationObserver } from '@vueuse/core'
import { computed, nextTick, watch } from 'vue'
import { labelsFor } from '../i18n/index.ts'
import { headingTexts, shownTitle, titleNeedsSlide } from '../slide-title.ts'
import { announce, liveRegion } from './announcer.ts'
import { markLiveDeck } from './marks.ts'

/** The views that show one slide at a time: Slidev's play view and its presenter view. */
const LIVE_VIEWS = new Set(['play', 'presenter'])
/**
 * How long after a change the slide is announced: presses that come faster
 * than this (→ → →) are said once, as the slide they land on, instead of a
 * queue of slides already left.
 */
const SETTLE_MS = 250
/** The first announcement, on arriving at a slide, waits until the page has loaded and been read out. */
const ARRIVAL_MS = 1000
/** How long an announcement waits at most for its slide to be drawn. */
const DRAWN_WAIT_MS = 5000

/**
 * The live deck for screen-reader users: every slide change, by any means
 * (keys, the navigation bar, `g`, the overview, a link to a slide, the
 * language switch), is announced once, politely, as "Slide 5 of 34: Title"
 * in the deck's language; only the current slide is in the accessibility
 * tree; and focus is never left on the page's body.
 */
export function useLiveDeck(): void {
  const { currentRoute, currentSlideNo, currentSlideRoute, total } = useNav()
  const lang = String(configs.htmlAttrs?.lang ?? 'en')
  const labels = labelsFor(lang)
  const live = computed(() => LIVE_VIEWS.has(String(currentRoute.value.name ?? '')))

  const slideOf = (): string => labels.slideOf(currentSlideNo.value, total.value)
  const shownSlide = (): Element | null => document.querySelector(`#slideshow > .slidev-page-${currentSlideNo.value}`)
  /** Whether the current slide is drawn: there, past Slidev's loading state, and with its headings where its title needs them. */
  const drawn = (): boolean => {
    const shown = shownSlide()
    return shown !== null
      && !shown.querySelector('.slidev-slide-loading')
      && (!titleNeedsSlide(currentSlideRoute.value?.meta.slide?.title) || headingTexts(shown).length > 0)
  }
  const announcement = (): string => {
    // The slide as drawn names it, its components' text included.
    const shown = shownSlide()
    const title = shownTitle(currentSlideRoute.value?.meta.slide?.title, shown
      ? headingTexts(shown)
      : [])
    return title
      ? `${slideOf()}: ${title}`
      : slideOf()
  }

  // A change (arrival too) leaves the focus to be checked until the slide area is there and drawn.
  let focusPending = true

  /** Marks the deck; returns whether its slide area is there yet. */
  function sync(): boolean {
    if (!live.value)
      return false
    const area = markLiveDeck(currentSlideNo.value, showOverview.value, {
      slides: labels.a11y.slides,
      slide: slideOf(),
      notes: labels.a11y.notes,
      overview: labels.a11y.overview,
    })
    if (area && focusPending && focusLost())
      area.focus({ preventScroll: true })
    return Boolean(area)
  }

  /** Whether a change left the focus on the body, or on an element a keyboard can no longer use: in a slide just hidden, or in a control just closed (`g`'s field). */
  function focusLost(): boolean {
    const focused = document.activeElement as HTMLElement | null
    return !focused
      || focused === document.body
      || Boolean(focused.closest('[inert]'))
      || focused.matches(':disabled')
      || !focused.checkVisibility()
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  let arrived = false
  /** Counts the changes, so that an announcement still waiting for its slide is dropped once the deck has moved on. */
  let changes = 0

  /**
   * Announces the current slide once its own code has loaded and been drawn:
   * its title can hold a component's text ("Ref Auto Unwrapping Core"), and
   * on a slow machine the slide may still be loading when the change settles.
   */
  async function announceWhenDrawn(): Promise<void> {
    const change = changes
    const current = (): boolean => change === changes
    await currentSlideRoute.value?.load()
    await nextTick()
    // A frame at a time, for as long as a slow phone may need; then it is said as far as it is drawn.
    const giveUpAt = performance.now() + DRAWN_WAIT_MS
    do
      await new Promise(requestAnimationFrame)
    while (!drawn() && performance.now() < giveUpAt && current())
    if (live.value && current())
      announce(lang, announcement())
  }

  watch([live, currentSlideNo], () => {
    clearTimeout(timer)
    changes++
    if (!live.value)
      return
    // The region is there before anything is said into it.
    liveRegion(lang)
    focusPending = true
    sync()
    // Once Slidev has drawn the change (a dialog closed, a slide hidden), the focus is checked a last time.
    requestAnimationFrame(() => {
      if (sync())
        focusPending = false
    })
    timer = setTimeout(announceWhenDrawn, arrived
      ? SETTLE_MS
      : ARRIVAL_MS)
    arrived = true
  }, { immediate: true, flush: 'post' })

  watch(showOverview, sync, { flush: 'post' })

  // Slidev mounts the views and their slides as their code arrives (the
  // slides beside the current one at once, the rest a few seconds later):
  // they are marked as they come, before they are drawn.
  let frame = 0
  useMutationObserver(document.body, () => {
    const ready = sync()
    if (ready && focusPending && !frame) {
      frame = requestAnimationFrame(() => {
        frame = 0
        if (sync())
          focusPending = false
      })
    }
  }, { childList: true, subtree: true })
}
