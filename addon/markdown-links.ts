/**
 * A markdown-it plugin: every Markdown link that leaves the deck gets
 * `rel="noopener noreferrer"`. Slidev opens such links in a new tab
 * (`target="_blank"`) but adds no `rel`, so the opened page would learn the
 * deck's address and get a handle on its window.
 *
 * It is typed structurally, so it fits markdown-it and Slidev's fork of it
 * (markdown-exit) alike. Registered in the root `vite.config.ts`.
 */

interface LinkToken {
  type: string
  children: LinkToken[] | null
  attrGet: (name: string) => string | number | null
  attrSet: (name: string, value: string) => void
}

interface MarkdownWithCoreRules {
  core: {
    ruler: {
      push: (name: string, rule: (state: { tokens: LinkToken[] }) => void) => void
    }
  }
}

/** Values a link to another site must carry in `rel`. */
export const EXTERNAL_REL = ['noopener', 'noreferrer']

/** An address on another site: http(s), or protocol-relative. */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href.trim())
}

/** `rel` with noopener and noreferrer added to what it already says. */
export function externalRel(rel: string | null): string {
  const values = (rel ?? '').split(/\s+/).filter(Boolean)
  for (const value of EXTERNAL_REL) {
    if (!values.some(existing => existing.toLowerCase() === value))
      values.push(value)
  }
  return values.join(' ')
}

function addRel(tokens: LinkToken[]): void {
  for (const token of tokens) {
    if (token.type === 'link_open') {
      const href = token.attrGet('href')
      if (href != null && isExternalHref(String(href))) {
        const rel = token.attrGet('rel')
        token.attrSet('rel', externalRel(rel == null
          ? null
          : String(rel)))
      }
    }
    if (token.children)
      addRel(token.children)
  }
}

export function externalLinks(md: MarkdownWithCoreRules): void {
  md.core.ruler.push('external_link_rel', (state) => {
    addRel(state.tokens)
  })
}
