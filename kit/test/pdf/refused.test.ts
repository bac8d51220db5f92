import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { TYPESCRIPT_NODE_FLAGS } from '../../scripts/node-flags.ts'

// What only runs in the browser (a component building an address) passes
// every check before the build; the site's policy refuses it, and the
// export stops naming the slide that shows it and the address.

const run = promisify(execFile)
let dir: string
afterAll(() => dir && rm(dir, { recursive: true, force: true }))

describe('a deck whose component loads from another host as it runs', () => {
  it('stops the export while printing, naming the slide, its file and the address, not the browser\'s words', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'talk-refused-'))
    const failure = await run(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      'kit/cli/pdf.ts',
      '--no-cache',
      '--entry',
      'kit/test/fixtures/remote-at-runtime/slides.md',
      '--out',
      path.join(dir, 'exports'),
      '--site',
      path.join(dir, 'dist'),
    ], {
      env: { ...process.env, NO_COLOR: '1' },
    }).then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failure, 'the export fails').toBeDefined()
    expect(failure!.stderr).toContain('Export failed while printing the PDFs')
    expect(failure!.stderr).toContain('slide 2 "A badge from a badge service" in kit/test/fixtures/remote-at-runtime/slides.md: https://img.shields.io/npm/v/vueuse.svg')
    expect(failure!.stderr).not.toMatch(/Content Security Policy|Refused to/)
  })
})
