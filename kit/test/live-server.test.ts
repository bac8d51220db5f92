import type { ServerMessage } from '../present/protocol.ts'
import type { LiveServer } from '../scripts/live/server.ts'
import { Buffer } from 'node:buffer'
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { LIVE_META, MAX_MESSAGE_BYTES } from '../present/protocol.ts'
import { readMessage } from '../scripts/live/messages.ts'
import { keyMatches, startLiveServer } from '../scripts/live/server.ts'
import { KEY_KEPT_MS, newKey, pageAddress, speakerKey } from '../scripts/live/speaker.ts'
import { META_POLICY, SECURITY_HEADERS } from '../security-policy.ts'

const WAIT_MS = 10_000

function read(text: string) {
  return readMessage(Buffer.from(text), false)
}

describe('the live server\'s messages', () => {
  it('reads each kind of message with exactly its fields', () => {
    const key = newKey()
    expect(read(JSON.stringify({ type: 'auth', key, role: 'presenter' }))).toEqual({
      ok: true,
      message: { type: 'auth', key, role: 'presenter' },
    })
    expect(read('{"type":"go","slide":12,"clicks":2}')).toEqual({
      ok: true,
      message: { type: 'go', slide: 12, clicks: 2 },
    })
    expect(read('{"type":"take"}')).toEqual({
      ok: true,
      message: { type: 'take' },
    })
    expect(read('{"type":"step","direction":"prev"}')).toEqual({
      ok: true,
      message: { type: 'step', direction: 'prev' },
    })
  })

  it.each([
    ['not JSON', '{"type":"go",'],
    ['no object', '[1,2]'],
    ['null', 'null'],
    ['an unknown type', '{"type":"reset"}'],
    ['a slide 0', '{"type":"go","slide":0,"clicks":0}'],
    ['a fractional slide', '{"type":"go","slide":1.5,"clicks":0}'],
    ['a slide as text', '{"type":"go","slide":"3","clicks":0}'],
    ['a slide beyond any deck', '{"type":"go","slide":100001,"clicks":0}'],
    ['negative clicks', '{"type":"go","slide":3,"clicks":-1}'],
    ['an extra field', '{"type":"go","slide":3,"clicks":0,"x":1}'],
    ['a missing field', '{"type":"go","slide":3}'],
    ['an unknown step', '{"type":"step","direction":"up"}'],
    ['a short key', '{"type":"auth","key":"abc","role":"presenter"}'],
    ['a key with other characters', `{"type":"auth","key":"${'a'.repeat(20)}<script>","role":"presenter"}`],
    ['an unknown role', `{"type":"auth","key":"${newKey()}","role":"audience"}`],
    ['a prototype key', '{"type":"take","__proto__":{"x":1}}'],
  ])('drops %s', (_, text) => {
    expect(read(text).ok).toBe(false)
  })

  it('drops binary and oversized messages, naming the size', () => {
    expect(readMessage(Buffer.from('{"type":"take"}'), true)).toEqual({ ok: false, reason: 'a binary message' })
    const long = JSON.stringify({
      type: 'take',
      pad: 'x'.repeat(MAX_MESSAGE_BYTES),
    })
    expect(read(long)).toEqual({ ok: false, reason: `a message of ${long.length} bytes (at most ${MAX_MESSAGE_BYTES})` })
  })

  it('compares keys whatever their length, without telling where they differ', () => {
    const key = newKey()
    expect(keyMatches(key, key)).toBe(true)
    expect(keyMatches(`${key}x`, key)).toBe(false)
    expect(keyMatches('', key)).toBe(false)
    expect(newKey()).not.toBe(key)
    expect(key).toMatch(/^[\w-]{22}$/)
  })
})

describe('the speaker\'s key and addresses', () => {
  it('keeps a key for the day, readable by its owner only, and makes a fresh one when asked or when it is old', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'live-key-'))
    try {
      const file = path.join(dir, 'cache', 'present-key')
      const first = await speakerKey(file, false)
      expect(first).toMatch(/^[\w-]{22}$/)
      expect((await stat(file)).mode & 0o777).toBe(0o600)
      expect(await speakerKey(file, false)).toBe(first)
      const fresh = await speakerKey(file, true)
      expect(fresh).not.toBe(first)
      const old = new Date(Date.now() - KEY_KEPT_MS - 60_000)
      await utimes(file, old, old)
      expect(await speakerKey(file, false)).not.toBe(fresh)
      await writeFile(file, 'not a key')
      expect(await speakerKey(file, false)).toMatch(/^[\w-]{22}$/)
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('names the presenter view with the key in the deck\'s routing', () => {
    expect(pageAddress('http://localhost:3030', 'hash', 'presenter/1', 'k'.repeat(22))).toBe(`http://localhost:3030/#/presenter/1?live-key=${'k'.repeat(22)}`)
    expect(pageAddress('http://localhost:3030', undefined, 'presenter/1', 'abc')).toBe('http://localhost:3030/#/presenter/1?live-key=abc')
    expect(pageAddress('http://localhost:3030', 'history', 'presenter/1', 'abc')).toBe('http://localhost:3030/presenter/1?live-key=abc')
    expect(pageAddress('http://192.0.2.1:3030', 'hash', '')).toBe('http://192.0.2.1:3030/#/')
  })
})

