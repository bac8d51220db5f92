import { describe, expect, inject, it } from 'vitest'
import { sources } from '../../data/sources.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'

// What the slides cite, as the export read it from the rendered slides: the
// source markers of Markdown and of every component alike.

const deck = await loadDeck('slides.md')
const citations = inject('citations')

/** The slides whose point is a fact: not the cover, part dividers, agenda, questions or source lists. */
function statesFacts(no: number): boolean {
  const slide = deck.slides[no - 1]!
  return !['cover', 'section'].includes(slide.layout)
    && !['Agenda', 'Questions for discussion'].includes(slide.title)
    && !/<SourceList\b/.test(slide.content)
}

describe('the rendered slides', () => {
  it('show a source marker on every slide that states a fact', () => {
    const unmarked = deck.slides
      .filter(slide => statesFacts(slide.no) && !(citations[slide.no] ?? []).length)
      .map(slide => `slide ${slide.no} "${slide.title}"`)
    expect(unmarked, `slides without a source marker:\n${unmarked.join('\n')}`).toEqual([])
  })

  it('cite every source in the registry somewhere', () => {
    const cited = new Set(Object.values(citations).flat())
    const uncited = sources.filter(source => !cited.has(source.id)).map(source => source.id)
    expect(uncited, `registry entries no slide cites: ${uncited.join(', ')}`).toEqual([])
  })
})
