import { describe, expect, it } from 'vitest'
import { parties } from '../../data/bound-by.ts'
import { claims } from '../../data/claims.ts'
import { formatDate } from '../../data/dates.ts'
import { flows } from '../../data/deal.ts'
import { dealRules } from '../../data/german-rules.ts'
import { testSteps } from '../../data/germany-test.ts'
import { growth } from '../../data/growth.ts'
import { accessClaim, requestSteps } from '../../data/request-flow.ts'
import { sourceById } from '../../data/sources.ts'
import { timeline } from '../../data/timeline.ts'
import { de } from '../../kit/i18n/de.ts'

describe('component data', () => {
  it('cites only sources in the registry', () => {
    const cited = [
      ...flows.flatMap(flow => flow.sourceIds),
      ...requestSteps.flatMap(step => step.sourceIds),
      accessClaim.sourceId,
      ...growth.map(point => point.sourceId),
      ...timeline.map(event => event.sourceId),
      ...claims.flatMap(claim => claim.sourceIds),
      ...testSteps.flatMap(step => [
        step.answer,
        step.onPaper?.us,
        step.onPaper?.de,
        step.inPractice?.us,
        step.inPractice?.de,
      ].flatMap(cell => cell?.sourceIds ?? [])),
      ...parties.flatMap(party => party.sourceIds),
      ...dealRules.flatMap(row => [
        ...row.termSources,
        ...row.ruleSources,
      ]),
    ]
    expect(cited.length).toBeGreaterThan(0)
    for (const id of cited)
      expect(() => sourceById(id), id).not.toThrow()
  })

  it('gives every item an id of its own', () => {
    for (const ids of [
      flows.map(flow => flow.id),
      timeline.map(event => event.fact),
      growth.map(point => point.date),
      testSteps.map(step => step.id),
      parties.map(party => party.id),
      dealRules.map(row => row.id),
    ])
      expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('formatDate', () => {
  it('keeps the precision it is given', () => {
    expect(formatDate('2019-07-25')).toBe('25 Jul 2019')
    expect(formatDate('2019-07')).toBe('Jul 2019')
    expect(formatDate('2025')).toBe('2025')
    expect(formatDate('n.d.')).toBe('n.d.')
    expect(formatDate('2019-08-02', 'long')).toBe('2 August 2019')
  })

  it('writes dates the German way with the German labels', () => {
    expect(formatDate('2019-08-02', 'long', de)).toBe('2. August 2019')
    expect(formatDate('2019-08', 'short', de)).toBe('Aug. 2019')
    expect(formatDate('2019-03-27', 'long', de)).toBe('27. März 2019')
    expect(formatDate('n.d.', 'short', de)).toBe('o. J.')
    expect(formatDate('2025', 'short', de)).toBe('2025')
  })

  it('throws on a month that does not exist', () => {
    expect(() => formatDate('2019-13')).toThrow()
  })
})

describe('the German rules beside the deal', () => {
  it('set terms from the US record (B1–B4) beside rules of the German section (C8–C10)', () => {
    for (const row of dealRules) {
      expect(row.termFacts.length, row.id).toBeGreaterThan(0)
      expect(row.ruleFacts.length, row.id).toBeGreaterThan(0)
      for (const fact of row.termFacts)
        expect(['B1', 'B2', 'B3', 'B4'], `${row.id}: ${fact}`).toContain(fact)
      for (const fact of row.ruleFacts)
        expect(['C8', 'C9', 'C10'], `${row.id}: ${fact}`).toContain(fact)
    }
  })

  it('cite the rules as law', () => {
    for (const id of dealRules.flatMap(row => row.ruleSources))
      expect(sourceById(id).kind, id).toBe('law')
  })
})
