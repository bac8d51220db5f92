import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { openCpuAccount } from './cpu-account.ts'

/** How often the process tree's memory is sampled. */
export const SAMPLE_MS = 100

// Linux counts CPU time in clock ticks of 1/100 s (USER_HZ, the same on every architecture it runs on).
const MS_PER_TICK = 10

/** One line of a run's console output, with when it arrived. */
export interface Line {
  ms: number
  text: string
}

/** The exact peak RSS and CPU time one Node process of a run reported on exit. */
export interface NodePeak {
  pid: number
  /** process.argv.slice(1) of that Node process. */
  argv: string[]
  maxRssBytes: number
  /** User plus system CPU time of the process, all its threads. */
  cpuMs: number
}

export interface Run {
  wallMs: number
  lines: Line[]
  nodePeaks: NodePeak[]
  /** Peak of the summed PSS of the whole process tree; undefined off Linux. */
  treePeakPssBytes: number | undefined
  /**
   * User plus system CPU time of the whole tree, Chromium's renderers
   * included; undefined off Linux. Counted by the kernel where a control
   * group could be made, else each Node process's own exact figure and every
   * other process's as last sampled.
   */
  cpuMs: number | undefined
  /** The part of `cpuMs` spent by the processes that are not Node (Chromium's, mostly). */
  otherCpuMs: number | undefined
}

// Loaded into every Node process of a run via NODE_OPTIONS: each one reports
// its own exact peak RSS and CPU time on exit, which sampling could miss.
const RSS_HOOK = `import { appendFileSync } from 'node:fs'
import process from 'node:process'
process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  const line = JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuMs: (user + system) / 1000 })
  appendFileSync(process.env.BENCH_RSS_LOG, line + '\\n')
})
`

/** Writes the RSS hook into `tmp`; call once before the first run. */
export async function prepareSampling(tmp: string): Promise<void> {
  await writeFile(path.join(tmp, 'rss-hook.mjs'), RSS_HOOK)
}

/** Descendants of `root` (itself included), from each process's parent id in /proc, with the CPU ticks each has used. */
function processTree(root: number): Map<number, number> {
  const children = new Map<number, number[]>()
  const ticks = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may contain spaces and parentheses: fields start after the last ")", with the state (field 3).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ppid = Number(fields[1])
      children.set(ppid, [
        ...(children.get(ppid) ?? []),
        Number(entry),
      ])
      // utime and stime, fields 14 and 15.
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]))
    }
    catch {
      // The process exited while we looked.
    }
  }
  const tree = [root]
  for (let i = 0; i < tree.length; i++)
    tree.push(...(children.get(tree[i]!) ?? []))
  return new Map(tree.map(pid => [pid, ticks.get(pid) ?? 0]))
}

// PSS, not RSS: Chromium's processes share most of their pages, and summed RSS would count them once per process.
function treePss(tree: Iterable<number>): number {
  let kb = 0
  for (const pid of tree) {
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

/**
 * Runs `command` in `cwd` to the end and measures it: wall time, each
 * console line's arrival, every Node process's peak RSS and the tree's CPU
 * time, and with `memory` the tree's peak PSS. `tag` keeps the files of
 * different runs apart in `tmp`.
 *
 * PSS only when asked: reading every process's smaps_rollup each tenth of a
 * second slows the export it reads, by about a fifth on a two-core machine
 * (plain `slidev export` 23.6 s against 28.3 s, the kit's 19.8 s against
 * 23.3 s, medians of 3): the kernel walks each process's memory map to
 * answer, Chromium's large ones included.
 *
 * The CPU time is every process's the command started, not the operating
 * system's account of the children waited for (GNU time's): Chromium's
 * renderers, which lay out, paint and print the slides, are children of its
 * zygote, which never waits for them, so that account leaves them out, and
 * with them most of the browser's work. Where this process may make a
 * control group (root on Linux), the command runs in one and the kernel
 * counts its CPU time exactly, with nothing read while it runs
 * (cpu-account.ts); elsewhere the tree's processes are read from /proc every
 * SAMPLE_MS, each Node process's own figure taken from its exit.
 */
export async function measureRun(command: string[], env: NodeJS.ProcessEnv, cwd: string, tmp: string, tag: string, { memory = false }: { memory?: boolean } = {}): Promise<Run> {
  const rssLog = path.join(tmp, `rss-${tag}.jsonl`)
  const hook = pathToFileURL(path.join(tmp, 'rss-hook.mjs')).href
  const lines: Line[] = []
  const account = await openCpuAccount(tag)
  const run = account?.wrap(command) ?? command
  const started = performance.now()
  const child = spawn(run[0]!, run.slice(1), {
    cwd,
    env: {
      ...env,
      BENCH_RSS_LOG: rssLog,
      NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import="${hook}"`.trim(),
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const canSample = process.platform === 'linux' && child.pid !== undefined
  // Counted by the kernel, the CPU time needs no sampling; only the memory does.
  const sampled = canSample && (memory || !account)
  let treePeak = 0
  // Each process's CPU ticks as last seen: a process's last tenth of a second before it exits goes unseen.
  const ticks = new Map<number, number>()
  const sampler = sampled
    ? setInterval(() => {
        const tree = processTree(child.pid!)
        for (const [pid, used] of tree)
          ticks.set(pid, Math.max(used, ticks.get(pid) ?? 0))
        if (memory)
          treePeak = Math.max(treePeak, treePss(tree.keys()))
      }, SAMPLE_MS)
    : undefined
  let pending = ''
  const onData = (chunk: string): void => {
    const ms = performance.now() - started
    const parts = (pending + chunk).split(/\r?\n/)
    pending = parts.pop() ?? ''
    lines.push(...parts.map(part => ({ ms, text: part })))
  }
  child.stdout.setEncoding('utf8').on('data', onData)
  child.stderr.setEncoding('utf8').on('data', onData)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  }).finally(() => clearInterval(sampler))
  const wallMs = performance.now() - started
  const countedMs = await account?.usedMs().finally(() => account.remove())
  if (pending)
    lines.push({ ms: wallMs, text: pending })
  if (code !== 0) {
    const tail = lines.slice(-40).map(line => line.text).join('\n')
    throw new Error(`${tag} exited with code ${code}:\n${tail}`)
  }
  const nodePeaks = existsSync(rssLog)
    ? (await readFile(rssLog, 'utf8')).trim().split('\n').map(line => JSON.parse(line) as NodePeak)
    : []
  const nodeCpuMs = nodePeaks.reduce((sum, peak) => sum + peak.cpuMs, 0)
  // Without a control group: the Node processes' own exact figures, and the others' as sampled.
  const nodePids = new Set(nodePeaks.map(peak => peak.pid))
  const sampledOtherMs = [...ticks].reduce((sum, [pid, used]) => nodePids.has(pid)
    ? sum
    : sum + used * MS_PER_TICK, 0)
  const cpuMs = countedMs ?? (canSample
    ? sampledOtherMs + nodeCpuMs
    : undefined)
  return {
    wallMs,
    lines,
    nodePeaks,
    treePeakPssBytes: canSample && memory
      ? treePeak
      : undefined,
    cpuMs,
    otherCpuMs: cpuMs === undefined
      ? undefined
      : cpuMs - nodeCpuMs,
  }
}
