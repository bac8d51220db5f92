import type { ChildProcess } from 'node:child_process'
import type { Browser } from 'playwright-core'
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveBrowser } from '../../scripts/browser.ts'
import { canUnshareNetwork } from '../network-namespace.ts'
import { openPdf, pageTexts } from '../pdf.ts'

// The kit as another deck gets it: packed with `npm pack`, installed from
// the tarball into an empty folder outside this repository beside Slidev
// and its default theme, with a deck in the style of Slidev's starter. Then
// `npx talk-kit pdf` must make the four PDFs and the site (with no network
// at all where the machine allows), and `npx slidev` must show the deck with
// the kit's reader, live deck and pace. Node strips no TypeScript inside
// node_modules: the installed command runs what the pack compiled.

const KIT = path.resolve(import.meta.dirname, '../..')
const STARTER = path.join(KIT, 'test/fixtures/starter')
const run = promisify(execFile)
const MINUTES = 60_000

let work: string
let deck: string
let tarball: string

/** A free port on this machine. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    }).on('error', reject)
  })
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'talk-kit-packed-'))
  const { stdout } = await run('npm', [
    'pack',
    '--json',
    '--pack-destination',
    work,
  ], { cwd: KIT, maxBuffer: 16 * 1024 * 1024 })
  tarball = path.join(work, (JSON.parse(stdout) as { filename: string }[])[0]!.filename)

  deck = path.join(work, 'my-talk')
  await cp(STARTER, deck, {
    recursive: true,
    filter: source => path.basename(source) !== 'node_modules',
  })
  await writeFile(path.join(deck, 'package.json'), `${JSON.stringify({
    name: 'my-talk',
    private: true,
    type: 'module',
    dependencies: {
      '@slidev/cli': '^53.0.0',
      '@slidev/theme-default': '^0.25.0',
      'slidev-addon-talk-kit': `file:${tarball}`,
    },
    slidev: {
      addons: ['talk-kit'],
    },
  }, null, 2)}\n`)
  // From npm's cache where it has the packages; the registry only for what it lacks.
  await run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
  ], { cwd: deck, maxBuffer: 16 * 1024 * 1024 })
}, 15 * MINUTES)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the packed kit', () => {
  it('ships the compiled command and the addon, not the kit\'s tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball])
    const files = stdout.split('\n').filter(Boolean).map(file => file.replace(/^package\//, ''))
    expect(files).toEqual(expect.arrayContaining([
      'bin/talk-kit.js',
      'dist/cli/talk-kit.js',
      'dist/scripts/export.js',
      'setup/preparser.ts',
      'reader/ReaderPage.vue',
      'custom-nav-controls.vue',
    ]))
    expect(files.filter(file => file.startsWith('test/') || file.startsWith('bench/results'))).toEqual([])
    // The checkout keeps no compiled copy that could shadow its sources.
    expect(existsSync(path.join(KIT, 'dist'))).toBe(false)
  })

  it('makes the four PDFs and the site in a deck of its own, with no network', async () => {
    const command = [
      'npx',
      '--no-install',
      'talk-kit',
      'pdf',
    ]
    const offline = canUnshareNetwork()
    const { stdout } = await (offline
      ? run('unshare', ['-n', ...command], {
          cwd: deck,
          env: {
            ...process.env,
            CHROMIUM_PATH: resolveBrowser(),
          },
        })
      : run(command[0]!, command.slice(1), {
          cwd: deck,
          env: {
            ...process.env,
            CHROMIUM_PATH: resolveBrowser(),
          },
        }))
    expect(stdout).toContain('Done in')
    const exports = path.join(deck, 'exports')
    expect((await readdir(exports)).sort()).toEqual([
      'starter-handout.pdf',
      'starter-overview.pdf',
      'starter-script.pdf',
      'starter-slides.pdf',
    ])
    for (const kind of [
      'slides',
      'handout',
      'overview',
      'script',
    ]) {
      const pdf = await openPdf(path.join(exports, `starter-${kind}.pdf`))
      expect(pdf.numPages, kind).toBeGreaterThan(1)
      expect((await pageTexts(pdf)).join(' '), kind).toContain('Welcome to the starter fixture')
    }
    const site = await readdir(path.join(deck, 'dist'))
    expect(site).toEqual(expect.arrayContaining(['index.html', 'starter-slides.pdf', 'starter-handout.pdf']))
    expect(await readFile(path.join(deck, 'dist', 'index.html'), 'utf8')).toContain('Content-Security-Policy')
  }, 10 * MINUTES)

  describe('in `npx slidev`', () => {
    let server: ChildProcess
    let browser: Browser
    let address: string

    beforeAll(async () => {
      const port = await freePort()
      address = `http://127.0.0.1:${port}`
      server = spawn('npx', [
        '--no-install',
        'slidev',
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
      ], { cwd: deck, stdio: 'ignore', detached: true })
      browser = await chromium.launch({
        executablePath: resolveBrowser(),
      })
      // The dev server answers once Vite is ready.
      const until = Date.now() + 3 * MINUTES
      while (!(await fetch(address).catch(() => undefined))?.ok) {
        if (Date.now() > until || server.exitCode !== null)
          throw new Error(`npx slidev did not answer at ${address}`)
        await new Promise(resolve => setTimeout(resolve, 500))
      }
    }, 5 * MINUTES)

    afterAll(async () => {
      await browser?.close()
      // The server and the processes it started, as a group.
      if (server?.pid)
        process.kill(-server.pid, 'SIGTERM')
    })

    it('shows the reader', async () => {
      const page = await browser.newPage()
      await page.goto(`${address}/reader`)
      await expect.poll(() => page.locator('.kit-reader [data-slide]').count(), { timeout: 3 * MINUTES, interval: 500 }).toBeGreaterThan(20)
      await page.close()
    }, 5 * MINUTES)

    it('announces each slide for the live deck', async () => {
      const page = await browser.newPage()
      await page.goto(`${address}/1`)
      await page.locator('.slidev-page').first().waitFor({ timeout: 3 * MINUTES })
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.locator('.kit-live-region').textContent().catch(() => ''), { timeout: 2 * MINUTES, interval: 250 }).not.toBe('')
      await page.close()
    }, 5 * MINUTES)

    it('shows the pace in the presenter view', async () => {
      const page = await browser.newPage()
      await page.goto(`${address}/presenter/1`)
      await expect.poll(() => page.locator('.kit-pace [data-pace="planned"]').count(), { timeout: 3 * MINUTES, interval: 500 }).toBe(1)
      await page.close()
    }, 5 * MINUTES)
  })
})
