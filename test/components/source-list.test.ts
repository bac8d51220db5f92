import type { Source } from '../../data/sources.ts'
// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SourceList from '../../components/SourceList.vue'
import { chunkOf } from '../../data/cite.ts'
import { outletOf, SOURCE_KINDS, sources, titleOf } from '../../data/sources.ts'
import { de } from '../../kit/i18n/de.ts'
import { inDeck } from './deck-language.ts'

function listed(part: number, of: number): string[] {
  return mount(SourceList, {
    props: { part, of },
  })
    .findAll('a[data-source-entry]')
    .map(link => link.attributes('data-source-entry')!)
}

describe('sourceList', () => {
  it.each([1, 2, 3, 4, 5])('split into %i parts, lists every source exactly once, in registry order', (of) => {
    const ids = Array.from({ length: of }, (_, index) => listed(index + 1, of)).flat()
    expect(ids).toEqual(sources.map(source => source.id))
  })

  it('cuts the registry into parts whose sizes differ by at most one', () => {
    const sizes = [1, 2, 3].map(part => listed(part, 3).length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it('shows each entry numbered, with outlet, title, kind and its full URL as a link', () => {
    const wrapper = mount(SourceList, {
      props: { part: 2, of: 3 },
    })
    const { items, offset } = chunkOf(sources, 2, 3)
    const entries = wrapper.findAll('li')
    expect(entries).toHaveLength(items.length)
    items.forEach((source, index) => {
      const entry = entries[index]
      expect(entry.text()).toContain(`${offset + index + 1}.`)
      expect(entry.text()).toContain(outletOf(source))
      expect(entry.text()).toContain(titleOf(source).text)
      expect(entry.get('.talk-sources-kind').text()).toBe(source.kind)
      const link = entry.get('a')
      expect(link.text()).toBe(source.url)
      expect(link.attributes('href')).toBe(source.url)
      expect(link.attributes('rel')).toBe('noopener noreferrer')
    })
  })

  it.each(['en', 'de'] as const)('in the %s edition, marks each title that keeps its own language with it', (lang) => {
    const entries = mount(SourceList, inDeck(lang)).findAll('li')
    const registry: readonly Source[] = sources
    registry.forEach((source, index) => {
      const title = entries[index]!.get('.talk-sources-title')
      expect(title.attributes('lang'), source.id).toBe(source.lang)
    })
    expect(registry.filter(source => source.lang === 'de').map(source => source.id)).toContain('article')
    expect(registry.filter(source => source.lang === 'en').map(source => source.id)).toContain('vice-lakeland-mou')
  })

  it('in the German edition: German outlets, descriptions, dates and kinds; titles as the sources give them', () => {
    const entries = mount(SourceList, inDeck('de')).findAll('li')
    sources.forEach((source, index) => {
      const entry = entries[index]!
      expect(entry.text()).toContain(outletOf(source, de))
      expect(entry.get('.talk-sources-title').text()).toBe(titleOf(source, de).text)
      expect(entry.get('.talk-sources-kind').text()).toBe(SOURCE_KINDS[source.kind].de)
    })
    const text = entries.map(entry => entry.text()).join('\n')
    expect(text).toContain('Amazon Requires Police to Shill Surveillance Cameras in Secret Agreement')
    expect(text).toContain('Datenschutz-Grundverordnung')
    expect(text).toContain('25. Juli 2019')
    expect(text).toContain('o. J.')
  })

  it('does not count as citations: no data-source attributes', () => {
    expect(mount(SourceList).findAll('[data-source]')).toHaveLength(0)
  })

  it('shows the whole registry by default', () => {
    expect(mount(SourceList).findAll('li')).toHaveLength(sources.length)
  })

  it('rejects a part outside 1..of', () => {
    expect(() => chunkOf(sources, 0, 3)).toThrow()
    expect(() => chunkOf(sources, 4, 3)).toThrow()
  })
})
