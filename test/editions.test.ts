// @vitest-environment happy-dom
import type { Deck, DeckSlide } from '../kit/scripts/deck.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { LABELS } from '../kit/i18n/index.ts'
import { loadDeck, missingAddresses } from '../kit/scripts/deck.ts'
import { citedIds } from './citations.ts'
import { describeDeckRules, durationOf, ROOT } from './deck-rules.ts'
import { englishFurniture, labelTexts, matchesWords, SHARED_LABELS, vocabulary } from './labels.ts'
import { renderSlide, shownText } from './rendered-slide.ts'

// The German edition is the same talk as the English one: the same slides in
// the same order, the same parts, components, data and sources, the same
// settings; only the words differ. Each edition keeps the brief's rules on its
// own (deck-rules.ts), the German one timed at 110 words a minute.

const ENGLISH = 'slides.md'
const GERMAN = 'slides.de.md'

describeDeckRules(GERMAN)

// The kit's components and Slidev's <Link>, as slides use them in Markdown.
const COMPONENT_NAMES = new Set([
  ...Object.keys(import.meta.glob('../components/*.vue')),
  ...Object.keys(import.meta.glob('../kit/components/*.vue')),
].map(file => path.basename(file, '.vue')).concat('Link'))

/** The headmatter fields an edition words in its own language or that link the editions; everything else is set once, in the original. */
const OWN_FIELDS = [
  'translationOf',
  'lang',
  'htmlAttrs',
  'title',
  'info',
  'keywords',
]

