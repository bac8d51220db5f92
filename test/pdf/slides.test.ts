import type { PdfDocument } from '../../kit/test/pdf.ts'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { sourceById, sources } from '../../data/sources.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { plainSubject } from '../../kit/scripts/pdf/metadata.ts'
import { linkedUrls, openPdf, pageLinks, pageTexts, plainQuotes, squash } from '../../kit/test/pdf.ts'
import { citedIds } from '../citations.ts'

const deck = await loadDeck('slides.md')
let pdf: PdfDocument
let texts: string[]

beforeAll(async () => {
  pdf = await openPdf(inject('pdfs').slides)
  texts = await pageTexts(pdf)
})

interface OutlineItem { title: string, page: number, items: OutlineItem[] }

async function outline(): Promise<OutlineItem[]> {
  async function walk(items: Awaited<ReturnType<PdfDocument['getOutline']>>): Promise<OutlineItem[]> {
    return Promise.all((items ?? []).map(async (item) => {
      const dest = typeof item.dest === 'string'
        ? await pdf.getDestination(item.dest)
        : item.dest
      const page = await pdf.getPageIndex(dest![0] as { num: number, gen: number }) + 1
      return {
        title: plainQuotes(item.title),
        page,
        items: await walk(item.items),
      }
    }))
  }
  return walk(await pdf.getOutline())
}

describe('the slides PDF', () => {
  it('has one page per slide, the size of a 16:9 slide', async () => {
    expect(pdf.numPages).toBe(deck.slides.length)
    const { view } = await pdf.getPage(1)
    expect(view[2] / view[3]).toBeCloseTo(16 / 9, 1)
  })

  it('shows each slide\'s title as text on its own page', () => {
    for (const slide of deck.slides)
      expect(squash(texts[slide.no - 1]!), `slide ${slide.no}`).toContain(squash(slide.title))
  })

  it('has an outline entry per slide, grouped by part, pointing at the slide\'s page', async () => {
    const entries = await outline()
    const flat = entries.flatMap(entry => [entry, ...entry.items])
    expect(flat.map(entry => entry.title)).toEqual(deck.slides.map(slide => plainQuotes(slide.title)))
    expect(flat.map(entry => entry.page)).toEqual(deck.slides.map(slide => slide.no))
    for (const part of deck.slides.filter(slide => slide.layout === 'section')) {
      const entry = entries.find(item => item.title === plainQuotes(part.title))!
      const children = deck.slides.filter(slide => slide.part === part.title && slide !== part)
      expect(entry.items.map(item => item.title), part.title).toEqual(children.map(slide => plainQuotes(slide.title)))
    }
  })

  it('carries title, author, plain-text subject, keywords, event and date', async () => {
    const { info } = await pdf.getMetadata() as { info: Record<string, string> }
    expect(info.Title).toBe(deck.meta.title)
    expect(info.Author).toBe(deck.meta.author)
    expect(info.Subject).toBe(plainSubject(deck.meta.info))
    expect(info.Subject).not.toMatch(/[*_`#[\]\n]/)
    for (const keyword of deck.meta.keywords)
      expect(info.Keywords).toContain(keyword)
    expect(Object.fromEntries(info.Custom as unknown as Map<string, string>)).toEqual({ Event: deck.meta.event, EventDate: deck.meta.eventDate })
  })

  it('turns external links into link annotations', async () => {
    const urls = await linkedUrls(pdf)
    const markdownLinks = deck.slides.flatMap(slide => [
      ...slide.content.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g),
    ].map(match => match[1]!))
    const citedSources = deck.slides.flatMap(citedIds).map(id => sourceById(id).url)
    const expected = [
      ...new Set([
        ...markdownLinks,
        ...citedSources,
      ]),
    ]
    expect(expected.length).toBeGreaterThan(0)
    for (const url of expected)
      expect(urls).toContain(url)
  })

  it('links every registry source', async () => {
    const urls = await linkedUrls(pdf)
    for (const source of sources)
      expect(urls, source.id).toContain(source.url)
  })

  it('turns agenda links into jumps to their part\'s page', async () => {
    const linking = deck.slides.filter(slide => /<Link\s+to="[^"]+"/.test(slide.content))
    expect(linking.length).toBeGreaterThan(0)
    for (const slide of linking) {
      const targets = [
        ...slide.content.matchAll(/<Link\s+to="([^"]+)"/g),
      ].map(match => match[1]!)
      const pages: number[] = []
      for (const link of await pageLinks(pdf, slide.no)) {
        if (link.url)
          continue
        const dest = typeof link.dest === 'string'
          ? await pdf.getDestination(link.dest)
          : link.dest as unknown[]
        pages.push(await pdf.getPageIndex(dest![0] as { num: number, gen: number }) + 1)
      }
      const expected = targets.map(alias => deck.slides.find(target => target.frontmatter.routeAlias === alias)!.no)
      expect(pages, `links on slide ${slide.no}`).toEqual(expected)
    }
  })
})
