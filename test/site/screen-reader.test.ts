import type { Page } from 'playwright-chromium'
import type { Deck } from '../../kit/scripts/deck.ts'
import type { Heard } from './announcements.ts'
import type { View } from './browser.ts'
import removeMarkdown from 'remove-markdown'
import { describe, expect, it } from 'vitest'
import { labelsFor } from '../../kit/i18n/index.ts'
import { withoutClickMarkers } from '../../kit/utils/notes.ts'
import { heard, recordAnnouncements } from './announcements.ts'
import { axeViolations, loadEditions, parseSlideHash, POLL, settle, shareOut, showSlide, slideHash, tap, useExportedSite, useStarterSite, WAIT_MS, waitForSlide } from './browser.ts'

// The live deck as a screen reader meets it, in each edition: every slide
// change announced once, in the edition's language; only the current slide
// in the accessibility tree (Playwright's ARIA snapshot, what Chromium gives
// assistive technology); the focus kept inside the deck; no motion for those
// who ask for none; and the presenter's notes readable too.
//
// The tests run side by side (describe.concurrent), each in a browser context
// of its own: they spend their time waiting for the deck to change and to
// fall quiet, not computing, so one waits while another works. A test that
// polls takes vitest's expect from its context: expect.poll needs to know the test.

const editions = await loadEditions()

/**
 * How long the tests listen after an announcement for a second one: longer
 * than any delay the deck allows itself. Counted from the announcement, so
 * what a test does meanwhile (settling, axe) is listening time too.
 */
const QUIET_MS = 800

/** Resolves once the page's live regions have said more than `count` things: at the change, not at a poll's next look. */
async function waitForAnnouncements(page: Page, count: number, what: string): Promise<void> {
  try {
    await page.waitForFunction(count => ((window as unknown as { heard?: Heard[] }).heard ?? []).length > count, count, { timeout: WAIT_MS, polling: 'raf' })
  }
  catch {
    throw new Error(`no ${what} within ${WAIT_MS} ms; heard: ${JSON.stringify(await heard(page))}`)
  }
}

/** Resolves once nothing has been announced for QUIET_MS: at once when the last announcement is that old already. */
async function waitForQuiet(page: Page): Promise<void> {
  await page.waitForFunction(quiet => performance.now() - ((window as unknown as { heard?: Heard[] }).heard?.at(-1)?.at ?? 0) >= quiet, QUIET_MS, { timeout: WAIT_MS, polling: 50 })
}

/** What the deck should say on arriving at slide `no`: "Slide 5 of 34: Title", in the deck's language. */
function announcement(deck: Deck, no: number): string {
  const slideOf = labelsFor(deck.meta.lang).slideOf(no, deck.slides.length)
  const title = deck.slides[no - 1]!.title
  return title
    ? `${slideOf}: ${title}`
    : slideOf
}

/** The slide the address shows. */
async function shownSlide(page: Page, deck: Deck): Promise<number> {
  const no = parseSlideHash(await page.evaluate(() => location.hash), deck)?.no
  if (!no)
    throw new Error(`not on a slide: ${page.url()}`)
  await waitForSlide(page, no)
  return no
}

/**
 * Expects one new announcement since `before` were heard, with the text for
 * slide `no`. That no second one follows is `expectHeardOnly`'s to check,
 * before the page's next change and after its last.
 */
async function expectAnnounced(page: Page, deck: Deck, no: number, before: number): Promise<void> {
  await waitForAnnouncements(page, before, `announcement of slide ${no}`)
  expect((await heard(page)).slice(before), `what was announced for slide ${no}`).toEqual([
    announcement(deck, no),
  ])
}

/** Expects, once nothing more is said, the page to have announced these slides, each once, in this order, and nothing else. */
async function expectHeardOnly(page: Page, deck: Deck, slides: number[]): Promise<void> {
  await waitForQuiet(page)
  expect(await heard(page), `everything announced on the page, for slides ${slides.join(', ')}`).toEqual(slides.map(no => announcement(deck, no)))
}

/** The accessibility tree of the page as a screen reader gets it, as lines of Playwright's ARIA snapshot. */
async function tree(page: Page): Promise<string[]> {
  return (await page.locator('body').ariaSnapshot()).split('\n')
}

