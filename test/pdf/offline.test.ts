import { execFile, execFileSync } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { TYPESCRIPT_NODE_FLAGS } from '../../scripts/node-flags.ts'

const run = promisify(execFile)

/** Whether this process may make a network namespace of its own (root on Linux with util-linux). */
function canUnshareNetwork(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
}

describe.runIf(canUnshareNetwork())('with no network at all', () => {
  it('exports both PDFs inside a network namespace with no interface up', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'talk-offline-'))
    try {
      const args = [
        '-n',
        process.execPath,
        ...TYPESCRIPT_NODE_FLAGS,
        'scripts/pdf.ts',
        '--entry',
        'test/fixtures/long-notes/slides.md',
        '--out',
        dir,
        '--site',
        path.join(dir, 'dist'),
      ]
      await run('unshare', args, { timeout: 120_000 })
      for (const name of ['long-notes-slides.pdf', 'long-notes-handout.pdf'])
        expect((await stat(path.join(dir, name))).size).toBeGreaterThan(1000)
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
