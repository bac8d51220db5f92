import type { DeckSlide } from '../scripts/deck.ts'
import { describe, expect, it } from 'vitest'
import { declaredDiagrams } from '../scripts/diagrams.ts'

function slide(no: number, content: string): DeckSlide {
  return {
    no,
    content,
    title: '',
    titleSource: '',
    note: '',
    layout: 'default',
    file: 'slides.md',
    frontmatter: {},
  }
}

describe('the mermaid diagrams a deck declares', () => {
  it('counts each slide\'s mermaid fences, options and all, and leaves out slides with none', () => {
    expect(declaredDiagrams([
      slide(1, '# Title'),
      slide(2, '# Diagrams\n\n```mermaid\ngraph TD\nA --> B\n```\n'),
      slide(3, '```mermaid {theme: \'neutral\', scale: 0.8}\npie\n"A": 1\n```\n\n```mermaid\ngraph LR\nA --> B\n```\n'),
    ])).toEqual([
      [2, 1],
      [3, 2],
    ])
  })

  it('does not count a fence shown inside another code block, or code in another language', () => {
    expect(declaredDiagrams([
      slide(1, '````md\n```mermaid\ngraph TD\n```\n````\n\n```ts\nconst mermaid = 1\n```\n'),
    ])).toEqual([])
  })
})
