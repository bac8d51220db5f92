import type { Deck } from './deck.ts'
import { existsSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

// How the kit knows a deck's sources, without knowing the deck: a slide
// cites a source by rendering an element with `data-source="id"` (whatever
// the component is called), and the deck's headmatter may name a registry
// module (`sourceRegistry: ./data/sources.ts`) that gives each source's full
// reference, worded for an edition's language. The handout prints those
// references; the export fails on a citation the registry does not have.

/** The headmatter field naming a deck's source registry module, relative to the deck's folder. */
export const SOURCE_REGISTRY_FIELD = 'sourceRegistry'

/** One source as the handout prints it, worded in one edition's language. */
export interface SourceReference {
  /** The id slides render in `data-source`. */
  id: string
  /** Who published it: "The Washington Post". */
  outlet: string
  /** ISO date at the precision known (YYYY, YYYY-MM or YYYY-MM-DD), or "n.d." for an undated one. */
  date: string
  title: string
  /** The title's own language, when it is not the edition's (a quoted German title in the English edition). */
  titleLang?: string
  url: string
  /** What kind of source it is, in words, printed after it in the list of all sources: "primary". */
  kind?: string
}

/** What a registry module exports: every source's reference in a language, in the order the handout lists them. */
export interface SourceRegistryModule {
  references: (lang: string) => readonly SourceReference[]
}

/** A deck's sources in one edition's language; empty for a deck without a registry. */
export interface SourceRegistry {
  /** The registry module, relative to the working folder, for messages; undefined without one. */
  file?: string
  references: readonly SourceReference[]
}

/** Loads the registry a deck's headmatter names, worded in the deck's language. */
export async function loadSourceRegistry(deck: Deck): Promise<SourceRegistry> {
  const named = deck.meta.sourceRegistry
  if (!named)
    return { references: [] }
  const file = path.resolve(deck.root, named)
  const shown = path.relative(process.cwd(), file) || file
  if (!existsSync(file))
    throw new Error(`${path.relative(process.cwd(), deck.entry)}: \`${SOURCE_REGISTRY_FIELD}: ${named}\` names a file that does not exist (${shown}).`)
  const module = await import(pathToFileURL(file).href) as Partial<SourceRegistryModule>
  if (typeof module.references !== 'function')
    throw new TypeError(`${shown}: a source registry exports \`references(lang)\`, which returns each source's reference in that language.`)
  const references = module.references(deck.meta.lang)
  const invalid = references.filter(reference => !reference || typeof reference.id !== 'string' || typeof reference.url !== 'string' || typeof reference.title !== 'string' || typeof reference.outlet !== 'string' || typeof reference.date !== 'string')
  if (invalid.length)
    throw new Error(`${shown}: every reference needs a string id, outlet, date, title and url; ${invalid.length} do not have them.`)
  return { file: shown, references }
}

/** One line per rendered citation of an id that the registry does not have, naming the slide and file. */
export function unknownCitations(deck: Deck, citations: Record<number, string[]>, registry: SourceRegistry): string[] {
  const known = new Set(registry.references.map(reference => reference.id))
  return deck.slides.flatMap(slide => (citations[slide.no] ?? [])
    .filter(id => !known.has(id))
    .map(id => `${path.relative(process.cwd(), slide.file)}, slide ${slide.no} "${slide.title}": unknown source "${id}"`))
}

/** Why a deck's citations cannot be printed, or nothing when every one is known. */
export function citationProblem(deck: Deck, citations: Record<number, string[]>, registry: SourceRegistry): string | undefined {
  const unknown = unknownCitations(deck, citations, registry)
  if (!unknown.length)
    return undefined
  const where = registry.file
    ? `citations that ${registry.file} does not have`
    : `citations, but the headmatter names no \`${SOURCE_REGISTRY_FIELD}:\` module to print them from`
  return `${where}:\n  ${unknown.join('\n  ')}`
}
