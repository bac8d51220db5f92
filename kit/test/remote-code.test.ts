import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../scripts/deck.ts'
import { useTempDirs } from './temp-dirs.ts'

// Remote content anywhere in a deck is refused before anything is built,
// naming the file, the slides that show it and the address: in a component
// (as in Slidev's demo/composable-vue, whose <VueUse> shows vueuse.org's
// favicon), a layout, a stylesheet and index.html. An address in a code
// sample or a link is no load.

const HEAD = `---
title: Remote code fixture
fonts:
  provider: none
favicon: /favicon.svg
---

# First

Nothing remote here: [a link](https://example.org/link) and \`<img src="https://example.org/sample.png">\`.

---
layout: banner
---

# Useful functions <MarkerCore />

<VueUse name="useMouse" />
`

const tempDir = useTempDirs()

async function deckWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('talk-remote-code-')
  for (const [name, content] of Object.entries({ 'slides.md': HEAD, ...files })) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), content)
  }
  return path.join(dir, 'slides.md')
}

async function refusal(entry: string): Promise<string> {
  const error = await loadDeck(entry).then(() => undefined, (failure: Error) => failure)
  expect(error, 'the deck is refused').toBeInstanceOf(Error)
  return error!.message
}

describe('remote content in a deck\'s own code', () => {
  it('is refused in a component, naming the file, the slide that shows it and the address', async () => {
    const entry = await deckWith({
      'components/VueUse.vue': '<template><div><img src="https://vueuse.org/favicon.svg" alt=""> {{ name }}</div></template>\n<script setup lang="ts">\ndefineProps<{ name: string }>()\n</script>\n',
    })
    const message = await refusal(entry)
    expect(message).toMatch(/components\/VueUse\.vue \(on slide 2 "Useful functions"\): loads https:\/\/vueuse\.org\/favicon\.svg from another host/)
  })

  it('is refused in a layout, a stylesheet and index.html, each line naming its file', async () => {
    const entry = await deckWith({
      'layouts/banner.vue': '<template><div class="banner"><slot /></div></template>\n<style>\n.banner { background: url("https://cdn.example.com/banner.jpg") }\n</style>\n',
      'styles/index.css': '@import "https://fonts.example.com/css?family=Inter";\n',
      'index.html': '<head>\n  <link rel="icon" href="https://example.com/favicon.ico">\n</head>\n',
    })
    const message = await refusal(entry)
    expect(message).toMatch(/layouts\/banner\.vue \(on slide 2 "Useful functions"\): loads https:\/\/cdn\.example\.com\/banner\.jpg/)
    expect(message).toMatch(/styles\/index\.css: loads https:\/\/fonts\.example\.com\/css\?family=Inter/)
    expect(message).toMatch(/index\.html: loads https:\/\/example\.com\/favicon\.ico/)
    expect(message).not.toContain('example.org')
  })

  it('lets a deck whose code loads nothing remote through', async () => {
    const entry = await deckWith({
      'components/VueUse.vue': '<template><a :href="\'https://vueuse.org/\' + name">{{ name }}</a></template>\n<script setup lang="ts">\ndefineProps<{ name: string }>()\n</script>\n',
      'components/MarkerCore.vue': '<template><span>Core</span></template>\n',
    })
    const deck = await loadDeck(entry)
    expect(deck.slides[1]!.title).toBe('Useful functions')
  })
})
