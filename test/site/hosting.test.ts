import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DOWNLOAD_KINDS, editionLanguage, PDF_KINDS, pdfFileName } from '../../kit/outputs.ts'
import { loadEditions, showSlide, useExportedSite } from './browser.ts'

// A static host often serves a project under a sub-path (GitHub Pages:
// https://<owner>.github.io/<repo>/). The tests' export is built for one and
// served only there: an asset asked for at the root would 404 and fail. Each
// edition lives in its own folder under it: the English one at the root, the
// German one in de/.

const BASE = inject('base')
const editions = await loadEditions()

/** Fetches a URL from the test's own process, as a visitor's browser would. */
async function download(url: string): Promise<{ status: number, type: string, head: string }> {
  const response = await fetch(url)
  const body = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    head: new TextDecoder().decode(body.slice(0, 5)),
  }
}

describe.each(editions)(`the $lang edition of a site built for ${BASE}`, ({ deck, folder }) => {
  const base = `${BASE}${folder}`
  const language = editionLanguage(deck.meta)
  const names = Object.fromEntries(DOWNLOAD_KINDS.map(kind => [
    kind,
    pdfFileName(deck.meta.exportFilename, kind, language),
  ]))
  const session = useExportedSite(folder)

  it('points every asset of its index.html at the base path, and declares its language there', async () => {
    const html = await readFile(path.join(inject('siteDir'), folder, 'index.html'), 'utf8')
    expect(html).toMatch(new RegExp(`<html lang="${deck.meta.lang}"`))
    const urls = [
      ...html.matchAll(/\b(?:src|href)="([^"]+)"/g),
    ].map(match => match[1])
    expect(urls.length).toBeGreaterThan(0)
    expect(BASE).not.toBe('/')
    expect(urls.filter(url => url.startsWith('/') && !url.startsWith(base))).toEqual([])
  })

  describe('download links in the navigation bar', () => {
    let links: Record<string, { href: string, resolved: string, download: string | null }>

    let offered: string[]

    beforeAll(async () => {
      const { context, page } = await session.open()
      try {
        await showSlide(page, session.site, 1)
        offered = await page.locator('nav a[href$=".pdf"]').evaluateAll(anchors => anchors.map(anchor => anchor.getAttribute('href')!))
        links = Object.fromEntries(await Promise.all(Object.entries(names).map(async ([kind, file]) => {
          const link = page.locator(`nav a[href$="${file}"]`)
          expect(await link.count(), `a link to ${file}`).toBe(1)
          return [kind, await link.evaluate((element: HTMLAnchorElement) => ({
            href: element.getAttribute('href')!,
            resolved: element.href,
            download: element.getAttribute('download'),
          }))]
        })))
      }
      finally {
        await context.close()
      }
    })

    it('are relative, so they follow the base path', () => {
      for (const [kind, file] of Object.entries(names)) {
        expect(links[kind].href, kind).not.toMatch(/^(?:[a-z]+:|\/)/i)
        expect(new URL(links[kind].resolved).pathname, kind).toBe(`${base}${file}`)
        expect(links[kind].download, kind).toBe(file)
      }
    })

    it.each(DOWNLOAD_KINDS)('offer the %s PDF: HTTP 200, application/pdf', async (kind) => {
      expect(await download(links[kind]!.resolved)).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' })
    })

    it('offer the audience\'s PDFs only: the speaker script is neither linked nor on the site', async () => {
      const script = pdfFileName(deck.meta.exportFilename, 'script', language)
      expect(PDF_KINDS).toContain('script')
      expect(offered.map(href => href.replace(/^\.\//, ''))).toEqual(Object.values(names))
      expect((await download(new URL(script, session.site.url).href)).status).toBe(404)
    })
  })
})
