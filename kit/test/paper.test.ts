// @vitest-environment happy-dom
import type { PaperInput } from '../scripts/paper/paper.ts'
import type { SourceReference } from '../scripts/sources.ts'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.ts'
import { loadDeck } from '../scripts/deck.ts'
import { handout } from '../scripts/paper/handout.ts'
import { overview } from '../scripts/paper/overview.ts'
import { script } from '../scripts/paper/script.ts'

// The paper layouts as markup, for a deck the kit did not write: slides
// without notes and without source markers get no empty blocks.

/** A source as a deck's registry words it (scripts/sources.ts). */
const REFERENCE: SourceReference = {
  id: 'slidev-docs',
  outlet: 'Slidev',
  date: '2025-06',
  title: 'Slidev documentation',
  url: 'https://sli.dev/',
  kind: 'documentation',
}

const deck = await loadDeck(path.resolve(import.meta.dirname, 'fixtures/starter/slides.md'))
const input: PaperInput = {
  deck,
  citations: {},
  sources: [],
  labels: en,
  slideWidthPx: 800,
  bodyTextPx: 16,
}

function entries(html: string): Element[] {
  const page = new DOMParser().parseFromString(html, 'text/html')
  return [
    ...page.querySelectorAll('[data-slide]'),
  ]
}

describe('the paper layouts of a deck without notes on some slides and without source markers', () => {
  it('give every slide an entry with its slot, in order', () => {
    for (const layout of [handout, overview, script]) {
      const found = entries(layout(input).html)
      expect(found.map(entry => Number(entry.getAttribute('data-slide')))).toEqual(deck.slides.map(slide => slide.no))
      for (const entry of found)
        expect(entry.querySelector(`[data-slot="${entry.getAttribute('data-slide')}"]`)).not.toBeNull()
    }
  })

  it('print no empty notes block and no sources heading in the handout', () => {
    const html = handout(input).html
    const withoutNotes = deck.slides.filter(slide => !slide.note.trim())
    expect(withoutNotes.length).toBeGreaterThan(0)
    for (const entry of entries(html)) {
      const notes = entry.querySelector('.handout-notes')
      expect(notes === null || notes.textContent!.trim() !== '', `slide ${entry.getAttribute('data-slide')}`).toBe(true)
    }
    expect(withoutNotes.every(slide => !entries(html)[slide.no - 1]!.querySelector('.handout-notes'))).toBe(true)
    expect(html).not.toContain(en.paper.sources)
    expect(html).not.toContain(en.paper.allSources)
    expect(new DOMParser().parseFromString(html, 'text/html').querySelector('.handout-howto')?.textContent).toBe(en.paper.handoutHowTo(false))
  })

  it('put the QR code on the handout\'s cover only when there is an address', () => {
    expect(handout({ ...input, qrSvg: '<svg role="img" aria-label="QR"></svg>' }).html).toContain('aria-label="QR"')
    expect(handout({
      ...input,
      deck: {
        ...deck,
        meta: { ...deck.meta, url: undefined },
      },
    }).html).not.toContain(en.paper.online)
  })
})

describe('the outline of each paper layout', () => {
  /** The headings Chromium makes its outline from: the paper's own, with text, none of a slide's. */
  function outlinedHeadings(html: string): { text: string, level: number }[] {
    const page = new DOMParser().parseFromString(html, 'text/html')
    return [
      ...page.querySelectorAll('h1, h2, h3, h4, h5, h6'),
    ].filter(heading => !heading.closest('.paper-slot, [aria-hidden="true"]') && heading.textContent!.trim()).map(heading => ({
      text: heading.textContent!.replace(/\s+/g, ''),
      level: Number(heading.tagName.slice(1)),
    }))
  }

  it('names every heading outside the slides, in order and at its level, by the words it shows', () => {
    const cited: PaperInput = {
      ...input,
      citations: {
        2: [REFERENCE.id],
      },
      sources: [REFERENCE],
    }
    // Slidev's starter opens its abstract with a heading; notes may have them too.
    const headed: PaperInput = {
      ...input,
      deck: {
        ...deck,
        meta: {
          ...deck.meta,
          info: `## Slidev Starter Template\n${deck.meta.info}`,
        },
        slides: deck.slides.map(slide => ({
          ...slide,
          note: `# Why this slide\n\n${slide.note}`,
        })),
      },
    }
    for (const layout of [handout, overview, script]) {
      for (const given of [input, cited, headed]) {
        const doc = layout(given)
        const headings = outlinedHeadings(doc.html)
        expect(doc.outline.map(item => item.level), doc.kind).toEqual(headings.map(heading => heading.level))
        // The script's part headings also show the plan, after the part's title.
        for (const [index, item] of doc.outline.entries()) {
          const words = item.title.replace(/\s+/g, '')
          expect(headings[index]!.text.slice(0, words.length), `${doc.kind}: "${item.title}"`).toBe(words)
        }
      }
    }
  })
})
