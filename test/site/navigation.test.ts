import type { Page } from 'playwright-chromium'
import type { Deck } from '../../kit/scripts/deck.ts'
import type { SiteEdition, View, Watch } from './browser.ts'
import { describe, expect, it } from 'vitest'
import { loadEditions, parseSlideHash, POLL, settle, shareOut, showSlide, slideHash, tap, useExportedSite, WAIT_MS, waitForPreload, waitForSlide } from './browser.ts'

// A smoke test like Slidev's own (cypress/e2e/examples/basic.spec.ts): the
// arrow key walks each edition from the first slide to the last, through
// every click step, with no console error and no failed request. The
// navigation bar's language switch opens the same slide in the other edition.

const editions = await loadEditions()

/** The slide numbers ArrowRight passes through, starting on slide 1. */
async function walk(page: Page, deck: Deck): Promise<number[]> {
  const total = deck.slides.length
  const reached = [parseSlideHash(await page.evaluate(() => location.hash), deck)?.no ?? 0]
  // Each press shows the next click step or the next slide; a slide with many
  // steps needs several presses, so allow plenty but never loop forever.
  for (let press = 0; press < total * 20 && reached.at(-1)! < total; press++) {
    const before = await page.evaluate(() => location.hash)
    await tap(page, 'ArrowRight')
    try {
      await page.waitForFunction(hash => location.hash !== hash, before, { timeout: WAIT_MS })
    }
    catch {
      throw new Error(`ArrowRight on ${before} did not move on`)
    }
    const now = parseSlideHash(await page.evaluate(() => location.hash), deck)
    if (!now)
      throw new Error(`ArrowRight from ${before} left the slides: ${await page.evaluate(() => location.hash)}`)
    if (now.no !== reached.at(-1)) {
      await waitForSlide(page, now.no)
      reached.push(now.no)
    }
  }
  return reached
}

function expectClean(watch: Watch): void {
  expect(watch.outside, 'requests that tried to leave the machine').toEqual([])
  expect(watch.failed, 'failed requests').toEqual([])
  expect(watch.errors, 'console errors').toEqual([])
  // The light scheme's walk of every slide, one view an edition: requests.test.ts walks the dark one in the other view.
  expect(watch.violations, 'security policy violations').toEqual([])
}

