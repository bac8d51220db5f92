import type { PdfCheck } from '../scripts/check/check.ts'
import type { Placement } from '../scripts/check/compare.ts'
import type { PageContent, PageDrawing } from '../scripts/check/pdf-content.ts'
import type { RenderedSlide } from '../scripts/check/rendered.ts'
import { clip, closePath, endPath, fill, lineTo, moveTo, PDFDocument, popGraphicsState, pushGraphicsState, rectangle, StandardFonts } from '@pdfme/pdf-lib'
import { describe, expect, it } from 'vitest'
import { comparable, compareSlide } from '../scripts/check/compare.ts'
import { PdfReader } from '../scripts/check/pdf-content.ts'
import { describeLoss, describeLosses } from '../scripts/check/report.ts'

// The page check's reading of a PDF, on one pdf-lib writes, and its
// comparison, on made-up pages: what a slide showed in the browser against
// what a PDF page holds. The end-to-end tests (test/pdf/page-check.test.ts)
// run both on real prints and read those back with pdf.js and poppler too.

/** A slide of 800 × 450 CSS pixels printed at 0.75 points a pixel, one a page. */
const PLACEMENT: Placement = { left: 0, top: 0, scale: 0.75 }

function slide(texts: string[], drawings: RenderedSlide['drawings'] = []): RenderedSlide {
  return {
    no: 3,
    frame: { x: 0, y: 0, width: 800, height: 450 },
    texts,
    undrawable: [],
    drawings,
  }
}

function page(texts: string[], drawings: PageDrawing[] = []): PageContent {
  return {
    width: 600,
    height: 337.5,
    texts: texts.map((text, index) => ({ text, x: 20, y: 20 + index * 12 })),
    drawings,
  }
}

/** Something painted on the page, in points from its top-left corner. */
function painted(left: number, top: number, right: number, bottom: number, raster = false): PageDrawing {
  return {
    box: { left, top, right, bottom },
    raster,
  }
}

/** The slide's background, as Chromium paints it: a rectangle as large as the page. */
const BACKGROUND: PageDrawing = painted(0, 0, 600, 337.5)

/** A drawing in the middle of the slide, 200 × 100 CSS pixels at (300, 175): 150 × 75 points at (225, 131.25). */
const DIAGRAM = {
  what: 'a mermaid diagram (flowchart-v2)',
  raster: false,
  box: {
    x: 300,
    y: 175,
    width: 200,
    height: 100,
  },
}

describe('text as the page check compares it', () => {
  it('is read past white space, hyphenation, ligatures, typographic apostrophes and case', () => {
    expect(comparable('Ring’s of\uFB01ce')).toBe(comparable('RING\u02BCS  OF-\nFICE'))
    expect(comparable('„Patenschaften“')).toBe(comparable('"PATENSCHAFTEN"'))
    expect(comparable('Straße')).toBe(comparable('STRASSE'))
  })

  it('is read past the space beside an emoji and its variation selector, as a PDF may hold either', () => {
    expect(comparable('⚠️ But it\'s not SSR compatible!')).toBe(comparable('⚠But it\'s not SSR compatible!'))
  })

  it('still tells other words apart', () => {
    expect(comparable('Result 1')).not.toBe(comparable('Result 2'))
    expect(comparable('Neutral')).not.toBe(comparable('Neural'))
  })
})

