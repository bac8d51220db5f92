import type { Labels } from '../i18n/index.ts'
import { injectionSlidevContext } from '@slidev/client/constants.ts'
import { inject } from 'vue'
import { labelsFor } from '../i18n/index.ts'

/**
 * The kit's labels in the language of the deck a component is shown in (its
 * headmatter's `htmlAttrs.lang`); English outside a deck, as in unit tests.
 */
export function useLabels(): Labels {
  const slidev = inject(injectionSlidevContext, undefined)
  return labelsFor(slidev?.configs.htmlAttrs?.lang)
}

export type { Foreign, Localized, Phrases } from './localized.ts'
export { languageAttributes, localize, phraseRuns, phrasesText } from './localized.ts'
