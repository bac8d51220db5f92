/**
 * A markdown-it plugin for the links of a slide's Markdown:
 *
 * - every link that leaves the deck gets `rel="noopener noreferrer"`. Slidev
 *   opens such links in a new tab (`target="_blank"`) but adds no `rel`, so
 *   the opened page would learn the deck's address and get a handle on its
 *   window;
 * - a link to an address that runs script or carries a document of its own
 *   (`javascript:`, `vbscript:`, `data:`) is no link at all: a Markdown link
 *   or autolink to one shows its text only, and raw HTML loses the `href`.
 *   markdown-it already refuses most of them, but it lets `data:image/…`
 *   links through, and raw HTML is passed on as written. Nothing on a slide
 *   can be clicked to run them, in the site or in a PDF printed from it.
 *
 * It is typed structurally, so it fits markdown-it and Slidev's fork of it
 * (markdown-exit) alike. Registered in `addon/vite.config.ts`.
 */

interface LinkToken {
  type: string
  content: string
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
  utils: {
    /** Decodes character references (`&#106;`, `&colon;`) and backslash escapes. */
    unescapeAll: (text: string) => string
  }
}

/** Values a link to another site must carry in `rel`. */
export const EXTERNAL_REL = ['noopener', 'noreferrer']

/** An address on another site: http(s), or protocol-relative. */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href.trim())
}

/** Schemes of addresses that run script or are a document in themselves, rather than lead to one. */
const ACTIVE_SCHEMES = ['javascript', 'vbscript', 'data']

/**
 * Whether an address runs script or is a document in itself. It is read as
 * a browser reads it: tabs and line breaks anywhere and control characters
 * and spaces in front do not count, and letter case does not matter.
 * Character references must be decoded first (`isActiveHtmlHref`).
 */
export function isActiveHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- a browser drops these control characters from an address
  const url = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  return scheme != null && ACTIVE_SCHEMES.includes(scheme)
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

// An HTML start tag and, inside one, an attribute, as markdown-it reads raw HTML.
const START_TAG = /<[a-z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gi
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g
// The attributes that make an element a link: `<a href>`, `<area href>`, SVG's `<a xlink:href>`.
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href'])

/** Raw HTML with every link attribute to an active address removed. */
function withoutActiveLinks(html: string, unescape: (text: string) => string): string {
  return html.replace(START_TAG, tag => tag.replace(ATTRIBUTE, (attribute, name: string, quoted?: string) => {
    const value = (quoted ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2')
    return LINK_ATTRIBUTES.has(name.toLowerCase()) && isActiveHref(unescape(value))
      ? ''
      : attribute
  }))
}

/** One level of tokens made safe: active links dropped (their text stays), raw HTML cleaned, external links given `rel`. */
function safeTokens(tokens: LinkToken[], unescape: (text: string) => string): LinkToken[] {
  const kept: LinkToken[] = []
  // Markdown links do not nest: the next link_close closes a dropped link_open.
  let dropping = false
  for (const token of tokens) {
    if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '')
      if (isActiveHref(href)) {
        dropping = true
        continue
      }
      if (isExternalHref(href)) {
        const rel = token.attrGet('rel')
        token.attrSet('rel', externalRel(rel == null
          ? null
          : String(rel)))
      }
    }
    if (token.type === 'link_close' && dropping) {
      dropping = false
      continue
    }
    if (token.type === 'html_inline' || token.type === 'html_block')
      token.content = withoutActiveLinks(token.content, unescape)
    if (token.children)
      token.children = safeTokens(token.children, unescape)
    kept.push(token)
  }
  return kept
}

export function safeLinks(md: MarkdownWithCoreRules): void {
  md.core.ruler.push('safe_links', (state) => {
    state.tokens = safeTokens(state.tokens, md.utils.unescapeAll)
  })
}
