import { constants, rmSync } from 'node:fs'
import { access, cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { HEADERS_FILE, headersFile } from '../security-policy.ts'

/** What an existing path is, or undefined when there is nothing there. */
async function kindOf(file: string): Promise<'folder' | 'file' | undefined> {
  try {
    return (await stat(file)).isDirectory()
      ? 'folder'
      : 'file'
  }
  catch {
    return undefined
  }
}

/** Whether `child` is `parent` or lies inside it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** Why `dir` cannot be written or created, or undefined when it can. */
async function unwritable(dir: string, option: string): Promise<string | undefined> {
  let existing = dir
  while (!(await kindOf(existing)))
    existing = path.dirname(existing)
  if (await kindOf(existing) === 'file') {
    return existing === dir
      ? `${option} ${dir} is a file; it must name a folder.`
      : `${option} ${dir} cannot be created: ${existing} is a file.`
  }
  try {
    await access(existing, constants.W_OK)
  }
  catch {
    return `${option} ${dir} cannot be ${existing === dir
      ? 'written to'
      : 'created'}: ${existing} is not writable.`
  }
  return undefined
}

/**
 * Checks the output locations before anything is built: both must be folders
 * (or creatable ones), and the site folder, which an export replaces whole,
 * must hold neither the deck nor the PDFs' folder.
 */
export async function checkOutputLocations(outDir: string, siteDir: string, deckRoot: string): Promise<void> {
  const problems = [
    await unwritable(outDir, '--out'),
    // The site is staged beside its folder, so its parent must take new folders.
    await unwritable(siteDir, '--site') ?? await unwritable(path.dirname(siteDir), '--site\'s parent folder'),
  ].filter(Boolean)
  if (isInside(deckRoot, siteDir))
    problems.push(`--site ${siteDir} holds the deck itself; an export replaces that folder, so give it a folder of its own (the default is dist).`)
  if (isInside(outDir, siteDir))
    problems.push(`--out ${outDir} lies inside --site ${siteDir}, which an export replaces; give the PDFs a folder outside it (the default is exports).`)
  if (problems.length)
    throw new Error(problems.join('\n'))
}

/**
 * Everything an export writes goes to staging folders beside its targets
 * first, on the same file system, and is renamed into place only once all of
 * it exists: a failed or interrupted export leaves the previous outputs as
 * they were and no staging folder behind.
 */
export class Staging {
  readonly siteDir: string
  private readonly pdfDir: string
  private readonly outDir: string
  private readonly targetSiteDir: string
  /** The base path the site is built for. */
  private readonly base: string

  constructor(outDir: string, targetSiteDir: string, base: string) {
    this.outDir = outDir
    this.targetSiteDir = targetSiteDir
    this.base = base
    this.siteDir = `${targetSiteDir}.staging-${process.pid}`
    this.pdfDir = path.join(outDir, `.staging-${process.pid}`)
  }

  /**
   * Writes the PDFs, copies those the site offers for download into their
   * folders of the staged site (`offered`: file name → folder), gives the
   * site the headers file of its security policy at its root (one for every
   * edition under the base), then moves all into place.
   */
  async publish(pdfs: Record<string, Uint8Array>, offered: Record<string, string>): Promise<void> {
    await this.writeHeadersFile()
    await mkdir(this.pdfDir, { recursive: true })
    for (const [name, bytes] of Object.entries(pdfs)) {
      await writeFile(path.join(this.pdfDir, name), bytes)
      if (name in offered)
        await cp(path.join(this.pdfDir, name), path.join(this.siteDir, offered[name]!, name))
    }
    // Renames within one file system are atomic: readers see the old file or the new one.
    for (const name of Object.keys(pdfs))
      await rename(path.join(this.pdfDir, name), path.join(this.outDir, name))
    await rm(this.targetSiteDir, { recursive: true, force: true })
    await rename(this.siteDir, this.targetSiteDir)
  }

  /** The headers file of the site's security policy, after the rules of the deck's own (from its public/ folder), if it has one. */
  private async writeHeadersFile(): Promise<void> {
    const file = path.join(this.siteDir, HEADERS_FILE)
    const own = await readFile(file, 'utf8').catch(() => '')
    await writeFile(file, own.trim()
      ? `${own.trimEnd()}\n\n${headersFile(this.base)}`
      : headersFile(this.base))
  }

  async discard(): Promise<void> {
    await rm(this.siteDir, { recursive: true, force: true })
    await rm(this.pdfDir, { recursive: true, force: true })
  }

  /** For a process that must exit now (a second Ctrl-C). */
  discardNow(): void {
    rmSync(this.siteDir, { recursive: true, force: true })
    rmSync(this.pdfDir, { recursive: true, force: true })
  }
}
