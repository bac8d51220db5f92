import type { Deck } from '../../kit/scripts/deck.ts'
import type { OutlineItem, PdfDocument } from '../../kit/test/pdf.ts'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { labelsFor } from '../../kit/i18n/index.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { openPdf, pageTexts, readOutline, renderPage, squash } from '../../kit/test/pdf.ts'
import { plannedMinutes, spokenWords } from '../../kit/utils/notes.ts'
import { citedIds } from '../citations.ts'

// The paper-shaped PDFs: the reader handout, the six-up overview and the
// speaker script, of each edition of the talk (A4) and of the starter-style
// fixture (Letter, 4:3 slides, a url: for the QR code), read back with pdf.js.

const PAPER_PT = {
  a4: [595, 842],
  letter: [612, 792],
} as const

const PAPER_KINDS = ['handout', 'overview', 'script'] as const
type PaperKind = typeof PAPER_KINDS[number]

interface Edition {
  name: string
  deck: Deck
  pdfs: Record<PaperKind | 'slides', string>
}

const run = promisify(execFile)

const starter = inject('starter')
const editions: Edition[] = [
  ...await Promise.all(inject('editions').map(async ({ lang, entry, pdfs }) => ({
    name: `the talk (${lang})`,
    deck: await loadDeck(entry),
    pdfs,
  }))),
  {
    name: 'the starter fixture',
    deck: await loadDeck(starter.entry),
    pdfs: Object.fromEntries([
      'handout',
      'overview',
      'script',
      'slides',
    ].map(kind => [
      kind,
      path.join(starter.exportDir, `starter-${kind}.pdf`),
    ])) as Edition['pdfs'],
  },
]

/** Letters and digits only, lower case: cues, quotes and line breaks differ between notes and paper. */
function wordsIn(text: string): string {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
}

/** The first words a slide's notes say, for finding them on paper. */
function firstSpoken(note: string, count = 6): string {
  return wordsIn(spokenWords(note).slice(0, count).join(' '))
}

/** Whether a handout page shows a slide (not the cover, a source list, or notes running on). */
function hasSlide(text: string): boolean {
  return /Slide \d+|Folie \d+/.test(text)
}

/** Every text run of a page with its size in points. */
async function textSizes(pdf: PdfDocument, no: number): Promise<{ str: string, size: number }[]> {
  const content = await (await pdf.getPage(no)).getTextContent()
  return content.items.flatMap(item => 'str' in item && item.str.trim()
    ? [
        {
          str: item.str,
          size: Math.hypot(item.transform[0], item.transform[1]),
        },
      ]
    : [])
}

