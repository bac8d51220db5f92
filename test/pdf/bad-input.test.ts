import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { TYPESCRIPT_NODE_FLAGS } from '../../scripts/node-flags.ts'

const run = promisify(execFile)
const PREVIOUS = '%PDF-1.7 the previous export, which a failed run must keep'

/** Runs `npm run pdf`'s script on a fixture deck over an earlier export. */
async function exportFixture(fixture: string): Promise<{ code: number, stderr: string, dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'talk-bad-'))
  await mkdir(path.join(dir, 'exports'))
  await writeFile(path.join(dir, 'exports', 'broken-slides.pdf'), PREVIOUS)
  const args = [
    'scripts/pdf.ts',
    '--entry',
    `test/fixtures/${fixture}/slides.md`,
    '--out',
    path.join(dir, 'exports'),
    '--site',
    path.join(dir, 'dist'),
  ]
  try {
    await run(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      ...args,
    ], {
      env: { ...process.env, NO_COLOR: '1' },
    })
    return { code: 0, stderr: '', dir }
  }
  catch (error) {
    const { code, stderr } = error as { code: number, stderr: string }
    return { code, stderr, dir }
  }
}

async function expectPreviousKept(dir: string): Promise<void> {
  expect(await readFile(path.join(dir, 'exports', 'broken-slides.pdf'), 'utf8')).toBe(PREVIOUS)
  expect(await readdir(path.join(dir, 'exports'))).toEqual(['broken-slides.pdf'])
  expect(await readdir(dir)).toEqual(['exports'])
}

describe('a broken deck', () => {
  it('that does not compile fails, naming the slide, its file and the problem', async () => {
    const { code, stderr, dir } = await exportFixture('broken-vue')
    expect(code).toBe(1)
    expect(stderr).toContain('building the site')
    expect(stderr).toContain('slide 2 "Broken slide" in test/fixtures/broken-vue/slides.md')
    expect(stderr).toContain('Element is missing end tag')
    await expectPreviousKept(dir)
  })

  it('that imports a missing file fails while reading the deck, naming the file', async () => {
    const { code, stderr, dir } = await exportFixture('missing-import')
    expect(code).toBe(1)
    expect(stderr).toContain('reading the deck')
    expect(stderr).toMatch(/test\/fixtures\/missing-import\/slides\.md:\d+: Imported markdown file not found: .*does-not-exist\.md/)
    await expectPreviousKept(dir)
  })

  it('that cites an unknown source fails, naming the slide and the id', async () => {
    const { code, stderr, dir } = await exportFixture('unknown-source')
    expect(code).toBe(1)
    expect(stderr).toContain('test/fixtures/unknown-source/slides.md, slide 2 "A claim without a known source": unknown source "no-such-source"')
    await expectPreviousKept(dir)
  })
})
