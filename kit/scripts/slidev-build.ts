// Builds the sites of a talk's editions one after the other in this one
// process, as `slidev build a.md b.md` does, but each edition into its own
// folder under its own base (the CLI gives every entry the same base). The
// second build reuses the first one's loaded modules and warm code: it takes
// about half the time of a build in a process of its own.
//
// Run by scripts/build.ts with an IPC channel: it sends the jobs, this
// process answers `{ built: index }` after each site is written. A failed
// build ends the process with Slidev's error on stderr, as the CLI does.
import type { BuildJob, BuildMessage } from './build.ts'
import { execFileSync } from 'node:child_process'
import process from 'node:process'
import { enableCompileCache } from './cache.ts'
import { CLI, findSlidevBuildCommand } from './slidev-command.ts'

// Slidev and Vite load after this, compiled as they were the last time.
enableCompileCache()

async function buildAll(jobs: BuildJob[]): Promise<void> {
  const command = await findSlidevBuildCommand()
  const { resolveOptions } = await import('@slidev/cli')
  if (command) {
    // As the CLI does on start: the decks' preparser setups (the kit's addon
    // has one) take part in reading every deck.
    const { injectPreparserExtensionLoader } = await import('@slidev/parser/fs')
    injectPreparserExtensionLoader(async (roots, headmatter, filepath, mode) =>
      (await command.loadSetups(roots, 'preparser.ts', [
        { filepath, headmatter, mode },
      ])).flat() as never)
  }
  for (const [index, { entry, outDir, base }] of jobs.entries()) {
    if (command) {
      // As the CLI's `build` command resolves and builds an entry.
      const options = await resolveOptions({ entry, base }, 'build')
      await command.build(options, {
        base,
        // Nobody reads the sizes here: gzipping every file only to print them costs a third of a second.
        build: { outDir, reportCompressedSize: false },
      }, { entry, base, out: outDir })
    }
    else {
      execFileSync(process.execPath, [
        CLI,
        'build',
        entry,
        '--out',
        outDir,
        '--base',
        base,
      ], { stdio: 'inherit' })
    }
    const message: BuildMessage = { built: index }
    // Sent before the next build starts, or before this process exits.
    await new Promise(resolve => process.send!(message, resolve))
  }
}

process.once('message', (jobs: BuildJob[]) => {
  buildAll(jobs).then(() => process.exit(0), (error: Error) => {
    console.error(error.stack ?? String(error))
    process.exit(1)
  })
})
