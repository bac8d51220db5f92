import type { PaperDocument, PaperInput } from './paper.ts'
import { handout } from './handout.ts'
import { overview } from './overview.ts'
import { script } from './script.ts'

export type { PaperInput } from './paper.ts'
export { printPaper } from './paper.ts'

/**
 * The paper-shaped PDFs every export prints, in order, from the same print
 * view as the slides PDF. A new layout is a function from the deck, its
 * citations and labels to a document, added here.
 */
export const PAPER_LAYOUTS: ((input: PaperInput) => PaperDocument)[] = [handout, overview, script]
