import type { Language } from '../kit/i18n/index.ts'
import type { Deck, DeckSlide } from '../kit/scripts/deck.ts'
import { expect, it } from 'vitest'
import { sourceById } from '../data/sources.ts'
import { editionLanguage, pdfFileName } from '../kit/outputs.ts'
import { sentencesOf, spokenText } from '../kit/utils/notes.ts'
import { renderSlide, visibleWords, where } from './rendered-slide.ts'

// What the fact sheet (facts.md) asks of the talk's wording where a word can
// be checked: the hedges a lawyer would miss if they went, and the details
// the record corrects. Each edition keeps them in its own words.

interface RecordWords {
  /** A permission stated beside a US statute: a legal conclusion the record does not support (C13). */
  allowedByStatute: RegExp
  /** Who counted the 225 partner agencies: the police memo of April 2019 (B3). */
  policeMemo: RegExp
  ringMemo: RegExp
  /** A sentence that says what a show would need (consent), and the exception that C11 keeps beside it. */
  needsConsent: RegExp
  exception: RegExp
  /** The download credit's label: camera credit (A5). */
  cameraCredit: RegExp
  cameras: RegExp
  /** A title that states a secondary source's number says it was reported. */
  reported: RegExp
}

const WORDS: Record<Language, RecordWords> = {
  en: {
    allowedByStatute: /\b(?:allowed|permitted|lawful|legal)\b[^.;]{0,30}?(?:U\.S\.C\.|§\s*2702|section 2702)|\b(?:under|by)\s+(?:18 U\.S\.C\.\s*)?(?:§\s*|section\s+)2702/i,
    policeMemo: /\bpolice memo\b/i,
    ringMemo: /\bRing(?:'s)? memo\b/i,
    needsConsent: /\bwould need [^.;:]*consent/i,
    exception: /\bexception/i,
    cameraCredit: /\bcamera credit\b/i,
    cameras: /\bcameras\b/i,
    reported: /\breported/i,
  },
  de: {
    allowedByStatute: /(?:erlaubt|zulässig|gestattet)[^.;]{0,30}?(?:U\.S\.C\.|§\s*2702|Paragraf 2702)|\b(?:nach|gemäß)\s+(?:18 U\.S\.C\.\s*)?(?:§\s*|Paragraf\s+)2702/i,
    policeMemo: /\bPolizei-?[Mm]emo\b/,
    ringMemo: /\bRing-Memo\b|\bMemo von Ring\b/,
    needsConsent: /(?:bräuchte|benötigte)[^.;:]*Einwilligung/i,
    exception: /Ausnahme/,
    cameraCredit: /Kamera-?[Gg]uthaben/,
    cameras: /Kameras/,
    reported: /berichte/i,
  },
}

/** What a viewer reads on a slide, the source markers' text apart. */
function shown(slide: DeckSlide, lang: Language): string {
  return visibleWords(renderSlide(slide, lang)).join(' ')
}

function markedIds(slide: DeckSlide, lang: Language): string[] {
  return [
    ...renderSlide(slide, lang).querySelectorAll('a[data-source]'),
  ].map(mark => mark.getAttribute('data-source')!)
}

/** The sentences of a slide that the audience sees or hears: its text, by line, and its notes. */
function sentences(slide: DeckSlide, lang: Language): string[] {
  return [
    slide.title,
    ...sentencesOf(shown(slide, lang)),
    ...sentencesOf(spokenText(slide.note)),
  ]
}

/** Registers the fact sheet's checkable wording rules for one edition; `deck` and `lang` are read when the tests run. */
export function recordRules(edition: () => { deck: Deck, lang: Language }): void {
  it('states no permission beside a US statute: Ring\'s standard mirrors § 2702(b)(8) (C13)', () => {
    const { deck, lang } = edition()
    const found = deck.slides.flatMap(slide => sentences(slide, lang)
      .filter(sentence => WORDS[lang].allowedByStatute.test(sentence))
      .map(sentence => `${where(deck, slide)}: "${sentence}"`))
    expect(found, found.join('\n')).toEqual([])
  })

  it('names the emergency provision, § 2702(b)(8), wherever it cites § 2702', () => {
    const { deck, lang } = edition()
    const citing = deck.slides.filter(slide => markedIds(slide, lang).includes('usc-2702'))
    expect(citing.length).toBeGreaterThan(0)
    const vague = citing.flatMap(slide => [
      ...[
        ...renderSlide(slide, lang).querySelectorAll('a[data-source="usc-2702"]'),
      ].map(mark => mark.textContent!.trim()),
      ...sentencesOf(spokenText(slide.note)).filter(sentence => sentence.includes('2702')),
    ]
      .filter(text => !text.includes('2702(b)(8)'))
      .map(text => `${where(deck, slide)}: "${text}"`))
    expect(vague, vague.join('\n')).toEqual([])
  })

  it('credits the count of over 225 agencies to a police memo, never to Ring (B3)', () => {
    const { deck, lang } = edition()
    const slides = deck.slides.filter(slide => /\b225\b/.test(shown(slide, lang)) || /\b225\b/.test(slide.note))
    expect(slides.length).toBeGreaterThan(0)
    const problems = slides.flatMap(slide => [
      [
        'slide',
        shown(slide, lang),
      ],
      [
        'notes',
        spokenText(slide.note),
      ],
    ].flatMap(([what, text]) => !WORDS[lang].policeMemo.test(text!) || WORDS[lang].ringMemo.test(text!)
      ? [`${where(deck, slide)}: its ${what} do not credit the 225 to the police memo`]
      : []))
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('draws the download credit from Ring to the police, as camera credit, and the cameras on to the residents (A5)', () => {
    const { deck, lang } = edition()
    const slide = deck.slides.find(slide => /<DealFlow\b/.test(slide.content))
    expect(slide, 'a slide with <DealFlow>').toBeDefined()
    const diagram = renderSlide(slide!, lang)
    const lifeline = (actor: string): number => Number(diagram.querySelector(`[data-actor="${actor}"] line`)!.getAttribute('x1'))
    const nearest = (x: number): string => ['ring', 'app', 'police', 'residents'].reduce((best, actor) => Math.abs(lifeline(actor) - x) < Math.abs(lifeline(best) - x)
      ? actor
      : best)
    const arrows = [
      ...diagram.querySelectorAll('[data-flow]'),
    ].map(group => ({
      label: group.querySelector('text')!.textContent!,
      from: nearest(Number(group.querySelector('line')!.getAttribute('x1'))),
      to: nearest(Number(group.querySelector('line')!.getAttribute('x2'))),
    }))
    const credit = arrows.filter(arrow => WORDS[lang].cameraCredit.test(arrow.label))
    expect(credit, 'one arrow labelled as camera credit').toHaveLength(1)
    expect(credit[0]).toMatchObject({ from: 'ring', to: 'police' })
    const after = arrows.slice(arrows.indexOf(credit[0]!) + 1)
    expect(after.some(arrow => arrow.from === 'police' && arrow.to === 'residents' && WORDS[lang].cameras.test(arrow.label)), 'the cameras then go from the police to the residents').toBe(true)
  })

  it('keeps the exception beside consent wherever a show would need consent (C11), the KUG step\'s title included', () => {
    const { deck, lang } = edition()
    const kug = deck.slides.find(slide => /<TestStep\s+id="show"/.test(slide.content))
    expect(kug, 'the KUG step\'s slide').toBeDefined()
    expect(kug!.title).toMatch(WORDS[lang].exception)
    const unhedged = deck.slides.flatMap(slide => sentences(slide, lang)
      .filter(sentence => WORDS[lang].needsConsent.test(sentence) && !WORDS[lang].exception.test(sentence))
      .map(sentence => `${where(deck, slide)}: "${sentence}"`))
    expect(unhedged, unhedged.join('\n')).toEqual([])
  })

  it('says "reported" in a title that states a number from a secondary source', () => {
    const { deck, lang } = edition()
    const unsaid = deck.slides
      .filter(slide => /\d/.test(slide.title) && markedIds(slide, lang).some(id => sourceById(id).kind === 'secondary'))
      .filter(slide => !WORDS[lang].reported.test(slide.title))
      .map(slide => where(deck, slide))
    expect(unsaid, unsaid.join('\n')).toEqual([])
  })

  it('says where the handout is on the closing slide when the deck has no address', () => {
    const { deck, lang } = edition()
    const closing = deck.slides.find(slide => /<DeckAddress\b/.test(slide.content))
    expect(closing, 'a closing slide with <DeckAddress>').toBeDefined()
    // renderSlide's deck has no `url:`, as a speaker's who forgot it.
    expect(shown(closing!, lang)).toContain(pdfFileName(deck.meta.exportFilename, 'handout', editionLanguage(deck.meta)))
  })
}
