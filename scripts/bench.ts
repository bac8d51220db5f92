import type { AddressInfo } from 'node:net'
import type { Request } from 'playwright-chromium'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { resolveBrowser } from './browser.ts'
import { BUDGETS } from './budgets.ts'
import { keepLocal, launchBrowser } from './launch.ts'
import { TYPESCRIPT_NODE_FLAGS } from './node-flags.ts'

const HELP = `Usage: npm run bench -- [--runs N] [--entry slides.md]

Times this kit's export (npm run pdf) against Slidev's plain \`slidev export\`
of the same deck: one warm-up run of each, then N runs of each (default 5),
interleaved a b b a a b …. Prints medians, peak memory, output sizes and the
bytes the built site transfers to show its first slide, writes everything to
bench/results/latest.json and checks the budgets below (1 MB = 1,000,000 bytes).

  median wall time, kit / plain slidev export   <= 1.0
  slides PDF                                    <= 1.5 MB
  handout PDF                                   <= 3 MB
  built site (dist/), PDFs included             <= 3 MB
  first slide, gzip-compressed transfer         <= 400 KB
  peak RSS of the kit's export Node process     <= 500 MB

Memory: each Node process's exact peak RSS (reported by the process itself
on exit); the whole process tree's PSS, Chromium included, sampled every
100 ms from /proc (Linux). CPU time of the whole tree comes from GNU time
(/usr/bin/time) when installed, and keeps its meaning on a busy machine,
where wall times do not.

Exit code: 0 when every budget passes, 1 when any budget fails (for CI),
2 when a run itself fails.

  --runs N     measured runs of each export (default 5)
  --entry F    the deck's entry Markdown file (default slides.md)
  -h, --help   show this help`

const MB = 1_000_000
const KB = 1_000
const SAMPLE_MS = 100
// GNU time reports the CPU time of a process and all its waited-for
// descendants: unlike wall time, it barely moves when other jobs share the machine.
const GNU_TIME = '/usr/bin/time'

interface Budget {
  name: string
  limit: number
  format: (value: number) => string
  /** Undefined when the figure does not exist yet (e.g. no handout). */
  value: number | undefined
}

interface Line {
  ms: number
  text: string
}

interface NodePeak {
  pid: number
  /** process.argv.slice(1) of that Node process. */
  argv: string[]
  maxRssBytes: number
}

interface Run {
  wallMs: number
  lines: Line[]
  nodePeaks: NodePeak[]
  /** Peak of the summed PSS of the whole process tree; undefined off Linux. */
  treePeakPssBytes: number | undefined
  /** User plus system CPU time of the whole tree; undefined without GNU time. */
  cpuMs: number | undefined
}

interface PhaseStart {
  name: string
  ms: number
}

interface Side {
  label: string
  command: string[]
  env: NodeJS.ProcessEnv
  /** Where each phase starts, read from the run's console output. */
  phases: (lines: Line[]) => PhaseStart[]
  /** Picks the Node process whose peak RSS counts as this side's own. */
  isMainNode: (peak: NodePeak) => boolean
}

interface FirstSlide {
  transferredBytes: number
  requests: { path: string, bodyBytes: number, headerBytes: number }[]
  blocked: string[]
}

// Loaded into every Node process of a run via NODE_OPTIONS: each one reports
// its own exact peak RSS on exit, which sampling could miss.
const RSS_HOOK = `import { appendFileSync } from 'node:fs'
import process from 'node:process'
process.on('exit', () => {
  const line = JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), maxRssBytes: process.resourceUsage().maxRSS * 1024 })
  appendFileSync(process.env.BENCH_RSS_LOG, line + '\\n')
})
`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`
const formatKb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`
const formatS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

