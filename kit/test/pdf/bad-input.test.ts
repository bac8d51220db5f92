import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PDF_KINDS } from '../../outputs.ts'
import { exportWithCli } from '../export-cli.ts'
import { useTempDirs } from '../temp-dirs.ts'

const PREVIOUS = '%PDF-1.7 the previous export, which a failed run must keep'
const tempDir = useTempDirs()

interface Outcome {
  code: number | null
  stdout: string
  stderr: string
  dir: string
}

/**
 * Runs `npm run pdf`'s script on a fixture deck over an earlier export, in a
 * folder of its own. `interruptWhen` sends Ctrl-C (SIGINT) once stdout shows it;
 * `args` are added to the command line.
 */
async function exportFixture(fixture: string, options: { out?: string, interruptWhen?: string, args?: string[] } = {}): Promise<Outcome> {
  const dir = await tempDir('talk-bad-')
  await mkdir(path.join(dir, 'exports'))
  await writeFile(path.join(dir, 'exports', 'broken-slides.pdf'), PREVIOUS)
  const { code, stdout, stderr } = await exportWithCli({
    entry: `kit/test/fixtures/${fixture}/slides.md`,
    out: options.out ?? path.join(dir, 'exports'),
    site: path.join(dir, 'dist'),
    args: options.args,
    interruptWhen: options.interruptWhen,
  })
  return { code, stdout, stderr, dir }
}

/** The earlier export is byte for byte as it was, and nothing else was left: no site, no staging folder. */
async function expectPreviousKept(dir: string): Promise<void> {
  expect(await readFile(path.join(dir, 'exports', 'broken-slides.pdf'), 'utf8')).toBe(PREVIOUS)
  expect(await readdir(path.join(dir, 'exports'))).toEqual(['broken-slides.pdf'])
  expect(await readdir(dir)).toEqual(['exports'])
}

