import type { Browser } from 'playwright-core'
import type { PdfKind } from '../outputs.ts'
import type { Rehearsal } from '../utils/rehearsal.ts'
import type { PdfCheck } from './check/check.ts'
import type { Deck } from './deck.ts'
import type { Citations, NetworkCard, OpenedEdition, PrintedPdf } from './print.ts'
import type { SourceRegistry } from './sources.ts'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { labelsFor } from '../i18n/index.ts'
import { DOWNLOAD_KINDS, PDF_KINDS, pdfFileName } from '../outputs.ts'
import { missingKitAddon } from './addon.ts'
import { BuildError, buildSites, normaliseBase } from './build.ts'
import { browserIdentity, cacheKey, ExportCache, hashInputs } from './cache.ts'
import { checkedLine, describeLosses, describeUndrawable, UNDRAWABLE_FIX } from './check/report.ts'
import { loadDeck, missingAddresses } from './deck.ts'
import { printLayouts } from './paper/index.ts'
import { deckOutline } from './pdf/deck-outline.ts'
import { PdfFinisher } from './pdf/finisher.ts'
import { openEdition } from './print.ts'
import { checkOutputLocations, Staging } from './publish.ts'
import { readRehearsals } from './rehearsals.ts'
import { KIT_ROOT } from './runtime.ts'
import { citationProblem, loadSourceRegistry } from './sources.ts'

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
  /**
   * A folder where the export keeps the sites it built and the PDFs it
   * printed, by a hash of all they were made from, and reuses them when
   * nothing of that has changed; none by default.
   */
  cacheDir?: string
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
  /** Its sources, from the registry its headmatter names, in its language. */
  sources: SourceRegistry
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
  /** What needs the network, shown as a card with its address instead. */
  networkCards: NetworkCard[]
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

/** What an export reports beside its PDFs, kept with them in the cache. */
interface ExportReport {
  /** The browser that printed them (scripts/cache.ts, browserIdentity). */
  browser: string
  /** By edition, in the export's order. */
  editions: Pick<EditionResult, 'citations' | 'checks' | 'networkCards'>[]
}

/** A PDF's page check, with the edition and layout it belongs to. */
interface CheckedPdf {
  edition: Edition
  kind: PdfKind
  check: PdfCheck
}

/**
 * The cache's keys: the site's, from every file the export reads (the
 * kit's shipped files, the deck's folder, dependencies by npm's record of
 * them), the base and the editions; the
 * outputs', from the site's and everything else the PDFs depend on.
 */
async function cacheKeys(editions: Edition[], options: { base: string, outDir: string, siteDir: string, pageCheck: PageCheckMode, rehearsals: string[] }): Promise<{ site: string, outputs: string }> {
  const inputs = await hashInputs({
    kit: KIT_ROOT,
    deck: editions[0]!.deck.root,
    outputs: [options.outDir, options.siteDir],
  })
  const site = cacheKey('site', inputs, options.base, editions.map(({ deck }) => deck.meta.lang))
  const rehearsals = await Promise.all(options.rehearsals.map(file => readFile(file, 'utf8')))
  return {
    site,
    outputs: cacheKey('outputs', site, options.pageCheck, rehearsals, process.version),
  }
}

/** What the export returns: where each edition's outputs are, and what it found. */
function exportResult(editions: Edition[], report: ExportReport, outDir: string, siteDir: string): ExportResult {
  return {
    siteDir,
    editions: editions.map(({ deck, folder, suffix }, index) => ({
      deck,
      pdfs: Object.fromEntries(PDF_KINDS.map(kind => [
        kind,
        path.join(outDir, pdfFileName(deck.meta.exportFilename, kind, suffix)),
      ])) as Record<PdfKind, string>,
      siteDir: path.join(siteDir, folder),
      ...report.editions[index]!,
    })),
  }
}

/**
 * One line for each slide that shows what needs the network as a card
 * (kit/network/): the slide, its file, and each component with its address.
 */
