import type { AddressInfo } from 'node:net'
import type { BrowserContext } from 'playwright-chromium'
import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { stripVTControlCharacters } from 'node:util'
import sirv from 'sirv'

const require = createRequire(import.meta.url)

/** Normalises a base path to Slidev's form: leading and trailing slash. */
export function normaliseBase(base = '/'): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}

/** A failed `slidev build`, with the slide it points at when the log names one. */
export class BuildError extends Error {
  override name = 'BuildError'
  readonly log: string
  readonly slideNo?: number
  readonly detail?: string
  constructor(log: string, slideNo?: number, detail?: string) {
    super(detail
      ? `${detail}\n\n${log}`
      : log)
    this.log = log
    this.slideNo = slideNo
    this.detail = detail
  }
}

// Slidev compiles slide N of an entry as the virtual module "<entry>__slidev_N.md".
const SLIDE_MODULE = /__slidev_(\d+)\.md:(\d+):(\d+)/
const ERROR_LINE = /^(?:\w*Error|error): (\S.*)$/m

/** Keeps the part of a build log that explains the failure, without stack frames. */
function failureLog(output: string): string {
  return stripVTControlCharacters(output)
    .split('\n')
    .filter(line => !/^\s+at /.test(line))
    .slice(-30)
    .join('\n')
    .trim()
}

/**
 * Runs `slidev build` in a child process. Its output is kept and, on failure,
 * returned in the error, since that is where Vue and Markdown errors name the
 * broken file and line.
 */
export async function buildSite(entry: string, outDir: string, base: string): Promise<void> {
  const cli = require.resolve('@slidev/cli/bin/slidev.mjs')
  const args = [
    cli,
    'build',
    entry,
    '--out',
    outDir,
    '--base',
    base,
  ]
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    })
    child.stdout.on('data', chunk => output.push(String(chunk)))
    child.stderr.on('data', chunk => output.push(String(chunk)))
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (code !== 0) {
    const log = failureLog(output.join(''))
    const slide = log.match(SLIDE_MODULE)
    throw new BuildError(log, slide
      ? Number(slide[1])
      : undefined, log.match(ERROR_LINE)?.[1])
  }
}

export interface LocalSite {
  /** Address of the deck, ending in the base path. */
  url: string
  origin: string
  close: () => Promise<void>
}

/** Serves a built site on 127.0.0.1 under its base path, on a free port. */
export async function serveSite(dir: string, base: string): Promise<LocalSite> {
  const assets = sirv(dir, { dev: true, etag: true })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(base)) {
      res.statusCode = 404
      res.end()
      return
    }
    req.url = `/${url.slice(base.length)}`
    assets(req, res, () => {
      res.statusCode = 404
      res.end()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}

export interface MountedSite {
  /** Address of the deck, ending in the base path. */
  url: string
  /** Requests for other hosts, aborted before they were sent. */
  blocked: string[]
}

// A host name that never needs the network: every request to it is answered
// from disk inside the browser, so exports work with no network interface at
// all (not even loopback, as under `unshare -n`).
const SITE_ORIGIN = 'http://deck.localhost'

/**
 * Serves a built site to one browser context without a server: requests under
 * the base path are fulfilled from `dir` (a missing file answers 404), and
 * every other request is aborted and recorded.
 */
export async function mountSite(context: BrowserContext, dir: string, base: string): Promise<MountedSite> {
  const site: MountedSite = { url: `${SITE_ORIGIN}${base}`, blocked: [] }
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== SITE_ORIGIN) {
      if (url.protocol === 'data:' || url.protocol === 'blob:')
        return route.fallback()
      site.blocked.push(url.href)
      return route.abort('blockedbyclient')
    }
    const relative = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html'
    const file = path.join(dir, relative)
    if (!url.pathname.startsWith(base) || !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile())
      return route.fulfill({ status: 404, body: 'Not found' })
    return route.fulfill({ path: file })
  })
  return site
}
