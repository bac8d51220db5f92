import type { Deck } from '../scripts/deck.ts'
import type { BudgetName } from './budgets.ts'
import type { CheckedBudget, SideReading, SideSummary } from './report.ts'
import type { Run } from './sampling.ts'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { pdfFileName } from '../outputs.ts'
import { resolveBrowser } from '../scripts/browser.ts'
import { CHECKED } from '../scripts/check/report.ts'
import { loadDeck } from '../scripts/deck.ts'
import { KIT_ROOT, kitModule, nodeCommand } from '../scripts/runtime.ts'
import { canCountCpu } from './cpu-account.ts'
import { measureFirstReaderScreen, measureFirstSlide } from './first-slide.ts'
import { generateDeck } from './growth.ts'
import { budgetHelp, checkBudgets, describePeak, formatKb, formatMb, formatS, pairedRatio, summarise, table } from './report.ts'
import { measureRun, prepareSampling, SAMPLE_MS } from './sampling.ts'

const HELP = `Usage: talk-kit bench [--runs N] [--entry slides.md] [--slides 120,300]

Times this kit's export (talk-kit pdf) against Slidev's plain \`slidev export\`
of the same deck: one warm-up run of each, then N runs of each (default 5),
interleaved a b c, c b a, …, and one more of each for memory. A talk with
translations is exported whole (every edition, every layout, the site)
against plain exports of each edition's slides one after the other, and in
its own language alone against a plain export of that edition. Each ratio is
the median of the rounds' ratios. Prints medians, peak memory, output sizes and the
bytes the built site transfers to show its first slide (and its reader's first
screen on a phone), writes everything to bench/results/latest.json and checks
the budgets below (1 MB = 1,000,000 bytes).

${budgetHelp()}

Each side runs as a user runs it: through npm (\`npm exec\`), in the deck's
folder. Memory: each Node process's exact peak RSS (reported by the process
itself on exit); the whole process tree's PSS, Chromium included, sampled
every ${SAMPLE_MS} ms from /proc (Linux) in one more run of each after the
timed ones (the sampling slows a run by about a fifth). CPU time: of the
whole tree, Chromium's renderers included, counted by the kernel in a
control group of each run's own where one can be made (root on Linux), else
each Node process's exact figure and every other process's sampled; it
keeps its meaning on a busy machine, where wall times do not.

Exit code: 0 when every budget passes, 1 when any budget fails (for CI),
2 when a run itself fails.

With --slides, it measures instead how both exports grow with the deck:
for each count, a deck of that many generated slides (sections, lists,
columns with a table, code, statements, every slide with notes) is written
into a folder of this project, exported by both N times after a warm-up, and
removed; the figures go to bench/results/growth.json. No budgets are checked.

  --runs N     measured runs of each export (default 5)
  --entry F    the deck's entry Markdown file (default slides.md)
  --slides L   slide counts of generated decks, comma-separated, e.g. 120,300
  -h, --help   show this help`

interface Side extends SideReading {
  label: string
  command: string[]
  env: NodeJS.ProcessEnv
  /** The deck's folder, where a user runs the command. */
  cwd: string
}

const ROOT = KIT_ROOT
const PLAIN_TIMEOUT_MS = 300_000
// The deck with emoji the tests export, and the same without them: the difference is what the kit's emoji fonts cost.
const EMOJI_FIXTURE = 'test/fixtures/emoji/slides.md'
const EMOJI_FREE_FIXTURE = 'test/fixtures/emoji-free/slides.md'

