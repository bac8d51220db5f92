import { configs } from '@slidev/client/env.ts'
import { computed, createApp, defineComponent, h } from 'vue'
import { useRoute } from 'vue-router'
import { labelsFor } from '../i18n/index.ts'
import { READER_ROUTE_NAME } from '../reader/route.ts'
import { backToLive } from './live-room.ts'
import { liveRoom } from './live-state.ts'
import './live-bar.css'

/**
 * The audience's one control while a talk is presented live: once they
 * have scrolled or stepped away from the speaker's slide, a button back to
 * it; while the speaker's machine is out of reach, a word that it is being
 * reached again. Nothing while they follow. Not a live region: the slide
 * changes are announced by the live deck (kit/live/), once.
 *
 * A render function rather than a single-file component: Slidev gives every
 * component of a deck its slide context, which this app outside Slidev's
 * (so that no transition or scaled view touches it) does not have.
 */
const LiveBar = defineComponent({
  props: {
    lang: { type: String, required: true },
    shown: { type: Boolean, required: true },
  },
  setup(props) {
    const labels = computed(() => labelsFor(props.lang).live)
    return () => {
      const position = liveRoom.position
      const away = props.shown && liveRoom.connected && !liveRoom.following && position
      const lost = props.shown && !liveRoom.connected
      if (!away && !lost)
        return null
      return h('div', { class: 'kit-live-bar', lang: props.lang }, away
        ? h('button', { type: 'button', class: 'kit-live-back', onClick: backToLive }, [
            h('span', { 'class': 'kit-live-dot', 'aria-hidden': 'true' }),
            labels.value.backToLive(position.slide),
          ])
        : h('p', { class: 'kit-live-lost' }, labels.value.reconnecting))
    }
  },
})

/** Puts the live bar on the page, outside Slidev's app, as the live deck's announcer is; only when the live server served the page. */
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
