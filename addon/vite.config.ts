/// <reference types="@slidev/types" />
import { defineConfig } from 'vite'
import { languageSpans } from './markdown-languages.ts'
import { externalLinks } from './markdown-links.ts'

// Slidev merges this file into its own Vite config (https://sli.dev/custom/config-vite).
// Slidev 53's Markdown plugin (unplugin-vue-markdown) takes `markdownSetup`;
// the older name `markdownItSetup` would be shadowed by Slidev's own setup.
export default defineConfig({
  // The export builds a talk's editions side by side, each translation into a
  // folder inside the original's site (de/); Vite's emptying of the
  // original's output folder would delete a translation built first. The
  // export builds into a fresh folder every time, so nothing stale is kept.
  build: {
    emptyOutDir: false,
  },
  slidev: {
    markdown: {
      markdownSetup(md) {
        externalLinks(md)
        languageSpans(md)
      },
    },
  },
})
