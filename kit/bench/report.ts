import type { BudgetName } from './budgets.ts'
import type { NodePeak, Run } from './sampling.ts'
import path from 'node:path'
import { BUDGETS, formatBudgetValue } from './budgets.ts'

export interface PhaseStart {
  name: string
  ms: number
}

/** How to read one side's runs: where its phases start, and which Node process is its own. */
export interface SideReading {
  /** Where each phase starts, read from the run's console output. */
  phases: (run: Run) => PhaseStart[]
  /** Picks the Node process whose peak RSS counts as this side's own. */
  isMainNode: (peak: NodePeak) => boolean
  /** The work of the export's page check in a run, in milliseconds, when the side has one. */
  pageCheckMs?: (run: Run) => number
}

export interface SideSummary {
  wallMs: number[]
  medianWallMs: number
  cpuMs: number[]
  medianCpuMs: number | undefined
  /** The part of the CPU time the processes that are not Node spent (Chromium's, mostly), median. */
  medianOtherCpuMs: number | undefined
  phasesMedianMs: Record<string, number>
  mainNodePeakRssBytes: number
  largestNodePeakRss: NodePeak | undefined
  treePeakPssBytes: number | undefined
  /** The page check's work, median over the runs, when the side has one. */
  medianPageCheckMs: number | undefined
}

export interface CheckedBudget {
  name: BudgetName
  label: string
  limit: string
  /** Undefined when the figure does not exist (e.g. no handout). */
  value: string | undefined
  status: 'PASS' | 'FAIL' | 'SKIP'
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function formatMb(bytes: number | undefined): string {
  return bytes === undefined
    ? '–'
    : `${(bytes / 1_000_000).toFixed(2)} MB`
}
export const formatKb = (bytes: number): string => `${(bytes / 1_000).toFixed(1)} KB`
export function formatS(ms: number | undefined): string {
  return ms === undefined
    ? '–'
    : `${(ms / 1000).toFixed(2)} s`
}

/** The budget lines of the benchmark's help, from the budgets themselves. */
export function budgetHelp(): string {
  const entries = Object.values(BUDGETS)
  const width = Math.max(...entries.map(budget => budget.label.length))
  return entries.map(budget => `  ${budget.label.padEnd(width)}  <= ${formatBudgetValue(budget.limit, budget.unit)}`).join('\n')
}

/** Each phase lasts from its start to the next phase's start, the last one to the exit. */
function phaseDurations(starts: PhaseStart[], wallMs: number): Map<string, number> {
  return new Map(starts.map((phase, i) => [phase.name, (starts[i + 1]?.ms ?? wallMs) - phase.ms]))
}

/**
 * The median over the rounds of each round's ratio: the sum of the `over`
 * sides' runs in that round against the sum of the `under` sides' (each side
 * its runs, round by round). One round's runs are minutes apart, so a machine
 * whose speed drifts during the benchmark (this one's plain export took 26 s,
 * 28 s and 19 s in three rounds) moves both sides of a ratio together, where
 * a ratio of medians may set one side's fast runs against the other's slow
 * ones. Undefined when no round has both figures.
 */
export function pairedRatio(over: Run[][], under: Run[][], measure: (run: Run) => number | undefined): number | undefined {
  const rounds = Math.min(...[
    ...over,
    ...under,
  ].map(runs => runs.length))
  const sum = (sides: Run[][], round: number): number => sides.reduce((total, runs) => total + (measure(runs[round]!) ?? Number.NaN), 0)
  const ratios: number[] = []
  for (let round = 0; round < rounds; round++) {
    const ratio = sum(over, round) / sum(under, round)
    if (Number.isFinite(ratio))
      ratios.push(ratio)
  }
  return ratios.length
    ? median(ratios)
    : undefined
}

/** Medians over one side's timed runs; the process tree's memory from its memory run, each Node process's from every run. */
export function summarise(reading: SideReading, runs: Run[], memoryRun: Run): SideSummary {
  const perRun = runs.map(run => phaseDurations(reading.phases(run), run.wallMs))
  const phaseNames = new Set(perRun.flatMap(durations => [
    ...durations.keys(),
  ]))
  const phasesMedianMs: Record<string, number> = {}
  for (const name of phaseNames)
    phasesMedianMs[name] = Math.round(median(perRun.flatMap(durations => durations.get(name) ?? [])))
  const cpu = runs.flatMap(run => run.cpuMs ?? [])
  const otherCpu = runs.flatMap(run => run.otherCpuMs ?? [])
  return {
    wallMs: runs.map(run => Math.round(run.wallMs)),
    medianWallMs: Math.round(median(runs.map(run => run.wallMs))),
    cpuMs: cpu.map(Math.round),
    medianCpuMs: cpu.length
      ? Math.round(median(cpu))
      : undefined,
    medianOtherCpuMs: otherCpu.length
      ? Math.round(median(otherCpu))
      : undefined,
    phasesMedianMs,
    mainNodePeakRssBytes: Math.max(...[...runs, memoryRun].map(run => run.nodePeaks.find(reading.isMainNode)?.maxRssBytes ?? 0)),
    largestNodePeakRss: [...runs, memoryRun].flatMap(run => run.nodePeaks).sort((a, b) => b.maxRssBytes - a.maxRssBytes)[0],
    treePeakPssBytes: memoryRun.treePeakPssBytes,
    medianPageCheckMs: reading.pageCheckMs && Math.round(median(runs.map(reading.pageCheckMs))),
  }
}

/** Checks each measured figure against its budget. */
export function checkBudgets(values: Record<BudgetName, number | undefined>): CheckedBudget[] {
  return (Object.keys(BUDGETS) as BudgetName[]).map((name) => {
    const { label, limit, unit } = BUDGETS[name]
    const value = values[name]
    return {
      name,
      label,
      limit: formatBudgetValue(limit, unit),
      value: value === undefined
        ? undefined
        : formatBudgetValue(value, unit, limit),
      status: value === undefined
        ? 'SKIP'
        : value <= limit
          ? 'PASS'
          : 'FAIL',
    }
  })
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)))
  return rows.map(row => row.map((cell, column) => column === 0
    ? cell.padEnd(widths[column]!)
    : cell.padStart(widths[column]!)).join('  ')).join('\n')
}

/** "197.00 MB (slidev.mjs build)": a Node process's peak and what it ran. */
export function describePeak(peak: NodePeak | undefined): string {
  return peak
    ? `${formatMb(peak.maxRssBytes)} (${peak.argv.slice(0, 2).map(arg => path.basename(arg)).join(' ')})`
    : '–'
}
