import type { SlideInfo } from '@slidev/types'
import path from 'node:path'
import process from 'node:process'
import { load } from '@slidev/parser/fs'
import { exportName } from '../addon/outputs.ts'

/** Headmatter fields the kit reads; presenter, event and date are set once there. */
export interface DeckMeta {
  title: string
  author: string
  event: string
  eventDate: string
  info: string
  keywords: string[]
  exportFilename: string
  lang: string
  /** Public address of the hosted deck, when the speaker has one. */
  url?: string
}

export interface DeckSlide {
  /** 1-based slide number, as in Slidev's URLs. */
  no: number
  title: string
  note: string
  layout: string
  /** Title of the part (section slide) this slide belongs to, if any. */
  part?: string
  /** The slide's Markdown, without frontmatter and notes. */
  content: string
  file: string
  frontmatter: Record<string, unknown>
}

export interface Deck {
  root: string
  entry: string
  meta: DeckMeta
  slides: DeckSlide[]
}

export class DeckError extends Error {
  override name = 'DeckError'
}

const SECTION_LAYOUT = 'section'

function text(value: unknown): string {
  return typeof value === 'string'
    ? value.trim()
    : value == null
      ? ''
      : String(value)
}

function keywordList(value: unknown): string[] {
  const list = Array.isArray(value)
    ? value
    : text(value).split(',')
  return list.map(text).filter(Boolean)
}

function toDeckSlides(slides: SlideInfo[]): DeckSlide[] {
  let part: string | undefined
  return slides.map((slide) => {
    const layout = text(slide.frontmatter.layout) || (slide.index === 0
      ? 'cover'
      : 'default')
    const title = text(slide.title)
    if (layout === SECTION_LAYOUT)
      part = title
    return {
      no: slide.index + 1,
      title,
      note: text(slide.note),
      layout,
      part,
      content: slide.content,
      file: slide.source.filepath,
      frontmatter: slide.frontmatter,
    }
  })
}

/** Reads a deck with Slidev's own parser and fails on any file it could not read. */
export async function loadDeck(entry: string): Promise<Deck> {
  const entryPath = path.resolve(entry)
  const root = path.dirname(entryPath)
  let data
  try {
    data = await load({
      roots: [root],
      userRoot: root,
    }, entryPath)
  }
  catch (error) {
    throw new DeckError(`${path.relative(process.cwd(), entryPath)}: ${(error as Error).message}`)
  }
  const problems = Object.entries(data.markdownFiles).flatMap(([file, markdown]) =>
    (markdown.errors ?? []).map(({ row, message }) => `${path.relative(process.cwd(), file)}:${row + 1}: ${message}`))
  if (problems.length)
    throw new DeckError(`The deck has errors:\n  ${problems.join('\n  ')}`)

  const head = data.headmatter
  const title = text(head.title)
  if (!title)
    throw new DeckError(`${path.relative(process.cwd(), entryPath)}: the headmatter has no title.`)
  const meta: DeckMeta = {
    title,
    author: text(head.author),
    event: text(head.event),
    eventDate: text(head.eventDate),
    info: text(head.info),
    keywords: keywordList(head.keywords),
    exportFilename: exportName(head.exportFilename),
    lang: text((head.htmlAttrs as Record<string, unknown> | undefined)?.lang) || 'en',
    url: text(head.url) || undefined,
  }
  return {
    root,
    entry: entryPath,
    meta,
    slides: toDeckSlides(data.slides),
  }
}
