import type { Language } from '../../kit/i18n/index.ts'
import { injectionSlidevContext } from '@slidev/client/constants.ts'

/**
 * Mounting options that show a component as in a deck in `lang`: Slidev's
 * context gives components their deck's `htmlAttrs.lang`, and useLabels reads
 * it; a slide's own template reads the same context as `$slidev`.
 */
export function inDeck(lang: Language): { global: { provide: Record<string | symbol, unknown>, mocks: Record<string, unknown> } } {
  const context = {
    configs: {
      htmlAttrs: { lang },
    },
  }
  return {
    global: {
      provide: { [injectionSlidevContext]: context },
      mocks: { $slidev: context },
    },
  }
}
