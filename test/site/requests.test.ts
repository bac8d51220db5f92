import type { View } from './browser.ts'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDeck } from '../../scripts/export.ts'
import { loadTalk, showSlide, useExportedSite } from './browser.ts'

// No request may leave the machine: not for fonts, icons, images or a favicon.
// Every request to a host other than the local server is aborted before it is
// sent (the exporter's own keepLocal) and fails the test with its URL.

const deck = await loadTalk()
const session = useExportedSite()

describe.each<View>(['play', 'presenter'])('the %s view', (view) => {
  it(`loads all ${deck.slides.length} slides from the local server only`, async () => {
    const { context, page, watch } = await session.open()
    const bySlide: string[] = []
    try {
      for (const slide of deck.slides) {
        const seen = watch.outside.length
        await showSlide(page, session.site, slide.no, view)
        // Images start loading once the slide is mounted; wait until each has loaded or failed.
        await page.waitForFunction(no => [
          ...document.querySelectorAll<HTMLImageElement>(`#slide-content .slidev-page-${no} img`),
        ]
          .every(image => image.complete), slide.no)
        bySlide.push(...watch.outside.slice(seen).map(url => `slide ${slide.no}: ${url}`))
      }
      await page.waitForLoadState('networkidle')
      expect(watch.outside, `requests that tried to leave the machine:\n${bySlide.join('\n')}`).toEqual([])
      expect(watch.failed, 'local requests that failed').toEqual([])
    }
    finally {
      await context.close()
    }
  })
})

describe('the exporter', () => {
  let workDir: string

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'talk-outside-'))
  })

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true })
  })

  it('refuses a deck that loads from outside, names the URL and leaves no PDF', async () => {
    const outDir = path.join(workDir, 'exports')
    const siteDir = path.join(workDir, 'site')
    const exporting = exportDeck({
      entry: path.resolve(import.meta.dirname, '../fixtures/outside-request/slides.md'),
      outDir,
      siteDir,
      log: () => {},
    })
    await expect(exporting).rejects.toThrow(/tried to load from outside[\s\S]*https:\/\/example\.com\/x\.png/)
    const left = await readdir(workDir, { recursive: true })
    expect(left.filter(file => file.endsWith('.pdf')), 'PDFs left behind').toEqual([])
    expect(left, 'no site was published either').not.toContain('site')
  }, 120_000)
})
