/**
 * What a speaker's note holds that is not said: Slidev's click markers and
 * bracketed stage directions. Kept apart from the rest of the note helpers,
 * so the site's reader can drop them without loading those.
 */

/**
 * Slidev's click markers in notes ("[click]", "[click:3]") steer the
 * presenter view; on paper and in speech they are not text.
 */
export const CLICK_MARKER = /\[click(?::\d+)?\]\s*/g

/**
 * A bracketed stage direction, "[About 6 minutes for this part.]": for the
 * speaker's eyes, not said. A Markdown link, "[text](url)", is not one.
 */
export const STAGE_DIRECTION = /\[[^\]]*\](?!\()/g
