import type { Plugin } from 'vite'
import path from 'node:path'

/** Slidev's built-in components that load from another site, and the kit's offline card for each (kit/network/). */
export const NETWORK_COMPONENTS = [
  'Tweet',
  'BlueSky',
  'Youtube',
  'PlantUml',
] as const

const BUILTIN = new RegExp(`[/\\\\]@slidev[/\\\\]client[/\\\\]builtin[/\\\\](${NETWORK_COMPONENTS.join('|')})\\.vue$`)
// Slidev adds X's and Bluesky's scripts to the page of any deck whose Markdown has `<Tweet` or `<BlueSky` in it, in code too.
const EMBED_SCRIPTS = /\s*<script\b[^>]*\ssrc="https:\/\/(?:platform\.twitter\.com\/widgets\.js|embed\.bsky\.app\/static\/embed\.js)"[^>]*><\/script>/g
const NAMED = new RegExp(`(?:${NETWORK_COMPONENTS.join('|')})\\.vue`)

/**
 * Puts the kit's card in place of each of Slidev's network components,
 * wherever a deck uses one (a slide, a component, a PlantUML block): the
 * slides, the site and every PDF show the post's, video's or diagram's
 * address instead of a script the site's policy refuses or a blank. The
 * embed scripts Slidev adds to the page for them are taken out.
 */
export function networkCards(): Plugin {
  return {
    name: 'talk-kit:network-cards',
    enforce: 'pre',
    transformIndexHtml: {
      order: 'pre',
      handler: html => html.replace(EMBED_SCRIPTS, ''),
    },
    async resolveId(source, importer, options) {
      if (!NAMED.test(source))
        return undefined
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      const builtin = resolved && BUILTIN.exec(resolved.id)
      return builtin
        ? path.join(import.meta.dirname, `${builtin[1]}.vue`)
        : undefined
    },
  }
}
