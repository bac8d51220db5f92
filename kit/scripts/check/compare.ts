import type { PageBox, PageContent } from './pdf-content.ts'
import type { Box, RenderedSlide } from './rendered.ts'

/** Where a slide sits on its PDF page: the page's point of its frame's corner, and points per CSS pixel. */
export interface Placement {
  left: number
  top: number
  scale: number
}

/** What a slide showed in the browser and its place in the PDF does not hold. */
export interface Loss {
  texts: string[]
  drawings: string[]
}

/**
 * Text as compared: without white space (a PDF's word and line breaks are
 * its own, and a PDF may hold a space beside a symbol or an emoji where the
 * page has none, or none where it has one), hyphens (hyphenation adds them
 * at line ends) and invisible characters (joiners, variation selectors: a
 * PDF maps the glyph of "⚠️" to "⚠" or to both); ligatures undone (NFKC); quotes and apostrophes plain (a font
 * that draws ’ and ʼ with one glyph gives the PDF either); in capitals
 * (`text-transform` shows one case in the PDF and keeps another in the page).
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00AD\u200B-\u200D\u2060\-\u2010\u2011]+/g, '')
    .replace(/\uFE0E|\uFE0F/g, '')
    .replace(/[‘’‚‛ʼ′`´]/g, '\'')
    .replace(/[“”„‟″«»]/g, '"')
    .toUpperCase()
}

// How far (in points) a PDF's painted box may stray from the one the browser reported: strokes, anti-aliasing, rounding.
const TOLERANCE = 2

function onPage({ x, y, width, height }: Box, { left, top, scale }: Placement): PageBox {
  return {
    left: left + x * scale,
    top: top + y * scale,
    right: left + (x + width) * scale,
    bottom: top + (y + height) * scale,
  }
}

const area = (box: PageBox): number => Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top)

function overlap(a: PageBox, b: PageBox): number {
  return area({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  })
}

function within(inner: PageBox, outer: PageBox, tolerance: number): boolean {
  return inner.left >= outer.left - tolerance && inner.top >= outer.top - tolerance
    && inner.right <= outer.right + tolerance && inner.bottom <= outer.bottom + tolerance
}

/**
 * Compares what the browser showed on a slide with what its place on the
 * PDF page holds. A run of text is held when it appears in the text the PDF
 * has there, or failing that (a PDF may order runs on a line its own way)
 * when each of its words does; longer runs are matched first. A drawing is
 * held when something is painted inside its box: a bitmap only by an image;
 * vector art by a path or an image, but not by one as large as the slide
 * (its background).
 */
export function compareSlide(slide: RenderedSlide, page: PageContent, placement: Placement): Loss {
  const region = onPage(slide.frame, placement)
  let held = comparable(page.texts
    .filter(({ x, y }) => x >= region.left - TOLERANCE && x <= region.right + TOLERANCE && y >= region.top - TOLERANCE && y <= region.bottom + TOLERANCE)
    .map(({ text }) => text)
    .join(''))
  // Each match uses up the text it matched: a label lost from a diagram is not found inside a longer run that merely contains it.
  const consume = (wanted: string): boolean => {
    const at = held.indexOf(wanted)
    if (at >= 0)
      held = `${held.slice(0, at)}${'\0'.repeat(wanted.length)}${held.slice(at + wanted.length)}`
    return at >= 0
  }
  const byLength = [...slide.texts].sort((a, b) => comparable(b).length - comparable(a).length)
  const lost = new Set(byLength.filter((text) => {
    const wanted = comparable(text)
    if (!wanted || consume(wanted))
      return false
    const words = text.split(/\s+/).map(comparable).filter(Boolean).sort((a, b) => b.length - a.length)
    return !words.map(consume).every(Boolean)
  }))
  const texts = slide.texts.filter(text => lost.has(text)).map(text => text.replace(/\s+/g, ' ').trim())

  const slideArea = area(region)
  const local = page.drawings.filter(({ box }) => overlap(box, region) > 0 || within(box, region, TOLERANCE))
  const drawings = slide.drawings.filter((drawing) => {
    const box = onPage({ ...drawing.box, x: slide.frame.x + drawing.box.x, y: slide.frame.y + drawing.box.y }, placement)
    return !local.some(painted => painted.raster
      ? overlap(painted.box, box) >= 0.5 * Math.min(area(painted.box), area(box))
      : !drawing.raster && within(painted.box, box, TOLERANCE) && area(painted.box) < 0.9 * slideArea)
  }).map(({ what }) => what)
  return {
    texts: [
      ...new Set(texts),
    ],
    drawings,
  }
}
