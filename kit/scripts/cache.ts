import { Buffer } from 'node:buffer'
import { createHash, randomUUID } from 'node:crypto'
import { cp, mkdir, readdir, readFile, realpath, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { isInside } from './publish.ts'

/** The kit's own folder: its scripts, addon, components and dependencies are inputs of every export. */
export const KIT_ROOT = path.resolve(import.meta.dirname, '..')

/** Where `npm run pdf` keeps what it may reuse, beside other tools' caches. */
export const DEFAULT_CACHE_DIR = path.join(KIT_ROOT, 'node_modules', '.cache', 'talk-kit')

/** How many sites and how many sets of outputs the cache keeps, the newest. */
const KEPT = 3

// Folders that are no input of an export's outputs: dependencies are
// counted by their lockfiles instead, and version control's own records.
const SKIPPED = new Set(['node_modules', '.git'])

/** What the files of an export's inputs are: folders to read, and paths (outputs) to leave out. */
export interface InputTree {
  roots: string[]
  /** The output folders, whose staging folders sit beside them or inside them. */
  outputs: string[]
}

/** Every file under the roots, skipping dependencies, version control and the outputs (with their staging folders). */
async function inputFiles({ roots, outputs }: InputTree): Promise<string[]> {
  const outside = (file: string): boolean => !outputs.some(output =>
    isInside(file, output) || path.basename(file).startsWith(`${path.basename(output)}.staging-`))
  const nested = roots.filter(root => !roots.some(other => other !== root && isInside(root, other)))
  const files: string[] = []
  const walk = async (dir: string): Promise<void> => {
    await Promise.all((await readdir(dir, { withFileTypes: true })).map(async (entry) => {
      const file = path.join(dir, entry.name)
      if (SKIPPED.has(entry.name) || !outside(file))
        return
      if (entry.isDirectory())
        await walk(file)
      else
        files.push(file)
    }))
  }
  await Promise.all(nested.map(walk))
  return files.sort()
}

/**
 * A hash of everything in the tree: each file's path and contents, so an
 * edit, a new file, a deleted or a renamed one changes it, and a checkout
 * that only touches files' times does not. Dependencies count by npm's
 * record of what is installed (node_modules/.package-lock.json), which
 * every install, update or removal rewrites.
 */
export async function hashInputs(tree: InputTree): Promise<string> {
  const hash = createHash('sha256')
  const add = (name: string, contents: Uint8Array | string): void => {
    hash.update(`${name}\0${Buffer.byteLength(contents)}\0`)
    hash.update(contents)
  }
  const files = await inputFiles(tree)
  const installed = tree.roots.map(root => path.join(root, 'node_modules', '.package-lock.json'))
  const contents = await Promise.all([
    ...files.map(file => readFile(file)),
    ...installed.map(file => readFile(file).catch(() => '')),
  ])
  for (const [index, file] of [
    ...files,
    ...installed,
  ].entries())
    add(file, contents[index]!)
  return hash.digest('hex')
}

/** A key for the given parts, in order. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)
}

/** The browser's binary as it is now: a new version is a new file. */
export async function browserIdentity(executablePath: string): Promise<string> {
  const binary = await realpath(executablePath)
  const { size, mtimeMs } = await stat(binary)
  return `${binary} ${size} ${mtimeMs}`
}

/** A cached export's outputs: its PDFs by file name, and what it reported. */
export interface CachedOutputs<Report> {
  pdfs: Record<string, Uint8Array>
  report: Report
}

/**
 * What an export made, by the hash of what it was made from: the built
 * sites, and the finished PDFs with the export's report. An entry is written
 * to a folder of its own and renamed into place, so a reader finds a whole
 * entry or none; the newest few are kept.
 */
export class ExportCache {
  readonly dir: string

  constructor(dir: string) {
    this.dir = dir
  }

  private entry(kind: 'sites' | 'outputs', key: string): string {
    return path.join(this.dir, kind, key)
  }

  /** Copies the site built for `key` to `to`; false when there is none. */
  async restoreSite(key: string, to: string): Promise<boolean> {
    const entry = this.entry('sites', key)
    if (!await exists(entry))
      return false
    try {
      await cp(entry, to, { recursive: true })
    }
    catch {
      // An entry removed while it was copied: as if there were none.
      await rm(to, { recursive: true, force: true })
      return false
    }
    await touch(entry)
    return true
  }

  async storeSite(key: string, from: string): Promise<void> {
    await this.store('sites', key, temp => cp(from, temp, { recursive: true }))
  }

  async outputs<Report>(key: string): Promise<CachedOutputs<Report> | undefined> {
    const entry = this.entry('outputs', key)
    try {
      const names = (await readdir(entry)).filter(name => name.endsWith('.pdf'))
      const pdfs = Object.fromEntries(await Promise.all(names.map(async name => [
        name,
        new Uint8Array(await readFile(path.join(entry, name))),
      ] as const)))
      const report = JSON.parse(await readFile(path.join(entry, 'report.json'), 'utf8')) as Report
      await touch(entry)
      return { pdfs, report }
    }
    catch {
      // None, or one removed while it was read: made anew.
      return undefined
    }
  }

  async storeOutputs<Report>(key: string, { pdfs, report }: CachedOutputs<Report>): Promise<void> {
    await this.store('outputs', key, async (temp) => {
      await mkdir(temp, { recursive: true })
      for (const [name, bytes] of Object.entries(pdfs))
        await writeFile(path.join(temp, name), bytes)
      await writeFile(path.join(temp, 'report.json'), JSON.stringify(report))
    })
  }

  /** Writes an entry into a folder of its own, renames it into place and drops the oldest beyond the few kept. */
  private async store(kind: 'sites' | 'outputs', key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const folder = path.join(this.dir, kind)
    const temp = path.join(this.dir, `.writing-${process.pid}-${randomUUID()}`)
    try {
      await mkdir(folder, { recursive: true })
      await write(temp)
      await rm(this.entry(kind, key), { recursive: true, force: true })
      await rename(temp, this.entry(kind, key))
    }
    finally {
      await rm(temp, { recursive: true, force: true })
    }
    const entries = await Promise.all((await readdir(folder)).map(async name => ({
      name,
      used: (await stat(path.join(folder, name))).mtimeMs,
    })))
    // The entry just written is the newest, whatever the clock's resolution says.
    entries.sort((a, b) => Number(b.name === key) - Number(a.name === key) || b.used - a.used)
    for (const { name } of entries.slice(KEPT))
      await rm(path.join(folder, name), { recursive: true, force: true })
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false)
}

/** Marks an entry as just used, so the newest-kept rule keeps it. */
async function touch(entry: string): Promise<void> {
  const now = new Date()
  await utimes(entry, now, now)
}
