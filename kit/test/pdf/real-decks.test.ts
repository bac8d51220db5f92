import type { Page } from 'playwright-core'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { devices } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { labelsFor } from '../../i18n/index.ts'
import { PDF_KINDS, pdfFileName } from '../../outputs.ts'
import { loadDeck } from '../../scripts/deck.ts'
import { launchBrowser } from '../../scripts/launch.ts'
import { mountSite } from '../../scripts/local-site.ts'
import { exportWithCliOrFail } from '../export-cli.ts'
import { linkedUrls, openPdf, readOutline, squash } from '../pdf.ts'
import { useTempDirs } from '../temp-dirs.ts'

// Published Slidev decks nobody here wrote, each exported as its author
// would with the page check strict (the default), and read back: every
// slide's heading and words in every PDF, titles as the slides show them.
// kit/test/fixtures/composable-vue is Anthony Fu's talk "Composable Vue"
// (VueDay 2021) as Slidev's own repository keeps it (demo/composable-vue,
// MIT): markers in headings, emoji, carbon icons, code with Monaco's
// squiggles, click steps, two columns, components drawing SVG.
// kit/test/fixtures/slidev-starter is Slidev's starter as it ships (demo/starter,
// the seriph theme installed): emoji, KaTeX, mermaid, line highlighting,
// magic move, two-cols, v-click and v-mark, a <Tweet> and a PlantUML
// diagram, which print as cards, and <Tweet/> named in inline code and a
// code block, which is no component.

const run = promisify(execFile)
const DECKS = ['composable-vue', 'slidev-starter'] as const
const tempDir = useTempDirs()

interface Exported { stdout: string, stderr: string, site: string, pdfs: Record<(typeof PDF_KINDS)[number], string> }
const exported = new Map<string, Exported>()

// Both decks at once: each export waits on its browser part of the time, which the other uses.
beforeAll(() => Promise.all(DECKS.map(async (name) => {
  const dir = await tempDir(`talk-real-${name}-`)
  const entry = `kit/test/fixtures/${name}/slides.md`
  const { stdout, stderr } = await exportWithCliOrFail({
    entry,
    out: path.join(dir, 'exports'),
    site: path.join(dir, 'dist'),
  })
  const { meta } = await loadDeck(entry)
  exported.set(name, {
    stdout,
    stderr,
    site: path.join(dir, 'dist'),
    pdfs: Object.fromEntries(PDF_KINDS.map(kind => [
      kind,
      path.join(dir, 'exports', pdfFileName(meta.exportFilename, kind)),
    ])) as Exported['pdfs'],
  })
})), 600_000)

async function popplerText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', [file, '-'])
  return squash(stdout)
}

