import { defineRoutesSetup } from '@slidev/types'
import { READER_ROUTE_NAME, READER_ROUTE_PATH } from '../reader/route.ts'

// Slidev adds its print view to a build only when the build also runs its own
// PDF export (`download: true`). The kit prints the built site itself, so it
// registers the same page. It also adds the reader: the deck as one page
// with each slide's notes and sources, for the audience's phones.
export default defineRoutesSetup(routes => [
  ...routes,
  {
    name: 'print',
    path: '/print',
    component: () => import('@slidev/client/pages/print.vue'),
  },
  {
    name: READER_ROUTE_NAME,
    path: READER_ROUTE_PATH,
    component: () => import('../reader/ReaderPage.vue'),
  },
])
