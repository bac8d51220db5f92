import type { BudgetName } from './budgets.ts'
import type { SideReading } from './report.ts'
import type { Run } from './sampling.ts'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { resolveBrowser } from '../scripts/browser.ts'
import { TYPESCRIPT_NODE_FLAGS } from '../scripts/node-flags.ts'
import { measureFirstSlide } from './first-slide.ts'
import { budgetHelp, checkBudgets, describePeak, formatKb, formatMb, formatS, summarise, table } from './report.ts'
import { measureRun, prepareSampling, SAMPLE_MS } from './sampling.ts'

const HELP = `Usage: npm run bench -- [--runs N] [--entry slides.md]

Times this kit's export (npm run pdf) against Slidev's plain \`slidev export\`
of the same deck: one warm-up run of each, then N runs of each (default 5),
interleaved a b b a a b …. Prints medians, peak memory, output sizes and the
bytes the built site transfers to show its first slide, writes everything to
bench/results/latest.json and checks the budgets below (1 MB = 1,000,000 bytes).

${budgetHelp()}

Memory: each Node process's exact peak RSS (reported by the process itself
on exit); the whole process tree's PSS, Chromium included, sampled every
${SAMPLE_MS} ms from /proc (Linux). CPU time of the whole tree comes from GNU time
(/usr/bin/time) when installed, and keeps its meaning on a busy machine,
where wall times do not.

Exit code: 0 when every budget passes, 1 when any budget fails (for CI),
2 when a run itself fails.

  --runs N     measured runs of each export (default 5)
  --entry F    the deck's entry Markdown file (default slides.md)
  -h, --help   show this help`

interface Side extends SideReading {
  label: 'kit' | 'plain'
  command: string[]
  env: NodeJS.ProcessEnv
}

const ROOT = path.resolve(import.meta.dirname, '..')

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

