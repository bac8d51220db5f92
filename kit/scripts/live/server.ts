import type { Buffer } from 'node:buffer'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Position, ServerMessage, SpeakerMessage } from '../../present/protocol.ts'
import { createHash, timingSafeEqual } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import { WebSocket, WebSocketServer } from 'ws'
import { LIVE_META, LIVE_SOCKET } from '../../present/protocol.ts'
import { SECURITY_HEADERS } from '../../security-policy.ts'
import { isInside } from '../publish.ts'
import { readMessage } from './messages.ts'

export interface LiveServerOptions {
  /** The built site to serve. */
  siteDir: string
  /** The base path it was built for (default `/`). */
  base?: string
  /** The speaker's key: whoever offers it may drive. */
  key: string
  /** The interface to listen on: all of them by default, so the room can reach it. */
  host?: string
  /** 0 for any free port. */
  port?: number
  /** The address the room opens, shown by `<DeckAddress>` while `url:` is unset. */
  audienceUrl?: string
  /** Open sockets one address may hold: a phone with a few tabs, not a flood. */
  maxPerAddress?: number
  /** Open sockets in all. */
  maxConnections?: number
  /** Bytes a socket may have waiting to be sent before it is closed: a page that stopped reading holds up no one. */
  maxBuffered?: number
  /** How often every socket is asked to answer, and closed when it did not answer the last time. */
  heartbeatMs?: number
  log?: (message: string) => void
}

export interface LiveServer {
  /** Where it listens, as the system reports it. */
  host: string
  port: number
  /** The local address of the site, `http://127.0.0.1:PORT/base/` for a server on every interface. */
  localUrl: string
  /** Where the speaker is, if anywhere yet. */
  position: () => Position | undefined
  /** Open sockets, for the benchmark. */
  connections: () => number
  close: () => Promise<void>
}

/** One page's socket, with what the server knows of it: nothing about a person, only its role. */
interface Client {
  socket: WebSocket
  address: string
  role: 'audience' | 'presenter' | 'remote'
  alive: boolean
  wrongKeys: number
}

/** Wrong keys a socket may offer before it is closed. */
const MAX_WRONG_KEYS = 3

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** Whether `offered` is `key`, in time that does not depend on where they differ (both are hashed to the same length first). */
export function keyMatches(offered: string, key: string): boolean {
  return timingSafeEqual(digest(offered), digest(key))
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile()
}

/** The page a navigation to `file` gets: the folder's index.html, or the nearest one above it (history routing), up to the site's root. */
function pageFor(siteDir: string, file: string): string | undefined {
  if (file.endsWith('.html')) {
    return isFile(file)
      ? file
      : undefined
  }
  for (let folder = file; isInside(folder, siteDir); folder = path.dirname(folder)) {
    const index = path.join(folder, 'index.html')
    if (isFile(index))
      return index
    if (folder === siteDir)
      break
  }
  return undefined
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, char => `&#${char.charCodeAt(0)};`)
}

/**
 * Serves a built site to the room and keeps every page of it at the
 * speaker's slide: a static server (sirv) with the site's security headers,
 * whose pages carry a tag that tells them where the live socket is, and one
 * WebSocket (ws) that every page opens. The audience only listens; a page
 * that offers the key may drive, one at a time. Nothing about the audience
 * is kept or logged: no address beyond the count of its open sockets, no
 * request line, no key.
 */
