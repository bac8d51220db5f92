import { defineRoutesSetup } from '@slidev/types'

// Slidev adds its print view to a build only when the build also runs its own
// PDF export (`download: true`). The kit prints the built site itself, so it
// registers the same page.
export default defineRoutesSetup(routes => [
  ...routes,
  {
    name: 'print',
    path: '/print',
    component: () => import('@slidev/client/pages/print.vue'),
  },
])