/** Sizes of every file under `dir`, largest first, and their total. */
async function directorySize(dir: string): Promise<{ total: number, files: { file: string, bytes: number }[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = await Promise.all(entries.filter(entry => entry.isFile()).map(async (entry) => {
    const file = path.join(entry.parentPath, entry.name)
    return {
      file: path.relative(dir, file),
      bytes: (await stat(file)).size,
    }
  }))
  files.sort((a, b) => b.bytes - a.bytes)
  return {
    total: files.reduce((sum, file) => sum + file.bytes, 0),
    files,
  }
}

/**
 * The kit's export as a speaker runs it (`talk-kit pdf` through npm, as
 * `npm run pdf` runs it), of every edition or of the given languages only;
 * made anew each time unless `cached`, which measures a second export with
 * nothing changed.
 */
function kitSide(label: string, entry: string, out: string, site: string, executablePath: string, { languages = [], cached = false }: { languages?: string[], cached?: boolean } = {}): Side {
  const talkKit = fileURLToPath(kitModule(import.meta.url, '../cli/talk-kit'))
  return {
    label,
    command: [
      'npm',
      'exec',
      '--',
      ...nodeCommand(talkKit),
      'pdf',
      ...(cached
        ? []
        : ['--no-cache']),
      '--entry',
      entry,
      '--out',
      out,
      '--site',
      site,
      ...languages.flatMap(lang => ['--language', lang]),
    ],
    // Same browser for every side, whatever else is installed.
    env: { ...process.env, CHROMIUM_PATH: executablePath },
    cwd: path.dirname(entry),
    // Each "[n/m] step…" line the export prints starts a phase, whatever its steps are.
    phases: ({ lines }) => [
      { name: 'start-up (Node, imports)', ms: 0 },
      ...lines.flatMap((line) => {
        const step = /^\[\d+\/\d+\] (.+?)…?$/.exec(line.text)
        return step
          ? [
              { name: step[1]!, ms: line.ms },
            ]
          : []
      }),
      ...lines.filter(line => line.text.startsWith('Done in ')).slice(0, 1).map(line => ({ name: 'exit', ms: line.ms })),
    ],
    isMainNode: peak => peak.argv[0] === talkKit,
    // Each PDF's check says what it took: reading the slides in the browser, and the PDF back.
    pageCheckMs: ({ lines }) => lines.reduce((sum, line) => {
      const checked = CHECKED.exec(line.text)
      return checked
        ? sum + 1000 * (Number(checked[1]) + Number(checked[2]))
        : sum
    }, 0),
  }
}

/**
 * Slidev's own `slidev export` of one edition's entry, as a user runs it
 * (`npx slidev export`). Playwright launches Chromium with --no-sandbox
 * unless chromiumSandbox is set, and Slidev does not set it, so it also runs
 * as root.
 */
function plainSide(label: string, entry: string, pdf: string, executablePath: string): Side {
  return {
    label,
    command: [
      'npm',
      'exec',
      '--',
      'slidev',
      'export',
      '--executable-path',
      executablePath,
      // Slidev waits 30 s for a page by default: on a busy machine a long deck needs longer, and the wait costs nothing.
      '--timeout',
      String(PLAIN_TIMEOUT_MS),
      '--output',
      pdf,
      entry,
    ],
    env: process.env,
    cwd: path.dirname(entry),
    phases: ({ lines }) => [
      { name: 'start-up, dev server', ms: 0 },
      ...[
        ['rendering and printing', /^\s*entry\s/],
        ['exit', /exported to/],
      ].flatMap(([name, marker]) => {
        const line = lines.find(line => (marker as RegExp).test(line.text))
        return line
          ? [
              { name: name as string, ms: line.ms },
            ]
          : []
      }),
    ],
    isMainNode: peak => /^slidev(?:\.mjs)?$/.test(path.basename(peak.argv[0] ?? '')),
  }
}

/** `--runs`, `--entry` and `--slides`, or undefined after printing the help. */
function readOptions(): { runs: number, entry: string, slides: number[] } | undefined {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      entry: { type: 'string', default: 'slides.md' },
      slides: { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    return undefined
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`)
  const slides = values.slides.split(',').filter(Boolean).map(Number)
  if (slides.some(count => !Number.isInteger(count) || count < 2))
    throw new Error(`--slides takes whole numbers of at least 2, comma-separated, not "${values.slides}"`)
  return {
    runs,
    entry: path.resolve(values.entry),
    slides,
  }
}

/** What the benchmark runs, and where each side writes. */
interface Bench {
  kit: Side
  kitAlone: Side
  kitUnchanged: Side
  kitEmoji: Side
  kitEmojiFree: Side
  plain: Side
  plainTranslations: Side[]
  /** Every side once, in the order the runs take them. */
  order: Side[]
  kitOut: string
  kitSite: string
  plainPdf: (label: string) => string
  emojiSite: (name: string) => string
}

function benchSides(entry: string, deck: Deck, translations: { lang: string, entry: string }[], tmp: string, executablePath: string): Bench {
  const kitOut = path.join(tmp, 'kit', 'exports')
  const kitSite = path.join(tmp, 'kit', 'dist')
  const plainPdf = (label: string): string => path.join(tmp, 'plain', `${label}.pdf`)
  // The talk in every edition, and, when it has translations, in its own language alone.
  const kit = kitSide('kit', entry, kitOut, kitSite, executablePath)
  const kitAlone = translations.length
    ? kitSide(`kit ${deck.meta.lang}`, entry, path.join(tmp, 'alone', 'exports'), path.join(tmp, 'alone', 'dist'), executablePath, {
        languages: [deck.meta.lang],
      })
    : kit
  // Its warm-up run fills the cache; every measured run finds nothing changed.
  const kitUnchanged = kitSide('kit unchanged', entry, path.join(tmp, 'unchanged', 'exports'), path.join(tmp, 'unchanged', 'dist'), executablePath, { cached: true })
  // What the kit's emoji fonts cost: a small deck with emoji, and the same deck without them.
  const emojiSite = (name: string): string => path.join(tmp, name, 'dist')
  const kitEmoji = kitSide('kit emoji deck', path.join(ROOT, EMOJI_FIXTURE), path.join(tmp, 'emoji', 'exports'), emojiSite('emoji'), executablePath)
  const kitEmojiFree = kitSide('kit emoji-free deck', path.join(ROOT, EMOJI_FREE_FIXTURE), path.join(tmp, 'emoji-free', 'exports'), emojiSite('emoji-free'), executablePath)
  const plain = plainSide('plain', entry, plainPdf('plain'), executablePath)
  const plainTranslations = translations.map(({ lang, entry }) => plainSide(`plain ${lang}`, entry, plainPdf(`plain-${lang}`), executablePath))
  const order = [
    ...new Set([
      kit,
      kitAlone,
      kitUnchanged,
      plain,
      ...plainTranslations,
      kitEmoji,
      kitEmojiFree,
    ]),
  ]
  return {
    kit,
    kitAlone,
    kitUnchanged,
    kitEmoji,
    kitEmojiFree,
    plain,
    plainTranslations,
    order,
    kitOut,
    kitSite,
    plainPdf,
    emojiSite,
  }
}

/** What one side's runs measured: the timed runs, and the one that sampled the process tree's memory. */
interface SideRuns {
  timed: Run[]
  memory: Run
}

/**
 * One warm-up run of each side, then `runs` of each, a b c, c b a, …: no side
 * always runs on the heels of another. Then one more run of each that samples
 * the process tree's memory, which slows a run (sampling.ts, measureRun).
 */
async function measureSides(order: Side[], runs: number, tmp: string, entry: string, executablePath: string): Promise<Map<Side, SideRuns>> {
  const width = Math.max(...order.map(side => side.label.length))
  const results = new Map<Side, Run[]>(order.map(side => [side, []]))
  console.log(await canCountCpu()
    ? 'CPU time: each run\'s whole process tree, counted by the kernel in a control group of its own.'
    : `CPU time: each run's whole process tree, read from /proc every ${SAMPLE_MS} ms (no control group can be made here: that needs root on Linux).`)
  console.log(`Warm-up: one run of each (${path.relative(ROOT, entry)}, ${executablePath})…`)
  for (const side of order)
    await measureRun(side.command, side.env, side.cwd, tmp, `${side.label}-warmup`)
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2
      ? [...order].reverse()
      : order) {
      const result = await measureRun(side.command, side.env, side.cwd, tmp, `${side.label}-${i}`)
      results.get(side)!.push(result)
      const cpu = result.cpuMs === undefined
        ? ''
        : `, CPU ${formatS(result.cpuMs)}`
      console.log(`  run ${i + 1}/${runs} ${side.label.padEnd(width)} ${formatS(result.wallMs)}${cpu}`)
    }
  }
  console.log(`Memory: one more run of each, its process tree's PSS sampled every ${SAMPLE_MS} ms…`)
  const measured = new Map<Side, SideRuns>()
  for (const side of order) {
    measured.set(side, {
      timed: results.get(side)!,
      memory: await measureRun(side.command, side.env, side.cwd, tmp, `${side.label}-memory`, { memory: true }),
    })
  }
  return measured
}

