/**
 * A talk's parts: the slides before the first part divider (a slide with the
 * `section` layout) are its opening, and each part runs from its divider to
 * the slide before the next one. The timing tables, the handout and the
 * site's reader all cut a deck the same way. Plain TypeScript, for Node and
 * the browser alike.
 */

/** What grouping needs of a slide. */
export interface PartSlide {
  title: string
  layout: string
}

/** The layout that opens a part. */
export const PART_LAYOUT = 'section'

/** Whether a slide is a part divider: the kit's one test of it. */
export function opensPart(slide: Pick<PartSlide, 'layout'>): boolean {
  return slide.layout === PART_LAYOUT
}

export interface Part<T extends PartSlide> {
  /** The divider's title, or `openingTitle` for the slides before the first divider. */
  title: string
  /** Whether the part opens with a divider (the opening does not). */
  divider: boolean
  slides: T[]
}

/** The deck's slides, in order, cut into its parts. */
export function partsOf<T extends PartSlide>(slides: readonly T[], openingTitle: string): Part<T>[] {
  const parts: Part<T>[] = []
  for (const slide of slides) {
    const opens = opensPart(slide)
    if (opens || !parts.length) {
      parts.push({
        title: opens
          ? slide.title
          : openingTitle,
        divider: opens,
        slides: [],
      })
    }
    parts.at(-1)!.slides.push(slide)
  }
  return parts
}
