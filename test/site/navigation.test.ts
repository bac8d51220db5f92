import type { Page } from 'playwright-chromium'
import type { View, Watch } from './browser.ts'
import { describe, expect, it } from 'vitest'
import { loadTalk, parseSlideHash, POLL, settle, showSlide, useExportedSite, WAIT_MS, waitForSlide } from './browser.ts'

// A smoke test like Slidev's own (cypress/e2e/examples/basic.spec.ts): the
// arrow key walks the deck from the first slide to the last, through every
// click step, with no console error and no failed request.

const deck = await loadTalk()
const total = deck.slides.length
const session = useExportedSite()

/** The slide numbers ArrowRight passes through, starting on slide 1. */
async function walk(page: Page): Promise<number[]> {
  const reached = [parseSlideHash(await page.evaluate(() => location.hash), deck)?.no ?? 0]
  // Each press shows the next click step or the next slide; a slide with many
  // steps needs several presses, so allow plenty but never loop forever.
  for (let press = 0; press < total * 20 && reached.at(-1)! < total; press++) {
    const before = await page.evaluate(() => location.hash)
    await page.keyboard.press('ArrowRight')
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
}

const everySlide = Array.from({ length: total }, (_, index) => index + 1)

describe.each<View>(['play', 'presenter'])('the %s view', (view) => {
  it(`ArrowRight goes from slide 1 to slide ${total}, one slide at a time`, async () => {
    const { context, page, watch } = await session.open()
    try {
      await showSlide(page, session.site, 1, view)
      await settle(page)
      expect(await walk(page)).toEqual(everySlide)
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
