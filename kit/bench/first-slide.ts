import type { BrowserContextOptions, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { devices } from 'playwright-core'
import { launchBrowser } from '../scripts/launch.ts'
import { mountSite } from '../scripts/local-site.ts'

export interface FirstSlide {
  /** What a static host would send for the first screen: text gzip-compressed, the rest as it is. */
  transferredBytes: number
  requests: { path: string, bytes: number }[]
  /** Requests for other hosts (there should be none). */
  blocked: string[]
  chromium: string
}

/** A first screen the benchmark loads: with which browser settings, and when it counts as shown. */
interface Screen {
  context: BrowserContextOptions
  shown: (page: Page) => Promise<void>
}

const WAIT_MS = 30_000

/** The deck's address on a laptop: the play view shows slide 1 with its fonts. */
const SLIDES: Screen = {
  context: {
    viewport: { width: 1280, height: 720 },
  },
  async shown(page) {
    await page.locator('.slidev-page-1 .slidev-layout').first().waitFor({ state: 'visible', timeout: WAIT_MS })
    await page.locator('.slidev-page-1 .slidev-slide-loading').waitFor({ state: 'detached', timeout: WAIT_MS })
  },
}

// Playwright's descriptor, less the browser it names: the benchmark runs Chromium.
const { defaultBrowserType: _, ...PHONE } = devices['iPhone 13']!

/**
 * The same address on a phone: the reader, with every slide it renders
 * ahead of the reader (those near the first screen) loaded and shown.
 */
const READER: Screen = {
  context: PHONE,
  async shown(page) {
    await page.locator('.kit-reader-entry[data-slide="1"] .slidev-layout').waitFor({ state: 'visible', timeout: WAIT_MS })
    await page.waitForLoadState('networkidle', { timeout: WAIT_MS })
    await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading'), undefined, { timeout: WAIT_MS })
  },
}

// Static hosts compress text, not formats that are compressed already.
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.svg',
  '.json',
])

/** The bytes a static host sends for one file: gzip level 9 (as precompressed assets) for text. */
function servedBytes(file: string): number {
  const body = readFileSync(file)
  return COMPRESSIBLE.has(path.extname(file))
    ? gzipSync(body, { level: 9 }).length
    : body.length
}

/**
 * Opens the built site's address in headless Chromium, exactly as the export
 * does (served from disk, nothing else reachable), and adds up the files it
 * asked for until `screen` is shown with its fonts.
 */
async function measureFirstScreen(siteDir: string, executablePath: string, screen: Screen): Promise<FirstSlide> {
  const browser = await launchBrowser(executablePath)
  try {
    const context = await browser.newContext({ ...screen.context, colorScheme: 'light' })
    const site = await mountSite(context, siteDir, '/')
    const page = await context.newPage()
    const paths: string[] = []
    let shown = false
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!shown && url.href.startsWith(site.url) && !paths.includes(url.pathname))
        paths.push(url.pathname)
    })
    await page.goto(`${site.url}#/1`, { waitUntil: 'commit' })
    await screen.shown(page)
    await page.evaluate(() => document.fonts.ready)
    shown = true
    const requests = paths.map((pathname) => {
      const file = path.join(siteDir, decodeURIComponent(pathname === '/'
        ? '/index.html'
        : pathname))
      return {
        path: pathname,
        bytes: servedBytes(file),
      }
    })
    return {
      transferredBytes: requests.reduce((sum, request) => sum + request.bytes, 0),
      requests,
      blocked: site.blocked,
      chromium: browser.version(),
    }
  }
  finally {
    await browser.close()
  }
}

/** What the site transfers until a laptop shows its first slide. */
export function measureFirstSlide(siteDir: string, executablePath: string): Promise<FirstSlide> {
  return measureFirstScreen(siteDir, executablePath, SLIDES)
}

/** What the site transfers until a phone (390 × 844) shows the reader's first screen, with the slides rendered near it. */
export function measureFirstReaderScreen(siteDir: string, executablePath: string): Promise<FirstSlide> {
  return measureFirstScreen(siteDir, executablePath, READER)
}
