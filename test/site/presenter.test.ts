import type { Page } from 'playwright-chromium'
import { parseTimeString } from '@slidev/parser/utils'
import removeMarkdown from 'remove-markdown'
import { beforeAll, describe, expect, it } from 'vitest'
import { withoutClickMarkers } from '../../kit/utils/notes.ts'
import { loadEditions, POLL, showSlide, useExportedSite } from './browser.ts'

// The presenter view is what the speaker rehearses and talks from, in each
// edition: each slide's notes, and a timer counting down from the deck's `duration`.

const editions = await loadEditions()

/** Words only: markup, punctuation and quote styles differ between Markdown and the rendered note. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
}

/** The spoken text of a note: Markdown removed, Slidev's `[click]` markers dropped. */
function plainNote(markdown: string): string {
  return removeMarkdown(withoutClickMarkers(markdown))
}

/** How Slidev's presenter timer (composables/useTimer.ts) writes a number of seconds. */
function shownTime(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor(seconds / 60) % 60
  const secs = String(Math.floor(seconds % 60)).padStart(2, '0')
  return hours
    ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}`
    : `${minutes}:${secs}`
}

function notesPanel(page: Page): ReturnType<Page['locator']> {
  return page.locator('.grid-section.note .slidev-note')
}

function timer(page: Page): ReturnType<Page['locator']> {
  return page.locator('.grid-section.bottom .font-mono')
}

describe.each(editions)('the $lang edition', ({ deck, folder }) => {
  const headmatter = deck.slides[0]!.frontmatter
  const session = useExportedSite(folder)
  let page: Page

  beforeAll(async () => {
    ;({ page } = await session.open())
  })

  describe('speaker notes', () => {
    it.for(deck.slides)('slide $no ($title): its notes show in the presenter view', async (slide) => {
      expect(plainNote(slide.note).trim(), `slide ${slide.no} has no speaker notes`).not.toBe('')
      await showSlide(page, session.site, slide.no, 'presenter')
      // A prefix of the note, as words: enough to tell the notes of one slide from another's.
      const expected = words(plainNote(slide.note)).slice(0, 12)
      await expect.poll(async () => words((await notesPanel(page).allInnerTexts()).join(' ')).slice(0, expected.length), POLL).toEqual(expected)
    })
  })

  describe('the timer', () => {
    it('counts down from the headmatter duration', async () => {
      expect(headmatter.timer, 'headmatter timer').toBe('countdown')
      const seconds = parseTimeString(headmatter.duration as string).seconds
      expect(seconds).toBeGreaterThan(0)

      const { context, page } = await session.open()
      try {
        // A fake clock, so the countdown can be moved on without waiting.
        await page.clock.install()
        await showSlide(page, session.site, 1, 'presenter')
        await expect.poll(async () => ((await timer(page).textContent()) ?? '').replace(/\s+/g, ''), POLL).toBe(shownTime(seconds))
        // Countdown mode shows Slidev's timer icon (stopwatch mode shows a clock).
        expect(await page.locator('.grid-section.bottom .i-carbon\\:timer').count()).toBe(1)

        // Start it (the play button appears on hover) and let 90 seconds pass,
        // with the clock paused first: on a busy machine, real seconds would pass too.
        await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000))
        await timer(page).hover()
        await page.locator('.grid-section.bottom .i-carbon\\:play').click()
        await page.clock.runFor(90_000)
        await expect.poll(async () => ((await timer(page).textContent()) ?? '').replace(/\s+/g, ''), POLL).toBe(shownTime(seconds - 90))
      }
      finally {
        await context.close()
      }
    })
  })
})
