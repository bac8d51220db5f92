import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { PDF_KINDS, pdfFileName } from '../../outputs.ts'
import { TYPESCRIPT_NODE_FLAGS } from '../../scripts/node-flags.ts'
import { squash } from '../pdf.ts'

// A deck with emoji as Slidev's starter writes them, exported on a machine
// with no emoji font of its own (this one: fontconfig knows none): with the
// kit's emoji fonts in place, and with them removed.

const run = promisify(execFile)
const FIXTURE = 'kit/test/fixtures/emoji/slides.md'
const FONT_PACKAGES = ['@fontsource/noto-color-emoji', '@fontsource/noto-emoji']
const dirs: string[] = []

interface Outcome { code: number, stdout: string, stderr: string, exports: string, site: string }

async function exportEmoji(): Promise<Outcome> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talk-emoji-'))
  dirs.push(dir)
  const exports = path.join(dir, 'exports')
  const site = path.join(dir, 'dist')
  try {
    const { stdout, stderr } = await run(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      'kit/cli/pdf.ts',
      '--no-cache',
      '--entry',
      FIXTURE,
      '--out',
      exports,
      '--site',
      site,
    ], {
      env: { ...process.env, NO_COLOR: '1' },
    })
    return {
      code: 0,
      stdout,
      stderr,
      exports,
      site,
    }
  }
  catch (error) {
    const failed = error as { code: number, stdout: string, stderr: string }
    return {
      code: failed.code,
      stdout: failed.stdout,
      stderr: failed.stderr,
      exports,
      site,
    }
  }
}

async function popplerText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', [file, '-'])
  return squash(stdout)
}

afterAll(() => Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true }))))

describe('a deck with emoji, on a machine without an emoji font', () => {
  it('has no emoji font of its own, so the kit\'s is all that draws them', async () => {
    const { stdout } = await run('fc-list', [':charset=1f4dd'])
    expect(stdout.trim()).toBe('')
  })

  it('prints its emoji with the kit\'s font: drawn in every PDF, their characters in its text, and the site holds only the subsets they need', async () => {
    const outcome = await exportEmoji()
    expect(outcome.stderr).not.toContain('no font on this machine draws')
    expect(outcome.code, outcome.stderr).toBe(0)
    for (const kind of PDF_KINDS) {
      const file = path.join(outcome.exports, pdfFileName('emoji', kind))
      const text = await popplerText(file)
      for (const emoji of ['📝', '🎨', '📤', '⚠'])
        expect(text, `${emoji} in the ${kind} PDF`).toContain(emoji)
      expect(text, kind).toContain(squash('But it\'s not SSR compatible!'))
      const { stdout } = await run('pdffonts', [file])
      expect(stdout, kind).toContain('NotoEmoji')
    }
    const fonts = (await readdir(path.join(outcome.site, 'assets'))).filter(name => name.includes('emoji'))
    // Subset 0 holds the flags, which the deck does not use.
    expect(fonts.some(name => name.startsWith('noto-color-emoji-'))).toBe(true)
    expect(fonts.some(name => name.startsWith('noto-color-emoji-0-'))).toBe(false)
  })

  it('without the kit\'s font, exports all the same and says once per slide which characters no font draws, and what to install', async () => {
    const moved = FONT_PACKAGES.map(name => [
      path.resolve('node_modules', name),
      path.resolve('node_modules', `${name}.removed`),
    ] as const)
    for (const [from, to] of moved)
      await rename(from, to)
    let outcome: Outcome
    try {
      outcome = await exportEmoji()
    }
    finally {
      for (const [from, to] of moved)
        await rename(to, from)
    }
    expect(outcome.code, outcome.stderr).toBe(0)
    const lines = outcome.stderr.split('\n')
    const first = lines.filter(line => line.includes('slide 1 "Emoji fixture" in kit/test/fixtures/emoji/slides.md'))
    expect(first).toHaveLength(1)
    for (const emoji of ['📝', '🎨', '🧑‍💻', '📤'])
      expect(first[0]).toContain(emoji)
    expect(outcome.stderr).toContain('npm install -D @fontsource/noto-color-emoji @fontsource/noto-emoji')
    expect(outcome.stderr).not.toContain('missing from the PDFs')
  })
})
