/// <reference types="@slidev/types" />
import type { Plugin } from 'vite'
import { defineConfig } from 'vite'
import { emojiFont } from './emoji-font.ts'
import { languageSpans } from './markdown-languages.ts'
import { safeLinks } from './markdown-links.ts'
import { networkCards } from './network/cards.ts'
import { META_POLICY, SECURITY_HEADERS } from './security-policy.ts'

/**
 * Puts the site's Content Security Policy (addon/security-policy.ts) at the
 * top of every page the build writes, before anything it could apply to:
 * Slidev's index.html and the 404.html it copies from it, for every deck and
 * every edition built with the kit. The referrer rule travels with it, for
 * hosts that send no headers (GitHub Pages). Only builds: the dev server on
 * the speaker's laptop is no hosted site, and Slidev answers its page there
 * without Vite's HTML transforms anyway.
 */
function securityPolicy(): Plugin {
  return {
    name: 'talk-kit:security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', 'content': META_POLICY },
        injectTo: 'head-prepend',
      },
      {
        tag: 'meta',
        attrs: { name: 'referrer', content: SECURITY_HEADERS['Referrer-Policy'] },
        injectTo: 'head-prepend',
      },
    ],
  }
}

// Slidev merges this file into its own Vite config (https://sli.dev/custom/config-vite).
// Slidev 53's Markdown plugin (unplugin-vue-markdown) takes `markdownSetup`;
// the older name `markdownItSetup` would be shadowed by Slidev's own setup.
export default defineConfig({
  plugins: [
    securityPolicy(),
    emojiFont(),
    networkCards(),
  ],
  // The export builds a talk's editions side by side, each translation into a
  // folder inside the original's site (de/); Vite's emptying of the
  // original's output folder would delete a translation built first. The
  // export builds into a fresh folder every time, so nothing stale is kept.
  build: {
    emptyOutDir: false,
  },
  // The kit's pages import these packages; named up front, Slidev's dev
  // server bundles them at its start instead of finding them while a page
  // loads and reloading it, which ran a plain `slidev export` into its fixed
  // 30 s page timeout on a busy machine.
  optimizeDeps: {
    include: ['remove-markdown', 'uqr'],
  },
  slidev: {
    markdown: {
      markdownSetup(md) {
        safeLinks(md)
        languageSpans(md)
      },
    },
  },
})
