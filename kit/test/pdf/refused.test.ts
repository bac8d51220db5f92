import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportWithCli } from '../export-cli.ts'

// What only runs in the browser (a component building an address) passes
// every check before the build; the site's policy refuses it, and the
// export stops naming the slide that shows it and the address.

let dir: string
afterAll(() => dir && rm(dir, { recursive: true, force: true }))

describe('a deck whose component loads from another host as it runs', () => {
  it('stops the export while printing, naming the slide, its file and the address, not the browser\'s words', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'talk-refused-'))
    const { code, stderr } = await exportWithCli({
      entry: 'kit/test/fixtures/remote-at-runtime/slides.md',
      out: path.join(dir, 'exports'),
      site: path.join(dir, 'dist'),
    })
    expect(code, 'the export fails').toBe(1)
    expect(stderr).toContain('Export failed while printing the PDFs')
    expect(stderr).toContain('slide 2 "A badge from a badge service" in kit/test/fixtures/remote-at-runtime/slides.md: https://img.shields.io/npm/v/vueuse.svg')
    expect(stderr).not.toMatch(/Content Security Policy|Refused to/)
  })
})
