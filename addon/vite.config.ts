/// <reference types="@slidev/types" />
import { defineConfig } from 'vite'
import { languageSpans } from './markdown-languages.ts'
import { externalLinks } from './markdown-links.ts'

// Slidev merges this file into its own Vite config (https://sli.dev/custom/config-vite).
// Slidev 53's Markdown plugin (unplugin-vue-markdown) takes `markdownSetup`;
// the older name `markdownItSetup` would be shadowed by Slidev's own setup.
export default defineConfig({
  slidev: {
    markdown: {
      markdownSetup(md) {
        externalLinks(md)
        languageSpans(md)
      },
    },
  },
})
