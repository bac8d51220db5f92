// @vitest-environment happy-dom
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { sameSlideHref, upToRoot } from '../editions.ts'
import { quietLinks, slideLinks } from '../reader/links.ts'
import { readerNoteHtml } from '../reader/notes.ts'
import { partsOf } from '../utils/parts.ts'

// The reader's pieces that need no browser beyond a DOM: its notes, the
// links it lists under a slide, how it cuts a deck into parts, and its
// relative links under either routing.

/** Rendered as Slidev renders a note for its presenter view: Markdown, with click markers as empty spans. */
function noteHtml(markdown: string): string {
  let clicks = 0
  const marked = markdown.replace(/\[click(?::(\d+))?\]/gi, (_, count = 1) => {
    clicks += Number(count)
    return `<span class="slidev-note-click-mark" data-clicks="${clicks}"></span>`
  })
  return new MarkdownIt({ html: true }).render(marked)
}

function textOf(html: string): string {
  const element = document.createElement('div')
  element.innerHTML = html
  return element.textContent!.replace(/\s+/g, ' ').trim()
}

describe('a slide\'s notes in the reader', () => {
  it('leave out stage directions and click markers, and keep the words and links around them', () => {
    const html = readerNoteHtml(noteHtml('[About 6 minutes for this part.]\nWelcome. [click] Here is [the record](https://example.org/record).\n\n[Pause.]'))
    expect(textOf(html)).toBe('Welcome. Here is the record.')
    expect(html).toContain('<a href="https://example.org/record">the record</a>')
    expect(html).not.toContain('slidev-note-click-mark')
    // The paragraph that held only a stage direction is gone with it.
    expect(html.match(/<p>/g)).toHaveLength(1)
  })

  it('are empty for a slide without notes', () => {
    expect(readerNoteHtml(undefined)).toBe('')
    expect(readerNoteHtml(noteHtml('[Only a direction.]'))).toBe('')
  })
})

describe('the links the reader lists under a slide', () => {
  function slide(html: string): Element {
    const element = document.createElement('div')
    element.innerHTML = html
    return element
  }

  it('name a source marker by the source\'s title, with the label the slide shows, each address once', () => {
    const links = slideLinks(slide(`
      <p>Claim <a href="https://example.org/a" title="The full title" data-source="a">Outlet, 2019</a></p>
      <p>Again <a href="https://example.org/a" title="The full title" data-source="a">Outlet, 2019</a></p>`))
    expect(links).toEqual([
      {
        href: 'https://example.org/a',
        text: 'The full title',
        detail: 'Outlet, 2019',
        host: 'example.org',
      },
    ])
  })

  it('name a bare address in a list by the rest of its entry, and any other link by its words', () => {
    const links = slideLinks(slide(`
      <ol><li><span>1.</span><span>Outlet, 2 Aug 2019</span><span> — A title</span><a href="https://example.org/b">https://example.org/b</a></li></ol>
      <p><a href="https://sli.dev/guide">Slidev's guide</a></p>`))
    expect(links).toEqual([
      { href: 'https://example.org/b', text: 'Outlet, 2 Aug 2019 — A title', host: 'example.org' },
      { href: 'https://sli.dev/guide', text: 'Slidev\'s guide', host: 'sli.dev' },
    ])
  })

  it('leave out links within the deck', () => {
    expect(slideLinks(slide('<a href="#/deal">The deal</a> <a href="/3">Slide 3</a> <a href="./talk.pdf">PDF</a>'))).toEqual([])
  })

  it('are still found once the slide\'s own links are made text, which then are no links', () => {
    const element = slide('<a href="https://example.org/c">C</a> <a href="#/4">Part</a>')
    const before = slideLinks(element)
    quietLinks(element)
    expect(element.querySelectorAll('a[href]')).toHaveLength(0)
    expect(element.textContent).toBe('C Part')
    expect(slideLinks(element)).toEqual(before)
  })
})

describe('a deck cut into parts', () => {
  const slide = (title: string, layout = 'default'): { title: string, layout: string } => ({ title, layout })

  it('opens with the slides before the first divider, and runs each part to the next one', () => {
    const parts = partsOf([
      slide('Title', 'cover'),
      slide('Agenda'),
      slide('One', 'section'),
      slide('A'),
      slide('Two', 'section'),
    ], 'Opening')
    expect(parts.map(part => [
      part.title,
      part.divider,
      part.slides.map(item => item.title),
    ])).toEqual([
      [
        'Opening',
        false,
        ['Title', 'Agenda'],
      ],
      [
        'One',
        true,
        ['One', 'A'],
      ],
      [
        'Two',
        true,
        ['Two'],
      ],
    ])
  })

  it('has no opening when the deck starts with a divider, and one part when it has none', () => {
    expect(partsOf([
      slide('One', 'section'),
      slide('A'),
    ], 'Opening').map(part => part.title)).toEqual(['One'])
    expect(partsOf([
      slide('A'),
      slide('B'),
    ], 'Opening').map(part => part.title)).toEqual(['Opening'])
  })
})

describe('relative links from a page of the site', () => {
  it('reach the edition\'s root from any route, under hash and history routing', () => {
    expect(upToRoot('/3', 'hash')).toBe('./')
    expect(upToRoot('/reader/3', 'hash')).toBe('./')
    expect(upToRoot('/3', 'history')).toBe('./')
    expect(upToRoot('/reader/3', 'history')).toBe('../')
  })

  it('reach the same page of another edition', () => {
    expect(sameSlideHref('de/', '/reader/12', 'hash')).toBe('de/#/reader/12')
    expect(sameSlideHref('../', '/reader/12', 'hash')).toBe('../#/reader/12')
    expect(sameSlideHref('de/', '/reader/12', 'history')).toBe('../de/reader/12')
    expect(sameSlideHref('de/', '/12', 'history')).toBe('de/12')
  })
})
