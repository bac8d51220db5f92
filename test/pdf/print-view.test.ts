import type { Browser } from 'playwright-chromium'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { launchBrowser } from '../../kit/scripts/launch.ts'
import { mountSite } from '../../kit/scripts/local-site.ts'
import { newPrintContext, openPrintView, printSlides, printViewUrl } from '../../kit/scripts/print.ts'
import { openPdf, pageTexts, readPdf, squash } from '../../kit/test/pdf.ts'

// The print view on a slow network: every script loaded after the page
// (each slide's chunk, mermaid's diagram code) arrives late. Slidev shows no
// loading placeholder for a slide's first 300 ms, and mermaid draws in a
// scratch container after the slides; printed too early, a slide comes out
// empty and a half-drawn diagram as a page of its own. Before the print
// view waited for both, this printed 29 pages for 28 slides.

const starter = inject('starter')
const deck = await loadDeck(starter.entry)

/** Holds back each matching request by `ms` before it is served. */
function delay(ms: number) {
  return async (route: { fallback: () => Promise<void> }): Promise<void> => {
    await new Promise(resolve => setTimeout(resolve, ms))
    await route.fallback()
  }
}

describe('the print view of a deck whose scripts load slowly', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it.for([150, 290, 600])('waits %i ms for each slide and for the mermaid diagram, and prints one page a slide', async (ms) => {
    const context = await newPrintContext(browser, deck.config)
    try {
      const site = await mountSite(context, starter.siteDir, '/')
      let loaded = false
      await context.route(/\.js$/, async (route) => {
        await (loaded
          ? delay(ms)(route)
          : route.fallback())
      })
      await context.route(/flowDiagram/, delay(3000))
      context.on('page', page => page.once('load', () => {
        loaded = true
      }))
      const view = await openPrintView(context, printViewUrl(site.url, deck.config.routerMode), deck.slides, () => {})
      const { bytes } = await printSlides(view)
      const pdf = await readPdf(bytes)
      expect(pdf.numPages).toBe(deck.slides.length)
      const texts = await pageTexts(pdf)
      const diagrams = deck.slides.find(slide => slide.title === 'Diagrams')!
      expect(squash(texts[diagrams.no - 1]!)).toContain(squash('Mermaid decision'))
      // Every page as the run's export printed it at full speed.
      expect(texts).toEqual(await pageTexts(await openPdf(path.join(starter.exportDir, 'starter-slides.pdf'))))
    }
    finally {
      await context.close()
    }
  })
})
