import type { AddressInfo } from 'node:net'
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import process from 'node:process'
import sirv from 'sirv'

const require = createRequire(import.meta.url)

/** Normalises a base path to Slidev's form: leading and trailing slash. */
export function normaliseBase(base = '/'): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
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
      env: { ...process.env, FORCE_COLOR: '0' },
    })
    child.stdout.on('data', chunk => output.push(String(chunk)))
    child.stderr.on('data', chunk => output.push(String(chunk)))
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (code !== 0) {
    const log = output.join('').trim().split('\n').slice(-40).join('\n')
    throw new Error(`slidev build exited with code ${code}:\n${log}`)
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