/** Descendants of `root` (itself included), from each process's parent id in /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may contain spaces and parentheses: fields start after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [
        ...(children.get(ppid) ?? []),
        Number(entry),
      ])
    }
    catch {
      // The process exited while we looked.
    }
  }
  const tree = [root]
  for (let i = 0; i < tree.length; i++)
    tree.push(...(children.get(tree[i]!) ?? []))
  return tree
}

// PSS, not RSS: Chromium's processes share most of their pages, and summed RSS would count them once per process.
function treePss(root: number): number {
  let kb = 0
  for (const pid of processTree(root)) {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
      kb += Number(match?.[1] ?? 0)
    }
    catch {
      // Exited, or not ours to read.
    }
  }
  return kb * 1024
}

async function run(side: Side, tmp: string, index: string): Promise<Run> {
  const rssLog = path.join(tmp, `rss-${side.label}-${index}.jsonl`)
  const hook = pathToFileURL(path.join(tmp, 'rss-hook.mjs')).href
  const env = {
    ...side.env,
    BENCH_RSS_LOG: rssLog,
    NODE_OPTIONS: `${side.env.NODE_OPTIONS ?? ''} --import="${hook}"`.trim(),
    FORCE_COLOR: '0',
  }
  const timeFile = path.join(tmp, `time-${side.label}-${index}.txt`)
  const command = existsSync(GNU_TIME)
    ? [
        GNU_TIME,
        '-o',
        timeFile,
        '-f',
        '%U %S',
        ...side.command,
      ]
    : side.command
  const lines: Line[] = []
  const started = performance.now()
  const child = spawn(command[0]!, command.slice(1), {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const canSample = process.platform === 'linux' && child.pid !== undefined
  let treePeak = 0
  const sampler = canSample
    ? setInterval(() => {
        treePeak = Math.max(treePeak, treePss(child.pid!))
      }, SAMPLE_MS)
    : undefined
  let pending = ''
  const onData = (chunk: string): void => {
    const ms = performance.now() - started
    const text = pending + chunk
    const parts = text.split(/\r?\n/)
    pending = parts.pop() ?? ''
    lines.push(...parts.map(part => ({ ms, text: part })))
  }
  child.stdout.setEncoding('utf8').on('data', onData)
  child.stderr.setEncoding('utf8').on('data', onData)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  const wallMs = performance.now() - started
  clearInterval(sampler)
  if (pending)
    lines.push({ ms: wallMs, text: pending })
  if (code !== 0) {
    const tail = lines.slice(-40).map(line => line.text).join('\n')
    throw new Error(`${side.label} exited with code ${code}:\n${tail}`)
  }
  const nodePeaks = existsSync(rssLog)
    ? (await readFile(rssLog, 'utf8')).trim().split('\n').map(line => JSON.parse(line) as NodePeak)
    : []
  const cpuSeconds = existsSync(timeFile)
    ? (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number)
    : []
  return {
    wallMs,
    lines,
    nodePeaks,
    treePeakPssBytes: canSample ? treePeak : undefined,
    cpuMs: cpuSeconds.length === 2
      ? (cpuSeconds[0]! + cpuSeconds[1]!) * 1000
      : undefined,
  }
}

/** Each phase lasts from its start to the next phase's start, the last one to the exit. */
function phaseDurations(starts: PhaseStart[], wallMs: number): Map<string, number> {
  return new Map(starts.map((phase, i) => [phase.name, (starts[i + 1]?.ms ?? wallMs) - phase.ms]))
}

/** Phases begin at spawn, then at the first line matching each marker that appears. */
function markedPhases(first: string, markers: [string, RegExp][]): Side['phases'] {
  return lines => [
    { name: first, ms: 0 },
    ...markers.flatMap(([name, marker]) => {
      const line = lines.find(line => marker.test(line.text))
      return line
        ? [
            { name, ms: line.ms },
          ]
        : []
    }),
  ]
}

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
}
// Static hosts compress text, not formats that are compressed already.
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.svg',
  '.json',
])

/**
 * Serves the built site gzip-compressed (level 9, as precompressed assets
 * would be) and loads the first slide in headless Chromium. Counts every
 * request made until slide 1 is shown with its fonts, as Chromium reports the
 * bytes it received (compressed body plus headers).
 */
