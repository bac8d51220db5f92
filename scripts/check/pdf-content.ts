import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A rectangle on a PDF page in points, from the page's top-left corner. */
export interface PageBox {
  left: number
  top: number
  right: number
  bottom: number
}

/** A run of text on a page, at its start. */
export interface PageText {
  text: string
  x: number
  y: number
}

/** Something painted on a page: a filled or stroked path, or an image. */
export interface PageDrawing {
  box: PageBox
  raster: boolean
}

export interface PageContent {
  width: number
  height: number
  texts: PageText[]
  drawings: PageDrawing[]
}

type Matrix = [number, number, number, number, number, number]

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** A box in a PDF's own space: left, bottom, right, top. */
type Bounds = [number, number, number, number]

const EVERYWHERE: Bounds = [
  -Infinity,
  -Infinity,
  Infinity,
  Infinity,
]

function intersect(a: Bounds, b: Bounds): Bounds {
  return [
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.min(a[3], b[3]),
  ]
}

function multiply([a, b, c, d, e, f]: Matrix, [a2, b2, c2, d2, e2, f2]: Matrix): Matrix {
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ]
}

/** The axis-aligned bounds of the rectangle [x0, y0, x1, y1] under the matrix (called for every path: no arrays made). */
function bounds([a, b, c, d, e, f]: Matrix, box: ArrayLike<number>): Bounds {
  const x0 = box[0]!
  const y0 = box[1]!
  const x1 = box[2]!
  const y1 = box[3]!
  const ax0 = a * x0
  const ax1 = a * x1
  const cy0 = c * y0
  const cy1 = c * y1
  const bx0 = b * x0
  const bx1 = b * x1
  const dy0 = d * y0
  const dy1 = d * y1
  return [
    Math.min(ax0, ax1) + Math.min(cy0, cy1) + e,
    Math.min(bx0, bx1) + Math.min(dy0, dy1) + f,
    Math.max(ax0, ax1) + Math.max(cy0, cy1) + e,
    Math.max(bx0, bx1) + Math.max(dy0, dy1) + f,
  ]
}

const PATH_PAINTS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
])

const IMAGE_PAINTS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
])

/** What pdf.js makes of a glyph in a run of text: its Unicode text, or a number that moves the next glyph. */
type ShownGlyph = { unicode: string } | number | null

/**
 * A page's text runs, drawings and size, from one pass over pdf.js's
 * operator list (its text content would parse the page a second time).
 * Transformations and clipping paths are followed through the page, its
 * forms and groups: an SVG's shapes may reach far past its viewport, which
 * clips them. A run of text is placed at its start, where the page's text
 * matrix puts it. Link annotations are neither, and are left out.
 */
export async function readPage(pdf: PDFDocumentProxy, no: number): Promise<PageContent> {
  const page = await pdf.getPage(no)
  const [x0, y0, x1, y1] = page.view as [number, number, number, number]
  const toPage = ([left, bottom, right, top]: Bounds): PageBox => ({
    left: left - x0,
    top: y1 - top,
    right: right - x0,
    bottom: y1 - bottom,
  })
  const { fnArray, argsArray } = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE })
  const texts: PageText[] = []
  const drawings: PageDrawing[] = []
  const saved: { matrix: Matrix, clip: Bounds }[] = []
  let matrix = IDENTITY
  let clip = EVERYWHERE
  let clipping = false
  // The text matrix, and the start of the current line in it.
  let textMatrix = IDENTITY
  let line = { x: 0, y: 0 }
  let leading = 0
  const paint = (box: Bounds, raster: boolean): void => {
    const shown = intersect(box, clip)
    if (shown[0] <= shown[2] && shown[1] <= shown[3]) {
      drawings.push({
        box: toPage(shown),
        raster,
      })
    }
  }
  const moveLine = (x: number, y: number): void => {
    line = { x: line.x + x, y: line.y + y }
  }
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[] | null
    switch (fn) {
      case OPS.save:
      case OPS.beginGroup:
        saved.push({ matrix, clip })
        break
      case OPS.restore:
      case OPS.endGroup:
      case OPS.paintFormXObjectEnd:
        ({ matrix, clip } = saved.pop() ?? { matrix: IDENTITY, clip: EVERYWHERE })
        break
      case OPS.transform:
        matrix = multiply(matrix, args as Matrix)
        break
      case OPS.paintFormXObjectBegin:
        saved.push({ matrix, clip })
        if (args?.[0])
          matrix = multiply(matrix, Array.from(args[0] as ArrayLike<number>) as Matrix)
        break
      // The next path clips what follows (PDF's W and W* before the path's painting or n).
      case OPS.clip:
      case OPS.eoClip:
        clipping = true
        break
      case OPS.constructPath: {
        const [operation, , minMax] = args as [number, unknown, ArrayLike<number> | null]
        if (!minMax)
          break
        const box = bounds(matrix, minMax)
        if (PATH_PAINTS.has(operation))
          paint(box, false)
        if (clipping)
          clip = intersect(clip, box)
        clipping = false
        break
      }
      case OPS.beginText:
        textMatrix = IDENTITY
        line = { x: 0, y: 0 }
        break
      case OPS.setTextMatrix:
        textMatrix = Array.from(args![0] as ArrayLike<number>) as Matrix
        line = { x: 0, y: 0 }
        break
      case OPS.setLeading:
        leading = args![0] as number
        break
      case OPS.setLeadingMoveText:
        leading = -(args![1] as number)
        moveLine(args![0] as number, args![1] as number)
        break
      case OPS.moveText:
        moveLine(args![0] as number, args![1] as number)
        break
      case OPS.nextLine:
        moveLine(0, -leading)
        break
      case OPS.showText: {
        const text = (args![0] as ShownGlyph[]).map(glyph => typeof glyph === 'object' && glyph
          ? glyph.unicode
          : '').join('')
        if (text.trim()) {
          const [x, y] = bounds(multiply(matrix, textMatrix), [line.x, line.y, line.x, line.y])
          texts.push({ text, x: x - x0, y: y1 - y })
        }
        break
      }
      default:
        if (IMAGE_PAINTS.has(fn))
          paint(bounds(matrix, [0, 0, 1, 1]), true)
    }
  })
  return {
    width: x1 - x0,
    height: y1 - y0,
    texts,
    drawings,
  }
}

/** Opens a PDF held in memory with pdf.js, and runs `read` on it. */
export async function withPdf<T>(bytes: Uint8Array, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // A copy: pdf.js takes its buffer over (and takes no Node Buffer), and the bytes are still to be finished.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
  })
  try {
    return await read(await task.promise)
  }
  finally {
    await task.destroy()
  }
}

/** The page (from 1) of each outline entry, in the order of the document. */
export async function outlinePages(pdf: PDFDocumentProxy): Promise<number[]> {
  const pages: number[] = []
  const walk = async (items: Awaited<ReturnType<PDFDocumentProxy['getOutline']>>): Promise<void> => {
    for (const item of items ?? []) {
      const destination = typeof item.dest === 'string'
        ? await pdf.getDestination(item.dest)
        : item.dest
      const target = destination?.[0]
      pages.push(target && typeof target === 'object'
        ? await pdf.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0]) + 1
        : Number.NaN)
      await walk(item.items)
    }
  }
  await walk(await pdf.getOutline())
  return pages
}
