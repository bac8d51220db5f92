import type { PreparserSetup, SlideInfo, SlidevConfig, SourceSlideInfo } from '@slidev/types'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { injectPreparserExtensionLoader, load, resolveConfig } from '@slidev/parser/fs'
import { YAMLParseError } from 'yaml'
import { exportName } from '../outputs.ts'
import addonPreparser from '../setup/preparser.ts'
import { shownTitle, slideTitle } from '../slide-title.ts'
import { opensPart } from '../utils/parts.ts'

/** Paper the paper-shaped PDFs are printed on. */
export type Paper = 'a4' | 'letter'

export const PAPERS: readonly Paper[] = ['a4', 'letter']

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
  paper: Paper
  /** The same talk in other languages: language code → entry file, relative to this deck's folder. */
  translations: Record<string, string>
  /** In a translation: the original's entry file, relative to this deck's folder. */
  translationOf?: string
  /** The deck's source registry module, relative to its folder (scripts/sources.ts says what it exports). */
  sourceRegistry?: string
}

/** Slidev's settings the export follows, as Slidev itself resolves them. */
export interface DeckConfig {
  canvasWidth: number
  aspectRatio: number
  routerMode: SlidevConfig['routerMode']
  /** The addons its headmatter names (its package.json may name more). */
  addons: string[]
}

export interface DeckSlide {
  /** 1-based slide number, as in Slidev's URLs (hidden slides are not counted). */
  no: number
  note: string
  layout: string
  /**
   * The slide's heading as it shows it: no Markdown, no tags; once the
   * export has drawn the slides, with its components' text (slide-title.ts).
   */
  title: string
  /** The heading as the slide's Markdown writes it. */
  titleSource: string
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
  config: DeckConfig
  slides: DeckSlide[]
}

export class DeckError extends Error {
  override name = 'DeckError'
}

// Slidev runs the `setup/preparser.ts` of the kit's addon and of the deck's
// own folder on a deck's Markdown before it parses it; the kit reads a deck
// the same way, so that it sees what Slidev builds (a translation's inherited
// headmatter among it).
injectPreparserExtensionLoader(async (_roots, headmatter, filepath, mode) => {
  const deckPreparser = path.join(path.dirname(filepath), 'setup', 'preparser.ts')
  const setups = [
    addonPreparser,
    ...existsSync(deckPreparser)
      ? [(await import(pathToFileURL(deckPreparser).href) as { default: PreparserSetup }).default]
      : [],
  ]
  return (await Promise.all(setups.map(setup => setup({ filepath, headmatter, mode })))).flat()
})

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

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file
}

function toDeckSlides(slides: SlideInfo[]): DeckSlide[] {
  let part: string | undefined
  return slides.map((slide, index) => {
    const layout = text(slide.frontmatter.layout) || (index === 0
      ? 'cover'
      : 'default')
    const titleSource = text(slide.title)
    const title = slideTitle(titleSource)
    if (opensPart({ layout }))
      part = title
    return {
      no: index + 1,
      title,
      titleSource,
      note: text(slide.note),
      layout,
      part,
      content: slide.content,
      file: slide.source.filepath,
      frontmatter: slide.frontmatter,
    }
  })
}

/**
 * Names each slide as its rendered headings show it (slide-title.ts), and
 * each part as its divider then reads: the export learns the headings only
 * once the browser has drawn the slides, so it retitles the deck in place.
 */
export function titleAsShown(slides: DeckSlide[], headings: ReadonlyMap<number, readonly string[]>): void {
  let part: string | undefined
  for (const slide of slides) {
    slide.title = shownTitle(slide.titleSource, headings.get(slide.no) ?? [])
    if (opensPart(slide))
      part = slide.title
    slide.part = part
  }
}

/**
 * The theme's defaults from its package.json, as Slidev reads them (a theme
 * may set fonts, canvas or colour schema). A theme the deck's folder cannot
 * resolve adds none: `slidev build` then fails naming it.
 */
