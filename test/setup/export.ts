import type { BrowserServer } from 'playwright-chromium'
import type { TestProject } from 'vitest/node'
import type { PdfKind } from '../../kit/outputs.ts'
import type { PdfCheck } from '../../kit/scripts/check/check.ts'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportDeck } from '../../kit/scripts/export.ts'
import { launchBrowserServer } from '../../kit/scripts/launch.ts'
import { exportWithCliOrFail } from '../../kit/test/export-cli.ts'
import { canUnshareNetwork } from '../../kit/test/network-namespace.ts'

/** Where the talk's site is hosted in the tests: a sub-path, as on GitHub Pages, so every site test also checks that nothing assumes the root. */
export const TEST_BASE = '/talk/'

/** What the export wrote for one edition of the talk. */
export interface ExportedEdition {
  /** The edition's language, as its headmatter's `lang`. */
  lang: string
  /** Its entry file, absolute. */
  entry: string
  /** Its folder in the site, relative to the site's root: '' for the English edition, 'de/' for the German one. */
  folder: string
  /** Each PDF the export wrote, by kind. */
  pdfs: Record<PdfKind, string>
  /** Source ids each slide shows, by slide number, as rendered. */
  citations: Record<number, string[]>
  /** Each PDF as the export checked it against what the browser showed. */
  checks: Record<PdfKind, PdfCheck>
}

/** What one export of a fixture deck wrote. */
export interface FixtureExport {
  entry: string
  exportDir: string
  siteDir: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The talk's static site, built for TEST_BASE, with the PDFs in it. */
    siteDir: string
    base: string
    /** Each PDF the export wrote, by kind. */
    pdfs: Record<PdfKind, string>
    /** Source ids each slide shows, by slide number, as rendered. */
    citations: Record<number, string[]>
    /** The folder the PDFs were written to. */
    exportDir: string
    /** Every edition of the talk, the English one (whose results the fields above give) first. */
    editions: ExportedEdition[]
    /** The deck in Slidev's starter style (test/fixtures/starter), exported by `npm run pdf`'s script. */
    starter: FixtureExport
    /** Whether that export ran with no network interface at all (`unshare -n`, where this machine allows it). */
    starterOffline: boolean
    /** The address of the one headless Chromium the site tests share (`chromium.connect`), each file in contexts of its own. */
    browserEndpoint: string
  }
}

const STARTER = 'kit/test/fixtures/starter/slides.md'
/** A rehearsal of the starter deck, as the presenter view saves one: its speaker script prints the times. */
export const STARTER_REHEARSAL = 'kit/test/fixtures/starter/rehearsal.json'

let workDir: string
let browserServer: BrowserServer | undefined

/**
 * Exports the talk and the starter-style fixture once for every e2e test
 * file. The fixture goes through the command line, as a speaker runs it, and
 * with no network at all where the machine allows: proof that nothing the
 * export does needs one. Then starts the browser the site tests share:
 * started once, not by each file for each edition.
 */
export async function setup(project: TestProject): Promise<void> {
  workDir = await mkdtemp(path.join(tmpdir(), 'talk-test-'))
  const starter: FixtureExport = {
    entry: path.resolve(STARTER),
    exportDir: path.join(workDir, 'starter', 'exports'),
    siteDir: path.join(workDir, 'starter', 'dist'),
  }
  const offline = canUnshareNetwork()
  // Both at once: each waits on its browser part of the time, which the other uses.
  const [talk] = await Promise.all([
    exportDeck({
      entry: 'slides.md',
      outDir: path.join(workDir, 'exports'),
      siteDir: path.join(workDir, 'dist'),
      base: TEST_BASE,
      log: () => {},
    }),
    exportWithCliOrFail({
      entry: STARTER,
      out: starter.exportDir,
      site: starter.siteDir,
      args: ['--rehearsal', STARTER_REHEARSAL],
      offline,
    }),
  ])
  project.provide('siteDir', talk.siteDir)
  project.provide('base', TEST_BASE)
  const [english] = talk.editions
  project.provide('pdfs', english!.pdfs)
  project.provide('citations', english!.citations)
  project.provide('exportDir', path.dirname(english!.pdfs.slides))
  project.provide('editions', talk.editions.map(edition => ({
    lang: edition.deck.meta.lang,
    entry: edition.deck.entry,
    folder: path.relative(talk.siteDir, edition.siteDir).split(path.sep).filter(Boolean).map(part => `${part}/`).join(''),
    pdfs: edition.pdfs,
    citations: edition.citations,
    checks: edition.checks,
  })))
  project.provide('starter', starter)
  project.provide('starterOffline', offline)

  browserServer = await launchBrowserServer()
  project.provide('browserEndpoint', browserServer.wsEndpoint())
}

export async function teardown(): Promise<void> {
  await browserServer?.close()
  await rm(workDir, { recursive: true, force: true })
}
