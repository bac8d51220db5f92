import type { Deck } from './deck.ts'
import type { Citations } from './print.ts'
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { pdfFileName } from '../addon/outputs.ts'
import { BROWSER_ENV, resolveBrowser } from './browser.ts'
import { BuildError, buildSite, normaliseBase } from './build.ts'
import { unknownCitations } from './citations.ts'
import { loadDeck } from './deck.ts'
import { printHandout } from './handout.ts'
import { launchBrowser } from './launch.ts'
import { mountSite } from './local-site.ts'
import { deckOutline, finishPdf } from './pdf-document.ts'
import { openPrintView, printSlides, readCitations } from './print.ts'

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
  handoutPdf: string
  siteDir: string
  /** Source ids each slide shows, by slide number, as rendered. */
  citations: Citations
}

/** A failed step: which one, and which file or address it was working on. */
export class ExportError extends Error {
  override name = 'ExportError'
  readonly step: string
  readonly where: string
  constructor(step: string, where: string, cause: unknown) {
    const reason = cause instanceof Error
      ? cause.message
      : String(cause)
    super(`Export failed while ${step} (${where}):\n${reason}`, { cause })
    this.step = step
    this.where = where
  }
}

export function outputNames(deck: Deck): { slides: string, handout: string } {
  return {
    slides: pdfFileName(deck.meta.exportFilename, 'slides'),
    handout: pdfFileName(deck.meta.exportFilename, 'handout'),
  }
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

const STEPS = [
  'reading the deck',
  'finding a browser',
  'building the site',
  'printing the slides PDF',
  'printing the handout',
  'finishing the PDFs',
  'writing the outputs',
] as const

/**
 * Builds the site, prints both PDFs from it in one browser session, and only
 * then replaces the previous outputs: a failure at any step leaves them as
 * they were.
 */
export async function exportDeck(options: ExportOptions): Promise<ExportResult> {
  const log = options.log ?? console.log
  const base = normaliseBase(options.base)
  const entry = path.resolve(options.entry)
  const outDir = path.resolve(options.outDir)
  const siteDir = path.resolve(options.siteDir)
  // Staging beside the targets keeps the final renames on one file system.
  const stagingSite = `${siteDir}.staging-${process.pid}`
  const stagingPdfs = path.join(outDir, `.staging-${process.pid}`)

  async function step<T>(name: typeof STEPS[number], where: string, run: () => Promise<T> | T): Promise<T> {
    log(`[${STEPS.indexOf(name) + 1}/${STEPS.length}] ${name}…`)
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
    const executablePath = await step('finding a browser', 'browser resolution', () => options.executablePath ?? resolveBrowser())
    // Chromium starts while the site builds: the two overlap instead of adding up.
    const launching = launchBrowser(executablePath)
    // Marks a failed launch as handled until it is awaited after the build.
    launching.catch(() => {})
    try {
      await step('building the site', relEntry, () => buildSite(entry, stagingSite, base).catch((error) => {
        throw explainBuildError(error, deck)
      }))
    }
    catch (error) {
      await launching.then(browser => browser.close(), () => {})
      throw error
    }
    const browser = await launching.catch((error: Error) => {
      // Playwright appends its whole call log; the first lines say what went wrong.
      const reason = error.message.split(/\n(?:Browser logs|Call log):/)[0]
      throw new ExportError('starting the browser', executablePath, new Error(`${reason}\nIs ${executablePath} a working Chrome or Chromium? Set ${BROWSER_ENV} to choose another.`))
    })
    let printed: { slides: Uint8Array, handout: Uint8Array, citations: Citations }
    try {
      const context = await browser.newContext({
        viewport: { width: 980, height: 552 },
        colorScheme: 'light',
      })
      const site = await mountSite(context, stagingSite, base)
      const failOnBlocked = (): void => {
        if (site.blocked.length)
          throw new Error(`the deck tried to load from outside this machine:\n  ${site.blocked.join('\n  ')}`)
      }
      const { view, slides, citations } = await step('printing the slides PDF', site.url, async () => {
        const view = await openPrintView(context, site.url, deck.slides.length, ready => log(`      ${ready}/${deck.slides.length} slides rendered`))
        const slides = await printSlides(view)
        failOnBlocked()
        log(`      printed ${deck.slides.length} slides`)
        return { view, slides, citations: await readCitations(view.page) }
      })
      const handout = await step('printing the handout', site.url, async () => {
        const pdf = await printHandout(view.page, deck, citations, view.slideSize.width)
        failOnBlocked()
        return pdf
      })
      printed = { slides, handout, citations }
    }
    finally {
      await browser.close()
    }

    const finished = await step('finishing the PDFs', `${names.slides}, ${names.handout}`, async () => ({
      slides: await finishPdf(printed.slides, deck.meta, deckOutline(deck.slides)),
      // The handout keeps the outline Chromium made from its part and slide headings.
      handout: await finishPdf(printed.handout, deck.meta),
    }))

    return await step('writing the outputs', outDir, async () => {
      await mkdir(stagingPdfs, { recursive: true })
      for (const [kind, name] of Object.entries(names) as [keyof typeof names, string][]) {
        await writeFile(path.join(stagingPdfs, name), finished[kind])
        await cp(path.join(stagingPdfs, name), path.join(stagingSite, name))
      }
      // Renames within one file system are atomic: readers see the old file or the new one.
      for (const name of Object.values(names))
        await rename(path.join(stagingPdfs, name), path.join(outDir, name))
      await rm(siteDir, { recursive: true, force: true })
      await rename(stagingSite, siteDir)
      return {
        deck,
        slidesPdf: path.join(outDir, names.slides),
        handoutPdf: path.join(outDir, names.handout),
        siteDir,
        citations: printed.citations,
      }
    })
  }
  finally {
    await rm(stagingSite, { recursive: true, force: true })
    await rm(stagingPdfs, { recursive: true, force: true })
  }
}
