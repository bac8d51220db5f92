import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchBrowser } from '../scripts/launch.ts'
import { mountSite } from '../scripts/local-site.ts'

export interface FirstSlide {
  /** What a static host would send for the first slide: text gzip-compressed, the rest as it is. */
  transferredBytes: number
  requests: { path: string, bytes: number }[]
  /** Requests for other hosts (there should be none). */
  blocked: string[]
  chromium: string
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
 * Opens the built site in headless Chromium, exactly as the export does
 * (served from disk, nothing else reachable), and adds up the files it asked
 * for until slide 1 is shown with its fonts.
 */
export async function measureFirstSlide(siteDir: string, executablePath: string): Promise<FirstSlide> {
  const browser = await launchBrowser(executablePath)
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      colorScheme: 'light',
    })
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
    await page.locator('.slidev-page-1 .slidev-layout').first().waitFor({ state: 'visible', timeout: 30_000 })
    await page.locator('.slidev-page-1 .slidev-slide-loading').waitFor({ state: 'detached', timeout: 30_000 })
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
