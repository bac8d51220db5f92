// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ClaimVsRecord from '../../components/ClaimVsRecord.vue'
import DealVsRules from '../../components/DealVsRules.vue'
import Scorecard from '../../components/Scorecard.vue'
import StepKicker from '../../components/StepKicker.vue'
import TestStep from '../../components/TestStep.vue'
import { claimById, claims } from '../../data/claims.ts'
import { dealRules } from '../../data/german-rules.ts'
import { testStepById, testSteps } from '../../data/germany-test.ts'
import { sourceById } from '../../data/sources.ts'
import { WORDS } from '../../data/words.ts'
import { de } from '../../kit/i18n/de.ts'
import { en } from '../../kit/i18n/en.ts'
import { phrasesText } from '../../kit/utils/labels.ts'
import { inDeck } from './deck-language.ts'

describe('claims data', () => {
  it('has the article\'s claims A1 to A12, once each', () => {
    expect(claims.map(claim => claim.id)).toEqual(Array.from({ length: 12 }, (_, index) => `A${index + 1}`))
  })

  it('gives verdicts in the fact sheet\'s words', () => {
    expect(WORDS.en.verdicts[claimById('A1').verdict]).toBe('Broadly right')
    expect(WORDS.en.verdicts[claimById('A4').verdict]).toBe('Partly wrong')
    expect(WORDS.en.verdicts[claimById('A9').verdict]).toBe('Right in substance')
    expect(WORDS.en.verdicts[claimById('A6').verdict]).toBe('Unverified')
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
      expect(row.get('[data-verdict]').text()).toBe(WORDS.en.verdicts[claim.verdict])
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
    expect(wrapper.get('[role="table"]').attributes('aria-label')).toBe(WORDS.de.figures.claimsTable)
    expect(wrapper.get('.talk-claims-head').text()).toContain(WORDS.de.figures.claimsArticle)
    for (const claim of claims) {
      const row = wrapper.get(`[data-claim="${claim.id}"]`)
      expect(row.text()).toContain(claim.claim.de)
      expect(row.text()).toContain(phrasesText(claim.record.de, de))
      expect(row.get('[data-verdict]').text()).toBe(WORDS.de.verdicts[claim.verdict])
    }
    expect(wrapper.findAll('.talk-claims-de')).toHaveLength(0)
    // An English term in a German record is marked as English.
    expect(wrapper.get('[data-claim="A6"] [lang="en"]').text()).toBe('„partnerships“')
  })

  it('credits the article once, in the header', () => {
    const wrapper = mount(ClaimVsRecord, {
      props: {
        ids: ['A7'],
      },
    })
    expect(wrapper.get('.talk-claims-head').find('a[data-source="article"]').exists()).toBe(true)
  })

  it('throws on an unknown claim id', () => {
    expect(() => mount(ClaimVsRecord, {
      props: {
        ids: ['A13'],
      },
    })).toThrow(/A13/)
  })
})

