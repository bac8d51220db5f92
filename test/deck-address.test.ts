import { spawn } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { loadDeck, missingAddresses } from '../scripts/deck.ts'
import { TYPESCRIPT_NODE_FLAGS } from '../scripts/node-flags.ts'

// A closing slide's <DeckAddress> shows the headmatter's `url:`; a speaker who
// forgot to set it learns so from the export, before the talk.

const ROOT = path.resolve(import.meta.dirname, '..')

describe('a <DeckAddress> without an address', () => {
  it('is named, slide and file, with the headmatter to set `url:` in', async () => {
    const deck = await loadDeck(path.join(ROOT, 'test/fixtures/no-address/slides.md'))
    expect(missingAddresses(deck)).toEqual([
      expect.stringMatching(/^test\/fixtures\/no-address\/slides\.md, slide 2 "Thank you": <DeckAddress> has no address to show, as the headmatter of test\/fixtures\/no-address\/slides\.md sets no `url:`\./),
    ])
  })

  it('sends a translation to its original\'s headmatter, where `url:` is set for both', async () => {
    const deck = await loadDeck(path.join(ROOT, 'slides.de.md'))
    expect(deck.meta.url, 'the talk as shipped sets no url: (README says to set it)').toBeUndefined()
    const [line, ...rest] = missingAddresses(deck)
    expect(rest).toEqual([])
    expect(line).toMatch(/^pages\/de\/close\.md, slide \d+ ".+": <DeckAddress> has no address to show, as the headmatter of slides\.md sets no `url:`/)
  })

  it('is no concern where the headmatter sets `url:`', async () => {
    const deck = await loadDeck(path.join(ROOT, 'test/fixtures/starter/slides.md'))
    expect(deck.meta.url).toBeTruthy()
    expect(deck.slides.some(slide => slide.content.includes('<DeckAddress'))).toBe(true)
    expect(missingAddresses(deck)).toEqual([])
  })

  it('is a warning of the export\'s first step, before anything is built', async () => {
    // --out names a file, so the export stops at step 1, after reading the deck.
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'talk-address-')), 'a-file')
    await writeFile(out, '')
    const child = spawn(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      'scripts/pdf.ts',
      '--no-cache',
      '--entry',
      'test/fixtures/no-address/slides.md',
      '--out',
      out,
      '--site',
      path.join(path.dirname(out), 'dist'),
    ], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.resume()
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    expect(code).toBe(1)
    expect(stdout).toContain('Warning: test/fixtures/no-address/slides.md, slide 2 "Thank you": <DeckAddress> has no address to show')
    expect(stdout).not.toContain('[2/')
  }, 120_000)
})
