import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import type { PrintedSlides } from './check/check.ts'
import type { Deck, DeckConfig, DeckSlide } from './deck.ts'
import type { OutlineTitle } from './pdf/outline.ts'
import type { LinkDescriptions } from './pdf/tags.ts'
import path from 'node:path'
import process from 'node:process'
import { readRenderedSlides } from './check/rendered.ts'
import { titleAsShown } from './deck.ts'
import { declaredDiagrams } from './diagrams.ts'
import { mountSite } from './local-site.ts'

// How long the print view may go without rendering one more slide. A limit
// on progress, not on the whole: a long deck on a busy machine is slow, not stuck.
const STALL_TIMEOUT = 30_000

// Slidev shows a slide's loading placeholder only once its chunk has taken
// 300 ms to load (the `delay` of the slide's defineAsyncComponent); until
// then a loading slide renders nothing at all and looks ready. A slide is
// loading only while a request of the page is: so every slide counts as
// rendered once none shows the placeholder and no request has been open for
// this long (a loaded chunk renders its slide on the next frame), and at the
// latest after the placeholder's delay has passed.
const QUIET_PERIOD = 100
const POLL_MS = 50
const PLACEHOLDER_DELAY = 400

export interface PrintView {
  page: Page
  /** Size of one slide in CSS pixels, as the print view lays it out. */
  slideSize: { width: number, height: number }
  /** The smallest type of the slides' body text (paragraphs and list items of their Markdown), in CSS pixels. */
  bodyTextPx: number
  /** What the site's policy kept the page from loading from another host, and the slides that show it. */
  refused: RefusedLoad[]
}

/** An address the site's Content Security Policy refused, and the slides whose page content names it (none: a script or style of the deck's). */
export interface RefusedLoad {
  address: string
  slides: number[]
}

// Chromium's console message for a load its Content Security Policy refused names the address in quotes.
const REFUSED = /^(?:Refused to [^']*|Loading the [^']*)'([^']+)'/

/** The slides of the print view whose elements name these addresses, in an attribute or as a background. */
function slidesNaming(addresses: string[]): RefusedLoad[] {
  const containers = [
    ...document.querySelectorAll<HTMLElement>('.print-slide-container'),
  ]
  const names = (element: Element, address: string): boolean =>
    [...element.attributes].some(attribute => attribute.value.includes(address))
    || getComputedStyle(element).backgroundImage.includes(address)
  return addresses.map(address => ({
    address,
    slides: containers
      .filter(container => [
        container,
        ...container.querySelectorAll('*'),
      ].some(element => names(element, address)))
      .map(container => Number.parseInt(container.id, 10)),
  }))
}

/** The address of Slidev's print view in a site built with this router mode (as Slidev's own export opens it). */
export function printViewUrl(siteUrl: string, routerMode: DeckConfig['routerMode']): string {
  return routerMode === 'hash'
    ? `${siteUrl}?print=true#/print`
    : `${siteUrl}print?print=true`
}

/**
 * What still keeps the print view from being printed, in words: the work
 * Slidev's own export waits for once the slides are mounted.
 */
function pendingWork(declared: [number, number][]): string[] {
  const pending: string[] = []
  // A slide's container is named by its number (and its click, with clicks printed).
  const containers = [
    ...document.querySelectorAll('.print-slide-container'),
  ]
  for (const [no, count] of declared) {
    const drawn = containers
      .filter(container => Number.parseInt(container.id, 10) === no)
      .flatMap(container => [
        ...container.querySelectorAll('.mermaid'),
      ])
      .filter(host => host.shadowRoot?.querySelector('svg'))
      .length
    if (drawn < count)
      pending.push(`slide ${no} has drawn ${drawn} of its ${count} mermaid diagrams`)
  }
  // Each diagram is drawn into a scratch container, then into its slide's
  // shadow root; one whose drawing has not begun leaves the container empty
  // too, so look for the drawing in every slide.
  const diagrams = [
    ...document.querySelectorAll('.print-slide-container .mermaid'),
  ]
  if (document.querySelector('#mermaid-rendering-container div') || diagrams.some(host => !host.shadowRoot?.querySelector('svg')))
    pending.push('a mermaid diagram is not drawn')
  for (const element of document.querySelectorAll<HTMLElement>('[data-waitfor]')) {
    if (!element.querySelector(element.dataset.waitfor!))
      pending.push(`an element waits for "${element.dataset.waitfor}" (data-waitfor), which does not appear`)
  }
  if (document.getAnimations().some(animation =>
    animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity)) {
    pending.push('an animation is still running')
  }
  return pending
}

