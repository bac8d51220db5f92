import type { PdfDocument } from '../../kit/test/pdf.ts'
import removeMarkdown from 'remove-markdown'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { formatDate } from '../../data/dates.ts'
import { sourceById, sources } from '../../data/sources.ts'
import { labelsFor } from '../../kit/i18n/index.ts'
import { loadDeck } from '../../kit/scripts/deck.ts'
import { linkedUrls, openPdf, pageLinks, pageTexts, plainQuotes, squash } from '../../kit/test/pdf.ts'
import { readerNote } from '../../kit/utils/notes.ts'

// The reader handout of each edition, in its language: the German one says
// "Folie 3", "Seite 4 von 17" and "So zitieren Sie diesen Vortrag".

const A4 = [595, 842]

function firstWords(markdown: string, count: number): string {
  return removeMarkdown(readerNote(markdown)).split(/\s+/).filter(Boolean).slice(0, count).join(' ')
}

describe.each(await Promise.all(inject('editions').map(async edition => ({ ...edition, deck: await loadDeck(edition.entry) }))))('the $lang handout PDF', ({ deck, pdfs, citations }) => {
  const labels = labelsFor(deck.meta.lang)
  let pdf: PdfDocument
  let texts: string[]

  beforeAll(async () => {
    pdf = await openPdf(pdfs.handout)
    texts = await pageTexts(pdf)
  })

  /** 1-based page that holds the heading "Slide N Title" (in the edition's language). */
  function pageOfSlide(no: number, title: string): number {
    const heading = squash(`${labels.slide(no)} ${title}`)
    return texts.findIndex(text => squash(text).includes(heading)) + 1
  }

  it('is A4 portrait on every page', async () => {
    for (let no = 1; no <= pdf.numPages; no++) {
      const [, , width, height] = (await pdf.getPage(no)).view
      expect([
        Math.round(width!),
        Math.round(height!),
      ], `page ${no}`).toEqual(A4)
    }
  })

  it('opens with a cover: title, abstract, presenter, event, date, how to cite', () => {
    const cover = squash(texts[0]!)
    for (const field of [
      deck.meta.title,
      deck.meta.author,
      deck.meta.event,
      formatDate(deck.meta.eventDate, 'long', labels),
      labels.paper.howToCite,
      firstWords(deck.meta.info, 8),
    ])
      expect(cover, field).toContain(squash(field))
  })

  it('shows every slide with the start of its notes and its sources\' URLs on one page', async () => {
    for (const slide of deck.slides) {
      const page = pageOfSlide(slide.no, slide.title)
      expect(page, `slide ${slide.no} "${slide.title}" has a page`).toBeGreaterThan(0)
      const text = squash(texts[page - 1]!)
      expect(text, `slide ${slide.no}: its own text`).toContain(squash(slide.title))
      expect(text, `slide ${slide.no}: its notes`).toContain(squash(firstWords(slide.note, 6)))
      const links = (await pageLinks(pdf, page)).map(link => link.url)
      for (const id of citations[slide.no] ?? []) {
        const { url } = sourceById(id)
        expect(text, `slide ${slide.no}: source ${id}`).toContain(squash(url))
        expect(links, `slide ${slide.no}: source ${id} is a link`).toContain(url)
      }
    }
  })

  it('numbers every page', () => {
    for (const [index, text] of texts.entries())
      expect(squash(text), `page ${index + 1}`).toContain(squash(labels.pageOf(String(index + 1), String(texts.length))))
  })

  it('ends with every source as a clickable link', async () => {
    const urls = await linkedUrls(pdf)
    for (const source of sources)
      expect(urls, source.id).toContain(source.url)
  })

  it('has an outline by part and slide', async () => {
    const outline = await pdf.getOutline()
    for (const part of deck.slides.filter(slide => slide.layout === 'section')) {
      const entry = outline.find(item => plainQuotes(item.title) === plainQuotes(part.title))
      expect(entry, part.title).toBeDefined()
      const children = deck.slides.filter(slide => slide.part === part.title)
      expect(entry!.items.map(item => plainQuotes(item.title))).toEqual(children.map(slide => plainQuotes(`${labels.slide(slide.no)} ${slide.title}`)))
    }
  })
})
