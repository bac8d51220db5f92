// @vitest-environment happy-dom
import type { Deck } from '../kit/scripts/deck.ts'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sources } from '../data/sources.ts'
import { loadDeck } from '../kit/scripts/deck.ts'
import { unknownCitations } from './citations.ts'
import { describeDeckRules, ROOT } from './deck-rules.ts'

// The English edition, the talk's entry. Its German edition keeps the same
// rules and is held to this one by test/editions.test.ts.
describeDeckRules('slides.md')

let deck: Deck

beforeAll(async () => {
  deck = await loadDeck(path.join(ROOT, 'slides.md'))
})

describe('citations', () => {
  it('cite only sources in the registry', () => {
    const unknown = unknownCitations(deck)
    expect(unknown, unknown.join('\n')).toEqual([])
  })
})

describe('the source registry', () => {
  it('links every source with an absolute http(s) address', () => {
    const bad = sources.filter(source => !/^https?:\/\/[^/\s]+/.test(source.url)).map(source => `${source.id}: ${source.url}`)
    expect(bad, bad.join('\n')).toEqual([])
  })

  it('uses every address and every id once', () => {
    const urls = sources.map(source => source.url)
    expect(urls.filter((url, index) => urls.indexOf(url) !== index)).toEqual([])
    const ids = sources.map(source => source.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })
})
