// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BoundBy from '../../components/BoundBy.vue'
import DealFlow from '../../components/DealFlow.vue'
import GrowthChart from '../../components/GrowthChart.vue'
import RequestFlow from '../../components/RequestFlow.vue'
import { footageRoutes, parties } from '../../data/bound-by.ts'
import { formatDate } from '../../data/dates.ts'
import { actors, flows } from '../../data/deal.ts'
import { growth, valueLabel } from '../../data/growth.ts'
import { accessClaim, requestSteps } from '../../data/request-flow.ts'
import { WORDS } from '../../data/words.ts'
import { de } from '../../kit/i18n/de.ts'
import { inDeck } from './deck-language.ts'

function citedIds(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('a[data-source]').map(link => link.attributes('data-source')!)
}

describe('dealFlow', () => {
  const wrapper = mount(DealFlow)

  it('draws every actor and every flow, each label as real text', () => {
    expect(wrapper.findAll('[data-actor]')).toHaveLength(actors.length)
    expect(wrapper.findAll('[data-flow]')).toHaveLength(flows.length)
    for (const actor of actors)
      expect(wrapper.get(`[data-actor="${actor.id}"]`).text()).toContain(actor.name.en)
    for (const flow of flows) {
      const group = wrapper.get(`[data-flow="${flow.id}"]`)
      expect(group.get('text').text()).toBe(flow.label.en)
      expect(group.find('line').exists()).toBe(true)
    }
  })

  it('has a text alternative naming every flow', () => {
    const svg = wrapper.get('svg')
    expect(svg.attributes('role')).toBe('img')
    expect(svg.attributes('aria-labelledby')).toBeTruthy()
    const desc = wrapper.get('desc').text()
    for (const flow of flows)
      expect(desc).toContain(flow.label.en)
    expect(wrapper.get('title').text()).not.toBe('')
  })

  it('draws and describes the same flows in German in the German edition', () => {
    const german = mount(DealFlow, inDeck('de'))
    for (const actor of actors)
      expect(german.get(`[data-actor="${actor.id}"]`).text()).toContain(actor.name.de)
    for (const flow of flows)
      expect(german.get(`[data-flow="${flow.id}"] text`).text()).toBe(flow.label.de)
    expect(german.get('desc').text()).toContain(WORDS.de.figures.flow('Polizei Lakeland', 'Anwohnende', 'werben für die App'))
    expect(citedIds(german)).toEqual(citedIds(wrapper))
  })

  it('gives the police camera credit, not cash, and the cameras go on to the residents', () => {
    const credit = flows.find(flow => flow.id === 'credit')!
    expect(credit).toMatchObject({ from: 'ring', to: 'police' })
    expect(wrapper.get('[data-flow="credit"]').text()).toBe('$10 camera credit per download, not cash')
    expect(wrapper.get('desc').text()).toContain('Amazon / Ring to Lakeland police: $10 camera credit per download, not cash.')
    const after = flows.slice(flows.indexOf(credit) + 1)
    expect(after.some(flow => flow.from === 'police' && flow.to === 'residents' && /cameras/.test(flow.label.en))).toBe(true)
    for (const flow of flows)
      expect(flow.label.en, flow.id).not.toMatch(/bonus/)
  })

  it('marks every source its flows cite, each once', () => {
    const expected = [
      ...new Set(flows.flatMap(flow => flow.sourceIds)),
    ]
    expect(citedIds(wrapper)).toEqual(expected)
  })

  it('gives its arrowhead an id of its own, so two diagrams on one page do not clash', () => {
    const ids = mount({
      components: { DealFlow },
      template: '<div><DealFlow /><DealFlow /></div>',
    })
      .findAll('marker')
      .map(marker => marker.attributes('id'))
    expect(new Set(ids).size).toBe(2)
  })
})

