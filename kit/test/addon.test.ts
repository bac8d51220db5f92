import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { missingKitAddon } from '../scripts/addon.ts'
import { loadDeck } from '../scripts/deck.ts'
import { KIT_ROOT } from '../scripts/runtime.ts'
import { useTempDirs } from './temp-dirs.ts'

// A deck names the kit's addon as Slidev finds addons, or the export says
// so at once: without it Slidev builds no print view of the kit's, and the
// export waited 30 s for slides that never rendered.

const tempDir = useTempDirs()

function headmatter(extra = ''): string {
  return `---
title: Addon fixture
fonts:
  provider: none
favicon: /favicon.svg
${extra}---

# First
`
}

/** A deck folder with the kit installed in its node_modules, as npm installs it. */
async function deckWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('talk-addon-')
  await mkdir(path.join(dir, 'node_modules'), { recursive: true })
  await symlink(KIT_ROOT, path.join(dir, 'node_modules', 'slidev-addon-talk-kit'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), content)
  }
  return path.join(dir, 'slides.md')
}

describe('the kit\'s addon, named by the deck', () => {
  it('is missing: the export is told what to add, and where', async () => {
    const entry = await deckWith({
      'slides.md': headmatter(),
      'package.json': JSON.stringify({ private: true }),
    })
    const problem = missingKitAddon(await loadDeck(entry))
    expect(problem).toContain('the deck does not name the kit\'s Slidev addon')
    expect(problem).toContain('Add "slidev": { "addons": ["talk-kit"] } to')
    expect(problem).toContain(path.join(path.dirname(entry), 'package.json').split(path.sep).at(-1)!)
  })

  it('is named in package.json, by its short or full name, or in the headmatter', async () => {
    for (const files of [
      {
        'slides.md': headmatter(),
        'package.json': JSON.stringify({
          slidev: {
            addons: ['talk-kit'],
          },
        }),
      },
      {
        'slides.md': headmatter(),
        'package.json': JSON.stringify({
          slidev: {
            addons: ['slidev-addon-talk-kit'],
          },
        }),
      },
      {
        'slides.md': headmatter('addons:\n  - talk-kit\n'),
        'package.json': JSON.stringify({ private: true }),
      },
    ])
      expect(missingKitAddon(await loadDeck(await deckWith(files)))).toBeUndefined()
  })

  it('is named by another addon the deck names', async () => {
    const entry = await deckWith({
      'slides.md': headmatter(),
      'package.json': JSON.stringify({
        slidev: {
          addons: ['house-style'],
        },
      }),
      'node_modules/slidev-addon-house-style/package.json': JSON.stringify({
        name: 'slidev-addon-house-style',
        slidev: {
          addons: ['talk-kit'],
        },
      }),
    })
    expect(missingKitAddon(await loadDeck(entry))).toBeUndefined()
  })

  it('is another addon only', async () => {
    const entry = await deckWith({
      'slides.md': headmatter(),
      'package.json': JSON.stringify({
        slidev: {
          addons: ['house-style'],
        },
      }),
      'node_modules/slidev-addon-house-style/package.json': JSON.stringify({ name: 'slidev-addon-house-style' }),
    })
    expect(missingKitAddon(await loadDeck(entry))).toContain('does not name the kit\'s Slidev addon')
  })
})
