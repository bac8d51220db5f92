import type { Page } from 'playwright-chromium'
import type { Rehearsal } from '../../kit/utils/rehearsal.ts'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { labelsFor } from '../../kit/i18n/index.ts'
import { TYPESCRIPT_NODE_FLAGS } from '../../kit/scripts/node-flags.ts'
import { useTempDirs } from '../../kit/test/temp-dirs.ts'
import { wordsPerMinuteFor } from '../../kit/utils/notes.ts'
import { PACE_QUIET_SECONDS, partTimeLeft, planGap } from '../../kit/utils/pace.ts'
import { talkPlan } from '../../kit/utils/plan.ts'
import { loadEditions, POLL, showSlide, useExportedSite, WAIT_MS } from './browser.ts'

// The presenter view holds the speaker to the talk's plan, the one the
// speaker script prints, and records rehearsals. The browser's clock is
// controlled: the time the test lets pass is the only time that passes.

const editions = await loadEditions()
const tempDir = useTempDirs()

/** The pace as the presenter view shows it: each item's text, by what it is. */
async function shownPace(page: Page): Promise<Record<string, string>> {
  return page.locator('.kit-pace [data-pace]').evaluateAll(items => Object.fromEntries(items.map(item => [
    item.getAttribute('data-pace')!,
    item.textContent!.trim(),
  ])))
}

/** Starts a rehearsal on slide 1 with the clock paused: Slidev's timer starts with it, at zero. */
async function startRehearsal(page: Page, site: Parameters<typeof showSlide>[1]): Promise<void> {
  await page.clock.install({
    time: new Date('2026-12-10T09:00:00Z'),
  })
  await showSlide(page, site, 1, 'presenter')
  await page.clock.pauseAt(new Date('2026-12-10T09:00:05Z'))
  await page.locator('[data-rehearsal="start"]').click()
}

