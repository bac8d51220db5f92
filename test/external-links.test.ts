import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { externalLinks, externalRel } from '../addon/markdown-links.ts'

describe('the Markdown plugin (addon/markdown-links.ts)', () => {
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