/** A line of an ARIA snapshot as the node it names, `heading "Title" [level=1]`: without YAML's list dash, quotes and the colon before children. */
function node(line: string): string {
  const item = line.trim().replace(/^- /, '').replace(/:$/, '')
  return /^'.*'$/.test(item)
    ? item.slice(1, -1).replace(/''/g, '\'')
    : item
}

/** The top-level headings in a tree: one per slide in it (every slide of the talk has one). */
function slideHeadings(lines: string[]): string[] {
  return lines
    .map(line => /^heading "(.*)" \[level=1\]$/.exec(node(line))?.[1])
    .filter((heading): heading is string => heading != null)
}

/** The words of a text, for comparing headings and notes across typography (’ and ', „ and “). */
function words(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Expects the tree to hold slide `no` (its title as its one top-level heading, inside its region) and no other slide. */
async function expectOnlySlide(page: Page, deck: Deck, no: number): Promise<void> {
  const lines = await tree(page)
  expect(slideHeadings(lines).map(words), `the slides in the accessibility tree on slide ${no}`).toEqual([
    words(deck.slides[no - 1]!.title),
  ])
  const slideOf = labelsFor(deck.meta.lang).slideOf(no, deck.slides.length)
  expect(lines.map(node), `a region "${slideOf}"`).toContain(`region "${slideOf}"`)
  // The slides kept mounted beside it are out of the keyboard's reach too.
  expect(await page.evaluate(no => [
    ...document.querySelectorAll('#slideshow > .slidev-page'),
  ].filter(slide => !slide.classList.contains(`slidev-page-${no}`) && !(slide as HTMLElement).inert).length, no)).toBe(0)
}

/** Expects the focus on an element of the deck, not on the page's body. */
async function expectFocusInDeck(page: Page): Promise<void> {
  const focused = await page.evaluate(() => {
    const element = document.activeElement
    return element && element !== document.body && element.closest('#app')
      ? 'in the deck'
      : `on ${element?.tagName ?? 'nothing'}`
  })
  expect(focused).toBe('in the deck')
}

describe.concurrent.each(editions)('the $lang edition', ({ deck, folder }) => {
  const total = deck.slides.length
  const labels = labelsFor(deck.meta.lang)
  const others = editions.filter(other => other.folder !== folder)
  const session = useExportedSite(folder)

  // One scheme an edition: what a screen reader gets is the same in both;
  // the colours are axe's, on every slide in both schemes and editions (a11y.test.ts).
  describe.each(shareOut(['light', 'dark'] as const, folder, editions))('a walk through the slides, %s', (colorScheme) => {
    it('announces every change once, shows a screen reader the current slide only, keeps the focus in the deck, and stays clean for axe', async () => {
      const { context, page } = await session.open({ colorScheme })
      await recordAnnouncements(context)
      try {
        const start = Math.ceil(total / 3)
        /** The slide each step landed on, in order: what the page should have announced. */
        const visited: number[] = []
        /** One step of the walk: a way to change the slide, then what a screen reader gets. */
        const step = async (how: string, change: () => Promise<void>): Promise<void> => {
          // A second announcement of the last step is heard before the next change could cancel it.
          if (visited.length)
            await expectHeardOnly(page, deck, visited)
          const before = (await heard(page)).length
          await change()
          const no = await shownSlide(page, deck)
          visited.push(no)
          // At once, while the slides still fade into each other.
          await expectOnlySlide(page, deck, no)
          await expectAnnounced(page, deck, no, before)
          await expectFocusInDeck(page)
          await settle(page)
          await expectOnlySlide(page, deck, no)
          expect(await axeViolations(page), `axe on slide ${no} after ${how}`).toEqual([])
        }

        await step('a link to the slide', () => page.goto(`${session.site.url}${slideHash(start)}`, { timeout: WAIT_MS }).then(() => {}))
        await step('→', () => tap(page, 'ArrowRight'))
        await step('←', () => tap(page, 'ArrowLeft'))
        await step('g and a slide\'s title', async () => {
          await page.keyboard.press('g')
          // Typed only once the field has the focus: before, a space would be Slidev's "next".
          await page.locator('input:focus').waitFor({ timeout: WAIT_MS })
          await page.keyboard.type(deck.slides[total - 2]!.title)
          await page.keyboard.press('Enter')
        })
        await step('the overview', async () => {
          await page.keyboard.press('o')
          await page.locator('.z-modal .grid').waitFor({ timeout: WAIT_MS })
          await page.keyboard.press('ArrowLeft')
          await page.keyboard.press('Enter')
        })
        await step('the navigation bar', () => page.locator('nav button[title="Go to previous slide"]').click())
        // Each change once, in the order made: a second announcement of any step would be heard here.
        await expectHeardOnly(page, deck, visited)
        for (const other of others) {
          const no = await shownSlide(page, deck)
          await page.locator(`nav a[hreflang="${other.lang}"]`).click()
          await page.waitForURL(url => url.pathname.endsWith(`/${other.folder}`), { timeout: WAIT_MS })
          expect(await shownSlide(page, other.deck)).toBe(no)
          await expectOnlySlide(page, other.deck, no)
          // A new page, in the other language: its first announcement is in that language.
          await expectAnnounced(page, other.deck, no, 0)
          await expectFocusInDeck(page)
          await expectHeardOnly(page, other.deck, [no])
        }
      }
      finally {
        await context.close()
      }
    })
  })

  it('reaches every control of the navigation bar with the keyboard, each named and with a visible focus ring', async ({ expect }) => {
    const { context, page } = await session.open()
    try {
      await showSlide(page, session.site, 1)
      await settle(page)
      const controls = await page.locator('nav').first().evaluate(nav => [
        ...nav.querySelectorAll<HTMLElement>('a[href], button'),
      ].filter(control => control.checkVisibility() && control.tabIndex >= 0).length)
      const reached: string[] = []
      const problems: string[] = []
      // From the slide area through the current slide's links to the bar and past it.
      for (let press = 0; press < 80 && reached.length < controls; press++) {
        await page.keyboard.press('Tab')
        const focused = page.locator(':focus')
        if (!await focused.evaluate(element => Boolean(element.closest('nav'))).catch(() => false))
          continue
        const name = node((await focused.ariaSnapshot()).split('\n')[0]!)
        reached.push(name)
        if (!/^(?:button|link) "[^"]+"/.test(name))
          problems.push(`no name: ${name}`)
        // The bar fades in when it takes the focus; the ring is the element's outline.
        await expect.poll(() => focused.evaluate(element => Number(getComputedStyle(element.closest('nav')!.parentElement!).opacity)), POLL).toBe(1)
        const ring = await focused.evaluate((element) => {
          const style = getComputedStyle(element)
          return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
        })
        if (!ring)
          problems.push(`no focus ring: ${name}`)
      }
      expect(reached).toHaveLength(controls)
      expect(new Set(reached).size, 'each control once').toBe(controls)
      expect(reached).toEqual(expect.arrayContaining([
        `button "Go to next slide"`,
        `link "${labels.nav.reader}"`,
        `link "${labels.nav.slides}"`,
      ]))
      expect(problems).toEqual([])
    }
    finally {
      await context.close()
    }
  })

  describe.each(shareOut<View>(['play', 'presenter'], folder, editions))('the %s view with reduced motion', (view) => {
    /**
     * The transitions and animations that run in the app once → is pressed on
     * slide 2, looked for at every frame: with `untilSeen`, until the first
     * one (Slidev fades between slides); else until slide 3 has been shown
     * for a second and 30 frames drawn, the watch running since before the
     * press. The second is counted from the slide's change, not from the
     * press: on a busy machine the change can come well over a second after it.
     */
    async function motionAfterNextSlide(page: Page, { untilSeen = false } = {}): Promise<string[]> {
      await showSlide(page, session.site, 2, view)
      await settle(page)
      await page.evaluate(() => {
        const watch = {
          seen: new Set<string>(),
          frames: 0,
          stopped: false,
        }
        ;(window as unknown as { motion: typeof watch }).motion = watch
        const look = (): void => {
          for (const animation of document.getAnimations()) {
            const target = (animation.effect as KeyframeEffect | null)?.target
            if (animation.playState === 'running' && target?.closest('#app'))
              watch.seen.add(`${animation.constructor.name} on .${[...target.classList].join('.')}`)
          }
          watch.frames++
          if (!watch.stopped)
            requestAnimationFrame(look)
        }
        requestAnimationFrame(look)
      })
      await tap(page, 'ArrowRight')
      await waitForSlide(page, 3)
      await page.waitForFunction((untilSeen) => {
        const { motion } = window as unknown as { motion: { seen: Set<string>, frames: number, shownAt?: { time: number, frames: number } } }
        if (untilSeen)
          return motion.seen.size > 0
        motion.shownAt ??= {
          time: performance.now(),
          frames: motion.frames,
        }
        return performance.now() - motion.shownAt.time >= 1000 && motion.frames - motion.shownAt.frames >= 30
      }, untilSeen, { timeout: WAIT_MS, polling: 'raf' }).catch((error: Error) => {
        // Nothing seen in all that time is the answer the test checks, not a failure to wait.
        if (!untilSeen)
          throw error
      })
      return page.evaluate(() => {
        const { motion } = window as unknown as { motion: { seen: Set<string>, stopped: boolean } }
        motion.stopped = true
        return [...motion.seen]
      })
    }

    it('runs no transition: the slides change at once', async () => {
      const moving = await session.open()
      const still = await session.open({ reducedMotion: 'reduce' })
      try {
        // Without the preference the talk fades from slide to slide, which the test sees.
        expect(await motionAfterNextSlide(moving.page, { untilSeen: true })).not.toEqual([])
        expect(await motionAfterNextSlide(still.page)).toEqual([])
      }
      finally {
        await moving.context.close()
        await still.context.close()
      }
    })
  })

  it('gives a screen reader the presenter\'s notes, in a region of their own, and of the slides the current one only', async ({ expect }) => {
    const { context, page } = await session.open()
    await recordAnnouncements(context)
    try {
      const no = Math.ceil(total / 2)
      await showSlide(page, session.site, no, 'presenter')
      await settle(page)
      // The note's opening words, as the presenter test reads them: enough to tell one slide's notes from another's.
      const opening = words(removeMarkdown(withoutClickMarkers(deck.slides[no - 1]!.note))).split(' ').slice(0, 12).join(' ')
      const notes = page.getByRole('region', { name: labels.a11y.notes })
      await expect.poll(async () => words(await notes.ariaSnapshot()), POLL).toContain(opening)
      // The preview of the next slide is hidden with the rest.
      await expectOnlySlide(page, deck, no)
      await expectAnnounced(page, deck, no, 0)
      await expectHeardOnly(page, deck, [no])
      await tap(page, 'ArrowRight')
      await shownSlide(page, deck)
      await expectAnnounced(page, deck, no + 1, 1)
      await expectOnlySlide(page, deck, no + 1)
      await expectHeardOnly(page, deck, [no, no + 1])
    }
    finally {
      await context.close()
    }
  })
})

describe.concurrent('a starter-style deck (history routing, clicks)', () => {
  const starter = useStarterSite()

  it('announces each slide it moves to once, and not the click steps between', async ({ expect }) => {
    const { context, page } = await starter.session.open()
    await recordAnnouncements(context)
    try {
      await page.goto(`${starter.session.site.url}1`, { timeout: WAIT_MS })
      await waitForSlide(page, 1)
      await expectAnnounced(page, starter.deck, 1, 0)
      await expectHeardOnly(page, starter.deck, [1])
      // Slide 2 reveals its lines in click steps: → moves through them before slide 3.
      const clicks = /\[click/.test(starter.deck.slides[1]!.note) || starter.deck.slides[1]!.content.includes('v-click')
      expect(clicks, 'slide 2 has click steps').toBe(true)
      const reached: number[] = [1]
      for (let press = 0; press < 10 && reached.at(-1)! < 3; press++) {
        const before = page.url()
        await tap(page, 'ArrowRight')
        await page.waitForFunction(url => location.href !== url, before, { timeout: WAIT_MS })
        const no = Number(new URL(page.url()).pathname.split('/').at(-1))
        await waitForSlide(page, no)
        if (no !== reached.at(-1)) {
          reached.push(no)
          // Listened to before the next press, as its user would.
          await expect.poll(async () => (await heard(page)).length, POLL).toBe(reached.length)
        }
      }
      expect(reached).toEqual([1, 2, 3])
      await expectHeardOnly(page, starter.deck, [1, 2, 3])
      await expectFocusInDeck(page)
    }
    finally {
      await context.close()
    }
  })
})
