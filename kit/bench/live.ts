import type { ServerMessage } from '../present/protocol.ts'
import { fork } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { WebSocket } from 'ws'
import { newKey } from '../scripts/live/speaker.ts'
import { TYPESCRIPT_NODE_FLAGS } from '../scripts/node-flags.ts'

// How far one laptop carries a room: 500 simulated phones on loopback
// follow a speaker through the live server (scripts/live/server.ts), 25 of
// them stopped reading (a phone locked with the page open). Measured: how
// long each speaker's change takes to reach every reading phone, the
// server's memory, and what becomes of the stalled phones. Bounded: it
// stops by itself after two minutes at most.

const PHONES = 500
const STALLED = 25
const CHANGES = 40
const CHANGE_EVERY_MS = 250
/** Changes sent back to back at the end: what a stalled phone's backlog grows to before the server closes it. */
const FLOOD = 1000
const WITHIN_MS = 250
const GIVE_UP_MS = 180_000

interface Measure { rss: number, heapUsed: number, connections: number, stalledClosed: number }

const key = newKey()
const child = fork(path.join(import.meta.dirname, 'live-server.ts'), [
  key,
  String(PHONES),
], { execArgv: TYPESCRIPT_NODE_FLAGS })
const giveUp = setTimeout(() => {
  console.error(`The live benchmark took longer than ${GIVE_UP_MS / 1000} s and was stopped.`)
  child.kill()
  process.exit(1)
}, GIVE_UP_MS)
const started = performance.now()
function progress(step: string): void {
  console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${step}`)
}
const [{ port }] = await once(child, 'message') as [{ port: number }]
async function measure(): Promise<Measure> {
  child.send('measure')
  const [answer] = await once(child, 'message') as [Measure]
  return answer
}

/** When each phone got each position, by "slide.clicks". */
const arrivals: Map<string, number>[] = []

function connect(): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_live`, { perMessageDeflate: false })
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

const idle = await measure()
const phones: WebSocket[] = []
for (let batch = 0; batch < PHONES; batch += 50) {
  phones.push(...await Promise.all(Array.from({
    length: Math.min(50, PHONES - batch),
  }, connect)))
}
for (const [index, socket] of phones.entries()) {
  if (index < STALLED) {
    socket.pause()
    continue
  }
  const got = new Map<string, number>()
  arrivals.push(got)
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    if (message.type === 'state')
      got.set(`${message.slide}.${message.clicks}`, performance.now())
  })
}
const connected = await measure()
progress(`${PHONES} phones connected`)

const speaker = await connect()
speaker.send(JSON.stringify({ type: 'auth', key, role: 'presenter' }))
await once(speaker, 'message')

// Each change to a slide of its own, so that an arrival is never taken for another change's.
const sentAt: number[] = []
for (let change = 1; change <= CHANGES; change++) {
  sentAt[change] = performance.now()
  speaker.send(JSON.stringify({ type: 'go', slide: change + 1, clicks: change % 3 }))
  await sleep(CHANGE_EVERY_MS)
}
// Late arrivals count with their real time, up to a few seconds.
await sleep(3000)
const latencies: number[] = []
const p95s: number[] = []
for (let change = 1; change <= CHANGES; change++) {
  const these = arrivals.map(got => (got.get(`${change + 1}.${change % 3}`) ?? Number.POSITIVE_INFINITY) - sentAt[change]!).sort((a, b) => a - b)
  latencies.push(...these)
  p95s.push(these[Math.ceil(these.length * 0.95) - 1]!)
}
const afterChanges = await measure()
progress(`${CHANGES} changes sent and received`)

for (let change = 1; change <= FLOOD; change++)
  speaker.send(JSON.stringify({ type: 'go', slide: (change % 9000) + 100, clicks: change % 7 }))
await sleep(2000)
const afterFlood = await measure()
progress(`${FLOOD} changes back to back`)

latencies.sort((a, b) => a - b)
const quantile = (q: number): number => latencies[Math.ceil(latencies.length * q) - 1]!
const within = latencies.filter(ms => ms <= WITHIN_MS).length / latencies.length
function ms(value: number): string {
  return Number.isFinite(value)
    ? `${value.toFixed(1)} ms`
    : 'never'
}
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
p95s.sort((a, b) => a - b)

console.log(`Live server, ${PHONES} phones on loopback (${STALLED} of them stopped reading), ${CHANGES} changes ${CHANGE_EVERY_MS} ms apart:`)
console.log(`  a change reached the ${PHONES - STALLED} reading phones: median ${ms(quantile(0.5))}, 95th percentile ${ms(quantile(0.95))}, slowest ${ms(quantile(1))}`)
console.log(`  worst change's 95th percentile: ${ms(p95s.at(-1)!)}; share of arrivals within ${WITHIN_MS} ms: ${(within * 100).toFixed(1)} % (goal: 95 %)`)
console.log(`  server memory (RSS): idle ${mb(idle.rss)}, ${connected.connections} sockets ${mb(connected.rss)}, after the changes ${mb(afterChanges.rss)}, after ${FLOOD} changes back to back ${mb(afterFlood.rss)} (heap ${mb(afterFlood.heapUsed)})`)
console.log(`  stalled phones the server closed after the flood: ${afterFlood.stalledClosed} of ${STALLED}; sockets open: ${afterFlood.connections}`)

for (const socket of [...phones, speaker])
  socket.terminate()
child.send('stop')
await once(child, 'exit')
clearTimeout(giveUp)
process.exitCode = within >= 0.95
  ? 0
  : 1