function sides(entry: string, executablePath: string, kitOut: string, kitSite: string, plainPdf: string): Side[] {
  const node = process.execPath
  const pdfScript = path.join(ROOT, 'scripts/pdf.ts')
  const kit: Side = {
    label: 'kit',
    command: [
      node,
      ...TYPESCRIPT_NODE_FLAGS,
      pdfScript,
      '--entry',
      entry,
      '--out',
      kitOut,
      '--site',
      kitSite,
    ],
    // Same browser for both sides, whatever else is installed.
    env: { ...process.env, CHROMIUM_PATH: executablePath },
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
    isMainNode: peak => peak.argv[0] === pdfScript,
  }
  // Playwright launches Chromium with --no-sandbox unless chromiumSandbox is
  // set, and Slidev does not set it, so plain `slidev export` also runs as root.
  const plain: Side = {
    label: 'plain',
    command: [
      node,
      path.join(ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs'),
      'export',
      '--executable-path',
      executablePath,
      '--output',
      plainPdf,
      entry,
    ],
    env: process.env,
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
    isMainNode: peak => peak.argv.includes('export'),
  }
  return [kit, plain]
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      entry: { type: 'string', default: 'slides.md' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`)

  const loadAtStart = os.loadavg()
  const entry = path.resolve(values.entry)
  const executablePath = resolveBrowser()
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'slidev-bench-'))
  const kitOut = path.join(tmp, 'kit', 'exports')
  const kitSite = path.join(tmp, 'kit', 'dist')
  const plainPdf = path.join(tmp, 'plain', 'plain.pdf')
  await prepareSampling(tmp)
  await mkdir(path.dirname(plainPdf), { recursive: true })
  const order = sides(entry, executablePath, kitOut, kitSite, plainPdf)
  const [kit, plain] = order as [Side, Side]

  const results: Record<Side['label'], Run[]> = { kit: [], plain: [] }
  try {
    console.log(`Warm-up: one run of each (${path.relative(ROOT, entry)}, ${executablePath})…`)
    for (const side of order)
      await measureRun(side.command, side.env, tmp, `${side.label}-warmup`)
    for (let i = 0; i < runs; i++) {
      // a b, b a, a b …: neither side always runs on the heels of the other.
      for (const side of i % 2
        ? [...order].reverse()
        : order) {
        const result = await measureRun(side.command, side.env, tmp, `${side.label}-${i}`)
        results[side.label].push(result)
        const cpu = result.cpuMs === undefined
          ? ''
          : `, CPU ${formatS(result.cpuMs)}`
        console.log(`  run ${i + 1}/${runs} ${side.label.padEnd(5)} ${formatS(result.wallMs)}${cpu}`)
      }
    }

    const kitSummary = summarise(kit, results.kit)
    const plainSummary = summarise(plain, results.plain)
    const ratio = kitSummary.medianWallMs / plainSummary.medianWallMs
    const cpuRatio = kitSummary.medianCpuMs && plainSummary.medianCpuMs
      ? kitSummary.medianCpuMs / plainSummary.medianCpuMs
      : undefined

    const outputs = await readdir(kitOut)
    const pdfSize = async (suffix: string): Promise<number | undefined> => {
      const file = outputs.find(name => name.endsWith(suffix))
      return file
        ? (await stat(path.join(kitOut, file))).size
        : undefined
    }
    const slidesPdf = await pdfSize('-slides.pdf')
    const handoutPdf = await pdfSize('-handout.pdf')
    const plainPdfBytes = (await stat(plainPdf)).size
    const dist = await directorySize(kitSite)

    console.log('Loading the first slide from the built site…')
    const first = await measureFirstSlide(kitSite, executablePath)

    const measured: Record<BudgetName, number | undefined> = {
      timeRatio: ratio,
      slidesPdf,
      handoutPdf,
      site: dist.total,
      firstSlide: first.transferredBytes,
      exportRss: kitSummary.mainNodePeakRssBytes,
    }
    const checked = checkBudgets(measured)

    console.log(`\n${runs} runs each, medians; memory is the highest of all runs.\n`)
    console.log(table([
      ['', 'kit (npm run pdf)', 'plain slidev export'],
      [
        'median wall time',
        formatS(kitSummary.medianWallMs),
        formatS(plainSummary.medianWallMs),
      ],
      [
        'ratio kit / plain',
        ratio.toFixed(2),
        '',
      ],
      [
        'median CPU time, user + system, whole tree',
        formatS(kitSummary.medianCpuMs),
        formatS(plainSummary.medianCpuMs),
      ],
      [
        'CPU ratio kit / plain (robust to a busy machine)',
        cpuRatio === undefined
          ? '–'
          : cpuRatio.toFixed(2),
        '',
      ],
      [
        'peak RSS, main Node process (exact)',
        formatMb(kitSummary.mainNodePeakRssBytes),
        formatMb(plainSummary.mainNodePeakRssBytes),
      ],
      [
        'peak RSS, largest Node process',
        describePeak(kitSummary.largestNodePeakRss),
        describePeak(plainSummary.largestNodePeakRss),
      ],
      [
        `peak PSS, process tree (${SAMPLE_MS} ms samples)`,
        formatMb(kitSummary.treePeakPssBytes),
        formatMb(plainSummary.treePeakPssBytes),
      ],
      [
        'slides PDF',
        formatMb(slidesPdf),
        formatMb(plainPdfBytes),
      ],
      [
        'handout PDF',
        formatMb(handoutPdf),
        '–',
      ],
      [
        'dist/ (built site with PDFs)',
        formatMb(dist.total),
        '–',
      ],
      [
        'first slide transferred (gzip)',
        formatKb(first.transferredBytes),
        '–',
      ],
    ]))
    for (const [name, summary] of [
      ['the kit\'s export (from its console steps)', kitSummary],
      ['plain slidev export', plainSummary],
    ] as const) {
      console.log(`\nPhases of ${name}, medians:`)
      console.log(table(Object.entries(summary.phasesMedianMs).map(([phase, ms]) => [
        `  ${phase}`,
        formatS(ms),
      ])))
    }
    if (first.blocked.length)
      console.log(`\nThe first slide tried to load from outside this machine:\n  ${first.blocked.join('\n  ')}`)
    console.log('\nBudgets:')
    console.log(table(checked.map(budget => [`  ${budget.status}  ${budget.label}`, budget.value ?? 'not made yet', `<= ${budget.limit}`])))

    const report = {
      date: new Date().toISOString(),
      node: process.version,
      chromium: first.chromium,
      executablePath,
      platform: `${process.platform} ${os.release()}`,
      cpus: os.cpus().length,
      loadAverage: {
        atStart: loadAtStart,
        atEnd: os.loadavg(),
      },
      runs,
      entry: path.relative(ROOT, entry),
      kit: kitSummary,
      plain: plainSummary,
      ratio,
      cpuRatio,
      sizes: {
        slidesPdf,
        handoutPdf,
        plainSlidevPdf: plainPdfBytes,
        dist: dist.total,
        distLargestFiles: dist.files.slice(0, 10),
      },
      firstSlide: { transferredBytes: first.transferredBytes, requests: first.requests, blocked: first.blocked },
      budgets: checked,
    }
    const resultsDir = path.join(ROOT, 'bench', 'results')
    await mkdir(resultsDir, { recursive: true })
    await writeFile(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nWrote ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}`)
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