function themeDefaults(theme: unknown, root: string): Record<string, unknown> {
  const name = text(theme) || 'default'
  if (name === 'none')
    return {}
  const require = createRequire(path.join(root, 'package.json'))
  const candidates = name.startsWith('.') || name.startsWith('/')
    ? [
        path.resolve(root, name, 'package.json'),
      ]
    : [`@slidev/theme-${name}`, `slidev-theme-${name}`, name].map(pkg => `${pkg}/package.json`)
  for (const candidate of candidates) {
    try {
      return JSON.parse(readFileSync(require.resolve(candidate), 'utf8')).slidev ?? {}
    }
    catch {}
  }
  return {}
}

/** "file:line:column: what is wrong" for a frontmatter block, opening on line `start`, that YAML could not read. */
function yamlProblem(file: string, start: number, error: YAMLParseError): string {
  const { line = 1, col = 1 } = error.linePos?.[0] ?? {}
  // The YAML starts on the line after the opening `---`.
  const fileLine = start + 1 + line
  const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  return `${relative(file)}:${fileLine}:${col}: the frontmatter is not valid YAML: ${what}`
}

/** One line for each frontmatter block YAML could not read. */
function yamlProblems(sources: SourceSlideInfo[]): string[] {
  return sources.flatMap(source => (source.frontmatterDoc?.errors ?? []).map(error => yamlProblem(source.filepath, source.start, error)))
}

const REMOTE = /^(?:[a-z][a-z\d+.-]*:)?\/\//i
// Tags that load what their src or href names (anchors only link, so they are
// not here), also when a slide renders one as a dynamic component: Vue
// refuses a <script> tag in a slide, but `<component is="script" src>` runs.
const LOADING_ELEMENTS = 'img|script|link|iframe|video|audio|source|embed|object'
const LOADING_TAG = new RegExp(`<(?:${LOADING_ELEMENTS}|component(?=[^>]*\\sis\\s*=\\s*["'](?:${LOADING_ELEMENTS})["']))\\b[^>]*?\\s(?:src|href|data)\\s*=\\s*["']([^"']+)["']`, 'gi')
const FENCE = /^\s*(`{3,}|~{3,})/

/** Markdown without its code, fenced or inline: an address or a tag in a code sample loads nothing. */
function withoutCode(markdown: string): string {
  return withoutCodeBlocks(markdown).replace(/(`+)[^`]+\1/g, '')
}

function withoutCodeBlocks(markdown: string): string {
  let fence: string | undefined
  return markdown.split('\n').filter((line) => {
    const marker = FENCE.exec(line)?.[1]
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker
      return false
    }
    return !fence
  }).join('\n')
}

/**
 * Everything a deck would fetch from another host, found before anything is
 * built: Slidev's default favicon, web fonts, and remote images, frames,
 * scripts and styles on the slides. Each line names what to change and where.
 */
function remoteLoads(config: SlidevConfig, slides: SlideInfo[], entry: string): string[] {
  const problems: string[] = []
  if (REMOTE.test(config.favicon ?? ''))
    problems.push(`${relative(entry)}: the favicon is loaded from ${config.favicon}. Set \`favicon:\` in the headmatter to a file of the deck, e.g. \`favicon: /favicon.svg\` with the file in public/.`)
  if (config.fonts.provider !== 'none' && config.fonts.webfonts.length)
    problems.push(`${relative(entry)}: the fonts ${config.fonts.webfonts.join(', ')} are loaded from ${config.fonts.provider}. Set \`fonts: { provider: none }\` in the headmatter and ship the fonts with the deck (an npm font package imported in styles/).`)
  for (const [index, slide] of slides.entries()) {
    const where = `${relative(slide.source.filepath)}, slide ${index + 1}${slide.title
      ? ` "${slide.title}"`
      : ''}`
    const content = withoutCode(slide.source.content)
    const addresses = new Set([
      // Slidev's parser lists images in code samples too.
      ...(slide.source.images ?? []).filter(image => content.includes(image)),
      ...[
        ...content.matchAll(LOADING_TAG),
      ].map(match => match[1]!),
      ...['image', 'background', 'backgroundImage'].map(key => text(slide.frontmatter[key])),
      // The iframe layouts load their `url:`; in the headmatter, `url:` is the deck's own address.
      ...(text(slide.frontmatter.layout).startsWith('iframe')
        ? [
            text(slide.frontmatter.url),
          ]
        : []),
    ].filter(address => REMOTE.test(address)))
    for (const address of addresses)
      problems.push(`${where}: loads ${address} from another host. Copy it into public/ and refer to it by its path there.`)
  }
  return problems
}

