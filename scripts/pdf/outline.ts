import type { PDFDict, PDFDocument, PDFRef } from '@pdfme/pdf-lib'
import { PDFHexString, PDFName, PDFNull, PDFNumber } from '@pdfme/pdf-lib'

export interface OutlineEntry {
  title: string
  /** 1-based page number. */
  page: number
  /** 1 for a part or a slide outside any part, 2 for a slide inside a part. */
  level: 1 | 2
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