/** The ratios, sizes and first screens the budgets hold, read from the runs and what the kit's runs wrote. */
async function readFigures(bench: Bench, results: Map<Side, SideRuns>, deck: Deck, editions: number, executablePath: string) {
  const { kit, kitAlone, kitUnchanged, kitEmoji, kitEmojiFree, plain, plainTranslations, order, kitOut, kitSite, plainPdf, emojiSite } = bench
  const summaries = new Map(order.map(side => [
    side,
    summarise(side, results.get(side)!.timed, results.get(side)!.memory),
  ]))
  const kitSummary = summaries.get(kit)!
  const aloneSummary = summaries.get(kitAlone)!
  const plainSummary = summaries.get(plain)!
  const wall = (run: Run): number => run.wallMs
  const cpu = (run: Run): number | undefined => run.cpuMs
  const timed = (sides: Side[]): Run[][] => sides.map(side => results.get(side)!.timed)
  const ratio = pairedRatio(timed([kitAlone]), timed([plain]), wall)!
  const cpuRatio = pairedRatio(timed([kitAlone]), timed([plain]), cpu)
  // Every edition and layout with the site, against plain exports of every edition's slides, one after the other.
  const plainAll = [plain, ...plainTranslations]
  const editionsRatio = editions > 1
    ? pairedRatio(timed([kit]), timed(plainAll), wall)
    : undefined
  const editionsCpuRatio = editions > 1
    ? pairedRatio(timed([kit]), timed(plainAll), cpu)
    : undefined
  // Memory: the whole process tree, Chromium included, against the plain export's; every edition against the heaviest plain export.
  const plainTrees = plainAll.map(side => summaries.get(side)!.treePeakPssBytes ?? Number.NaN)
  const treeRatio = (aloneSummary.treePeakPssBytes ?? Number.NaN) / plainSummary.treePeakPssBytes!
  const editionsTreeRatio = editions > 1
    ? (kitSummary.treePeakPssBytes ?? Number.NaN) / Math.max(...plainTrees)
    : undefined
  const unchangedRatio = pairedRatio(timed([kitUnchanged]), timed([plain]), wall)!

  const outputs = await readdir(kitOut)
  const pdfSize = async (name: string): Promise<number | undefined> =>
    outputs.includes(name)
      ? (await stat(path.join(kitOut, name))).size
      : undefined
  const slidesPdf = await pdfSize(pdfFileName(deck.meta.exportFilename, 'slides'))
  const handoutPdf = await pdfSize(pdfFileName(deck.meta.exportFilename, 'handout'))
  const plainPdfBytes = (await stat(plainPdf('plain'))).size
  const dist = await directorySize(kitSite)

  const emojiDist = await directorySize(emojiSite('emoji'))
  const emojiFreeDist = await directorySize(emojiSite('emoji-free'))
  const emojiFonts = emojiDist.files.filter(({ file }) => /emoji/.test(path.basename(file))).reduce((sum, { bytes }) => sum + bytes, 0)
  const emoji = {
    fontBytes: emojiFonts,
    siteBytes: emojiDist.total,
    emojiFreeSiteBytes: emojiFreeDist.total,
    medianWallMs: summaries.get(kitEmoji)!.medianWallMs,
    emojiFreeMedianWallMs: summaries.get(kitEmojiFree)!.medianWallMs,
  }

  console.log('Loading the first slide from the built site, and the reader\'s first screen on a phone…')
  const first = await measureFirstSlide(kitSite, executablePath)
  const firstReader = await measureFirstReaderScreen(kitSite, executablePath)

  const measured: Record<BudgetName, number | undefined> = {
    timeRatio: ratio,
    editionsRatio,
    cpuRatio,
    editionsCpuRatio,
    slidesPdf,
    handoutPdf,
    site: dist.total / editions,
    firstSlide: first.transferredBytes,
    firstReaderScreen: firstReader.transferredBytes,
    treeMemory: Number.isNaN(treeRatio)
      ? undefined
      : treeRatio,
    editionsTreeMemory: editionsTreeRatio === undefined || Number.isNaN(editionsTreeRatio)
      ? undefined
      : editionsTreeRatio,
    unchanged: unchangedRatio,
    exportRss: kitSummary.mainNodePeakRssBytes,
    pageCheck: kitSummary.medianPageCheckMs! / kitSummary.medianWallMs,
  }
  return {
    summaries,
    ratio,
    cpuRatio,
    editionsRatio,
    editionsCpuRatio,
    treeRatio,
    editionsTreeRatio,
    unchangedRatio,
    slidesPdf,
    handoutPdf,
    plainPdfBytes,
    dist,
    emoji,
    first,
    firstReader,
    measured,
  }
}

