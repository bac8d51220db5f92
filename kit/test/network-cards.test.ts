// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BlueSky from '../network/BlueSky.vue'
import PlantUml from '../network/PlantUml.vue'
import Tweet from '../network/Tweet.vue'
import Youtube from '../network/Youtube.vue'

// Slidev's network components as the kit prints and shows them offline:
// a card saying what is missing, with its address, as a link.
function card(wrapper: ReturnType<typeof mount>): { component: string, address: string, text: string, href: string } {
  const figure = wrapper.get('[data-network]')
  return {
    component: figure.attributes('data-network')!,
    address: figure.attributes('data-address')!,
    text: figure.text().replace(/\s+/g, ' '),
    href: wrapper.get('a').attributes('href')!,
  }
}

describe('the card in place of a network component', () => {
  it('gives a tweet\'s address and id, from its id or its address', () => {
    expect(card(mount(Tweet, {
      props: { id: '1390115482657726468', scale: '0.65' },
    }))).toMatchObject({
      component: 'Tweet',
      address: 'https://x.com/i/status/1390115482657726468',
      href: 'https://x.com/i/status/1390115482657726468',
      text: expect.stringContaining('Post id 1390115482657726468'),
    })
    expect(card(mount(Tweet, {
      props: { url: 'https://x.com/jack/status/20' },
    })).address).toBe('https://x.com/jack/status/20')
  })

  it('gives a Bluesky post\'s page for its at:// address', () => {
    const shown = card(mount(BlueSky, {
      props: { uri: 'at://did:plc:432mbsu2xucyvxl6sluohidu/app.bsky.feed.post/3lgwg2vy44s2q' },
    }))
    expect(shown).toMatchObject({
      component: 'BlueSky',
      address: 'https://bsky.app/profile/did:plc:432mbsu2xucyvxl6sluohidu/post/3lgwg2vy44s2q',
      text: expect.stringContaining('Post id 3lgwg2vy44s2q'),
    })
  })

  it('gives a video\'s address from where it starts', () => {
    const shown = card(mount(Youtube, {
      props: { id: 'luoMHjh-XcQ?start=95' },
    }))
    expect(shown).toMatchObject({
      component: 'Youtube',
      address: 'https://www.youtube.com/watch?v=luoMHjh-XcQ&t=95s',
      text: expect.stringContaining('Video id luoMHjh-XcQ, from 1:35'),
    })
    expect(card(mount(Youtube, {
      props: { id: 'luoMHjh-XcQ' },
    })).address).toBe('https://www.youtube.com/watch?v=luoMHjh-XcQ')
  })

  it('says a PlantUML diagram is here and needs the network, linking the whole address and showing its start', () => {
    const shown = card(mount(PlantUml, {
      props: { code: 'SoWkIImgAStDuNBAJrBGjLDmpCbCJbMmKiX8pSd9vt98pKi1IW80', server: 'https://www.plantuml.com/plantuml' },
    }))
    expect(shown.component).toBe('PlantUML')
    expect(shown.href).toBe('https://www.plantuml.com/plantuml/uml/SoWkIImgAStDuNBAJrBGjLDmpCbCJbMmKiX8pSd9vt98pKi1IW80')
    expect(shown.text).toContain('A PlantUML diagram')
    expect(shown.text).toContain('It needs the network')
    expect(shown.text).toContain('www.plantuml.com/plantuml/uml/SoWk')
  })
})
