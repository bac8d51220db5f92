import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { externalRel, isActiveHref, safeLinks } from '../markdown-links.ts'
import { renderMarkdown } from '../scripts/paper/paper.ts'

describe('the Markdown plugin (addon/markdown-links.ts)', () => {
  const md = new MarkdownIt({ html: true, linkify: true })
  safeLinks(md)

  /** The opening tags of every link the Markdown renders to. */
  function anchors(markdown: string): string[] {
    return md.render(markdown).match(/<a\b[^>]*>/g) ?? []
  }

  it('adds noopener noreferrer to Markdown links to other sites, and only to those', () => {
    expect(anchors([
      '[away](https://example.org/a) [also](http://example.org/b) [no scheme](//example.org/c)',
      '',
      'https://example.org/linkified',
      '',
      '[here](/3) [anchor](#top) [mail](mailto:a@example.org)',
    ].join('\n'))).toEqual([
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

  it('makes no link of a Markdown link or autolink to a javascript: or data: address, and keeps its text', () => {
    const html = md.render([
      '[script](javascript:alert(1)) [upper](JaVaScRiPt:alert(1)) [picture](data:image/png;base64,AAAA)',
      '[page](data:text/html,hi) <javascript:alert(1)> <data:text/html,hi> [fine](https://example.org/)',
    ].join('\n'))
    expect(html.match(/<a\b[^>]*>/g)).toEqual(['<a href="https://example.org/" rel="noopener noreferrer">'])
    for (const text of ['script', 'upper', 'picture', 'page'])
      expect(html).toContain(text)
  })

  it('keeps data: images, which show a picture and link nowhere', () => {
    expect(md.render('![A dot](data:image/png;base64,AAAA)')).toContain('<img src="data:image/png;base64,AAAA" alt="A dot">')
  })

  it('takes the href off raw HTML links to a javascript: or data: address, however it is written', () => {
    const html = md.render([
      '<a href="javascript:alert(1)">inline</a> <a href=\'data:text/html,hi\' title="t">single</a> <a href=javascript:alert(1)>bare</a>',
      '<a href="&#106;avascript&colon;alert(1)">references</a> <a href=" java&#x09;script:alert(1)">space and tab</a> <a HREF="vbscript:x">upper</a>',
      '',
      '<div class="box">',
      '  <a class="x" href="javascript:alert(2)" target="_blank">block</a>',
      '  <svg><a xlink:href="data:text/html,hi"><text>svg</text></a></svg>',
      '  <a href="/2">local</a> <a href="https://example.org/">away</a>',
      '</div>',
    ].join('\n'))
    expect(html.match(/<a\b[^>]*>/g)).toEqual([
      '<a>',
      '<a title="t">',
      '<a>',
      '<a>',
      '<a>',
      '<a>',
      '<a class="x" target="_blank">',
      '<a>',
      '<a href="/2">',
      '<a href="https://example.org/">',
    ])
  })

  it('leaves code alone', () => {
    expect(md.render('`<a href="javascript:x">`\n\n```html\n<a href="data:text/html,hi">\n```')).toContain('&lt;a href=&quot;data:text/html,hi&quot;&gt;')
  })

  it('reads an address as a browser does', () => {
    for (const href of [
      'javascript:x',
      ' \u0001javascript:x',
      'java\tscript:x',
      'DATA:text/html,x',
      'vbscript:x',
    ])
      expect(isActiveHref(href), JSON.stringify(href)).toBe(true)
    for (const href of [
      'https://example.org/javascript:x',
      '/data:x',
      './javascript',
      '#data:x',
      'mailto:a@example.org',
      'javascript',
    ])
      expect(isActiveHref(href), JSON.stringify(href)).toBe(false)
  })

  it('guards the notes in the paper layouts too', () => {
    const html = renderMarkdown('[picture](data:image/png;base64,AAAA) [source](https://example.org/)')
    expect(html.match(/<a\b[^>]*>/g)).toEqual(['<a href="https://example.org/" rel="noopener noreferrer">'])
  })
})
