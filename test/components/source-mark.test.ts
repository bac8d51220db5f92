// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ClaimVsRecord from '../../components/ClaimVsRecord.vue'
import Compare from '../../components/Compare.vue'
import DealFlow from '../../components/DealFlow.vue'
import DealVsRules from '../../components/DealVsRules.vue'
import GrowthChart from '../../components/GrowthChart.vue'
import KeyFigure from '../../components/KeyFigure.vue'
import QuoteDe from '../../components/QuoteDe.vue'
import RequestFlow from '../../components/RequestFlow.vue'
import SourceMark from '../../components/SourceMark.vue'
import Timeline from '../../components/Timeline.vue'
import { shortLabel, sourceById, sources } from '../../data/sources.ts'

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

  it('says "reported by" and names the reporter for a secondary source', () => {
    const label = (id: string): string => mount(SourceMark, {
      props: { id },
    }).get('a').text()
    expect(label('stripes-senator')).toBe('reported by The Washington Post, 2019')
    expect(label('knowtechie-2020')).toBe('reported by The Verge, citing the FT, 2021')
    expect(label('reason-flock')).toBe('reported by Reason, 2026')
    expect(label('foxbusiness-drone-patent')).toBe('reported by Fox Business, 2019')
    for (const source of sources.filter(item => item.kind === 'secondary'))
      expect(label(source.id)).toBe(`reported by ${source.reportedBy}, ${source.date.slice(0, 4)}`)
  })

  it('uses a source\'s own mark where "Outlet, year" would not say what it is, and no year for an undated one', () => {
    expect(mount(SourceMark, {
      props: { id: 'beamtstg-42' },
    }).get('a').text()).toBe('§ 42 BeamtStG')
    expect(mount(SourceMark, {
      props: { id: 'bmi-sponsoring' },
    }).get('a').text()).toBe('Federal Ministry of the Interior')
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

describe('keyFigure', () => {
  const wrapper = mount(KeyFigure, {
    props: { value: '11', line: 'times in 2022', source: 'ap-emergency' },
  })

  it('shows the number, one line under it and its source', () => {
    expect(wrapper.get('.kit-key-value').text()).toBe('11')
    expect(wrapper.get('.kit-key-line').text()).toBe('times in 2022')
    expect(wrapper.get('a[data-source]').attributes('data-source')).toBe('ap-emergency')
  })

  it('says "reported by" under a number from a secondary source', () => {
    expect(mount(KeyFigure, {
      props: { value: '2,014', line: 'departments', source: 'knowtechie-2020' },
    }).get('a[data-source]').text()).toMatch(/^reported by The Verge/)
  })
})

describe('every component, with its own data', () => {
  // The fact sheet's S rows (B7, B8, B16, B18) reach the slides through these components.
  const rendered = [
    mount(GrowthChart),
    mount(RequestFlow),
    mount(Timeline),
    mount(ClaimVsRecord),
    mount(DealFlow),
    mount(Compare),
    mount(DealVsRules),
  ]

  it('marks each secondary source with its reporter', () => {
    const marks = rendered.flatMap(wrapper => wrapper.findAll('a[data-source]'))
    const secondary = marks.filter(mark => sourceById(mark.attributes('data-source')!).kind === 'secondary')
    expect(new Set(secondary.map(mark => mark.attributes('data-source')))).toEqual(new Set(['stripes-senator', 'reason-flock', 'foxbusiness-drone-patent']))
    for (const mark of secondary) {
      const source = sourceById(mark.attributes('data-source')!)
      expect(mark.text()).toBe(shortLabel(source))
      expect(mark.text()).toContain(`reported by ${source.reportedBy}`)
    }
  })

  it('keeps "opt-in" in the drone patent, the reason the article\'s drones are overstated', () => {
    const drones = mount(ClaimVsRecord, {
      props: {
        ids: ['A8'],
      },
    })
    expect(drones.text()).toMatch(/opt-in/i)
    expect(drones.find('a[data-source="foxbusiness-drone-patent"]').text()).toMatch(/^reported by Fox Business/)
  })
})