export function describeNetworkCards(slides: Deck['slides'], cards: NetworkCard[]): string[] {
  return slides.flatMap((slide) => {
    const shown = cards.filter(card => card.slide === slide.no)
    return shown.length
      ? [`slide ${slide.no} "${slide.title}" in ${path.relative(process.cwd(), slide.file)}: ${shown.map(({ component, address }) => `<${component}> ${address}`).join('; ')}`]
      : []
  })
}

const STEPS = [
  'reading the deck',
  'finding a browser',
  'building the site',
  'printing the PDFs',
  'checking the pages',
  'finishing the PDFs',
  'writing the outputs',
] as const

/** The entry's deck and its translations, each checked, as far as `languages` asks for them. */
async function loadEditions(entry: string, languages: string[] | undefined): Promise<Edition[]> {
  const main = await loadDeck(entry)
  const noAddon = missingKitAddon(main)
  if (noAddon)
    throw new Error(noAddon)
  const editions: Edition[] = [
    {
      deck: main,
      folder: '',
      suffix: '',
      sources: await loadSourceRegistry(main),
    },
  ]
  for (const [lang, file] of Object.entries(main.meta.translations)) {
    const deck = await loadDeck(path.resolve(main.root, file))
    if (deck.meta.lang !== lang || !deck.meta.translationOf || path.resolve(deck.root, deck.meta.translationOf) !== main.entry)
      throw new Error(`${path.relative(process.cwd(), deck.entry)}: a translation's headmatter says \`lang: ${lang}\` and \`translationOf: ${path.relative(deck.root, main.entry)}\`.`)
    editions.push({
      deck,
      folder: lang,
      suffix: lang,
      sources: await loadSourceRegistry(deck),
    })
  }
  const chosen = languages?.length
    ? editions.filter(({ deck }) => languages.includes(deck.meta.lang))
    : editions
  if (!chosen.length)
    throw new Error(`no edition in ${languages!.join(', ')}; the talk has ${editions.map(({ deck }) => deck.meta.lang).join(', ')}`)
  return chosen
}

/** A PDF on its way: printed, being checked and finished. */
interface PrintingPdf {
  edition: Edition
  kind: PdfKind
  check: Promise<PdfCheck>
  bytes: Promise<Uint8Array>
}

/**
 * Prints every edition's PDFs from its built site, the editions side by
 * side, each in a page of its own; each PDF is checked and finished in the
 * finisher's thread while the next one prints. Returns each edition's print
 * view and the PDFs by file name.
 */
async function printEditions(browser: Browser, editions: Edition[], { siteDir, base, rehearsals, finisher, log }: {
  siteDir: string
  base: string
  rehearsals: Map<string, Rehearsal>
  finisher: PdfFinisher
  log: (message: string) => void
}): Promise<{ opened: OpenedEdition[], pdfs: Map<string, PrintingPdf> }> {
  const pdfs = new Map<string, PrintingPdf>()
  const finish = (edition: Edition, kind: PdfKind, { bytes, links, shown, headings }: PrintedPdf): void => {
    // The paper layouts keep the outline Chromium made from their part and slide headings, retitled as they name them.
    const outline = kind === 'slides'
      ? deckOutline(edition.deck.slides)
      : undefined
    const name = pdfFileName(edition.deck.meta.exportFilename, kind, edition.suffix)
    pdfs.set(name, {
      edition,
      kind,
      ...finisher.finish(bytes, shown, edition.deck.meta, { name, outline, headings, links }),
    })
  }
  const opened = await Promise.all(editions.map(async (edition) => {
    const { deck } = edition
    const printing = await openEdition(browser, deck, siteDir, base, edition.folder, ready => log(`      ${deck.meta.lang}: ${ready}/${deck.slides.length} slides rendered`))
    // The paper layouts print each cited source's full reference: every citation must have one.
    const problem = citationProblem(deck, printing.citations, edition.sources)
    if (problem)
      throw new Error(problem)
    finish(edition, 'slides', printing.slides)
    log(`      ${deck.meta.lang}: printed the slides`)
    for await (const { kind, printed } of printLayouts(printing, deck, labelsFor(deck.meta.lang), edition.sources.references, rehearsals.get(deck.meta.lang))) {
      finish(edition, kind, printed)
      log(`      ${deck.meta.lang}: printed the ${kind}`)
    }
    return printing
  }))
  return { opened, pdfs }
}

