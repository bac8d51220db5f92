/**
 * How the editions of a talk sit in its site, as the export builds it: the
 * entry's own edition at the root, each translation (`translations: { de:
 * ./slides.de.md }`) in a folder named by its language, `de/`. Links between
 * editions are relative, so they work under any base path.
 */

/** A deck's headmatter fields that name its language and its editions. */
export interface EditionFields {
  lang?: unknown
  htmlAttrs?: { lang?: unknown }
  translations?: unknown
}

/** The language a headmatter gives its deck: `lang`, else `htmlAttrs.lang`, else English (Slidev's own default). */
export function deckLanguage(headmatter: EditionFields): string {
  const lang = headmatter.lang ?? headmatter.htmlAttrs?.lang
  return typeof lang === 'string' && lang.trim()
    ? lang.trim()
    : 'en'
}

function translationLanguages(headmatter: EditionFields): string[] {
  const { translations } = headmatter
  return translations && typeof translations === 'object'
    ? Object.keys(translations)
    : []
}

/**
 * Every edition of the talk by language, each as the path of its root
 * relative to the root of the edition `ownLang` (`''` for that one itself):
 * seen from the original, `{ en: '', de: 'de/' }`; from its German
 * translation, `{ en: '../', de: '' }`.
 */
export function editionRoots(original: EditionFields, ownLang: string): Record<string, string> {
  const originalLang = deckLanguage(original)
  const fromRoot: Record<string, string> = {
    [originalLang]: '',
    ...Object.fromEntries(translationLanguages(original).map(lang => [lang, `${lang}/`])),
  }
  const up = fromRoot[ownLang]
    ? '../'
    : ''
  return Object.fromEntries(Object.entries(fromRoot).map(([lang, root]) => [
    lang,
    lang === ownLang
      ? ''
      : `${up}${root}`,
  ]))
}

/** How many folders deep a route is under history routing: 0 for `/3`, 1 for `/presenter/3`. */
function depthOf(routePath: string): number {
  return routePath.replace(/^\/+/, '').split('/').length - 1
}

/**
 * The relative path from the page at `routePath` (Slidev's `/3`, the
 * reader's `/reader/3`) to its edition's root: hash routing keeps the route
 * after `#`, so the page is at the root (`./`); history routing climbs from
 * the route's folder (`../` from `/reader/3`).
 */
export function upToRoot(routePath: string, routerMode: 'hash' | 'history'): string {
  return routerMode === 'hash'
    ? './'
    : '../'.repeat(depthOf(routePath)) || './'
}

/**
 * A relative link to the slide at `routePath` (Slidev's `/3`, `/deal` or
 * `/presenter/3`) in the edition whose root is `root`, from the same slide of
 * this one. Hash routing keeps the route after `#`; history routing first
 * climbs from the route's folder to this edition's root.
 */
export function sameSlideHref(root: string, routePath: string, routerMode: 'hash' | 'history'): string {
  const route = routePath.replace(/^\/+/, '')
  return routerMode === 'hash'
    ? `${root || './'}#/${route}`
    : `${'../'.repeat(depthOf(routePath))}${root}${route}`
}
