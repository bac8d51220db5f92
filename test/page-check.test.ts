import type { Placement } from '../scripts/check/compare.ts'
import type { PageContent, PageDrawing } from '../scripts/check/pdf-content.ts'
import type { RenderedSlide } from '../scripts/check/rendered.ts'
import { describe, expect, it } from 'vitest'
import { comparable, compareSlide } from '../scripts/check/compare.ts'
import { describeLoss } from '../scripts/check/report.ts'

// The comparison at the heart of the page check, on made-up pages: what a
// slide showed in the browser against what a PDF page holds. The end-to-end
// tests (test/pdf/page-check.test.ts) run it on real prints.

/** A slide of 800 × 450 CSS pixels printed at 0.75 points a pixel, one a page. */
const PLACEMENT: Placement = { left: 0, top: 0, scale: 0.75 }

function slide(texts: string[], drawings: RenderedSlide['drawings'] = []): RenderedSlide {
  return {
    no: 3,
    frame: { x: 0, y: 0, width: 800, height: 450 },
    texts,
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

/** The slide's background, as Chromium paints it: a rectangle as large as the page. */
const BACKGROUND: PageDrawing = {
  box: {
    left: 0,
    top: 0,
    right: 600,
    bottom: 337.5,
  },
  raster: false,
}

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
    const painted = {
      box: {
        left: 240,
        top: 140,
        right: 300,
        bottom: 170,
      },
      raster: false,
    }
    expect(compareSlide(slide([], [DIAGRAM]), page([], [BACKGROUND, painted]), PLACEMENT).drawings).toEqual([])
  })

  it('lacks a drawing where only the slide\'s background, a larger box or something beside it is painted', () => {
    const card = {
      box: {
        left: 200,
        top: 100,
        right: 400,
        bottom: 250,
      },
      raster: false,
    }
    const beside = {
      box: {
        left: 400,
        top: 140,
        right: 450,
        bottom: 170,
      },
      raster: false,
    }
    const lost = compareSlide(slide([], [DIAGRAM]), page([], [BACKGROUND, card, beside]), PLACEMENT)
    expect(lost.drawings).toEqual(['a mermaid diagram (flowchart-v2)'])
    expect(describeLoss(lost)).toBe('a mermaid diagram (flowchart-v2)')
  })

  it('holds a bitmap only where an image is painted over it', () => {
    const photo = { what: 'the image photo.png', raster: true, box: DIAGRAM.box }
    const path = {
      box: {
        left: 240,
        top: 140,
        right: 300,
        bottom: 170,
      },
      raster: false,
    }
    expect(compareSlide(slide([], [photo]), page([], [path]), PLACEMENT).drawings).toEqual(['the image photo.png'])
    // An image cropped by its box (object-fit: cover) is larger than the box, and still the image.
    const image = {
      box: {
        left: 200,
        top: 100,
        right: 400,
        bottom: 250,
      },
      raster: true,
    }
    expect(compareSlide(slide([], [photo]), page([], [image]), PLACEMENT).drawings).toEqual([])
  })

  it('says what a slide lost: its text, then its drawings', () => {
    expect(describeLoss({
      texts: ['Neutral text', 'One'],
      drawings: ['a mermaid diagram (flowchart-v2)'],
    }))
      .toBe('the text "Neutral text", "One" and a mermaid diagram (flowchart-v2)')
  })
})
