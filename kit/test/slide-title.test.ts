import { describe, expect, it } from 'vitest'
import { shownTitle, slideTitle, titleNeedsSlide } from '../slide-title.ts'

// Headings of a published Slidev talk (Slidev's demo/composable-vue), as
// Slidev's parser gives them, and as the outline, the paper layouts, the
// reader and the announcements name the slide.
describe('a slide\'s title as its heading shows it', () => {
  it('leaves out components without text of their own, and Markdown\'s marks', () => {
    expect(slideTitle('Ref Auto Unwrapping <MarkerCore />')).toBe('Ref Auto Unwrapping')
    expect(slideTitle('`unref` - Opposite of Ref <MarkerCore />')).toBe('unref - Opposite of Ref')
    expect(slideTitle('Icons <carbon:arrow-right class="inline" /> and **bold**, _em_ and [a link](https://example.org)')).toBe('Icons and bold, em and a link')
  })

  it('keeps the text inside a tag, and a < or > that is text', () => {
    expect(slideTitle('`useTitle` <Marker class="text-blue-400">Case</Marker>')).toBe('useTitle Case')
    expect(slideTitle('A < B and C > D')).toBe('A < B and C > D')
    expect(slideTitle(undefined)).toBe('')
    expect(slideTitle('$\\LaTeX$')).toBe('LaTeX')
    expect(slideTitle('1. Opening')).toBe('1. Opening')
  })
})

describe('a slide\'s title as the rendered slide shows it', () => {
  it('takes a component\'s own text from the rendered heading', () => {
    expect(shownTitle('Ref Auto Unwrapping <MarkerCore />', ['Ref Auto Unwrapping\nCore'])).toBe('Ref Auto Unwrapping Core')
    expect(shownTitle('`unref` - Opposite of Ref <MarkerCore />', ['Part', 'unref - Opposite of Ref Core'])).toBe('unref - Opposite of Ref Core')
    expect(shownTitle('<MarkerPattern /> Shared State', ['Pattern Shared State'])).toBe('Pattern Shared State')
  })

  it('keeps the source\'s title where it has no such tag, or no heading holds its words', () => {
    expect(shownTitle('Plain **title**', ['Plain title and more'])).toBe('Plain title')
    expect(shownTitle('Ref Auto Unwrapping <MarkerCore />', ['Something else'])).toBe('Ref Auto Unwrapping')
    expect(shownTitle('Ref Auto Unwrapping <MarkerCore />', [])).toBe('Ref Auto Unwrapping')
    expect(shownTitle(undefined, ['Anything'])).toBe('')
  })
})

describe('whether a title needs the drawn slide', () => {
  it('does where its source has a tag closed in itself, and not for text or a paired tag', () => {
    expect(titleNeedsSlide('Ref Auto Unwrapping <MarkerCore />')).toBe(true)
    expect(titleNeedsSlide('Icons <carbon:arrow-right class="inline" />')).toBe(true)
    expect(titleNeedsSlide('`useTitle` <Marker class="text-blue-400">Case</Marker>')).toBe(false)
    expect(titleNeedsSlide('A < B and C > D')).toBe(false)
    expect(titleNeedsSlide(undefined)).toBe(false)
  })
})
