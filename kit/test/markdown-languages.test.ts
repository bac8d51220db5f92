import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { languageSpans } from '../markdown-languages.ts'
import { renderMarkdown } from '../scripts/paper/paper.ts'

// Words in another language keep their language in the tagged PDFs: a plain
// span does not reach Chromium's structure tree, the span the kit writes does.

describe('the Markdown plugin (addon/markdown-languages.ts)', () => {
  const md = new MarkdownIt({ html: true })
  languageSpans(md)

  it('keeps the language of a span that marks words in another language, inline and as a block', () => {
    expect(md.render('- Die App verbreiten: <span lang="en">„encourage adoption“</span>')).toContain('<span lang="en" aria-hidden="false">„encourage adoption“</span>')
    expect(md.render('<span lang="en">SIL Open Font License</span>')).toContain('<span lang="en" aria-hidden="false">')
  })

  it('leaves other spans alone', () => {
    expect(md.render('<span class="kit-agenda-time">6 Min.</span>')).toContain('<span class="kit-agenda-time">')
  })
})

describe('notes on paper (scripts/paper/paper.ts)', () => {
  it('keep a span that marks another language and show any other HTML as text', () => {
    const html = renderMarkdown('Sie kam: <span lang="en">Ring Nation</span>, <b>fett</b> <span lang="en" onclick="x()">nein</span>')
    expect(html).toContain('<span lang="en" aria-hidden="false">Ring Nation</span>')
    expect(html).toContain('&lt;b&gt;fett&lt;/b&gt;')
    expect(html).not.toContain('onclick="')
  })
})
