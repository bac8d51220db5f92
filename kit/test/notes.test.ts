import { describe, expect, it } from 'vitest'
import { plannedMinutes, sentencesOf, wordsPerMinuteFor } from '../utils/notes.ts'

// Timing reads the notes of both editions: their stage directions and their sentences.

describe('the notes\' timing in each language', () => {
  it('reads a part\'s planned minutes from its stage direction, in English and in German', () => {
    expect(plannedMinutes('[About 6 minutes for this part.]\nPart one.')).toBe(6)
    expect(plannedMinutes('[Etwa 7 Minuten für diesen Teil.]\nTeil zwei.')).toBe(7)
    expect(plannedMinutes('No plan here.')).toBeUndefined()
  })

  it('does not end a sentence at a German date\'s day, but at a number that ends one', () => {
    expect(sentencesOf('Am 13. Juli 2022 schrieb Amazon an Senator Markey. In Lakeland waren es 15. Dann gingen sie zurück.')).toEqual([
      'Am 13. Juli 2022 schrieb Amazon an Senator Markey.',
      'In Lakeland waren es 15.',
      'Dann gingen sie zurück.',
    ])
    expect(sentencesOf('„Zitat.“ Danach mehr.')).toHaveLength(2)
  })

  it('times each language at its own rate', () => {
    expect(wordsPerMinuteFor('de')).toBe(110)
    expect(wordsPerMinuteFor('en-GB')).toBe(130)
    expect(wordsPerMinuteFor('fr')).toBe(130)
  })
})
