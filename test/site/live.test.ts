import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-chromium'
import type { LiveServer } from '../../kit/scripts/live/server.ts'
import type { SiteEdition, Watch } from './browser.ts'
import jsQR from 'jsqr'
import { chromium, devices } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { labelsFor } from '../../kit/i18n/index.ts'
import { startLiveServer } from '../../kit/scripts/live/server.ts'
import { newKey } from '../../kit/scripts/live/speaker.ts'
import { heard, recordAnnouncements } from './announcements.ts'
import { loadEditions, parseSlideHash, POLL, tap, VIEWPORT, WAIT_MS, watchContext } from './browser.ts'

// The talk presented live (npm run present): a presenter view with the key
// drives, and two phones from Playwright's device list (one in each
// edition) and a laptop in the room follow it, through the live server and
// the built site as the test run exported it. The server runs in this
// process, on loopback, so that the test can restart it and read its log.

const editions = await loadEditions()
const [english, german] = editions as [SiteEdition, SiteEdition]
const base = inject('base')
const siteDir = inject('siteDir')

/** A phone from Playwright's device list, less the browser it names: the tests run Chromium. */
function phone(name: string): BrowserContextOptions {
  const { defaultBrowserType: _, ...profile } = devices[name]!
  return profile
}

/** The slide the reader is reading, by the reader's own rule: the last entry whose top has reached the upper 30 % of the screen. */
function readerSlide(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    let reading: number | undefined
    for (const entry of document.querySelectorAll<HTMLElement>('.kit-reader-entry')) {
      if (entry.getBoundingClientRect().top <= window.innerHeight * 0.3)
        reading = Number(entry.dataset.slide)
    }
    return reading
  })
}

/** The slide a play or presenter view shows, from its address. */
function shownSlide(page: Page, edition: SiteEdition = english): number | undefined {
  return parseSlideHash(new URL(page.url()).hash, edition.deck)?.no
}

