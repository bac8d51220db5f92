import type { ServerMessage, SpeakerMessage } from './protocol.ts'
import { LIVE_META } from './protocol.ts'

/** What the page the live server served knows from its tag: where the socket is, and the address the room opens. */
export interface LiveConfig {
  socketPath: string
  audienceUrl?: string
}

/** The live server's tag in this page, or nothing: a plain dev server or a static host. */
export function liveConfig(): LiveConfig | undefined {
  const tag = document.querySelector<HTMLMetaElement>(`meta[name="${LIVE_META}"]`)
  if (!tag?.content)
    return undefined
  return { socketPath: tag.content, audienceUrl: tag.dataset.audience || undefined }
}

export interface LiveConnection {
  send: (message: SpeakerMessage) => void
  /** Closes the socket and opens a new one at once (a page that became the speaker's). */
  reopen: () => void
}

/** The first wait before a new attempt, and the longest: phones that lost a restarted server come back over a few seconds, not all at once. */
const FIRST_RETRY_MS = 500
const LONGEST_RETRY_MS = 5000

/**
 * The page's socket to the live server, opened again by itself whenever it
 * drops (the venue's Wi-Fi, a laptop asleep, the server restarted): after
 * half a second, then up to five, each wait jittered; at once when the
 * device is back online or the page is shown again.
 */
export function openLiveConnection(config: LiveConfig, handlers: {
  open: () => void
  message: (message: ServerMessage) => void
  close: () => void
}): LiveConnection {
  let socket: WebSocket | undefined
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function connect(): void {
    clearTimeout(timer)
    const url = new URL(config.socketPath, location.href)
    url.protocol = url.protocol === 'https:'
      ? 'wss:'
      : 'ws:'
    const opened = new WebSocket(url)
    socket = opened
    opened.addEventListener('open', () => {
      attempt = 0
      handlers.open()
    })
    opened.addEventListener('message', (event) => {
      if (typeof event.data !== 'string')
        return
      try {
        handlers.message(JSON.parse(event.data) as ServerMessage)
      }
      catch {
        // Not the server's: ignored.
      }
    })
    opened.addEventListener('close', () => {
      if (socket !== opened)
        return
      socket = undefined
      handlers.close()
      const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++)
      timer = setTimeout(connect, wait * (0.5 + Math.random() / 2))
    })
  }

  function reconnectNow(): void {
    if (!socket && document.visibilityState === 'visible') {
      attempt = 0
      connect()
    }
  }
  window.addEventListener('online', reconnectNow)
  document.addEventListener('visibilitychange', reconnectNow)
  connect()

  return {
    send(message) {
      if (socket?.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify(message))
    },
    reopen() {
      const old = socket
      socket = undefined
      old?.close()
      if (old)
        handlers.close()
      connect()
    },
  }
}
