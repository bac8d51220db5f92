import type { BrowserContextOptions, Page } from 'playwright-chromium'
import type { ExpectStatic } from 'vitest'
import type { Deck } from '../../kit/scripts/deck.ts'
import type { SiteEdition, SiteSession } from './browser.ts'
import { devices } from 'playwright-chromium'
import removeMarkdown from 'remove-markdown'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { sourceById } from '../../data/sources.ts'
import { labelsFor } from '../../kit/i18n/index.ts'
import { readerNote, STAGE_DIRECTION } from '../../kit/utils/notes.ts'
import { partsOf } from '../../kit/utils/parts.ts'
import { axeViolations, loadEditions, POLL, settle, shareOut, slideHash, useExportedSite, useStarterSite, WAIT_MS, waitForSlide } from './browser.ts'

// The deck's address on a phone opens the reader: every slide in one column,
// rendered by Slidev at the column's width, with its notes and its sources.
// Checked with Playwright's phone profiles (touch, a high pixel ratio, the
// phone's own viewport) in both editions, both colour schemes, under the
// tests' base path, and on the starter-style fixture with history routing.
//
// The walks and tests run side by side (describe.concurrent), each in a
// browser context of its own: they spend their time waiting for the page to
// scroll, render and name the slide, not computing. A test that polls takes
// vitest's expect from its context: expect.poll needs to know the test.

const editions = await loadEditions()
const exported = inject('editions')

/** A phone from Playwright's device list, less the browser it names: the tests run Chromium. */
function phone(name: string, colorScheme: 'light' | 'dark'): { name: string, options: BrowserContextOptions } {
  const { defaultBrowserType: _, ...profile } = devices[name]!
  return {
    name,
    options: { ...profile, colorScheme },
  }
}

// A 390 × 844 phone (its viewport 390 × 664 under the browser's bars) and a
// 360 × 740 one; one in each colour scheme, so each edition is seen in both.
const PHONES = [
  phone('iPhone 13', 'light'),
  phone('Galaxy S8', 'dark'),
]

/** WCAG 2.2's minimum target size (2.5.8), and the reader's smallest body text. */
const MIN_TARGET_PX = 24
const MIN_TEXT_PX = 16

/** Words only, as the presenter test compares notes: markup, punctuation and quote styles differ between Markdown and the page. */
function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean)
}

/** How an address names a slide, as Slidev does: its routeAlias, else its number. */
function keyOf(deck: Deck, no: number): string {
  return String(deck.slides[no - 1]!.frontmatter.routeAlias ?? no)
}

/** The slide the reader's address names (`#/reader/12` or `/reader/12`), resolved through the deck's aliases. */
function addressedSlide(url: string, deck: Deck): number | undefined {
  const key = /\/reader\/([^/?#]+)\/?(?:\?.*)?$/.exec(url)?.[1]
  if (!key)
    return undefined
  return /^\d+$/.test(key)
    ? Number(key)
    : deck.slides.find(slide => slide.frontmatter.routeAlias === decodeURIComponent(key))?.no
}

function entry(page: Page, no: number): ReturnType<Page['locator']> {
  return page.locator(`.kit-reader-entry[data-slide="${no}"]`)
}

/** Where slide `no`'s entry starts, relative to the bottom of the reader's bar: about 0 once the page has brought it to the top. */
function entryOffset(page: Page, no: number): Promise<number> {
  return page.evaluate((no) => {
    const bar = document.querySelector('.kit-reader-bar')!.getBoundingClientRect().bottom
    return document.querySelector(`.kit-reader-entry[data-slide="${no}"]`)!.getBoundingClientRect().top - bar
  }, no)
}

/** Waits until the page shows slide `no` at the top, under the bar, and holds it there. */
async function expectAtTop(expect: ExpectStatic, page: Page, no: number): Promise<void> {
  await expect.poll(async () => Math.abs(await entryOffset(page, no)) <= 24, { ...POLL, message: `slide ${no} at the top of the screen` }).toBe(true)
}

/** Waits until entry `no` shows its slide, rendered: its layout is there, not Slidev's loading placeholder (any layout: some have no class of their own). */
async function waitForEntry(page: Page, no: number): Promise<void> {
  await entry(page, no).locator(`.slidev-page-${no} > :not(.slidev-slide-loading)`).first().waitFor({ state: 'attached', timeout: WAIT_MS })
}

/**
 * The slides a shorter walk through the reader stops at, in order: the first,
 * the first of each part (a divider's address is its alias), the middle one,
 * and the last three, which the end of the page keeps from the top. Every
 * slide above the last is rendered on the way, so the width is still checked
 * with all of them on the page.
 */
function waypoints(deck: Deck, openingTitle: string): Deck['slides'] {
  const total = deck.slides.length
  const stops = new Set([
    1,
    ...partsOf(deck.slides, openingTitle).map(part => part.slides[0]!.no),
    Math.ceil(total / 2),
    total - 2,
    total - 1,
    total,
  ])
  return deck.slides.filter(slide => stops.has(slide.no))
}

/** Brings each of `slides` (every entry by default) to the top of the screen in turn, as a reader scrolling down would, and checks the address and the width at each. */
async function scrollThrough(page: Page, deck: Deck, slides = deck.slides): Promise<{ address: string[], sideways: string[] }> {
  const address: string[] = []
  const sideways: string[] = []
  for (const slide of slides) {
    await entry(page, slide.no).evaluate(element => element.scrollIntoView({ block: 'start' }))
    await waitForEntry(page, slide.no)
    // The page ends before the last slides can reach the top: there the address names one that is on screen.
    const reachedTop = Math.abs(await entryOffset(page, slide.no)) <= 24
    const named = (): boolean => {
      const no = addressedSlide(page.url(), deck)
      return reachedTop
        ? no === slide.no
        : no != null && no >= slide.no
    }
    // A hook's own poll: vitest's expect.poll works inside tests only.
    for (const deadline = Date.now() + WAIT_MS; !named() && Date.now() < deadline;)
      await page.waitForTimeout(POLL.interval)
    if (!named())
      address.push(`slide ${slide.no} at the top, address ${page.url()}`)
    const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))
    if (width.page > width.screen)
      sideways.push(`slide ${slide.no}: the page is ${width.page} px wide on a ${width.screen} px screen`)
  }
  return { address, sideways }
}