// What a stylesheet fetches: url(…) and @import "…".
const STYLE_LOAD = /url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)/g
// The deck's own files Slidev builds besides its Markdown (https://sli.dev/custom/directory-structure).
const DECK_CODE_FOLDERS = [
  'components',
  'layouts',
  'styles',
  'setup',
]
const DECK_CODE = /\.(?:vue|css|scss|sass|less|styl|postcss|ts|js|html)$/

/** The deck's components, layouts, styles and setup files, and its index.html, style.css and global layers. */
function deckCodeFiles(root: string): string[] {
  const files = readdirSync(root, { withFileTypes: true })
    .filter(entry => entry.isFile() && /^(?:index\.html|style\.css|[\w-]+\.vue)$/.test(entry.name))
    .map(entry => path.join(root, entry.name))
  for (const folder of DECK_CODE_FOLDERS.map(name => path.join(root, name)).filter(existsSync)) {
    files.push(...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile() && DECK_CODE.test(entry.name))
      .map(entry => path.join(entry.parentPath, entry.name)))
  }
  return files
}

/** The slides that use a component or a layout file of the deck, by its name. */
function slidesUsing(file: string, root: string, slides: SlideInfo[]): number[] {
  const name = path.basename(file, path.extname(file))
  const folder = path.relative(root, path.dirname(file)).split(path.sep)[0]
  if (folder === 'layouts') {
    return slides.flatMap((slide, index) => text(slide.frontmatter.layout) === name
      ? [index + 1]
      : [])
  }
  if (folder !== 'components')
    return []
  const kebab = name.replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase()
  const tag = new RegExp(`<(?:${name}|${kebab})[\\s/>]`)
  return slides.flatMap((slide, index) => tag.test(slide.source.content)
    ? [index + 1]
    : [])
}

/**
 * What the deck's own code would fetch from another host: an image, script,
 * frame or stylesheet in a component, a layout or index.html, a font or
 * image in a stylesheet. Each line names the file, the slides that show it
 * where it belongs to some, and the address.
 */
function remoteCodeLoads(root: string, slides: SlideInfo[]): string[] {
  return deckCodeFiles(root).flatMap((file) => {
    const source = readFileSync(file, 'utf8')
    const addresses = new Set([
      ...source.matchAll(LOADING_TAG),
      ...source.matchAll(STYLE_LOAD),
    ].map(match => match[1] ?? match[2] ?? '').filter(address => REMOTE.test(address)))
    if (!addresses.size)
      return []
    const shown = slidesUsing(file, root, slides)
    const where = `${relative(file)}${shown.length
      ? ` (on slide${shown.length > 1
        ? 's'
        : ''} ${shown.map(no => `${no}${slides[no - 1]!.title
        ? ` "${slideTitle(slides[no - 1]!.title)}"`
        : ''}`).join(', ')})`
      : ''}`
    return [...addresses].map(address => `${where}: loads ${address} from another host. Copy it into public/ and refer to it by its path there.`)
  })
}

/** The headmatter's `translations:` (`de: ./slides.de.md`), checked: a language code to a Markdown file. */
function translationsOf(value: unknown, entry: string): Record<string, string> {
  if (value == null)
    return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw new DeckError(`${relative(entry)}: \`translations:\` must map language codes to entry files, e.g. \`translations: { de: ./slides.de.md }\`.`)
  return Object.fromEntries(Object.entries(value).map(([lang, file]) => {
    if (!/^[a-z]{2,3}(?:-[A-Z]{2})?$/.test(lang) || typeof file !== 'string' || !file.endsWith('.md'))
      throw new DeckError(`${relative(entry)}: \`translations: { ${lang}: ${String(file)} }\` must map a language code to a Markdown file.`)
    return [lang, file]
  }))
}

