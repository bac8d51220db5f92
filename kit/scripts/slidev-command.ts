import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
export const CLI = require.resolve('@slidev/cli/bin/slidev.mjs')

type SlidevBuild = (options: unknown, viteConfig: object, args: object) => Promise<void>
type LoadSetups = (roots: string[], filename: string, args: unknown[]) => Promise<unknown[][]>

/** What the CLI's `build` command runs, which Slidev's package does not export. */
export interface SlidevBuildCommand {
  /** The command itself. */
  build: SlidevBuild
  /** Runs every root's setup file of a name (setup/preparser.ts) with the arguments. */
  loadSetups: LoadSetups
}

/**
 * Slidev's own `build` command and setup loader, found where its CLI
 * imports them from (dist/cli.mjs); undefined when a Slidev release moves
 * them, and the export then runs the CLI once an edition, only slower.
 */
export async function findSlidevBuildCommand(): Promise<SlidevBuildCommand | undefined> {
  const dist = path.resolve(path.dirname(CLI), '../dist')
  const cli = readFileSync(path.join(dist, 'cli.mjs'), 'utf8')
  const buildChunk = /import\("\.\/(build-[\w-]+\.mjs)"\)/.exec(cli)?.[1]
  const setups = /\b(\w+) as loadSetups\b[^}]*\} from "\.\/([\w-]+\.mjs)"/.exec(cli)
  if (!buildChunk || !setups)
    return undefined
  const load = (chunk: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(dist, chunk)).href)
  const { build } = await load(buildChunk)
  const loadSetups = (await load(setups[2]!))[setups[1]!]
  return typeof build === 'function' && typeof loadSetups === 'function'
    ? { build: build as SlidevBuild, loadSetups: loadSetups as LoadSetups }
    : undefined
}
