import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, inject, it } from 'vitest'
import { externalLinks, externalRel, isExternalHref } from '../../utils/external-links.ts'
import { loadTalk, showSlide, useExportedSite } from './browser.ts'

// What the built site hands a visitor: no script from another host, and
// links to other sites that open without giving that site a handle on the deck.

const deck = await loadTalk()

/** Every file under `dir` whose name ends in `ext`, as paths relative to it. */
async function filesOf(dir: string, ext: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter(file => file.endsWith(ext))
}

/** A URL with a scheme or a leading `//`, i.e. not a path on this site (data: excepted). */
function offSite(url: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url.trim()) && !/^data:/i.test(url.trim())
}

describe('the built site', () => {
  it('loads no script, style, font or icon from another host', async () => {
    const siteDir = inject('siteDir')
    const found: string[] = []
    for (const file of await filesOf(siteDir, '.html')) {
      const html = await readFile(path.join(siteDir, file), 'utf8')
      for (const [tag] of html.matchAll(/<(?:script|link|img|iframe)\b[^>]*>/gi)) {
        const url = /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]
        if (url && offSite(url))
          found.push(`${file}: ${tag}`)
      }
    }
    for (const file of await filesOf(siteDir, '.css')) {
      const css = await readFile(path.join(siteDir, file), 'utf8')
      for (const [, url] of css.matchAll(/(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)/gi)) {
        if (offSite(url))
          found.push(`${file}: ${url}`)
      }
    }
    expect(found).toEqual([])
  })
})

describe('links to other sites', () => {
  const session = useExportedSite()

  it('carry rel="noopener noreferrer" on every slide, and no script comes from outside', async () => {
    const { context, page, watch } = await session.open()
    const scripts: string[] = []
    context.on('request', (request) => {
      if (request.resourceType() === 'script' && !request.url().startsWith(session.site.origin))
        scripts.push(request.url())
    })
    const unsafe: string[] = []
    try {
      for (const slide of deck.slides) {
        await showSlide(page, session.site, slide.no)
        const links = await page.locator(`#slide-content .slidev-page-${slide.no} a[href], nav a[href]`).evaluateAll(anchors =>
          anchors.map(anchor => ({ href: anchor.getAttribute('href') ?? '', rel: anchor.getAttribute('rel') ?? '', text: anchor.textContent?.trim() ?? '' })))
        for (const link of links.filter(link => isExternalHref(link.href))) {
          const rel = link.rel.toLowerCase().split(/\s+/)
          if (!rel.includes('noopener') || !rel.includes('noreferrer'))
            unsafe.push(`slide ${slide.no}: <a href="${link.href}" rel="${link.rel}">${link.text.slice(0, 40)}</a>`)
        }
      }
      expect(unsafe, 'external links without rel="noopener noreferrer"').toEqual([])
      expect(scripts, 'scripts requested from another host').toEqual([])
      expect(watch.outside, 'requests that tried to leave the machine').toEqual([])
    }
    finally {
      await context.close()
    }
  })
})

describe('the Markdown plugin (setup/external-links.ts)', () => {
  const md = new MarkdownIt({ html: true, linkify: true })
  externalLinks(md)

  it('adds noopener noreferrer to Markdown links to other sites, and only to those', () => {
    const html = md.render([
      '[away](https://example.org/a) [also](http://example.org/b) [no scheme](//example.org/c)',
      '',
      'https://example.org/linkified',
      '',
      '[here](/3) [anchor](#top) [mail](mailto:a@example.org)',
    ].join('\n'))
    expect(html.match(/<a [^>]*>/g)).toEqual([
      '<a href="https://example.org/a" rel="noopener noreferrer">',
      '<a href="http://example.org/b" rel="noopener noreferrer">',
      '<a href="//example.org/c" rel="noopener noreferrer">',
      '<a href="https://example.org/linkified" rel="noopener noreferrer">',
      '<a href="/3">',
      '<a href="#top">',
      '<a href="mailto:a@example.org">',
    ])
  })

  it('keeps what rel already says', () => {
    expect(externalRel('me')).toBe('me noopener noreferrer')
    expect(externalRel('NoOpener')).toBe('NoOpener noreferrer')
    expect(externalRel(null)).toBe('noopener noreferrer')
  })
})
