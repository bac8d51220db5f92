import type { Browser } from 'playwright-chromium'
import type { PdfKind } from '../addon/outputs.ts'
import type { PdfCheck } from './check/check.ts'
import type { Deck } from './deck.ts'
import type { Citations, PrintedPdf } from './print.ts'
import path from 'node:path'
import process from 'node:process'
import { DOWNLOAD_KINDS, PDF_KINDS, pdfFileName } from '../addon/outputs.ts'
import { labelsFor } from '../i18n/index.ts'
import { BuildError, buildSite, normaliseBase } from './build.ts'
import { checkedLine, describeLosses } from './check/report.ts'
import { unknownCitations } from './citations.ts'
import { loadDeck } from './deck.ts'
import { printLayouts } from './paper/index.ts'
import { openEdition } from './print.ts'
import { checkOutputLocations, Staging } from './publish.ts'
import { readRehearsals } from './rehearsals.ts'

export interface ExportOptions {
  /** The deck's entry Markdown file; its `translations:` are exported with it. */
  entry: string
  /** Where the PDFs land. */
  outDir: string
  /** Where the static site lands; the PDFs are copied into it for download. */
  siteDir: string
  /** Base path the site is hosted under. */
  base?: string
  /** Only these editions, by language (the entry's own `lang` or a translation's); all by default. */
  languages?: string[]
  executablePath?: string
  log?: (message: string) => void
  /** Stops the export (Ctrl-C): the builds and the browser end, nothing is published. */
  signal?: AbortSignal
  /** Rehearsals saved by the presenter view: the speaker script of each one's edition prints its times beside the plan. */
  rehearsals?: string[]
  /**
   * What a slide that lost text or a drawing in a PDF does: fail the export
   * (the default), or only be reported through `warn`.
   */
  pageCheck?: PageCheckMode
  warn?: (message: string) => void
}

export type PageCheckMode = 'fail' | 'warn'
export const PAGE_CHECK_MODES: readonly PageCheckMode[] = ['fail', 'warn']

/** One language of the talk: a deck of its own, built into its own folder of the site. */
interface Edition {
  deck: Deck
  /** Its folder in the site, '' for the entry's own edition. */
  folder: string
  /** Its language in the PDFs' names, '' for the entry's own edition. */
  suffix: string
}

export interface EditionResult {
  deck: Deck
  /** Where each PDF landed. */
  pdfs: Record<PdfKind, string>
  /** Its folder in the site. */
  siteDir: string
  /** Source ids each slide shows, by slide number, as rendered. */
  citations: Citations
  /** Each PDF checked against what the browser showed. */
  checks: Record<PdfKind, PdfCheck>
}

export interface ExportResult {
  /** The entry's own edition first, then its translations. */
  editions: EditionResult[]
  siteDir: string
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
  'checking the pages',
  'finishing the PDFs',
  'writing the outputs',
] as const

/** The entry's deck and its translations, each checked, as far as `languages` asks for them. */
async function loadEditions(entry: string, languages: string[] | undefined): Promise<Edition[]> {
  const main = await loadDeck(entry)
  const editions: Edition[] = [
    { deck: main, folder: '', suffix: '' },
  ]
  for (const [lang, file] of Object.entries(main.meta.translations)) {
    const deck = await loadDeck(path.resolve(main.root, file))
    if (deck.meta.lang !== lang || !deck.meta.translationOf || path.resolve(deck.root, deck.meta.translationOf) !== main.entry)
      throw new Error(`${path.relative(process.cwd(), deck.entry)}: a translation's headmatter says \`lang: ${lang}\` and \`translationOf: ${path.relative(deck.root, main.entry)}\`.`)
    editions.push({ deck, folder: lang, suffix: lang })
  }
  for (const { deck } of editions) {
    const unknown = unknownCitations(deck)
    if (unknown.length)
      throw new Error(`citations that data/sources.ts does not have:\n  ${unknown.join('\n  ')}`)
  }
  const chosen = languages?.length
    ? editions.filter(({ deck }) => languages.includes(deck.meta.lang))
    : editions
  if (!chosen.length)
    throw new Error(`no edition in ${languages!.join(', ')}; the talk has ${editions.map(({ deck }) => deck.meta.lang).join(', ')}`)
  return chosen
}

