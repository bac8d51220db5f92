import type { TestProject } from 'vitest/node'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportDeck } from '../../scripts/export.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The static site the export built, with the PDFs in it. */
    siteDir: string
    slidesPdf: string
    handoutPdf: string
    /** Source ids each slide shows, by slide number, as rendered. */
    citations: Record<number, string[]>
    /** The folder the PDFs were written to. */
    exportDir: string
  }
}

let workDir: string

/** Exports the real deck once into a temporary folder for every test file. */
export async function setup(project: TestProject): Promise<void> {
  workDir = await mkdtemp(path.join(tmpdir(), 'talk-test-'))
  const result = await exportDeck({
    entry: 'slides.md',
    outDir: path.join(workDir, 'exports'),
    siteDir: path.join(workDir, 'dist'),
    log: () => {},
  })
  project.provide('siteDir', result.siteDir)
  project.provide('slidesPdf', result.slidesPdf)
  project.provide('handoutPdf', result.handoutPdf)
  project.provide('citations', result.citations)
  project.provide('exportDir', path.dirname(result.slidesPdf))
}

export async function teardown(): Promise<void> {
  await rm(workDir, { recursive: true, force: true })
}
