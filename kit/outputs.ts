/**
 * The file names of the PDFs an export writes, shared by the export (Node)
 * and the site's download controls (the browser), so both always agree.
 */

/** The PDFs of one export: the slides, then the paper layouts. */
export const PDF_KINDS = [
  'slides',
  'handout',
  'overview',
  'script',
] as const

export type PdfKind = typeof PDF_KINDS[number]

/** What the site offers for download, in this order: for the audience, not the speaker's own papers. */
export const DOWNLOAD_KINDS = ['slides', 'handout', 'overview'] as const satisfies readonly PdfKind[]

export type DownloadKind = typeof DOWNLOAD_KINDS[number]

/** The name stem when the headmatter sets no `exportFilename`. */
export const DEFAULT_EXPORT_NAME = 'slides'

/** The headmatter's `exportFilename`, or the default when it is empty. */
export function exportName(exportFilename: unknown): string {
  return typeof exportFilename === 'string' && exportFilename.trim()
    ? exportFilename.trim()
    : DEFAULT_EXPORT_NAME
}

/**
 * `<exportFilename>-<kind>.pdf`, e.g. `amazon-sponsors-the-police-handout.pdf`;
 * a translation's carry its language, `amazon-sponsors-the-police-de-handout.pdf`.
 */
export function pdfFileName(exportFilename: unknown, kind: PdfKind, language = ''): string {
  return `${exportName(exportFilename)}${language
    ? `-${language}`
    : ''}-${kind}.pdf`
}

/** The language a deck's PDFs are named with: a translation's own (its headmatter says `translationOf:`), none for the original. */
export function editionLanguage(headmatter: { translationOf?: unknown, lang?: unknown }): string {
  return headmatter.translationOf && typeof headmatter.lang === 'string'
    ? headmatter.lang
    : ''
}
