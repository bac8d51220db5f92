import type { Labels } from '../../i18n/index.ts'
import type { PdfKind } from '../../outputs.ts'
import type { Rehearsal } from '../../utils/rehearsal.ts'
import type { Deck } from '../deck.ts'
import type { OpenedEdition, PrintedPdf } from '../print.ts'
import type { SourceReference } from '../sources.ts'
import type { PaperDocument, PaperInput } from './paper.ts'
import { qrCodeSvg } from '../../qr.ts'
import { handout } from './handout.ts'
import { overview } from './overview.ts'
import { printPaper } from './paper.ts'

import { script } from './script.ts'

/**
 * The paper-shaped PDFs every export prints, in order, from the same print
 * view as the slides PDF. A new layout is a function from the deck, its
 * citations and labels to a document, added here.
 */
export const PAPER_LAYOUTS: ((input: PaperInput) => PaperDocument)[] = [handout, overview, script]

/** Prints every paper layout of an edition from its open print view, one after the other. */
export async function* printLayouts(edition: OpenedEdition, deck: Deck, labels: Labels, sources: readonly SourceReference[], rehearsal?: Rehearsal): AsyncGenerator<{ kind: PdfKind, printed: PrintedPdf }> {
  const input: PaperInput = {
    rehearsal,
    deck,
    citations: edition.citations,
    sources,
    labels,
    slideWidthPx: edition.view.slideSize.width,
    bodyTextPx: edition.view.bodyTextPx,
    qrSvg: deck.meta.url && qrCodeSvg(deck.meta.url, labels.figures.qrCode(deck.meta.url)),
  }
  for (const layout of PAPER_LAYOUTS) {
    const doc = layout(input)
    const printed = await printPaper(edition.view.page, input, doc)
    edition.failOnBlocked()
    yield { kind: doc.kind, printed }
  }
}
