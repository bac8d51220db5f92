const MB = 1_000_000
const KB = 1_000

/** What a visitor's first screen may transfer, whether a laptop's first slide or a phone's reader. */
const FIRST_SCREEN_LIMIT = 400 * KB

export type BudgetUnit = 'ratio' | 'bytes'

export interface Budget {
  /** What is measured, as the benchmark's help and report name it. */
  label: string
  limit: number
  unit: BudgetUnit
}

/** The kit's speed, size and memory budgets: the benchmark checks all, the tests the sizes. */
export const BUDGETS = {
  timeRatio: { label: 'median wall time, kit / plain slidev export, one edition', limit: 0.8, unit: 'ratio' },
  editionsRatio: { label: 'median wall time, every edition / plain exports of each', limit: 0.65, unit: 'ratio' },
  cpuRatio: { label: 'median CPU time of the whole process tree, kit / plain slidev export, one edition', limit: 0.8, unit: 'ratio' },
  editionsCpuRatio: { label: 'median CPU time of the whole process tree, every edition / plain exports of each', limit: 0.6, unit: 'ratio' },
  unchanged: { label: 'median wall time, a second export with nothing changed (every edition) / plain, one edition', limit: 0.2, unit: 'ratio' },
  treeMemory: { label: 'peak PSS of the whole process tree, kit / plain, one edition', limit: 1, unit: 'ratio' },
  editionsTreeMemory: { label: 'peak PSS of the whole process tree, every edition / the heaviest plain export', limit: 1, unit: 'ratio' },
  slidesPdf: { label: 'slides PDF', limit: 1.5 * MB, unit: 'bytes' },
  handoutPdf: { label: 'handout PDF', limit: 3 * MB, unit: 'bytes' },
  site: { label: 'built site (dist/), PDFs included, per edition', limit: 3 * MB, unit: 'bytes' },
  firstSlide: { label: 'first slide, gzip-compressed transfer', limit: FIRST_SCREEN_LIMIT, unit: 'bytes' },
  firstReaderScreen: { label: 'the reader\'s first screen on a phone, gzip-compressed transfer', limit: FIRST_SCREEN_LIMIT, unit: 'bytes' },
  exportRss: { label: 'peak RSS of the kit\'s export Node process', limit: 500 * MB, unit: 'bytes' },
  pageCheck: { label: 'page check\'s work / the export\'s wall time, every edition', limit: 0.1, unit: 'ratio' },
} as const satisfies Record<string, Budget>

export type BudgetName = keyof typeof BUDGETS

/**
 * A budget's limit or a measured value in its unit: "1.00", "1.5 MB", "400 KB".
 * `scale` picks MB or KB, so a value can be written in its limit's terms.
 */
export function formatBudgetValue(value: number, unit: BudgetUnit, scale = value): string {
  if (unit === 'ratio')
    return value.toFixed(2)
  return scale >= MB
    ? `${(value / MB).toFixed(2).replace(/\.?0+$/, '')} MB`
    : `${(value / KB).toFixed(1).replace(/\.0$/, '')} KB`
}
