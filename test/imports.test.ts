import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeFiles, importCircles, importsOf } from '../kit/test/imports.ts'

// Two halves: the talk (this folder's slides, pages, components, layouts,
// styles and data) and the kit (kit/, a package of its own). Imports between
// them run one way, talk to kit, and no files anywhere import each other in
// a loop: a change to one file never has to reach round to itself.

const ROOT = path.resolve(import.meta.dirname, '..')
const KIT = path.join(ROOT, 'kit')
const edges = importsOf(codeFiles(ROOT))
const inKit = (file: string): boolean => !path.relative(KIT, file).startsWith('..')

describe('the repository\'s imports', () => {
  it('run between the halves from the talk to the kit only', () => {
    const talkToKit = edges.filter(edge => !inKit(edge.from) && edge.target && inKit(edge.target))
    expect(talkToKit.length).toBeGreaterThan(0)
    const kitToTalk = edges
      .filter(edge => inKit(edge.from) && edge.target && !inKit(edge.target))
      .map(edge => `${path.relative(ROOT, edge.from)} imports ${edge.specifier}`)
    expect(kitToTalk).toEqual([])
  })

  it('never go round in a circle, type imports included', () => {
    expect(importCircles(edges).map(circle => circle.map(file => path.relative(ROOT, file)).join(' -> '))).toEqual([])
  })
})
