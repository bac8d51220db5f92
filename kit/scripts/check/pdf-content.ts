import type { PDFDocument, PDFNumber, PDFObject } from '@pdfme/pdf-lib'
import { Buffer } from 'node:buffer'
import { inflateSync } from 'node:zlib'
import { decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from '@pdfme/pdf-lib'

// What a page shows, read from the PDF the export has just loaded to finish:
// the runs of text with their Unicode (from each font's ToUnicode map) and
// where they start, and the box of every path painted and image drawn, as
// the content streams' operators place them. pdf.js reads the same (the
// tests compare the two), but builds every font and operator for
// rendering: several times the work for what the check needs.

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

/** A box in the PDF's own space: left, bottom, right, top. */
type Bounds = [number, number, number, number]

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]
const EVERYWHERE: Bounds = [
  -Infinity,
  -Infinity,
  Infinity,
  Infinity,
]
const NOWHERE: Bounds = [
  Infinity,
  Infinity,
  -Infinity,
  -Infinity,
]

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

function intersect(a: Bounds, b: Bounds): Bounds {
  return [
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.min(a[3], b[3]),
  ]
}

/** The bounds grown to take in the point (x, y) under the matrix. */
function include(bounds: Bounds, [a, b, c, d, e, f]: Matrix, x: number, y: number): void {
  const px = a * x + c * y + e
  const py = b * x + d * y + f
  bounds[0] = Math.min(bounds[0], px)
  bounds[1] = Math.min(bounds[1], py)
  bounds[2] = Math.max(bounds[2], px)
  bounds[3] = Math.max(bounds[3], py)
}

function transformed(matrix: Matrix, [x0, y0, x1, y1]: Bounds): Bounds {
  const bounds: Bounds = [...NOWHERE]
  include(bounds, matrix, x0, y0)
  include(bounds, matrix, x0, y1)
  include(bounds, matrix, x1, y0)
  include(bounds, matrix, x1, y1)
  return bounds
}

/** A stream's bytes, inflated: natively for Flate (what Chromium writes), by pdf-lib for anything else. */
function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'))
  return filter === PDFName.of('FlateDecode')
    ? inflateSync(stream.contents)
    : decodePDFRawStream(stream).decode()
}

/** An operand of a content stream operator. */
type Operand = number | string | Uint8Array | Operand[] | null

/** What each byte is to a content stream's tokens: one table lookup a character instead of two set lookups, a quarter less time reading the talk's pages. */
const WHITE = 1
const DELIMITER = 2
const BYTE_CLASS = new Uint8Array(256)
for (const code of [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20])
  BYTE_CLASS[code] = WHITE
for (const code of [
  0x28,
  0x29,
  0x3C,
  0x3E,
  0x5B,
  0x5D,
  0x7B,
  0x7D,
  0x2F,
  0x25,
])
  BYTE_CLASS[code] = DELIMITER

/** Where the token starting at `start` ends: at the first white space or delimiter. */
function tokenEnd(text: string, start: number): number {
  let end = start
  while (end < text.length && !BYTE_CLASS[text.charCodeAt(end)]!)
    end++
  return end
}

/** A number token starts with a digit, a sign or a point. */
function startsNumber(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2B || code === 0x2D || code === 0x2E
}

function hexBytes(hex: string): Uint8Array {
  const digits = hex.replace(/[^0-9a-f]/gi, '')
  // An odd last digit is followed by a 0, as the PDF format says.
  return Buffer.from(digits.length % 2
    ? `${digits}0`
    : digits, 'hex')
}

const ESCAPES: Record<string, number> = {
  n: 0x0A,
  r: 0x0D,
  t: 0x09,
  b: 0x08,
  f: 0x0C,
}

/**
 * Runs `operator` for every operator of a content stream, with its
 * operands. Inline images (BI … ID … EI) are reported as `BI` and skipped.
 */
