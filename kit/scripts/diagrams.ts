import type { DeckSlide } from './deck.ts'
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: true })

/**
 * How many mermaid diagrams each slide's Markdown declares (```mermaid
 * fences, not those shown inside another code block), by slide number: the
 * print waits until each slide has drawn as many. Slidev mounts a diagram's
 * host only with its slide, so a wait that counts the hosts in the page
 * printed a slide whose diagram had not begun as if it had none.
 */
export function declaredDiagrams(slides: readonly DeckSlide[]): [number, number][] {
  return slides
    .map(slide => [
      slide.no,
      markdown.parse(slide.content, {}).filter(token => token.type === 'fence' && token.info.trim().split(/\s/)[0] === 'mermaid').length,
    ] as [number, number])
    .filter(([, count]) => count > 0)
}
