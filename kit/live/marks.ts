/**
 * What the kit adds to Slidev's play and presenter views for assistive
 * technology, on the elements Slidev renders (it has no setting for any of
 * it). Applied again whenever Slidev changes those views, so it holds for
 * slides mounted later (Slidev preloads them) and across re-renders; Vue
 * leaves attributes it does not manage alone.
 */

export interface LiveDeckNames {
  /** The slide area, which keeps the focus: "Slides". */
  slides: string
  /** The current slide's region: "Slide 5 of 34". */
  slide: string
  /** The presenter's notes panel: "Speaker notes". */
  notes: string
  /** Slidev's overview of all slides (key `o`): "Slide overview". */
  overview: string
}

function hide(element: HTMLElement, hidden: boolean): void {
  element.inert = hidden
  if (hidden)
    element.setAttribute('aria-hidden', 'true')
  else
    element.removeAttribute('aria-hidden')
}

/**
 * Only the current slide is there for a screen reader and the keyboard.
 * Slidev keeps the slides beside it mounted (to fade from one to the next,
 * and preloaded), hidden by `display: none` except while a transition runs;
 * `inert` and `aria-hidden` hide them at once, transition or not. The
 * current slide is a region named by its number, to jump into and read.
 */
function markSlides(current: number, names: LiveDeckNames): void {
  for (const slide of document.querySelectorAll<HTMLElement>('#slideshow > .slidev-page')) {
    const isCurrent = slide.classList.contains(`slidev-page-${current}`)
    hide(slide, !isCurrent)
    if (isCurrent) {
      slide.setAttribute('role', 'region')
      slide.setAttribute('aria-label', names.slide)
    }
    else {
      slide.removeAttribute('role')
      slide.removeAttribute('aria-label')
    }
  }
}

/**
 * The presenter view: its notes panel is a region a screen reader can jump
 * to (a speaker may be blind), and its preview of the next slide is hidden
 * like the other slides beside the current one.
 */
function markPresenter(names: LiveDeckNames): void {
  const notes = document.querySelector<HTMLElement>('.slidev-presenter .grid-section.note')
  notes?.setAttribute('role', 'region')
  notes?.setAttribute('aria-label', names.notes)
  const next = document.querySelector<HTMLElement>('.slidev-presenter .grid-section.next')
  if (next)
    hide(next, true)
}

/**
 * Slidev's overview of all slides (key `o`) is a dialog while it is open,
 * which hides the deck behind it from a screen reader; while it fades out,
 * after a slide was chosen, it is hidden itself, so only the chosen slide is
 * there. Found as the overlay that holds slides outside the slide area.
 */
function markOverview(open: boolean, names: LiveDeckNames): void {
  for (const overlay of document.querySelectorAll<HTMLElement>('.z-modal')) {
    if (!overlay.querySelector('.slidev-page'))
      continue
    if (open) {
      overlay.setAttribute('role', 'dialog')
      overlay.setAttribute('aria-modal', 'true')
      overlay.setAttribute('aria-label', names.overview)
    }
    else {
      hide(overlay, true)
    }
  }
}

/**
 * Slidev's menu buttons (sync settings, more options) wrap an icon button in
 * a second button; the outer one leaves the tab order, so each menu is one
 * stop, the inner button with its name and its focus ring.
 */
function markMenuButtons(): void {
  for (const outer of document.querySelectorAll<HTMLElement>('nav .flex.relative > button:has(> .slidev-icon-btn)'))
    outer.tabIndex = -1
}

/** The slide area: where the focus goes when a change would leave it nowhere. */
export function slideArea(): HTMLElement | null {
  return document.getElementById('slide-container')
}

/** Marks the deck for slide `current`, with the overview open or not; returns the slide area, once it is there. */
export function markLiveDeck(current: number, overviewOpen: boolean, names: LiveDeckNames): HTMLElement | null {
  markSlides(current, names)
  markOverview(overviewOpen, names)
  markPresenter(names)
  markMenuButtons()
  const area = slideArea()
  if (area) {
    area.tabIndex = -1
    area.setAttribute('role', 'group')
    area.setAttribute('aria-label', names.slides)
  }
  return area
}
