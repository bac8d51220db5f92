import { languageAttributesHtml } from './utils/localized.ts'

/**
 * A markdown-it plugin: a span a slide writes to mark words in another
 * language, `<span lang="en">„encourage adoption“</span>`, gets the
 * attributes that make Chromium's tagged PDF keep its language
 * (`languageAttributes`), so the slides PDF reads it in that language too.
 *
 * Typed structurally, like markdown-links.ts, for markdown-it and Slidev's fork alike.
 */

interface HtmlToken {
  type: string
  content: string
  children: HtmlToken[] | null
}

interface MarkdownWithCoreRules {
  core: {
    ruler: {
      push: (name: string, rule: (state: { tokens: HtmlToken[] }) => void) => void
    }
  }
}

/** An opening span with nothing but a language: `<span lang="en">`. */
const LANGUAGE_SPAN = /<span lang="([a-z]{2,3}(?:-[A-Z]{2})?)">/g

function markLanguages(tokens: HtmlToken[]): void {
  for (const token of tokens) {
    if (token.type === 'html_inline' || token.type === 'html_block')
      token.content = token.content.replace(LANGUAGE_SPAN, (_, lang: string) => `<span ${languageAttributesHtml(lang)}>`)
    if (token.children)
      markLanguages(token.children)
  }
}

export function languageSpans(md: MarkdownWithCoreRules): void {
  md.core.ruler.push('language_span', (state) => {
    markLanguages(state.tokens)
  })
}
