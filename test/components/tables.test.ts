// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ClaimVsRecord from '../../components/ClaimVsRecord.vue'
import Compare from '../../components/Compare.vue'
import DealVsRules from '../../components/DealVsRules.vue'
import { claimById, claims } from '../../data/claims.ts'
import { compareRows } from '../../data/compare.ts'
import { dealRules } from '../../data/german-rules.ts'
import { sourceById } from '../../data/sources.ts'
import { de } from '../../i18n/de.ts'
import { en } from '../../i18n/en.ts'
import { phrasesText } from '../../utils/labels.ts'
import { inDeck } from './deck-language.ts'

describe('claims data', () => {
  it('has the article\'s claims A1 to A12, once each', () => {
    expect(claims.map(claim => claim.id)).toEqual(Array.from({ length: 12 }, (_, index) => `A${index + 1}`))
  })

  it('gives verdicts in the fact sheet\'s words', () => {
    expect(en.verdicts[claimById('A1').verdict]).toBe('Broadly right')
    expect(en.verdicts[claimById('A4').verdict]).toBe('Partly wrong')
    expect(en.verdicts[claimById('A9').verdict]).toBe('Right in substance')
    expect(en.verdicts[claimById('A6').verdict]).toBe('Unverified')
  })

  it('keeps German quotation marks to the component: no quote carries its own', () => {
    for (const claim of claims)
      expect(claim.quote ?? '', claim.id).not.toMatch(/[„“”"]/)
  })

  it('words each German claim around the article\'s own words, quoted verbatim', () => {
    for (const claim of claims.filter(item => item.quote))
      expect(claim.claim.de, claim.id).toContain(`„${claim.quote}“`)
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
      expect(row.text()).toContain(claim.claim.en)
      expect(row.text()).toContain(phrasesText(claim.record.en, en))
      expect(row.get('[data-verdict]').text()).toBe(en.verdicts[claim.verdict])
      if (claim.quote)
        expect(row.get('[lang="de"]').text()).toContain(claim.quote)
      expect(row.findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(claim.sourceIds)
    }
  })

  it('quotes the German once, in German quotation marks', () => {
    const german = mount(ClaimVsRecord, {
      props: {
        ids: ['A6'],
      },
    }).get('[lang="de"]').text()
    expect(german).toBe('„Patenschaften“')
  })

  it('in the German edition: German headers, claims, records and verdicts, the article quoted within the claim', () => {
    const wrapper = mount(ClaimVsRecord, inDeck('de'))
    expect(wrapper.get('[role="table"]').attributes('aria-label')).toBe(de.figures.claimsTable)
    expect(wrapper.get('.kit-claims-head').text()).toContain(de.figures.claimsArticle)
    for (const claim of claims) {
      const row = wrapper.get(`[data-claim="${claim.id}"]`)
      expect(row.text()).toContain(claim.claim.de)
      expect(row.text()).toContain(phrasesText(claim.record.de, de))
      expect(row.get('[data-verdict]').text()).toBe(de.verdicts[claim.verdict])
    }
    expect(wrapper.findAll('.kit-claims-de')).toHaveLength(0)
    // An English term in a German record is marked as English.
    expect(wrapper.get('[data-claim="A6"] [lang="en"]').text()).toBe('„partnerships“')
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
      expect(tr.get('th').text()).toBe(row.label.en)
      expect(cells[0].text()).toContain(row.us.en)
      expect(cells[1].text()).toContain(row.eu.en)
      expect(cells[0].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.usSources)
      expect(cells[1].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.euSources)
    }
  })

  it('shows headers and rows in German in the German edition', () => {
    const wrapper = mount(Compare, inDeck('de'))
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual([de.figures.compareTopic, de.figures.compareUs, de.figures.compareEu])
    for (const row of compareRows)
      expect(wrapper.get(`[data-topic="${row.topic}"]`).text()).toContain(row.eu.de)
  })

  it('picks rows by topic, in the order given', () => {
    const wrapper = mount(Compare, {
      props: {
        rows: ['footage', 'deal'],
      },
    })
    expect(wrapper.findAll('tbody tr').map(tr => tr.attributes('data-topic'))).toEqual(['footage', 'deal'])
  })

  it('dates the US record, 2019 beside today', () => {
    const footage = compareRows.find(row => row.topic === 'footage')!
    const deal = compareRows.find(row => row.topic === 'deal')!
    for (const lang of ['en', 'de'] as const) {
      expect(footage.us[lang]).toMatch(/2019/)
      expect(footage.us[lang]).toMatch(/2025/)
      expect(deal.us[lang]).toMatch(/2018/)
    }
  })

  it('keeps record facts out of the European rules column', () => {
    const wrapper = mount(Compare)
    expect(wrapper.findAll('thead th').map(th => th.text())).toContain('European rules')
    for (const row of compareRows) {
      for (const id of row.euSources)
        expect(sourceById(id).kind, `${row.topic}: ${id}`).toBe('law')
    }
  })

  it('throws on an unknown topic', () => {
    expect(() => mount(Compare, {
      props: {
        rows: ['nope' as never],
      },
    })).toThrow(/nope/)
  })
})

describe('dealVsRules', () => {
  it('is a table with a header cell for each column', () => {
    const wrapper = mount(DealVsRules)
    const headers = wrapper.findAll('thead th')
    expect(headers).toHaveLength(2)
    for (const header of headers)
      expect(header.attributes('scope')).toBe('col')
    expect(wrapper.findAll('tbody tr')).toHaveLength(dealRules.length)
  })

  it('sets each term beside its rule, each with its sources', () => {
    const wrapper = mount(DealVsRules)
    for (const row of dealRules) {
      const cells = wrapper.get(`[data-term="${row.id}"]`).findAll('td')
      expect(cells[0].text()).toContain(phrasesText(row.term.en, en))
      expect(cells[0].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.termSources)
      expect(cells[1].text()).toContain(phrasesText(row.rule.en, en))
      expect(cells[1].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.ruleSources)
    }
  })

  it('marks German legal terms as German, in the quotation marks of the text around them', () => {
    const wrapper = mount(DealVsRules, {
      props: {
        rows: ['gifts'],
      },
    })
    const german = wrapper.get('[lang="de"]')
    expect(german.text()).toBe('“Eingriffsverwaltung”')
    expect(phrasesText(dealRules.find(row => row.id === 'gifts')!.rule.en, en)).toContain('“Eingriffsverwaltung”')
  })

  it('in the German edition marks English terms as English, in German quotation marks', () => {
    const wrapper = mount(DealVsRules, {
      ...inDeck('de'),
      props: {
        rows: ['promotion', 'gifts'],
      },
    })
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual([de.figures.rulesDeal, de.figures.rulesRule])
    expect(wrapper.get('[lang="en"]').text()).toBe('„encourage adoption“')
    expect(wrapper.find('[lang="de"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Eingriffsverwaltung')
  })

  it('picks rows in the order given and throws on an unknown one', () => {
    const wrapper = mount(DealVsRules, {
      props: {
        rows: ['approval', 'secrecy'],
      },
    })
    expect(wrapper.findAll('tbody tr').map(tr => tr.attributes('data-term'))).toEqual(['approval', 'secrecy'])
    expect(() => mount(DealVsRules, {
      props: {
        rows: ['nope' as never],
      },
    })).toThrow(/nope/)
  })

  it('says what would apply, never a verdict', () => {
    for (const row of dealRules) {
      expect(phrasesText(row.rule.en, en), row.id).not.toMatch(/\b(?:illegal|unlawful|forbidden|banned)\b/i)
      expect(phrasesText(row.rule.de, de), row.id).not.toMatch(/illegal|rechtswidrig|verboten|unzulässig|strafbar/i)
    }
  })
})
