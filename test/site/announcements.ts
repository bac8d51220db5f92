import type { Page } from 'playwright-chromium'

// What a screen reader reads out of a page: every text its live regions take,
// recorded from before the page's own scripts run. The live deck's tests and
// presenting live's read the same record.

/** One text a live region took, and when (the page's `performance.now()`). */
export interface Heard {
  text: string
  at: number
}

/**
 * Records, from before the page's own scripts run, every text any live
 * region of the page takes: elements with `aria-live` (but "off") and the
 * roles that are live by themselves (status, alert, log). One entry per
 * change to a non-empty text, which is what a screen reader reads out.
 */
export async function recordAnnouncements(target: Pick<Page, 'addInitScript'>): Promise<void> {
  await target.addInitScript(() => {
    const heard: Heard[] = []
    ;(window as unknown as { heard: Heard[] }).heard = heard
    const last = new WeakMap<Element, string>()
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')) {
        const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim()
        if (text !== last.get(region)) {
          last.set(region, text)
          if (text) {
            heard.push({
              text,
              at: performance.now(),
            })
          }
        }
      }
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
}

/** What the page's live regions have said so far; nothing on a page opened before the recorder (about:blank). */
export async function heard(page: Page): Promise<string[]> {
  return (await page.evaluate(() => (window as unknown as { heard?: Heard[] }).heard ?? [])).map(({ text }) => text)
}
