// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DealFlow from '../../components/DealFlow.vue'
import GrowthChart from '../../components/GrowthChart.vue'
import RequestFlow from '../../components/RequestFlow.vue'
import { actors, flows } from '../../data/deal.ts'
import { growth, valueLabel } from '../../data/growth.ts'
import { accessClaim, requestSteps } from '../../data/request-flow.ts'

function citedIds(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('a[data-source]').map(link => link.attributes('data-source')!)
}

describe('dealFlow', () => {
  const wrapper = mount(DealFlow)

  it('draws every actor and every flow, each label as real text', () => {
    expect(wrapper.findAll('[data-actor]')).toHaveLength(actors.length)
    expect(wrapper.findAll('[data-flow]')).toHaveLength(flows.length)
    for (const actor of actors)
      expect(wrapper.get(`[data-actor="${actor.id}"]`).text()).toContain(actor.name)
    for (const flow of flows) {
      const group = wrapper.get(`[data-flow="${flow.id}"]`)
      expect(group.get('text').text()).toBe(flow.label)
      expect(group.find('line').exists()).toBe(true)
    }
  })

  it('has a text alternative naming every flow', () => {
    const svg = wrapper.get('svg')
    expect(svg.attributes('role')).toBe('img')
    expect(svg.attributes('aria-labelledby')).toBeTruthy()
    const desc = wrapper.get('desc').text()
    for (const flow of flows)
      expect(desc).toContain(flow.label)
    expect(wrapper.get('title').text()).not.toBe('')
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
      expect(steps[index].text()).toContain(step.label)
      expect(steps[index].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(step.sourceIds)
    })
  })

  it('dates the record it shows', () => {
    expect(wrapper.get('.kit-request-heading').text()).toBe('In 2019')
  })

  it('sets the article\'s German claim beside them, marked as German and credited', () => {
    expect(wrapper.get('[lang="de"]').text()).toContain(accessClaim.de)
    expect(wrapper.text()).toContain(accessClaim.en)
    expect(citedIds(wrapper)).toContain('article')
  })
})

describe('growthChart', () => {
  const wrapper = mount(GrowthChart)

  it('draws one bar per dated count, with its date and value as text', () => {
    const points = wrapper.findAll('[data-point]')
    expect(points).toHaveLength(growth.length)
    growth.forEach((point, index) => {
      expect(points[index].text()).toContain(point.dateLabel)
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
    const widths = wrapper.findAll('.kit-growth-bar').map(bar => Number(bar.attributes('width')))
    const longest = growth.findIndex(point => point.value === Math.max(...growth.map(item => item.value)))
    expect(Math.max(...widths)).toBe(widths[longest])
    expect(wrapper.findAll('.kit-growth-tick')).toHaveLength(0)
  })

  it('marks each count\'s source and has a text alternative', () => {
    expect(citedIds(wrapper)).toEqual(growth.map(point => point.sourceId))
    expect(wrapper.get('svg').attributes('role')).toBe('img')
    const desc = wrapper.get('desc').text()
    for (const point of growth)
      expect(desc).toContain(`${point.dateLabel}: ${valueLabel(point)}`)
  })
})