interface EntryReport {
  no: number
  heading: string
  /** Every rendered slide the entry holds, by its Slidev class: exactly its own. */
  rendered: number[]
  notes: string
  sources: { href: string, target: string, rel: string }[]
}

interface PageReport {
  entries: EntryReport[]
  parts: string[]
  contents: { text: string, href: string }[]
  /** Text outside the slides below the body size. */
  smallText: string[]
  /** Controls and links smaller than a 24 px target, but for links inside a sentence of the notes; inside the slides too, where everything is drawn small. */
  smallTargets: string[]
}

/** Reads the whole reader once every slide is rendered. */
function readPage(page: Page): Promise<PageReport> {
  return page.evaluate(({ minText, minTarget }) => {
    const describe = (element: Element): string => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> "${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`
    const visible = (element: Element): boolean => element.checkVisibility() && element.getBoundingClientRect().width > 0
    const reader = document.querySelector('.kit-reader')!
    const outsideSlides = [
      ...reader.querySelectorAll('*'),
    ].filter(element => !element.closest('.kit-reader-slide'))
    const smallText = outsideSlides
      .filter(element => visible(element) && [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()))
      .filter(element => Number.parseFloat(getComputedStyle(element).fontSize) < minText - 0.05)
      .map(element => `${describe(element)} at ${getComputedStyle(element).fontSize}`)
    const targets = [
      ...reader.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])'),
    ].filter(visible)
    // WCAG 2.5.8's inline exception: a link inside a sentence of the notes is sized by its line.
    const inSentence = (element: Element): boolean => Boolean(element.closest('.kit-reader-notes p, .kit-reader-notes li, .kit-reader-info p'))
    const smallTargets = targets
      .filter(element => !inSentence(element))
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width < minTarget || box.height < minTarget
      })
      .map((element) => {
        const box = element.getBoundingClientRect()
        return `${describe(element)}: ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px`
      })
    const contents = [
      ...document.querySelectorAll<HTMLAnchorElement>('.kit-reader-contents a'),
    ].map(anchor => ({
      text: anchor.textContent!.trim(),
      href: anchor.href,
    }))
    const entries = [
      ...document.querySelectorAll<HTMLElement>('.kit-reader-entry'),
    ].map((element) => {
      const sources = [
        ...element.querySelectorAll<HTMLAnchorElement>('.kit-reader-sources a'),
      ]
      return {
        no: Number(element.dataset.slide),
        heading: element.querySelector('h2, h3')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        rendered: [
          ...element.querySelectorAll('.slidev-page'),
        ].map(slide => Number([...slide.classList].find(name => /^slidev-page-\d+$/.test(name))?.slice(12))),
        notes: (element.querySelector('.kit-reader-notes')?.textContent ?? ''),
        sources: sources.map(anchor => ({ href: anchor.href, target: anchor.target, rel: anchor.rel })),
      }
    })
    return {
      entries,
      // Each part as a screen reader's list of headings gives it: its level-2 heading.
      parts: [
        ...document.querySelectorAll('.kit-reader-part'),
      ].map(part => part.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
      contents,
      smallText,
      smallTargets,
    }
  }, { minText: MIN_TEXT_PX, minTarget: MIN_TARGET_PX })
}

