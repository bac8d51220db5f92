import { Buffer } from 'node:buffer'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, realpath, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import module from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { isInside } from './publish.ts'
import { KIT_ROOT } from './runtime.ts'

/** npm's record of what is installed, which every install, update or removal rewrites. */
const INSTALLED_RECORD = path.join('node_modules', '.package-lock.json')

/**
 * The folder above `dir` (or `dir` itself) whose node_modules holds npm's
 * record of what is installed: the workspace root, where npm keeps it for
 * every package of a workspace.
 */
export function installRoot(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, INSTALLED_RECORD)))
      return current
    if (path.dirname(current) === current)
      return undefined
  }
}

/** Where `talk-kit pdf` keeps what it may reuse: beside other tools' caches, in the node_modules of the project it runs in. */
export const DEFAULT_CACHE_DIR = path.join(installRoot(process.cwd()) ?? KIT_ROOT, 'node_modules', '.cache', 'talk-kit')

/**
 * Node keeps the compiled code of the modules this thread loads from now on
 * (Slidev's and Vite's in the build, Playwright and pdf-lib in the export)
 * from one export to the next, and checks each against its source: a third
 * of a second off the build's start (in the export's own thread the gain was
 * within the machine's noise). It changes no output, so --no-cache leaves it on.
 */
export function enableCompileCache(): void {
  module.enableCompileCache(path.join(DEFAULT_CACHE_DIR, 'node'))
}

/** How many sites and how many sets of outputs the cache keeps, the newest. */
const KEPT = 3

// Folders of a deck that are no input of its export: dependencies (counted
// by npm's record instead), version control, and the deck's tests.
const SKIPPED = new Set([
  'node_modules',
  '.git',
  'test',
  'tests',
])

/** What an export reads: the kit's package, the deck's folder, and the outputs to leave out. */
export interface InputTree {
  /** The kit's package folder: the files it ships count (package.json's `files`), not its tests or benchmark results. */
  kit: string
  /** The deck's folder: every file but its dependencies, version control, tests and folders that are packages of their own. */
  deck: string
  /** The output folders, whose staging folders sit beside them or inside them. */
  outputs: string[]
}

/** Every file under `root` for which `keep` holds, skipping dependencies, version control and the folders `skip` names. */
async function filesUnder(root: string, keep: (file: string) => boolean, skip: (dir: string) => boolean): Promise<string[]> {
  const files: string[] = []
  const walk = async (dir: string): Promise<void> => {
    await Promise.all((await readdir(dir, { withFileTypes: true })).map(async (entry) => {
      const file = path.join(dir, entry.name)
      if (entry.name === 'node_modules' || entry.name === '.git')
        return
      if (entry.isDirectory()) {
        if (!skip(file))
          await walk(file)
      }
      else if (keep(file)) {
        files.push(file)
      }
    }))
  }
  await walk(root)
  return files
}

/** A test of a path inside the package for one of package.json's `files` patterns: a file or folder, or `*` within one name. */
function shippedPattern(pattern: string): RegExp {
  const name = pattern.replace(/^\.?\//, '').replace(/\/$/, '').split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')
  return new RegExp(`^${name}(?:/.*)?$`)
}

/** The files an installed copy of the kit has: those its package.json ships (all but node_modules when it names none). */
async function kitFiles(kit: string): Promise<string[]> {
  const { files } = JSON.parse(await readFile(path.join(kit, 'package.json'), 'utf8')) as { files?: string[] }
  const shipped = [
    ...files ?? ['*'],
    'package.json',
  ].map(shippedPattern)
  const inside = (file: string): string => path.relative(kit, file).split(path.sep).join('/')
  return filesUnder(kit, file => shipped.some(pattern => pattern.test(inside(file))), () => false)
}

/** The deck's files: its folder but for dependencies, version control, tests, folders that are packages of their own, and the outputs. */
async function deckFiles({ deck, outputs }: InputTree): Promise<string[]> {
  const isOutput = (file: string): boolean => outputs.some(output =>
    isInside(file, output) || path.basename(file).startsWith(`${path.basename(output)}.staging-`))
  return filesUnder(deck, file => !isOutput(file), dir =>
    isOutput(dir) || SKIPPED.has(path.basename(dir)) || existsSync(path.join(dir, 'package.json')))
}

/**
 * A hash of what an export reads: each file's path and contents, so an
 * edit, a new file, a deleted or a renamed one changes it, and a checkout
 * that only touches files' times does not. The kit counts by the files it
 * ships, the deck by its folder; dependencies count by npm's record of what
 * is installed (node_modules/.package-lock.json at the workspace root).
 */
export async function hashInputs(tree: InputTree): Promise<string> {
  const hash = createHash('sha256')
  const add = (name: string, contents: Uint8Array | string): void => {
    hash.update(`${name}\0${Buffer.byteLength(contents)}\0`)
    hash.update(contents)
  }
  const files = [
    ...new Set([
      ...await kitFiles(tree.kit),
      ...await deckFiles(tree),
    ]),
  ].sort()
  const installed = [
    ...new Set([tree.kit, tree.deck].map(installRoot).filter(root => root !== undefined)),
  ]
    .map(root => path.join(root, INSTALLED_RECORD))
  const contents = await Promise.all([
    ...files,
    ...installed,
  ].map(file => readFile(file)))
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
