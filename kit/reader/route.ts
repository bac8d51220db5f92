import type { SlideRoute } from '@slidev/types'

/**
 * Where the reader lives in the site, and when a visitor is sent there.
 *
 * The reader's address names a slide the way Slidev's own play view does,
 * by its number or its `routeAlias` (`/reader/12`, `/reader/deal`), so the
 * two views map onto each other by the `/reader` prefix alone.
 */

export const READER_ROUTE_NAME = 'reader'

/** The route's path; the slide is optional, `/reader` opens it at the top. */
export const READER_ROUTE_PATH = '/reader/:slide?'

/**
 * Screens narrower than 600 CSS px open a deep link to a slide in the reader.
 * 600 px is where Android's window size classes end "compact", the width
 * class of phones held upright (Material Design: compact is under 600 dp),
 * and it is where the slides stop being readable: a 16:9 slide shown that
 * wide draws 24 px body text of the 980 px canvas at under 15 px and its
 * 12 px source markers at 7 px. Phones held sideways (640 px and wider) and
 * tablets upright (744 px and wider) keep the slides, which fill them.
 */
export const READER_MEDIA_QUERY = '(max-width: 599.98px)'

/** How a slide is named in an address: its routeAlias if it has one, else its number. */
export function slideKey(route: SlideRoute): string {
  return String(route.meta.slide?.frontmatter.routeAlias ?? route.no)
}

/** The reader's path at a slide: `/reader/12`. */
export function readerPath(key: string | number): string {
  return `/reader/${key}`
}

/** The play view's path at a slide: `/12`. */
export function slidesPath(key: string | number): string {
  return `/${key}`
}

// A visitor who switched from the reader to the slides keeps them for the
// rest of the visit (the tab's session), reloads included.
const SLIDES_CHOSEN = 'talk-kit:slides-chosen'

/** Remembers for this tab whether the visitor chose the slides over the reader. */
export function rememberSlidesChosen(chosen: boolean): void {
  try {
    if (chosen)
      sessionStorage.setItem(SLIDES_CHOSEN, '1')
    else
      sessionStorage.removeItem(SLIDES_CHOSEN)
  }
  catch {
    // Storage may be off (private modes, policies): the choice then lasts until the next page load.
  }
}

function slidesChosen(): boolean {
  try {
    return sessionStorage.getItem(SLIDES_CHOSEN) === '1'
  }
  catch {
    return false
  }
}

/** Whether a slide opened from outside the site should open in the reader: a narrow screen whose visitor has not chosen the slides. */
export function opensInReader(): boolean {
  return window.matchMedia(READER_MEDIA_QUERY).matches && !slidesChosen()
}