type Figures = Awaited<ReturnType<typeof readFigures>>

function printFigures(bench: Bench, figures: Figures, runs: number, editions: number, checked: CheckedBudget[]): void {
  const { kit, kitAlone, plain, order } = bench
  const { summaries, ratio, cpuRatio, editionsRatio, editionsCpuRatio, treeRatio, editionsTreeRatio, unchangedRatio, slidesPdf, handoutPdf, plainPdfBytes, dist, emoji, first, firstReader } = figures
  console.log(`\n${runs} runs each, medians; the process tree's memory from one more run of each.\n`)
  const row = (name: string, cell: (side: Side) => string): string[] => [
    name,
    ...order.map(cell),
  ]
  console.log(table([
    [
      '',
      ...order.map(side => side.label),
    ],
    row('median wall time', side => formatS(summaries.get(side)!.medianWallMs)),
    row('median CPU time, user + system, whole tree', side => formatS(summaries.get(side)!.medianCpuMs)),
    row('  of it not Node (Chromium, mostly)', side => formatS(summaries.get(side)!.medianOtherCpuMs)),
    row('peak RSS, main Node process (exact)', side => formatMb(summaries.get(side)!.mainNodePeakRssBytes)),
    row('peak RSS, largest Node process', side => describePeak(summaries.get(side)!.largestNodePeakRss)),
    row(`peak PSS, process tree (${SAMPLE_MS} ms samples)`, side => formatMb(summaries.get(side)!.treePeakPssBytes)),
  ]))
  console.log(`\n${kitAlone.label} / plain, wall time (median of the rounds' ratios): ${ratio.toFixed(2)}${cpuRatio === undefined
    ? ''
    : `; CPU time (robust to a busy machine): ${cpuRatio.toFixed(2)}`}`)
  if (editionsRatio !== undefined) {
    console.log(`kit (every edition) / every plain export one after the other: ${editionsRatio.toFixed(2)}${editionsCpuRatio === undefined
      ? ''
      : `; CPU time: ${editionsCpuRatio.toFixed(2)}`}`)
  }
  console.log(`${kitAlone.label} / plain, peak PSS of the process tree: ${treeRatio.toFixed(2)}${editionsTreeRatio === undefined
    ? ''
    : `; kit (every edition) / the heaviest plain export: ${editionsTreeRatio.toFixed(2)}`}`)
  console.log(`kit unchanged (a second export, nothing changed, every edition) / plain: ${unchangedRatio.toFixed(2)}`)
  for (const side of new Set([kit, kitAlone])) {
    const { medianPageCheckMs, medianWallMs, phasesMedianMs } = summaries.get(side)!
    console.log(`${side.label}: the page check worked ${formatS(medianPageCheckMs)} (${(100 * medianPageCheckMs! / medianWallMs).toFixed(1)} % of the export's wall time), ${formatS(phasesMedianMs['checking the pages'])} of it after the last print`)
  }
  console.log(`emoji fonts: the emoji deck's site ${formatMb(emoji.siteBytes)} (${formatKb(emoji.fontBytes)} of it the fonts' subsets it uses) against ${formatMb(emoji.emojiFreeSiteBytes)} without emoji; its export ${formatS(emoji.medianWallMs)} against ${formatS(emoji.emojiFreeMedianWallMs)}`)
  console.log(`slides PDF ${formatMb(slidesPdf)} (plain ${formatMb(plainPdfBytes)}), handout ${formatMb(handoutPdf)}, dist/ ${formatMb(dist.total)} for ${editions} edition(s), first slide ${formatKb(first.transferredBytes)} (gzip), the reader's first screen on a phone ${formatKb(firstReader.transferredBytes)}`)
  for (const side of new Set([kit, kitAlone, plain])) {
    console.log(`\nPhases of ${side.label}, medians:`)
    console.log(table(Object.entries(summaries.get(side)!.phasesMedianMs).map(([phase, ms]) => [
      `  ${phase}`,
      formatS(ms),
    ])))
  }
  for (const [screen, blocked] of [
    ['first slide', first.blocked],
    ['reader\'s first screen', firstReader.blocked],
  ] as const) {
    if (blocked.length)
      console.log(`\nThe ${screen} tried to load from outside this machine:\n  ${blocked.join('\n  ')}`)
  }
  console.log('\nBudgets:')
  console.log(table(checked.map(budget => [`  ${budget.status}  ${budget.label}`, budget.value ?? 'not made yet', `<= ${budget.limit}`])))
}

