import type { Page } from 'playwright-core'

/** A rectangle in CSS pixels. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** A drawing the browser showed (an SVG, an image, a canvas), and the part of it the slide shows. */
export interface RenderedDrawing {
  /** What it is, in words, for the message that says it went missing. */
  what: string
  /** Relative to the slide's frame. */
  box: Box
  /** A bitmap (a raster image or a canvas), which a PDF can only hold as an image. */
  raster: boolean
}

/** What one printed slide shows, as the browser laid it out for the print. */
export interface RenderedSlide {
  /** The slide's number, as in Slidev's URLs. */
  no: number
  /**
   * The slide on the page: from the page's corner in the slides PDF; in a
   * paper layout from the content's left edge and the top of the sheet (a
   * page) it is on.
   */
  frame: Box
  /** The text of each text node it shows, without the characters no font could draw. */
  texts: string[]
  /** Characters (graphemes) it shows that no font on the machine can draw: the browser and the PDFs show an empty box. */
  undrawable: string[]
  drawings: RenderedDrawing[]
  /** In a paper layout: which of the headings in the PDF's outline belongs to the slide's entry, by position. */
  heading?: number
}

/** Which print the slides are in: Slidev's print view, or a paper layout (`scripts/paper/`). */
export type PrintKind = 'slides' | 'paper'

/**
 * Runs in the page. Walks every printed slide, shadow roots included
 * (mermaid draws into one), and records the text and drawings a reader
 * sees: rendered, not hidden, not transparent, inside the slide and inside
 * every box that clips them. Text cut by a clipping edge is left out, as is
 * an ellipsis's text: the PDF holds only part of it. A paper layout's
 * slides are walked where it has put them, zoomed.
 */
