import type { SharedState } from '@slidev/client/state/shared.ts'
import type { Sync } from '@slidev/client/state/syncState.ts'
import type { Router } from 'vue-router'
import type { LiveConnection } from './connection.ts'
import type { Position, ServerMessage } from './protocol.ts'
import { useNav } from '@slidev/client/composables/useNav.ts'
import { addSyncMethod } from '@slidev/client/state/syncState.ts'
import { useEventListener } from '@vueuse/core'
import { computed, watch } from 'vue'
import { useRouter } from 'vue-router'
import { slideArea } from '../live/marks.ts'
import { liveConfig, openLiveConnection } from './connection.ts'
import { liveRoom } from './live-state.ts'
import { KEY_PARAM } from './protocol.ts'
import { REMOTE_ROUTE_NAME } from './remote-route.ts'

let connection: LiveConnection | undefined
/** Whether this presenter view asked to take over, and has not been given the wheel yet. */
let taking = false
/** Brings the audience's slides to the speaker's position; set while the page is live. */
let followInSlides: (() => void) | undefined

/** Sends the remote's step to the presenter view that drives. */
export function step(direction: 'next' | 'prev'): void {
  connection?.send({ type: 'step', direction })
}

/** Makes this presenter view the one that drives; it first goes to the slide the room is at. */
export function takeOver(): void {
  taking = true
  connection?.send({ type: 'take' })
}

/** Follows the speaker again, from where they are now. */
export function backToLive(): void {
  liveRoom.following = true
  followInSlides?.()
}

let remoteHref: (() => string) | undefined

/** The remote's address for the speaker's phone, with the key: on the room's address (the laptop's network address), not the presenter's own. */
export function remoteAddress(): string | undefined {
  const href = remoteHref?.()
  return href
    ? new URL(href, liveRoom.audienceUrl ?? location.href).href
    : undefined
}

const KEY_STORAGE = 'talk-kit:live-key'

/** The key from the address (`?live-key=…`, in the fragment with hash routing), kept for the tab's session and taken out of the address once the router has it, so it is not on screen or in the history. */
function takeKey(router: Router): string | undefined {
  const fromAddress = new RegExp(`[?&]${KEY_PARAM}=([\\w-]+)`).exec(location.href)?.[1]
  if (fromAddress) {
    try {
      sessionStorage.setItem(KEY_STORAGE, fromAddress)
    }
    catch {
      // Without storage the key lasts until the page is reloaded.
    }
    router.isReady().then(() => {
      const route = router.currentRoute.value
      if (KEY_PARAM in route.query) {
        const { [KEY_PARAM]: _, ...query } = route.query
        router.replace({ path: route.path, query, hash: route.hash })
      }
    })
    return fromAddress
  }
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? undefined
  }
  catch {
    return undefined
  }
}

/** Input by the visitor's own hand, and how long it counts as the reason for a move. */
const OWN_MOVES = [
  'keydown',
  'pointerdown',
  'wheel',
  'touchmove',
]
const OWN_MOVE_MS = 1500

/**
 * When the visitor last moved the page or the slides by their own hand:
 * a move in that time that leaves the live slide is theirs, not the
 * speaker's. The live bar's own button does not count.
 */
export function useOwnMoves(): () => boolean {
  let movedAt = Number.NEGATIVE_INFINITY
  useEventListener(window, OWN_MOVES, (event: Event) => {
    if (!(event.target instanceof Element && event.target.closest('.kit-live-bar')))
      movedAt = performance.now()
  }, { passive: true, capture: true })
  return () => performance.now() - movedAt < OWN_MOVE_MS
}

/**
 * The page's part in a live talk, when the live server served it
 * (`npm run present`); nothing at all otherwise. Every page opens one socket
 * to the speaker's machine. The audience's play view follows through
 * Slidev's own sync: the speaker's position comes in as an update of its
 * shared state, and Slidev moves the slides as it does for a second window
 * (the reader follows in kit/reader/). The presenter view with the key
 * sends its own shared state's changes out, while it is the one that drives.
 */