// <DeckAddress> with an address of its own (`url="https://…"`) needs none from the headmatter.
const DECK_ADDRESS = /<DeckAddress\b(?![^>]*\surl\s*=)[^>]*>/

/**
 * One line for each slide whose `<DeckAddress>` has no address to show
 * because the headmatter sets no `url:`: the room gets no QR code, and the
 * speaker should learn it before the talk, not on stage.
 */
export function missingAddresses(deck: Deck): string[] {
  if (deck.meta.url)
    return []
  // A translation takes `url:` from its original's headmatter.
  const headmatter = relative(deck.meta.translationOf
    ? path.resolve(deck.root, deck.meta.translationOf)
    : deck.entry)
  return deck.slides
    .filter(slide => DECK_ADDRESS.test(slide.content))
    .map(slide => `${relative(slide.file)}, slide ${slide.no} "${slide.title}": <DeckAddress> has no address to show, as the headmatter of ${headmatter} sets no \`url:\`. Set it to the deck's public address, and the slide shows it with a QR code.`)
}

/**
 * Reads a deck with Slidev's own parser and resolves its settings as Slidev
 * does; fails on anything that would make a build fail or reach the network.
 */
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
    // With a preparser loader (the kit's, above), Slidev reads the entry's headmatter strictly before anything else.
    if (error instanceof YAMLParseError)
      throw new DeckError(`The deck has errors:\n  ${yamlProblem(entryPath, 0, error)}`)
    throw new DeckError(`${relative(entryPath)}: ${(error as Error).message}`)
  }
  const sources = Object.values(data.markdownFiles).flatMap(markdown => markdown.slides)
  const problems = [
    ...yamlProblems(sources),
    ...Object.entries(data.markdownFiles).flatMap(([file, markdown]) =>
      (markdown.errors ?? []).map(({ row, message }) => `${relative(file)}:${row + 1}: ${message}`)),
  ]
  if (problems.length)
    throw new DeckError(`The deck has errors:\n  ${problems.join('\n  ')}`)

  const head = data.headmatter
  const config = resolveConfig(head, themeDefaults(head.theme, root), entryPath)
  const remote = [
    ...remoteLoads(config, data.slides, entryPath),
    ...remoteCodeLoads(root, data.slides),
  ]
  if (remote.length)
    throw new DeckError(`The deck loads from other hosts; the kit prints offline and its site loads nothing from elsewhere:\n  ${remote.join('\n  ')}`)

  const title = text(head.title)
  if (!title)
    throw new DeckError(`${relative(entryPath)}: the headmatter has no title.`)
  const paper = text(head.paper).toLowerCase() || 'a4'
  if (!PAPERS.includes(paper as Paper))
    throw new DeckError(`${relative(entryPath)}: \`paper: ${text(head.paper)}\` is not a paper the kit prints on; use ${PAPERS.join(' or ')}.`)
  const meta: DeckMeta = {
    title,
    author: text(head.author),
    event: text(head.event),
    eventDate: text(head.eventDate),
    info: text(head.info),
    keywords: keywordList(head.keywords),
    exportFilename: exportName(head.exportFilename),
    lang: text(head.lang) || text(config.htmlAttrs?.lang) || 'en',
    url: text(head.url) || undefined,
    paper: paper as Paper,
    translations: translationsOf(head.translations, entryPath),
    translationOf: text(head.translationOf) || undefined,
    sourceRegistry: text(head.sourceRegistry) || undefined,
  }
  return {
    root,
    entry: entryPath,
    meta,
    config: {
      canvasWidth: config.canvasWidth,
      aspectRatio: config.aspectRatio,
      routerMode: config.routerMode,
      addons: config.addons ?? [],
    },
    slides: toDeckSlides(data.slides),
  }
}
