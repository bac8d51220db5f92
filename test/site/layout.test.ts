import type { Page } from 'playwright-chromium'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadTalk, useExportedSite } from './browser.ts'

// The brief's limits, in CSS pixels of the 980 px canvas: body text, and the
// small print (source markers and source lines, the sources slides' entries,
// footers), which components mark with .kit-small-print.
const MIN_TEXT_PX = 14
const MIN_SMALL_PRINT_PX = 11
const SMALL_PRINT = '.kit-source-mark, .kit-sources, .kit-small-print, footer'

interface SlideReport {
  no: number
  /** Elements that reach past the slide's edges, with how far. */
  overflowing: string[]
  /** Visible text smaller than its limit, with its size. */
  tooSmall: string[]
}

/** Measures every slide of the print view, where each slide is laid out at its canvas size. */
async function measureSlides(page: Page): Promise<SlideReport[]> {
  return page.evaluate(({ minText, minSmall, smallPrint }) => {
    const describe = (element: Element): string => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)
      return `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> "${text}"`
    }
    const visible = (element: Element): boolean => {
      const style = getComputedStyle(element)
      const box = element.getBoundingClientRect()
      return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 && box.width > 0 && box.height > 0
    }
    return [
      ...document.querySelectorAll('#print-content > .print-slide-container'),
    ].map((container) => {
      const slide = container.getBoundingClientRect()
      const overflowing: string[] = []
      const tooSmall: string[] = []
      for (const element of container.querySelectorAll('.slidev-page *')) {
        if (!visible(element))
          continue
        const box = element.getBoundingClientRect()
        const past = Math.max(slide.left - box.left, box.right - slide.right, slide.top - box.top, box.bottom - slide.bottom)
        if (past > 1)
          overflowing.push(`${describe(element)} by ${past.toFixed(0)}px`)
        const ownText = [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())
        if (!ownText)
          continue
        // SVG text is scaled with its drawing: its size on the slide is font size × the drawing's scale.
        const scale = element instanceof SVGGraphicsElement
          ? (element.getScreenCTM()?.a ?? 1)
          : 1
        const size = Number.parseFloat(getComputedStyle(element).fontSize) * scale
        const limit = element.closest(smallPrint)
          ? minSmall
          : minText
        if (size < limit - 0.05)
          tooSmall.push(`${describe(element)} at ${size.toFixed(1)}px (limit ${limit}px)`)
      }
      return {
        no: Number.parseInt(container.id, 10),
        overflowing,
        tooSmall,
      }
    })
  }, { minText: MIN_TEXT_PX, minSmall: MIN_SMALL_PRINT_PX, smallPrint: SMALL_PRINT })
}

const deck = await loadTalk()
const session = useExportedSite()
let reports: SlideReport[]

beforeAll(async () => {
  const { page } = await session.open({
    viewport: { width: 980, height: 552 },
    colorScheme: 'light',
  })
  await page.goto(`${session.site.url}?print=true#/print`)
  await page.locator('#print-content > .print-slide-container').nth(deck.slides.length - 1).waitFor()
  await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading'))
  await page.evaluate(() => document.fonts.ready)
  reports = await measureSlides(page)
})

describe('every slide, at the 980 px canvas', () => {
  it('is measured', () => {
    expect(reports.map(report => report.no)).toEqual(deck.slides.map(slide => slide.no))
  })

  it.each(deck.slides.map(slide => [slide.no, slide.title] as const))('slide %i "%s" keeps everything inside the slide', (no) => {
    expect(reports.find(report => report.no === no)!.overflowing).toEqual([])
  })

  it.each(deck.slides.map(slide => [slide.no, slide.title] as const))('slide %i "%s" has no text below the size limits', (no) => {
    expect(reports.find(report => report.no === no)!.tooSmall).toEqual([])
  })
})
