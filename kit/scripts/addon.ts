import type { Deck } from './deck.ts'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { KIT_ROOT } from './runtime.ts'

interface AddonPackage { slidev?: { addons?: unknown } }

function readPackage(file: string): AddonPackage {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AddonPackage
  }
  catch {
    return {}
  }
}

/** The package.json closest above a folder: where Slidev reads a deck's `slidev.addons`. */
function closestPackageJson(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')))
      return path.join(dir, 'package.json')
    if (path.dirname(dir) === dir)
      return undefined
  }
}

/** An addon's package folder as Slidev finds it: by path, by package name, or by short name (slidev-addon-NAME) in a node_modules above. */
function addonFolder(name: string, from: string): string | undefined {
  if (name.startsWith('.') || path.isAbsolute(name))
    return path.resolve(from, name)
  const packages = name.startsWith('@') || name.startsWith('slidev-addon-')
    ? [name]
    : [`slidev-addon-${name}`, name]
  for (let dir = from; ; dir = path.dirname(dir)) {
    const found = packages.map(pkg => path.join(dir, 'node_modules', pkg)).find(folder => existsSync(path.join(folder, 'package.json')))
    if (found)
      return found
    if (path.dirname(dir) === dir)
      return undefined
  }
}

/** Whether these addons, or the addons they name in turn, are the kit. */
function namesKit(names: unknown, from: string, seen: Set<string>): boolean {
  if (!Array.isArray(names))
    return false
  return names.some((name) => {
    const folder = typeof name === 'string'
      ? addonFolder(name, from)
      : undefined
    if (!folder || !existsSync(folder))
      return false
    const real = realpathSync(folder)
    if (seen.has(real))
      return false
    seen.add(real)
    return real === realpathSync(KIT_ROOT) || namesKit(readPackage(path.join(folder, 'package.json')).slidev?.addons, real, seen)
  })
}

/**
 * What to do when a deck does not name the kit's addon, in its headmatter
 * (`addons:`) or its package.json (`slidev.addons`), as Slidev resolves
 * addons: without it Slidev builds a site with no print view of the kit's,
 * and the export would wait for slides that never render.
 */
export function missingKitAddon(deck: Deck): string | undefined {
  const packageFile = closestPackageJson(deck.root)
  const seen = new Set<string>()
  if (namesKit(deck.config.addons, deck.root, seen)
    || (packageFile && namesKit(readPackage(packageFile).slidev?.addons, path.dirname(packageFile), seen))) {
    return undefined
  }
  const relative = (file: string): string => path.relative(process.cwd(), file) || file
  return `${relative(deck.entry)}: the deck does not name the kit's Slidev addon, so Slidev would build its site without the kit's print view, reader and live deck. Add "slidev": { "addons": ["talk-kit"] } to ${relative(packageFile ?? path.join(deck.root, 'package.json'))}, or \`addons: [talk-kit]\` to the headmatter.`
}