describe.concurrent.each(editions)('the $lang edition', (edition) => {
  const { deck, folder, lang } = edition
  const total = deck.slides.length
  const labels = labelsFor(lang)
  const citations = exported.find(other => other.lang === lang)!.citations
  const session = useExportedSite(folder)

  describe.each(PHONES)('on a phone ($name, $options.colorScheme)', (phone) => {
    const { options } = phone
    // Each edition is walked slide by slide on one phone, and each phone walks one edition so; the other walk stops at the waypoints.
    const everySlide = PHONES.indexOf(phone) === editions.indexOf(edition) % PHONES.length
    let page: Page
    let report: PageReport
    let walk: { address: string[], sideways: string[] }
    let violations: string[]
    let watch: Awaited<ReturnType<SiteSession['open']>>['watch']
    let landing: string

    beforeAll(async () => {
      const opened = await session.open(options)
      ;({ page, watch } = opened)
      // The deck's own address, as the QR code gives it.
      await page.goto(session.site.url, { timeout: WAIT_MS })
      await page.locator('.kit-reader').waitFor({ timeout: WAIT_MS })
      landing = page.url()
      walk = await scrollThrough(page, deck, everySlide
        ? deck.slides
        : waypoints(deck, labels.opening))
      await settle(page)
      report = await readPage(page)
      violations = await axeViolations(page)
    })

    it('opens the reader at the deck\'s address', () => {
      expect(landing).toMatch(/#\/reader\/1$/)
    })

    it(`shows all ${total} slides once each, in order, each rendered by Slidev under its number and title`, () => {
      expect(report.entries.map(item => item.no)).toEqual(deck.slides.map(slide => slide.no))
      for (const slide of deck.slides) {
        const item = report.entries[slide.no - 1]!
        expect(item.rendered, `slide ${slide.no}`).toEqual([slide.no])
        expect(item.heading).toBe(`${labels.slideOf(slide.no, total)} ${slide.title}`)
      }
    })

    it('gives every slide its notes as the audience reads them: no stage directions', () => {
      // The talk's notes hold stage directions, so leaving them out is tested.
      expect(deck.slides.some(slide => new RegExp(STAGE_DIRECTION.source).test(slide.note))).toBe(true)
      for (const slide of deck.slides) {
        const { notes } = report.entries[slide.no - 1]!
        expect(words(notes), `slide ${slide.no}`).toEqual(words(removeMarkdown(readerNote(slide.note))))
        expect(notes, `slide ${slide.no}`).not.toMatch(/\[[^\]]*\]/)
      }
    })

    it('lists under each slide every source it cites, as a link that opens the source', () => {
      expect(Object.values(citations).flat().length, 'the slides cite sources').toBeGreaterThan(0)
      for (const slide of deck.slides) {
        const listed = report.entries[slide.no - 1]!.sources
        const cited = (citations[slide.no] ?? []).map(id => new URL(sourceById(id).url).href)
        expect(listed.map(link => link.href), `slide ${slide.no}`).toEqual(expect.arrayContaining(cited))
        for (const link of listed) {
          expect(link.target).toBe('_blank')
          expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']))
        }
      }
    })

    it('heads each part of the talk and lists the parts in its contents, each a link to its first slide', () => {
      const parts = partsOf(deck.slides, labels.opening)
      // A part's divider slide heads its part, under its number.
      expect(report.parts).toEqual(parts.map(part => part.divider
        ? `${labels.slideOf(part.slides[0]!.no, total)} ${part.title}`
        : part.title))
      expect(report.contents.map(item => item.text)).toEqual(parts.map(part => part.title))
      for (const [index, part] of parts.entries())
        expect(addressedSlide(report.contents[index]!.href, deck)).toBe(part.slides[0]!.no)
    })

    it('updates the address as the reader scrolls, and never scrolls sideways', () => {
      expect(walk.address).toEqual([])
      expect(walk.sideways).toEqual([])
    })

    it(`sets its text at ${MIN_TEXT_PX} CSS px or larger, outside the slides`, () => {
      expect(report.smallText).toEqual([])
    })

    it(`makes every control and link a target of ${MIN_TARGET_PX} × ${MIN_TARGET_PX} CSS px or larger: a slide's own, drawn small, are text there`, () => {
      expect(report.smallTargets).toEqual([])
    })

    it('has no serious or critical axe violation', () => {
      expect(violations).toEqual([])
    })

    it('loads from the site only, within its security policy, without errors', async () => {
      await page.waitForLoadState('networkidle')
      expect(watch.outside).toEqual([])
      expect(watch.failed).toEqual([])
      expect(watch.violations).toEqual([])
      expect(watch.errors).toEqual([])
    })
  })

  describe('a link to a slide, on a phone', () => {
    const others = editions.filter(other => other.folder !== folder)
    const divider = deck.slides.find(slide => slide.frontmatter.routeAlias)!
    const cases = [
      {
        no: Math.ceil(total / 2),
        route: `#/${Math.ceil(total / 2)}`,
      },
      { no: divider.no, route: `#/${String(divider.frontmatter.routeAlias)}` },
      { no: total, route: `#/${total}` },
    ]

    // The editions share the cases out: each switches to the other, from a number or an alias.
    it.for(shareOut(cases, folder, editions))('$route opens the reader at slide $no, and the language switch keeps it', async ({ no, route }, { expect }) => {
      const { context, page, watch } = await session.open(PHONES[0]!.options)
      try {
        await page.goto(`${session.site.url}${route}`, { timeout: WAIT_MS })
        await expect.poll(() => addressedSlide(page.url(), deck), POLL).toBe(no)
        await waitForEntry(page, no)
        if (no < total)
          await expectAtTop(expect, page, no)
        for (const other of others)
          await expectLanguageSwitch(expect, page, no, other)
        expect(watch.outside).toEqual([])
        expect(watch.violations).toEqual([])
      }
      finally {
        await context.close()
      }
    })

    /** The bar's switch to `other` is a relative link that opens the other edition's reader at slide `no`. */
    async function expectLanguageSwitch(expect: ExpectStatic, page: Page, no: number, other: SiteEdition): Promise<void> {
      const link = page.locator(`.kit-reader-bar a[hreflang="${other.lang}"]`)
      expect(await link.getAttribute('href'), 'a relative link').not.toMatch(/^(?:[a-z]+:|\/)/i)
      await link.click()
      await page.waitForURL(url => url.pathname.endsWith(`/${other.folder}`), { timeout: WAIT_MS })
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(other.lang)
      await expect.poll(() => addressedSlide(page.url(), other.deck), POLL).toBe(no)
      await waitForEntry(page, no)
      if (no < other.deck.slides.length)
        await expectAtTop(expect, page, no)
    }

    it('jumps to a part from the contents, and Back and Forward return', async ({ expect }) => {
      const { context, page } = await session.open(PHONES[1]!.options)
      try {
        const part = partsOf(deck.slides, labels.opening).filter(candidate => candidate.divider).at(-1)!
        const first = part.slides[0]!.no
        await page.goto(`${session.site.url}${slideHash(1)}`, { timeout: WAIT_MS })
        // The contents may reach below the screen: the tap scrolls to the link
        // as a finger would. Where the jump starts is read at the tap itself:
        // until the page's fonts settle the link moves, and the click may scroll again.
        const link = page.locator('.kit-reader-contents a', { hasText: part.title })
        await link.evaluate((element: HTMLElement) => element.addEventListener('click', () => {
          element.dataset.tappedAt = String(window.scrollY)
        }, { capture: true, once: true }))
        await link.click()
        const tappedAt = await link.getAttribute('data-tapped-at')
        expect(tappedAt, 'the tap reached the link').not.toBeNull()
        const startedAt = Number(tappedAt)
        await expect.poll(() => addressedSlide(page.url(), deck), POLL).toBe(first)
        await expectAtTop(expect, page, first)
        // Back to where the jump started: the top of the page, with the contents.
        await page.goBack()
        await expect.poll(() => addressedSlide(page.url(), deck), POLL).toBe(1)
        await expect.poll(() => page.evaluate(() => window.scrollY), POLL).toBe(startedAt)
        await page.goForward()
        await expect.poll(() => addressedSlide(page.url(), deck), POLL).toBe(first)
        await expectAtTop(expect, page, first)
      }
      finally {
        await context.close()
      }
    })

    it('switches to the slides at the slide being read, and keeps them on reload', async ({ expect }) => {
      const no = Math.ceil(total / 3)
      const { context, page } = await session.open(PHONES[0]!.options)
      try {
        await page.goto(`${session.site.url}${slideHash(no)}`, { timeout: WAIT_MS })
        await expect.poll(() => addressedSlide(page.url(), deck), POLL).toBe(no)
        await expectAtTop(expect, page, no)
        await page.locator('.kit-reader-bar a', { hasText: labels.reader.toSlides }).click()
        await waitForSlide(page, no)
        expect(new URL(page.url()).hash).toBe(`#/${keyOf(deck, no)}`)
        await page.reload()
        await waitForSlide(page, no)
        expect(new URL(page.url()).hash).toBe(`#/${keyOf(deck, no)}`)
      }
      finally {
        await context.close()
      }
    })
  })

  describe('on a laptop', () => {
    it('keeps the slides for a link to a slide, and the navigation bar opens the reader there', async ({ expect }) => {
      const no = Math.ceil(total / 2)
      const { context, page, watch } = await session.open()
      try {
        await page.goto(`${session.site.url}${slideHash(no)}`, { timeout: WAIT_MS })
        await waitForSlide(page, no)
        expect(new URL(page.url()).hash).toBe(`#/${no}`)
        const link = page.locator('nav a', { hasText: labels.nav.reader })
        await expect.poll(() => link.count(), POLL).toBe(1)
        await link.click()
        await expect.poll(() => addressedSlide(page.url(), deck), POLL).toBe(no)
        await waitForEntry(page, no)
        await expectAtTop(expect, page, no)
        expect(watch.violations).toEqual([])
      }
      finally {
        await context.close()
      }
    })
  })
})

