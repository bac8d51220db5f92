import { isExternalHref } from '../markdown-links.ts'

/** A link to another site that a slide holds, as the reader lists it under the slide. */
export interface SlideLink {
  href: string
  /** What the link is to: the source's title, or the link's own words. */
  text: string
  /** The short label the slide shows for it, when that is not `text`: "The Washington Post, 2019". */
  detail?: string
  /** The site it leads to: "www.washingtonpost.com". */
  host: string
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/** An element's text, each run of it apart: spans laid out side by side do not run into one word. */
function spacedText(element: Element, leaving: Node): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const runs: string[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!leaving.contains(node))
      runs.push(node.textContent ?? '')
  }
  return squash(runs.join(' '))
}

function isAddress(text: string): boolean {
  return /^(?:https?:)?\/\/\S+$/i.test(text)
}

/**
 * Names a link by what a reader needs to know before tapping it. A source
 * marker shows a short label ("Ring, 2019") and carries the source's title
 * in `title`; a list entry that shows a bare address is named by the rest of
 * the entry; any other link by its own text.
 */
function describe(anchor: HTMLAnchorElement, href: string): SlideLink {
  const host = new URL(href, location.href).host
  const text = squash(anchor.textContent)
  const title = squash(anchor.title)
  if (title && title !== text) {
    return {
      href,
      text: title,
      detail: text || undefined,
      host,
    }
  }
  if (isAddress(text)) {
    const item = anchor.closest('li')
    const entry = item
      ? spacedText(item, anchor).replace(/^\d+[.)]\s*/, '')
      : ''
    if (entry)
      return { href, text: entry, host }
  }
  return { href, text: text || href, host }
}

// Where a link of a slide shown in the reader keeps its address (see `quietLinks`).
const KEPT_HREF = 'data-kit-href'

/**
 * The links to other sites a rendered slide holds, in the order it shows
 * them, each address once: what the reader lists under the slide as its
 * sources, tappable at full size where the slide's own are drawn small.
 */
export function slideLinks(slide: Element): SlideLink[] {
  const links = new Map<string, SlideLink>()
  for (const anchor of slide.querySelectorAll<HTMLAnchorElement>(`a[href], a[${KEPT_HREF}]`)) {
    const href = anchor.getAttribute('href') ?? anchor.getAttribute(KEPT_HREF)!
    const absolute = new URL(href, location.href).href
    if (isExternalHref(href) && !links.has(absolute))
      links.set(absolute, describe(anchor, href))
  }
  return [
    ...links.values(),
  ]
}

/**
 * Makes a slide's links text. Drawn at the slide's scale they are a few
 * pixels high on a phone, far under a finger (WCAG 2.2 asks 24 px), and the
 * reader gives a slide's links to other sites again at full size, in the
 * list under it (an agenda's links to the parts are the contents'). So they
 * leave the tab order and the taps, and a screen reader hears their words
 * once, as the slide's text. Call it after `slideLinks`, which still finds them.
 */
export function quietLinks(slide: Element): void {
  for (const anchor of slide.querySelectorAll('a[href]')) {
    anchor.setAttribute(KEPT_HREF, anchor.getAttribute('href')!)
    anchor.removeAttribute('href')
  }
}