/** The QR code on a page, decoded from the page rendered at 150 dpi by a library the kit does not print with. */
async function qrOn(pdf: PdfDocument, no: number): Promise<string | undefined> {
  const image = await renderPage(pdf, no, 150 / 72)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

/**
 * The outline a paper layout should have, from the deck's data: the talk's
 * title, then each part and each slide, by its number (as the layout prints
 * it) and title, and at the end of the handout the list of every source.
 */
function expectedOutline(deck: Deck, kind: PaperKind): Pick<OutlineItem, 'title' | 'level'>[] {
  const labels = labelsFor(deck.meta.lang)
  const number = (no: number): string => kind === 'overview'
    ? String(no)
    : labels.slide(no)
  const citesSources = deck.slides.some(slide => citedIds(slide).length > 0)
  return [
    { title: deck.meta.title, level: 1 },
    ...deck.slides.flatMap(slide => [
      ...(slide.layout === 'section' && slide.title
        ? [
            { title: slide.title, level: 1 },
          ]
        : []),
      {
        title: `${number(slide.no)} ${slide.title}`.trim(),
        level: 2,
      },
    ]),
    ...(kind === 'handout' && citesSources
      ? [
          { title: labels.paper.allSources, level: 1 },
        ]
      : []),
  ]
}

/**
 * The text a page shows from where an outline item leads: the first line of
 * a heading has its baseline just under the destination's top and starts at
 * its left; read on, run after run, until as long as `length` letters.
 */
async function textAt(pdf: PdfDocument, item: OutlineItem, length: number): Promise<string> {
  const content = await (await pdf.getPage(item.page)).getTextContent()
  const runs = content.items.flatMap(run => 'str' in run && run.str.trim()
    ? [
        { str: run.str, x: run.transform[4] as number, y: run.transform[5] as number },
      ]
    : [])
  const first = runs.findIndex(run => Math.abs(run.x - item.left!) < 3 && run.y < item.top! && run.y > item.top! - 30)
  let text = ''
  for (const { str } of first < 0
    ? []
    : runs.slice(first)) {
    if (squash(text).length >= length)
      break
    text += str
  }
  return text
}

/** A PDF's outline as qpdf reads it: each item's title, depth and page, in document order. */
async function qpdfOutline(file: string): Promise<Pick<OutlineItem, 'title' | 'level' | 'page'>[]> {
  interface QpdfItem { title: string, destpageposfrom1: number, kids: QpdfItem[] }
  const { stdout } = await run('qpdf', ['--json=2', '--json-key=outlines', file], { maxBuffer: 64 * 1024 * 1024 })
  const flat = (items: QpdfItem[], level: number): Pick<OutlineItem, 'title' | 'level' | 'page'>[] => items.flatMap(item => [
    { title: item.title, level, page: item.destpageposfrom1 },
    ...flat(item.kids, level + 1),
  ])
  return flat((JSON.parse(stdout) as { outlines: QpdfItem[] }).outlines, 1)
}

describe.each(editions)('the paper layouts of $name', ({ deck, pdfs }) => {
  const count = deck.slides.length
  const labels = labelsFor(deck.meta.lang)
  const docs: Partial<Record<keyof Edition['pdfs'], { pdf: PdfDocument, texts: string[], outline: OutlineItem[] }>> = {}

  beforeAll(async () => {
    for (const kind of PAPER_KINDS) {
      const pdf = await openPdf(pdfs[kind])
      docs[kind] = { pdf, texts: await pageTexts(pdf), outline: await readOutline(pdf) }
    }
  })

  it(`are printed on ${deck.meta.paper} paper, portrait, every page`, async () => {
    for (const kind of PAPER_KINDS) {
      const { pdf } = docs[kind]!
      for (let no = 1; no <= pdf.numPages; no++) {
        const [, , width, height] = (await pdf.getPage(no)).view
        expect([
          Math.round(width!),
          Math.round(height!),
        ], `${kind}, page ${no}`).toEqual(PAPER_PT[deck.meta.paper])
      }
    }
  })

  it(`hold the handout to two slides a page or better: at most ${Math.ceil(count / 2) + 2} pages, and the pages notes longer than a page run on to`, () => {
    const { pdf, texts } = docs.handout!
    const lastSlidePage = texts.findLastIndex(hasSlide) + 1
    const runOn = texts.slice(0, lastSlidePage).filter(text => !hasSlide(text)).length - 1
    expect(pdf.numPages).toBeLessThanOrEqual(Math.ceil(count / 2) + 2 + runOn)
  })

  it('leave no blank band of a third of the page on the handout\'s inner pages', async () => {
    const { pdf, texts } = docs.handout!
    // The cover, the last page of the slides and the source list at the end
    // may end early, and so may a page that ends notes longer than a page.
    const lastSlidePage = texts.findLastIndex(hasSlide) + 1
    const scale = 0.5
    const [, , width, height] = (await pdf.getPage(1)).view
    const top = Math.round(14 / 25.4 * 72 * scale)
    const bottom = Math.round((height! - 16 / 25.4 * 72) * scale)
    for (let no = 2; no < lastSlidePage; no++) {
      if (!hasSlide(texts[no - 1]!))
        continue
      const { data } = await renderPage(pdf, no, scale)
      const rowWidth = Math.ceil(width! * scale)
      let blank = 0
      let longest = 0
      for (let y = top; y < bottom; y++) {
        let ink = false
        for (let x = 0; x < rowWidth && !ink; x++) {
          const index = (y * rowWidth + x) * 4
          ink = data[index]! < 235 || data[index + 1]! < 235 || data[index + 2]! < 235
        }
        blank = ink
          ? 0
          : blank + 1
        longest = Math.max(longest, blank)
      }
      expect(longest / (bottom - top), `page ${no}: the longest blank band`).toBeLessThan(1 / 3)
    }
  })

  it('print the slides\' body text at 6 pt or more in the handout', async () => {
    const { pdf, texts } = docs.handout!
    // List items and plain paragraphs written in a slide's Markdown are its
    // body text; each is found on the slide's page by its first word.
    const bullets = deck.slides.flatMap(slide => [
      ...slide.content.matchAll(/^(?:\s*(?:[-*]|\d+\.)\s+)?([A-Z][a-z]{3,})\b/gm),
    ].map(match => ({ slide, word: match[1]! })))
    expect(bullets.length).toBeGreaterThan(0)
    for (const { slide, word } of bullets) {
      const page = texts.findIndex(text => squash(text).includes(squash(`${labels.slide(slide.no)} ${slide.title}`))) + 1
      const sizes = (await textSizes(pdf, page)).filter(run => run.str.startsWith(word)).map(run => run.size)
      expect(sizes, `slide ${slide.no}: "${word}" on page ${page}`).not.toEqual([])
      // The smallest: a heading or the notes may start with the same word, larger.
      expect(Math.min(...sizes), `slide ${slide.no}: "${word}"`).toBeGreaterThanOrEqual(6)
    }
  })

  it(`put six slides a page in the overview, each with its number and title, and no notes: at most ${Math.ceil(count / 6) + 2} pages`, () => {
    const { pdf, texts } = docs.overview!
    expect(pdf.numPages).toBeLessThanOrEqual(Math.ceil(count / 6) + 2)
    for (const slide of deck.slides) {
      const page = Math.floor((slide.no - 1) / 6)
      expect(squash(texts[page]!), `slide ${slide.no} on page ${page + 1}`).toContain(squash(`${slide.no}${slide.title}`))
      if (spokenWords(slide.note).length > 8)
        expect(wordsIn(texts.join(' ')), `slide ${slide.no}: no notes`).not.toContain(firstSpoken(slide.note, 8))
    }
  })

  it('give every slide of the script its notes in 13 pt or more, beside the slide on one page', async () => {
    const { pdf, texts } = docs.script!
    for (const slide of deck.slides) {
      const page = texts.findIndex(text => squash(text).includes(squash(`${labels.slide(slide.no)} ${slide.title}`))) + 1
      expect(page, `slide ${slide.no} has a heading`).toBeGreaterThan(0)
      const words = spokenWords(slide.note)
      if (!words.length)
        continue
      expect(wordsIn(texts[page - 1]!), `slide ${slide.no}: its notes`).toContain(firstSpoken(slide.note))
      const sizes = (await textSizes(pdf, page)).filter(run => run.str.includes(words[0]!)).map(run => run.size)
      expect(Math.max(...sizes), `slide ${slide.no}: "${words[0]}"`).toBeGreaterThanOrEqual(13)
    }
  })

  it('tell the speaker when each slide starts, and each part its planned minutes', () => {
    const text = docs.script!.texts.join(' ')
    expect(text).toContain(`${labels.paper.startsAt} 0:00`)
    for (const part of deck.slides.filter(slide => slide.layout === 'section')) {
      const planned = plannedMinutes(part.note)
      if (planned !== undefined)
        expect(squash(text), part.title).toContain(squash(`${part.title}${labels.paper.partPlan(planned)}`))
    }
  })

  it('name each heading in the outline as a reader sees it: the part, or the slide\'s number, a space and its title, in the case it is written in, without the plan', () => {
    const parts = deck.slides.filter(slide => slide.layout === 'section')
    for (const kind of PAPER_KINDS) {
      const { outline } = docs[kind]!
      const expected = expectedOutline(deck, kind)
      expect(outline.map(({ title, level }) => ({ title, level })), kind).toEqual(expected)
      for (const [index, { title }] of outline.entries()) {
        const shouting = (text: string): boolean => /\p{Lu}{2}/u.test(text) && text === text.toLocaleUpperCase(deck.meta.lang)
        expect(shouting(title), `${kind}: "${title}" in capitals`).toBe(shouting(expected[index]!.title))
        expect(title, `${kind}: "${title}"`).not.toContain(labels.paper.startsAt)
        for (const part of parts) {
          const planned = plannedMinutes(part.note)
          if (planned !== undefined)
            expect(title, `${kind}: "${title}"`).not.toContain(labels.paper.partPlan(planned))
        }
      }
    }
  })

  it('lead each outline item to its heading: the text at its destination reads as its title', async () => {
    for (const kind of PAPER_KINDS) {
      const { pdf, outline } = docs[kind]!
      for (const item of outline) {
        expect(item.left, `${kind}: "${item.title}" leads to a spot`).toBeTypeOf('number')
        // Compared in capitals: the overview prints its part headings so.
        const title = squash(item.title).toLocaleUpperCase(deck.meta.lang)
        const shown = squash(await textAt(pdf, item, title.length)).toLocaleUpperCase(deck.meta.lang)
        expect(shown.slice(0, title.length), `${kind}: "${item.title}" on page ${item.page}`).toBe(title)
      }
    }
  })

  it('have the same outline to qpdf as to pdf.js', async () => {
    for (const kind of PAPER_KINDS) {
      const { outline } = docs[kind]!
      expect(await qpdfOutline(pdfs[kind]), kind).toEqual(outline.map(({ title, level, page }) => ({ title, level, page })))
    }
  })
})

describe('a QR code of the deck\'s address', () => {
  it('is on the starter\'s handout cover and closing slide, and reads back as its url: exactly', async () => {
    const { deck } = editions.at(-1)!
    expect(deck.meta.url).toBeTruthy()
    const handout = await openPdf(editions.at(-1)!.pdfs.handout)
    expect(await qrOn(handout, 1)).toBe(deck.meta.url)
    const slides = await openPdf(editions.at(-1)!.pdfs.slides)
    expect(await qrOn(slides, slides.numPages)).toBe(deck.meta.url)
  })

  it('is nowhere on a deck without url:, and leaves no empty box', async () => {
    const { deck, pdfs } = editions[0]!
    expect(deck.meta.url).toBeUndefined()
    const handout = await openPdf(pdfs.handout)
    expect(await qrOn(handout, 1)).toBeUndefined()
    expect((await pageTexts(handout))[0]).not.toContain('The deck online')
  })
})