/** One export under way: what it read, where it stages, and what it has started, to stop and clean up. */
interface ExportRun {
  options: ExportOptions
  log: (message: string) => void
  signal?: AbortSignal
  base: string
  outDir: string
  siteDir: string
  relEntry: string
  editions: Edition[]
  rehearsals: Map<string, Rehearsal>
  cache?: { store: ExportCache, keys: { site: string, outputs: string } }
  staging: Staging
  /** The PDFs the site offers for download, by file name, with the edition's folder. */
  offered: Record<string, string>
  /** The builds under way, stopped by `stopBuilds` when the export ends. */
  builds: Promise<void>[]
  stopBuilds: AbortController
  launching?: Promise<Browser>
  finisher?: PdfFinisher
  step: <T>(name: typeof STEPS[number], where: string, run: () => Promise<T> | T) => Promise<T>
}

/** Closes the browser, if one was started: whatever it is doing fails at once. */
function closeBrowser(run: ExportRun): Promise<void> | undefined {
  return run.launching?.then(browser => browser.close(), () => {})
}

function findBrowser(run: ExportRun): Promise<string> {
  return run.step('finding a browser', 'browser resolution', async () =>
    run.options.executablePath ?? (await import('./browser.ts')).resolveBrowser())
}

/**
 * Fails the export on what the PDFs lost against the browser, or only warns
 * with `--page-check warn`; warns of characters no font draws, which are
 * never drawn, so never lost.
 */
function warnOfLosses(run: ExportRun, results: CheckedPdf[]): void {
  const undrawable = run.editions.flatMap(edition => describeUndrawable(edition.deck.slides, results.filter(result => result.edition === edition)))
  if (undrawable.length)
    (run.options.warn ?? console.warn)(`Warning: no font on this machine draws these characters; the browser and every PDF show an empty box in their place:\n  ${undrawable.join('\n  ')}\n${UNDRAWABLE_FIX}`)
  const losses = run.editions.flatMap(edition => describeLosses(edition.deck.slides, results.filter(result => result.edition === edition)))
  if (!losses.length)
    return
  const message = `what the browser showed is missing from the PDFs:\n  ${losses.join('\n  ')}`
  if (run.options.pageCheck !== 'warn')
    throw new Error(`${message}\n(--page-check warn exports anyway, with this as a warning)`)
  const warn = run.options.warn ?? console.warn
  warn(`Warning: ${message}`)
}

/** Warns, once for each slide, of what needs the network and is shown as a card instead. */
function warnOfNetworkCards(run: ExportRun, report: ExportReport): void {
  const lines = run.editions.flatMap((edition, index) => describeNetworkCards(edition.deck.slides, report.editions[index]!.networkCards ?? []))
  if (lines.length)
    (run.options.warn ?? console.warn)(`Warning: what needs the network is printed, and shown on the site, as a card with its address (the slides load nothing from elsewhere):\n  ${lines.join('\n  ')}`)
}

function warnOfCache(run: ExportRun, error: Error): void {
  run.log(`Warning: the export cache in ${run.cache!.store.dir} could not be written (${error.message}); the outputs are not affected.`)
}

/**
 * Reuse: when nothing the outputs are made from has changed since an earlier
 * export, the browser included, that export's outputs are this one's. Returns
 * them, or the browser it found on the way when they cannot be reused.
 */
async function reuseOutputs(run: ExportRun): Promise<{ result?: ExportResult, executablePath?: string }> {
  const { cache, editions, staging } = run
  const earlier = await cache?.store.outputs<ExportReport>(cache.keys.outputs)
  if (!earlier)
    return {}
  const executablePath = await findBrowser(run)
  if (earlier.report.browser !== await browserIdentity(executablePath) || !await cache!.store.restoreSite(cache!.keys.site, staging.siteDir))
    return { executablePath }
  run.log('      nothing it is made from has changed since the last export: its outputs are reused (--no-cache makes them anew)')
  warnOfLosses(run, editions.flatMap((edition, index) => PDF_KINDS.map(kind => ({ edition, kind, check: earlier.report.editions[index]!.checks[kind] }))))
  await run.step('writing the outputs', run.outDir, () => staging.publish(earlier.pdfs, run.offered))
  warnOfNetworkCards(run, earlier.report)
  return {
    result: exportResult(editions, earlier.report, run.outDir, run.siteDir),
  }
}

