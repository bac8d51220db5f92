import { defineAppSetup } from '@slidev/types'
import { START_LOCATION } from 'vue-router'
import { opensInReader, READER_ROUTE_NAME } from '../reader/route.ts'
import { appRouter } from './app-router.ts'
// The colour emoji font, as far as the deck uses emoji (kit/emoji-font.ts).
import 'virtual:talk-kit/emoji-font'

// A link to a slide opened on a phone (`…#/12`) opens the reader at that
// slide: the page the visitor arrives on, not a navigation inside the site,
// so a visitor who switches to the slides stays there. Embedded decks and
// the print view keep what they asked for. The router is kept for the
// setups that get none.
export default defineAppSetup(({ router }) => {
  router.beforeEach((to, from) => {
    if (from !== START_LOCATION || to.name !== 'play' || 'embedded' in to.query || !opensInReader())
      return
    return {
      name: READER_ROUTE_NAME,
      params: { slide: to.params.no },
      replace: true,
    }
  })
  appRouter.value = router
})