describe.each(editions)('the $lang edition', ({ deck, folder }) => {
  const total = deck.slides.length
  const everySlide = Array.from({ length: total }, (_, offset) => offset + 1)
  const session = useExportedSite(folder)

  // Each edition walks one view, the other one than in requests.test.ts:
  // between the two files, every view of every edition is walked whole.
  describe.each(shareOut<View>(['presenter', 'play'], folder, editions))('the %s view', (view) => {
    it(`ArrowRight goes from slide 1 to slide ${total}, one slide at a time`, async () => {
      const { context, page, watch } = await session.open()
      try {
        await showSlide(page, session.site, 1, view)
        await settle(page)
        expect(await walk(page, deck)).toEqual(everySlide)
        expect(parseSlideHash(await page.evaluate(() => location.hash), deck)?.no).toBe(total)
        // The slide number Slidev shows in its navigation bar.
        expect(((await page.locator('nav').first().textContent()) ?? '').replace(/\s+/g, ' ')).toContain(`${total} / ${total}`)
        expectClean(watch)
      }
      finally {
        await context.close()
      }
    })
  })

  describe('the overview', () => {
    it(`quick overview (key "o"): ArrowRight moves through all ${total} slides, Enter opens the last`, async () => {
      const { context, page, watch } = await session.open()
      try {
        await showSlide(page, session.site, 1)
        await settle(page)
        await page.keyboard.press('o')
        // Slidev's quick overview: one card per slide; the focused one has the primary border.
        const cards = page.locator('.z-modal .grid > div > .inline-block')
        await expect.poll(() => cards.count(), POLL).toBe(total)
        const focused = () => cards.evaluateAll(all => all.findIndex(card => card.classList.contains('border-primary')) + 1)
        expect(await focused()).toBe(1)
        const visited = [1]
        for (let no = 2; no <= total; no++) {
          await page.keyboard.press('ArrowRight')
          await expect.poll(focused, POLL).toBe(no)
          visited.push(no)
        }
        expect(visited).toEqual(everySlide)
        await page.keyboard.press('Enter')
        await waitForSlide(page, total)
        expect(parseSlideHash(await page.evaluate(() => location.hash), deck)?.no).toBe(total)
        expectClean(watch)
      }
      finally {
        await context.close()
      }
    })

    it(`overview page (#/overview) lists all ${total} slides, each reachable from its number`, async () => {
      const { context, page, watch } = await session.open()
      try {
        // The overview page has no arrow-key navigation; it lists every slide
        // with its notes and a numbered index that scrolls to each one.
        await page.goto(`${session.site.url}#/overview`, { timeout: WAIT_MS })
        const blocks = page.locator('.overview-slide-block')
        await expect.poll(() => blocks.count(), { ...POLL, message: `all ${total} slide blocks of the overview` }).toBe(total)
        for (const no of everySlide)
          await blocks.nth(no - 1).locator(`.slidev-page-${no}`).waitFor({ state: 'attached', timeout: WAIT_MS })
        const index = page.locator('nav button').filter({ hasText: /^\s*\d+\s*$/ })
        expect(await index.allInnerTexts()).toEqual(everySlide.map(String))
        for (const no of [
          total,
          1,
          Math.ceil(total / 2),
        ]) {
          await index.nth(no - 1).click()
          await expect.poll(() => blocks.nth(no - 1).evaluate((block) => {
            const { top, bottom } = block.getBoundingClientRect()
            return top < window.innerHeight && bottom > 0
          }), { ...POLL, message: `slide ${no} scrolled into view` }).toBe(true)
        }
        await page.waitForLoadState('networkidle', { timeout: WAIT_MS })
        expectClean(watch)
      }
      finally {
        await context.close()
      }
    })
  })

  describe('the language switch in the navigation bar', () => {
    const others = editions.filter(other => other.folder !== folder)
    // A slide in the middle, the last one, and a part divider whose route is its alias ("#/eu").
    const divider = deck.slides.find(slide => slide.frontmatter.routeAlias)!
    const cases: { no: number, view: View, route?: string }[] = [
      {
        no: Math.ceil(total / 2),
        view: 'play',
      },
      { no: total, view: 'presenter' },
      { no: divider.no, view: 'play', route: `#/${String(divider.frontmatter.routeAlias)}` },
    ]

    // The editions share the cases out: each switches to the other, in both views and from an alias.
    it.for(shareOut(cases, folder, editions))('opens slide $no of the $view view in the other language', async ({ no, view, route }) => {
      expect(others.length).toBeGreaterThan(0)
      // A fresh page for each switch, so that no switch leaves a page still loading.
      for (const other of others) {
        const { context, page, watch } = await session.open()
        try {
          await expectSwitch(page, { no, view, route }, other)
          expectClean(watch)
        }
        finally {
          await context.close()
        }
      }
    })

    /** From slide `no` of this edition, the switch to `other` is a relative link that lands on slide `no` there. */
    async function expectSwitch(page: Page, { no, view, route }: { no: number, view: View, route?: string }, other: SiteEdition): Promise<void> {
      await page.clock.install()
      await page.goto(`${session.site.url}${route ?? slideHash(no, view)}`, { timeout: WAIT_MS })
      await waitForSlide(page, no)
      // Leaving the page while Slidev still preloads the other slides would
      // abort those requests, which the watch counts as failed: a visitor's
      // early click is fine, but the test must tell a failure from an abort.
      // Slidev preloads them 3 s after the first slide (SlidesShow.vue): the
      // page's clock is moved on to then, instead of the test waiting for it.
      await page.clock.fastForward(3000)
      await waitForPreload(page, total)
      const link = page.locator(`nav a[hreflang="${other.lang}"]`)
      await expect.poll(() => link.count(), POLL).toBe(1)
      const attributes = await link.evaluate(anchor => ({
        href: anchor.getAttribute('href')!,
        label: anchor.getAttribute('aria-label') ?? '',
        text: anchor.textContent!.trim(),
        lang: anchor.querySelector('[lang]')?.getAttribute('lang'),
      }))
      expect(attributes.href, 'a relative link').not.toMatch(/^(?:[a-z]+:|\/)/i)
      expect(attributes.label, 'its accessible name holds what it shows').toContain(attributes.text)
      expect(attributes.lang).toBe(other.lang)
      await link.click()
      await page.waitForURL(url => url.pathname.endsWith(`/${other.folder}`), { timeout: WAIT_MS })
      await waitForSlide(page, no)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(other.lang)
      expect(parseSlideHash(await page.evaluate(() => location.hash), other.deck)).toMatchObject({ no })
      expect(await page.evaluate(() => location.hash)).toMatch(view === 'presenter'
        ? /^#\/presenter\//
        : /^#\/(?!presenter)/)
    }
  })
})

describe('a tap of a navigation key', () => {
  const session = useExportedSite()

  it('reaches the page as a press and its release, not as a key held long enough for Slidev to repeat it', async () => {
    const { context, page } = await session.open()
    try {
      await page.evaluate(() => {
        const heard: string[] = []
        let repeat: ReturnType<typeof setTimeout> | undefined
        addEventListener('keydown', () => {
          heard.push('press')
          // Slidev's repeat for a key still down a second after its press; this page takes longer than that over the press.
          repeat = setTimeout(() => heard.push('repeat'), 1000)
          const until = performance.now() + 1200
          while (performance.now() < until);
        })
        addEventListener('keyup', () => {
          clearTimeout(repeat)
          heard.push('release')
        })
        Object.assign(window, { heard })
      })
      await tap(page, 'ArrowRight')
      await page.waitForFunction(() => (window as unknown as { heard: string[] }).heard.includes('release'), undefined, { timeout: WAIT_MS })
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual(['press', 'release'])
    }
    finally {
      await context.close()
    }
  })
})