/**
 * Make: builds the site of every edition (or copies the one an earlier
 * export built from the same files), prints all their PDFs in one browser
 * session, checks and finishes them, and publishes them with the site.
 */
async function makeOutputs(run: ExportRun, executablePath?: string): Promise<ExportResult> {
  const { cache, editions, staging, log, relEntry } = run
  // The site of an earlier export from the same files and dependencies is
  // copied; else the builds start first, in a child process, and
  // everything up to printing happens while they work, heavy imports
  // included. One build at a time: Slidev writes its generated modules into
  // the project's node_modules/.slidev, and two builds of one project would
  // overwrite each other's.
  const siteReused = await cache?.store.restoreSite(cache.keys.site, staging.siteDir)
  const sites = siteReused
    ? editions.map(() => Promise.resolve())
    : buildSites(editions.map(({ deck, folder }) => ({
        entry: deck.entry,
        outDir: path.join(staging.siteDir, folder),
        base: `${run.base}${folder
          ? `${folder}/`
          : ''}`,
      })), run.stopBuilds.signal)
  for (const [index, site] of sites.entries()) {
    const { deck } = editions[index]!
    const built = site.catch((error) => {
      throw new ExportError('building the site', path.relative(process.cwd(), deck.entry), explainBuildError(error, deck))
    })
    built.catch(() => {})
    run.builds.push(built)
  }
  // Kept before the PDFs go into it, while the PDFs print.
  const siteStored = cache && !siteReused
    ? Promise.all(run.builds).then(() => cache.store.storeSite(cache.keys.site, staging.siteDir)).catch((error: Error) => warnOfCache(run, error))
    : undefined
  siteStored?.catch(() => {})
  // pdf-lib and Playwright take a second to load: they load while the sites build.
  run.finisher = new PdfFinisher()
  const launcher = import('./launch.ts')
  launcher.catch(() => {})

  executablePath ??= await findBrowser(run)
  const browserPath = executablePath
  await run.step('building the site', relEntry, async () => {
    // Printing waits for every site: an edition printing beside a
    // translation's build would add Chromium's memory to the build's and
    // gain no time, for the two compete for the same processors.
    await Promise.all(run.builds)
    if (siteReused)
      log('      nothing it is built from has changed since the last export: its site is reused')
  })
  // Chromium starts once the sites are built, not beside the build: the
  // build process is largest at its end, and Chromium beside it set the
  // export's peak memory (both editions, measured: 1,100 to 1,120 MB,
  // against 1,030 to 1,060 MB started after) and gained no time, for the
  // two compete for the same processors.
  run.launching = launcher.then(({ launchBrowser }) => launchBrowser(browserPath))
  const browser = await run.launching.catch(async (error: Error) => {
    const { BROWSER_ENV } = await import('./browser.ts')
    // Playwright appends its whole call log; the first lines say what went wrong.
    const reason = error.message.split(/\n(?:Browser logs|Call log):/)[0]
    throw new ExportError('starting the browser', browserPath, new Error(`${reason}\nIs ${browserPath} a working Chrome or Chromium? Set ${BROWSER_ENV} to choose another.`))
  })
  const { opened, pdfs } = await run.step('printing the PDFs', relEntry, () =>
    printEditions(browser, editions, {
      siteDir: staging.siteDir,
      base: run.base,
      rehearsals: run.rehearsals,
      finisher: run.finisher!,
      log,
    }))
  await closeBrowser(run)

  const checks = await run.step('checking the pages', [
    ...pdfs.keys(),
  ].join(', '), async () => {
    const results = new Map<string, CheckedPdf>()
    for (const [name, { edition, kind, check }] of pdfs) {
      const result = await check
      results.set(name, { edition, kind, check: result })
      log(checkedLine(edition.deck.meta.lang, kind, result))
    }
    warnOfLosses(run, [
      ...results.values(),
    ])
    return results
  })

  const files = await run.step('finishing the PDFs', [
    ...pdfs.keys(),
  ].join(', '), async () =>
    Object.fromEntries(await Promise.all([...pdfs].map(async ([name, { bytes }]) => [name, await bytes] as const))))

  const report: ExportReport = {
    browser: await browserIdentity(browserPath),
    editions: editions.map(({ deck, suffix }, index) => ({
      citations: opened[index]!.citations,
      networkCards: opened[index]!.networkCards,
      checks: Object.fromEntries(PDF_KINDS.map(kind => [
        kind,
        checks.get(pdfFileName(deck.meta.exportFilename, kind, suffix))!.check,
      ])) as Record<PdfKind, PdfCheck>,
    })),
  }
  await siteStored
  await run.step('writing the outputs', run.outDir, () => staging.publish(files, run.offered))
  await cache?.store.storeOutputs(cache.keys.outputs, { pdfs: files, report }).catch((error: Error) => warnOfCache(run, error))
  warnOfNetworkCards(run, report)
  return exportResult(editions, report, run.outDir, run.siteDir)
}

