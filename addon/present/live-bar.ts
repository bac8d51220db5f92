import { configs } from '@slidev/client/env.ts'
import { computed, createApp, h } from 'vue'
import { useRoute } from 'vue-router'
import { READER_ROUTE_NAME } from '../reader/route.ts'
import { liveRoom } from './live-room.ts'
import LiveBar from './LiveBar.vue'

/**
 * Puts the audience's live bar on the page, outside Slidev's app (as the
 * live deck's announcer is), so no slide transition or scaled view touches
 * it; only when the live server served the page.
 */
export function useLiveBar(): void {
  if (!liveRoom.available)
    return
  const route = useRoute()
  const shown = computed(() => route.name === 'play' || route.name === READER_ROUTE_NAME)
  const lang = String(configs.htmlAttrs?.lang ?? 'en')
  const host = document.createElement('div')
  document.body.append(host)
  createApp({
    render: () => h(LiveBar, { lang, shown: shown.value }),
  }).mount(host)
}