describe('a broken deck', () => {
  it('that does not compile fails, naming the slide, its file and the problem', async () => {
    const { code, stderr, dir } = await exportFixture('broken-vue')
    expect(code).toBe(1)
    expect(stderr).toContain('building the site')
    expect(stderr).toContain('slide 2 "Broken slide" in kit/test/fixtures/broken-vue/slides.md')
    expect(stderr).toContain('Element is missing end tag')
    await expectPreviousKept(dir)
  })

  it('that imports a missing file fails while reading the deck, naming the file', async () => {
    const { code, stderr, dir } = await exportFixture('missing-import')
    expect(code).toBe(1)
    expect(stderr).toContain('reading the deck')
    expect(stderr).toMatch(/kit\/test\/fixtures\/missing-import\/slides\.md:\d+: Imported markdown file not found: .*does-not-exist\.md/)
    await expectPreviousKept(dir)
  })

  it('that cites an unknown source fails, naming the slide and the id', async () => {
    const { code, stderr, dir } = await exportFixture('unknown-source')
    expect(code).toBe(1)
    expect(stderr).toContain('kit/test/fixtures/unknown-source/slides.md, slide 2 "A claim without a known source": unknown source "no-such-source"')
    await expectPreviousKept(dir)
  })

  it('whose headmatter is not valid YAML fails while reading the deck, with file, line and column', async () => {
    const { code, stdout, stderr, dir } = await exportFixture('broken-yaml')
    expect(code).toBe(1)
    expect(stderr).toContain('Export failed while reading the deck')
    expect(stderr).toContain('kit/test/fixtures/broken-yaml/slides.md:7:7: the frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings')
    // One line of explanation, not the parser's dump.
    expect(stderr).not.toMatch(/\^|YAMLParseError|\{/)
    expect(stdout).not.toContain('[2/')
    await expectPreviousKept(dir)
  })
})

describe('a deck whose PDFs would lack what the browser shows', () => {
  it('with a line and an icon hidden only in print fails the page check, naming the slide, its file and what each PDF lacks', async () => {
    const { code, stderr, dir } = await exportFixture('print-hidden')
    expect(code).toBe(1)
    expect(stderr).toContain('Export failed while checking the pages')
    const [line] = stderr.split('\n').filter(text => text.includes('slide 2 "A slide that hides in print" in kit/test/fixtures/print-hidden/slides.md'))
    expect(line).toBeDefined()
    // Each thing once: the PDFs that lack the same are named together, with their pages.
    expect(line).toMatch(new RegExp(`the ${PDF_KINDS.slice(0, -1).join(', ')} and ${PDF_KINDS.at(-1)} PDFs \\(pages \\d+, \\d+, \\d+, \\d+\\) lack the text "Shown on screen only" and an SVG drawing \\([^)]*screen-only`))
    expect(line!.split('Shown on screen only')).toHaveLength(2)
    expect(stderr).not.toMatch(/slide 1 /)
    await expectPreviousKept(dir)
  })

  it('exports anyway with --page-check warn, and says what is missing', async () => {
    const { code, stdout, stderr, dir } = await exportFixture('print-hidden', {
      args: ['--page-check', 'warn'],
    })
    expect(code).toBe(0)
    expect(stderr).toContain('Warning: what the browser showed is missing from the PDFs')
    expect(stderr).toContain('slide 2 "A slide that hides in print"')
    expect(stdout).toContain('Done in')
    expect(await readdir(path.join(dir, 'exports'))).toEqual(expect.arrayContaining(['broken-slides.pdf', 'broken-handout.pdf']))
    expect(await readFile(path.join(dir, 'exports', 'broken-slides.pdf'), 'utf8')).not.toBe(PREVIOUS)
  })
})

describe('a deck that would load from other hosts', () => {
  it('with Slidev\'s default favicon and web fonts fails before building, naming the headmatter fields', async () => {
    const { code, stdout, stderr, dir } = await exportFixture('slidev-defaults')
    expect(code).toBe(1)
    expect(stderr).toContain('Export failed while reading the deck')
    expect(stderr).toContain('the favicon is loaded from https://cdn.jsdelivr.net/gh/slidevjs/slidev/assets/favicon.png. Set `favicon:` in the headmatter')
    expect(stderr).toMatch(/the fonts .* are loaded from google\. Set `fonts: \{ provider: none \}` in the headmatter/)
    expect(stdout).not.toContain('building the site')
    await expectPreviousKept(dir)
  })

  it('with a remote image, stylesheet and script fails before building, naming the slide and each address', async () => {
    const { code, stdout, stderr, dir } = await exportFixture('outside-request')
    expect(code).toBe(1)
    expect(stderr).toContain('kit/test/fixtures/outside-request/slides.md, slide 1')
    for (const address of ['https://example.com/x.png', 'https://example.com/remote.css', 'https://example.com/remote.js'])
      expect(stderr).toContain(`loads ${address} from another host. Copy it into public/`)
    expect(stdout).not.toContain('building the site')
    await expectPreviousKept(dir)
  })
})

describe('a mistyped command line', () => {
  it('fails at once, naming the option it did not understand and listing the ones there are', async () => {
    const { code, stdout, stderr, dir } = await exportFixture('plain', {
      args: ['--langauge', 'de'],
    })
    expect(code).toBe(2)
    expect(stderr).toContain('Unknown option \'--langauge\'')
    expect(stderr).toMatch(/^ {2}--language CODE /m)
    expect(stdout).not.toContain('[1/')
    await expectPreviousKept(dir)
  })

  it('fails at once on a page check that is neither fail nor warn', async () => {
    const { code, stdout, stderr, dir } = await exportFixture('plain', {
      args: ['--page-check', 'off'],
    })
    expect(code).toBe(2)
    expect(stderr).toContain('--page-check is fail or warn, not "off"')
    expect(stdout).not.toContain('[1/')
    await expectPreviousKept(dir)
  })

  it('fails at step 1 on a rehearsal file it cannot use, naming the file and why', async () => {
    const missing = await exportFixture('plain', {
      args: ['--rehearsal', 'no-such-rehearsal.json'],
    })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Export failed while reading the deck')
    expect(missing.stderr).toContain('no-such-rehearsal.json cannot be read: there is no such file')
    expect(missing.stdout).not.toContain('[2/')
    await expectPreviousKept(missing.dir)
    const other = path.join(await tempDir('talk-rehearsal-'), 'rehearsal-fr.json')
    await writeFile(other, JSON.stringify({
      format: 'talk-kit-rehearsal',
      version: 1,
      lang: 'fr',
      slides: [],
    }))
    const wrongEdition = await exportFixture('plain', {
      args: ['--rehearsal', other],
    })
    expect(wrongEdition.code).toBe(1)
    expect(wrongEdition.stderr).toContain('is a rehearsal of the "fr" edition, which this export does not print; it prints en.')
    await expectPreviousKept(wrongEdition.dir)
  })

  it('answers --help with the options and builds nothing', async () => {
    const { code, stdout, dir } = await exportFixture('plain', {
      args: ['--help'],
    })
    expect(code).toBe(0)
    for (const option of [
      '--entry',
      '--out',
      '--site',
      '--base',
      '--language',
      '--page-check',
      '--rehearsal',
    ])
      expect(stdout).toContain(option)
    await expectPreviousKept(dir)
  })
})

describe('wrong output locations', () => {
  it('fail at step 1 when --out names a file', async () => {
    const file = path.join(await tempDir('talk-out-'), 'a-file.pdf')
    await writeFile(file, 'not a folder')
    const { code, stdout, stderr, dir } = await exportFixture('starter', { out: file })
    expect(code).toBe(1)
    expect(stderr).toContain(`Export failed while reading the deck (kit/test/fixtures/starter/slides.md):\n--out ${file} is a file; it must name a folder.`)
    expect(stdout).not.toContain('[2/')
    expect(await readFile(file, 'utf8')).toBe('not a folder')
    await expectPreviousKept(dir)
  })

  it('fail at step 1 when a folder cannot be created', async () => {
    const file = path.join(await tempDir('talk-out-'), 'a-file')
    await writeFile(file, '')
    const { code, stderr, dir } = await exportFixture('starter', {
      out: path.join(file, 'exports'),
    })
    expect(code).toBe(1)
    expect(stderr).toContain(`--out ${path.join(file, 'exports')} cannot be created: ${file} is a file.`)
    await expectPreviousKept(dir)
  })
})

describe('an interrupted export (Ctrl-C)', () => {
  it.each(['building the site', 'printing the PDFs'])('while %s stops, keeps the previous PDFs and leaves no staging folder', async (stepName) => {
    const { code, stderr, dir } = await exportFixture('plain', { interruptWhen: stepName })
    expect(code).toBe(130)
    expect(stderr).toContain('Interrupted: stopping the export')
    expect(stderr).toContain(`Export failed while ${stepName}`)
    expect(await readFile(path.join(dir, 'exports', 'broken-slides.pdf'), 'utf8')).toBe(PREVIOUS)
    expect(await readdir(path.join(dir, 'exports'))).toEqual(['broken-slides.pdf'])
    expect(await readdir(dir)).toEqual(['exports'])
  })
})
