import { describe, expect, it } from 'vitest'
import { claims } from '../../data/claims.ts'
import { compareRows } from '../../data/compare.ts'
import { flows } from '../../data/deal.ts'
import { growth } from '../../data/growth.ts'
import { accessClaim, requestLimits, requestSteps } from '../../data/request-flow.ts'
import { sourceById } from '../../data/sources.ts'
import { timeline } from '../../data/timeline.ts'
import { formatDate } from '../../utils/dates.ts'

describe('component data', () => {
  it('cites only sources in the registry', () => {
    const cited = [
      ...flows.flatMap(flow => flow.sourceIds),
      ...[
        ...requestSteps,
        ...requestLimits,
      ].flatMap(step => step.sourceIds),
      accessClaim.sourceId,
      ...growth.map(point => point.sourceId),
      ...timeline.map(event => event.sourceId),
      ...claims.flatMap(claim => claim.sourceIds),
      ...compareRows.flatMap(row => [
        ...row.usSources,
        ...row.euSources,
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
      compareRows.map(row => row.topic),
    ])
      expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('formatDate', () => {
  it('keeps the precision it is given', () => {
    expect(formatDate('2019-07-25')).toBe('25 Jul 2019')
    expect(formatDate('2019-07')).toBe('Jul 2019')
    expect(formatDate('2025')).toBe('2025')
    expect(formatDate('2019-08-02', 'long')).toBe('2 August 2019')
  })

  it('throws on a month that does not exist', () => {
    expect(() => formatDate('2019-13')).toThrow()
  })
})
