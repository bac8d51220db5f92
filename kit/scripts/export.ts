import type { Browser } from 'playwright-chromium'
import type { PdfKind } from '../outputs.ts'
import type { Rehearsal } from '../utils/rehearsal.ts'
import type { PdfCheck } from './check/check.ts'
import type { Deck } from './deck.ts'
import type { Citations, NetworkCard, OpenedEdition, PrintedPdf } from './print.ts'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { labelsFor } from '../i18n/index.ts'
import { DOWNLOAD_KINDS, PDF_KINDS, pdfFileName } from '../outputs.ts'
import { BuildError, buildSites, normaliseBase } from './build.ts'
import { browserIdentity, cacheKey, ExportCache, hashInputs, KIT_ROOT } from './cache.ts'
import { checkedLine, describeLosses, describeUndrawable, UNDRAWABLE_FIX } from './check/report.ts'
import { unknownCitations } from './citations.ts'
import { loadDeck } from './deck.ts'
import { printLayouts } from './paper/index.ts'
import { deckOutline } from './pdf/deck-outline.ts'
import { PdfFinisher } from './pdf/finisher.ts'
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
 * The cache's keys: the site's, from every input file (the deck's and the
 * kit's, dependencies by lockfile), the base and the editions; the
 * outputs', from the site's and everything else the PDFs depend on.
 */
async function cacheKeys(editions: Edition[], options: { base: string, outDir: string, siteDir: string, pageCheck: PageCheckMode, rehearsals: string[] }): Promise<{ site: string, outputs: string }> {
  const inputs = await hashInputs({
    roots: [KIT_ROOT, editions[0]!.deck.root],
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
    finish(edition, 'slides', printing.slides)
    log(`      ${deck.meta.lang}: printed the slides`)
    for await (const { kind, printed } of printLayouts(printing, deck, labelsFor(deck.meta.lang), rehearsals.get(deck.meta.lang))) {
      finish(edition, kind, printed)
      log(`      ${deck.meta.lang}: printed the ${kind}`)
    }
    return printing
  }))
  return { opened, pdfs }
}

