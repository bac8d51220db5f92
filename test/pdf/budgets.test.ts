import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { BUDGETS } from '../../bench/budgets.ts'
import { loadDeck } from '../../scripts/deck.ts'

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const sizes = await Promise.all(entries.filter(entry => entry.isFile()).map(async entry => (await stat(path.join(entry.parentPath, entry.name))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

// Speed and memory are the benchmark's (npm run bench); sizes are stable enough to test.
describe('the size budgets', () => {
  it('keeps the slides PDF within its budget', async () => {
    expect((await stat(inject('pdfs').slides)).size).toBeLessThanOrEqual(BUDGETS.slidesPdf.limit)
  })

  it('keeps the handout PDF within its budget', async () => {
    expect((await stat(inject('pdfs').handout)).size).toBeLessThanOrEqual(BUDGETS.handoutPdf.limit)
  })

  it('keeps the built site, PDFs included, within its budget for each edition', async () => {
    const { meta } = await loadDeck('slides.md')
    const editions = 1 + Object.keys(meta.translations).length
    expect(await folderBytes(inject('siteDir')) / editions).toBeLessThanOrEqual(BUDGETS.site.limit)
  })
})
