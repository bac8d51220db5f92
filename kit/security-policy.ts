/**
 * The site's security policy, written once: the Content Security Policy that
 * every built page carries in a meta tag (addon/vite.config.ts), and the
 * same policy with the headers a meta tag cannot carry in the `_headers`
 * file the export writes for hosts that read one (scripts/publish.ts).
 *
 * The kit promises that nothing is loaded from another host; this makes the
 * browser refuse anything that would be, and report it.
 */

const SELF = '\'self\''
const NONE = '\'none\''

/** Directive → allowed sources; the order is the order they are written in. */
export type Directives = Record<string, string[]>

export const CONTENT_SECURITY_POLICY: Directives = {
  // Whatever the directives below do not name (media, workers, manifests): the site itself.
  'default-src': [SELF],
  // The built modules only: no inline script and no eval. Vue runs the render
  // functions the build compiled, and a `javascript:` address does not run.
  'script-src': [SELF],
  // 'unsafe-inline', because each of these writes styles at run time that no
  // build can know: Slidev's print view sets the page size in a <style> of its
  // own (`@page { size: 980px 552px }`), VueUse's dark-mode switch adds a
  // <style> for a moment to hold transitions back, mermaid draws each diagram
  // with a <style> in its SVG and style attributes on its labels, and the
  // export lays out its paper layouts with a <style> it adds to the print
  // view. An inline style loads nothing by itself: a `url()` in one still
  // answers to img-src and font-src.
  'style-src': [SELF, '\'unsafe-inline\''],
  // data: for the icons: UnoCSS draws each one as an SVG `data:` URL in a CSS mask.
  'img-src': [SELF, 'data:'],
  // data: for the smallest fonts: Vite inlines any file under 4 KB it bundles
  // as a `data:` URL, one of KaTeX's fonts among them.
  'font-src': [SELF, 'data:'],
  'connect-src': [SELF],
  // Slidev's iframe layouts may show the deck's own pages (`url: /frame.html`).
  'frame-src': [SELF],
  'object-src': [NONE],
  'base-uri': [SELF],
  'form-action': [NONE],
}

/**
 * What only a header can say (browsers ignore it in a meta tag): the site may
 * be framed by its own pages only.
 */
export const HEADER_ONLY_DIRECTIVES: Directives = {
  'frame-ancestors': [SELF],
}

/** `default-src 'self'; img-src 'self' data:; …` */
function policyText(directives: Directives): string {
  return Object.entries(directives).map(([name, sources]) => [name, ...sources].join(' ')).join('; ')
}

/** The policy each page carries in `<meta http-equiv="Content-Security-Policy">`. */
export const META_POLICY = policyText(CONTENT_SECURITY_POLICY)

/**
 * What the site sends with every file where the host lets it: the policy,
 * no referrer to the sites the deck links to, no guessing of content types,
 * and no camera, microphone or location for any page.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': policyText({
    ...CONTENT_SECURITY_POLICY,
    ...HEADER_ONLY_DIRECTIVES,
  }),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/** The name of the file Netlify and Cloudflare Pages read headers from, at the root of what they publish. */
export const HEADERS_FILE = '_headers'

/**
 * The `_headers` file of a site hosted under `base` (Netlify's and
 * Cloudflare Pages' format): every path under the base gets the headers.
 */
export function headersFile(base: string): string {
  return [
    `${base}*`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    '',
  ].join('\n')
}
