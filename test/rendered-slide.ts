import type { Component } from 'vue'
import type { Language } from '../kit/i18n/index.ts'
import type { Deck, DeckSlide } from '../kit/scripts/deck.ts'
import path from 'node:path'
import { mount } from '@vue/test-utils'
import MarkdownIt from 'markdown-it'
import { wordsOf } from '../kit/utils/notes.ts'
import { inDeck } from './components/deck-language.ts'

// A slide of the talk as the audience sees it, for the deck's rules and the
// record's: its Markdown rendered with the talk's and the kit's components.
// Files that use these need `// @vitest-environment happy-dom`.

// The kit's components by file name, the talk's and the addon's, as Slidev registers them for the slides' Markdown.
const components = Object.fromEntries(Object.entries(import.meta.glob<{ default: Component }>(['../components/*.vue', '../kit/components/*.vue'], { eager: true }))
  .map(([file, module]) => [
    path.basename(file, '.vue'),
    module.default,
  ]))
const markdown = new MarkdownIt({ html: true })

/** "pages/deal.md, slide 6 "The Lakeland memorandum"": where a failure is. */
export function where(deck: Deck, slide: DeckSlide): string {
  return `${path.relative(deck.root, slide.file)}, slide ${slide.no} "${slide.title}"`
}

/**
 * A slide as the audience sees it: its Markdown rendered, and the kit's
 * components in it mounted with their data in the deck's language, so a
 * diagram's labels count as much as a bullet's words.
 */
export function renderSlide(slide: DeckSlide, lang: Language): HTMLElement {
  return mount({ template: `<div>${markdown.render(slide.content)}</div>`, components }, {
    global: {
      ...inDeck(lang).global,
      // Slidev's own <Link> renders its text as a link.
      stubs: {
        Link: { template: '<a><slot /></a>' },
      },
    },
  }).element as HTMLElement
}

/** The text nodes of an element, without the parts that `hidden` selects. */
export function shownText(element: HTMLElement, hidden: string): string {
  const shown = element.cloneNode(true) as HTMLElement
  for (const node of shown.querySelectorAll(hidden))
    node.remove()
  const texts: string[] = []
  const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT)
  while (walker.nextNode())
    texts.push(walker.currentNode.textContent ?? '')
  return texts.join(' ')
}

/** The words a viewer reads: no source markers, no SVG titles and descriptions, no text for screen readers only. */
export function visibleWords(slide: HTMLElement): string[] {
  return wordsOf(shownText(slide, '.talk-source-mark, title, desc, .sr-only'))
}
