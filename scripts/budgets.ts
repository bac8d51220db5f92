const MB = 1_000_000
const KB = 1_000

/** The kit's speed, size and memory budgets: the benchmark checks all, the tests the sizes. */
export const BUDGETS = {
  /** Median wall time of the kit's export over Slidev's plain export. */
  timeRatio: 1,
  slidesPdfBytes: 1.5 * MB,
  handoutPdfBytes: 3 * MB,
  /** The built site, PDFs included. */
  siteBytes: 3 * MB,
  /** What the first slide transfers, gzip-compressed. */
  firstSlideBytes: 400 * KB,
  /** Peak RSS of the export's own Node process. */
  exportRssBytes: 500 * MB,
} as const