/**
 * Exports a deck: reads it, then reuses the outputs of an earlier export
 * made from the same files, or makes them anew, and only then replaces the
 * previous outputs: a failure at any step, or an interruption, leaves them
 * as they were and no staging folder behind. Independent work overlaps: the
 * browser starts while the sites build, the editions print side by side,
 * and each PDF is finished while the next one prints.
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
  const { editions, rehearsals, keys } = await step('reading the deck', relEntry, async () => {
    const editions = await loadEditions(entry, options.languages)
    for (const message of editions.flatMap(({ deck }) => missingAddresses(deck)))
      log(`Warning: ${message}`)
    await checkOutputLocations(outDir, siteDir, editions[0]!.deck.root)
    const rehearsals = await readRehearsals(options.rehearsals ?? [], editions.map(({ deck }) => deck), message => log(`Warning: ${message}`))
    const keys = options.cacheDir
      ? await cacheKeys(editions, {
          base,
          outDir,
          siteDir,
          pageCheck: options.pageCheck ?? 'fail',
          rehearsals: options.rehearsals ?? [],
        })
      : undefined
    return { editions, rehearsals, keys }
  })
  const run: ExportRun = {
    options,
    log,
    signal,
    base,
    outDir,
    siteDir,
    relEntry,
    editions,
    rehearsals,
    cache: options.cacheDir && keys
      ? {
          store: new ExportCache(options.cacheDir),
          keys,
        }
      : undefined,
    staging: new Staging(outDir, siteDir, base),
    offered: Object.fromEntries(editions.flatMap(({ deck, suffix, folder }) => DOWNLOAD_KINDS.map(kind => [
      pdfFileName(deck.meta.exportFilename, kind, suffix),
      folder,
    ]))),
    builds: [],
    stopBuilds: new AbortController(),
    step,
  }
  // Also when the process is made to exit mid-way (a second Ctrl-C).
  const discardOnExit = (): void => run.staging.discardNow()
  process.on('exit', discardOnExit)
  // Ends the builds still running, and the browser, when the export stops by failure or by Ctrl-C.
  const stopOnInterrupt = (): void => run.stopBuilds.abort(signal?.reason)
  const closeOnInterrupt = (): void => void closeBrowser(run)
  signal?.addEventListener('abort', stopOnInterrupt)
  signal?.addEventListener('abort', closeOnInterrupt)
  try {
    const reused = await reuseOutputs(run)
    return reused.result ?? await makeOutputs(run, reused.executablePath)
  }
  finally {
    signal?.removeEventListener('abort', closeOnInterrupt)
    signal?.removeEventListener('abort', stopOnInterrupt)
    run.stopBuilds.abort()
    await Promise.allSettled(run.builds)
    await closeBrowser(run)
    await run.finisher?.close()
    process.off('exit', discardOnExit)
    await run.staging.discard()
  }
}
