/**
 * Speaker notes as they are read: on paper (the handout) and aloud.
 */

/**
 * Slidev's click markers in notes ("[click]", "[click:3]") steer the
 * presenter view; on paper and in speech they are not text.
 */
export const CLICK_MARKER = /\[click(?::\d+)?\]\s*/g

/** A note's Markdown without Slidev's click markers. */
export function withoutClickMarkers(note: string): string {
  return note.replace(CLICK_MARKER, '')
}
