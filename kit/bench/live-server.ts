import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { startLiveServer } from '../scripts/live/server.ts'

// The live server as the benchmark runs it: in a process of its own, so
// that its memory is its own and the simulated phones do not share its
// event loop; on loopback only, with a one-page site; every phone comes
// from 127.0.0.1, so the cap per address is lifted above the room's size.
const [key, phones] = process.argv.slice(2)
const siteDir = await mkdtemp(path.join(tmpdir(), 'live-bench-'))
await writeFile(path.join(siteDir, 'index.html'), '<!DOCTYPE html><html><head><title>Deck</title></head><body></body></html>')
const closed: string[] = []
const server = await startLiveServer({
  siteDir,
  key: key!,
  host: '127.0.0.1',
  port: 0,
  maxPerAddress: Number(phones) + 10,
  log: message => closed.push(message),
})

async function stop(): Promise<void> {
  await server.close()
  await rm(siteDir, { recursive: true, force: true })
  process.exit(0)
}

process.on('message', (message: string) => {
  if (message === 'measure') {
    const { rss, heapUsed } = process.memoryUsage()
    process.send!({
      rss,
      heapUsed,
      connections: server.connections(),
      stalledClosed: closed.filter(line => line.includes('stopped reading')).length,
    })
  }
  if (message === 'stop')
    stop()
})
// The benchmark gone, the server goes too.
process.on('disconnect', stop)
process.send!({ port: server.port })
