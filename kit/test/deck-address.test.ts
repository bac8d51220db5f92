import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck, missingAddresses } from '../scripts/deck.ts'
import { exportWithCli } from './export-cli.ts'
import { useTempDirs } from './temp-dirs.ts'

// A closing slide's <DeckAddress> shows the headmatter's `url:`; a speaker who
// forgot to set it learns so from the export, before the talk.

const NO_ADDRESS = 'kit/test/fixtures/no-address/slides.md'
const tempDir = useTempDirs()

describe('a <DeckAddress> without an address', () => {
  it('is named, slide and file, with the headmatter to set `url:` in', async () => {
    const deck = await loadDeck(NO_ADDRESS)
    expect(missingAddresses(deck)).toEqual([
      `${NO_ADDRESS}, slide 2 "Thank you": <DeckAddress> has no address to show, as the headmatter of ${NO_ADDRESS} sets no \`url:\`. Set it to the deck's public address, and the slide shows it with a QR code.`,
    ])
  })

  it('is no concern where the headmatter sets `url:`', async () => {
    const deck = await loadDeck('kit/test/fixtures/starter/slides.md')
    expect(deck.meta.url).toBeTruthy()
    expect(deck.slides.some(slide => slide.content.includes('<DeckAddress'))).toBe(true)
    expect(missingAddresses(deck)).toEqual([])
  })

  it('is a warning of the export\'s first step, before anything is built', async () => {
    // --out names a file, so the export stops at step 1, after reading the deck.
    const out = path.join(await tempDir('talk-address-'), 'a-file')
    await writeFile(out, '')
    const { code, stdout } = await exportWithCli({
      entry: NO_ADDRESS,
      out,
      site: path.join(path.dirname(out), 'dist'),
    })
    expect(code).toBe(1)
    expect(stdout).toContain(`Warning: ${NO_ADDRESS}, slide 2 "Thank you": <DeckAddress> has no address to show`)
    expect(stdout).not.toContain('[2/')
  }, 120_000)
})