/**
 * Waits until nothing is pending (mermaid diagrams, `data-waitfor`, every
 * finite animation such as clicks and v-mark at its end state), then for
 * frames and fonts. Then hides mermaid's scratch container, as Slidev's
 * export does: it sits after the slides, and a diagram caught in it would
 * print as a page of its own.
 */
async function settle(page: Page, timeout: number, declared: [number, number][]): Promise<void> {
  const deadline = Date.now() + timeout
  for (let pending = await page.evaluate(pendingWork, declared); pending.length; pending = await page.evaluate(pendingWork, declared)) {
    if (Date.now() > deadline)
      throw new Error(`the slides did not settle within ${timeout / 1000} s: ${pending.join('; ')}`)
    await page.waitForTimeout(100)
  }
  await Promise.all(page.frames().map(frame => frame.waitForLoadState('load', { timeout })))
  await page.evaluate(async () => {
    document.getElementById('mermaid-rendering-container')?.style.setProperty('display', 'none')
    await document.fonts.ready
  })
}

/**
 * Keeps every worker the page starts, so that stopWorkers can end them. Runs
 * in the page before its own scripts (an init script), as a function of its own.
 */
function keepWorkers(): void {
  const started: Worker[] = []
  const PageWorker = window.Worker
  window.Worker = class extends PageWorker {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args)
      started.push(this)
    }
  }
  Object.defineProperty(window, '__kitStopWorkers', {
    value: () => started.splice(0).forEach(worker => worker.terminate()),
  })
}

/**
 * Ends the page's workers once the slides have settled: what prints is what
 * the slides showed then, in all four PDFs alike, and a worker can only
 * change that later. In a deck with Monaco's editors (`{monaco}` code) it is
 * also the print's largest waste: the language workers type-check every
 * editor of the print view for 15 s and more on every core while the PDFs
 * print, for squiggles that reach some PDFs and not others. Ended from the
 * page, since a worker in a long task answers nothing, not even a request to
 * close. A slide that waits for a worker's result says so with
 * `data-waitfor`, which settle() waits for.
 */
async function stopWorkers(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __kitStopWorkers: () => void }).__kitStopWorkers())
}

/**
 * Makes every slide one unbreakable piece of the printed page. Chromium
 * splits a slide's content at the page's edge like any flowing content:
 * a line or a drawing (an SVG, an image) that reaches past the bottom of
 * the slide, even by the few pixels below a diagram's baseline, moves whole
 * onto the next page, where the slide's clipping hides it. The browser
 * shows it, the PDF has a blank in its place; Slidev's own export loses it
 * the same way. Size containment (the slide's size is fixed anyway) makes
 * the slide monolithic (CSS Containment: such a box is not fragmented), so
 * what reaches past its edge is clipped there, as on screen.
 */
export const WHOLE_SLIDES_CSS = '.print-slide-container { contain: size }'

/**
 * Waits until all `total` slides of the print view have rendered, reporting
 * each step. `requests` must follow the page from before it started
 * loading: a slide's chunk requested before that is never seen as open.
 * Fails when `pageErrors` gets an entry or when no more slides render for
 * `STALL_TIMEOUT`.
 */
export async function waitForRenderedSlides(page: Page, requests: OpenRequests, total: number, onProgress: (ready: number) => void, pageErrors: readonly string[] = []): Promise<void> {
  let deadline = Date.now() + STALL_TIMEOUT
  let ready = 0
  let allReadySince: number | undefined
  const settled = (): boolean => allReadySince !== undefined && (
    Date.now() - allReadySince > PLACEHOLDER_DELAY
    || (!requests.open && Date.now() - Math.max(allReadySince, requests.lastClosed) > QUIET_PERIOD))
  while (!settled()) {
    if (pageErrors.length)
      throw new Error(`the deck threw in the browser: ${pageErrors.join('; ')}`)
    if (Date.now() > deadline)
      throw new Error(`only ${ready} of ${total} slides rendered; none more within ${STALL_TIMEOUT / 1000} s`)
    await page.waitForTimeout(POLL_MS)
    const { rendered, loading } = await page.evaluate(() => ({
      rendered: document.querySelectorAll('.print-slide-container').length,
      loading: document.querySelectorAll('.print-slide-container .slidev-slide-loading').length,
    }))
    if (rendered - loading !== ready) {
      ready = rendered - loading
      deadline = Date.now() + STALL_TIMEOUT
      onProgress(ready)
    }
    allReadySince = ready >= total && !loading
      ? allReadySince ?? Date.now()
      : undefined
  }
}

/** The requests a page has open, followed from before it starts loading: while one is, a slide may still be loading its chunk. */
export class OpenRequests {
  private readonly page: Page
  private readonly requests = new Set<Request>()
  /** When the last request closed. */
  lastClosed = Date.now()

