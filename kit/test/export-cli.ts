import { spawn } from 'node:child_process'
import process from 'node:process'
import { TYPESCRIPT_NODE_FLAGS } from '../scripts/node-flags.ts'

/** How an export on the command line ended: its exit code and what it wrote. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export interface CliExport {
  /** The deck's entry file. */
  entry: string
  /** Where the PDFs go (`--out`). */
  out: string
  /** Where the site goes (`--site`). */
  site: string
  /** More of the command line, after those. */
  args?: string[]
  /**
   * Lets the export reuse what an earlier one made. Off by default: what an
   * export makes, made anew; the cache is tested on its own (kit/test/pdf/cache.test.ts).
   */
  cache?: boolean
  /** Runs it with no network interface at all (`unshare -n`). */
  offline?: boolean
  /** Sends Ctrl-C (SIGINT) once its output shows this. */
  interruptWhen?: string
}

/**
 * Runs the export as `npm run pdf` runs it (kit/cli/pdf.ts), from the
 * current folder and without colours, and resolves with how it ended,
 * whatever its exit code.
 */
export function exportWithCli({ entry, out, site, args = [], cache = false, offline = false, interruptWhen }: CliExport): Promise<CliRun> {
  const command = [
    process.execPath,
    ...TYPESCRIPT_NODE_FLAGS,
    'kit/cli/pdf.ts',
    ...cache
      ? []
      : ['--no-cache'],
    '--entry',
    entry,
    '--out',
    out,
    '--site',
    site,
    ...args,
  ]
  const [file, ...rest] = offline
    ? ['unshare', '-n', ...command]
    : command
  const child = spawn(file!, rest, {
    env: { ...process.env, NO_COLOR: '1' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    if (interruptWhen && stdout.includes(interruptWhen)) {
      child.kill('SIGINT')
      interruptWhen = undefined
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

/** Runs the export as exportWithCli does, and fails with what it said unless it succeeds. */
export async function exportWithCliOrFail(options: CliExport): Promise<CliRun> {
  const run = await exportWithCli(options)
  if (run.code !== 0)
    throw new Error(`the export ended with code ${run.code}:\n${run.stderr || run.stdout}`)
  return run
}
