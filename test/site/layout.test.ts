import type { Page } from 'playwright-chromium'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEditions, showPrintView, useExportedSite } from './browser.ts'

// The brief's limits, in CSS pixels of the 980 px canvas: body text, and the
// small print (source markers and source lines, the sources slides' entries,
// footers), which components mark with .talk-small-print.
const MIN_TEXT_PX = 14
const MIN_SMALL_PRINT_PX = 11
const SMALL_PRINT = '.talk-source-mark, .talk-sources, .talk-small-print, footer'

/*
 * How much of a content slide's usable height (inside the layout's padding)
 * its content must span, from the top of the headline to the bottom of the
 * last element. The brief asks that content fill the slide rather than its
 * top third; at two thirds the content reaches into the slide's lower third
 * however short the body is, while a slide may still keep a margin of air
 * above and below a centred body.
 */
const MIN_FILL = 2 / 3
/** The assertion-evidence headline: a sentence of at most two lines. */
const MAX_HEADLINE_LINES = 2

// Part dividers are a headline alone, centred by design; the cover spans the
// slide with its footer. Every other slide is measured.
const UNMEASURED_LAYOUTS = new Set(['section', 'cover'])

interface SlideReport {
  no: number
  /** Elements that reach past the slide's edges, with how far. */
  overflowing: string[]
  /** Visible text smaller than its limit, with its size. */
  tooSmall: string[]
  /** The share of the layout's usable height that its visible children span, headline to last element. */
  fill: number
  /** Lines of the slide's headline (h1). */
  headlineLines: number
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
      const layout = container.querySelector('.slidev-layout')!
      const layoutStyle = getComputedStyle(layout)
      const usableTop = layout.getBoundingClientRect().top + Number.parseFloat(layoutStyle.paddingTop)
      const usable = layout.clientHeight - Number.parseFloat(layoutStyle.paddingTop) - Number.parseFloat(layoutStyle.paddingBottom)
      const children = [...layout.children].filter(visible).map(child => child.getBoundingClientRect())
      const top = Math.min(...children.map(box => box.top))
      const bottom = Math.max(...children.map(box => box.bottom))
      const headline = layout.querySelector('h1')
      let headlineLines = 0
      if (headline) {
        const style = getComputedStyle(headline)
        const textHeight = headline.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom)
        headlineLines = Math.round(textHeight / Number.parseFloat(style.lineHeight))
      }
      return {
        no: Number.parseInt(container.id, 10),
        overflowing,
        tooSmall,
        fill: children.length
          ? (bottom - Math.min(top, usableTop + usable)) / usable
          : 0,
        headlineLines,
      }
    })
  }, { minText: MIN_TEXT_PX, minSmall: MIN_SMALL_PRINT_PX, smallPrint: SMALL_PRINT })
}

describe.each(await loadEditions())('the $lang edition', ({ deck, folder }) => {
  const session = useExportedSite(folder)
  let reports: SlideReport[]

  beforeAll(async () => {
    const { page } = await session.open({
      viewport: { width: 980, height: 552 },
      colorScheme: 'light',
    })
    await showPrintView(page, session.site, deck.slides.length)
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

    it.each(deck.slides.map(slide => [slide.no, slide.title] as const))(`slide %i "%s" states its point in at most ${MAX_HEADLINE_LINES} lines`, (no) => {
      expect(reports.find(report => report.no === no)!.headlineLines).toBeLessThanOrEqual(MAX_HEADLINE_LINES)
    })

    it.each(deck.slides.filter(slide => !UNMEASURED_LAYOUTS.has(slide.layout)).map(slide => [slide.no, slide.title] as const))(`content slide %i "%s" fills at least ${Math.round(MIN_FILL * 100)} % of its height`, (no) => {
      const { fill } = reports.find(report => report.no === no)!
      expect(fill, `content spans ${Math.round(fill * 100)} % of the usable height`).toBeGreaterThanOrEqual(MIN_FILL)
    })
  })
})
