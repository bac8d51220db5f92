import type { Browser } from 'playwright-chromium'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { PDF_KINDS, pdfFileName } from '../../kit/outputs.ts'
import { checkPdf } from '../../kit/scripts/check/check.ts'
import { comparable } from '../../kit/scripts/check/compare.ts'
import { PdfReader } from '../../kit/scripts/check/pdf-content.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { launchBrowser } from '../../kit/scripts/launch.ts'
import { mountSite } from '../../kit/scripts/local-site.ts'
import { loadPrintedPdf } from '../../kit/scripts/pdf/finish.ts'
import { newPrintContext, openPrintView, printSlides, printViewUrl, WHOLE_SLIDES_CSS } from '../../kit/scripts/print.ts'
import { exportWithCliOrFail } from '../../kit/test/export-cli.ts'
import { openPdf, pageTexts, renderPage, squash } from '../../kit/test/pdf.ts'

// Every export checks its PDFs against what the browser showed, slide by
// slide. Here a deck of everything a slide can draw (test/fixtures/drawings:
// mermaid in every theme, two diagrams on one slide, KaTeX, highlighted
// code, icons, a local image, a canvas, a page of the site's own in a
// frame, a count a worker keeps changing) is exported and read back with
// poppler and pdf.js; the talk's own export (test/setup/export.ts) passed
// the same check. What a print-only CSS rule hides fails the export
// (test/pdf/bad-input.test.ts).

const run = promisify(execFile)
const FIXTURE = path.resolve('kit/test/fixtures/drawings/slides.md')
const deck = await loadDeck(FIXTURE)

/** The slide with this heading, as the deck numbers it (the first slide's title is the deck's). */
function slideNo(heading: string): number {
  const slide = deck.slides.find(item => item.content.includes(`# ${heading}\n`))
  expect(slide, heading).toBeDefined()
  return slide!.no
}

/** Poppler's reading of a PDF's text, or of one page's, without white space. */
async function popplerText(file: string, page?: number): Promise<string> {
  const pages = page === undefined
    ? []
    : [
        '-f',
        String(page),
        '-l',
        String(page),
      ]
  const { stdout } = await run('pdftotext', [...pages, file, '-'])
  return squash(stdout)
}

let dir: string
let exported: string
let siteDir: string
const pdfs = Object.fromEntries(PDF_KINDS.map(kind => [kind, ''])) as Record<(typeof PDF_KINDS)[number], string>

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'talk-drawings-'))
  siteDir = path.join(dir, 'dist')
  const { stdout } = await exportWithCliOrFail({
    entry: FIXTURE,
    out: path.join(dir, 'exports'),
    site: siteDir,
  })
  exported = stdout
  for (const kind of PDF_KINDS)
    pdfs[kind] = path.join(dir, 'exports', pdfFileName(deck.meta.exportFilename, kind))
})

afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the export of a deck of drawings', () => {
  it('checks every PDF it prints, every slide of each, and passes', () => {
    for (const kind of PDF_KINDS)
      expect(exported).toContain(`checked the ${kind} PDF, ${deck.slides.length} slides`)
    expect(exported).toContain('Done in')
  })

  it('keeps both diagrams of a slide whose second one reaches its bottom edge, in every PDF', async () => {
    const labels = [
      'Hello John, how are you?',
      'Neutral text',
      'Neutral decision',
      'Neutral result 1',
      'Neutral result 2',
    ]
    const slides = await pageTexts(await openPdf(pdfs.slides))
    for (const label of labels) {
      expect(squash(slides[slideNo('Two diagrams on one slide') - 1]!), label).toContain(squash(label))
      expect(await popplerText(pdfs.slides, slideNo('Two diagrams on one slide')), label).toContain(squash(label))
      for (const kind of PDF_KINDS)
        expect(await popplerText(pdfs[kind]), `${label} in the ${kind} PDF`).toContain(squash(label))
    }
  })

  it('draws each mermaid diagram in the theme its slide asks for', async () => {
    // The main fill of each theme's nodes, as mermaid defines it.
    const nodeFills = {
      default: 'ececff',
      neutral: 'eeeeee',
      dark: '1f2020',
      forest: 'cde498',
      base: 'fff4dd',
    }
    const image = await renderPage(await openPdf(pdfs.slides), slideNo('Every mermaid theme'), 1)
    const counts = new Map<string, number>()
    for (let i = 0; i < image.data.length; i += 4) {
      const colour = [0, 1, 2].map(channel => image.data[i + channel]!.toString(16).padStart(2, '0')).join('')
      counts.set(colour, (counts.get(colour) ?? 0) + 1)
    }
    for (const [theme, fill] of Object.entries(nodeFills))
      expect(counts.get(fill) ?? 0, `pixels of the ${theme} theme's nodes`).toBeGreaterThan(1000)
  })

  it('keeps KaTeX, highlighted code and their text', async () => {
    expect(await popplerText(pdfs.slides, slideNo('KaTeX'))).toMatch(/∇.*∂/)
    expect(await popplerText(pdfs.slides, slideNo('Highlighted code'))).toContain(squash('const doubled = computed(() => count.value * 2)'))
  })

  it('prints a page of the site\'s own that a slide shows in a frame, in every PDF', async () => {
    // A paper layout moves the slide into its slot and onto its sheet, and a frame moved in a page loads anew.
    for (const kind of PDF_KINDS)
      expect(await popplerText(pdfs[kind]), kind).toContain('Framedpage')
  })

  it('prints a worker\'s count as the slide showed it once settled, the same in every PDF', async () => {
    // The print ends the page's workers then: a count that went on would differ from PDF to PDF, and from what the page check read.
    // Poppler's text with its spaces kept: squashed, an overview's slide number would run on into the count.
    const counts = await Promise.all(PDF_KINDS.map(async kind => /Counted in a worker: (\d+)\b/.exec((await run('pdftotext', [pdfs[kind], '-'])).stdout)?.[1]))
    expect(counts[0], 'the count in the slides PDF').toMatch(/^\d+$/)
    expect(counts).toEqual(PDF_KINDS.map(() => counts[0]))
  })

  it('holds the local image and the canvas as images, in every PDF', async () => {
    for (const kind of PDF_KINDS) {
      const { stdout } = await run('pdfimages', ['-list', pdfs[kind]])
      // page, num, type, width, height, …: the images, not their soft masks.
      const sizes = stdout.split('\n').slice(2).map(line => line.trim().split(/\s+/)).filter(fields => fields[2] === 'image').map(fields => `${fields[3]}×${fields[4]}`)
      expect(sizes, `the ${kind} PDF`).toEqual(expect.arrayContaining(['240×160', '240×120']))
    }
  })
})