describe('a slide compared with its place in a PDF', () => {
  it('holds text the PDF has, even split into runs at other places and in another order', () => {
    const shown = slide(['Police promoted Ring’s app', 'Residents', 'download it'])
    const printed = page([
      'Police promoted Ring',
      'ʼ',
      's app',
      'download',
      'it',
      'Residents',
    ])
    expect(compareSlide(shown, printed, PLACEMENT)).toEqual({ texts: [], drawings: [] })
  })

  it('lacks a label the PDF has only inside a longer run, once that run is matched', () => {
    const shown = slide([
      'Two diagrams on one slide',
      'One',
      'Two',
      'Decision',
    ])
    const printed = page(['Two diagrams on one slide'])
    expect(compareSlide(shown, printed, PLACEMENT).texts).toEqual(['One', 'Two', 'Decision'])
  })

  it('lacks a repeated label the PDF holds only once', () => {
    const lost = compareSlide(slide(['Yes', 'Yes']), page(['Yes']), PLACEMENT)
    expect(lost.texts).toEqual(['Yes'])
  })

  it('looks for text only at the slide\'s own place on the page', () => {
    const onPaper: RenderedSlide = {
      ...slide(['Slide text']),
      frame: {
        x: 0,
        y: 200,
        width: 400,
        height: 225,
      },
    }
    // The same words as a heading above the slot do not count.
    const printed = {
      ...page([]),
      texts: [
        { text: 'Slide text', x: 20, y: 100 },
      ],
    }
    expect(compareSlide(onPaper, printed, PLACEMENT).texts).toEqual(['Slide text'])
    printed.texts.push({ text: 'Slide text', x: 20, y: 200 })
    expect(compareSlide(onPaper, printed, PLACEMENT).texts).toEqual([])
  })

  it('holds a drawing where a path is painted inside its box', () => {
    const path = painted(240, 140, 300, 170)
    expect(compareSlide(slide([], [DIAGRAM]), page([], [BACKGROUND, path]), PLACEMENT).drawings).toEqual([])
  })

  it('lacks a drawing where only the slide\'s background, a larger box or something beside it is painted', () => {
    const card = painted(200, 100, 400, 250)
    const beside = painted(400, 140, 450, 170)
    const lost = compareSlide(slide([], [DIAGRAM]), page([], [BACKGROUND, card, beside]), PLACEMENT)
    expect(lost.drawings).toEqual(['a mermaid diagram (flowchart-v2)'])
    expect(describeLoss(lost)).toBe('a mermaid diagram (flowchart-v2)')
  })

  it('holds a bitmap only where an image is painted over it', () => {
    const photo = { what: 'the image photo.png', raster: true, box: DIAGRAM.box }
    const path = painted(240, 140, 300, 170)
    expect(compareSlide(slide([], [photo]), page([], [path]), PLACEMENT).drawings).toEqual(['the image photo.png'])
    // An image cropped by its box (object-fit: cover) is larger than the box, and still the image.
    const image = painted(200, 100, 400, 250, true)
    expect(compareSlide(slide([], [photo]), page([], [image]), PLACEMENT).drawings).toEqual([])
  })

  it('says what a slide lost: its text, then its drawings', () => {
    expect(describeLoss({
      texts: ['Neutral text', 'One'],
      drawings: ['a mermaid diagram (flowchart-v2)'],
    }))
      .toBe('the text "Neutral text", "One" and a mermaid diagram (flowchart-v2)')
  })

  it('says each thing once: a drawing repeated on a slide with its count, PDFs that lack the same together', () => {
    const slides = [
      {
        no: 3,
        title: 'Ref',
        titleSource: 'Ref',
        note: '',
        layout: 'default',
        content: '',
        file: 'slides.md',
        frontmatter: {},
      },
    ]
    const squiggles = {
      texts: [],
      drawings: ['the background image (inline SVG) (.squiggly-error)', 'the background image (inline SVG) (.squiggly-error)'],
    }
    const check = (page: number): PdfCheck => ({
      slides: 1,
      texts: 0,
      drawings: 2,
      losses: [
        { slide: 3, page, ...squiggles },
      ],
      undrawable: [],
      browserMs: 0,
      pdfMs: 0,
    })
    expect(describeLosses(slides, [
      {
        kind: 'overview',
        check: check(1),
      },
      {
        kind: 'script',
        check: check(4),
      },
    ]))
      .toEqual(['slide 3 "Ref" in slides.md: the overview and script PDFs (pages 1, 4) lack 2 × the background image (inline SVG) (.squiggly-error)'])
  })
})

describe('a PDF page as the page check reads it', () => {
  it('holds its text runs, where they start, and the boxes of its paths and images, clipping paths applied', async () => {
    const pdf = await PDFDocument.create()
    const page = pdf.addPage([600, 400])
    page.drawText('Hello (world)', {
      x: 50,
      y: 350,
      size: 20,
      font: await pdf.embedFont(StandardFonts.Helvetica),
    })
    page.drawRectangle({
      x: 100,
      y: 100,
      width: 50,
      height: 20,
    })
    // A 1 × 1 PNG, drawn 40 × 30.
    const png = await pdf.embedPng('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')
    page.drawImage(png, {
      x: 300,
      y: 200,
      width: 40,
      height: 30,
    })
    // A triangle reaching far right, clipped to a box 20 points wide.
    page.pushOperators(
      pushGraphicsState(),
      rectangle(400, 50, 20, 20),
      clip(),
      endPath(),
      moveTo(400, 50),
      lineTo(5000, 50),
      lineTo(400, 70),
      closePath(),
      fill(),
      popGraphicsState(),
    )

    // Read as the export reads a print: loaded from its bytes.
    const read = new PdfReader(await PDFDocument.load(await pdf.save())).readPage(1)
    expect(read).toMatchObject({ width: 600, height: 400 })
    expect(read.texts).toEqual([
      { text: 'Hello (world)', x: 50, y: 50 },
    ])
    expect(read.drawings).toContainEqual(painted(100, 280, 150, 300))
    expect(read.drawings).toContainEqual(painted(300, 170, 340, 200, true))
    expect(read.drawings).toContainEqual(painted(400, 330, 420, 350))
    expect(read.drawings).toHaveLength(3)
  })
})