describe('presenting live to the room', () => {
  const key = newKey()
  const logged: string[] = []
  let server: LiveServer
  let port = 0
  let browser: Browser
  const contexts: { context: BrowserContext, watch: Watch }[] = []
  let presenter: Page
  let englishPhone: Page
  let germanPhone: Page
  let laptop: Page

  async function startServer(): Promise<void> {
    server = await startLiveServer({
      siteDir,
      base,
      key,
      host: '127.0.0.1',
      port,
      audienceUrl: port
        ? `http://127.0.0.1:${port}${base}`
        : undefined,
      log: message => logged.push(message),
    })
    port = server.port
  }

  async function open(options: BrowserContextOptions = { viewport: VIEWPORT }): Promise<Page> {
    const context = await browser.newContext(options)
    context.setDefaultTimeout(WAIT_MS)
    context.setDefaultNavigationTimeout(WAIT_MS)
    contexts.push({ context, watch: await watchContext(context, `http://127.0.0.1:${port}`) })
    return context.newPage()
  }

  function address(path: string): string {
    return `http://127.0.0.1:${port}${base}${path}`
  }

  /**
   * Steps the presenter view with the arrow keys until it shows slide `no`
   * (this deck's slides have no click steps), from the slide area, as a
   * speaker who clicked a button of the bar clicks into the slides first:
   * Slidev's keys do nothing while a button has the focus.
   */
  async function presenterTo(page: Page, no: number): Promise<void> {
    await page.locator('#slide-container').focus()
    // One key at a time, each awaited: a second press before the first has
    // shown would overshoot on a busy machine, and the room would hear it.
    for (let at = shownSlide(page); at !== no; at = shownSlide(page)) {
      await tap(page, at! < no
        ? 'ArrowRight'
        : 'ArrowLeft')
      await expect.poll(() => shownSlide(page), POLL).not.toBe(at)
    }
  }

  async function expectRoomAt(no: number, pages = [englishPhone, germanPhone]): Promise<void> {
    for (const page of pages) {
      await expect.poll(() => page === laptop
        ? shownSlide(page)
        : readerSlide(page), {
        ...POLL,
        message: page.url(),
      }).toBe(no)
    }
  }

  beforeAll(async () => {
    // A first start finds a free port; the room's address names it from then on.
    await startServer()
    await server.close()
    await startServer()
    // The test run's one Chromium (test/setup/export.ts); closing this connection closes only its contexts.
    browser = await chromium.connect(inject('browserEndpoint'), { timeout: WAIT_MS })
    presenter = await open()
    await presenter.goto(address(`#/presenter/1?live-key=${key}`))
    await presenter.locator('.kit-live-controls', { hasText: labelsFor('en').live.driving }).waitFor({ timeout: WAIT_MS })
    englishPhone = await open(phone('iPhone 13'))
    await englishPhone.goto(address(''))
    germanPhone = await open(phone('Galaxy S8'))
    await germanPhone.goto(address('de/'))
    laptop = await open()
    await recordAnnouncements(laptop)
    await laptop.goto(address(''))
    for (const page of [englishPhone, germanPhone])
      await page.locator('.kit-reader-entry').first().waitFor({ timeout: WAIT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('keeps the key out of the presenter view\'s address, and the audience pages in the reader and the slides', async () => {
    await expect.poll(() => presenter.url(), POLL).not.toContain(key)
    expect(shownSlide(presenter)).toBe(1)
    await expect.poll(() => englishPhone.url(), POLL).toContain('#/reader')
    await expect.poll(() => germanPhone.evaluate(() => document.documentElement.lang), POLL).toBe('de')
    expect(laptop.url()).not.toContain('reader')
  })

  it('moves every phone and the laptop with the speaker, each in its own edition', async () => {
    await presenterTo(presenter, 4)
    await expectRoomAt(4, [englishPhone, germanPhone, laptop])
    await presenterTo(presenter, 6)
    await expectRoomAt(6, [englishPhone, germanPhone, laptop])
    // The German phone reads the German slide, the English one the English slide.
    const title = (page: Page): Promise<string> => page.locator('.kit-reader-entry[data-slide="6"] .kit-reader-heading').textContent().then(text => text ?? '')
    expect(await title(germanPhone)).toContain(german.deck.slides[5]!.title)
    expect(await title(englishPhone)).toContain(english.deck.slides[5]!.title)
    expect(server.position()).toEqual({ slide: 6, clicks: 0 })
  })

  it('tells a screen reader on the laptop each slide the speaker moves to, once', async () => {
    const said = (no: number): string => `${labelsFor('en').slideOf(no, english.deck.slides.length)}: ${english.deck.slides[no - 1]!.title}`
    // The slide the room is at has been said before the count starts: its announcement may come after the address changed.
    await expect.poll(async () => (await heard(laptop)).at(-1), POLL).toBe(said(6))
    const before = (await heard(laptop)).length
    await presenterTo(presenter, 7)
    await expect.poll(async () => (await heard(laptop)).slice(before), POLL).toEqual([
      said(7),
    ])
    await presenterTo(presenter, 6)
    await expect.poll(async () => (await heard(laptop)).slice(before), POLL).toEqual([
      said(7),
      said(6),
    ])
    // Nothing more is said while the room waits on the speaker.
    await laptop.waitForTimeout(1500)
    expect((await heard(laptop)).slice(before)).toEqual([
      said(7),
      said(6),
    ])
  })

  it('lands a late arrival on the speaker\'s slide', async () => {
    const late = await open(phone('Pixel 7'))
    await late.goto(address(''))
    await expect.poll(() => readerSlide(late), POLL).toBe(6)
    await late.context().close()
  })

  it('lets a reader who scrolls away stay there, and brings them back live when they ask', async () => {
    await englishPhone.mouse.wheel(0, -3000)
    const back = englishPhone.getByRole('button', {
      name: labelsFor('en').live.backToLive(6),
    })
    await back.waitFor({ timeout: WAIT_MS })
    const away = await readerSlide(englishPhone)
    expect(away).toBeLessThan(6)
    await presenterTo(presenter, 7)
    await expectRoomAt(7, [germanPhone, laptop])
    // Still where they read, offered the slide the speaker is at now.
    await englishPhone.getByRole('button', {
      name: labelsFor('en').live.backToLive(7),
    }).waitFor({ timeout: WAIT_MS })
    expect(await readerSlide(englishPhone)).toBe(away)
    await englishPhone.getByRole('button', {
      name: labelsFor('en').live.backToLive(7),
    }).tap()
    await expectRoomAt(7, [englishPhone])
    await expect.poll(() => englishPhone.locator('.kit-live-bar').count(), POLL).toBe(0)
    // And follows again.
    await presenterTo(presenter, 8)
    await expectRoomAt(8, [englishPhone, germanPhone, laptop])
  })

  it('resumes every page by itself when the server restarts, at the speaker\'s slide', async () => {
    await server.close()
    await germanPhone.locator('.kit-live-lost').waitFor({ timeout: WAIT_MS })
    expect(await germanPhone.locator('.kit-live-lost').textContent()).toContain(labelsFor('de').live.reconnecting)
    // The speaker goes on while the room is cut off.
    await presenterTo(presenter, 9)
    await startServer()
    await expect.poll(() => server.position(), POLL).toEqual({ slide: 9, clicks: 0 })
    await expectRoomAt(9, [englishPhone, germanPhone, laptop])
    await expect.poll(() => germanPhone.locator('.kit-live-bar').count(), POLL).toBe(0)
  })

  it('lets no view with a wrong key drive', async () => {
    const intruder = await open()
    await intruder.goto(address(`#/presenter/1?live-key=${newKey()}`))
    await expect.poll(() => intruder.locator('.kit-live-controls').textContent(), POLL).toContain(labelsFor('en').live.wrongKey)
    await presenterTo(intruder, 3)
    expect(logged).toContain('Live: a page offered a wrong key.')
    // Its own view moved; the room did not.
    expect(server.position()).toEqual({ slide: 9, clicks: 0 })
    await expectRoomAt(9, [englishPhone, laptop])
    await intruder.context().close()
  })

  it('lets the speaker\'s phone step the presenter view that drives, from the QR code it shows', async () => {
    await presenter.getByRole('button', { name: labelsFor('en').live.remote }).click()
    const svg = await presenter.locator('.kit-live-remote-qr svg').evaluate(element => element.outerHTML)
    // The QR code drawn into a canvas in the page and read back by a decoder the kit does not draw with.
    const pixels = await presenter.evaluate(async (markup) => {
      const image = new Image()
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup.replace('<svg ', '<svg width="400" height="400" '))}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = 400
      canvas.height = 400
      const context = canvas.getContext('2d')!
      context.fillStyle = '#fff'
      context.fillRect(0, 0, 400, 400)
      context.drawImage(image, 0, 0, 400, 400)
      return [
        ...context.getImageData(0, 0, 400, 400).data,
      ]
    }, svg)
    const remoteAddress = jsQR(new Uint8ClampedArray(pixels), 400, 400)?.data
    expect(remoteAddress).toBe(address(`#/remote?live-key=${key}`))
    const remote = await open(phone('Pixel 7'))
    await remote.goto(remoteAddress!)
    const next = remote.getByRole('button', { name: labelsFor('en').live.next })
    await expect.poll(() => next.isEnabled(), POLL).toBe(true)
    await expect.poll(() => remote.getByRole('heading').textContent(), POLL).toContain('Slide 9 of')
    await next.tap()
    await expect.poll(() => shownSlide(presenter), POLL).toBe(10)
    await expectRoomAt(10, [englishPhone, germanPhone, laptop])
    await remote.getByRole('button', { name: labelsFor('en').live.prev }).tap()
    await expect.poll(() => shownSlide(presenter), POLL).toBe(9)
    await expectRoomAt(9, [englishPhone, laptop])
    await remote.context().close()
  })

  it('hands the room from one presenter view to another only by an explicit take-over', async () => {
    const second = await open()
    await second.goto(address(`#/presenter/2?live-key=${key}`))
    const labels = labelsFor('en').live
    await expect.poll(() => second.locator('.kit-live-controls').textContent(), POLL).toContain(labels.otherDrives(9))
    // Before taking over, its moves are its own.
    await presenterTo(second, 3)
    expect(server.position()).toEqual({ slide: 9, clicks: 0 })
    await second.getByRole('button', { name: labels.takeOver }).click()
    // It takes over where the room is, then drives.
    await expect.poll(() => second.locator('.kit-live-controls').textContent(), POLL).toContain(labels.driving)
    await expect.poll(() => shownSlide(second), POLL).toBe(9)
    await expect.poll(() => presenter.locator('.kit-live-controls').textContent(), POLL).toContain(labels.otherDrives(9))
    await presenterTo(second, 11)
    await expectRoomAt(11, [englishPhone, germanPhone, laptop])
    // The first view no longer drives.
    await presenterTo(presenter, 12)
    expect(server.position()).toEqual({ slide: 11, clicks: 0 })
    // And takes the room back.
    await presenter.getByRole('button', { name: labels.takeOver }).click()
    await expect.poll(() => presenter.locator('.kit-live-controls').textContent(), POLL).toContain(labels.driving)
    await presenterTo(presenter, 12)
    await expectRoomAt(12, [englishPhone, germanPhone, laptop])
    await second.context().close()
  })

  it('drops a malformed message sent from a page, and serves on', async () => {
    const before = logged.length
    await englishPhone.evaluate(async (url) => {
      const socket = new WebSocket(url)
      await new Promise(resolve => socket.addEventListener('open', resolve))
      socket.send('{"type":"go","slide":"all"}')
      socket.send('{"type":"go","slide":2,"clicks":0}')
      socket.send('x'.repeat(2000))
      await new Promise(resolve => setTimeout(resolve, 500))
      socket.close()
    }, `ws://127.0.0.1:${port}${base}_live`)
    await expect.poll(() => logged.slice(before), POLL).toEqual([
      'Live: dropped a malformed go message.',
      'Live: dropped a go message from a page without the key.',
      'Live: dropped a message of 2000 bytes (at most 512).',
    ])
    await presenterTo(presenter, 13)
    await expectRoomAt(13, [englishPhone, germanPhone, laptop])
  })

  it('stays within the site\'s security policy and asks nothing of any other host', () => {
    for (const { watch } of contexts) {
      expect(watch.violations).toEqual([])
      expect(watch.outside).toEqual([])
    }
  })
})

describe('presenting live a starter-style deck (history routing, clicks)', () => {
  const key = newKey()
  let server: LiveServer
  let browser: Browser

  /** Slide and click step of a history-routed address: `/2?clicks=1`, `/presenter/2?clicks=1`. */
  function position(page: Page): string {
    const url = new URL(page.url())
    return `${url.pathname.split('/').at(-1)}.${url.searchParams.get('clicks') ?? 0}`
  }

  beforeAll(async () => {
    server = await startLiveServer({
      siteDir: inject('starter').siteDir,
      key,
      host: '127.0.0.1',
      port: 0,
      log: () => {},
    })
    // The test run's one Chromium (test/setup/export.ts); closing this connection closes only its contexts.
    browser = await chromium.connect(inject('browserEndpoint'), { timeout: WAIT_MS })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('moves the room\'s slides click step by click step', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT })
    context.setDefaultTimeout(WAIT_MS)
    const presenter = await context.newPage()
    await presenter.goto(`http://127.0.0.1:${server.port}/presenter/2?live-key=${key}`)
    await presenter.locator('.kit-live-controls', { hasText: labelsFor('en').live.driving }).waitFor({ timeout: WAIT_MS })
    const room = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
    await room.goto(`http://127.0.0.1:${server.port}/`)
    await expect.poll(() => position(room), POLL).toBe('2.0')
    await presenter.locator('#slide-container').focus()
    for (const step of ['2.1', '2.2', '2.3']) {
      await tap(presenter, 'ArrowRight')
      await expect.poll(() => position(presenter), POLL).toBe(step)
      await expect.poll(() => position(room), POLL).toBe(step)
      expect(server.position()).toEqual({
        slide: 2,
        clicks: Number(step.split('.')[1]),
      })
    }
    await tap(presenter, 'ArrowLeft')
    await expect.poll(() => position(room), POLL).toBe('2.2')
    await room.context().close()
    await context.close()
  })
})
