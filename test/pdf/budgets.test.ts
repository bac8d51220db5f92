import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { BUDGETS } from '../../kit/bench/budgets.ts'

/** The bytes of the files in `dir`, leaving out the folders `skip` (relative to it). */
async function folderBytes(dir: string, skip: string[] = []): Promise<number> {
  const skipped = skip.map(folder => path.join(dir, folder))
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter(entry => entry.isFile() && !skipped.some(folder => path.join(entry.parentPath, entry.name).startsWith(folder)))
  const sizes = await Promise.all(files.map(async entry => (await stat(path.join(entry.parentPath, entry.name))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

const editions = inject('editions')

// Speed and memory are the benchmark's (npm run bench); sizes are stable enough to test.
// Each edition of the talk is a site and PDFs of its own, and keeps to the budgets on its own.
describe.each(editions)('the size budgets of the $lang edition', ({ folder, pdfs }) => {
  it('keeps the slides PDF within its budget', async () => {
    expect((await stat(pdfs.slides)).size).toBeLessThanOrEqual(BUDGETS.slidesPdf.limit)
  })

  it('keeps the handout PDF within its budget', async () => {
    expect((await stat(pdfs.handout)).size).toBeLessThanOrEqual(BUDGETS.handoutPdf.limit)
  })

  it('keeps its built site, PDFs included, within the site\'s budget', async () => {
    const others = editions.map(edition => edition.folder).filter(other => other && other !== folder)
    expect(await folderBytes(path.join(inject('siteDir'), folder), others)).toBeLessThanOrEqual(BUDGETS.site.limit)
  })
})