  constructor(page: Page) {
    this.page = page
    page.on('request', this.opened)
    page.on('requestfinished', this.closed)
    page.on('requestfailed', this.closed)
  }

  get open(): number {
    return this.requests.size
  }

  stop(): void {
    this.page.off('request', this.opened)
    this.page.off('requestfinished', this.closed)
    this.page.off('requestfailed', this.closed)
  }

  private readonly opened = (request: Request): void => {
    this.requests.add(request)
  }

  private readonly closed = (request: Request): void => {
    this.requests.delete(request)
    this.lastClosed = Date.now()
  }
}

/**
 * Opens Slidev's print view (every slide, final click state) and waits until
 * each slide has rendered and settled. Errors thrown by the deck's own code
 * are collected and fail the export.
 */
export async function openPrintView(context: BrowserContext, url: string, slides: readonly DeckSlide[], onProgress: (ready: number) => void): Promise<PrintView> {
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', error => pageErrors.push(error.message))
  // Vue reports errors in components' render functions on the console, not as page errors.
  const refused = new Set<string>()
  page.on('console', (message) => {
    // A load the site's policy refused is reported with its slide and address, not as the browser words it.
    const address = REFUSED.exec(message.text())?.[1]
    if (address)
      refused.add(address)
    // A failed load is reported below, with its address.
    else if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 400)
      pageErrors.push(`${response.url()} answered ${response.status()} ${response.statusText()}`)
  })
  await page.addInitScript(keepWorkers)
  const requests = new OpenRequests(page)
  await page.goto(url, { waitUntil: 'load', timeout: 2 * STALL_TIMEOUT })
  await waitForRenderedSlides(page, requests, slides.length, onProgress, pageErrors)
  requests.stop()
  await settle(page, STALL_TIMEOUT, declaredDiagrams(slides))
  await stopWorkers(page)
  await page.addStyleTag({ content: WHOLE_SLIDES_CSS })
  if (pageErrors.length)
    throw new Error(`the deck threw in the browser: ${pageErrors.join('; ')}`)

  const slideSize = await page.locator('.print-slide-container').first().evaluate((element) => {
    const { width, height } = element.getBoundingClientRect()
    return { width, height }
  })
  // A slide's Markdown renders its paragraphs and lists straight into the
  // layout, or into one of its columns (`col-left`, `col-right`, …).
  const bodyTextPx = await page.evaluate(() => {
    const root = ':is(.slidev-layout, .slidev-layout > [class^="col-"])'
    const sizes = [
      // Markdown's own elements carry no class; a component's root element does.
      ...document.querySelectorAll(`${root} > p:not([class]), ${root} > :is(ul, ol):not([class]) > li`),
    ]
      .filter(element => element.textContent?.trim())
      .map(element => Number.parseFloat(getComputedStyle(element).fontSize))
    // Slidev's own default when a deck has no such text.
    return sizes.length
      ? Math.min(...sizes)
      : 16
  })
  return {
    page,
    slideSize,
    bodyTextPx,
    refused: await page.evaluate(slidesNaming, [...refused]),
  }
}

/** What needs the network, shown as a card (kit/network/) instead: by slide, the component and its address. */
export interface NetworkCard {
  slide: number
  component: string
  address: string
}

/** Reads the cards Slidev's network components print as, slide by slide, each once. */
export async function readNetworkCards(page: Page): Promise<NetworkCard[]> {
  return page.evaluate(() => {
    const cards = [
      ...document.querySelectorAll<HTMLElement>('#print-content > .print-slide-container [data-network]'),
    ].map(card => ({
      slide: Number.parseInt(card.closest('.print-slide-container')!.id, 10),
      component: card.dataset.network!,
      address: card.dataset.address!,
    }))
    return cards.filter((card, index) => cards.findIndex(other => JSON.stringify(other) === JSON.stringify(card)) === index)
  })
}

/** A PDF as Chromium printed it, with what its links said on the page and what its slides showed. */
export interface PrintedPdf {
  bytes: Uint8Array
  links: LinkDescriptions
  shown: PrintedSlides
  /** What the items of the outline Chromium made from the headings should say, in document order. */
  headings?: OutlineTitle[]
}

/**
 * What each link on the page says to a reader, by the address the PDF's link
 * annotation will carry: its title (a source marker's is the source's full
 * title), else its accessible label, else its text. Jumps within the page
 * are keyed `#name`, as the PDF names their destinations.
 */
export async function readLinkDescriptions(page: Page): Promise<LinkDescriptions> {
  return page.evaluate(() => {
    const descriptions: Record<string, string> = {}
    for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = anchor.getAttribute('href')!
      const key = href.startsWith('#')
        ? href
        : anchor.href
      const said = anchor.title || anchor.getAttribute('aria-label') || anchor.textContent?.replace(/\s+/g, ' ').trim()
      if (said && !descriptions[key])
        descriptions[key] = said
    }
    return descriptions
  })
}