async function measureFirstSlide(siteDir: string, executablePath: string): Promise<FirstSlide & { chromium: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    const file = path.join(siteDir, pathname.endsWith('/')
      ? `${pathname}index.html`
      : pathname)
    if (!file.startsWith(siteDir + path.sep) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const ext = path.extname(file)
    let body = readFileSync(file)
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream' }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 })
      headers['content-encoding'] = 'gzip'
    }
    res.writeHead(200, {
      ...headers,
      'content-length': String(body.length),
    }).end(body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await launchBrowser(executablePath)
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      colorScheme: 'light',
    })
    const blocked = await keepLocal(context, origin)
    const page = await context.newPage()
    const requests: Request[] = []
    let shown = false
    page.on('request', (request) => {
      if (!shown)
        requests.push(request)
    })
    await page.goto(`${origin}/#/1`, { waitUntil: 'commit' })
    await page.locator('.slidev-page-1 .slidev-layout').first().waitFor({ state: 'visible', timeout: 30_000 })
    await page.locator('.slidev-page-1 .slidev-slide-loading').waitFor({ state: 'detached', timeout: 30_000 })
    await page.evaluate(() => document.fonts.ready)
    shown = true
    const sized = await Promise.all(requests.map(async (request) => {
      const response = await request.response()
      const sizes = await request.sizes()
      return {
        path: new URL(request.url()).pathname,
        bodyBytes: response ? sizes.responseBodySize : 0,
        headerBytes: response ? sizes.responseHeadersSize : 0,
      }
    }))
    return {
      transferredBytes: sized.reduce((sum, request) => sum + request.bodyBytes + request.headerBytes, 0),
      requests: sized,
      blocked,
      chromium: browser.version(),
    }
  }
  finally {
    await browser.close()
    await new Promise(resolve => server.close(resolve))
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)))
  return rows.map(row => row.map((cell, column) => column === 0
    ? cell.padEnd(widths[column]!)
    : cell.padStart(widths[column]!)).join('  ')).join('\n')
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

  const root = process.cwd()
  const loadAtStart = os.loadavg()
  const entry = path.resolve(values.entry)
  const executablePath = resolveBrowser()
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'slidev-bench-'))
  const kitOut = path.join(tmp, 'kit', 'exports')
  const kitSite = path.join(tmp, 'kit', 'dist')
  const plainPdf = path.join(tmp, 'plain', 'plain.pdf')
  await writeFile(path.join(tmp, 'rss-hook.mjs'), RSS_HOOK)
  await mkdir(path.dirname(plainPdf), { recursive: true })

  const node = process.execPath
  const kit: Side = {
    label: 'kit',
    command: [
      node,
      ...TYPESCRIPT_NODE_FLAGS,
      path.join(root, 'scripts/pdf.ts'),
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
    phases: lines => [
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
    // The export's own Node process is the one whose script is pdf.ts.
    isMainNode: peak => peak.argv[0] === path.join(root, 'scripts/pdf.ts'),
  }
  // Playwright launches Chromium with --no-sandbox unless chromiumSandbox is
  // set, and Slidev does not set it, so plain `slidev export` also runs as root.
  const plain: Side = {
    label: 'plain',
    command: [
      node,
      path.join(root, 'node_modules/@slidev/cli/bin/slidev.mjs'),
      'export',
      '--executable-path',
      executablePath,
      '--output',
      plainPdf,
      entry,
    ],
    env: process.env,
    phases: markedPhases('start-up, dev server', [
      ['rendering and printing', /^\s*entry\s/],
      ['exit', /exported to/],
    ]),
    isMainNode: peak => peak.argv.includes('export'),
  }

  const results: Record<'kit' | 'plain', Run[]> = { kit: [], plain: [] }
  const order = [kit, plain]
  try {
    console.log(`Warm-up: one run of each (${path.relative(root, entry)}, ${executablePath})…`)
    for (const side of order)
      await run(side, tmp, 'warmup')
    for (let i = 0; i < runs; i++) {
      // a b, b a, a b …: neither side always runs on the heels of the other.
      for (const side of i % 2
        ? [...order].reverse()
        : order) {
        const result = await run(side, tmp, String(i))
        results[side.label as 'kit' | 'plain'].push(result)
        const cpu = result.cpuMs === undefined
          ? ''
          : `, CPU ${formatS(result.cpuMs)}`
        console.log(`  run ${i + 1}/${runs} ${side.label.padEnd(5)} ${formatS(result.wallMs)}${cpu}`)
      }
    }

    const summary = (side: Side, list: Run[]) => {
      const perRun = list.map(result => phaseDurations(side.phases(result.lines), result.wallMs))
      const phaseNames = new Set(perRun.flatMap(durations => Array.from(durations.keys())))
      const phasesMedianMs: Record<string, number> = {}
      for (const name of phaseNames)
        phasesMedianMs[name] = Math.round(median(perRun.flatMap(durations => durations.get(name) ?? [])))
      const largestNode = list.flatMap(result => result.nodePeaks).sort((a, b) => b.maxRssBytes - a.maxRssBytes)[0]
      const trees = list.flatMap(result => result.treePeakPssBytes ?? [])
      const cpu = list.flatMap(result => result.cpuMs ?? [])
      return {
        wallMs: list.map(result => Math.round(result.wallMs)),
        medianWallMs: Math.round(median(list.map(result => result.wallMs))),
        cpuMs: cpu.map(Math.round),
        medianCpuMs: cpu.length
          ? Math.round(median(cpu))
          : undefined,
        phasesMedianMs,
        mainNodePeakRssBytes: Math.max(...list.map(result => result.nodePeaks.find(side.isMainNode)?.maxRssBytes ?? 0)),
        largestNodePeakRss: largestNode,
        treePeakPssBytes: trees.length
          ? Math.max(...trees)
          : undefined,
      }
    }
    const kitSummary = summary(kit, results.kit)
    const plainSummary = summary(plain, results.plain)
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

    console.log('Loading the first slide from the built site, gzip-compressed…')
    const first = await measureFirstSlide(kitSite, executablePath)

    const budgets: Budget[] = [
      {
        name: 'median wall time, kit / plain',
        limit: BUDGETS.timeRatio,
        format: value => value.toFixed(2),
        value: ratio,
      },
      {
        name: 'slides PDF',
        limit: BUDGETS.slidesPdfBytes,
        format: formatMb,
        value: slidesPdf,
      },
      {
        name: 'handout PDF',
        limit: BUDGETS.handoutPdfBytes,
        format: formatMb,
        value: handoutPdf,
      },
      {
        name: 'dist/',
        limit: BUDGETS.siteBytes,
        format: formatMb,
        value: dist.total,
      },
      {
        name: 'first slide transferred (gzip)',
        limit: BUDGETS.firstSlideBytes,
        format: formatKb,
        value: first.transferredBytes,
      },
      {
        name: 'peak RSS, export Node process',
        limit: BUDGETS.exportRssBytes,
        format: formatMb,
        value: kitSummary.mainNodePeakRssBytes,
      },
    ]
    const checked = budgets.map(budget => ({
      ...budget,
      status: budget.value === undefined
        ? 'SKIP'
        : budget.value <= budget.limit
          ? 'PASS'
          : 'FAIL',
    }))

    const optionalS = (ms: number | undefined): string => ms === undefined
      ? '–'
      : formatS(ms)
    const optionalMb = (bytes: number | undefined): string => bytes === undefined
      ? '–'
      : formatMb(bytes)
    const largest = (peak: NodePeak | undefined): string => peak
      ? `${formatMb(peak.maxRssBytes)} (${peak.argv.slice(0, 2).map(arg => path.basename(arg)).join(' ')})`
      : '–'
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
        optionalS(kitSummary.medianCpuMs),
        optionalS(plainSummary.medianCpuMs),
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
        largest(kitSummary.largestNodePeakRss),
        largest(plainSummary.largestNodePeakRss),
      ],
      [
        `peak PSS, process tree (${SAMPLE_MS} ms samples)`,
        optionalMb(kitSummary.treePeakPssBytes),
        optionalMb(plainSummary.treePeakPssBytes),
      ],
      [
        'slides PDF',
        optionalMb(slidesPdf),
        formatMb(plainPdfBytes),
      ],
      [
        'handout PDF',
        optionalMb(handoutPdf),
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
    console.log('\nPhases of the kit\'s export (median, from its console steps):')
    console.log(table(Object.entries(kitSummary.phasesMedianMs).map(([name, ms]) => [
      `  ${name}`,
      formatS(ms),
    ])))
    console.log('Phases of plain slidev export:')
    console.log(table(Object.entries(plainSummary.phasesMedianMs).map(([name, ms]) => [
      `  ${name}`,
      formatS(ms),
    ])))
    if (first.blocked.length)
      console.log(`\nThe first slide tried to load from outside this machine:\n  ${first.blocked.join('\n  ')}`)
    console.log('\nBudgets:')
    console.log(table(checked.map(budget => [
      `  ${budget.status}  ${budget.name}`,
      budget.value === undefined
        ? 'not made yet'
        : budget.format(budget.value),
      `<= ${budget.format(budget.limit)}`,
    ])))

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
      entry: path.relative(root, entry),
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
    const resultsDir = path.join(root, 'bench', 'results')
    await mkdir(resultsDir, { recursive: true })
    await writeFile(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nWrote ${path.relative(root, path.join(resultsDir, 'latest.json'))}`)
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