/** Everything measured, as bench/results/latest.json. */
async function writeResults(bench: Bench, figures: Figures, context: { runs: number, entry: string, executablePath: string, loadAtStart: number[], checked: CheckedBudget[] }): Promise<void> {
  const { summaries, ratio, cpuRatio, editionsRatio, editionsCpuRatio, treeRatio, editionsTreeRatio, unchangedRatio, slidesPdf, handoutPdf, plainPdfBytes, dist, emoji, first, firstReader } = figures
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: first.chromium,
    executablePath: context.executablePath,
    platform: `${process.platform} ${os.release()}`,
    cpus: os.cpus().length,
    loadAverage: {
      atStart: context.loadAtStart,
      atEnd: os.loadavg(),
    },
    runs: context.runs,
    entry: path.relative(ROOT, context.entry),
    sides: Object.fromEntries(bench.order.map(side => [
      side.label,
      summaries.get(side),
    ])),
    ratio,
    cpuRatio,
    editionsRatio,
    editionsCpuRatio,
    treeRatio,
    editionsTreeRatio,
    unchangedRatio,
    sizes: {
      slidesPdf,
      handoutPdf,
      plainSlidevPdf: plainPdfBytes,
      dist: dist.total,
      distLargestFiles: dist.files.slice(0, 10),
    },
    emoji,
    firstSlide: { transferredBytes: first.transferredBytes, requests: first.requests, blocked: first.blocked },
    firstReaderScreen: { transferredBytes: firstReader.transferredBytes, requests: firstReader.requests, blocked: firstReader.blocked },
    budgets: context.checked,
  }
  const resultsDir = path.join(ROOT, 'bench', 'results')
  await mkdir(resultsDir, { recursive: true })
  await writeFile(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}`)
}

/**
 * How both exports grow with the deck: generated decks of each count of
 * slides, the kit's export (every PDF and the site) against plain
 * `slidev export`, in turn after a warm-up.
 */
async function measureGrowth(counts: number[], runs: number): Promise<void> {
  const executablePath = resolveBrowser()
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'slidev-bench-'))
  await prepareSampling(tmp)
  const favicon = await readFile(path.join(ROOT, 'test/fixtures/starter/public/favicon.svg'), 'utf8')
  const rows: string[][] = [
    [
      'slides',
      'kit wall',
      'plain wall',
      'ratio',
      'kit CPU',
      'plain CPU',
      'ratio',
      'kit PSS',
      'plain PSS',
      'kit largest process',
      'plain largest process',
    ],
  ]
  const results: Record<number, Record<string, SideSummary>> = {}
  try {
    for (const count of counts) {
      const dir = path.join(process.cwd(), `.talk-kit-bench-${count}`)
      try {
        const entry = await generateDeck(dir, count, favicon)
        const kit = kitSide('kit', entry, path.join(tmp, `${count}`, 'exports'), path.join(tmp, `${count}`, 'dist'), executablePath)
        const plain = plainSide('plain', entry, path.join(tmp, `plain-${count}.pdf`), executablePath)
        console.log(`\n${count} slides:`)
        const measured = await measureSides([kit, plain], runs, tmp, entry, executablePath)
        const [k, p] = [kit, plain].map(side => summarise(side, measured.get(side)!.timed, measured.get(side)!.memory))
        const [kitRuns, plainRuns] = [kit, plain].map(side => [measured.get(side)!.timed])
        results[count] = { kit: k!, plain: p! }
        rows.push([
          String(count),
          formatS(k!.medianWallMs),
          formatS(p!.medianWallMs),
          pairedRatio(kitRuns!, plainRuns!, run => run.wallMs)!.toFixed(2),
          formatS(k!.medianCpuMs),
          formatS(p!.medianCpuMs),
          (pairedRatio(kitRuns!, plainRuns!, run => run.cpuMs) ?? Number.NaN).toFixed(2),
          formatMb(k!.treePeakPssBytes),
          formatMb(p!.treePeakPssBytes),
          describePeak(k!.largestNodePeakRss),
          describePeak(p!.largestNodePeakRss),
        ])
      }
      finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
  }
  console.log(`\n${runs} runs each, medians; memory: PSS of the whole process tree from one more run of each, RSS of the largest Node process from every run.\n`)
  console.log(table(rows))
  const resultsDir = path.join(ROOT, 'bench', 'results')
  await mkdir(resultsDir, { recursive: true })
  await writeFile(path.join(resultsDir, 'growth.json'), `${JSON.stringify({
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
    runs,
    results,
  }, null, 2)}\n`)
}

async function main(): Promise<number> {
  const options = readOptions()
  if (!options)
    return 0
  const { runs, entry } = options
  if (options.slides.length) {
    await measureGrowth(options.slides, runs)
    return 0
  }
  const loadAtStart = os.loadavg()
  const deck = await loadDeck(entry)
  const translations = Object.entries(deck.meta.translations).map(([lang, file]) => ({
    lang,
    entry: path.resolve(deck.root, file),
  }))
  const editions = 1 + translations.length
  const executablePath = resolveBrowser()
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'slidev-bench-'))
  await prepareSampling(tmp)
  await mkdir(path.join(tmp, 'plain'), { recursive: true })
  try {
    const bench = benchSides(entry, deck, translations, tmp, executablePath)
    const results = await measureSides(bench.order, runs, tmp, entry, executablePath)
    const figures = await readFigures(bench, results, deck, editions, executablePath)
    const checked = checkBudgets(figures.measured)
    printFigures(bench, figures, runs, editions, checked)
    await writeResults(bench, figures, {
      runs,
      entry,
      executablePath,
      loadAtStart,
      checked,
    })
    return checked.some(budget => budget.status === 'FAIL')
      ? 1
      : 0
  }
  finally {
    await rm(tmp, { recursive: true, force: true })
  }
}

try {
  process.exitCode = await main()
}
catch (error) {
  console.error(`\n${(error as Error).message}`)
  process.exitCode = 2
}
