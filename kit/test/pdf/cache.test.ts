import type { Buffer } from 'node:buffer'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../scripts/deck.ts'
import { exportWithCli, exportWithCliOrFail } from '../export-cli.ts'
import { pageTexts, readPdf, squash } from '../pdf.ts'

// `talk-kit pdf` keeps what it made and reuses it while nothing it reads has
// changed (scripts/cache.ts; test/cache.test.ts changes every kind of file
// one at a time, and npm's record of what is installed). Here a copy of a
// two-slide deck is exported again and again, by the command a speaker runs,
// with the kit's own cache: unchanged, or with only a test or a benchmark's
// results new, the outputs come back as they were, without a build or a
// browser; a new rehearsal reuses the site and prints anew; an edited slide
// builds anew, and the PDF says what the slide says now. The smallest deck
// does: what the cache keeps and when it reuses it does not depend on what
// the slides hold, and every export here builds or prints it again.

/** A PDF's text, without white space. */
async function textOf(bytes: Buffer): Promise<string> {
  return squash((await pageTexts(await readPdf(new Uint8Array(bytes)))).join(' '))
}

const FIXTURE = path.resolve('kit/test/fixtures/plain')

let deck: string
let out: string
let rehearsal: string

/** The copy's export with these options: its console output and its slides PDF. */
async function exportCopy(...args: string[]): Promise<{ stdout: string, slides: Buffer, script: Buffer, site: string[] }> {
  const { stdout } = await exportWithCliOrFail({
    entry: path.join(deck, 'slides.md'),
    out: path.join(out, 'exports'),
    site: path.join(out, 'dist'),
    args,
    cache: true,
  })
  const pdf = (kind: string): Promise<Buffer> => readFile(path.join(out, 'exports', `broken-${kind}.pdf`))
  return {
    stdout,
    slides: await pdf('slides'),
    script: await pdf('script'),
    site: (await readdir(path.join(out, 'dist'), { recursive: true })).sort(),
  }
}

beforeAll(async () => {
  // Inside the kit's folder, as a speaker's deck is: Slidev finds the kit's dependencies from there.
  deck = await mkdtemp(path.join(path.dirname(FIXTURE), '.tmp-cache-'))
  await cp(FIXTURE, deck, {
    recursive: true,
    filter: source => path.basename(source) !== 'node_modules',
  })
  out = await mkdtemp(path.join(tmpdir(), 'talk-cache-export-'))
  // A rehearsal of the copy, as the presenter view saves one: its speaker script prints the times.
  const { meta, slides } = await loadDeck(path.join(deck, 'slides.md'))
  rehearsal = path.join(out, 'rehearsal.json')
  await writeFile(rehearsal, JSON.stringify({
    format: 'talk-kit-rehearsal',
    version: 1,
    title: meta.title,
    lang: meta.lang,
    started: '2026-03-13T18:30:00.000Z',
    slides: slides.map(slide => ({ no: slide.no, title: slide.title, seconds: 30 + slide.no })),
  }))
})

afterAll(async () => {
  await rm(deck, { recursive: true, force: true })
  await rm(out, { recursive: true, force: true })
})

describe('an export of a deck it has exported before', () => {
  let first: Awaited<ReturnType<typeof exportCopy>>

  beforeAll(async () => {
    first = await exportCopy()
  })

  it('builds and prints the first time', () => {
    expect(first.stdout).toContain('building the site…')
    expect(first.stdout).toContain('printing the PDFs…')
    expect(first.stdout).not.toContain('reused')
    expect(first.site).toContain('index.html')
  })

  it('with nothing changed, gives back the same PDFs and site without building or printing', async () => {
    const again = await exportCopy()
    expect(again.stdout).toContain('its outputs are reused')
    expect(again.stdout).not.toContain('building the site')
    expect(again.stdout).not.toContain('printing the PDFs')
    expect(again.slides.equals(first.slides)).toBe(true)
    expect(again.script.equals(first.script)).toBe(true)
    expect(again.site).toEqual(first.site)
  })

  it('with a test edited and a benchmark\'s results written, reuses everything: the export reads neither', async () => {
    const results = path.resolve('kit/bench/results', `cache-test-${process.pid}.json`)
    await mkdir(path.dirname(results), { recursive: true })
    await writeFile(results, '{}\n')
    await mkdir(path.join(deck, 'test'))
    await writeFile(path.join(deck, 'test', 'deck.test.ts'), 'export {}\n')
    try {
      const again = await exportCopy()
      expect(again.stdout).toContain('its outputs are reused')
      expect(again.slides.equals(first.slides)).toBe(true)
    }
    finally {
      await rm(results, { force: true })
      await rm(path.join(deck, 'test'), { recursive: true, force: true })
    }
  })

  it('with a rehearsal to print, reuses the site and prints anew', async () => {
    const rehearsed = await exportCopy('--rehearsal', rehearsal)
    expect(rehearsed.stdout).toContain('its site is reused')
    expect(rehearsed.stdout).toContain('printing the PDFs…')
    expect(rehearsed.script.equals(first.script)).toBe(false)
    expect(await textOf(rehearsed.script)).toContain(squash('rehearsed'))
  })

  it('with a slide edited, builds anew, and the PDF says what the slide says now', async () => {
    const slides = path.join(deck, 'slides.md')
    const words = 'Edited since the last export'
    await writeFile(slides, (await readFile(slides, 'utf8')).replace('# A second slide', `# A second slide\n\n${words}`))
    const edited = await exportCopy()
    expect(edited.stdout).toContain('building the site…')
    expect(edited.stdout).not.toContain('reused')
    expect(await textOf(edited.slides)).toContain(squash(words))
    expect(await textOf(first.slides)).not.toContain(squash(words))
  })

  it('with --no-cache, reuses nothing and builds anew', async () => {
    // Stopped once the build has started: from there on, the export is the one
    // every other export test runs, with --no-cache (kit/test/export-cli.ts).
    const fresh = await exportWithCli({
      entry: path.join(deck, 'slides.md'),
      out: path.join(out, 'exports'),
      site: path.join(out, 'dist'),
      args: ['--no-cache'],
      cache: true,
      interruptWhen: 'building the site…',
    })
    expect(fresh.stdout).toContain('building the site…')
    expect(fresh.stdout).not.toContain('reused')
    expect(fresh.code).toBe(130)
  })
})