/** A page's socket, as a test holds it: every message it got, in order. */
interface TestSocket {
  socket: WebSocket
  got: ServerMessage[]
  send: (value: unknown) => void
}

describe('the live server', () => {
  let siteDir: string
  let server: LiveServer
  let logged: string[]
  const key = newKey()
  const sockets: WebSocket[] = []

  async function start(options: Partial<Parameters<typeof startLiveServer>[0]> = {}): Promise<void> {
    await server?.close()
    logged = []
    server = await startLiveServer({
      siteDir,
      key,
      host: '127.0.0.1',
      port: 0,
      audienceUrl: 'http://192.0.2.10:3030/',
      log: message => logged.push(message),
      ...options,
    })
  }

  function rawGet(rawPath: string): Promise<{ status?: number, body: string }> {
    return new Promise((resolve, reject) => {
      get({ host: '127.0.0.1', port: server.port, path: rawPath }, (response) => {
        let body = ''
        response.on('data', (chunk) => {
          body += String(chunk)
        })
        response.on('end', () => resolve({ status: response.statusCode, body }))
      }).on('error', reject)
    })
  }

  async function connect(): Promise<TestSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/_live`)
    sockets.push(socket)
    const got: ServerMessage[] = []
    socket.on('message', data => got.push(JSON.parse(String(data)) as ServerMessage))
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    return {
      socket,
      got,
      send: value => socket.send(typeof value === 'string'
        ? value
        : JSON.stringify(value)),
    }
  }

  async function presenter(): Promise<TestSocket> {
    const page = await connect()
    page.send({ type: 'auth', key, role: 'presenter' })
    await expect.poll(() => page.got.some(message => message.type === 'role'), { timeout: WAIT_MS }).toBe(true)
    return page
  }

  function positions(page: TestSocket): string[] {
    return page.got.filter(message => message.type === 'state').map(message => message.type === 'state'
      ? `${message.slide}.${message.clicks}`
      : '')
  }

  beforeAll(async () => {
    siteDir = await mkdtemp(path.join(tmpdir(), 'live-site-'))
    await mkdir(path.join(siteDir, 'de'))
    await mkdir(path.join(siteDir, 'assets'))
    const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${META_POLICY}"><title>Deck</title></head><body></body></html>`
    await writeFile(path.join(siteDir, 'index.html'), page)
    await writeFile(path.join(siteDir, 'de', 'index.html'), page.replace('Deck', 'Folien'))
    await writeFile(path.join(siteDir, 'assets', 'app.js'), 'console.log(1)')
    await start()
  })

  afterEach(() => {
    for (const socket of sockets.splice(0))
      socket.terminate()
  })

  afterAll(async () => {
    await server.close()
    await rm(siteDir, { recursive: true, force: true })
  })

  it('serves the site\'s pages with the socket\'s tag and the site\'s security headers, and its files as they are', async () => {
    for (const address of [
      '',
      'de/',
      'de/index.html',
      '12',
      'de/reader/3',
    ]) {
      const response = await fetch(`http://127.0.0.1:${server.port}/${address}`)
      expect(response.status, address).toBe(200)
      const html = await response.text()
      expect(html, address).toContain(`<meta name="${LIVE_META}" content="/_live" data-audience="http://192.0.2.10:3030/"></head>`)
      expect(html.includes('Folien'), address).toBe(address.startsWith('de'))
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name), `${address}: ${name}`).toBe(value)
      expect(response.headers.get('content-security-policy')).toContain('connect-src \'self\'')
    }
    const asset = await fetch(`http://127.0.0.1:${server.port}/assets/app.js`)
    expect(await asset.text()).toBe('console.log(1)')
    expect(asset.headers.get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy'])
    expect((await fetch(`http://127.0.0.1:${server.port}/assets/none.js`)).status).toBe(404)
    // Sent as it is, not normalised as fetch would: nothing outside the site is served.
    for (const outside of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc/passwd',
      '/de/..%2f..%2fetc/passwd',
    ]) {
      const { status, body } = await rawGet(outside)
      expect(body, outside).not.toContain('root:')
      expect(status === 404 || body.includes(LIVE_META), outside).toBe(true)
    }
  })

  it('lets the presenter with the key drive, and the audience and a late arrival follow', async () => {
    const phone = await connect()
    const speaker = await presenter()
    expect(speaker.got).toContainEqual({ type: 'role', driving: true, driverPresent: true })
    speaker.send({ type: 'go', slide: 4, clicks: 1 })
    await expect.poll(() => positions(phone), { timeout: WAIT_MS }).toEqual(['4.1'])
    const late = await connect()
    await expect.poll(() => positions(late), { timeout: WAIT_MS }).toEqual(['4.1'])
    expect(server.position()).toEqual({ slide: 4, clicks: 1 })
  })

  it('lets no page without the key move the room, and logs no key', async () => {
    await start()
    const speaker = await presenter()
    speaker.send({ type: 'go', slide: 2, clicks: 0 })
    const phone = await connect()
    await expect.poll(() => positions(phone), { timeout: WAIT_MS }).toEqual(['2.0'])
    phone.send({ type: 'go', slide: 9, clicks: 0 })
    phone.send({ type: 'take' })
    const wrong = newKey()
    phone.send({ type: 'auth', key: wrong, role: 'presenter' })
    await expect.poll(() => phone.got.at(-1), { timeout: WAIT_MS }).toEqual({ type: 'denied' })
    phone.send({ type: 'go', slide: 9, clicks: 0 })
    await expect.poll(() => logged.length, { timeout: WAIT_MS }).toBeGreaterThanOrEqual(4)
    expect(server.position()).toEqual({ slide: 2, clicks: 0 })
    expect(positions(phone)).toEqual(['2.0'])
    expect(logged.join('\n')).not.toContain(wrong)
    expect(logged.join('\n')).not.toContain(key)
    // Three wrong keys close the socket.
    phone.send({
      type: 'auth',
      key: newKey(),
      role: 'presenter',
    })
    phone.send({
      type: 'auth',
      key: newKey(),
      role: 'presenter',
    })
    await expect.poll(() => phone.socket.readyState, { timeout: WAIT_MS }).toBe(WebSocket.CLOSED)
  })

  it('drops a malformed or oversized message with a log line and keeps serving', async () => {
    await start()
    const speaker = await presenter()
    const phone = await connect()
    speaker.send('{"type":"go","slide":"everything"}')
    speaker.send('not json at all')
    speaker.send(JSON.stringify({
      type: 'go',
      slide: 3,
      clicks: 0,
      pad: 'x'.repeat(MAX_MESSAGE_BYTES),
    }))
    await expect.poll(() => logged.filter(line => line.startsWith('Live: dropped')).length, { timeout: WAIT_MS }).toBe(3)
    expect(logged).toContain('Live: dropped a malformed go message.')
    expect(logged).toContain('Live: dropped a message that is not JSON.')
    // A frame beyond ws's own limit closes that socket only.
    const flood = await connect()
    flood.send('x'.repeat(10_000))
    await expect.poll(() => flood.socket.readyState, { timeout: WAIT_MS }).toBe(WebSocket.CLOSED)
    speaker.send({ type: 'go', slide: 5, clicks: 0 })
    await expect.poll(() => positions(phone), { timeout: WAIT_MS }).toEqual(['5.0'])
  })

  it('hands the driving over only when asked, and forwards the remote\'s steps to the driver', async () => {
    await start()
    const first = await presenter()
    const second = await presenter()
    expect(second.got.at(-1)).toEqual({ type: 'role', driving: false, driverPresent: true })
    second.send({ type: 'go', slide: 7, clicks: 0 })
    second.send({ type: 'take' })
    await expect.poll(() => first.got.at(-1), { timeout: WAIT_MS }).toEqual({ type: 'role', driving: false, driverPresent: true })
    expect(second.got.at(-1)).toEqual({ type: 'role', driving: true, driverPresent: true })
    expect(server.position()).toBeUndefined()
    const remote = await connect()
    remote.send({ type: 'auth', key, role: 'remote' })
    await expect.poll(() => remote.got.at(-1), { timeout: WAIT_MS }).toEqual({ type: 'role', driving: false, driverPresent: true })
    remote.send({ type: 'step', direction: 'next' })
    await expect.poll(() => second.got.at(-1), { timeout: WAIT_MS }).toEqual({ type: 'step', direction: 'next' })
    remote.send({ type: 'take' })
    await expect.poll(() => logged, { timeout: WAIT_MS }).toContain('Live: dropped a take message from the remote.')
    // The driver gone, the others know no one drives.
    second.socket.close()
    await expect.poll(() => first.got.at(-1), { timeout: WAIT_MS }).toEqual({ type: 'role', driving: false, driverPresent: false })
  })

  it('refuses sockets beyond the cap per address', async () => {
    await start({ maxPerAddress: 3 })
    await Promise.all([
      connect(),
      connect(),
      connect(),
    ])
    await expect(connect()).rejects.toThrow(/429/)
    expect(logged).toContain('Live: refused a socket: 3 open from one address already.')
    expect(server.connections()).toBe(3)
  })
})
