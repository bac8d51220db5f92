import type { Deck } from './deck.ts'
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { resolveBrowser } from './browser.ts'
import { unknownCitations } from './citations.ts'
import { loadDeck } from './deck.ts'
import { keepLocal, launchBrowser } from './launch.ts'
import { deckOutline, finishPdf } from './pdf-document.ts'
import { openPrintView, printSlides } from './print.ts'
import { BuildError, buildSite, normaliseBase, serveSite } from './site.ts'

export interface ExportOptions {
  /** The deck's entry Markdown file. */
  entry: string
  /** Where the PDFs land. */
  outDir: string
  /** Where the static site lands; the PDFs are copied into it for download. */
  siteDir: string
  /** Base path the site is hosted under. */
  base?: string
  executablePath?: string
  log?: (message: string) => void
}

export interface ExportResult {
  deck: Deck
  slidesPdf: string
  siteDir: string
}

/** A failed step: which one, and which file or address it was working on. */
export class ExportError extends Error {
  override name = 'ExportError'
  constructor(readonly step: string, readonly where: string, cause: unknown) {
    super(`Export failed while ${step} (${where}):\n${cause instanceof Error
      ? cause.message
      : String(cause)}`, { cause })
  }
}

export function outputNames(deck: Deck): { slides: string } {
  return { slides: `${deck.meta.exportFilename}-slides.pdf` }
}

/** Points a build error at the slide and file it comes from. */
function explainBuildError(error: unknown, deck: Deck): unknown {
  if (!(error instanceof BuildError))
    return error
  const slide = error.slideNo
    ? deck.slides[error.slideNo - 1]
    : undefined
  if (!slide)
    return error
  const where = `slide ${slide.no} "${slide.title}" in ${path.relative(process.cwd(), slide.file)}`
  return new Error(`${where}: ${error.detail ?? 'the slide does not compile'}\n\nslidev build said:\n${error.log}`)
}

/**
 * Builds the site, prints the PDFs from it in one browser session, and only
 * then replaces the previous outputs: a failure at any step leaves them as
 * they were.
 */
export async function exportDeck(options: ExportOptions): Promise<ExportResult> {
  const log = options.log ?? console.log
  const base = normaliseBase(options.base)
  const entry = path.resolve(options.entry)
  const outDir = path.resolve(options.outDir)
  const siteDir = path.resolve(options.siteDir)
  const stagingSite = `${siteDir}.staging`
  const stagingPdfs = path.join(outDir, '.staging')
  const steps = [
    'reading the deck',
    'building the site',
    'finding a browser',
    'printing the slides PDF',
    'finishing the PDF',
    'writing the outputs',
  ]
  let current = 0
  async function step<T>(name: string, where: string, run: () => Promise<T> | T): Promise<T> {
    current = steps.indexOf(name) + 1
    log(`[${current}/${steps.length}] ${name}…`)
    try {
      return await run()
    }
    catch (error) {
      throw new ExportError(name, where, error)
    }
  }

  const relEntry = path.relative(process.cwd(), entry) || entry
  const deck = await step('reading the deck', relEntry, async () => {
    const deck = await loadDeck(entry)
    const unknown = unknownCitations(deck)
    if (unknown.length)
      throw new Error(`citations that data/sources.ts does not have:\n  ${unknown.join('\n  ')}`)
    return deck
  })
  const names = outputNames(deck)
  try {
    await rm(stagingSite, { recursive: true, force: true })
    await step('building the site', relEntry, () => buildSite(entry, stagingSite, base).catch((error) => {
      throw explainBuildError(error, deck)
    }))
    const executablePath = await step('finding a browser', 'browser resolution', () => options.executablePath ?? resolveBrowser())

    const site = await serveSite(stagingSite, base)
    const browser = await launchBrowser(executablePath)
    let slidesPdf: Uint8Array
    try {
      const context = await browser.newContext({
        viewport: { width: 980, height: 552 },
        colorScheme: 'light',
      })
      const blocked = await keepLocal(context, site.origin)
      slidesPdf = await step('printing the slides PDF', site.url, async () => {
        const view = await openPrintView(context, site.url, deck, ready => log(`      ${ready}/${deck.slides.length} slides rendered`))
        const pdf = await printSlides(view)
        if (blocked.length)
          throw new Error(`the deck tried to load from outside this machine:\n  ${blocked.join('\n  ')}`)
        log(`      printed ${deck.slides.length} slides`)
        return pdf
      })
    }
    finally {
      await browser.close()
      await site.close()
    }

    const finished = await step('finishing the PDF', names.slides, () => finishPdf(slidesPdf, deck.meta, deckOutline(deck.slides, slide => slide.no)))

    return await step('writing the outputs', outDir, async () => {
      await mkdir(stagingPdfs, { recursive: true })
      const slidesPath = path.join(outDir, names.slides)
      await writeFile(path.join(stagingPdfs, names.slides), finished)
      await cp(path.join(stagingPdfs, names.slides), path.join(stagingSite, names.slides))
      // Renames within one file system are atomic: readers see the old file or the new one.
      await rename(path.join(stagingPdfs, names.slides), slidesPath)
      await rm(siteDir, { recursive: true, force: true })
      await rename(stagingSite, siteDir)
      return { deck, slidesPdf: slidesPath, siteDir }
    })
  }
  finally {
    await rm(stagingSite, { recursive: true, force: true })
    await rm(stagingPdfs, { recursive: true, force: true })
  }
}
