// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ClaimVsRecord from '../../components/ClaimVsRecord.vue'
import Compare from '../../components/Compare.vue'
import { claims, verdictLabels } from '../../data/claims.ts'
import { compareRows, compareTopics } from '../../data/compare.ts'

describe('claims data', () => {
  it('has the article\'s claims A1 to A12, once each', () => {
    expect(claims.map(claim => claim.id)).toEqual(Array.from({ length: 12 }, (_, index) => `A${index + 1}`))
  })
})

describe('claimVsRecord', () => {
  it('renders the claims asked for, in that order', () => {
    const wrapper = mount(ClaimVsRecord, {
      props: {
        ids: ['A3', 'A5'],
      },
    })
    expect(wrapper.findAll('[data-claim]').map(row => row.attributes('data-claim'))).toEqual(['A3', 'A5'])
  })

  it('shows claim, German, record, verdict in words and sources for every claim', () => {
    const wrapper = mount(ClaimVsRecord)
    expect(wrapper.findAll('[data-claim]')).toHaveLength(claims.length)
    for (const claim of claims) {
      const row = wrapper.get(`[data-claim="${claim.id}"]`)
      expect(row.text()).toContain(claim.claim)
      expect(row.text()).toContain(claim.record)
      expect(row.get('[data-verdict]').text()).toBe(verdictLabels[claim.verdict])
      if (claim.de)
        expect(row.get('[lang="de"]').text()).toContain(claim.de)
      expect(row.findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(claim.sourceIds)
    }
  })

  it('credits the article once, in the header', () => {
    const wrapper = mount(ClaimVsRecord, {
      props: {
        ids: ['A7'],
      },
    })
    expect(wrapper.get('.kit-claims-head').find('a[data-source="article"]').exists()).toBe(true)
  })

  it('throws on an unknown claim id', () => {
    expect(() => mount(ClaimVsRecord, {
      props: {
        ids: ['A13'],
      },
    })).toThrow(/A13/)
  })
})

describe('compare', () => {
  it('shows every row by default, each cell with its sources', () => {
    const wrapper = mount(Compare)
    expect(wrapper.findAll('tbody tr')).toHaveLength(compareRows.length)
    for (const row of compareRows) {
      const tr = wrapper.get(`[data-topic="${row.topic}"]`)
      const cells = tr.findAll('td')
      expect(tr.get('th').text()).toBe(row.label)
      expect(cells[0].text()).toContain(row.us)
      expect(cells[1].text()).toContain(row.eu)
      expect(cells[0].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.usSources)
      expect(cells[1].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.euSources)
    }
  })

  it('picks rows by topic, in the order given', () => {
    const wrapper = mount(Compare, {
      props: {
        rows: ['police', 'bound'],
      },
    })
    expect(wrapper.findAll('tbody tr').map(tr => tr.attributes('data-topic'))).toEqual(['police', 'bound'])
  })

  it('has the six topics of the brief', () => {
    expect(compareTopics).toEqual([
      'bound',
      'street',
      'basis',
      'minimisation',
      'police',
      'emergency',
    ])
  })

  it('throws on an unknown topic', () => {
    expect(() => mount(Compare, {
      props: {
        rows: ['nope' as never],
      },
    })).toThrow(/nope/)
  })
})