function interpret(data: Uint8Array, operator: (name: string, operands: Operand[]) => void): void {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')
  const stack: Operand[][] = [[]]
  let i = 0
  const end = text.length
  while (i < end) {
    const code = text.charCodeAt(i)
    if (BYTE_CLASS[code] === WHITE) {
      i++
      continue
    }
    const operands = stack.at(-1)!
    if (code === 0x25) { // % comment
      while (i < end && text.charCodeAt(i) !== 0x0A && text.charCodeAt(i) !== 0x0D)
        i++
    }
    else if (code === 0x2F) { // /Name
      const j = tokenEnd(text, i + 1)
      operands.push(text.slice(i, j))
      i = j
    }
    else if (code === 0x28) { // (literal string)
      const bytes: number[] = []
      let depth = 1
      i++
      while (i < end && depth) {
        const char = text[i]!
        if (char === '\\') {
          const next = text[i + 1]!
          if (next in ESCAPES) {
            bytes.push(ESCAPES[next]!)
            i += 2
          }
          else if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0]
            bytes.push(Number.parseInt(octal, 8) & 0xFF)
            i += 1 + octal.length
          }
          else if (next === '\r' || next === '\n') {
            i += next === '\r' && text[i + 2] === '\n'
              ? 3
              : 2
          }
          else {
            bytes.push(next.charCodeAt(0))
            i += 2
          }
          continue
        }
        if (char === '(')
          depth++
        else if (char === ')' && !--depth)
          break
        bytes.push(char.charCodeAt(0))
        i++
      }
      i++
      operands.push(Uint8Array.from(bytes))
    }
    else if (code === 0x3C && text.charCodeAt(i + 1) === 0x3C) { // << dictionary: an operand nothing here reads
      stack.push([])
      i += 2
    }
    else if (code === 0x3E && text.charCodeAt(i + 1) === 0x3E) {
      if (stack.length > 1)
        stack.pop()
      stack.at(-1)!.push(null)
      i += 2
    }
    else if (code === 0x3C) { // <hex string>
      const close = text.indexOf('>', i)
      operands.push(hexBytes(text.slice(i + 1, close)))
      i = close + 1
    }
    else if (code === 0x5B) { // [ array
      stack.push([])
      i++
    }
    else if (code === 0x5D) {
      if (stack.length > 1)
        stack.at(-2)!.push(stack.pop()!)
      i++
    }
    else {
      const j = Math.max(tokenEnd(text, i), i + 1)
      const token = text.slice(i, j)
      i = j
      if (startsNumber(code)) {
        const number = Number(token)
        if (!Number.isNaN(number)) {
          operands.push(number)
          continue
        }
      }
      if (token === 'true' || token === 'false' || token === 'null') {
        operands.push(null)
        continue
      }
      if (token === 'ID') {
        // Inline image data runs to the first EI between white space.
        const data = /\sEI(?=[\s\0]|$)/g
        data.lastIndex = i + 1
        i = (data.exec(text)?.index ?? end) + 3
        operator('BI', [])
      }
      else if (token !== 'BI') {
        operator(token, operands.splice(0))
      }
    }
  }
}

/** A font's code → Unicode map, from its ToUnicode CMap, and how many bytes its codes take. */
interface FontText {
  codeBytes: number
  unicode: Map<number, string>
}

function utf16(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i + 1 < bytes.length; i += 2)
    text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
  return text
}

function codeOf(bytes: Uint8Array): number {
  return bytes.reduce((code, byte) => code * 256 + byte, 0)
}

/** Reads a ToUnicode CMap's bfchar and bfrange entries. */
function toUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>()
  let mode = ''
  interpret(data, (name, operands) => {
    if (name === 'beginbfchar' || name === 'beginbfrange') {
      mode = name
      return
    }
    if (name !== 'endbfchar' && name !== 'endbfrange')
      return
    if (mode === 'beginbfchar') {
      for (let i = 0; i + 1 < operands.length; i += 2)
        map.set(codeOf(operands[i] as Uint8Array), utf16(operands[i + 1] as Uint8Array))
    }
    else {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const low = codeOf(operands[i] as Uint8Array)
        const high = codeOf(operands[i + 1] as Uint8Array)
        const target = operands[i + 2]!
        for (let code = low; code <= high && code - low < 0x10000; code++) {
          if (Array.isArray(target)) {
            map.set(code, utf16(target[code - low] as Uint8Array ?? new Uint8Array()))
          }
          else {
            const first = utf16(target as Uint8Array)
            map.set(code, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + code - low))
          }
        }
      }
    }
  })
  return map
}

/**
 * Reads the pages of a loaded PDF: each page's text runs and drawings,
 * and the page (from 1) each entry of its outline points to.
 */
export class PdfReader {
  private readonly pdf: PDFDocument
  private readonly pageRefs: PDFRef[]
  private readonly fonts = new Map<PDFObject, FontText>()

  constructor(pdf: PDFDocument) {
    this.pdf = pdf
    this.pageRefs = pdf.getPages().map(page => page.ref)
  }

  get pageCount(): number {
    return this.pageRefs.length
  }

  /** The object, or what the reference points to, when it is of the type. */
  private lookup<T extends PDFObject>(object: PDFObject | undefined, type: { prototype: T }): T | undefined {
    const found = object && this.pdf.context.lookup(object)
    return found instanceof (type as unknown as typeof PDFObject)
      ? found as T
      : undefined
  }

