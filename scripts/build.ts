import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import process from 'node:process'
import { stripVTControlCharacters } from 'node:util'

const require = createRequire(import.meta.url)

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

/**
 * Runs `slidev build` in a child process. Its output is kept and, on failure,
 * returned in the error, since that is where Vue and Markdown errors name the
 * broken file and line.
 */
export async function buildSite(entry: string, outDir: string, base: string, signal?: AbortSignal): Promise<void> {
  const cli = require.resolve('@slidev/cli/bin/slidev.mjs')
  const args = [
    cli,
    'build',
    entry,
    '--out',
    outDir,
    '--base',
    base,
  ]
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      // An interrupted export stops the build with it.
      signal,
    })
    child.stdout.on('data', chunk => output.push(String(chunk)))
    child.stderr.on('data', chunk => output.push(String(chunk)))
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (code !== 0) {
    const log = failureLog(output.join(''))
    const slide = log.match(SLIDE_MODULE)
    throw new BuildError(log, slide
      ? Number(slide[1])
      : undefined, log.match(ERROR_LINE)?.[1])
  }
}
