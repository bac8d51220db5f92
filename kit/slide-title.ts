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
