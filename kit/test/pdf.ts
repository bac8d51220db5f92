import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>

/** Opens a PDF file with pdf.js, the reader the tests check the exports with. */
export async function openPdf(file: string): Promise<PdfDocument> {
  return readPdf(await readFile(file))
}

/** Reads a PDF held in memory with pdf.js (which takes a plain Uint8Array, not a Buffer). */
export async function readPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
  }).promise
}

/** The text of each page, in page order, with runs of white space folded. */
export async function pageTexts(pdf: PdfDocument): Promise<string[]> {
  const texts: string[] = []
  for (let no = 1; no <= pdf.numPages; no++) {
    const content = await (await pdf.getPage(no)).getTextContent()
    const runs = content.items.map(item => ('str' in item
      ? `${item.str}${item.hasEOL ? ' ' : ''}`
      : ''))
    texts.push(runs.join('').replace(/\s+/g, ' '))
  }
  return texts
}

/**
 * Text without white space and with plain quotes. Chromium may split a word
 * into runs at kerning pairs, Inter sets ligatures (NFKC undoes them), and
 * Slidev's Markdown turns quotes typographic, so a phrase is looked for in
 * squashed text.
 */
export function squash(text: string): string {
  return plainQuotes(text.normalize('NFKC').replace(/\s+/g, ''))
}

/** Text with typographic quotes made plain, as the slides' Markdown writes them. */
export function plainQuotes(text: string): string {
  return text.replace(/[‘’ʼ]/g, '\'').replace(/[“”]/g, '"')
}

/** An outline item as a reader follows it: what it says, how deep it sits, and the page and spot it leads to. */
export interface OutlineItem {
  title: string
  /** 1 for a top item, 2 for its children. */
  level: number
  /** 1-based. */
  page: number
  /** The destination's left and top in points, where it gives them (an XYZ destination). */
  left?: number
  top?: number
}

/** Every item of the PDF's outline, in document order: each item, then its children. */
export async function readOutline(pdf: PdfDocument): Promise<OutlineItem[]> {
  const items: OutlineItem[] = []
  async function walk(level: number, outline: Awaited<ReturnType<PdfDocument['getOutline']>>): Promise<void> {
    for (const item of outline ?? []) {
      const dest = typeof item.dest === 'string'
        ? await pdf.getDestination(item.dest)
        : item.dest
      const [target, kind, left, top] = dest ?? []
      items.push({
        title: item.title,
        level,
        page: await pdf.getPageIndex(target as { num: number, gen: number }) + 1,
        ...((kind as { name?: string } | undefined)?.name === 'XYZ'
          ? { left: left as number, top: top as number }
          : {}),
      })
      await walk(level + 1, item.items)
    }
  }
  await walk(1, await pdf.getOutline())
  return items
}

/** Link annotations of one page: external URLs and internal destinations. */
export async function pageLinks(pdf: PdfDocument, no: number): Promise<{ url?: string, dest?: unknown }[]> {
  const annotations = await (await pdf.getPage(no)).getAnnotations()
  return annotations
    .filter(annotation => annotation.subtype === 'Link')
    .map(annotation => ({ url: annotation.url as string | undefined, dest: annotation.dest as unknown }))
}

/** Every external URL the PDF's link annotations point to. */
export async function linkedUrls(pdf: PdfDocument): Promise<Set<string>> {
  const urls = new Set<string>()
  for (let no = 1; no <= pdf.numPages; no++) {
    for (const link of await pageLinks(pdf, no)) {
      if (link.url)
        urls.add(link.url)
    }
  }
  return urls
}

/** The part of pdf.js's Node canvas factory (backed by @napi-rs/canvas) the tests use. */
interface CanvasFactory {
  create: (width: number, height: number) => {
    canvas: HTMLCanvasElement
    context: CanvasRenderingContext2D
  }
}

/** A page rendered with pdf.js at `scale` (1 = 72 dpi), as RGBA pixels. */
export async function renderPage(pdf: PdfDocument, no: number, scale: number): Promise<ImageData> {
  const page = await pdf.getPage(no)
  const viewport = page.getViewport({ scale })
  const { canvas, context } = (pdf.canvasFactory as CanvasFactory).create(Math.ceil(viewport.width), Math.ceil(viewport.height))
  await page.render({ canvas, canvasContext: context, viewport }).promise
  return context.getImageData(0, 0, canvas.width, canvas.height)
}

/** A node of pdf.js's structure tree: an element, with the language it declares, or a run of a page's marked content. */
interface StructNode {
  lang?: string
  type?: string
  id?: string
  children?: StructNode[]
}

/**
 * The PDF's text by the language its structure tree gives it: each marked
 * run of text under the nearest element that declares a language, else
 * under the document's. What a screen reader reads in which language.
 */
export async function textByLanguage(pdf: PdfDocument, documentLang: string): Promise<Record<string, string[]>> {
  const byLanguage: Record<string, string[]> = {}
  for (let no = 1; no <= pdf.numPages; no++) {
    const page = await pdf.getPage(no)
    const content = await page.getTextContent({ includeMarkedContent: true })
    // Text runs by the marked content they are in: the structure tree's leaves point at these ids.
    const runs = new Map<string, string>()
    const open: (string | undefined)[] = []
    for (const item of content.items) {
      if ('str' in item) {
        const id = open.findLast(Boolean)
        if (id)
          runs.set(id, `${runs.get(id) ?? ''}${item.str}`)
      }
      else if (item.type === 'endMarkedContent') {
        open.pop()
      }
      else if (item.type.startsWith('beginMarkedContent')) {
        open.push(item.id ?? undefined)
      }
    }
    const walk = (node: StructNode, lang: string): void => {
      const own = node.lang ?? lang
      for (const child of node.children ?? []) {
        if (child.type === 'content')
          (byLanguage[own] ??= []).push(runs.get(child.id!) ?? '')
        else
          walk(child, own)
      }
    }
    walk(await page.getStructTree() as StructNode, documentLang)
  }
  return byLanguage
}
