import type { SiteSession } from './browser.ts'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildSites } from '../../kit/scripts/build.ts'
import { printViewUrl } from '../../kit/scripts/print.ts'
import { HEADER_ONLY_DIRECTIVES, HEADERS_FILE, META_POLICY, SECURITY_HEADERS } from '../../kit/security-policy.ts'
import { activeContent, readWithPdfLib } from '../../kit/test/active-content.ts'
import { mainSlide, openSite, POLL, showSlide, WAIT_MS } from './browser.ts'

// The site keeps its promise that nothing is loaded from another host because
// the browser enforces it: every page carries a Content Security Policy that
// allows the site itself only (addon/security-policy.ts), and hosts that read
// a `_headers` file send it as a header with what a meta tag cannot carry.

const siteDir = inject('siteDir')
const base = inject('base')

// The fixture's site builds (in a child process) while the talk's site is checked.
const fixtureDir = await mkdtemp(path.join(tmpdir(), 'talk-csp-'))
const [fixtureBuild] = buildSites([
  {
    entry: path.resolve(import.meta.dirname, '../../kit/test/fixtures/outside-request/slides.md'),
    outDir: fixtureDir,
    base: '/',
  },
])
fixtureBuild.catch(() => {})

afterAll(async () => {
  await fixtureBuild.catch(() => {})
  await rm(fixtureDir, { recursive: true, force: true })
})

/** A policy's directives: name → sources. */
function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map(part => part.trim()).filter(Boolean).map((part) => {
    const [name, ...sources] = part.split(/\s+/)
    return [
      name!.toLowerCase(),
      sources,
    ]
  }))
}

/** The pages a build writes, in every edition's folder: Slidev's index.html and the 404.html it copies from it. */
async function builtPages(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true })
  return files.filter(file => ['index.html', '404.html'].includes(path.basename(file))).sort()
}

/** The content of a page's meta tag `<meta name|http-equiv="key">`, and where in the page it stands. */
function metaOf(html: string, attribute: 'name' | 'http-equiv', key: string): { content: string, at: number } | undefined {
  const match = new RegExp(`<meta ${attribute}="${key}" content="([^"]*)">`).exec(html)
  return match
    ? {
        content: match[1]!.replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
        at: match.index,
      }
    : undefined
}

/** The `_headers` file read back: the path it applies to, and each header. */
function parseHeadersFile(text: string): { path: string, headers: Record<string, string> } {
  const [rule, ...lines] = text.trimEnd().split('\n')
  return {
    path: rule!,
    headers: Object.fromEntries(lines.map((line) => {
      const [, name, value] = /^\s+([\w-]+): (.*)$/.exec(line)!
      return [name!, value!]
    })),
  }
}

describe('the policy of every page the build writes', () => {
  let pages: string[]

  beforeAll(async () => {
    pages = await builtPages(siteDir)
  })

  it('is in index.html and 404.html, at the top of the head, in each edition\'s folder', async () => {
    expect(pages).toEqual(expect.arrayContaining(['404.html', 'index.html']))
    for (const page of pages) {
      const html = await readFile(path.join(siteDir, page), 'utf8')
      const policy = metaOf(html, 'http-equiv', 'Content-Security-Policy')
      expect(policy?.content, page).toBe(META_POLICY)
      // A policy covers only what comes after it.
      expect(policy!.at, `${page}: before every script, stylesheet and icon`).toBeLessThan(html.search(/<(?:script|link)\b/))
      expect(metaOf(html, 'name', 'referrer')?.content, page).toBe('no-referrer')
    }
  })

  it('allows the site itself only: no other host, no inline script, no eval, no plugins, no forms', () => {
    const directives = directivesOf(META_POLICY)
    const sources = Object.entries(directives).flatMap(([name, list]) => list.map(source => `${name} ${source}`))
    // data: for icons (UnoCSS) and inlined fonts (Vite), inline styles for Slidev, mermaid and the paper layouts.
    const allowedBeyondSelf = ['img-src data:', 'font-src data:', 'style-src \'unsafe-inline\'']
    expect(sources.filter(source => !/ '(?:self|none)'$/.test(source) && !allowedBeyondSelf.includes(source))).toEqual([])
    expect(directives).toMatchObject({
      'default-src': ['\'self\''],
      'script-src': ['\'self\''],
      'object-src': ['\'none\''],
      'base-uri': ['\'self\''],
      'form-action': ['\'none\''],
    })
    for (const name of [
      'style-src',
      'img-src',
      'font-src',
      'connect-src',
      'frame-src',
    ])
      expect(directives[name], name).toContain('\'self\'')
    // Browsers ignore frame-ancestors in a meta tag, and say so on the console.
    expect(Object.keys(directives)).not.toContain('frame-ancestors')
  })
})