describe.concurrent('the reader of a starter-style deck (history routing, a 4:3 canvas)', () => {
  const starter = useStarterSite()

  it.for(PHONES)('on a $name: a link to a slide opens the reader there, and every slide renders within the screen\'s width', async (phone, { expect }) => {
    const { context, page, watch } = await starter.session.open(phone.options)
    try {
      const no = 3
      await page.goto(`${starter.session.site.url}${no}`, { timeout: WAIT_MS })
      await expect.poll(() => addressedSlide(page.url(), starter.deck), POLL).toBe(no)
      await waitForEntry(page, no)
      await expectAtTop(expect, page, no)
      // Slide by slide on the first phone; the other stops at the waypoints.
      const walk = await scrollThrough(page, starter.deck, phone === PHONES[0]
        ? starter.deck.slides
        : waypoints(starter.deck, labelsFor(starter.deck.meta.lang).opening))
      expect(walk.sideways).toEqual([])
      expect(walk.address).toEqual([])
      expect(await page.locator('.kit-reader-entry').evaluateAll(all => all.map(element => Number((element as HTMLElement).dataset.slide))))
        .toEqual(starter.deck.slides.map(slide => slide.no))
      // The address is a real path: a reload asks the host for it. Not
      // before the page has loaded all it asked for: a reload cancels what
      // is still on its way (the favicon, on a busy machine), which the
      // watch would count as a failed request.
      await page.waitForLoadState('networkidle')
      await page.reload()
      await waitForEntry(page, addressedSlide(page.url(), starter.deck)!)
      await page.waitForLoadState('networkidle')
      expect(watch.outside).toEqual([])
      expect(watch.failed).toEqual([])
      expect(watch.violations).toEqual([])
      expect(watch.errors).toEqual([])
    }
    finally {
      await context.close()
    }
  })

  // The reader's colours are the deck's to set (kit/README.md): a deck's
  // `.kit-reader` rule wins even when its stylesheet comes before the kit's.
  it.for(PHONES)('on a $name ($options.colorScheme): a deck\'s own reader colours win over the kit\'s, whichever stylesheet comes first', async (phone) => {
    const { context, page } = await starter.session.open(phone.options)
    try {
      await page.goto(`${starter.session.site.url}1`, { timeout: WAIT_MS })
      await waitForEntry(page, 1)
      const drawn = await page.evaluate(() => {
        const deckStyle = document.createElement('style')
        deckStyle.textContent = '.kit-reader, html.dark .kit-reader { --kit-reader-text: rgb(1, 2, 3); --kit-reader-background: rgb(4, 5, 6) }'
        document.head.prepend(deckStyle)
        const reader = getComputedStyle(document.querySelector('.kit-reader')!)
        return { text: reader.color, background: reader.backgroundColor }
      })
      expect(drawn).toEqual({ text: 'rgb(1, 2, 3)', background: 'rgb(4, 5, 6)' })
    }
    finally {
      await context.close()
    }
  })
})