/**
 * Builds the site of every edition, prints all their PDFs in one browser
 * session, and only then replaces the previous outputs: a failure at any
 * step, or an interruption, leaves them as they were and no staging folder
 * behind. Independent work overlaps: the browser starts while the sites
 * build, the editions print side by side, and each PDF is finished while
 * the next one prints.
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
  const cache = options.cacheDir && keys
    ? {
        store: new ExportCache(options.cacheDir),
        keys,
      }
    : undefined
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
  let finisher: PdfFinisher | undefined
  // Closing the browser makes whatever it is doing fail at once.
  const closeBrowser = (): Promise<void> | undefined => launching?.then(browser => browser.close(), () => {})
  signal?.addEventListener('abort', closeBrowser)
  const findBrowser = (): Promise<string> => step('finding a browser', 'browser resolution', async () =>
    options.executablePath ?? (await import('./browser.ts')).resolveBrowser())
  const offered = Object.fromEntries(editions.flatMap(({ deck, suffix, folder }) => DOWNLOAD_KINDS.map(kind => [
    pdfFileName(deck.meta.exportFilename, kind, suffix),
    folder,
  ])))
  const warnOfLosses = (results: CheckedPdf[]): void => {
    const warn = options.warn ?? console.warn
    // Never drawn, so never lost: the PDFs show what the browser showed, an empty box.
    const undrawable = editions.flatMap(edition => describeUndrawable(edition.deck.slides, results.filter(result => result.edition === edition)))
    if (undrawable.length)
      warn(`Warning: no font on this machine draws these characters; the browser and every PDF show an empty box in their place:\n  ${undrawable.join('\n  ')}\n${UNDRAWABLE_FIX}`)
    const losses = editions.flatMap(edition => describeLosses(edition.deck.slides, results.filter(result => result.edition === edition)))
    if (!losses.length)
      return
    const message = `what the browser showed is missing from the PDFs:\n  ${losses.join('\n  ')}`
    if (options.pageCheck !== 'warn')
      throw new Error(`${message}\n(--page-check warn exports anyway, with this as a warning)`)
    warn(`Warning: ${message}`)
  }
  const warnOfNetworkCards = (report: ExportReport): void => {
    const lines = editions.flatMap((edition, index) => describeNetworkCards(edition.deck.slides, report.editions[index]!.networkCards ?? []))
    if (lines.length)
      (options.warn ?? console.warn)(`Warning: what needs the network is printed, and shown on the site, as a card with its address (the slides load nothing from elsewhere):\n  ${lines.join('\n  ')}`)
  }
  const warnOfCache = (error: Error): void => log(`Warning: the export cache in ${cache!.store.dir} could not be written (${error.message}); the outputs are not affected.`)
  try {
    // Nothing it is made from has changed since an earlier export, the
    // browser included: its outputs are this export's.
    const earlier = await cache?.store.outputs<ExportReport>(cache.keys.outputs)
    let executablePath: string | undefined
    if (earlier) {
      executablePath = await findBrowser()
      if (earlier.report.browser === await browserIdentity(executablePath) && await cache!.store.restoreSite(cache!.keys.site, staging.siteDir)) {
        log('      nothing it is made from has changed since the last export: its outputs are reused (--no-cache makes them anew)')
        warnOfLosses(editions.flatMap((edition, index) => PDF_KINDS.map(kind => ({ edition, kind, check: earlier.report.editions[index]!.checks[kind] }))))
        await step('writing the outputs', outDir, () => staging.publish(earlier.pdfs, offered))
        warnOfNetworkCards(earlier.report)
        return exportResult(editions, earlier.report, outDir, siteDir)
      }
    }

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
          base: `${base}${folder
            ? `${folder}/`
            : ''}`,
        })), stopBuilds.signal)
    for (const [index, site] of sites.entries()) {
      const { deck } = editions[index]!
      const built = site.catch((error) => {
        throw new ExportError('building the site', path.relative(process.cwd(), deck.entry), explainBuildError(error, deck))
      })
      built.catch(() => {})
      builds.push(built)
    }
    // Kept before the PDFs go into it, while the PDFs print.
    const siteStored = cache && !siteReused
      ? Promise.all(builds).then(() => cache.store.storeSite(cache.keys.site, staging.siteDir)).catch(warnOfCache)
      : undefined
    siteStored?.catch(() => {})
    // pdf-lib and Playwright take a second to load: they load while the sites build.
    finisher = new PdfFinisher()

    executablePath ??= await findBrowser()
    const browserPath = executablePath
    // Chromium starts while the sites build: the two overlap instead of adding up.
    launching = import('./launch.ts').then(({ launchBrowser }) => launchBrowser(browserPath))
    launching.catch(() => {})
    await step('building the site', relEntry, async () => {
      // Printing waits for every site: an edition printing beside a
      // translation's build would add Chromium's memory to the build's and
      // gain no time, for the two compete for the same processors.
      await Promise.all(builds)
      if (siteReused)
        log('      nothing it is built from has changed since the last export: its site is reused')
    })
    const browser = await launching.catch(async (error: Error) => {
      const { BROWSER_ENV } = await import('./browser.ts')
      // Playwright appends its whole call log; the first lines say what went wrong.
      const reason = error.message.split(/\n(?:Browser logs|Call log):/)[0]
      throw new ExportError('starting the browser', browserPath, new Error(`${reason}\nIs ${browserPath} a working Chrome or Chromium? Set ${BROWSER_ENV} to choose another.`))
    })
    const { opened, pdfs } = await step('printing the PDFs', relEntry, () =>
      printEditions(browser, editions, {
        siteDir: staging.siteDir,
        base,
        rehearsals,
        finisher: finisher!,
        log,
      }))
    await closeBrowser()

    const checks = await step('checking the pages', [
      ...pdfs.keys(),
    ].join(', '), async () => {
      const results = new Map<string, CheckedPdf>()
      for (const [name, { edition, kind, check }] of pdfs) {
        const result = await check
        results.set(name, { edition, kind, check: result })
        log(checkedLine(edition.deck.meta.lang, kind, result))
      }
      warnOfLosses([
        ...results.values(),
      ])
      return results
    })

    const files = await step('finishing the PDFs', [
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
    await step('writing the outputs', outDir, () => staging.publish(files, offered))
    await cache?.store.storeOutputs(cache.keys.outputs, { pdfs: files, report }).catch(warnOfCache)
    warnOfNetworkCards(report)
    return exportResult(editions, report, outDir, siteDir)
  }
  finally {
    signal?.removeEventListener('abort', closeBrowser)
    signal?.removeEventListener('abort', stopOnInterrupt)
    stopBuilds.abort()
    await Promise.allSettled(builds)
    await closeBrowser()
    await finisher?.close()
    process.off('exit', discardOnExit)
    await staging.discard()
  }
}