/**
 * Builds the site of every edition, prints all their PDFs in one browser
 * session, and only then replaces the previous outputs: a failure at any
 * step, or an interruption, leaves them as they were and no staging folder
 * behind. Independent work overlaps: the browser starts while the first
 * edition builds, each further edition builds while the ones before it
 * print, and each PDF is finished while the next one prints.
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
      // A step that waits on another's work (a translation's build) reports that step's failure as it is.
      if (error instanceof ExportError && !signal?.aborted)
        throw error
      throw new ExportError(name, where, signal?.aborted ? signal.reason : error)
    }
  }

  const relEntry = path.relative(process.cwd(), entry) || entry
  const { editions, rehearsals } = await step('reading the deck', relEntry, async () => {
    const editions = await loadEditions(entry, options.languages)
    await checkOutputLocations(outDir, siteDir, editions[0]!.deck.root)
    const rehearsals = await readRehearsals(options.rehearsals ?? [], editions.map(({ deck }) => deck), message => log(`Warning: ${message}`))
    return { editions, rehearsals }
  })
  const staging = new Staging(outDir, siteDir, base)
  // Also when the process is made to exit mid-way (a second Ctrl-C).
  const discardOnExit = (): void => staging.discardNow()
  process.on('exit', discardOnExit)
  // Ends the builds still running when the export stops, by failure or by Ctrl-C.
  const builds: Promise<void>[] = []
  const stopBuilds = new AbortController()
  const stopOnInterrupt = (): void => stopBuilds.abort(signal?.reason)
  signal?.addEventListener('abort', stopOnInterrupt)
  let launching: Promise<Browser> | undefined
  // Closing the browser makes whatever it is doing fail at once.
  const closeBrowser = (): Promise<void> | undefined => launching?.then(browser => browser.close(), () => {})
  signal?.addEventListener('abort', closeBrowser)
  try {
    // The builds start first and run in child processes; everything up to
    // printing happens while they work, heavy imports included.
    // One build at a time: Slidev writes its generated modules into the
    // project's node_modules/.slidev, and two builds of one project would
    // overwrite each other's. A translation builds while the editions before
    // it print, so the builds still overlap with work.
    for (const [index, { deck, folder }] of editions.entries()) {
      const built = (builds[index - 1] ?? Promise.resolve())
        .then(() => buildSite(deck.entry, path.join(staging.siteDir, folder), `${base}${folder
          ? `${folder}/`
          : ''}`, stopBuilds.signal))
        .catch((error) => {
          throw error instanceof ExportError
            ? error
            : new ExportError('building the site', path.relative(process.cwd(), deck.entry), explainBuildError(error, deck))
        })
      built.catch(() => {})
      builds.push(built)
    }
    // pdf-lib and Playwright take a second to load: they load while the sites build.
    const finishing = import('./pdf/finish.ts')
    const checking = import('./check/check.ts')

    const executablePath = await step('finding a browser', 'browser resolution', async () =>
      options.executablePath ?? (await import('./browser.ts')).resolveBrowser())
    // Chromium starts while the sites build: the two overlap instead of adding up.
    launching = import('./launch.ts').then(({ launchBrowser }) => launchBrowser(executablePath))
    launching.catch(() => {})
    await step('building the site', relEntry, () => builds[0])
    const browser = await launching.catch(async (error: Error) => {
      const { BROWSER_ENV } = await import('./browser.ts')
      // Playwright appends its whole call log; the first lines say what went wrong.
      const reason = error.message.split(/\n(?:Browser logs|Call log):/)[0]
      throw new ExportError('starting the browser', executablePath, new Error(`${reason}\nIs ${executablePath} a working Chrome or Chromium? Set ${BROWSER_ENV} to choose another.`))
    })
    const { loadPrintedPdf, finishPdf, deckOutline } = await finishing
    const { checkPdf } = await checking

    const opened = await step('printing the slides PDF', relEntry, () => Promise.all(editions.map(async ({ deck, folder }, index) => {
      await builds[index]
      const edition = await openEdition(browser, deck, staging.siteDir, base, folder, ready => log(`      ${deck.meta.lang}: ${ready}/${deck.slides.length} slides rendered`))
      log(`      ${deck.meta.lang}: printed ${deck.slides.length} slides`)
      return edition
    })))
    const finished = new Map<string, Promise<Uint8Array>>()
    const checked = new Map<string, { edition: Edition, kind: PdfKind, check: Promise<PdfCheck> }>()
    const finish = (edition: Edition, kind: PdfKind, { bytes, links, shown, headings }: PrintedPdf): void => {
      // The paper layouts keep the outline Chromium made from their part and slide headings, retitled as they name them.
      const outline = kind === 'slides'
        ? deckOutline(edition.deck.slides)
        : undefined
      const name = pdfFileName(edition.deck.meta.exportFilename, kind, edition.suffix)
      // The PDF is loaded once: checked against what the browser showed, then finished (which changes it), while the next one prints.
      const loaded = loadPrintedPdf(bytes)
      const check = loaded.then(pdf => checkPdf(pdf, shown))
      check.catch(() => {})
      checked.set(name, { edition, kind, check })
      const done = check.then(() => loaded, () => loaded).then(pdf => finishPdf(pdf, edition.deck.meta, { name, outline, headings, links }))
      done.catch(() => {})
      finished.set(name, done)
    }
    for (const [index, edition] of editions.entries())
      finish(edition, 'slides', opened[index]!.slides)

    await step('printing the paper layouts', relEntry, () => Promise.all(editions.map(async (edition, index) => {
      const { deck } = edition
      for await (const { kind, printed } of printLayouts(opened[index]!, deck, labelsFor(deck.meta.lang), rehearsals.get(deck.meta.lang))) {
        finish(edition, kind, printed)
        log(`      ${deck.meta.lang}: printed the ${kind}`)
      }
    })))
    await closeBrowser()

    const checks = await step('checking the pages', [
      ...checked.keys(),
    ].join(', '), async () => {
      const results = new Map<string, { edition: Edition, kind: PdfKind, check: PdfCheck }>()
      for (const [name, { edition, kind, check }] of checked) {
        const result = await check
        results.set(name, { edition, kind, check: result })
        log(checkedLine(edition.deck.meta.lang, kind, result))
      }
      const losses = editions.flatMap(edition => describeLosses(edition.deck.slides, [
        ...results.values(),
      ].filter(result => result.edition === edition)))
      if (losses.length) {
        const message = `what the browser showed is missing from the PDFs:\n  ${losses.join('\n  ')}`
        if (options.pageCheck !== 'warn')
          throw new Error(`${message}\n(--page-check warn exports anyway, with this as a warning)`)
        const warn = options.warn ?? console.warn
        warn(`Warning: ${message}`)
      }
      return results
    })

    const files = await step('finishing the PDFs', [
      ...finished.keys(),
    ].join(', '), async () =>
      Object.fromEntries(await Promise.all([...finished].map(async ([name, bytes]) => [name, await bytes] as const))))

    const offered = Object.fromEntries(editions.flatMap(({ deck, suffix, folder }) => DOWNLOAD_KINDS.map(kind => [
      pdfFileName(deck.meta.exportFilename, kind, suffix),
      folder,
    ])))
    await step('writing the outputs', outDir, () => staging.publish(files, offered))
    return {
      siteDir,
      editions: editions.map(({ deck, folder, suffix }, index) => ({
        deck,
        pdfs: Object.fromEntries(PDF_KINDS.map(kind => [
          kind,
          path.join(outDir, pdfFileName(deck.meta.exportFilename, kind, suffix)),
        ])) as Record<PdfKind, string>,
        siteDir: path.join(siteDir, folder),
        citations: opened[index]!.citations,
        checks: Object.fromEntries(PDF_KINDS.map(kind => [
          kind,
          checks.get(pdfFileName(deck.meta.exportFilename, kind, suffix))!.check,
        ])) as Record<PdfKind, PdfCheck>,
      })),
    }
  }
  finally {
    signal?.removeEventListener('abort', closeBrowser)
    signal?.removeEventListener('abort', stopOnInterrupt)
    stopBuilds.abort()
    await Promise.allSettled(builds)
    await closeBrowser()
    process.off('exit', discardOnExit)
    await staging.discard()
  }
}
