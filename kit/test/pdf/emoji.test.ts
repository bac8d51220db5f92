import type { CliRun } from '../export-cli.ts'
import { execFile } from 'node:child_process'
import { readdir, readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PDF_KINDS, pdfFileName } from '../../outputs.ts'
import { launchBrowser } from '../../scripts/launch.ts'
import { mountSite } from '../../scripts/local-site.ts'
import { exportWithCli } from '../export-cli.ts'
import { squash } from '../pdf.ts'
import { useTempDirs } from '../temp-dirs.ts'

// A deck with emoji as Slidev's starter writes them, exported on a machine
// with no emoji font of its own (this one: fontconfig knows none): with the
// kit's emoji font in place, and with it removed.

const run = promisify(execFile)
const FIXTURE = 'kit/test/fixtures/emoji/slides.md'
const FONT_PACKAGE = 'twemoji-colr-font'
// The emoji the fixture shows; 🇩🇪 is a flag (two regional indicators), 🧑‍💻 a ZWJ sequence.
const EMOJI = [
  '📝',
  '🎨',
  '🧑‍💻',
  '📤',
  '⚠',
  '✅',
  '🇩🇪',
]
const tempDir = useTempDirs()

interface Outcome extends CliRun { exports: string, site: string }

async function exportEmoji(): Promise<Outcome> {
  const dir = await tempDir('talk-emoji-')
  const exports = path.join(dir, 'exports')
  const site = path.join(dir, 'dist')
  return {
    ...await exportWithCli({ entry: FIXTURE, out: exports, site }),
    exports,
    site,
  }
}

async function popplerText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', [file, '-'])
  return squash(stdout)
}

/**
 * How many pixels of a PDF's pages, as poppler draws them, are a strong
 * yellow or green: the fixture's ⚠ and ✅ in colour. The kit's paper
 * layouts and the fixture's text use none (black, greys, the paper's blue).
 */
async function yellowOrGreenPixels(file: string): Promise<number> {
  const dir = await tempDir('talk-emoji-pages-')
  await run('pdftoppm', [
    '-r',
    '100',
    file,
    path.join(dir, 'page'),
  ])
  let count = 0
  for (const name of await readdir(dir)) {
    const image = await readFile(path.join(dir, name))
    // Binary PPM: "P6", width, height, maximum value, then RGB triples.
    const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(image.toString('latin1', 0, 40))!
    for (let at = header[0].length; at + 2 < image.length; at += 3) {
      const [red, green, blue] = [image[at]!, image[at + 1]!, image[at + 2]!]
      if (green > 120 && blue < green * 0.6 && red < green * 1.4 && Math.max(red, green) - blue > 80)
        count++
    }
  }
  return count
}

// The export with the kit's font in place, made once for the PDFs and the site.
let withFont: Promise<Outcome> | undefined
const exportedWithFont = (): Promise<Outcome> => withFont ??= exportEmoji()

describe('a deck with emoji, on a machine without an emoji font', () => {
  it('has no emoji font of its own, so the kit\'s is all that draws them', async () => {
    const { stdout } = await run('fc-list', [':charset=1f4dd'])
    expect(stdout.trim()).toBe('')
  })

  it('prints its emoji in colour with the kit\'s font: drawn in every PDF, their characters in its text, and the site carries the font once', async () => {
    const outcome = await exportedWithFont()
    expect(outcome.stderr).not.toContain('no font on this machine draws')
    expect(outcome.code, outcome.stderr).toBe(0)
    for (const kind of PDF_KINDS) {
      const file = path.join(outcome.exports, pdfFileName('emoji', kind))
      const text = await popplerText(file)
      for (const emoji of EMOJI)
        expect(text, `${emoji} in the ${kind} PDF`).toContain(emoji)
      expect(text, kind).toContain(squash('But it\'s not SSR compatible!'))
      expect(await yellowOrGreenPixels(file), `⚠ and ✅ in colour in the ${kind} PDF`).toBeGreaterThan(10)
    }
    const fonts = (await readdir(path.join(outcome.site, 'assets'))).filter(name => name.endsWith('.woff2') && name.includes('emoji'))
    expect(fonts).toHaveLength(1)
  })

  it('shows its emoji on its site with the same font, loaded once a slide shows one', async () => {
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext({
        viewport: { width: 980, height: 552 },
      })
      const site = await mountSite(context, (await exportedWithFont()).site, '/')
      const page = await context.newPage()
      await page.goto(`${site.url}1`)
      await expect.poll(() => page.evaluate(() => [
        ...document.fonts,
      ].filter(face => face.family.replace(/"/g, '') === 'Noto Color Emoji').map(face => face.status)), { timeout: 60_000 }).toEqual(['loaded'])
      expect(site.blocked).toEqual([])
    }
    finally {
      await browser.close()
    }
  })

  it('without the kit\'s font, exports all the same and says once per slide which characters no font draws, and what to install', async () => {
    const moved = [
      path.resolve('node_modules', FONT_PACKAGE),
      path.resolve('node_modules', `${FONT_PACKAGE}.removed`),
    ] as const
    await rename(...moved)
    let outcome: Outcome
    try {
      outcome = await exportEmoji()
    }
    finally {
      await rename(moved[1], moved[0])
    }
    expect(outcome.code, outcome.stderr).toBe(0)
    const lines = outcome.stderr.split('\n')
    const first = lines.filter(line => line.includes('slide 1 "Emoji fixture" in kit/test/fixtures/emoji/slides.md'))
    expect(first).toHaveLength(1)
    for (const emoji of ['📝', '🎨', '🧑‍💻', '📤'])
      expect(first[0]).toContain(emoji)
    expect(outcome.stderr).toContain('npm install -D twemoji-colr-font')
    expect(outcome.stderr).not.toContain('missing from the PDFs')
    // Empty boxes where the emoji were, in black: nothing coloured to print.
    expect(await yellowOrGreenPixels(path.join(outcome.exports, pdfFileName('emoji', 'slides')))).toBe(0)
  })
})