function renderedSlides(kind: PrintKind): RenderedSlide[] {
  const SKIPPED = new Set([
    'style',
    'script',
    'template',
    'noscript',
    'title',
    'desc',
    'metadata',
    'textarea',
    'input',
    'select',
    'iframe',
    'object',
    'embed',
  ])
  const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon, image, use'
  const INVISIBLE_OPACITY = 0.05
  // A drawing smaller than this, in CSS pixels as printed (a paper layout's zoom applied), is a speck, not a drawing.
  const SMALLEST_DRAWING = 3
  interface Rect { left: number, top: number, right: number, bottom: number }
  interface Walked { texts: string[], undrawable: string[], drawings: RenderedDrawing[] }

  const intersect = (a: Rect, b: Rect): Rect => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  })
  const inside = (rect: Rect, clip: Rect): boolean =>
    rect.left >= clip.left - 1 && rect.top >= clip.top - 1 && rect.right <= clip.right + 1 && rect.bottom <= clip.bottom + 1
  const alpha = (color: string): number => {
    if (color === 'transparent')
      return 0
    const channels = /rgba?\((.*)\)/.exec(color)?.[1]?.split(/[\s,/]+/).filter(Boolean)
    return channels?.length === 4
      ? Number.parseFloat(channels[3]!)
      : 1
  }
  const isRasterSource = (url: string): boolean => !/\.svg(?:[?#]|$)|^data:image\/svg/i.test(url)
  // A data URL is named by its type: the whole of it would fill the message.
  const fileName = (url: string): string => url.startsWith('data:')
    ? `(inline ${/^data:image\/([\w.+-]+)/i.exec(url)?.[1]?.replace(/\+xml$/, '').toUpperCase() ?? 'data'})`
    : decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() || url.slice(0, 40))
  const classes = (element: Element): string => {
    const names = [...element.classList].filter(name => /^[\w-]+$/.test(name)).slice(0, 3)
    return names.length
      ? ` (.${names.join('.')})`
      : ''
  }

  // Characters a font draws only as part of another one (joiners, variation selectors, keycap, tags, skin tones).
  const isCombining = (char: string): boolean => {
    const point = char.codePointAt(0)!
    return point === 0x200D || point === 0xFE0E || point === 0xFE0F || point === 0x20E3
      || (point >= 0xE0020 && point <= 0xE007F) || (point >= 0x1F3FB && point <= 0x1F3FF)
  }
  const drawable = new Map<string, boolean>()
  const probe = document.createElement('canvas')
  probe.width = 48
  probe.height = 48
  const context = probe.getContext('2d', { willReadFrequently: true })!
  function pixels(font: string, text: string): string {
    context.clearRect(0, 0, 48, 48)
    context.font = font
    context.textBaseline = 'middle'
    context.fillText(text, 4, 24)
    return context.getImageData(0, 0, 48, 48).data.join()
  }
  /**
   * Whether some font draws the character in this font stack: a character
   * no font has is drawn as the first font's missing glyph, the same box as
   * a noncharacter, which no font has.
   */
  function canDraw(char: string, family: string): boolean {
    const key = `${family}\n${char}`
    if (!drawable.has(key)) {
      const font = `32px ${family}`
      drawable.set(key, pixels(font, char) !== pixels(font, '\u{10FFFF}'))
    }
    return drawable.get(key)!
  }
  const segmenter = new Intl.Segmenter()
  // Only these can lack a font on a machine with the deck's fonts: pictographs, symbols, scripts beyond Latin, Greek and Cyrillic.
  const RARE = /[^\t\n\r\u0020-\u052F\u1E00-\u1FFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]/u
  /** The graphemes of a text no font of the stack draws. */
  function undrawn(text: string, family: string): string[] {
    if (!RARE.test(text))
      return []
    return [
      ...segmenter.segment(text),
    ]
      .map(({ segment }) => segment)
      .filter(grapheme => RARE.test(grapheme) && [...grapheme].some(char => !isCombining(char) && RARE.test(char) && !canDraw(char, family)))
  }

  function describe(element: Element, style: CSSStyleDeclaration): { what: string, raster: boolean } | undefined {
    if (element instanceof SVGSVGElement) {
      if (element.parentElement?.closest('svg') || !element.querySelector(SHAPES))
        return undefined
      const host = (element.getRootNode() as ShadowRoot).host
      const kind = element.getAttribute('aria-roledescription')
      if (host?.classList.contains('mermaid')) {
        return { what: `a mermaid diagram${kind
          ? ` (${kind})`
          : ''}`, raster: false }
      }
      const label = element.getAttribute('aria-label')
      return { what: `an SVG drawing${label
        ? ` ("${label}")`
        : classes(element)}`, raster: false }
    }
    if (element instanceof HTMLImageElement) {
      if (!element.complete || !element.naturalWidth)
        return undefined
      const source = element.currentSrc || element.src
      return {
        what: `the image ${fileName(source)}${element.alt
          ? ` ("${element.alt}")`
          : ''}`,
        raster: isRasterSource(source),
      }
    }
    if (element instanceof HTMLCanvasElement) {
      const label = element.getAttribute('aria-label')
      return { what: `a canvas${label
        ? ` ("${label}")`
        : ''}`, raster: true }
    }
    const background = /url\(["']?(.*?)["']?\)/.exec(style.backgroundImage)?.[1]
    if (background) {
      return {
        what: `the background image ${fileName(background)}${classes(element)}`,
        raster: isRasterSource(background),
      }
    }
    return undefined
  }

  /**
   * Where a background image draws: its box, or for an image sized in
   * pixels that does not repeat along an axis, one tile's length along it
   * at its position (an underline drawn by a 6 × 3 px tile is 3 px high).
   */
  /** The size an SVG data URL gives itself (width and height attributes), which a background of size `auto` is drawn at. */
  function svgDataSize(url: string): number[] {
    const data = /^data:image\/svg\+xml(;base64)?,(.*)$/is.exec(url)
    if (!data)
      return []
    let svg = ''
    try {
      svg = data[1]
        ? atob(data[2]!)
        : decodeURIComponent(data[2]!)
    }
    catch {
      return []
    }
    const tag = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? ''
    return ['width', 'height'].map(name => Number.parseFloat(new RegExp(`\\s${name}\\s*=\\s*["']?([\\d.]+)`).exec(tag)?.[1] ?? ''))
  }

  function backgroundRect(box: DOMRect, style: CSSStyleDeclaration, zoom: number, url: string): Rect {
    const first = (value: string): string => value.split(',')[0]!.trim()
    const intrinsic = svgDataSize(url)
    // One value sizes the width; the height is then auto, as both are for `auto`.
    const given = first(style.backgroundSize).split(' ')
    const sizes = [given[0]!, given[1] ?? 'auto'].map((size, axis) => size.endsWith('px')
      ? Number.parseFloat(size) * zoom
      : size === 'auto'
        ? (intrinsic[axis] ?? Number.NaN) * zoom
        : Number.NaN)
    const repeat = first(style.backgroundRepeat)
    const repeats = repeat === 'repeat-x'
      ? ['repeat', 'no-repeat']
      : repeat === 'repeat-y'
        ? ['no-repeat', 'repeat']
        : [repeat.split(' ')[0]!, repeat.split(' ')[1] ?? repeat.split(' ')[0]!]
    const positions = [
      first(style.backgroundPositionX),
      first(style.backgroundPositionY),
    ]
    const along = (start: number, end: number, axis: 0 | 1): [number, number] => {
      const tile = sizes[axis]
      if (!(tile! > 0) || repeats[axis] !== 'no-repeat')
        return [start, end]
      const position = positions[axis]!
      const offset = position.endsWith('%')
        ? (end - start - tile!) * Number.parseFloat(position) / 100
        : (Number.parseFloat(position) || 0) * zoom
      return [
        Math.max(start, start + offset),
        Math.min(end, start + offset + tile!),
      ]
    }
    const [left, right] = along(box.left, box.right, 0)
    const [top, bottom] = along(box.top, box.bottom, 1)
    return { left, top, right, bottom }
  }

  /**
   * Where a drawing draws: an image or canvas fills its box; an SVG draws
   * its shapes, inside its box, or also outside when its overflow is
   * visible (rough-notation's marks draw far past their 100 × 100 box).
   */
  function drawnRect(element: Element, style: CSSStyleDeclaration, zoom: number): Rect {
    const box = element.getBoundingClientRect()
    if (element instanceof HTMLImageElement || element instanceof HTMLCanvasElement)
      return box
    if (!(element instanceof SVGSVGElement))
      return backgroundRect(box, style, zoom, /url\(["']?(.*?)["']?\)/.exec(style.backgroundImage)?.[1] ?? '')
    const overflows = style.overflowX === 'visible' && style.overflowY === 'visible'

    const shapes = [
      ...element.querySelectorAll(SHAPES),
    ]
      .filter(shape => !shape.closest('defs, clipPath, mask, marker, pattern, symbol'))
      .map(shape => shape.getBoundingClientRect())
      .filter(rect => rect.width > 0 || rect.height > 0)
    if (!shapes.length)
      return box
    const drawn = shapes.reduce<Rect>((all, rect) => ({
      left: Math.min(all.left, rect.left),
      top: Math.min(all.top, rect.top),
      right: Math.max(all.right, rect.right),
      bottom: Math.max(all.bottom, rect.bottom),
    }), shapes[0]!)
    return overflows
      ? drawn
      : intersect(drawn, box)
  }

  function walk(container: HTMLElement): Walked {
    const slide = container.getBoundingClientRect()
    // A paper layout zooms the slide: the print view sets its unzoomed width.
    const zoom = slide.width / (Number.parseFloat(container.style.width) || slide.width)
    const texts: string[] = []
    const undrawable: string[] = []
    const drawings: RenderedDrawing[] = []
    const range = document.createRange()

    function visitText(node: Text, style: CSSStyleDeclaration, clip: Rect, opacity: number): void {
      if (!node.data.trim() || opacity < INVISIBLE_OPACITY || style.visibility !== 'visible' || style.textOverflow === 'ellipsis')
        return
      if (alpha(style.color) === 0 && alpha(style.webkitTextFillColor) === 0)
        return
      range.selectNodeContents(node)
      const rects = [
        ...range.getClientRects(),
      ].filter(rect => rect.width > 0 && rect.height > 0)
      if (!rects.length || !rects.every(rect => inside(rect, clip)))
        return
      const missing = undrawn(node.data, style.fontFamily)
      undrawable.push(...missing)
      const drawn = missing.length
        ? [
            ...segmenter.segment(node.data),
          ].map(({ segment }) => missing.includes(segment)
            ? ' '
            : segment).join('')
        : node.data
      if (drawn.trim())
        texts.push(drawn)
    }

    function visit(element: Element, clip: Rect, opacity: number): void {
      if (SKIPPED.has(element.localName))
        return
      const style = getComputedStyle(element)
      if (style.display === 'none')
        return
      const own = opacity * Number.parseFloat(style.opacity)
      const drawing = own >= INVISIBLE_OPACITY && style.visibility === 'visible'
        ? describe(element, style)
        : undefined
      if (drawing) {
        const shown = intersect(drawnRect(element, style, zoom), clip)
        if (shown.right - shown.left >= SMALLEST_DRAWING && shown.bottom - shown.top >= SMALLEST_DRAWING) {
          drawings.push({
            ...drawing,
            box: {
              x: shown.left - slide.left,
              y: shown.top - slide.top,
              width: shown.right - shown.left,
              height: shown.bottom - shown.top,
            },
          })
        }
      }
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clipPath !== 'none' || /paint|strict|content/.test(style.contain)
      const inner = clips
        ? intersect(clip, element.getBoundingClientRect())
        : clip
      for (const child of [
        ...element.shadowRoot?.childNodes ?? [],
        ...element.childNodes,
      ]) {
        if (child instanceof Text)
          visitText(child, style, inner, own)
        else if (child instanceof Element)
          visit(child, inner, own)
      }
    }

    visit(container, slide, 1)
    return {
      texts,
      undrawable: [
        ...new Set(undrawable),
      ],
      drawings,
    }
  }

  const root = kind === 'slides'
    ? document.getElementById('print-content')!
    : document.getElementById('kit-paper')!
  const paperLeft = root.getBoundingClientRect().left
  // The headings Chromium puts in a paper layout's outline: the paper's own, not those inside the slides.
  const outlined = kind === 'paper'
    ? [
        ...root.querySelectorAll('h1, h2, h3, h4, h5, h6'),
      ].filter(heading =>
        !heading.closest('.paper-slot, [aria-hidden="true"]') && heading.getClientRects().length)
    : []

  return [
    ...root.querySelectorAll<HTMLElement>('.print-slide-container'),
  ].map((container) => {
    const { texts, undrawable, drawings } = walk(container)
    const slide = container.getBoundingClientRect()
    const entry = container.closest('[data-slide]')
    const sheet = container.closest('.paper-sheet')
    return {
      no: Number.parseInt(container.id, 10),
      frame: kind === 'slides'
        ? {
            x: 0,
            y: 0,
            width: slide.width,
            height: slide.height,
          }
        : {
            x: slide.left - paperLeft,
            y: slide.top - (sheet?.getBoundingClientRect().top ?? Number.NaN),
            width: slide.width,
            height: slide.height,
          },
      texts,
      undrawable,
      drawings,
      heading: entry
        ? outlined.findIndex(heading => entry.contains(heading))
        : undefined,
    }
  })
}

/**
 * What every slide of the print about to be made shows: its text and
 * drawings, and where the slide sits on its page. In the slides PDF each
 * slide is a page; a paper layout puts each slide into a slot in an entry
 * (`[data-slide]`) with its own heading, on a sheet (`.paper-sheet`) that
 * starts a page. Also how long reading them took, in milliseconds.
 */
export async function readRenderedSlides(page: Page, kind: PrintKind): Promise<{ slides: RenderedSlide[], ms: number }> {
  const started = performance.now()
  const slides = await page.evaluate(renderedSlides, kind)
  return { slides, ms: performance.now() - started }
}
