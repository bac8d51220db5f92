import type { Plugin } from 'vite'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'

/** The colour emoji font the kit serves to screens (OFL-1.1), as Fontsource splits it into subsets by Unicode range. */
export const EMOJI_FONT_PACKAGE = '@fontsource/noto-color-emoji'
/**
 * Its outline twin, served to the print view: Chromium writes the colour
 * font's glyphs (COLR layers) into a PDF as the empty outlines beneath
 * them, which every PDF reader shows as nothing; these print as vectors.
 */
export const PRINT_EMOJI_FONT_PACKAGE = '@fontsource/noto-emoji'
/** The family it is served as: the name Slidev's default sans-serif stack ends with, after the deck's own fonts. */
export const EMOJI_FONT_FAMILY = 'Noto Color Emoji'
export const EMOJI_FONT_MODULE = 'virtual:talk-kit/emoji-font'

/** One subset of the font: its woff2 file and the code points it covers. */
export interface EmojiSubset {
  file: string
  unicodeRange: string
  ranges: [number, number][]
}

/** The subsets of an installed font package, read from its stylesheet; none when it is not installed. */
export function emojiSubsets(fontPackage: string, from: string = import.meta.dirname): EmojiSubset[] {
  let stylesheet: string
  try {
    stylesheet = createRequire(path.join(from, 'package.json')).resolve(`${fontPackage}/index.css`)
  }
  catch {
    return []
  }
  const css = readFileSync(stylesheet, 'utf8')
  const directory = path.dirname(stylesheet)
  return [
    ...css.matchAll(/url\(\.\/(files\/[\w-]+\.woff2)\)[^;]*;\s*unicode-range:([^;]+);/g),
  ].map(([, file, unicodeRange]) => ({
    file: path.join(directory, file!),
    unicodeRange: unicodeRange!.trim(),
    ranges: unicodeRange!.split(',').map((range) => {
      const [start, end = start] = range.trim().replace(/^U\+/i, '').split('-').map(hex => Number.parseInt(hex!, 16))
      return [start!, end!] as [number, number]
    }),
  }))
}

// Pictographs a text font does not draw in colour; below U+2190 (©, ®, ‼, ™ …) text fonts have their own.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/gu
const FIRST_EMOJI = 0x2190
// Where a deck's text lives: its Markdown and its Vue files, not its dependencies, outputs or tests.
const DECK_FOLDERS = [
  'pages',
  'components',
  'layouts',
  'setup',
  'snippets',
]

function deckFiles(root: string): string[] {
  const files = readdirSync(root, { withFileTypes: true })
    .filter(entry => entry.isFile() && /\.(?:md|vue)$/.test(entry.name))
    .map(entry => path.join(root, entry.name))
  for (const folder of DECK_FOLDERS.map(name => path.join(root, name)).filter(existsSync)) {
    files.push(...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile() && /\.(?:md|vue|ts)$/.test(entry.name))
      .map(entry => path.join(entry.parentPath, entry.name)))
  }
  return files
}

/** The emoji a deck's files hold, by code point. */
export function deckEmoji(root: string): Set<number> {
  const found = new Set<number>()
  for (const file of deckFiles(root)) {
    for (const [emoji] of readFileSync(file, 'utf8').matchAll(EMOJI)) {
      const point = emoji.codePointAt(0)!
      if (point >= FIRST_EMOJI)
        found.add(point)
    }
  }
  return found
}

/** The subsets of a font package that hold one of these code points. */
function subsetsFor(fontPackage: string, used: number[]): EmojiSubset[] {
  return emojiSubsets(fontPackage).filter(({ ranges }) => used.some(point => ranges.some(([start, end]) => point >= start && point <= end)))
}

/**
 * Serves an emoji font to every deck built with the kit, offline: only the
 * subsets holding an emoji the deck's files use go into the site, each
 * loaded by the browser only once a page shows one of its characters. The
 * font joins the page as "Noto Color Emoji", the last name of Slidev's
 * sans-serif stack, so it draws only what the deck's own fonts and the
 * generic sans-serif cannot: in colour on screens, in outline in the print
 * view (so in every PDF). Without the packages installed it serves nothing,
 * and the export's page check names the emoji no font draws.
 */
export function emojiFont(): Plugin {
  let root = process.cwd()
  return {
    name: 'talk-kit:emoji-font',
    configResolved(config) {
      root = config.root
    },
    resolveId: id => id === EMOJI_FONT_MODULE
      ? `\0${EMOJI_FONT_MODULE}`
      : undefined,
    load(id) {
      if (id !== `\0${EMOJI_FONT_MODULE}`)
        return undefined
      const used = [
        ...deckEmoji(root),
      ]
      const sets = {
        screen: subsetsFor(EMOJI_FONT_PACKAGE, used),
        print: subsetsFor(PRINT_EMOJI_FONT_PACKAGE, used),
      }
      const list = (name: keyof typeof sets): string =>
        `[${sets[name].map(({ unicodeRange }, index) => `[${name}${index}, ${JSON.stringify(unicodeRange)}]`).join(', ')}]`
      return [
        ...Object.entries(sets).flatMap(([name, subsets]) =>
          subsets.map(({ file }, index) => `import ${name}${index} from ${JSON.stringify(`${file}?url`)}`)),
        // Slidev's print view, as its export and the kit's open it (?print) and as a visitor does (…/print).
        'const printing = new URLSearchParams(location.search).has(\'print\') || /\\/print(?:$|[/?#])/.test(location.pathname + location.hash)',
        `for (const [url, unicodeRange] of printing ? ${list('print')} : ${list('screen')})`,
        `  document.fonts.add(new FontFace(${JSON.stringify(EMOJI_FONT_FAMILY)}, \`url(\${url}) format('woff2')\`, { unicodeRange, display: 'swap' }))`,
      ].join('\n')
    },
  }
}
