import type { PDFDocument, PDFObject, PDFRef } from '@pdfme/pdf-lib'
import { PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFString } from '@pdfme/pdf-lib'

/** What an outline item says, and how deep it sits. */
export interface OutlineTitle {
  title: string
  /** 1 for a top item (a part, a slide outside any part, a paper's title), 2 for one under it (a slide inside a part). */
  level: 1 | 2
}

export interface OutlineEntry extends OutlineTitle {
  /** 1-based page number. */
  page: number
}

interface Node {
  entry: OutlineEntry
  ref: PDFRef
  children: Node[]
}

/**
 * Writes the document outline (bookmarks) from a flat, two-level list.
 * Written here with pdf-lib's objects: the outline packages on npm are tied
 * to the unmaintained pdf-lib, and an outline is a linked list of a few
 * dictionaries (ISO 32000-1, 12.3.3).
 */
export function writeOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  const { context } = pdf
  const pages = pdf.getPages()
  const top: Node[] = []
  for (const entry of entries) {
    const node: Node = {
      entry,
      ref: context.nextRef(),
      children: [],
    }
    const parent = entry.level === 2
      ? top.at(-1)
      : undefined
    ;(parent ? parent.children : top).push(node)
  }
  const root = context.nextRef()
  const link = (nodes: Node[], parent: PDFRef): void => {
    for (const [index, node] of nodes.entries()) {
      const page = pages[node.entry.page - 1]
      if (!page)
        throw new Error(`the outline entry "${node.entry.title}" points at page ${node.entry.page} of ${pages.length}`)
      const item = context.obj({}) as PDFDict
      item.set(PDFName.of('Title'), PDFHexString.fromText(node.entry.title))
      item.set(PDFName.of('Parent'), parent)
      item.set(PDFName.of('Dest'), context.obj([
        page.ref,
        PDFName.of('XYZ'),
        PDFNull,
        PDFNull,
        PDFNull,
      ]))
      if (index > 0)
        item.set(PDFName.of('Prev'), nodes[index - 1]!.ref)
      if (index < nodes.length - 1)
        item.set(PDFName.of('Next'), nodes[index + 1]!.ref)
      if (node.children.length) {
        item.set(PDFName.of('First'), node.children[0]!.ref)
        item.set(PDFName.of('Last'), node.children.at(-1)!.ref)
        // Parts open: a reader sees every slide's title at once.
        item.set(PDFName.of('Count'), PDFNumber.of(node.children.length))
        link(node.children, node.ref)
      }
      context.assign(node.ref, item)
    }
  }
  link(top, root)
  const outlines = context.obj({ Type: 'Outlines' }) as PDFDict
  if (top.length) {
    outlines.set(PDFName.of('First'), top[0]!.ref)
    outlines.set(PDFName.of('Last'), top.at(-1)!.ref)
    // Every item is visible: the parts and, opened, their slides.
    outlines.set(PDFName.of('Count'), PDFNumber.of(entries.length))
  }
  context.assign(root, outlines)
  pdf.catalog.set(PDFName.of('Outlines'), root)
}

/** The outline's items in document order (each one, then its children), with their depth from 1. */
function outlineItems(pdf: PDFDocument): { item: PDFDict, depth: number }[] {
  const items: { item: PDFDict, depth: number }[] = []
  const dict = (object: PDFObject | undefined): PDFDict | undefined => {
    const found = pdf.context.lookup(object)
    return found instanceof PDFDict
      ? found
      : undefined
  }
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first; item; item = dict(item.get(PDFName.of('Next')))) {
      items.push({ item, depth })
      walk(dict(item.get(PDFName.of('First'))), depth + 1)
    }
  }
  walk(dict(dict(pdf.catalog.get(PDFName.of('Outlines')))?.get(PDFName.of('First'))), 1)
  return items
}

function titleOf(item: PDFDict): string {
  const title = item.get(PDFName.of('Title'))
  return title instanceof PDFString || title instanceof PDFHexString
    ? title.decodeText()
    : ''
}

/**
 * Gives the outline Chromium made from a document's headings the titles the
 * document names them by, item by item in document order; each item keeps
 * its destination, the very spot of its heading. Chromium's own titles run
 * the text of a heading's elements and lines together ("1Amazon", "free
 * products" as "freeproducts") and take the CSS text-transform. An outline
 * that does not match `titles` item for item is an error, not a guess.
 */
export function retitleOutline(pdf: PDFDocument, titles: OutlineTitle[], name: string): void {
  const items = outlineItems(pdf)
  const differs = items.findIndex(({ depth }, index) => depth !== titles[index]?.level)
  if (items.length !== titles.length || differs >= 0) {
    const at = differs >= 0
      ? differs
      : Math.min(items.length, titles.length)
    const found = items[at]
    const expected = titles[at]
    throw new Error(`${name}: the outline Chromium made from the headings has ${items.length} items, the layout names ${titles.length}; item ${at + 1} is ${found
      ? `"${titleOf(found.item)}" at level ${found.depth}`
      : 'missing'}, the layout says ${expected
      ? `"${expected.title}" at level ${expected.level}`
      : 'none'}. Every heading outside the slides needs its title in the layout's outline.`)
  }
  for (const [index, { item }] of items.entries())
    item.set(PDFName.of('Title'), PDFHexString.fromText(titles[index]!.title))
}
