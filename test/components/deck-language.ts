import type { Language } from '../../i18n/index.ts'
import { injectionSlidevContext } from '@slidev/client/constants.ts'

/**
 * Mounting options that show a component as in a deck in `lang`: Slidev's
 * context gives components their deck's `htmlAttrs.lang`, and useLabels reads it.
 */
export function inDeck(lang: Language): { global: { provide: Record<string | symbol, unknown> } } {
  return {
    global: {
      provide: {
        [injectionSlidevContext]: {
          configs: {
            htmlAttrs: { lang },
          },
        },
      },
    },
  }
}
