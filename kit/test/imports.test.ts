import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeFiles, importCircles, importsOf } from './imports.ts'

// The kit is a package of its own: a deck uses it without this repository.
// So it reaches nothing outside its folder, not even a type, and knows a
// deck only through Slidev's headmatter and what the rendered slides carry.

const KIT = path.resolve(import.meta.dirname, '..')
const edges = importsOf(codeFiles(KIT))

describe('the kit\'s imports', () => {
  it('are read from its code, tests and fixture decks', () => {
    // A scan that finds nothing would pass everything below.
    expect(edges.filter(edge => edge.target).length).toBeGreaterThan(200)
    const found = (from: string, to: string): boolean => edges.some(edge => edge.from === path.join(KIT, from) && edge.target === path.join(KIT, to))
    // A component's script, and an import of types only.
    expect(found('custom-nav-controls.vue', 'i18n/index.ts')).toBe(true)
    expect(found('scripts/paper/paper.ts', 'scripts/sources.ts')).toBe(true)
  })

  it('never leave the kit\'s folder, type imports included', () => {
    const outside = edges
      .filter(edge => edge.target && path.relative(KIT, edge.target).startsWith('..'))
      .map(edge => `${path.relative(KIT, edge.from)} imports ${edge.specifier}`)
    expect(outside).toEqual([])
  })

  it('never go round in a circle', () => {
    expect(importCircles(edges).map(circle => circle.map(file => path.relative(KIT, file)).join(' -> '))).toEqual([])
  })
})

describe('the code files of a folder', () => {
  it('are those git tracks or would track: not what .gitignore keeps out, such as an export\'s staging site', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'talk-code-files-'))
    try {
      const write = (file: string, text: string): void => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
        writeFileSync(path.join(root, file), text)
      }
      execFileSync('git', ['init', '-q'], { cwd: root })
      write('.gitignore', 'dist.staging*/\nnode_modules/\n')
      write('tracked.ts', 'import \'./new.ts\'\n')
      execFileSync('git', ['add', '.'], { cwd: root })
      write('new.ts', 'export {}\n')
      write('notes.md', '# not code\n')
      // A built site's chunks import each other round in a circle.
      write('dist.staging-1/assets/a.js', 'import \'./b.js\'\n')
      write('dist.staging-1/assets/b.js', 'import \'./a.js\'\n')
      write('node_modules/some-package/index.js', 'export {}\n')
      expect(codeFiles(root).map(file => path.relative(root, file)).sort()).toEqual(['new.ts', 'tracked.ts'])
    }
    finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
