import type { Plugin } from 'vite'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'

/**
 * The colour emoji font the kit serves (Twemoji, OFL-1.1), as COLR/CPAL
 * layers: Chromium draws those on screen and prints them into a PDF as
 * coloured vector glyphs with the characters in the text. Noto Color Emoji
 * as npm carries it is an OpenType-SVG font, which Chromium draws neither
 * on screen nor in print; its outline twin prints in black and white.
 */
export const EMOJI_FONT_PACKAGE = 'twemoji-colr-font'
/**
 * The family it joins the page as: the name Slidev's default sans-serif
 * stack ends with, so it draws only what the deck's own fonts cannot, and
 * every stack that already names an emoji font reaches it without CSS.
 */
export const EMOJI_FONT_FAMILY = 'Noto Color Emoji'
export const EMOJI_FONT_MODULE = 'virtual:talk-kit/emoji-font'
/**
 * Where the font may draw: pictographs from the arrows on (below U+2190, ©,
 * ® and ™ are the text fonts'), flags, the joiners and selectors of emoji
 * sequences. Never digits or letters, which keycaps start with.
 */
export const EMOJI_UNICODE_RANGE = 'U+200D, U+20E3, U+2190-2BFF, U+3030, U+303D, U+3297, U+3299, U+FE0F, U+1F000-1FAFF, U+E0020-E007F'

/** The font's file, or undefined when its package is not installed. */
export function emojiFontFile(from: string = import.meta.dirname): string | undefined {
  try {
    return createRequire(path.join(from, 'package.json')).resolve(`${EMOJI_FONT_PACKAGE}/twemoji.woff2`)
  }
  catch {
    return undefined
  }
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

/**
 * Serves the emoji font to every deck built with the kit, offline, on
 * screens and in the print view alike, so a deck looks the same in the
 * browser, the site and every PDF. The font joins the page last (see
 * EMOJI_FONT_FAMILY) and a browser loads it only once a page shows an
 * emoji. A built site carries it only when the deck's files hold an emoji;
 * the dev server always offers it, so an emoji just typed shows at once.
 * Harfbuzz's WebAssembly build, the one subsetter on npm, drops COLR
 * tables, so the font ships whole (476 KB) rather than cut to the glyphs a
 * deck uses. Without the package it serves nothing, and the export's page
 * check names the emoji no font draws.
 */
export function emojiFont(): Plugin {
  let root = process.cwd()
  let building = false
  return {
    name: 'talk-kit:emoji-font',
    configResolved(config) {
      root = config.root
      building = config.command === 'build'
    },
    resolveId: id => id === EMOJI_FONT_MODULE
      ? `\0${EMOJI_FONT_MODULE}`
      : undefined,
    load(id) {
      if (id !== `\0${EMOJI_FONT_MODULE}`)
        return undefined
      const file = emojiFontFile()
      if (!file || (building && deckEmoji(root).size === 0))
        return 'export {}'
      return [
        `import url from ${JSON.stringify(`${file}?url`)}`,
        `document.fonts.add(new FontFace(${JSON.stringify(EMOJI_FONT_FAMILY)}, \`url(\${url}) format('woff2')\`, { unicodeRange: ${JSON.stringify(EMOJI_UNICODE_RANGE)}, display: 'swap' }))`,
      ].join('\n')
    },
  }
}
