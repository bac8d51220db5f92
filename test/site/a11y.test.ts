import type { Page } from 'playwright-chromium'
import { beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, axeViolationsBySlide, loadEditions, settle, showPrintView, showSlide, useExportedSite } from './browser.ts'

// axe-core over every slide of each edition, in the light and the dark colour
// scheme (the deck's `colorSchema: auto` follows the browser's preference and
// sets Slidev's `dark` class). The slides are scanned in one run on the print
// view, where each is rendered with the same components and styles as in the
// play view; the play view's own page around the slide (the navigation bar
// with its downloads and language switch) is scanned once. Serious and
// critical violations fail; the only exclusions are in SLIDEV_CHROME_EXCLUDES
// (browser.ts).

const editions = await loadEditions()

/** Relative luminance (WCAG) of a computed CSS colour `rgb(r, g, b)`. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
    const channel = Number(value) / 255
    return channel <= 0.03928
      ? channel / 12.92
      : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * SVG graphics a screen reader gets nothing for, by the print view's slide
 * they are on: neither hidden from it (`aria-hidden`) nor an image with a
 * name (`role="img"` and `aria-labelledby`, `aria-label` or a `<title>`), on
 * the SVG or an ancestor.
 */
async function unnamedGraphics(page: Page): Promise<Map<number, string[]>> {
  const found = await page.evaluate(() => {
    const named = (element: Element): boolean => {
      const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map(id => document.getElementById(id)?.textContent ?? '').join(' ')
      const title = element.tagName.toLowerCase() === 'svg'
        ? element.querySelector(':scope > title')?.textContent ?? ''
        : ''
      return Boolean((labelledBy || element.getAttribute('aria-label') || title).trim())
    }
    return [
      ...document.querySelectorAll('#print-content > .print-slide-container svg'),
    ]
      .filter(svg => svg.checkVisibility() && !svg.closest('[aria-hidden="true"]'))
      .filter((svg) => {
        const image = svg.closest('[role="img"]')
        return !image || !named(image)
      })
      .map((svg) => {
        const owner = svg.closest('[class]')
        return {
          slide: Number.parseInt(svg.closest('.print-slide-container')!.id, 10),
          line: `<svg> in ${owner
            ? `.${[...owner.classList].join('.')}`
            : 'the slide'} has no text alternative`,
        }
      })
  })
  const bySlide = new Map<number, string[]>()
  for (const { slide, line } of found) {
    bySlide.set(slide, [
      ...bySlide.get(slide) ?? [],
      line,
    ])
  }
  return bySlide
}

describe.each(editions)('the $lang edition', ({ deck, folder }) => {
  const session = useExportedSite(folder)

  describe.each(['light', 'dark'] as const)('the %s colour scheme', (scheme) => {
    let page: Page
    let violations: Map<number, string[]>
    let unnamed: Map<number, string[]>

    beforeAll(async () => {
      const { context } = await session.open({ colorScheme: scheme })
      const print = await context.newPage()
      await showPrintView(print, session.site, deck.slides.length)
      violations = await axeViolationsBySlide(print)
      unnamed = await unnamedGraphics(print)
      await print.close()
      page = await context.newPage()
    })

    it('applies the scheme and declares the document language', async () => {
      await showSlide(page, session.site, 1)
      await settle(page)
      const html = await page.evaluate(() => ({
        dark: document.documentElement.classList.contains('dark'),
        lang: document.documentElement.lang,
        // The colour behind the slide's text: its first ancestor with an opaque background.
        background: (() => {
          for (let element: Element | null = document.querySelector('#slide-content .slidev-page-1 .slidev-layout'); element; element = element.parentElement) {
            const color = getComputedStyle(element).backgroundColor
            if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(color))
              return color
          }
          return 'rgb(255, 255, 255)'
        })(),
      }))
      expect(html.dark).toBe(scheme === 'dark')
      expect(html.lang).toBe(deck.meta.lang)
      // Dark mode is really dark in the browser (the PDFs stay light: print-scheme.test.ts).
      if (scheme === 'dark')
        expect(luminance(html.background)).toBeLessThan(0.2)
      else
        expect(luminance(html.background)).toBeGreaterThan(0.8)
    })

    it('has no serious or critical axe violation in the play view around a slide: the navigation bar, its downloads and language switch', async () => {
      await showSlide(page, session.site, 1)
      await settle(page)
      expect(await axeViolations(page)).toEqual([])
    })

    it('has none in the print view outside the slides', () => {
      expect(violations.get(0) ?? []).toEqual([])
    })

    it.for(deck.slides)('slide $no ($title) has no serious or critical axe violation', (slide) => {
      expect(violations.get(slide.no) ?? []).toEqual([])
      if (scheme === 'light')
        expect(unnamed.get(slide.no) ?? [], 'diagrams need a text alternative').toEqual([])
    })
  })
})