describe('testStep', () => {
  const evidenced = testSteps.filter(step => step.onPaper && step.inPractice)

  it('sets law beside law and practice beside practice: a row each, the US and Germany in columns', () => {
    for (const step of evidenced) {
      const wrapper = mount(TestStep, {
        props: { id: step.id },
      })
      expect(wrapper.findAll('thead th').map(th => th.attributes('scope'))).toEqual(['col', 'col', 'col'])
      expect(wrapper.findAll('thead th').slice(1).map(th => th.text())).toEqual([WORDS.en.figures.inUs, WORDS.en.figures.inGermany])
      expect(wrapper.findAll('tbody th[scope="row"]').map(th => th.text())).toEqual([WORDS.en.figures.testRule, WORDS.en.figures.testPractice])
      for (const [key, row] of [
        ['paper', step.onPaper!],
        ['practice', step.inPractice!],
      ] as const) {
        const cells = wrapper.get(`[data-row="${key}"]`).findAll('td')
        expect(cells[0].text(), `${step.id} ${key}`).toContain(phrasesText(row.us.text.en, en))
        expect(cells[1].text(), `${step.id} ${key}`).toContain(phrasesText(row.de.text.en, en))
        expect(cells[0].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.us.sourceIds)
        expect(cells[1].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(row.de.sourceIds)
      }
    }
  })

  it('says a gap in the record in words, quieter than the record, and cites nothing for it', () => {
    const cells = evidenced.flatMap(step => [
      step.onPaper!.us,
      step.onPaper!.de,
      step.inPractice!.us,
      step.inPractice!.de,
    ])
    const gaps = cells.filter(cell => !cell.facts.length)
    expect(gaps.length).toBeGreaterThan(0)
    for (const gap of gaps) {
      expect(gap.sourceIds).toEqual([])
      expect(gap.text.en).toMatch(/not in our sources/i)
    }
    const wrapper = mount(TestStep, {
      props: { id: 'show' },
    })
    expect(wrapper.findAll('.talk-test-gap').map(cell => cell.text())).toEqual(['Not in our sources', 'Not in our sources'])
  })

  it('puts the record on the practice row and never the law', () => {
    for (const step of evidenced) {
      for (const cell of [step.inPractice!.us, step.inPractice!.de]) {
        for (const id of cell.sourceIds)
          expect(sourceById(id).kind, `${step.id}: ${id}`).not.toBe('law')
      }
    }
  })

  it('sets Germany\'s own emergency disclosures beside the US ones', () => {
    const emergency = testStepById('emergency')
    expect(emergency.inPractice!.us.facts).toContain('B10')
    expect(emergency.inPractice!.de.facts).toContain('B11')
  })

  it('shows headers, rows and cells in German in the German edition', () => {
    const wrapper = mount(TestStep, {
      ...inDeck('de'),
      props: { id: 'request' },
    })
    expect(wrapper.findAll('thead th').slice(1).map(th => th.text())).toEqual([WORDS.de.figures.inUs, WORDS.de.figures.inGermany])
    expect(wrapper.text()).toContain(phrasesText(testStepById('request').onPaper!.de.text.de, de))
  })

  it('throws on an unknown step and on a step without rule and record', () => {
    expect(() => mount(TestStep, {
      props: { id: 'nope' },
    })).toThrow(/nope/)
    expect(() => mount(TestStep, {
      props: { id: 'deal' },
    })).toThrow(/deal/)
  })
})

describe('scorecard', () => {
  it('answers every step in order, for the back row, with its sources', () => {
    const wrapper = mount(Scorecard)
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map(row => row.attributes('data-step'))).toEqual(testSteps.map(step => step.id))
    for (const [index, step] of testSteps.entries()) {
      expect(rows[index].get('th[scope="row"]').text()).toBe(step.name.en)
      expect(rows[index].get('.talk-score-answer').text()).toBe(phrasesText(step.answer.text.en, en))
      expect(rows[index].findAll('a[data-source]').map(link => link.attributes('data-source'))).toEqual(step.answer.sourceIds)
    }
  })

  it('says each outcome in its first word, so colour only repeats it', () => {
    for (const step of testSteps) {
      for (const [lang, labels] of [
        ['en', en],
        ['de', de],
      ] as const) {
        const first = phrasesText(step.answer.text[lang], labels).split(/\W/)[0]
        expect(first, `${step.id} (${lang})`).toBe(step.outcome === 'open'
          ? { en: 'Yes', de: 'Ja' }[lang]
          : { en: 'Only', de: 'Nur' }[lang])
      }
    }
  })

  it('names its columns for screen readers and tagged PDFs, in the edition\'s language', () => {
    expect(mount(Scorecard, inDeck('de')).findAll('thead th').map(th => th.text())).toEqual([WORDS.de.figures.scoreStep, WORDS.de.figures.scoreAnswer, de.paper.sources])
  })

  it('says what would apply, never a verdict of law', () => {
    for (const step of testSteps) {
      expect(phrasesText(step.answer.text.en, en), step.id).not.toMatch(/\b(?:illegal|unlawful|forbidden|banned)\b/i)
      expect(phrasesText(step.answer.text.de, de), step.id).not.toMatch(/illegal|rechtswidrig|verboten|unzulässig|strafbar/i)
    }
  })
})

describe('stepKicker', () => {
  it('says which step of the test a slide is, in the edition\'s language', () => {
    expect(mount(StepKicker, {
      props: { step: 'emergency' },
    }).text()).toBe('Step 3 · Emergency')
    expect(mount(StepKicker, {
      ...inDeck('de'),
      props: { step: 'emergency' },
    }).text()).toBe('Schritt 3 · Notfall')
    expect(() => mount(StepKicker, {
      props: { step: 'nope' },
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
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual([WORDS.de.figures.rulesDeal, WORDS.de.figures.rulesRule])
    expect(wrapper.get('[lang="en"]').text()).toBe('„encourage adoption“')
    expect(wrapper.find('[lang="de"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Eingriffsverwaltung')
  })

  it('picks rows in the order given and throws on an unknown one', () => {
    const wrapper = mount(DealVsRules, {
      props: {
        rows: ['gifts', 'promotion'],
      },
    })
    expect(wrapper.findAll('tbody tr').map(tr => tr.attributes('data-term'))).toEqual(['gifts', 'promotion'])
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