describe(`the ${HEADERS_FILE} file at the site's root`, () => {
  let file: ReturnType<typeof parseHeadersFile>

  beforeAll(async () => {
    file = parseHeadersFile(await readFile(path.join(siteDir, HEADERS_FILE), 'utf8'))
  })

  it(`applies to every file under the base path (${base})`, () => {
    expect(file.path).toBe(`${base}*`)
  })

  it('sends the pages\' policy, and that only the site itself may frame them', async () => {
    const meta = metaOf(await readFile(path.join(siteDir, 'index.html'), 'utf8'), 'http-equiv', 'Content-Security-Policy')!.content
    expect(directivesOf(file.headers['Content-Security-Policy']!)).toEqual({
      ...directivesOf(meta),
      ...HEADER_ONLY_DIRECTIVES,
    })
    expect(HEADER_ONLY_DIRECTIVES).toEqual({
      'frame-ancestors': ['\'self\''],
    })
  })

  it('sends no referrer, no content sniffing, and no camera, microphone or location', () => {
    expect(file.headers).toEqual(SECURITY_HEADERS)
    expect(file.headers).toMatchObject({
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    })
    expect(file.headers['Permissions-Policy']!.split(/,\s*/).sort()).toEqual(['camera=()', 'geolocation=()', 'microphone=()'])
  })
})

// Browsers keep to the policy on every slide: the walks of requests.test.ts
// (dark) and navigation.test.ts (light) fail on anything it refuses.

describe('a deck that asks for other hosts (test/fixtures/outside-request), built as a site', () => {
  const REMOTE = [
    'img-src https://example.com/x.png',
    'script-src-elem https://example.com/remote.js',
    'style-src-elem https://example.com/remote.css',
  ]
  let session: SiteSession

  beforeAll(async () => {
    await fixtureBuild
    session = await openSite(fixtureDir)
  })

  afterAll(async () => {
    await session?.close()
  })

  it('asks for a remote image, stylesheet and script on its first slide: a browser without the policy requests all three', async () => {
    const { context, page, watch } = await session.open({ bypassCSP: true })
    try {
      await showSlide(page, session.site, 1)
      await expect.poll(() => [
        ...new Set(watch.outside),
      ].sort(), POLL).toEqual(REMOTE.map(line => line.split(' ')[1]).sort())
    }
    finally {
      await context.close()
    }
  })

  it('has all three blocked by the browser: each is reported as a violation, none is requested', async () => {
    const { context, page, watch } = await session.open()
    try {
      await showSlide(page, session.site, 1)
      // Slidev also preloads the image from the page's head, so it is reported more than once.
      await expect.poll(() => [
        ...new Set(watch.violations.map(violation => violation.replace(/ refused /, ' ').replace(/ \(.*\)$/, ''))),
      ].sort(), POLL).toEqual(REMOTE)
      await page.waitForLoadState('networkidle')
      expect(watch.outside).toEqual([])
    }
    finally {
      await context.close()
    }
  })

  it('makes no link of javascript: and data: addresses, on the slide or in a PDF printed from it', async () => {
    const { context, page } = await session.open()
    try {
      await showSlide(page, session.site, 2)
      const slide = mainSlide(page, 2)
      expect(await slide.locator('a[href]').evaluateAll(anchors => anchors.map(anchor => anchor.getAttribute('href')))).toEqual(['https://example.org/'])
      // Each one's text is still on the slide.
      for (const text of [
        'A Markdown link',
        'a data: link',
        'javascript:alert(2)',
        'raw HTML',
        'A raw HTML block',
      ])
        expect(await slide.textContent()).toContain(text)

      await page.goto(printViewUrl(session.site.url, 'hash'), { timeout: WAIT_MS })
      // The print view mounts each slide in turn; the second is there once its one link is.
      await page.locator('.print-slide-container a[href]').waitFor({ state: 'attached', timeout: WAIT_MS })
      const { found, links } = activeContent(await readWithPdfLib(await page.pdf()))
      expect(found).toEqual([])
      expect(links).toEqual(['https://example.org/'])
    }
    finally {
      await context.close()
    }
  })
})
