import { defineMonacoSetup } from '@slidev/types'
import { watch } from 'vue'
import { READER_ROUTE_NAME } from '../reader/route.ts'
import { appRouter } from './app-router.ts'

// Monaco type-checks every editor on the page, in workers of its own. The
// reader and the print view mount every slide at once: on a phone, and
// while the PDFs printed, that check kept every core busy for many seconds
// (a phone's reader of a deck with seven editors: 28-33 CPU-s of the
// browser in its first 20 s, against 11-14 without), for squiggles nobody
// can point at there, which reached some PDFs and not others. Those two
// views check nothing; the slides check as the deck says.
const VIEWS_OF_EVERY_SLIDE = new Set<unknown>(['print', READER_ROUTE_NAME])
const NO_CHECKS = { noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: true }

export default defineMonacoSetup((monaco) => {
  for (const defaults of [monaco.typescript.typescriptDefaults, monaco.typescript.javascriptDefaults]) {
    let deckChecks = defaults.getDiagnosticsOptions()
    // Runs when the first editor loads Monaco, and again whenever the route changes.
    watch(() => VIEWS_OF_EVERY_SLIDE.has(appRouter.value?.currentRoute.value.name), (everySlide, before) => {
      if (everySlide) {
        // What the deck set by now, its own setup included, comes back when the view is left.
        if (before === false)
          deckChecks = defaults.getDiagnosticsOptions()
        defaults.setDiagnosticsOptions(NO_CHECKS)
      }
      else if (before) {
        defaults.setDiagnosticsOptions(deckChecks)
      }
    }, { immediate: true })
  }
})