describe.each(DECKS)('the published deck %s', (name) => {
  it('exports with the page check strict, every slide of every PDF checked, nothing missing and no character undrawn', async () => {
    const { stdout, stderr } = exported.get(name)!
    const { slides } = await loadDeck(`kit/test/fixtures/${name}/slides.md`)
    for (const kind of PDF_KINDS)
      expect(stdout).toContain(`checked the ${kind} PDF, ${slides.length} slides`)
    expect(stderr).not.toContain('missing from the PDFs')
    expect(stderr).not.toContain('no font on this machine')
  })

  it('holds every slide\'s heading, as the slide shows it, in every PDF', async () => {
    const { slides } = await loadDeck(`kit/test/fixtures/${name}/slides.md`)
    for (const kind of PDF_KINDS) {
      const text = await popplerText(exported.get(name)!.pdfs[kind])
      // KaTeX lays a formula's letters out apart ($\LaTeX$ reads "AXLTE"): a heading with a formula is left out.
      for (const slide of slides.slice(1).filter(item => !/^#.*\$/m.test(item.content)))
        expect(text, `slide ${slide.no} in the ${kind} PDF`).toContain(squash(slide.title))
    }
  })

  it('names its slides in the outline without Markdown or tags', async () => {
    const titles = (await readOutline(await openPdf(exported.get(name)!.pdfs.slides))).map(item => item.title)
    expect(titles.join('\n')).not.toMatch(/[<>`*]/)
  })
})

describe('composable Vue', () => {
  it('warns of nothing', () => {
    expect(exported.get('composable-vue')!.stderr).not.toContain('Warning')
  })

  it('keeps its emoji and marker badges in every PDF', async () => {
    for (const kind of PDF_KINDS) {
      // The PDF may keep the emoji's variation selector (⚠️) or not.
      const text = (await popplerText(exported.get('composable-vue')!.pdfs[kind])).replace(/\uFE0F/g, '')
      expect(text, kind).toContain(squash('⚠ But it\'s not SSR compatible!'))
      for (const badge of ['Core', 'Pattern', 'Case'])
        expect(text, `${badge} in the ${kind} PDF`).toContain(badge)
    }
  })

  it('titles "Ref Auto Unwrapping <MarkerCore />" and "`unref` - Opposite of Ref <MarkerCore />" as the slides show them, badge and all', async () => {
    const { pdfs } = exported.get('composable-vue')!
    const titles = (await readOutline(await openPdf(pdfs.slides))).map(item => item.title)
    expect(titles).toEqual(expect.arrayContaining([
      'Ref Auto Unwrapping Core',
      'unref - Opposite of Ref Core',
      'Shared State Pattern',
      'useTitle Case',
    ]))
    expect(await popplerText(pdfs.overview)).toContain(squash('6 unref - Opposite of Ref Core'))
    for (const kind of ['handout', 'script'] as const) {
      const paperTitles = (await readOutline(await openPdf(pdfs[kind]))).map(item => item.title)
      expect(paperTitles.join('\n'), kind).toContain('Ref Auto Unwrapping Core')
    }
  })

  it('checks its code on the slides, and not in its reader on a phone or its print view, which mount every editor at once; the switch from the reader to the slides checks it again', async () => {
    const { slides } = await loadDeck('kit/test/fixtures/composable-vue/slides.md')
    // The author's `bar = 1 // ts-error`: Monaco's check marks it on the slide.
    const { no } = slides.find(slide => slide.title === 'Ref')!
    const browser = await launchBrowser()
    try {
      const { defaultBrowserType: _, ...iPhone } = devices['iPhone 13']!
      const phone = await browser.newContext(iPhone)
      const laptop = await browser.newContext({
        viewport: { width: 1280, height: 720 },
      })
      const reader = await phone.newPage()
      const print = await laptop.newPage()
      await reader.goto(`${(await mountSite(phone, exported.get('composable-vue')!.site, '/')).url}reader/${no}`)
      const site = await mountSite(laptop, exported.get('composable-vue')!.site, '/')
      await print.goto(`${site.url}print?print=true`)
      const editorOf = (page: Page, slide: string) => page.locator(`${slide} .monaco-editor`).first()
      const editors = {
        reader: editorOf(reader, `.kit-reader-entry[data-slide="${no}"]`),
        print: editorOf(print, `.slidev-page-${no}`),
      }
      // Monaco writes spaces as no-break spaces.
      for (const [view, editor] of Object.entries(editors))
        await expect.poll(async () => (await editor.locator('.view-lines').textContent())?.replace(/\u00A0/g, ' '), { timeout: 60_000, message: view }).toContain('bar = 1')
      // Opened after both, the slides mark the line once Monaco's check is done: by then, both would have marked it too.
      const play = await laptop.newPage()
      await play.goto(`${site.url}${no}`)
      await expect.poll(() => play.locator('.squiggly-error').count(), { timeout: 90_000, message: 'the mark on the slides' }).toBeGreaterThan(0)
      for (const [view, editor] of Object.entries(editors))
        expect(await editor.locator('.squiggly-error').count(), view).toBe(0)
      // A visitor who switches from the reader to the slides sees the mark the speaker sees.
      await reader.locator('.kit-reader-bar a', { hasText: labelsFor('en').reader.toSlides }).click()
      await expect.poll(() => reader.locator(`.slidev-page-${no} .squiggly-error`).count(), { timeout: 90_000, message: 'the mark on the slides, switched to from the reader' }).toBeGreaterThan(0)
    }
    finally {
      await browser.close()
    }
  }, 300_000)

  it('names "Ref Auto Unwrapping <MarkerCore />" as shown in its site\'s live announcement and reader, when the slide\'s code comes late', async () => {
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext({
        viewport: { width: 980, height: 552 },
      })
      const site = await mountSite(context, exported.get('composable-vue')!.site, '/')
      // Every script later than the live deck's first announcement is due, as on a slow phone or a busy machine.
      await context.route(url => url.pathname.endsWith('.js'), async (route) => {
        await new Promise(resolve => setTimeout(resolve, 1500))
        await route.fallback()
      })
      const page = await context.newPage()
      await page.goto(`${site.url}5`)
      await expect.poll(() => page.locator('.kit-live-region').textContent(), { timeout: 60_000 }).toMatch(/^Slide 5 of \d+: Ref Auto Unwrapping Core$/)
      await page.goto(`${site.url}reader/5`)
      await expect.poll(() => page.locator('#kit-reader-slide-5').textContent(), { timeout: 60_000 }).toMatch(/Ref Auto Unwrapping Core$/)
    }
    finally {
      await browser.close()
    }
  })
})

describe('slidev\'s starter', () => {
  it('warns once for the tweet and once for the PlantUML diagram, naming slide, file, component and address', () => {
    const { stderr } = exported.get('slidev-starter')!
    const warnings = stderr.split('Warning: ').slice(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.trim().split('\n').slice(1)).toEqual([
      '  slide 7 "Components" in kit/test/fixtures/slidev-starter/slides.md: <Tweet> https://x.com/i/status/1390115482657726468',
      expect.stringMatching(/^ {2}slide 12 "Diagrams" in kit\/test\/fixtures\/slidev-starter\/slides\.md: <PlantUML> https:\/\/www\.plantuml\.com\/plantuml\/uml\/\S+$/),
    ])
  })

  it('prints the tweet and the diagram as cards, with their links, in every PDF', async () => {
    for (const kind of PDF_KINDS) {
      const file = exported.get('slidev-starter')!.pdfs[kind]
      const text = await popplerText(file)
      expect(text, kind).toContain(squash('A post on X (Twitter)'))
      expect(text, kind).toContain(squash('x.com/i/status/1390115482657726468'))
      // A paper layout's narrow slot breaks the card's lines among the mind map's labels beside it.
      expect(text, kind).toContain('PlantUML')
      expect(text, kind).toContain('www.plantuml.com/plantuml/uml/')
      const links = await linkedUrls(await openPdf(file))
      expect(links.has('https://x.com/i/status/1390115482657726468'), kind).toBe(true)
      expect([...links].some(link => link.startsWith('https://www.plantuml.com/plantuml/uml/')), kind).toBe(true)
    }
  })

  it('shows the same card on its site, which loads nothing from another host: <Tweet/> in code is no component', async () => {
    const html = await readFile(path.join(exported.get('slidev-starter')!.site, 'index.html'), 'utf8')
    expect(html).not.toMatch(/platform\.twitter\.com|embed\.bsky\.app/)
    const browser = await launchBrowser()
    try {
      const context = await browser.newContext({
        viewport: { width: 980, height: 552 },
      })
      const site = await mountSite(context, exported.get('slidev-starter')!.site, '/')
      const page = await context.newPage()
      const errors: string[] = []
      page.on('console', message => message.type() === 'error' && errors.push(message.text()))
      await page.goto(`${site.url}7`)
      const card = page.locator('[data-network]')
      await expect.poll(() => card.count(), { timeout: 60_000 }).toBe(1)
      expect(await card.getAttribute('data-address')).toBe('https://x.com/i/status/1390115482657726468')
      expect(await card.textContent()).toContain('A post on X (Twitter)')
      expect(errors).toEqual([])
      expect(site.blocked).toEqual([])
    }
    finally {
      await browser.close()
    }
  })
})