describe('the print of a slide whose diagram reaches past its bottom edge, were slides not printed whole', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('loses the diagram, and the page check names the slide, its labels and the diagram', async () => {
    const context = await newPrintContext(browser, deck.config)
    try {
      const site = await mountSite(context, siteDir, '/')
      const view = await openPrintView(context, printViewUrl(site.url, deck.config.routerMode), deck.slides, () => {})
      const whole = await printSlides(view)
      expect(checkPdf(await loadPrintedPdf(whole.bytes), whole.shown).losses).toEqual([])

      // Chromium's own fragmentation of a slide, as Slidev's print view has it.
      await view.page.evaluate((css) => {
        for (const style of document.querySelectorAll('style')) {
          if (style.textContent === css)
            style.remove()
        }
      }, WHOLE_SLIDES_CSS)
      const broken = await printSlides(view)
      const file = path.join(dir, 'fragmented.pdf')
      await writeFile(file, broken.bytes)
      const no = slideNo('Two diagrams on one slide')
      expect(await popplerText(file, no)).not.toContain(squash('Neutral decision'))

      const { losses } = checkPdf(await loadPrintedPdf(broken.bytes), broken.shown)
      expect(losses).toEqual([
        {
          slide: no,
          page: no,
          texts: expect.arrayContaining([
            'Neutral text',
            'Neutral decision',
            'Neutral result 1',
            'Neutral result 2',
          ]),
          drawings: ['a mermaid diagram (flowchart-v2)'],
        },
      ])
    }
    finally {
      await context.close()
    }
  })
})

describe('the page check\'s reading of a PDF, beside pdf.js\'s and poppler\'s', () => {
  const printed = [
    ...inject('editions').flatMap(edition => PDF_KINDS.map(kind => [
      `the talk's ${kind} PDF (${edition.lang})`,
      () => edition.pdfs[kind],
    ] as const)),
    ...PDF_KINDS.map(kind => [
      `the drawings' ${kind} PDF`,
      () => pdfs[kind],
    ] as const),
  ]

  it.each(printed)('holds on every page of %s the text pdf.js reads and the images poppler lists', async (_, file) => {
    const bytes = await readFile(file())
    const reader = new PdfReader(await loadPrintedPdf(bytes))
    const texts = await pageTexts(await openPdf(file()))
    const { stdout } = await run('pdfimages', [
      '-list',
      file(),
    ])
    const images = stdout.split('\n').slice(2).map(line => line.trim().split(/\s+/)).filter(fields => fields[2] === 'image').map(fields => Number(fields[0]))
    expect(reader.pageCount).toBe(texts.length)
    for (let no = 1; no <= reader.pageCount; no++) {
      const page = reader.readPage(no)
      expect(comparable(page.texts.map(({ text }) => text).join('')), `page ${no}`).toBe(comparable(texts[no - 1]!))
      expect(page.drawings.filter(({ raster }) => raster), `images on page ${no}`).toHaveLength(images.filter(on => on === no).length)
    }
  })
})

describe('the talk\'s own export', () => {
  it.each(inject('editions').map(edition => [edition.lang, edition] as const))('(%s) checked each of its PDFs, every slide, and found nothing missing', async (_, edition) => {
    const slides = (await loadDeck(edition.entry)).slides.length
    for (const kind of PDF_KINDS) {
      const check = edition.checks[kind]
      expect(check, kind).toMatchObject({ slides, losses: [] })
      expect(check.texts, kind).toBeGreaterThan(slides)
    }
  })
})
