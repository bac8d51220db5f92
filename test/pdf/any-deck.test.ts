import type { PdfDocument } from '../../kit/test/pdf.ts'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { en } from '../../kit/i18n/en.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { openPdf, pageTexts, squash } from '../../kit/test/pdf.ts'
import { wordsPerMinuteFor } from '../../kit/utils/notes.ts'
import { talkPlan } from '../../kit/utils/plan.ts'
import { parseRehearsal } from '../../kit/utils/rehearsal.ts'
import { STARTER_REHEARSAL } from '../setup/export.ts'

// A deck the kit did not write, in the style of Slidev's own starter
// (test/fixtures/starter): history routing, an 800 px 4:3 canvas, clicks,
// v-mark, line highlights, magic move, KaTeX, mermaid, Toc, a hidden slide,
// an imported file, every layout of the default theme, no source markers and
// slides without notes. Exported once per run by test/setup/export.ts.

const starter = inject('starter')
const deck = await loadDeck(starter.entry)
let slides: PdfDocument
let slideTexts: string[]
let handoutTexts: string[]

beforeAll(async () => {
  slides = await openPdf(path.join(starter.exportDir, 'starter-slides.pdf'))
  slideTexts = await pageTexts(slides)
  handoutTexts = await pageTexts(await openPdf(path.join(starter.exportDir, 'starter-handout.pdf')))
})

function slideText(title: string): string {
  const slide = deck.slides.find(item => item.title === title)
  expect(slide, title).toBeDefined()
  return squash(slideTexts[slide!.no - 1]!)
}

describe('the slides PDF of a starter-style deck', () => {
  it('has one page per shown slide: the hidden one is left out, the imported one is in', () => {
    expect(deck.config).toMatchObject({ routerMode: 'history', canvasWidth: 800 })
    expect(slides.numPages).toBe(deck.slides.length)
    expect(slideTexts.join(' ')).not.toContain('hidden slide')
    expect(slideText('Imported slide')).toContain(squash('This slide comes from pages/imported.md.'))
  })

  it('has the deck\'s aspect ratio on every page', async () => {
    for (let no = 1; no <= slides.numPages; no++) {
      const [, , width, height] = (await slides.getPage(no)).view
      expect(width! / height!, `page ${no}`).toBeCloseTo(deck.config.aspectRatio, 2)
    }
  })

  it('prints every click in its final state', () => {
    const clicks = slideText('Clicks and marks')
    for (const line of ['First click reveals this line', 'The final click state is what the PDF shows.', 'Shown after the last click'])
      expect(clicks).toContain(squash(line))
  })

  it('keeps the text of highlighted code, magic move\'s last step, KaTeX and mermaid', () => {
    expect(slideText('Code with line highlights')).toContain(squash('const doubled = computed(() => count.value * 2)'))
    expect(slideText('Shiki Magic Move')).toContain(squash('Ada Lovelace'))
    expect(slideText('LaTeX')).toMatch(/∇/)
    for (const label of ['Mermaid start', 'Mermaid decision', 'Mermaid result'])
      expect(slideText('Diagrams')).toContain(squash(label))
  })

  it('lists the slides in the Toc and draws every layout with its text', () => {
    expect(slideText('Table of contents')).toContain(squash('Shiki Magic Move'))
    for (const slide of deck.slides.filter(item => item.title.startsWith('Layout ')))
      expect(squash(slideTexts[slide.no - 1]!), slide.title).toContain(squash(slide.title))
    expect(slideText('Layout two-cols-header')).toContain(squash('Right column'))
  })
})

describe('the handout of a deck without source markers', () => {
  it('prints no "Sources" heading beside any slide, and no list of sources at the end', () => {
    for (const text of handoutTexts)
      expect(text).not.toMatch(/\bSources\b/)
  })

  it('flows long notes onto the next page without losing a sentence', () => {
    const notes = deck.slides.find(slide => slide.title === 'A slide with very long notes')!.note
    // Every sentence of the fixture's notes carries a marker word of its own.
    const markers = notes.match(/word\d{3}/g)!
    expect(markers.length).toBeGreaterThan(30)
    const pages = markers.map((marker) => {
      const found = handoutTexts.flatMap((text, index) => text.includes(marker)
        ? [index + 1]
        : [])
      expect(found, `${marker} is on exactly one page`).toHaveLength(1)
      expect(handoutTexts.join(' ').split(marker), `${marker} appears exactly once`).toHaveLength(2)
      return found[0]!
    })
    expect(pages).toEqual([...pages].sort((a, b) => a - b))
    expect(pages.at(-1)).toBeGreaterThan(pages[0]!)
  })
})

describe('the speaker script, given a rehearsal', () => {
  it('prints each rehearsed slide\'s time beside its plan, and which rehearsal it was', async () => {
    const rehearsal = parseRehearsal(await readFile(STARTER_REHEARSAL, 'utf8'), STARTER_REHEARSAL, deck.slides.length)
    const script = squash((await pageTexts(await openPdf(path.join(starter.exportDir, 'starter-script.pdf')))).join(' '))
    expect(script).toContain(squash(en.paper.rehearsalHowTo('13 March 2026', '3:07')))
    const plan = talkPlan(deck.slides, wordsPerMinuteFor(deck.meta.lang), en.opening)
    for (const { no, seconds } of rehearsal.slides) {
      const slide = plan.slides[no - 1]!
      expect(script, `slide ${no}`).toContain(squash(`${en.paper.startsAt} ${en.clock(slide.start)} · ${en.paper.lasts(en.clock(Math.round(slide.seconds)))} · ${en.paper.rehearsed(en.clock(seconds))}`))
    }
    // A slide the rehearsal did not reach has its plan only.
    expect(script).toContain(squash(`${en.paper.lasts(en.clock(Math.round(plan.slides[2]!.seconds)))}`))
    expect(script.match(new RegExp(squash(en.paper.rehearsed('')).replace(/\W+$/, ''), 'g'))).toHaveLength(rehearsal.slides.length)
  })
})
