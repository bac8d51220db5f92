import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportCache, hashInputs } from '../scripts/cache.ts'

// The export reuses what it made while the hash of its inputs is unchanged:
// here a project of every kind of input is changed one file at a time, and
// every change must change the hash; what is no input must not.

const INPUTS: Record<string, string> = {
  'slides.md': '---\ntitle: A talk\n---\n\n# Hello\n',
  'slides.de.md': '---\ntitle: Ein Vortrag\n---\n\n# Hallo\n',
  'pages/part-1.md': '# Part one\n',
  'components/DealFlow.vue': '<template><div>deal</div></template>\n',
  'layouts/cover.vue': '<template><slot /></template>\n',
  'data/sources.ts': 'export const sources = []\n',
  'i18n/en.ts': 'export const en = {}\n',
  'utils/notes.ts': 'export const wordsPerMinute = 130\n',
  'styles/index.css': '.slidev-layout { color: black }\n',
  'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'addon/setup/main.ts': 'export default () => {}\n',
  'addon/vite.config.ts': 'export default {}\n',
  'scripts/print.ts': 'export const QUIET_PERIOD = 400\n',
  'package.json': '{ "name": "talk" }\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'node_modules/.package-lock.json': '{ "packages": { "node_modules/@slidev/cli": { "version": "53.0.0" } } }\n',
}

let root: string
function tree(): { roots: string[], outputs: string[] } {
  return {
    roots: [root],
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

  it('counts a deck outside the kit\'s folder as well, with its own dependencies', async () => {
    const deck = await mkdtemp(path.join(tmpdir(), 'talk-cache-deck-'))
    try {
      await writeFile(path.join(deck, 'slides.md'), '# Elsewhere\n')
      const both = {
        roots: [root, deck],
        outputs: [],
      }
      const before = await hashInputs(both)
      await writeFile(path.join(deck, 'slides.md'), '# Elsewhere, edited\n')
      expect(await hashInputs(both)).not.toBe(before)
      await mkdir(path.join(deck, 'node_modules'))
      const edited = await hashInputs(both)
      await writeFile(path.join(deck, 'node_modules', '.package-lock.json'), '{}\n')
      expect(await hashInputs(both)).not.toBe(edited)
    }
    finally {
      await rm(deck, { recursive: true, force: true })
    }
  })

  it('ignores the outputs, their staging folders, version control and installed files (npm\'s record of them counts)', async () => {
    const ignored = [
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