describe.each(editions)('the $lang edition', ({ deck, folder }) => {
  const session = useExportedSite(folder)
  const labels = labelsFor(deck.meta.lang)
  const plan = talkPlan(deck.slides, wordsPerMinuteFor(deck.meta.lang), labels.opening)

  /** What the presenter view should show on slide `no`, `at` seconds into the talk. */
  function expectedPace(no: number, at: number): Record<string, string> {
    const slide = plan.slides[no - 1]!
    if (slide.part === undefined)
      return {}
    const gap = planGap(plan, no, at)
    const { part, left } = partTimeLeft(plan, no, at)!
    return {
      planned: labels.pace.plannedAt(labels.clock(slide.start)),
      [gap >= PACE_QUIET_SECONDS
        ? 'behind'
        : gap <= -PACE_QUIET_SECONDS
          ? 'ahead'
          : 'on-plan']: gap >= PACE_QUIET_SECONDS
        ? labels.pace.behind(labels.clock(gap))
        : gap <= -PACE_QUIET_SECONDS
          ? labels.pace.ahead(labels.clock(-gap))
          : labels.pace.onPlan,
      part: left >= 0
        ? labels.pace.partLeft(part.title, labels.clock(left), Math.round(part.seconds / 60))
        : labels.pace.partOver(part.title, labels.clock(-left)),
    }
  }

  it('shows each slide\'s planned start, the gap in words once it is worth a glance, and the part\'s time left', async () => {
    const third = plan.parts[2]!
    const appendix = plan.slides.find(slide => slide.part === undefined)
    // On plan, then behind on the first slide; early into part three (ahead), late at its end (behind, the part over its plan).
    const walk = [
      { no: 1, at: 10 },
      { no: 1, at: plan.slides[0]!.seconds + PACE_QUIET_SECONDS + 15 },
      { no: third.first + 1, at: plan.slides[third.first]!.start - PACE_QUIET_SECONDS - 70 },
      { no: third.last, at: third.end + 75 },
    ]
    const { context, page } = await session.open()
    try {
      await startRehearsal(page, session.site)
      let at = 0
      for (const step of walk) {
        await showSlide(page, session.site, step.no, 'presenter')
        // Minutes at a time: the clock jumps, firing each due timer once, as
        // on a laptop woken from sleep. What the view shows is read from the
        // clock (Slidev's timer counts Date.now() from its start), so it is
        // what minutes ticking by would show, without Slidev's ten ticks a
        // second run through for each of them.
        await page.clock.fastForward((step.at - at) * 1000)
        at = step.at
        const expected = expectedPace(step.no, step.at)
        await expect.poll(() => shownPace(page), { ...POLL, message: `slide ${step.no}, ${step.at} s in` }).toEqual(expected)
      }
      // Every state of the walk was met: on plan, behind, ahead, and a part over its plan.
      const states = walk.map(step => Object.keys(expectedPace(step.no, step.at)).find(key => ['on-plan', 'behind', 'ahead'].includes(key)))
      expect(new Set(states)).toEqual(new Set(['on-plan', 'behind', 'ahead']))
      expect(expectedPace(walk[3]!.no, walk[3]!.at).part).toBe(labels.pace.partOver(third.title, labels.clock(75)))
      if (appendix) {
        await showSlide(page, session.site, appendix.no, 'presenter')
        await expect.poll(() => page.locator('.kit-pace').textContent(), POLL).toContain(labels.pace.afterTalk)
      }
    }
    finally {
      await context.close()
    }
  })

  it('records a rehearsal, through a reload, saves it as a file, and cli/timing.ts sets it beside the plan', async () => {
    const { context, page } = await session.open()
    try {
      await startRehearsal(page, session.site)
      // 40 s on slide 1, 50 s on 2, 20 s on 3, back to 2 for 10 s; a reload; 5 s more on 2.
      for (const [no, seconds] of [
        [1, 40],
        [2, 50],
        [3, 20],
        [2, 10],
      ] as const) {
        await showSlide(page, session.site, no, 'presenter')
        await page.clock.runFor(seconds * 1000)
      }
      await page.reload({ timeout: WAIT_MS })
      await page.locator('[data-rehearsal="recording"]').waitFor({ timeout: WAIT_MS })
      await page.clock.runFor(5000)
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: WAIT_MS }),
        page.locator('[data-rehearsal="save"]').click(),
      ])
      // Saved as a visitor's browser saves it, under the name it suggests (the test's browser is shared over a connection, where saveAs is the way).
      const file = path.join(await tempDir('rehearsal-'), download.suggestedFilename())
      await download.saveAs(file)
      const saved = JSON.parse(await readFile(file, 'utf8')) as Rehearsal
      expect(saved).toMatchObject({
        format: 'talk-kit-rehearsal',
        version: 1,
        title: deck.meta.title,
        lang: deck.meta.lang,
      })
      expect(saved.slides.map(slide => [slide.no, slide.title, slide.seconds])).toEqual([
        [1, deck.slides[0]!.title, 40],
        [2, deck.slides[1]!.title, 65],
        [3, deck.slides[2]!.title, 20],
      ])

      const timing = spawnSync(process.execPath, [
        ...TYPESCRIPT_NODE_FLAGS,
        'kit/cli/timing.ts',
        '--entry',
        deck.entry,
        '--rehearsal',
        file,
        '--slides',
      ], { encoding: 'utf8' })
      expect(timing.status, timing.stderr).toBe(0)
      const opening = plan.parts[0]!
      expect(timing.stdout).toContain(`| ${opening.title} | ${opening.first}–${opening.last} | ${labels.clock(opening.seconds)} |`)
      expect(timing.stdout).toMatch(new RegExp(`\\| ${opening.title} \\|[^\\n]*\\| 2:05 \\| [+−]\\d:\\d\\d \\|`))
      expect(timing.stdout).toContain(`| 2 | ${deck.slides[1]!.title} | ${labels.clock(plan.slides[1]!.start)} | ${labels.clock(plan.slides[1]!.seconds)} | 1:05 |`)
    }
    finally {
      await context.close()
    }
  })
})
