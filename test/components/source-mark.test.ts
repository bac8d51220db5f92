// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BoundBy from '../../components/BoundBy.vue'
import ClaimVsRecord from '../../components/ClaimVsRecord.vue'
import DealFlow from '../../components/DealFlow.vue'
import DealVsRules from '../../components/DealVsRules.vue'
import GrowthChart from '../../components/GrowthChart.vue'
import KeyFigure from '../../components/KeyFigure.vue'
import QuoteDe from '../../components/QuoteDe.vue'
import RequestFlow from '../../components/RequestFlow.vue'
import Scorecard from '../../components/Scorecard.vue'
import SourceMark from '../../components/SourceMark.vue'
import TestStep from '../../components/TestStep.vue'
import Timeline from '../../components/Timeline.vue'
import { keyFigures } from '../../data/key-figures.ts'
import { shortLabel, sourceById, sources } from '../../data/sources.ts'
import { de } from '../../kit/i18n/de.ts'
import { inDeck } from './deck-language.ts'

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
    for (const source of sources.filter(item => item.kind === 'secondary')) {
      expect(label(source.id)).toBe(`reported by ${typeof source.reportedBy === 'string'
        ? source.reportedBy
        : source.reportedBy.en}, ${source.date.slice(0, 4)}`)
    }
  })

  it('says "berichtet von" in the German edition, and German outlets and marks', () => {
    const label = (id: string): string => mount(SourceMark, {
      ...inDeck('de'),
      props: { id },
    }).get('a').text()
    expect(label('stripes-senator')).toBe('berichtet von The Washington Post, 2019')
    expect(label('knowtechie-2020')).toBe('berichtet von The Verge nach der FT, 2021')
    expect(label('bmi-sponsoring')).toBe('VV Sponsoring, 2003')
    expect(label('ring-eu-privacy')).toBe('Ring')
    expect(label('bavaria-sponsoring')).toBe('SponsR Bayern, 2010')
    expect(label('cjeu-rynes')).toBe('Gerichtshof der Europäischen Union, 2014')
    for (const source of sources)
      expect(label(source.id)).toBe(shortLabel(source, de))
  })

  it('uses a source\'s own mark where "Outlet, year" would not say what it is, and no year for an undated one', () => {
    expect(mount(SourceMark, {
      props: { id: 'beamtstg-42' },
    }).get('a').text()).toBe('§ 42 BeamtStG')
    expect(mount(SourceMark, {
      props: { id: 'bmi-sponsoring' },
    }).get('a').text()).toBe('VV Sponsoring, 2003')
    expect(mount(SourceMark, {
      props: { id: 'ring-eu-privacy' },
    }).get('a').text()).toBe('Ring')
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

  it('in the German edition shows the German only, credited with a German date', () => {
    const wrapper = mount(QuoteDe, {
      ...inDeck('de'),
      props,
    })
    expect(wrapper.get('[lang="de"]').text()).toBe(`„${props.de}“`)
    expect(wrapper.text()).not.toContain(props.en)
    expect(wrapper.get('a[data-source="article"]').text()).toBe('domainsmalltalk.com, 2. August 2019')
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
  it.each(Object.entries(keyFigures))('%s: shows the number, one line under it and its source, in each language', (id, figure) => {
    for (const lang of ['en', 'de'] as const) {
      const wrapper = mount(KeyFigure, {
        ...inDeck(lang),
        props: { id },
      })
      expect(wrapper.get('.talk-key-value').text()).toBe(figure.value[lang])
      expect(wrapper.get('.talk-key-line').text()).toBe(figure.line[lang])
      expect(wrapper.get('a[data-source]').attributes('data-source')).toBe(figure.source)
    }
  })

  it('writes numbers the German way in the German edition', () => {
    expect(keyFigures['departments-2021'].value.de).toBe(de.number(2014))
    expect(`${keyFigures['ftc-2023'].value.de} ${keyFigures['ftc-2023'].line.de}`).toMatch(/^5,8 Mio\. US-Dollar /)
  })

  it('says "reported by" under a number from a secondary source', () => {
    expect(mount(KeyFigure, {
      props: { id: 'departments-2021' },
    }).get('a[data-source]').text()).toMatch(/^reported by The Verge/)
  })

  it('throws on an unknown id', () => {
    expect(() => mount(KeyFigure, {
      props: { id: 'nope' },
    })).toThrow(/nope/)
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
    mount(DealVsRules),
    mount(BoundBy),
    mount(TestStep, {
      props: { id: 'emergency' },
    }),
    mount(Scorecard),
  ]

  it('marks each secondary source with its reporter', () => {
    const marks = rendered.flatMap(wrapper => wrapper.findAll('a[data-source]'))
    const secondary = marks.filter(mark => sourceById(mark.attributes('data-source')!).kind === 'secondary')
    expect(new Set(secondary.map(mark => mark.attributes('data-source')))).toEqual(new Set(['stripes-senator', 'reason-flock', 'foxbusiness-drone-patent']))
    for (const mark of secondary) {
      const source = sourceById(mark.attributes('data-source')!)
      expect(mark.text()).toBe(shortLabel(source))
      expect(mark.text()).toMatch(/^reported by /)
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
