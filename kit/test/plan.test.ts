import type { TimedSlide } from '../utils/notes.ts'
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { TYPESCRIPT_NODE_FLAGS } from '../scripts/node-flags.ts'
import { partTimeLeft, planGap } from '../utils/pace.ts'
import { talkPlan } from '../utils/plan.ts'
import { parseRehearsal, REHEARSAL_FORMAT, REHEARSAL_VERSION, RehearsalError, rehearsalTables } from '../utils/rehearsal.ts'
import { useTempDirs } from './temp-dirs.ts'

// The plan the script prints and the presenter view holds the speaker to, and
// a rehearsal set beside it. A note of N words takes N / 60 minutes at 60
// words a minute: one second a word.

function words(count: number): string {
  return Array.from({ length: count }).fill('word').join(' ')
}

const tempDir = useTempDirs()

const deck: TimedSlide[] = [
  {
    no: 1,
    title: 'Title',
    layout: 'cover',
    note: words(30),
  },
  {
    no: 2,
    title: 'Part one',
    layout: 'section',
    note: `[About 2 minutes for this part.]\n${words(20)}`,
  },
  {
    no: 3,
    title: 'Evidence',
    layout: 'default',
    note: words(100),
  },
  {
    no: 4,
    title: 'Part two',
    layout: 'section',
    note: `[About 1 minute for this part.]\n${words(10)}`,
  },
  {
    no: 5,
    title: 'More',
    layout: 'default',
    note: words(40),
  },
  {
    no: 6,
    title: 'Sources',
    layout: 'default',
    note: words(15),
    frontmatter: { appendix: true },
  },
]

describe('the talk\'s plan', () => {
  const plan = talkPlan(deck, 60)

  it('starts each slide when the notes before it have been said, and lasts as long as its own', () => {
    expect(plan.slides.map(slide => [slide.no, slide.start, slide.seconds])).toEqual([
      [1, 0, 30],
      [2, 30, 20],
      [3, 50, 100],
      [4, 150, 10],
      [5, 160, 40],
      [6, 200, 15],
    ])
  })

  it('ends each part when the minutes planned for it and the parts before it are up; the appendix is no part', () => {
    expect(plan.parts.map(part => [
      part.title,
      part.first,
      part.last,
      part.seconds,
      part.end,
    ])).toEqual([
      ['Opening', 1, 1, 30, 30],
      ['Part one', 2, 3, 120, 150],
      ['Part two', 4, 5, 60, 210],
    ])
    expect(plan.slides.map(slide => slide.part)).toEqual([0, 1, 1, 2, 2, undefined])
    expect(plan.spoken).toBe(200)
  })

  it('says the speaker is behind once past a slide\'s planned end, ahead before its planned start, on time between', () => {
    expect(planGap(plan, 3, 40)).toBe(-10)
    expect(planGap(plan, 3, 50)).toBe(0)
    expect(planGap(plan, 3, 150)).toBe(0)
    expect(planGap(plan, 3, 220)).toBe(70)
  })

  it('counts down the current part\'s plan, past zero when it runs over', () => {
    expect(partTimeLeft(plan, 3, 100)).toMatchObject({
      part: { title: 'Part one' },
      left: 50,
    })
    expect(partTimeLeft(plan, 5, 240)!.left).toBe(-30)
    expect(partTimeLeft(plan, 6, 240)).toBeUndefined()
  })
})

describe('a rehearsal', () => {
  const saved = {
    format: REHEARSAL_FORMAT,
    version: REHEARSAL_VERSION,
    title: 'A talk',
    lang: 'en',
    started: '2026-12-04T10:00:00.000Z',
    slides: [
      { no: 1, title: 'Title', seconds: 35 },
      { no: 3, title: 'Evidence', seconds: 80 },
      { no: 2, title: 'Part one', seconds: 25 },
      { no: 3, title: 'Evidence', seconds: 10 },
    ],
  }

  it('is read back with every visit to a slide added up, beside the plan per part and per slide', () => {
    const rehearsal = parseRehearsal(JSON.stringify(saved), 'rehearsal.json', deck.length)
    const tables = rehearsalTables(talkPlan(deck, 60), rehearsal)
    expect(tables.parts).toContain('| Opening | 1–1 | 0:30 | 0:30 | 0:35 | +0:05 |')
    expect(tables.parts).toContain('| Part one | 2–3 | 2:00 | 2:00 | 1:55 | −0:05 |')
    // A part the rehearsal never reached shows no time, not a time of zero.
    expect(tables.parts).toContain('| Part two | 4–5 | 1:00 | 0:50 | – | – |')
    expect(tables.slides).toContain('| 3 | Evidence | 0:50 | 1:40 | 1:30 | −0:10 |')
  })

  it('names the file and what is wrong when it cannot be read', () => {
    const parse = (value: unknown, slides = deck.length): unknown => parseRehearsal(typeof value === 'string'
      ? value
      : JSON.stringify(value), 'talk.json', slides)
    expect(() => parse('{')).toThrow(/talk\.json is not JSON/)
    expect(() => parse({ slides: [] })).toThrow(RehearsalError)
    expect(() => parse({ ...saved, version: 9 })).toThrow(/version 9/)
    expect(() => parse({
      ...saved,
      slides: [
        { no: 1, seconds: -1 },
      ],
    })).toThrow(/entry 1/)
    expect(() => parse(saved, 2)).toThrow(/slide 3 is not in the deck, which has 2 slides/)
  })

  it('is set beside the plan by cli/timing.ts, which warns when the deck changed since', async () => {
    const file = path.join(await tempDir('rehearsal-'), 'rehearsal.json')
    await writeFile(file, JSON.stringify({
      ...saved,
      slides: [
        { no: 1, title: 'Another title', seconds: 61 },
      ],
    }))
    const run = spawnSync(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      'kit/cli/timing.ts',
      '--rehearsal',
      file,
      '--slides',
    ], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/\| Opening \| 1–3 \| 2:00 \| \d:\d\d \| 1:01 \| −0:59 \|/)
    expect(run.stdout).toMatch(/\| 1 \| .+ \| 0:00 \| \d:\d\d \| 1:01 \|/)
    expect(run.stderr).toContain('slide 1: "Another title" when rehearsed')
    await writeFile(file, '{"format": "something else"}')
    const refused = spawnSync(process.execPath, [
      ...TYPESCRIPT_NODE_FLAGS,
      'kit/cli/timing.ts',
      '--rehearsal',
      file,
    ], { encoding: 'utf8' })
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(`${file} is not a rehearsal saved by the presenter view`)
  })
})
