import type { Source } from '../../data/sources.ts'
// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SourceList from '../../components/SourceList.vue'
import { sources } from '../../data/sources.ts'
import { chunkOf } from '../../utils/cite.ts'

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
      expect(entry.text()).toContain(source.outlet)
      expect(entry.text()).toContain(source.title)
      expect(entry.get('.kit-sources-kind').text()).toBe(source.kind)
      const link = entry.get('a')
      expect(link.text()).toBe(source.url)
      expect(link.attributes('href')).toBe(source.url)
      expect(link.attributes('rel')).toBe('noopener noreferrer')
    })
  })

  it('marks a German title as German', () => {
    const entries = mount(SourceList).findAll('li')
    const registry: readonly Source[] = sources
    registry.forEach((source, index) => {
      const title = entries[index].get('.kit-sources-title')
      expect(title.text()).toBe(source.title)
      expect(title.attributes('lang'), source.id).toBe(source.titleLang)
    })
    expect(registry.filter(source => source.titleLang === 'de').map(source => source.id)).toContain('article')
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
