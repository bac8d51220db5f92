import type { InputTree } from '../scripts/cache.ts'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportCache, hashInputs, installRoot } from '../scripts/cache.ts'

// The export reuses what it made while the hash of what it reads is
// unchanged: here a talk with the kit in a folder of its own, as this
// repository is, is changed one file at a time, and every change must change
// the hash; what the export does not read (tests, benchmark results, the
// outputs) must not. An install or update changes npm's record at the root.

const INPUTS: Record<string, string> = {
  'slides.md': '---\ntitle: A talk\n---\n\n# Hello\n',
  'slides.de.md': '---\ntitle: Ein Vortrag\n---\n\n# Hallo\n',
  'pages/part-1.md': '# Part one\n',
  'components/DealFlow.vue': '<template><div>deal</div></template>\n',
  'layouts/cover.vue': '<template><slot /></template>\n',
  'data/sources.ts': 'export const sources = []\n',
  'styles/index.css': '.slidev-layout { color: black }\n',
  'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'package.json': '{ "name": "talk", "workspaces": ["kit"] }\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'node_modules/.package-lock.json': '{ "packages": { "node_modules/@slidev/cli": { "version": "53.0.0" } } }\n',
  'kit/package.json': '{ "name": "kit", "files": ["*.ts", "setup", "scripts/", "i18n", "bench/*.ts"] }\n',
  'kit/vite.config.ts': 'export default {}\n',
  'kit/setup/main.ts': 'export default () => {}\n',
  'kit/scripts/print.ts': 'export const QUIET_PERIOD = 400\n',
  'kit/i18n/en.ts': 'export const en = {}\n',
  'kit/bench/bench.ts': 'export const runs = 5\n',
}

let root: string
function tree(): InputTree {
  return {
    kit: path.join(root, 'kit'),
    deck: root,
    outputs: [
      path.join(root, 'exports'),
      path.join(root, 'dist'),
    ],
  }
}
let baseline: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'talk-cache-'))
  for (const [file, contents] of Object.entries(INPUTS)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), contents)
  }
  baseline = await hashInputs(tree())
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('the hash of an export\'s inputs', () => {
  it.each(Object.keys(INPUTS))('changes with an edit to %s, and comes back when it is undone', async (file) => {
    const target = path.join(root, file)
    await writeFile(target, `${INPUTS[file]} `)
    expect(await hashInputs(tree())).not.toBe(baseline)
    await writeFile(target, INPUTS[file]!)
    expect(await hashInputs(tree())).toBe(baseline)
  })

  it('changes with a new file, a deleted one and a renamed one', async () => {
    const added = path.join(root, 'components', 'SourceMark.vue')
    await writeFile(added, '<template><sup>1</sup></template>\n')
    expect(await hashInputs(tree())).not.toBe(baseline)
    await rm(added)
    expect(await hashInputs(tree())).toBe(baseline)

    const part = path.join(root, 'pages', 'part-1.md')
    await rm(part)
    expect(await hashInputs(tree())).not.toBe(baseline)
    await writeFile(part, INPUTS['pages/part-1.md']!)

    await rename(part, path.join(root, 'pages', 'part-2.md'))
    expect(await hashInputs(tree())).not.toBe(baseline)
    await rename(path.join(root, 'pages', 'part-2.md'), part)
    expect(await hashInputs(tree())).toBe(baseline)
  })

  it('counts a deck elsewhere by its own folder, and the installs of the workspace it is in', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'talk-cache-workspace-'))
    try {
      const deck = path.join(workspace, 'talks', 'elsewhere')
      await mkdir(path.join(workspace, 'node_modules'), { recursive: true })
      await mkdir(deck, { recursive: true })
      await writeFile(path.join(workspace, 'node_modules', '.package-lock.json'), '{ "packages": {} }\n')
      await writeFile(path.join(deck, 'slides.md'), '# Elsewhere\n')
      expect(installRoot(deck)).toBe(workspace)
      const elsewhere: InputTree = {
        kit: path.join(root, 'kit'),
        deck,
        outputs: [],
      }
      const before = await hashInputs(elsewhere)
      await writeFile(path.join(deck, 'slides.md'), '# Elsewhere, edited\n')
      const edited = await hashInputs(elsewhere)
      expect(edited).not.toBe(before)
      // An install or update in the workspace rewrites npm's record there.
      await writeFile(path.join(workspace, 'node_modules', '.package-lock.json'), '{ "packages": { "node_modules/yaml": { "version": "2.9.1" } } }\n')
      expect(await hashInputs(elsewhere)).not.toBe(edited)
    }
    finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('ignores the outputs, their staging folders, version control, installed files (npm\'s record of them counts), tests and benchmark results', async () => {
    const ignored = [
      'test/deck.test.ts',
      'kit/test/cache.test.ts',
      'kit/test/fixtures/package.json',
      'kit/test/fixtures/starter/slides.md',
      'kit/bench/results/latest.json',
      'kit/node_modules/.cache/talk-kit/sites/a/index.html',
      'exports/talk-slides.pdf',
      'exports/.staging-123/talk-slides.pdf',
      'dist/index.html',
      'dist.staging-123/index.html',
      '.git/HEAD',
      'node_modules/.slidev/entry.ts',
      'node_modules/@slidev/cli/package.json',
    ]
    for (const file of ignored) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true })
      await writeFile(path.join(root, file), 'whatever\n')
    }
    expect(await hashInputs(tree())).toBe(baseline)
    for (const top of [
      'test',
      'kit/test',
      'kit/bench/results',
      'kit/node_modules',
      'exports',
      'dist',
      'dist.staging-123',
      '.git',
      'node_modules/.slidev',
      'node_modules/@slidev',
    ])
      await rm(path.join(root, top), { recursive: true, force: true })
  })
})

describe('the export cache', () => {
  it('gives back a stored site and outputs whole, keeps the newest three of each and misses what it does not have', async () => {
    const cache = new ExportCache(path.join(root, 'cache'))
    const site = path.join(root, 'site')
    await mkdir(path.join(site, 'de'), { recursive: true })
    await writeFile(path.join(site, 'index.html'), '<!doctype html>')
    await writeFile(path.join(site, 'de', 'index.html'), '<!doctype html><html lang="de">')
    for (const key of ['a', 'b', 'c', 'd']) {
      // Apart in time, as exports are: the cache keeps the newest by their times.
      await new Promise(resolve => setTimeout(resolve, 20))
      await cache.storeSite(key, site)
      await cache.storeOutputs(key, {
        pdfs: {
          [`${key}.pdf`]: new Uint8Array([37, 80, 68, 70]),
        },
        report: { key },
      })
    }
    expect((await readdir(path.join(root, 'cache', 'sites'))).sort()).toEqual(['b', 'c', 'd'])
    expect((await readdir(path.join(root, 'cache', 'outputs'))).sort()).toEqual(['b', 'c', 'd'])
    expect(await readdir(path.join(root, 'cache'))).toEqual(expect.not.arrayContaining([
      expect.stringMatching(/^\.writing-/),
    ]))

    const restored = path.join(root, 'restored')
    expect(await cache.restoreSite('d', restored)).toBe(true)
    expect(await readFile(path.join(restored, 'de', 'index.html'), 'utf8')).toBe('<!doctype html><html lang="de">')
    expect(await cache.restoreSite('a', path.join(root, 'nothing'))).toBe(false)

    const outputs = await cache.outputs<{ key: string }>('c')
    expect(outputs?.report).toEqual({ key: 'c' })
    expect(Object.keys(outputs!.pdfs)).toEqual(['c.pdf'])
    expect(await cache.outputs('a')).toBeUndefined()
  })
})
