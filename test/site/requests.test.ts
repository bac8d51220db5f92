import type { View } from './browser.ts'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isExternalHref } from '../../kit/markdown-links.ts'
import { launchBrowser } from '../../kit/scripts/launch.ts'
import { mountSite } from '../../kit/scripts/local-site.ts'
import { loadEditions, shareOut, showSlide, useExportedSite, WAIT_MS } from './browser.ts'

// No request may leave the machine: not for fonts, icons, images or a favicon.
// Every request to a host other than the local server is aborted before it is
// sent (the exporter's own keepLocal) and fails the test with its URL. The
// export fails on remote addresses before it builds (test/pdf/bad-input);
// its request guard is the backstop for what only the browser finds.

// One walk of every slide per edition, in the dark scheme, checks what a
// visitor's browser does there: the requests (none to another host, none
// failing), the security policy (nothing it refuses), and the links to
// other sites, which open without giving that site a handle on the deck.
// Each edition walks one view here and the other in navigation.test.ts, in
// the light scheme: the views show the same slides, and between the two
// files every view of every edition is walked whole. The site is served
// under the tests' base path, so the walk also proves sub-path hosting.
const editions = await loadEditions()

describe.each(editions)('the $lang edition', ({ deck, folder }) => {
  const session = useExportedSite(folder)

  describe.each(shareOut<View>(['play', 'presenter'], folder, editions))('the %s view, dark', (view) => {
    it(`loads all ${deck.slides.length} slides from the local server only, within the security policy, with safe links`, async () => {
      const { context, page, watch } = await session.open({ colorScheme: 'dark' })
      const bySlide: string[] = []
      const unsafe: string[] = []
      try {
        for (const slide of deck.slides) {
          const seen = watch.outside.length
          await showSlide(page, session.site, slide.no, view)
          // Images start loading once the slide is mounted; wait until each has loaded or failed.
          await page.waitForFunction(no => [
            ...document.querySelectorAll<HTMLImageElement>(`#slide-content .slidev-page-${no} img`),
          ].every(image => image.complete), slide.no)
          bySlide.push(...watch.outside.slice(seen).map(url => `slide ${slide.no}: ${url}`))
          const links = await page.locator(`#slide-content .slidev-page-${slide.no} a[href], nav a[href]`).evaluateAll(anchors =>
            anchors.map(anchor => ({ href: anchor.getAttribute('href') ?? '', rel: anchor.getAttribute('rel') ?? '', text: anchor.textContent?.trim() ?? '' })))
          for (const link of links.filter(link => isExternalHref(link.href))) {
            const rel = link.rel.toLowerCase().split(/\s+/)
            if (!rel.includes('noopener') || !rel.includes('noreferrer'))
              unsafe.push(`slide ${slide.no}: <a href="${link.href}" rel="${link.rel}">${link.text.slice(0, 40)}</a>`)
          }
        }
        await page.waitForLoadState('networkidle')
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
        expect(watch.outside, `requests that tried to leave the machine:\n${bySlide.join('\n')}`).toEqual([])
        expect(watch.failed, 'local requests that failed').toEqual([])
        expect(watch.violations, 'what the security policy refused').toEqual([])
        // Chromium also reports there a directive it ignores or cannot read.
        expect(watch.errors, 'console errors').toEqual([])
        expect(unsafe, 'external links without rel="noopener noreferrer"').toEqual([])
      }
      finally {
        await context.close()
      }
    })
  })
})

describe('the export\'s request guard (scripts/local-site.ts)', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'talk-guard-'))
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Guard</title><img src="https://example.com/x.png" alt=""><script src="https://example.org/tracker.js"></script><p>Local page</p>')
  })

  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('serves the site from disk and aborts and records every request for another host', async () => {
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext()
      const site = await mountSite(context, dir, '/')
      const sent: string[] = []
      context.on('requestfinished', request => sent.push(request.url()))
      const page = await context.newPage()
      await page.goto(site.url, { waitUntil: 'load', timeout: WAIT_MS })
      expect(await page.locator('p').textContent()).toBe('Local page')
      expect(site.blocked.sort()).toEqual(['https://example.com/x.png', 'https://example.org/tracker.js'])
      expect(sent.filter(url => !url.startsWith(site.url))).toEqual([])
    }
    finally {
      await browser.close()
    }
  })
})
