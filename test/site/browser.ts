import type { AxeResults, Result, RunOptions } from 'axe-core'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-chromium'
import type { Deck } from '../../kit/scripts/deck.ts'
import type { LocalSite } from './serve.ts'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-chromium'
import { afterAll, beforeAll, inject } from 'vitest'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { keepLocal } from '../../kit/scripts/local-site.ts'
import { OpenRequests, printViewUrl, waitForRenderedSlides } from '../../kit/scripts/print.ts'
import { serveSite } from './serve.ts'

/** A laptop screen: the size a speaker presents from. */
export const VIEWPORT = { width: 1280, height: 720 }

/**
 * How long any wait in the browser tests may take. Generous on purpose: on a
 * loaded 2-core machine (CI right after a session, an export running beside
 * the tests) rendering thirty slides can take seconds, and Playwright's and
 * vitest's defaults (30 s, and 1 s for `expect.poll`) are not a choice anyone made.
 */
export const WAIT_MS = 30_000

/** Options for every `expect.poll` in the browser tests. */
export const POLL = { timeout: WAIT_MS, interval: 100 } as const

/** One edition of the talk, as the site tests open it. */
export interface SiteEdition {
  lang: string
  deck: Deck
  /** Its folder in the exported site: '' for the English edition, 'de/' for the German one. */
  folder: string
}

/** Every edition the test run exported, the English one first, each read as Slidev reads it: the tests' source of truth for slides, notes and headmatter. */
export function loadEditions(): Promise<SiteEdition[]> {
  return Promise.all(inject('editions').map(async ({ lang, entry, folder }) => ({ lang, folder, deck: await loadDeck(entry) })))
}

/**
 * The cases of a test that the edition in `folder` takes: what a colour
 * scheme or a view changes is the same in every language, so the editions
 * share the cases out (each case in one edition, each edition at least one)
 * instead of each running all of them.
 */
export function shareOut<T>(cases: readonly T[], folder: string, editions: readonly SiteEdition[]): T[] {
  const index = editions.findIndex(edition => edition.folder === folder)
  const taken = cases.filter((_, caseIndex) => caseIndex % editions.length === index)
  return taken.length
    ? taken
    : [cases[index % cases.length]!]
}

/** What a browser context did that a test may fail on. */
export interface Watch {
  /** Requests to any host but the local server; aborted before they were sent. */
  outside: string[]
  /** Local requests that failed or answered with an HTTP error. */
  failed: string[]
  /** `console.error` messages and uncaught exceptions. */
  errors: string[]
  /** What the site's security policy refused, in any page or frame: "directive refused address (page)". */
  violations: string[]
  /** Empties all four lists. */
  clear: () => void
}

/**
 * Blocks and records every request that leaves `origin` (with the exporter's
 * own `keepLocal`), and records failed local requests, console errors and
 * every `securitypolicyviolation` event the pages raise (in frames too).
 */
