import type { DeckSlide } from '../deck.ts'
import type { OutlineEntry } from './outline.ts'
import { opensPart } from '../../utils/parts.ts'

/**
 * The outline of the slides PDF, one page a slide, grouped by part: section
 * slides are the parts, the slides after one are its children.
 */
export function deckOutline(slides: DeckSlide[]): OutlineEntry[] {
  return slides.map((slide, index) => ({
    title: slide.title || `Slide ${slide.no}`,
    page: index + 1,
    level: slide.part && !opensPart(slide)
      ? 2
      : 1,
  }))
}