/** Prints one slide a page, tagged, with no trailing blank page. */
export async function printSlides({ page, slideSize }: PrintView): Promise<PrintedPdf> {
  const style = await page.addStyleTag({
    content: `
      @page { size: ${slideSize.width}px ${slideSize.height}px; margin: 0 }
      /* Slidev breaks after every slide, the last one too: that would add a blank page. */
      #print-content > .print-slide-container:last-child { break-after: auto }
    `,
  })
  const links = await readLinkDescriptions(page)
  const shown = await readRenderedSlides(page, 'slides')
  const bytes = await page.pdf({
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
    outline: false,
  })
  await style.evaluate(element => (element as HTMLElement).remove())
  return {
    bytes,
    links,
    shown: {
      slides: shown.slides,
      layout: { kind: 'slides' },
      browserMs: shown.ms,
    },
  }
}

/** Source ids each slide shows, by slide number, read from the rendered slides. */
export type Citations = Record<number, string[]>

/** Reads which sources each printed slide cites, from the markers' data-source attributes. */
export async function readCitations(page: Page): Promise<Citations> {
  return page.evaluate(() => {
    const citations: Record<number, string[]> = {}
    for (const container of document.querySelectorAll('#print-content > .print-slide-container')) {
      const ids = [
        ...container.querySelectorAll('[data-source]'),
      ].map(element => element.getAttribute('data-source')!)
      citations[Number.parseInt(container.id, 10)] = [
        ...new Set(ids),
      ]
    }
    return citations
  })
}

/** One edition's print view, open in its own browser context, with the slides PDF printed from it. */
export interface OpenedEdition {
  view: PrintView
  slides: PrintedPdf
  citations: Citations
  networkCards: NetworkCard[]
  /** Throws, naming them, when the deck asked for anything from another host. */
  failOnBlocked: () => void
}

/** A browser context at the deck's canvas, the size Slidev lays each slide out at (as its own export sizes the page). */
export async function newPrintContext(browser: Browser, { canvasWidth, aspectRatio }: DeckConfig): Promise<BrowserContext> {
  return browser.newContext({
    viewport: {
      width: canvasWidth,
      height: Math.round(canvasWidth / aspectRatio),
    },
    colorScheme: 'light',
  })
}

/** The texts of each printed slide's headings, as drawn, by slide number. */
async function readHeadings(page: Page): Promise<Map<number, string[]>> {
  return new Map(await page.evaluate(() => [
    ...document.querySelectorAll<HTMLElement>('#print-content > .print-slide-container'),
  ].map(container => [
    Number.parseInt(container.id, 10),
    [
      ...container.querySelectorAll('h1, h2, h3, h4, h5, h6'),
    ].map(heading => heading.textContent ?? ''),
  ] as [number, string[]])))
}

/**
 * Opens an edition's print view from the built site (served from disk,
 * nothing else reachable) at the deck's own canvas, and prints the slides.
 */
export async function openEdition(browser: Browser, deck: Deck, siteDir: string, base: string, folder: string, onProgress: (ready: number) => void): Promise<OpenedEdition> {
  const context = await newPrintContext(browser, deck.config)
  const site = await mountSite(context, siteDir, base)
  const failOnBlocked = (): void => {
    if (site.blocked.length)
      throw new Error(`the deck tried to load from outside this machine:\n  ${site.blocked.join('\n  ')}`)
  }
  const url = `${site.url}${folder
    ? `${folder}/`
    : ''}`
  const view = await openPrintView(context, printViewUrl(url, deck.config.routerMode), deck.slides, onProgress)
  if (view.refused.length) {
    const where = (no: number): string => {
      const slide = deck.slides[no - 1]
      return slide
        ? `slide ${no} "${slide.title}" in ${path.relative(process.cwd(), slide.file)}`
        : `slide ${no}`
    }
    throw new Error(`the deck tried to load from another host, which the site's policy refuses:\n  ${view.refused.map(({ address, slides }) => `${slides.length
      ? slides.map(where).join(', ')
      : `no slide (a script or stylesheet of the deck, its theme or an addon; ${path.relative(process.cwd(), deck.root) || '.'}/)`}: ${address}`).join('\n  ')}\nCopy what it loads into public/ and refer to it by its path there.`)
  }
  const slides = await printSlides(view)
  failOnBlocked()
  titleAsShown(deck.slides, await readHeadings(view.page))
  return {
    view,
    slides,
    citations: await readCitations(view.page),
    networkCards: await readNetworkCards(view.page),
    failOnBlocked,
  }
}