export async function watchContext(context: BrowserContext, origin: string): Promise<Watch> {
  const outside = await keepLocal(context, origin)
  const failed: string[] = []
  const errors: string[] = []
  const violations: string[] = []
  await context.exposeBinding('reportViolation', ({ frame }, directive: string, blocked: string) => {
    violations.push(`${directive} refused ${blocked} (${frame.url()})`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (directive: string, blocked: string) => void })
        .reportViolation(event.effectiveDirective, event.blockedURI)
    })
  })
  context.on('requestfailed', (request) => {
    if (!outside.includes(request.url()))
      failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`)
  })
  context.on('response', (response) => {
    if (response.status() >= 400)
      failed.push(`${response.url()} (HTTP ${response.status()})`)
  })
  context.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(message.text())
  })
  context.on('weberror', error => errors.push(error.error().message))
  return {
    outside,
    failed,
    errors,
    violations,
    clear: () => {
      outside.length = 0
      failed.length = 0
      errors.length = 0
      violations.length = 0
    },
  }
}

/** One local server and a connection to the test run's headless Chromium (test/setup/export.ts), shared by the tests of a file. */
export interface SiteSession {
  site: LocalSite
  browser: Browser
  /** A fresh context on the site, watched; closed with the session. */
  open: (options?: BrowserContextOptions) => Promise<{ context: BrowserContext, page: Page, watch: Watch }>
  close: () => Promise<void>
}

/**
 * Serves `siteDir` under `base` and connects to the test run's browser;
 * `site.url` is the edition in `folder`. `single` serves a deck with history
 * routing. Closing the session closes its contexts, not the shared browser.
 */
export async function openSite(siteDir: string, base = '/', folder = '', { single = false } = {}): Promise<SiteSession> {
  const served = await serveSite(siteDir, base, { single })
  const site: LocalSite = { ...served, url: `${served.url}${folder}` }
  let browser: Browser
  try {
    browser = await chromium.connect(inject('browserEndpoint'), { timeout: WAIT_MS })
  }
  catch (error) {
    await site.close()
    throw error
  }
  return {
    site,
    browser,
    async open(options = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, ...options })
      context.setDefaultTimeout(WAIT_MS)
      context.setDefaultNavigationTimeout(WAIT_MS)
      const watch = await watchContext(context, site.origin)
      const page = await context.newPage()
      return { context, page, watch }
    },
    async close() {
      await browser.close()
      await site.close()
    },
  }
}

/**
 * The site the test run exported, opened at the edition in `folder` ('' for
 * the English one) before the calling file's (or describe block's) tests and
 * closed after them. Read it inside tests and hooks.
 */
export function useExportedSite(folder = ''): SiteSession {
  let session: SiteSession | undefined
  beforeAll(async () => {
    session = await openSite(inject('siteDir'), inject('base'), folder)
  })
  afterAll(async () => {
    await session?.close()
  })
  const current = (): SiteSession => {
    if (!session)
      throw new Error('the exported site is open only inside tests and hooks')
    return session
  }
  return {
    get site() {
      return current().site
    },
    get browser() {
      return current().browser
    },
    open: options => current().open(options),
    close: () => current().close(),
  }
}

/** The site of the starter-style fixture (test/fixtures/starter) as the test run exported it, and its deck. */
export interface StarterSite {
  session: SiteSession
  deck: Deck
}

/**
 * The starter-style fixture's site, a deck with history routing served as a
 * host serves one (every address answered by its page), opened before the
 * calling block's tests and closed after them. Read it inside tests.
 */
export function useStarterSite(): StarterSite {
  let opened: StarterSite | undefined
  beforeAll(async () => {
    const starter = inject('starter')
    const deck = await loadDeck(starter.entry)
    opened = { deck, session: await openSite(starter.siteDir, '/', '', { single: true }) }
  })
  afterAll(async () => {
    await opened?.session.close()
  })
  const current = (): StarterSite => {
    if (!opened)
      throw new Error('the starter\'s site is open only inside tests and hooks')
    return opened
  }
  return {
    get session() {
      return current().session
    },
    get deck() {
      return current().deck
    },
  }
}

export type View = 'play' | 'presenter'

/** The hash route of a slide: `#/3` in the play view, `#/presenter/3` in the presenter view. */
export function slideHash(no: number, view: View = 'play'): string {
  return view === 'presenter'
    ? `#/presenter/${no}`
    : `#/${no}`
}

/**
 * Slide number and click step of a hash route, e.g. `#/presenter/4?clicks=2`.
 * Slidev shows a slide's `routeAlias` instead of its number (`#/deal`): pass
 * the deck to resolve those.
 */
export function parseSlideHash(hash: string, deck?: Deck): { no: number, clicks: number } | undefined {
  const match = /^#\/(?:presenter\/)?([^/?]+)(?:\?(.*))?$/.exec(hash)
  if (!match)
    return undefined
  const no = /^\d+$/.test(match[1])
    ? Number(match[1])
    : deck?.slides.find(slide => slide.frontmatter.routeAlias === decodeURIComponent(match[1]))?.no
  if (!no)
    return undefined
  const clicks = Number(new URLSearchParams(match[2] ?? '').get('clicks') ?? 0)
  return { no, clicks }
}

/** The slide the main slide area shows (play view, and the presenter's current slide). */
export function mainSlide(page: Page, no: number): ReturnType<Page['locator']> {
  return page.locator(`#slide-content .slidev-page-${no}`)
}

/**
 * Waits until slide `no` is the visible slide of the main area, with its
 * content: Slidev shows the slide's frame at once and its layout once the
 * slide's chunk has loaded (every layout of this deck has the class).
 */
export async function waitForSlide(page: Page, no: number): Promise<void> {
  await mainSlide(page, no).locator('.slidev-layout').first().waitFor({ state: 'visible', timeout: WAIT_MS })
}

/**
 * Waits until every slide of a deck of `total` slides is loaded, with its
 * images and the fonts: Slidev loads the current slide and its neighbours at
 * once and the rest 3 s later (SlidesShow.vue), each as its own chunk.
 */
export async function waitForPreload(page: Page, total: number): Promise<void> {
  await page.waitForFunction((total) => {
    for (let no = 1; no <= total; no++) {
      // The wrapper is there at once; the layout only once the slide's chunk has loaded.
      if (!document.querySelector(`.slidev-page-${no} .slidev-layout`))
        return false
    }
    return [...document.images].every(image => image.complete)
  }, total, { timeout: WAIT_MS, polling: 100 })
  await page.evaluate(async () => {
    await document.fonts.ready
  })
}

/** Waits for the fonts and for every finite animation or transition to end (Slidev fades between slides). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
  })
  await page.waitForFunction(() => document.getAnimations().every(animation =>
    animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: WAIT_MS })
}

/**
 * Presses a navigation key (→, ←) as a quick hand does. Slidev repeats a
 * navigation key held for a second, and Playwright's press sends the
 * release only once the page has taken the press: on a busy machine that
 * round trip passed a second, and one press moved two slides. Sent
 * together, the release is queued behind the press before the page runs.
 */
export async function tap(page: Page, key: 'ArrowRight' | 'ArrowLeft'): Promise<void> {
  await Promise.all([
    page.keyboard.down(key),
    page.keyboard.up(key),
  ])
}

/** Opens a slide by its hash route and waits until it is shown. */
export async function showSlide(page: Page, site: LocalSite, no: number, view: View = 'play'): Promise<void> {
  await page.goto(`${site.url}${slideHash(no, view)}`, { timeout: WAIT_MS })
  await waitForSlide(page, no)
}

/**
 * Parts of Slidev's own navigation bar that axe flags and no setting fixes.
 * Each is excluded from the scan with the reason; the rest of the bar (and
 * the kit's own download links in it) is still scanned.
 */
export const SLIDEV_CHROME_EXCLUDES: { selector: string, why: string }[] = [
  {
    // Slidev's MenuButton (internals/MenuButton.vue) wraps an IconButton
    // <button> in another <button> for the "Change sync settings" and "More
    // options" menus: axe's nested-interactive (serious). Both come with the
    // presenter feature and Slidev's nav bar; no headmatter option drops them.
    selector: 'nav .flex.relative > button',
    why: 'Slidev MenuButton nests a <button> in a <button>',
  },
]

/** Impacts that fail the accessibility tests. */
export const FAILING_IMPACTS = new Set(['serious', 'critical'])

/** One line per failing node: rule, impact, selector and axe's own summary. */
export function describeViolations(violations: Result[]): string[] {
  return violations
    .filter(violation => FAILING_IMPACTS.has(violation.impact ?? ''))
    .flatMap(violation => violation.nodes.map((node) => {
      const detail = [
        ...node.any,
        ...node.all,
        ...node.none,
      ].map(check => check.message).find(Boolean)
      ?? node.failureSummary?.split('\n').slice(1).join(' ').trim()
      return `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${detail}`
    }))
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** What axe checks: WCAG 2.x A/AA and best practices; only violations are reported. */
const AXE_OPTIONS: RunOptions = {
  runOnly: {
    type: 'tag',
    values: [
      'wcag2a',
      'wcag2aa',
      'wcag21a',
      'wcag21aa',
      'wcag22aa',
      'best-practice',
    ],
  },
  resultTypes: ['violations'],
}

/** The failing violations axe finds on the page, without Slidev's known chrome issues, each node with the slide of the print view it is on. */
async function runAxe(page: Page): Promise<{ slide?: number, result: Result }[]> {
  // axe goes into the page once and stays while the page moves on by its hash route.
  if (!await page.evaluate(() => 'axe' in window))
    await page.evaluate(AXE_SOURCE)
  return page.evaluate(async ({ exclude, options, failing }) => {
    const { axe } = window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }
    const results = await axe.run({ exclude }, { ...options, elementRef: true })
    return results.violations
      .filter(violation => failing.includes(violation.impact ?? ''))
      .flatMap(violation => violation.nodes.map((node) => {
        const { element, ...plain } = node as typeof node & { element?: Element }
        const container = element?.closest('.print-slide-container')
        return {
          slide: container
            ? Number.parseInt(container.id, 10)
            : undefined,
          result: {
            ...violation,
            nodes: [plain],
          },
        }
      }))
  }, {
    exclude: SLIDEV_CHROME_EXCLUDES.map(({ selector }) => [selector]),
    options: AXE_OPTIONS,
    failing: [...FAILING_IMPACTS],
  })
}

/** Runs axe on the page as it is: one line per failing node. */
export async function axeViolations(page: Page): Promise<string[]> {
  return describeViolations((await runAxe(page)).map(({ result }) => result))
}

/**
 * Runs axe once on the print view, where every slide is rendered with the
 * same components and styles as in the play view: one line per failing
 * node, by the slide it is on (0 for anything outside a slide).
 */
export async function axeViolationsBySlide(page: Page): Promise<Map<number, string[]>> {
  const bySlide = new Map<number, string[]>()
  for (const { slide, result } of await runAxe(page)) {
    bySlide.set(slide ?? 0, [
      ...bySlide.get(slide ?? 0) ?? [],
      ...describeViolations([result]),
    ])
  }
  return bySlide
}

/**
 * Opens Slidev's print view of the site (every slide at its canvas size,
 * final click state) and waits until all `total` slides have rendered. The
 * page's requests are followed from before it loads, as the export follows
 * them (kit/scripts/print.ts, openPrintView): a slide's chunk still on its way
 * when the page had loaded, unseen, let a loaded machine's wait end with
 * that slide empty.
 */
export async function showPrintView(page: Page, site: LocalSite, total: number): Promise<void> {
  const requests = new OpenRequests(page)
  try {
    await page.goto(printViewUrl(site.url, 'hash'), { timeout: WAIT_MS })
    await waitForRenderedSlides(page, requests, total, () => {})
  }
  finally {
    requests.stop()
  }
  await settle(page)
}
