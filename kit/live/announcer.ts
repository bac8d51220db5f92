/**
 * The page's one live region: what a screen reader says when the deck moves
 * on, without the reader moving there. Polite, so it waits until the screen
 * reader has finished speaking; atomic, so the whole sentence is read; and
 * only ever one short sentence, set once per change: the anchors' faults
 * were to copy a slide's whole text into their region (reveal.js, read up
 * to three times by JAWS) and to let removals be read (shower's
 * `aria-relevant="all"` read the previous slide first).
 *
 * It lives outside Slidev's app, at the end of the body, where no re-render
 * touches it, and is made when the first slide is shown, early enough for a
 * screen reader to know it before it speaks.
 */

let region: HTMLElement | undefined

/** The live region, made on first use. */
export function liveRegion(lang: string): HTMLElement {
  if (!region?.isConnected) {
    region = document.createElement('div')
    region.className = 'kit-live-region'
    region.setAttribute('aria-live', 'polite')
    region.setAttribute('aria-atomic', 'true')
    region.lang = lang
    document.body.append(region)
  }
  return region
}

/**
 * Says `text` once. The region is emptied first, so the same sentence said
 * again (a slide left and come back to) is still news to the screen reader;
 * an emptied region is not read.
 */
export function announce(lang: string, text: string): void {
  const live = liveRegion(lang)
  live.textContent = ''
  requestAnimationFrame(() => {
    live.textContent = text
  })
}
