import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PDF_KINDS, pdfFileName } from '../../addon/outputs.ts'
import { loadDeck } from '../../scripts/deck.ts'
import { TYPESCRIPT_NODE_FLAGS } from '../../scripts/node-flags.ts'
import { openPdf, readOutline, squash } from '../pdf.ts'

// Published Slidev decks nobody here wrote, each exported as its author
// would with the page check strict (the default), and read back: every
// slide's heading and words in every PDF, titles as the slides show them.
// test/fixtures/composable-vue is Anthony Fu's talk "Composable Vue"
// (VueDay 2021) as Slidev's own repository keeps it (demo/composable-vue,
// MIT): markers in headings, emoji, carbon icons, code with Monaco's
// squiggles, click steps, two columns, components drawing SVG.

const run = promisify(execFile)
const DECKS = ['composable-vue'] as const
const dirs: string[] = []

interface Exported { stdout: string, stderr: string, pdfs: Record<(typeof PDF_KINDS)[number], string> }
const exported = new Map<string, Exported>()

beforeAll(async () => {
  for (const name of DECKS) {
    const dir = await mkdtemp(path.join(tmpdir(), `talk-real-${name}-`))
    dirs.push(dir)
    const entry = `test/fixtures/${name}/slides.md`
    const { stdout, stderr } = await run(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      'scripts/pdf.ts',
      '--no-cache',
      '--entry',
      entry,
      '--out',
      path.join(dir, 'exports'),
      '--site',
      path.join(dir, 'dist'),
    ], {
      env: { ...process.env, NO_COLOR: '1' },
    })
    const { meta } = await loadDeck(entry)
    exported.set(name, {
      stdout,
      stderr,
      pdfs: Object.fromEntries(PDF_KINDS.map(kind => [
        kind,
        path.join(dir, 'exports', pdfFileName(meta.exportFilename, kind)),
      ])) as Exported['pdfs'],
    })
  }
}, 600_000)

afterAll(() => Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true }))))

async function popplerText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', [file, '-'])
  return squash(stdout)
}

describe.each(DECKS)('the published deck %s', (name) => {
  it('exports with the page check strict, every slide of every PDF checked, nothing missing and nothing to warn of', async () => {
    const { stdout, stderr } = exported.get(name)!
    const { slides } = await loadDeck(`test/fixtures/${name}/slides.md`)
    for (const kind of PDF_KINDS)
      expect(stdout).toContain(`checked the ${kind} PDF, ${slides.length} slides`)
    expect(stderr).not.toContain('Warning')
  })

  it('holds every slide\'s heading, as the slide shows it, in every PDF', async () => {
    const { slides } = await loadDeck(`test/fixtures/${name}/slides.md`)
    for (const kind of PDF_KINDS) {
      const text = await popplerText(exported.get(name)!.pdfs[kind])
      for (const slide of slides.slice(1))
        expect(text, `slide ${slide.no} in the ${kind} PDF`).toContain(squash(slide.title))
    }
  })

  it('names its slides in the outline without Markdown or tags', async () => {
    const titles = (await readOutline(await openPdf(exported.get(name)!.pdfs.slides))).map(item => item.title)
    expect(titles.join('\n')).not.toMatch(/[<>`*]/)
  })
})

describe('composable Vue', () => {
  it('keeps its emoji and marker badges in every PDF', async () => {
    for (const kind of PDF_KINDS) {
      // The PDF may keep the emoji's variation selector (⚠️) or not.
      const text = (await popplerText(exported.get('composable-vue')!.pdfs[kind])).replace(/\uFE0F/g, '')
      expect(text, kind).toContain(squash('⚠ But it\'s not SSR compatible!'))
      for (const badge of ['Core', 'Pattern', 'Case'])
        expect(text, `${badge} in the ${kind} PDF`).toContain(badge)
    }
  })

  it('titles "Ref Auto Unwrapping <MarkerCore />" and "`unref` - Opposite of Ref <MarkerCore />" as their headings read', async () => {
    const titles = (await readOutline(await openPdf(exported.get('composable-vue')!.pdfs.slides))).map(item => item.title)
    expect(titles).toEqual(expect.arrayContaining(['Ref Auto Unwrapping', 'unref - Opposite of Ref', 'useTitle Case']))
    const overview = await popplerText(exported.get('composable-vue')!.pdfs.overview)
    expect(overview).toContain(squash('6 unref - Opposite of Ref'))
  })
})
