import type { Run } from '../bench/sampling.ts'
import { describe, expect, it } from 'vitest'
import { median, pairedRatio } from '../bench/report.ts'

/** Runs with these wall times (seconds) and CPU times, as the benchmark records them. */
function runs(walls: number[], cpus: (number | undefined)[] = []): Run[] {
  return walls.map((wall, index) => ({
    wallMs: wall * 1000,
    lines: [],
    nodePeaks: [],
    treePeakPssBytes: undefined,
    cpuMs: cpus[index] === undefined
      ? undefined
      : cpus[index]! * 1000,
    otherCpuMs: undefined,
  }))
}

const wall = (run: Run): number => run.wallMs
const cpu = (run: Run): number | undefined => run.cpuMs

describe('the benchmark\'s ratios', () => {
  // Three rounds measured on a two-core machine whose speed drifted: the third round ran a third faster.
  const kit = runs([19.77, 18.51, 17.44], [29.04, 27.29, 25.95])
  const plain = runs([26.05, 27.94, 19.04], [40.68, 43.93, 29.59])
  const plainDe = runs([27.47, 23.95, 21.21], [42.15, 37.11, 33.03])
  const both = runs([28.75, 29.09, 27.39])

  it('take the median of each round\'s ratio, not the ratio of the medians', () => {
    const rounds = [19.77 / 26.05, 18.51 / 27.94, 17.44 / 19.04]
    expect(pairedRatio([kit], [plain], wall)).toBeCloseTo(median(rounds), 10)
    expect(pairedRatio([kit], [plain], wall)).toBeCloseTo(19.77 / 26.05, 10)
    // The medians' ratio sets the kit's middle run against plain's from another round.
    expect(median([19.77, 18.51, 17.44]) / median([26.05, 27.94, 19.04])).toBeCloseTo(18.51 / 26.05, 10)
  })

  it('sum the sides below the line round by round: every edition against each plain export one after the other', () => {
    expect(pairedRatio([both], [plain, plainDe], wall)).toBeCloseTo(median([
      28.75 / (26.05 + 27.47),
      29.09 / (27.94 + 23.95),
      27.39 / (19.04 + 21.21),
    ]), 10)
  })

  it('leave out a round without a figure, and give none when no round has one', () => {
    const partly = runs([20, 20, 20], [30, undefined, 20])
    expect(pairedRatio([partly], [plain], cpu)).toBeCloseTo(median([30 / 40.68, 20 / 29.59]), 10)
    expect(pairedRatio([both], [plain], cpu)).toBeUndefined()
  })

  it('pair only the rounds every side has', () => {
    expect(pairedRatio([
      runs([10, 10, 10, 5]),
    ], [
      runs([20, 20, 20]),
    ], wall)).toBe(0.5)
  })
})