export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const {
    siteDir,
    key,
    host = '0.0.0.0',
    port = 3030,
    maxPerAddress = 8,
    maxConnections = 5000,
    maxBuffered = 64 * 1024,
    heartbeatMs = 30_000,
    log = console.log,
  } = options
  const base = options.base ?? '/'
  const socketPath = `${base}${LIVE_SOCKET}`
  const tag = `<meta name="${LIVE_META}" content="${escapeAttribute(socketPath)}"${options.audienceUrl
    ? ` data-audience="${escapeAttribute(options.audienceUrl)}"`
    : ''}>`
  const assets = sirv(siteDir, { dev: true, etag: true })
  const pages = new Map<string, Promise<string>>()

  function setSecurityHeaders(res: ServerResponse): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      res.setHeader(name, value)
  }

  async function servePage(file: string, res: ServerResponse): Promise<void> {
    if (!pages.has(file))
      pages.set(file, readFile(file, 'utf8').then(html => html.replace('</head>', `${tag}</head>`)))
    const html = await pages.get(file)!
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Cache-Control', 'no-store')
    res.end(html)
  }

  function notFound(res: ServerResponse): void {
    res.statusCode = 404
    res.end('Not found')
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res)
    const url = new URL(req.url ?? '/', 'http://site')
    if (!url.pathname.startsWith(base) || (req.method !== 'GET' && req.method !== 'HEAD'))
      return notFound(res)
    let relative: string
    try {
      relative = decodeURIComponent(url.pathname.slice(base.length))
    }
    catch {
      return notFound(res)
    }
    const file = path.join(siteDir, relative)
    if (!isInside(file, siteDir))
      return notFound(res)
    const navigation = !path.extname(file) || file.endsWith('.html')
    const page = navigation
      ? pageFor(siteDir, file)
      : undefined
    if (page) {
      servePage(page, res).catch(() => notFound(res))
      return
    }
    req.url = `/${relative}${url.search}`
    assets(req, res, () => notFound(res))
  })

  const sockets = new WebSocketServer({
    noServer: true,
    // ws closes a socket whose frame is larger than this; a message is checked against the smaller MAX_MESSAGE_BYTES after.
    maxPayload: 4096,
    perMessageDeflate: false,
  })
  const clients = new Set<Client>()
  const perAddress = new Map<string, number>()
  let position: Position | undefined
  let driver: Client | undefined

  function send(client: Client, message: ServerMessage): void {
    sendText(client, JSON.stringify(message))
  }

  /** Sends without waiting: a socket that has more than maxBuffered bytes unsent has stopped reading, and is closed; it reconnects when it can and gets the position then. */
  function sendText(client: Client, text: string): void {
    if (client.socket.readyState !== WebSocket.OPEN)
      return
    if (client.socket.bufferedAmount > maxBuffered) {
      log(`Live: closed a page that stopped reading (${client.socket.bufferedAmount} bytes waiting).`)
      client.socket.terminate()
      return
    }
    client.socket.send(text)
  }

  function broadcastPosition(at: Position): void {
    const text = JSON.stringify({ type: 'state', ...at } satisfies ServerMessage)
    for (const client of clients)
      sendText(client, text)
  }

  function tellSpeakers(): void {
    for (const client of clients) {
      if (client.role !== 'audience') {
        send(client, {
          type: 'role',
          driving: client === driver,
          driverPresent: Boolean(driver),
        })
      }
    }
  }

  function handle(client: Client, message: SpeakerMessage): void {
    if (message.type === 'auth') {
      if (!keyMatches(message.key, key)) {
        client.wrongKeys += 1
        log(`Live: a page offered a wrong key${client.wrongKeys >= MAX_WRONG_KEYS
          ? '; its socket is closed'
          : ''}.`)
        send(client, { type: 'denied' })
        if (client.wrongKeys >= MAX_WRONG_KEYS)
          client.socket.close(1008, 'wrong key')
        return
      }
      client.role = message.role
      // The first presenter view to arrive drives, and the one that drove before a dropped connection drives on.
      if (!driver && client.role === 'presenter')
        driver = client
      tellSpeakers()
      return
    }
    if (client.role === 'audience') {
      log(`Live: dropped a ${message.type} message from a page without the key.`)
      return
    }
    switch (message.type) {
      case 'take':
        if (client.role !== 'presenter')
          return log('Live: dropped a take message from the remote.')
        driver = client
        tellSpeakers()
        return
      case 'go':
        if (client !== driver)
          return log('Live: dropped a go message from a presenter view that does not drive.')
        if (position?.slide === message.slide && position.clicks === message.clicks)
          return
        position = { slide: message.slide, clicks: message.clicks }
        broadcastPosition(position)
        return
      case 'step':
        if (driver)
          send(driver, { type: 'step', direction: message.direction })
    }
  }

  sockets.on('connection', (socket: WebSocket, address: string) => {
    const client: Client = {
      socket,
      address,
      role: 'audience',
      alive: true,
      wrongKeys: 0,
    }
    clients.add(client)
    socket.on('pong', () => {
      client.alive = true
    })
    socket.on('message', (data, isBinary) => {
      const read = readMessage(data, isBinary)
      if (read.ok)
        handle(client, read.message)
      else
        log(`Live: dropped ${read.reason}.`)
    })
    socket.on('error', (error) => {
      // ws closes the socket after a frame too large or not WebSocket at all.
      log(`Live: dropped a socket: ${error.message}.`)
    })
    socket.on('close', () => {
      clients.delete(client)
      const left = (perAddress.get(address) ?? 1) - 1
      if (left > 0)
        perAddress.set(address, left)
      else
        perAddress.delete(address)
      if (client === driver) {
        driver = undefined
        tellSpeakers()
      }
    })
    // A late arrival starts where the speaker is.
    if (position)
      send(client, { type: 'state', ...position })
  })

  function refuse(socket: Duplex, status: string): void {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {})
    if (new URL(req.url ?? '/', 'http://site').pathname !== socketPath)
      return refuse(socket, '404 Not Found')
    const address = req.socket.remoteAddress ?? ''
    const open = perAddress.get(address) ?? 0
    if (open >= maxPerAddress || clients.size >= maxConnections) {
      log(`Live: refused a socket: ${open >= maxPerAddress
        ? `${maxPerAddress} open from one address already`
        : `${maxConnections} open already`}.`)
      return refuse(socket, '429 Too Many Requests')
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1)
      sockets.emit('connection', ws, address)
    })
  })

  // Sockets whose page went away without closing (a phone out of range, a laptop asleep) are found and closed.
  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate()
        continue
      }
      client.alive = false
      client.socket.ping()
    }
  }, heartbeatMs)
  heartbeat.unref()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const listening = server.address() as AddressInfo
  const localHost = host === '0.0.0.0' || host === '::'
    ? '127.0.0.1'
    : host
  return {
    host: listening.address,
    port: listening.port,
    localUrl: `http://${localHost.includes(':')
      ? `[${localHost}]`
      : localHost}:${listening.port}${base}`,
    position: () => position,
    connections: () => clients.size,
    close: () => new Promise((resolve) => {
      clearInterval(heartbeat)
      for (const client of clients)
        client.socket.terminate()
      sockets.close()
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
