import { STAGE_DIRECTION } from '../utils/note-marks.ts'

/**
 * A slide's notes as the reader shows them: Slidev's rendered note HTML
 * (`noteHTML`) with the speaker's stage directions ("[About 6 minutes for
 * this part.]") and click markers taken out, as the handout does with the
 * Markdown (utils/notes.ts `readerNote`). Stage directions are found in each
 * run of text, so a link's text or an attribute is never cut; a paragraph
 * left empty goes too. Runs in the browser (it parses with a <template>, which
 * loads and runs nothing).
 */
export function readerNoteHtml(noteHtml: string | undefined): string {
  const template = document.createElement('template')
  template.innerHTML = noteHtml ?? ''
  const root = template.content
  for (const marker of root.querySelectorAll('.slidev-note-click-mark'))
    marker.remove()
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    node.textContent = node.textContent!.replace(STAGE_DIRECTION, '').replace(/[ \t]{2,}/g, ' ')
  for (const element of [
    ...root.querySelectorAll('p, li'),
  ].reverse()) {
    if (!element.textContent!.trim() && !element.querySelector('img, svg'))
      element.remove()
  }
  return template.innerHTML.trim()
}
