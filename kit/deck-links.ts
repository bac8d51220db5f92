import type { SlidevConfig } from '@slidev/types'
import { sameSlideHref, upToRoot } from './editions.ts'
import { labelsFor } from './i18n/index.ts'
import { DOWNLOAD_KINDS, editionLanguage, pdfFileName } from './outputs.ts'

/**
 * The links the site offers around a deck, in the navigation bar and in the
 * reader: the PDFs the export copies next to the built site, and the same
 * slide in the talk's other languages. They are relative, so they resolve
 * under whatever base path the site is hosted at.
 */

export type DeckConfigs = Pick<SlidevConfig, 'exportFilename' | 'htmlAttrs' | 'routerMode'> & {
  lang?: unknown
  translationOf?: unknown
  /** Every edition's root relative to this one's, by language; the addon's preparser sets it. */
  editions?: Record<string, string>
}

function routerModeOf(configs: DeckConfigs): 'hash' | 'history' {
  return configs.routerMode === 'history'
    ? 'history'
    : 'hash'
}

/** The downloads of this deck (a translation's carry its language), labelled in its language, linked from the page at `routePath`. */
export function downloadsOf(configs: DeckConfigs, routePath: string) {
  const labels = labelsFor(configs.htmlAttrs?.lang)
  const language = editionLanguage(configs)
  return DOWNLOAD_KINDS.map(kind => ({
    kind,
    file: pdfFileName(configs.exportFilename, kind, language),
    href: `${upToRoot(routePath, routerModeOf(configs))}${pdfFileName(configs.exportFilename, kind, language)}`,
    label: labels.nav[kind],
  }))
}

/** A link to the same page in another edition. */
export interface EditionLink {
  lang: string
  href: string
  /** The language's own name, which the link shows. */
  text: string
  /** Its accessible name: that name, then what it opens, in this edition's language. */
  label: string
}

/**
 * A link to the page at `routePath` (Slidev's `/3`, the reader's
 * `/reader/3`), in each other edition: it shows that language's own name
 * ("Deutsch"), and says in this deck's language what it opens.
 */
export function editionsOf(configs: DeckConfigs, routePath: string): EditionLink[] {
  const labels = labelsFor(configs.htmlAttrs?.lang)
  return Object.entries(configs.editions ?? {})
    .filter(([, root]) => root)
    .map(([lang, root]) => {
      const target = labelsFor(lang)
      const ownName = target.languageNames[target.lang]
      return {
        lang,
        href: sameSlideHref(root, routePath, routerModeOf(configs)),
        text: ownName,
        label: labels.nav.sameSlideIn(labels.languageNames[target.lang], ownName),
      }
    })
}