describe('requestFlow', () => {
  const wrapper = mount(RequestFlow)

  it('shows every step in order, with its sources', () => {
    const steps = wrapper.findAll('[data-step]')
    expect(steps.map(step => step.attributes('data-step'))).toEqual(requestSteps.map(step => step.id))
    requestSteps.forEach((step, index) => {
      expect(steps[index].text()).toContain(step.label.en)
      expect(steps[index].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(step.sourceIds)
    })
  })

  it('dates the record it shows', () => {
    expect(wrapper.get('.talk-request-heading').text()).toBe('In 2019')
  })

  it('sets the article\'s German claim beside them, marked as German and credited', () => {
    expect(wrapper.get('[lang="de"]').text()).toContain(accessClaim.de)
    expect(wrapper.text()).toContain(accessClaim.en)
    expect(citedIds(wrapper)).toContain('article')
  })

  it('in the German edition: German steps and heading, the article\'s words without a translation', () => {
    const german = mount(RequestFlow, inDeck('de'))
    expect(german.get('.talk-request-heading').text()).toBe('Im Jahr 2019')
    requestSteps.forEach((step, index) => expect(german.findAll('[data-step]')[index]!.text()).toContain(step.label.de))
    expect(german.text()).toContain(accessClaim.de)
    expect(german.text()).not.toContain(accessClaim.en)
    expect(citedIds(german)).toEqual(citedIds(wrapper))
  })
})

describe('growthChart', () => {
  const wrapper = mount(GrowthChart)

  it('draws one bar per dated count, with its date and value as text', () => {
    const points = wrapper.findAll('[data-point]')
    expect(points).toHaveLength(growth.length)
    growth.forEach((point, index) => {
      expect(points[index].text()).toContain(formatDate(point.date))
      expect(points[index].text()).toContain(valueLabel(point))
      expect(points[index].find('rect').exists()).toBe(true)
    })
  })

  it('says "over" for lower bounds and never for exact counts', () => {
    expect(growth.filter(point => point.lowerBound).length).toBeGreaterThan(0)
    for (const point of growth)
      expect(valueLabel(point).startsWith('over ')).toBe(point.lowerBound)
    expect(wrapper.text()).toContain('over 225')
    expect(wrapper.text()).toContain('405')
    expect(wrapper.text()).not.toContain('over 405')
  })

  it('labels every bar, so it needs no axis ticks: the longest bar spans the plot', () => {
    const widths = wrapper.findAll('.talk-growth-bar').map(bar => Number(bar.attributes('width')))
    const longest = growth.findIndex(point => point.value === Math.max(...growth.map(item => item.value)))
    expect(Math.max(...widths)).toBe(widths[longest])
    expect(wrapper.findAll('.talk-growth-tick')).toHaveLength(0)
  })

  it('marks each count\'s source and has a text alternative', () => {
    expect(citedIds(wrapper)).toEqual(growth.map(point => point.sourceId))
    expect(wrapper.get('svg').attributes('role')).toBe('img')
    const desc = wrapper.get('desc').text()
    for (const point of growth)
      expect(desc).toContain(`${formatDate(point.date)}: ${valueLabel(point)}`)
  })

  it('writes dates, counts and "over" the German way in the German edition', () => {
    const german = mount(GrowthChart, inDeck('de'))
    expect(german.text()).toContain('Apr. 2019')
    expect(german.text()).toContain('über 225')
    expect(german.text()).toContain('Polizei-Memo')
    expect(german.get('title').text()).toContain('Polizeibehörden')
    for (const point of growth)
      expect(german.get('desc').text()).toContain(`${formatDate(point.date, 'short', de)}: ${valueLabel(point, de)}`)
  })
})

describe('boundBy', () => {
  const wrapper = mount(BoundBy)

  it('names each party with the law that binds it, and its sources', () => {
    for (const party of parties) {
      const card = wrapper.get(`[data-party="${party.id}"]`)
      expect(card.text()).toContain(party.name.en)
      expect(card.text()).toContain(party.law.en)
      expect(citedIds(card as unknown as ReturnType<typeof mount>)).toEqual(party.sourceIds)
    }
  })

  it('reads each route to the police after the party it starts from, saying where it leads', () => {
    const order = [
      ...wrapper.element.querySelectorAll('[data-party], [data-route]'),
    ].map(element => element.getAttribute('data-party') ?? element.getAttribute('data-route'))
    expect(order).toEqual([
      'owner',
      'request',
      'ring',
      'emergency',
      'police',
    ])
    for (const route of footageRoutes)
      expect(wrapper.get(`[data-route="${route.id}"]`).text()).toContain(`${route.label.en} (`)
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toMatch(/European law binds/)
  })

  it('speaks German in the German edition', () => {
    const german = mount(BoundBy, inDeck('de'))
    for (const party of parties)
      expect(german.get(`[data-party="${party.id}"]`).text()).toContain(party.law.de)
    expect(german.get('[data-route="emergency"]').text()).toContain('Notfall: Ring entscheidet')
  })
})