export function useLiveRoom(): void {
  const config = liveConfig()
  if (!config)
    return
  liveRoom.available = true
  liveRoom.audienceUrl = config.audienceUrl
  const router = useRouter()
  const nav = useNav()
  liveRoom.key = takeKey(router)
  remoteHref = () => liveRoom.key
    ? router.resolve({
      name: REMOTE_ROUTE_NAME,
      query: { [KEY_PARAM]: liveRoom.key },
    }).href
    : ''

  const role = computed(() => {
    if (!liveRoom.key)
      return undefined
    if (nav.isPresenter.value)
      return 'presenter'
    return router.currentRoute.value.name === REMOTE_ROUTE_NAME
      ? 'remote'
      : undefined
  })

  /** Slidev's update of its shared state, for the channel that holds the slide and its clicks. */
  let updateShared: ((data: Partial<SharedState>) => void) | undefined
  const liveSync: Sync = {
    init(channelKey, onUpdate) {
      if (!channelKey.endsWith(' - shared'))
        return undefined
      updateShared = onUpdate as (data: Partial<SharedState>) => void
      return (state, updating) => {
        const shared = state as unknown as SharedState
        if (!updating && role.value === 'presenter' && shared.lastUpdate?.type === 'presenter')
          publish({ slide: shared.page, clicks: shared.clicks })
      }
    },
  }
  addSyncMethod(liveSync)

  let published: string | undefined
  function publish(position: Position): void {
    if (!liveRoom.driving)
      return
    const text = `${position.slide}:${position.clicks}`
    if (text === published)
      return
    published = text
    connection?.send({ type: 'go', ...position })
  }
  const here = (): Position => ({ slide: nav.currentSlideNo.value, clicks: nav.clicks.value })

  /** Whether this page shows the audience a slide that follows the speaker; not before its first navigation has named one. */
  const followsInSlides = (): boolean => !role.value && liveRoom.following && nav.isPlaying.value && nav.hasPrimarySlide.value

  // The audience's slides go where the speaker is, the way Slidev moves a
  // second window. A task later: Slidev ignores updates until the task
  // after its own change to the shared state, which a page on a trusted
  // origin (localhost) makes at every navigation.
  followInSlides = () => {
    router.isReady().then(() => setTimeout(() => {
      const position = liveRoom.position
      if (!position || !followsInSlides())
        return
      updateShared?.({
        page: position.slide,
        clicks: position.clicks,
        lastUpdate: {
          id: 'live',
          type: 'presenter',
          time: Date.now(),
        },
      })
    }))
  }

  // A late arrival: the speaker's position may come before the slides are shown.
  watch(followsInSlides, (follows) => {
    if (follows)
      followInSlides?.()
  })

  function receive(message: ServerMessage): void {
    switch (message.type) {
      case 'state':
        liveRoom.position = { slide: message.slide, clicks: message.clicks }
        followInSlides?.()
        return
      case 'role': {
        const started = message.driving && !liveRoom.driving
        liveRoom.driving = message.driving
        liveRoom.driverPresent = message.driverPresent
        liveRoom.denied = false
        if (!started)
          return
        published = undefined
        const position = liveRoom.position
        const at = here()
        // Taken over: the talk goes on from where the room is. Driving again after a dropped connection: the room comes to where this view is.
        if (taking && position && (position.slide !== at.slide || position.clicks !== at.clicks))
          nav.go(position.slide, position.clicks)
        else
          publish(at)
        // The take-over button is gone: the focus goes to the slides, where the arrow keys drive at once.
        if (taking)
          slideArea()?.focus({ preventScroll: true })
        taking = false
        return
      }
      case 'denied':
        liveRoom.denied = true
        return
      case 'step':
        if (liveRoom.driving && role.value === 'presenter') {
          if (message.direction === 'next')
            nav.next()
          else
            nav.prev()
        }
    }
  }

  connection = openLiveConnection(config, {
    open() {
      liveRoom.connected = true
      // A key refused once is not offered again on every reconnection.
      if (role.value && !liveRoom.denied)
        connection!.send({ type: 'auth', key: liveRoom.key!, role: role.value })
    },
    message: receive,
    close() {
      liveRoom.connected = false
      liveRoom.driving = false
    },
  })
  // A page that becomes the speaker's, or stops being it, says so on a new socket.
  watch(role, () => connection?.reopen())

  // A visitor who steps away from the live slide in the slides keeps their
  // place until they go back to live; a page that ended up elsewhere by no
  // hand of theirs (its first navigation landing after the speaker's
  // position) is brought to it, once for each position.
  const movedByHand = useOwnMoves()
  let corrected: Position | undefined
  watch([nav.currentSlideNo, nav.clicks], () => {
    const position = liveRoom.position
    if (!position || !followsInSlides())
      return
    if (position.slide === nav.currentSlideNo.value && position.clicks === nav.clicks.value)
      return
    if (movedByHand())
      liveRoom.following = false
    else if (corrected !== position)
      followInSlides?.()
    corrected = position
  })
}