  private fontText(resources: PDFDict | undefined, name: string): FontText {
    const fonts = this.lookup(resources?.get(PDFName.of('Font')), PDFDict)
    const reference = fonts?.get(PDFName.of(name.slice(1)))
    const font = this.lookup(reference, PDFDict)
    if (!reference || !font) {
      return {
        codeBytes: 1,
        unicode: new Map(),
      }
    }
    let known = this.fonts.get(reference)
    if (!known) {
      const map = this.lookup(font.get(PDFName.of('ToUnicode')), PDFRawStream)
      known = {
        codeBytes: font.get(PDFName.of('Subtype')) === PDFName.of('Type0')
          ? 2
          : 1,
        unicode: map
          ? toUnicode(streamBytes(map))
          : new Map(),
      }
      this.fonts.set(reference, known)
    }
    return known
  }

  private decode(font: FontText, bytes: Uint8Array): string {
    let text = ''
    for (let i = 0; i + font.codeBytes <= bytes.length; i += font.codeBytes) {
      const code = font.codeBytes === 2
        ? (bytes[i]! << 8) | bytes[i + 1]!
        : bytes[i]!
      text += font.unicode.get(code) ?? (font.codeBytes === 1
        ? String.fromCharCode(code)
        : '')
    }
    return text
  }

  /** The text runs and drawings of one page (from 1), in points from its top-left corner. */
  readPage(no: number): PageContent {
    const page = this.pdf.getPage(no - 1)
    const { x: x0, y: y0, width, height } = page.getMediaBox()
    const top = y0 + height
    const toPage = ([left, bottom, right, up]: Bounds): PageBox => ({
      left: left - x0,
      top: top - up,
      right: right - x0,
      bottom: top - bottom,
    })
    const texts: PageText[] = []
    const drawings: PageDrawing[] = []
    const paint = (bounds: Bounds, clip: Bounds, raster: boolean): void => {
      const shown = intersect(bounds, clip)
      if (shown[0] <= shown[2] && shown[1] <= shown[3]) {
        drawings.push({
          box: toPage(shown),
          raster,
        })
      }
    }

    const run = (data: Uint8Array, resources: PDFDict | undefined, start: Matrix, startClip: Bounds, depth: number): void => {
      const saved: { matrix: Matrix, clip: Bounds }[] = []
      let matrix = start
      let clip = startClip
      let path: Bounds = [...NOWHERE]
      let clipping = false
      let font: FontText = {
        codeBytes: 1,
        unicode: new Map(),
      }
      let textMatrix = IDENTITY
      let line = { x: 0, y: 0 }
      let leading = 0
      const moveLine = (x: number, y: number): void => {
        line = { x: line.x + x, y: line.y + y }
      }
      const endPath = (painted: boolean): void => {
        if (painted && path[0] <= path[2])
          paint(path, clip, false)
        if (clipping && path[0] <= path[2])
          clip = intersect(clip, path)
        clipping = false
        path = [...NOWHERE]
      }
      const show = (strings: Operand[]): void => {
        const shown = strings.map(string => string instanceof Uint8Array
          ? this.decode(font, string)
          : '').join('')
        if (!shown.trim())
          return
        const [, , , , x, y] = multiply(multiply(matrix, textMatrix), [1, 0, 0, 1, line.x, line.y])
        texts.push({ text: shown, x: x - x0, y: top - y })
      }
      interpret(data, (name, operands) => {
        const n = operands as number[]
        switch (name) {
          case 'q':
            saved.push({ matrix, clip })
            break
          case 'Q':
            ({ matrix, clip } = saved.pop() ?? { matrix: start, clip: startClip })
            break
          case 'cm':
            matrix = multiply(matrix, n.slice(0, 6) as Matrix)
            break
          case 'm':
          case 'l':
            include(path, matrix, n[0]!, n[1]!)
            break
          case 'c':
            include(path, matrix, n[0]!, n[1]!)
            include(path, matrix, n[2]!, n[3]!)
            include(path, matrix, n[4]!, n[5]!)
            break
          case 'v':
          case 'y':
            include(path, matrix, n[0]!, n[1]!)
            include(path, matrix, n[2]!, n[3]!)
            break
          case 're':
            include(path, matrix, n[0]!, n[1]!)
            include(path, matrix, n[0]! + n[2]!, n[1]! + n[3]!)
            include(path, matrix, n[0]!, n[1]! + n[3]!)
            include(path, matrix, n[0]! + n[2]!, n[1]!)
            break
          case 'W':
          case 'W*':
            clipping = true
            break
          case 'S':
          case 's':
          case 'f':
          case 'F':
          case 'f*':
          case 'B':
          case 'B*':
          case 'b':
          case 'b*':
            endPath(true)
            break
          case 'n':
            endPath(false)
            break
          case 'sh':
            if (clip[0] > -Infinity)
              paint(clip, clip, false)
            break
          case 'BI':
            paint(transformed(matrix, [0, 0, 1, 1]), clip, true)
            break
          case 'Do': {
            const xObjects = this.lookup(resources?.get(PDFName.of('XObject')), PDFDict)
            const object = this.lookup(xObjects?.get(PDFName.of((operands[0] as string).slice(1))), PDFRawStream)
            const subtype = object?.dict.get(PDFName.of('Subtype'))
            if (subtype === PDFName.of('Image')) {
              paint(transformed(matrix, [0, 0, 1, 1]), clip, true)
            }
            else if (object && subtype === PDFName.of('Form') && depth < 12) {
              const formMatrix = this.lookup(object.dict.get(PDFName.of('Matrix')), PDFArray)?.asArray().map(value => (value as PDFNumber).asNumber()) as Matrix | undefined
              const inner = formMatrix
                ? multiply(matrix, formMatrix)
                : matrix
              const box = this.lookup(object.dict.get(PDFName.of('BBox')), PDFArray)?.asArray().map(value => (value as PDFNumber).asNumber()) as Bounds | undefined
              run(streamBytes(object), this.lookup(object.dict.get(PDFName.of('Resources')), PDFDict) ?? resources, inner, box
                ? intersect(clip, transformed(inner, box))
                : clip, depth + 1)
            }
            break
          }
          case 'BT':
            textMatrix = IDENTITY
            line = { x: 0, y: 0 }
            break
          case 'Tf':
            font = this.fontText(resources, operands[0] as string)
            break
          case 'Tm':
            textMatrix = n.slice(0, 6) as Matrix
            line = { x: 0, y: 0 }
            break
          case 'Td':
            moveLine(n[0]!, n[1]!)
            break
          case 'TD':
            leading = -n[1]!
            moveLine(n[0]!, n[1]!)
            break
          case 'TL':
            leading = n[0]!
            break
          case 'T*':
            moveLine(0, -leading)
            break
          case 'Tj':
            show(operands)
            break
          case 'TJ':
            show(operands[0] as Operand[])
            break
          case '\'':
            moveLine(0, -leading)
            show(operands)
            break
          case '"':
            moveLine(0, -leading)
            show(operands.slice(2))
            break
        }
      })
    }

    const contents = page.node.Contents()
    const streams = contents instanceof PDFArray
      ? contents.asArray().map(item => this.lookup(item, PDFRawStream))
      : [
          this.lookup(contents, PDFRawStream),
        ]
    const parts = streams.flatMap(stream => stream
      ? [
          streamBytes(stream),
          Uint8Array.of(0x0A),
        ]
      : [])
    run(Buffer.concat(parts), page.node.Resources(), IDENTITY, EVERYWHERE, 0)
    return { width, height, texts, drawings }
  }

