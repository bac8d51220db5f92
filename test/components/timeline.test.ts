// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import Timeline from '../../components/Timeline.vue'
import { yearOf } from '../../data/dates.ts'
import { eventsBetween, timeline } from '../../data/timeline.ts'
import { de } from '../../kit/i18n/de.ts'
import { en } from '../../kit/i18n/en.ts'
import { phrasesText } from '../../kit/utils/labels.ts'
import { inDeck } from './deck-language.ts'

function facts(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('[data-fact]').map(item => item.attributes('data-fact')!)
}

describe('timeline data', () => {
  it('runs from the article\'s year to 2026, in date order', () => {
    // By month: a date known only to the month has no place among that month's days.
    const months = timeline.map(event => event.date.slice(0, 7))
    expect(months).toEqual([...months].sort())
    expect(yearOf(timeline[0].date)).toBe(2019)
    expect(Number(timeline.at(-1)!.end!.slice(0, 4))).toBe(2026)
  })
})

describe('timeline', () => {
  it('shows every event by default, each with its label, date and source', () => {
    const wrapper = mount(Timeline)
    expect(facts(wrapper)).toEqual(timeline.map(event => event.fact))
    for (const event of timeline) {
      const item = wrapper.get(`[data-fact="${event.fact}"]`)
      expect(item.text()).toContain(phrasesText(event.label.en, en))
      expect(item.text()).toContain(event.date.slice(0, 4))
      expect(item.get('a[data-source]').attributes('data-source')).toBe(event.sourceId)
    }
  })

  it('in the German edition: German labels and months, the English product name marked as English', () => {
    const wrapper = mount(Timeline, inDeck('de'))
    for (const event of timeline)
      expect(wrapper.get(`[data-fact="${event.fact}"]`).text()).toContain(phrasesText(event.label.de, de))
    expect(wrapper.text()).toContain('Okt.\u00A02025 – Feb.\u00A02026')
    expect(wrapper.get('[data-fact="B15"] [lang="en"]').text()).toBe('„Community Requests“')
  })

  it('keeps only the years from `from` to `to`', () => {
    const early = mount(Timeline, {
      props: { from: 2019, to: 2023 },
    })
    const late = mount(Timeline, {
      props: { from: 2024, to: 2026 },
    })
    expect(facts(early)).toEqual(eventsBetween(timeline, 2019, 2023).map(event => event.fact))
    expect(facts(late)).toEqual(eventsBetween(timeline, 2024, 2026).map(event => event.fact))
    for (const event of eventsBetween(timeline, 2019, 2023))
      expect(yearOf(event.date)).toBeLessThanOrEqual(2023)
    // Two halves cover the whole timeline, each event once.
    expect([
      ...facts(early),
      ...facts(late),
    ]).toEqual(timeline.map(event => event.fact))
  })

  it('takes `from` or `to` alone', () => {
    expect(facts(mount(Timeline, {
      props: { from: 2024 },
    }))).toEqual(eventsBetween(timeline, 2024, 9999).map(event => event.fact))
    expect(facts(mount(Timeline, {
      props: { to: 2019 },
    }))).toEqual(['B6'])
  })

  it('draws the year axis for a few events and a list for many', () => {
    expect(mount(Timeline).classes()).toContain('talk-timeline--axis')
    const many = [
      ...timeline,
      ...timeline.map(event => ({ ...event, fact: `${event.fact}-again` })),
    ]
    expect(mount(Timeline, {
      props: { events: many },
    }).classes()).toContain('talk-timeline--list')
    expect(mount(Timeline, {
      props: { events: many, layout: 'axis' },
    }).classes()).toContain('talk-timeline--axis')
  })

  it('gives every label on the axis the same width, centred on its event', () => {
    const wrapper = mount(Timeline)
    const count = timeline.length
    expect(wrapper.attributes('style')).toContain(`repeat(${2 * (count + 1)},`)
    const events = wrapper.findAll('.talk-timeline-event')
    const stems = wrapper.findAll('.talk-timeline-stem')
    expect(events).toHaveLength(count)
    events.forEach((event, index) => {
      // Four columns from line 2i + 1: centred on line 2i + 3, where the stem is.
      expect(event.attributes('style')).toContain(`grid-column: ${2 * index + 1} / span 4`)
      expect(stems[index].attributes('style')).toContain(`grid-column: ${2 * index + 2} / span 2`)
    })
  })

  it('shows each year of the axis once', () => {
    const years = mount(Timeline).findAll('.talk-timeline-year').map(year => year.text())
    expect(years).toEqual([
      ...new Set(timeline.map(event => String(yearOf(event.date)))),
    ])
  })

  it('renders nothing but an empty list for a range without events', () => {
    expect(mount(Timeline, {
      props: { from: 2010, to: 2011 },
    }).findAll('[data-fact]')).toHaveLength(0)
  })
})
