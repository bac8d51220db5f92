import type { DeckMeta } from '../deck.ts'
import type { OutlineEntry, OutlineTitle } from './outline.ts'
import type { LinkDescriptions } from './tags.ts'
import { PDFDocument, PDFName } from '@pdfme/pdf-lib'
import { writeMetadata } from './metadata.ts'
import { retitleOutline, writeOutline } from './outline.ts'
import { completeTags } from './tags.ts'

export type { OutlineEntry, OutlineTitle } from './outline.ts'
export type { LinkDescriptions } from './tags.ts'

export interface FinishOptions {
  /** The PDF's file name, which an error names. */
  name: string
  /** An outline to write; without one, the outline Chromium made from the headings stays, retitled with `headings`. */
  outline?: OutlineEntry[]
  /** The titles of the outline Chromium made from the headings, in document order: its items are retitled with them. */
  headings?: OutlineTitle[]
  /** What each link said on the page, to describe it to a screen reader. */
  links: LinkDescriptions
}

/** Loads a PDF Chromium printed, to be checked and then finished. */
export async function loadPrintedPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false })
}

/**
 * Finishes a tagged PDF printed by Chromium as an accessible PDF (PDF/UA-1):
 * metadata in the Info dictionary and as XMP, the document language and
 * title, the outline, and the tags Chromium leaves incomplete.
 */
export async function finishPdf(pdf: PDFDocument, meta: DeckMeta, options: FinishOptions): Promise<Uint8Array> {
  // PDF/UA-1 is built on ISO 32000-1: PDF 1.7, whatever the file header says.
  pdf.catalog.set(PDFName.of('Version'), PDFName.of('1.7'))
  writeMetadata(pdf, meta)
  completeTags(pdf, options.links)
  if (options.outline)
    writeOutline(pdf, options.outline)
  else if (options.headings)
    retitleOutline(pdf, options.headings, options.name)
  return pdf.save()
}
