import removeMarkdown from 'remove-markdown'

/**
 * A slide's title as its heading shows it: Slidev's parser gives the
 * heading's source, Markdown and tags included ("`unref` - Opposite of Ref
 * <MarkerCore />"). Paired tags keep their text ("<Marker>Case</Marker>"
 * reads "Case"); a tag with no text of its own (a self-closing component,
 * an icon) is left out, as are Markdown's marks.
 */
export function slideTitle(source: string | undefined): string {
  if (!source)
    return ''
  // A < or > left once the tags are gone is text ("A < B"), which remove-markdown would read as a tag.
  const withoutTags = source
    .replace(/<!--[\s\S]*?-->/g, '')
    // A formula reads as its commands' names: $\LaTeX$ is "LaTeX".
    .replace(/\$([^$]+)\$/g, (_, tex: string) => tex.replace(/\\([a-z]+)/gi, '$1'))
    .replace(/<\/?[a-z][\w:.-]*(?:\s[^<>]*)?\/?>/gi, ' ')
    .replace(/</g, '\uE000')
    .replace(/>/g, '\uE001')
  // A heading is no list: "1. Opening" keeps its number.
  return removeMarkdown(withoutTags, { gfm: true, useImgAltText: true, stripListLeaders: false })
    .replace(/\uE000/g, '<')
    .replace(/\uE001/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
}

// A tag closed in itself (<MarkerCore />, an icon): its text, if it has any, only the rendered slide holds.
const SELF_CLOSING_TAG = /<[a-z][\w:.-]*(?:\s[^<>]*)?\/>/i

/** Whether a title's full text is only on the rendered slide: its source has a tag closed in itself. */
export function titleNeedsSlide(source: string | undefined): boolean {
  return Boolean(source && SELF_CLOSING_TAG.test(source))
}

/**
 * A slide's title as the rendered slide shows it, from the texts of its
 * headings: where the heading's source has a tag closed in itself, the
 * first heading holding the title's words in order, components' text and
 * all ("Ref Auto Unwrapping Core"); otherwise, and when no heading matches,
 * the title from its source.
 */
export function shownTitle(source: string | undefined, headings: readonly string[]): string {
  const title = slideTitle(source)
  if (!title || !titleNeedsSlide(source))
    return title
  const words = title.toLowerCase().split(' ')
  const holdsTitle = (heading: string): boolean => {
    let from = 0
    for (const word of words) {
      const at = heading.toLowerCase().indexOf(word, from)
      if (at < 0)
        return false
      from = at + word.length
    }
    return true
  }
  const shown = headings.map(heading => heading.replace(/\s+/g, ' ').trim()).find(holdsTitle)
  return shown ?? title
}

/** The texts of the headings inside a rendered slide, in order, as shown. */
export function headingTexts(slide: Element): string[] {
  return [
    ...slide.querySelectorAll('h1, h2, h3, h4, h5, h6'),
  ].map(heading => heading.textContent ?? '')
}