  /** The page (from 1) each outline entry points to, in the order of the document; NaN where it points to none. */
  outlinePages(): number[] {
    const pages: number[] = []
    const catalog = this.pdf.catalog
    const named = this.lookup(catalog.get(PDFName.of('Dests')), PDFDict)
    const pageOf = (destination: PDFObject | undefined): number => {
      let target = destination && this.pdf.context.lookup(destination)
      if (target instanceof PDFName || target instanceof PDFString || target instanceof PDFHexString) {
        const key = target instanceof PDFName
          ? target.decodeText()
          : target.decodeText()
        target = named && this.pdf.context.lookup(named.get(PDFName.of(key)))
        if (target instanceof PDFDict)
          target = this.pdf.context.lookup(target.get(PDFName.of('D')))
      }
      const page = target instanceof PDFArray
        ? target.get(0)
        : undefined
      return page instanceof PDFRef
        ? this.pageRefs.indexOf(page) + 1 || Number.NaN
        : Number.NaN
    }
    const outlines = this.lookup(catalog.get(PDFName.of('Outlines')), PDFDict)
    const walk = (item: PDFDict | undefined): void => {
      for (let entry = item; entry; entry = this.lookup(entry.get(PDFName.of('Next')), PDFDict)) {
        const action = this.lookup(entry.get(PDFName.of('A')), PDFDict)
        pages.push(pageOf(entry.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'))))
        walk(this.lookup(entry.get(PDFName.of('First')), PDFDict))
      }
    }
    walk(this.lookup(outlines?.get(PDFName.of('First')), PDFDict))
    return pages
  }
}
