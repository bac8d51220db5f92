import type { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TYPESCRIPT_NODE_FLAGS } from '../../scripts/node-flags.ts'
import { pageTexts, readPdf, squash } from '../pdf.ts'

// `talk-kit pdf` keeps what it made and reuses it while nothing it reads has
// changed (scripts/cache.ts; test/cache.test.ts changes every kind of file
// one at a time, and npm's record of what is installed). Here a copy of the
// starter deck is exported again and again, by the command a speaker runs,
// with the kit's own cache: unchanged, or with only a test or a benchmark's
// results new, the outputs come back as they were, without a build or a
// browser; a new rehearsal reuses the site and prints anew; an edited slide
// builds anew, and the PDF says what the slide says now.

/** A PDF's text, without white space. */
async function textOf(bytes: Buffer): Promise<string> {
  return squash((await pageTexts(await readPdf(new Uint8Array(bytes)))).join(' '))
}

const run = promisify(execFile)
const STARTER = path.resolve('kit/test/fixtures/starter')
const REHEARSAL = path.join(STARTER, 'rehearsal.json')

let deck: string
let out: string

/** The copy's export with these options: its console output and its slides PDF. */
async function exportCopy(...args: string[]): Promise<{ stdout: string, slides: Buffer, script: Buffer, site: string[] }> {
  const { stdout } = await run(process.execPath, [
    ...TYPESCRIPT_NODE_FLAGS,
    'kit/cli/pdf.ts',
    '--entry',
    path.join(deck, 'slides.md'),
    '--out',
    path.join(out, 'exports'),
    '--site',
    path.join(out, 'dist'),
    ...args,
  ], { maxBuffer: 16 * 1024 * 1024 })
  const pdf = (kind: string): Promise<Buffer> => readFile(path.join(out, 'exports', `starter-${kind}.pdf`))
  return {
    stdout,
    slides: await pdf('slides'),
    script: await pdf('script'),
    site: (await readdir(path.join(out, 'dist'), { recursive: true })).sort(),
  }
}

beforeAll(async () => {
  // Inside the kit's folder, as a speaker's deck is: Slidev finds the kit's dependencies from there.
  deck = await mkdtemp(path.join(path.dirname(STARTER), '.tmp-cache-'))
  await cp(STARTER, deck, {
    recursive: true,
    filter: source => path.basename(source) !== 'node_modules',
  })
  out = await mkdtemp(path.join(tmpdir(), 'talk-cache-export-'))
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
    const rehearsed = await exportCopy('--rehearsal', REHEARSAL)
    expect(rehearsed.stdout).toContain('its site is reused')
    expect(rehearsed.stdout).toContain('printing the PDFs…')
    expect(rehearsed.script.equals(first.script)).toBe(false)
    expect(await textOf(rehearsed.script)).toContain(squash('rehearsed'))
  })

  it('with a slide edited, builds anew, and the PDF says what the slide says now', async () => {
    const slides = path.join(deck, 'slides.md')
    const words = 'Edited since the last export'
    await writeFile(slides, (await readFile(slides, 'utf8')).replace('# Clicks and marks', `# Clicks and marks\n\n${words}`))
    const edited = await exportCopy()
    expect(edited.stdout).toContain('building the site…')
    expect(edited.stdout).not.toContain('reused')
    expect(await textOf(edited.slides)).toContain(squash(words))
    expect(await textOf(first.slides)).not.toContain(squash(words))
  })

  it('with --no-cache, makes everything anew', async () => {
    const fresh = await exportCopy('--no-cache')
    expect(fresh.stdout).toContain('building the site…')
    expect(fresh.stdout).not.toContain('reused')
  })
})
