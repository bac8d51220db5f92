// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import QuoteDe from '../../components/QuoteDe.vue'
import SourceMark from '../../components/SourceMark.vue'
import { shortLabel, sourceById } from '../../data/sources.ts'

describe('sourceMark', () => {
  it('links to the source, labelled "Outlet, year", and names its id', () => {
    const source = sourceById('vice-lakeland-mou')
    const link = mount(SourceMark, {
      props: { id: source.id },
    }).get('a')
    expect(link.attributes('href')).toBe(source.url)
    expect(link.attributes('data-source')).toBe(source.id)
    expect(link.attributes('target')).toBe('_blank')
    expect(link.attributes('rel')).toBe('noopener noreferrer')
    expect(link.text()).toBe(shortLabel(source))
    expect(link.text()).toBe('Motherboard, 2019')
  })

  it('takes a label that replaces the short one', () => {
    const link = mount(SourceMark, {
      props: { id: 'gdpr', label: 'GDPR' },
    }).get('a')
    expect(link.text()).toBe('GDPR')
    expect(link.attributes('data-source')).toBe('gdpr')
  })

  it('throws on an unknown id', () => {
    expect(() => mount(SourceMark, {
      props: { id: 'no-such-source' },
    })).toThrow(/no-such-source/)
  })

  it('sits beside other marks', () => {
    const wrapper = mount({
      components: { SourceMark },
      template: '<p><SourceMark id="gdpr" /> <SourceMark id="led" /> <SourceMark id="wapo-400" /></p>',
    })
    expect(wrapper.findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(['gdpr', 'led', 'wapo-400'])
  })
})

describe('quoteDe', () => {
  const props = { de: 'vollen Zugriff auf die Dateien der Kameras', en: 'full access to the cameras\' files', source: 'article' }

  it('marks the German original as German and shows the translation', () => {
    const wrapper = mount(QuoteDe, { props })
    const german = wrapper.get('[lang="de"]')
    expect(german.text()).toContain(props.de)
    expect(wrapper.text()).toContain(props.en)
    expect(wrapper.find('[lang="de"]').text()).not.toContain(props.en)
  })

  it('credits the source with outlet and date, as a source mark', () => {
    const link = mount(QuoteDe, { props }).get('a[data-source="article"]')
    expect(link.text()).toBe('domainsmalltalk.com, 2 August 2019')
    expect(link.attributes('href')).toBe(sourceById('article').url)
  })

  it('defaults to the article and throws on an unknown source', () => {
    expect(mount(QuoteDe, {
      props: { de: 'a', en: 'b' },
    }).find('a[data-source="article"]').exists()).toBe(true)
    expect(() => mount(QuoteDe, {
      props: { ...props, source: 'nope' },
    })).toThrow(/nope/)
  })
})
