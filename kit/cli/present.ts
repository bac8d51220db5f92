import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { renderUnicodeCompact } from 'uqr'
import { DEFAULT_CACHE_DIR } from '../scripts/cache.ts'
import { exportDeck } from '../scripts/export.ts'
import { startLiveServer } from '../scripts/live/server.ts'
import { networkAddresses, pageAddress, speakerKey } from '../scripts/live/speaker.ts'

const options = {
  'entry': { type: 'string', default: 'slides.md' },
  'out': { type: 'string', default: 'exports' },
  'site': { type: 'string', default: 'dist' },
  'host': { type: 'string', default: '0.0.0.0' },
  'port': { type: 'string', default: '3030' },
  'open': { type: 'boolean', default: true },
  'new-key': { type: 'boolean', default: false },
  'cache': { type: 'boolean', default: true },
  'help': { type: 'boolean', default: false },
} as const

const usage = `Usage: talk-kit present [options]   (in this repository also: npm run present [-- options])

Presents the deck live to the room: builds the site and its PDFs (as talk-kit
pdf does, reusing the export cache), serves it on this machine's network, and
keeps every phone and laptop that opens it at your slide. No cloud service,
no account: the room needs only the same network as this machine.

Options:
  --entry FILE   the deck's Markdown file, or a folder with slides.md (default: ${options.entry.default})
  --out DIR      where the PDFs go (default: ${options.out.default})
  --site DIR     where the static site goes (default: ${options.site.default})
  --host ADDR    the interface to listen on (default: ${options.host.default}, every one)
  --port N       the port (default: ${options.port.default})
  --no-open      print the presenter view's address without opening it
  --new-key      a new key even if one from the last twelve hours is kept
  --no-cache     build and print everything anew
  --help         show this text`

function readOptions() {
  try {
    const { values } = parseArgs({ options, allowNegative: true })
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port is a number from 0 to 65535, not "${values.port}"`)
    return { ...values, port }
  }
  catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
}

const values = readOptions()
if (values.help) {
  console.log(usage)
  process.exit(0)
}

try {
  const result = await exportDeck({
    entry: values.entry,
    outDir: values.out,
    siteDir: values.site,
    base: '/',
    cacheDir: values.cache
      ? DEFAULT_CACHE_DIR
      : undefined,
  })
  const { deck } = result.editions[0]!
  const key = await speakerKey(path.join(DEFAULT_CACHE_DIR, 'present-key'), values['new-key'])
  const [lanAddress] = networkAddresses()
  const listenedHost = values.host === '0.0.0.0' || values.host === '::'
    ? lanAddress
    : values.host
  const port = values.port
  const roomOrigin = listenedHost
    ? `http://${listenedHost}:${port}`
    : undefined
  const server = await startLiveServer({
    siteDir: result.siteDir,
    key,
    host: values.host,
    port,
    audienceUrl: roomOrigin && `${roomOrigin}/`,
  })
  const origin = `http://localhost:${server.port}`
  const presenter = pageAddress(origin, deck.config.routerMode, 'presenter/1', key)
  console.log(`\nServing ${result.siteDir}/ live, listening on ${server.host}:${server.port}${values.host === '0.0.0.0'
    ? ' (every network interface of this machine)'
    : ''}.`)
  if (roomOrigin) {
    console.log(`\nThe room opens ${roomOrigin}/ (on the same network as this machine):\n`)
    console.log(renderUnicodeCompact(`${roomOrigin}/`))
  }
  else {
    console.log('\nThis machine is on no network the room can share: only this machine can open the deck.')
  }
  // The one line with the key: the presenter view's address, for the speaker only.
  console.log(`\nYour presenter view (it holds the key that drives the room; keep it to yourself):\n  ${presenter}`)
  console.log('\nCtrl-C stops.')
  if (values.open) {
    const { default: open } = await import('open')
    await open(presenter).catch(() => console.log('(It could not be opened here: open it in your browser.)'))
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log('\nStopped: the room no longer follows.')
      server.close().then(() => process.exit(0), () => process.exit(1))
    })
  }
}
catch (error) {
  const { code, message } = error as NodeJS.ErrnoException
  console.error(code === 'EADDRINUSE'
    ? `\nPort ${values.port} on ${values.host} is taken (another npm run present, or another server): choose another with --port.`
    : `\n${message}`)
  process.exitCode = 1
}
