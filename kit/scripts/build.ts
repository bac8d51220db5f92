import { fork } from 'node:child_process'
import process from 'node:process'
import { stripVTControlCharacters } from 'node:util'
import { TYPESCRIPT_NODE_FLAGS } from './node-flags.ts'
import { kitModule } from './runtime.ts'

/** Normalises a base path to Slidev's form: leading and trailing slash. */
export function normaliseBase(base = '/'): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}

/** A failed `slidev build`, with the slide it points at when the log names one. */
export class BuildError extends Error {
  override name = 'BuildError'
  readonly log: string
  readonly slideNo?: number
  readonly detail?: string
  constructor(log: string, slideNo?: number, detail?: string) {
    super(detail
      ? `${detail}\n\n${log}`
      : log)
    this.log = log
    this.slideNo = slideNo
    this.detail = detail
  }
}

// Slidev compiles slide N of an entry as the virtual module "<entry>__slidev_N.md".
const SLIDE_MODULE = /__slidev_(\d+)\.md:(\d+):(\d+)/
const ERROR_LINE = /^(?:\w*Error|error): (\S.*)$/m

/** Keeps the part of a build log that explains the failure, without stack frames. */
function failureLog(output: string): string {
  return stripVTControlCharacters(output)
    .split('\n')
    .filter(line => !/^\s+at /.test(line))
    .slice(-30)
    .join('\n')
    .trim()
}

/** One edition's site to build: its entry, the folder it goes to, the base it is hosted under. */
export interface BuildJob {
  entry: string
  outDir: string
  base: string
}

/** What the build process reports: the site of the job at `built` is written. */
export interface BuildMessage {
  built: number
}

/**
 * Builds every job's site with Slidev, one after the other, in one child
 * process (scripts/slidev-build.ts); a promise for each, settled when its
 * site is written. Slidev's output is kept and, on failure, returned in the
 * error of the job that failed, since that is where Vue and Markdown errors
 * name the broken file and line; the jobs after it fail with it.
 */
export function buildSites(jobs: BuildJob[], signal?: AbortSignal): Promise<void>[] {
  const settlers = jobs.map(() => Promise.withResolvers<void>())
  let output: string[] = []
  let next = 0
  const child = fork(kitModule(import.meta.url, './slidev-build'), [], {
    execArgv: TYPESCRIPT_NODE_FLAGS,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // An interrupted export stops the build with it.
    signal,
  })
  child.stdout!.on('data', chunk => output.push(String(chunk)))
  child.stderr!.on('data', chunk => output.push(String(chunk)))
  child.on('message', ({ built }: BuildMessage) => {
    settlers[built]!.resolve()
    next = built + 1
    // Each job's error shows its own build's output, not the one before.
    output = []
  })
  const fail = (error: Error): void => {
    for (const settler of settlers.slice(next))
      settler.reject(error)
  }
  child.on('error', fail)
  child.on('close', (code) => {
    if (next >= jobs.length)
      return
    const log = failureLog(output.join(''))
    const slide = log.match(SLIDE_MODULE)
    fail(code === 0
      ? new Error('the build ended before writing every site')
      : new BuildError(log, slide
          ? Number(slide[1])
          : undefined, log.match(ERROR_LINE)?.[1]))
  })
  child.send(jobs)
  return settlers.map(({ promise }) => promise)
}
