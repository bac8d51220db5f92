import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

/** How often the process tree's memory is sampled. */
export const SAMPLE_MS = 100

// GNU time reports the CPU time of a process and all its waited-for
// descendants: unlike wall time, it barely moves when other jobs share the machine.
const GNU_TIME = '/usr/bin/time'

/** One line of a run's console output, with when it arrived. */
export interface Line {
  ms: number
  text: string
}

/** The exact peak RSS one Node process of a run reported on exit. */
export interface NodePeak {
  pid: number
  /** process.argv.slice(1) of that Node process. */
  argv: string[]
  maxRssBytes: number
}

export interface Run {
  wallMs: number
  lines: Line[]
  nodePeaks: NodePeak[]
  /** Peak of the summed PSS of the whole process tree; undefined off Linux. */
  treePeakPssBytes: number | undefined
  /** User plus system CPU time of the whole tree; undefined without GNU time. */
  cpuMs: number | undefined
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

/** Writes the RSS hook into `tmp`; call once before the first run. */
export async function prepareSampling(tmp: string): Promise<void> {
  await writeFile(path.join(tmp, 'rss-hook.mjs'), RSS_HOOK)
}

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

/**
 * Runs `command` to the end and measures it: wall time, each console line's
 * arrival, every Node process's peak RSS, the tree's peak PSS and CPU time.
 * `tag` keeps the files of different runs apart in `tmp`.
 */
export async function measureRun(command: string[], env: NodeJS.ProcessEnv, tmp: string, tag: string): Promise<Run> {
  const rssLog = path.join(tmp, `rss-${tag}.jsonl`)
  const hook = pathToFileURL(path.join(tmp, 'rss-hook.mjs')).href
  const timeFile = path.join(tmp, `time-${tag}.txt`)
  const timed = existsSync(GNU_TIME)
    ? [
        GNU_TIME,
        '-o',
        timeFile,
        '-f',
        '%U %S',
        ...command,
      ]
    : command
  const lines: Line[] = []
  const started = performance.now()
  const child = spawn(timed[0]!, timed.slice(1), {
    env: {
      ...env,
      BENCH_RSS_LOG: rssLog,
      NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import="${hook}"`.trim(),
      FORCE_COLOR: '0',
    },
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
    const parts = (pending + chunk).split(/\r?\n/)
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
    throw new Error(`${tag} exited with code ${code}:\n${tail}`)
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
    treePeakPssBytes: canSample
      ? treePeak
      : undefined,
    cpuMs: cpuSeconds.length === 2
      ? (cpuSeconds[0]! + cpuSeconds[1]!) * 1000
      : undefined,
  }
}
