import { describe, expect, it } from 'vitest'
import { isExternalHref } from '../../addon/markdown-links.ts'
import { loadEditions, showSlide, useExportedSite } from './browser.ts'

// Links to other sites open without giving that site a handle on the deck.

describe.each(await loadEditions())('links to other sites in the $lang edition', ({ deck, folder }) => {
  const session = useExportedSite(folder)

  it('carry rel="noopener noreferrer" on every slide', async () => {
    const { context, page } = await session.open()
    const unsafe: string[] = []
    try {
      for (const slide of deck.slides) {
        await showSlide(page, session.site, slide.no)
        const links = await page.locator(`#slide-content .slidev-page-${slide.no} a[href], nav a[href]`).evaluateAll(anchors =>
          anchors.map(anchor => ({ href: anchor.getAttribute('href') ?? '', rel: anchor.getAttribute('rel') ?? '', text: anchor.textContent?.trim() ?? '' })))
        for (const link of links.filter(link => isExternalHref(link.href))) {
          const rel = link.rel.toLowerCase().split(/\s+/)
          if (!rel.includes('noopener') || !rel.includes('noreferrer'))
            unsafe.push(`slide ${slide.no}: <a href="${link.href}" rel="${link.rel}">${link.text.slice(0, 40)}</a>`)
        }
      }
      expect(unsafe, 'external links without rel="noopener noreferrer"').toEqual([])
    }
    finally {
      await context.close()
    }
  })
})
