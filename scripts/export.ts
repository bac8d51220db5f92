import type { PdfKind } from '../addon/outputs.ts'
import type { Deck } from './deck.ts'
import type { Citations } from './print.ts'
import path from 'node:path'
import process from 'node:process'
import { DOWNLOAD_KINDS, pdfFileName } from '../addon/outputs.ts'
import { labelsFor } from '../i18n/index.ts'
import { BROWSER_ENV, resolveBrowser } from './browser.ts'
import { BuildError, buildSite, normaliseBase } from './build.ts'
import { unknownCitations } from './citations.ts'
import { loadDeck } from './deck.ts'
import { launchBrowser } from './launch.ts'
import { mountSite } from './local-site.ts'
import { PAPER_LAYOUTS, printPaper } from './paper/index.ts'
import { deckOutline, finishPdf } from './pdf-document.ts'
import { openPrintView, printSlides, printViewUrl, readCitations } from './print.ts'
import { checkOutputLocations, Staging } from './publish.ts'
import { qrCodeSvg } from './qr.ts'

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
  /** Stops the export (Ctrl-C): the build and the browser end, nothing is published. */
  signal?: AbortSignal
}

export interface ExportResult {
  deck: Deck
  /** Where each PDF landed. */
  pdfs: Record<PdfKind, string>
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
  'printing the paper layouts',
  'finishing the PDFs',
  'writing the outputs',
] as const

/**
 * Builds the site, prints both PDFs from it in one browser session, and only
 * then replaces the previous outputs: a failure at any step, or an
 * interruption, leaves them as they were and no staging folder behind.
 */
export async function exportDeck(options: ExportOptions): Promise<ExportResult> {
  const log = options.log ?? console.log
  const { signal } = options
  const base = normaliseBase(options.base)
  const entry = path.resolve(options.entry)
  const outDir = path.resolve(options.outDir)
  const siteDir = path.resolve(options.siteDir)

  async function step<T>(name: typeof STEPS[number], where: string, run: () => Promise<T> | T): Promise<T> {
    signal?.throwIfAborted()
    log(`[${STEPS.indexOf(name) + 1}/${STEPS.length}] ${name}…`)
    try {
      return await run()
    }
    catch (error) {
      throw new ExportError(name, where, signal?.aborted ? signal.reason : error)
    }
  }

  const relEntry = path.relative(process.cwd(), entry) || entry
  const deck = await step('reading the deck', relEntry, async () => {
    const deck = await loadDeck(entry)
    const unknown = unknownCitations(deck)
    if (unknown.length)
      throw new Error(`citations that data/sources.ts does not have:\n  ${unknown.join('\n  ')}`)
    await checkOutputLocations(outDir, siteDir, deck.root)
    return deck
  })
  const staging = new Staging(outDir, siteDir)
  // Also when the process is made to exit mid-way (a second Ctrl-C).
  const discardOnExit = (): void => staging.discardNow()
  process.on('exit', discardOnExit)
  try {
    const executablePath = await step('finding a browser', 'browser resolution', () => options.executablePath ?? resolveBrowser())
    // Chromium starts while the site builds: the two overlap instead of adding up.
    const launching = launchBrowser(executablePath)
    // Marks a failed launch as handled until it is awaited after the build.
    launching.catch(() => {})
    try {
      await step('building the site', relEntry, () => buildSite(entry, staging.siteDir, base, signal).catch((error) => {
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
    // Closing the browser makes whatever it is doing fail at once.
    const closeBrowser = (): void => {
      browser.close().catch(() => {})
    }
    signal?.addEventListener('abort', closeBrowser)
    let printed: { pdfs: Map<PdfKind, Uint8Array>, citations: Citations }
    try {
      // The canvas Slidev lays each slide out at, as its own export sizes the page.
      const { canvasWidth, aspectRatio, routerMode } = deck.config
      const context = await browser.newContext({
        viewport: {
          width: canvasWidth,
          height: Math.round(canvasWidth / aspectRatio),
        },
        colorScheme: 'light',
      })
      const site = await mountSite(context, staging.siteDir, base)
      const failOnBlocked = (): void => {
        if (site.blocked.length)
          throw new Error(`the deck tried to load from outside this machine:\n  ${site.blocked.join('\n  ')}`)
      }
      const pdfs = new Map<PdfKind, Uint8Array>()
      const { view, citations } = await step('printing the slides PDF', site.url, async () => {
        const view = await openPrintView(context, printViewUrl(site.url, routerMode), deck.slides.length, ready => log(`      ${ready}/${deck.slides.length} slides rendered`))
        pdfs.set('slides', await printSlides(view))
        failOnBlocked()
        log(`      printed ${deck.slides.length} slides`)
        return { view, citations: await readCitations(view.page) }
      })
      await step('printing the paper layouts', site.url, async () => {
        const input = {
          deck,
          citations,
          labels: labelsFor(deck.meta.lang),
          slideWidthPx: view.slideSize.width,
          bodyTextPx: view.bodyTextPx,
          qrSvg: deck.meta.url && qrCodeSvg(deck.meta.url),
        }
        for (const layout of PAPER_LAYOUTS) {
          const doc = layout(input)
          pdfs.set(doc.kind, await printPaper(view.page, input, doc))
          failOnBlocked()
          log(`      printed the ${doc.kind}`)
        }
      })
      printed = { pdfs, citations }
    }
    finally {
      signal?.removeEventListener('abort', closeBrowser)
      await browser.close()
    }

    const names = new Map([
      ...printed.pdfs.keys(),
    ].map(kind => [
      kind,
      pdfFileName(deck.meta.exportFilename, kind),
    ]))
    const finished = await step('finishing the PDFs', [
      ...names.values(),
    ].join(', '), async () => {
      const files: Record<string, Uint8Array> = {}
      for (const [kind, bytes] of printed.pdfs) {
        // The paper layouts keep the outline Chromium made from their part and slide headings.
        files[names.get(kind)!] = await finishPdf(bytes, deck.meta, kind === 'slides'
          ? deckOutline(deck.slides)
          : undefined)
      }
      return files
    })

    await step('writing the outputs', outDir, () => staging.publish(finished, DOWNLOAD_KINDS.map(kind => pdfFileName(deck.meta.exportFilename, kind))))
    return {
      deck,
      pdfs: Object.fromEntries([...names].map(([kind, name]) => [
        kind,
        path.join(outDir, name),
      ])) as Record<PdfKind, string>,
      siteDir,
      citations: printed.citations,
    }
  }
  finally {
    process.off('exit', discardOnExit)
    await staging.discard()
  }
}