/** Each component a slide's Markdown uses, in order, with its props as written. */
function componentsOf(slide: DeckSlide): { name: string, props: Record<string, string> }[] {
  return [
    ...slide.content.matchAll(/<([A-Z]\w*)\b((?:[^>"]|"[^"]*")*?)\/?>/g),
  ]
    .filter(match => COMPONENT_NAMES.has(match[1]!))
    .map(match => ({
      name: match[1]!,
      props: Object.fromEntries([
        ...match[2]!.matchAll(/([:@\w-]+)(?:="([^"]*)")?/g),
      ].map(prop => [prop[1]!, prop[2] ?? ''])),
    }))
}

/** What a slide is, apart from its words: its layout and the frontmatter that places it in the talk. */
function shapeOf(slide: DeckSlide): Record<string, unknown> {
  return {
    layout: slide.layout,
    part: slide.frontmatter.part,
    routeAlias: slide.frontmatter.routeAlias,
    class: slide.frontmatter.class,
  }
}

let english: Deck
let german: Deck

beforeAll(async () => {
  english = await loadDeck(path.join(ROOT, ENGLISH))
  german = await loadDeck(path.join(ROOT, GERMAN))
})

/** One line per slide on which `of` gives the two editions different answers. */
function differences(of: (slide: DeckSlide) => unknown): string[] {
  return english.slides.flatMap((slide, index) => {
    const other = german.slides[index]
    const mine = JSON.stringify(of(slide))
    const theirs = JSON.stringify(other && of(other))
    return mine === theirs
      ? []
      : [`slide ${slide.no} "${slide.title}" / "${other?.title}": ${mine} ≠ ${theirs}`]
  })
}

describe('the German edition beside the English one', () => {
  it('is the entry\'s translation into German', () => {
    expect(english.meta.translations).toEqual({ de: `./${GERMAN}` })
    expect(german.meta.translationOf).toBe(`./${ENGLISH}`)
    expect(german.meta.lang).toBe('de')
    expect(german.slides[0]!.frontmatter.htmlAttrs).toEqual({ lang: 'de' })
  })

  it('has the same slides in the same order: layouts, parts and the agenda\'s link targets', () => {
    expect(german.slides.length).toBe(english.slides.length)
    expect(differences(shapeOf)).toEqual([])
    expect(german.slides.map(slide => slide.part === undefined)).toEqual(english.slides.map(slide => slide.part === undefined))
  })

  it('shows the same components with the same props on every slide', () => {
    expect(english.slides.flatMap(componentsOf).length).toBeGreaterThan(0)
    expect(differences(componentsOf)).toEqual([])
  })

  it('cites the same sources on every slide, in the same order', () => {
    expect(differences(citedIds)).toEqual([])
  })

  it('sets presenter, event, date and every setting once, in the English headmatter, and takes them from there', () => {
    const raw = YAML.parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(ROOT, GERMAN), 'utf8'))![1]!) as Record<string, unknown>
    expect(Object.keys(raw).filter(key => !OWN_FIELDS.includes(key))).toEqual([])
    for (const field of [
      'author',
      'event',
      'eventDate',
      'url',
      'paper',
      'exportFilename',
    ] as const)
      expect(german.meta[field], field).toEqual(english.meta[field])
    expect(durationOf(german)).toBe(durationOf(english))
    expect(german.config).toEqual(english.config)
    for (const key of [
      'duration',
      'timer',
      'fonts',
      'routerMode',
      'colorSchema',
      'canvasWidth',
      'aspectRatio',
    ])
      expect(german.slides[0]!.frontmatter[key], key).toEqual(english.slides[0]!.frontmatter[key])
  })

  it('sends a speaker who forgot `url:` to the English headmatter, where it is set for both editions', () => {
    expect(german.meta.url, 'the talk as shipped sets no url: (README says to set it)').toBeUndefined()
    const [warning, ...rest] = missingAddresses(german)
    expect(rest).toEqual([])
    expect(warning).toMatch(/^pages\/de\/close\.md, slide \d+ ".+": <DeckAddress> has no address to show, as the headmatter of slides\.md sets no `url:`/)
  })

  it('words its own title, abstract and keywords in German', () => {
    expect(german.meta.title).not.toBe(english.meta.title)
    expect(german.meta.info).not.toBe(english.meta.info)
    expect(german.meta.keywords).not.toEqual(english.meta.keywords)
  })

  it('shows no English furniture: no English label on a German slide, outside text marked as English', () => {
    const furniture = englishFurniture()
    expect(furniture).toEqual(expect.arrayContaining([
      'reported by',
      'Verdict',
      'The record',
      'Slide',
      'Page',
      'over',
    ]))
    const found = german.slides.flatMap((slide) => {
      // Source titles and quoted terms in English carry lang="en"; addresses are addresses.
      const text = shownText(renderSlide(slide, 'de'), '[lang="en"], .talk-sources-url')
      return furniture
        .filter(words => matchesWords(text, words))
        .map(words => `slide ${slide.no} "${slide.title}": "${words}"`)
    })
    expect(found, found.join('\n')).toEqual([])
  })
})

describe('the labels', () => {
  it('give every key in both languages', () => {
    expect(Object.keys(labelTexts(vocabulary('de'))).sort()).toEqual(Object.keys(labelTexts(vocabulary('en'))).sort())
  })

  it('word every German label in German: none is the English one, but for what both languages write alike', () => {
    const english = labelTexts(vocabulary('en'))
    const same = Object.entries(labelTexts(vocabulary('de')))
      .filter(([key, text]) => text === english[key] && !SHARED_LABELS.has(key))
      .map(([key, text]) => `${key}: "${text}"`)
    expect(same, same.join('\n')).toEqual([])
  })

  it('write German dates, numbers, quotation marks and furniture', () => {
    const { de } = LABELS
    expect(de.date(2, de.months[7]!, '2019')).toBe('2. August 2019')
    expect(de.monthYear(de.monthsShort[7]!, '2019')).toBe('Aug. 2019')
    expect(de.number(2014)).toBe('2.014')
    expect(de.quote('Amazon sponsert die Polizei')).toBe('„Amazon sponsert die Polizei“')
    expect(de.slide(3)).toBe('Folie 3')
    expect(de.pageOf('4', '17')).toBe('Seite 4 von 17')
    expect(de.clock(65)).toBe('1:05')
    expect([de.paper.sources, de.paper.allSources, de.paper.howToCite]).toEqual(['Quellen', 'Alle Quellen', 'So zitieren Sie diesen Vortrag'])
  })
})
