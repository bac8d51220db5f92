import process from 'node:process'

// `talk-kit COMMAND [options]`: the kit's command-line tool. Each command is
// a module of its own that reads its options from process.argv when it
// loads; a new command is one more entry here.

interface Command {
  /** What it does, in one line of the overview. */
  summary: string
  run: () => Promise<unknown>
}

const COMMANDS: Record<string, Command> = {
  pdf: {
    summary: 'build the site and print every edition\'s PDFs (slides, handout, overview, script)',
    run: () => import('./pdf.ts'),
  },
  build: {
    summary: 'the same as pdf: the site always comes with its PDFs, which it offers for download',
    run: () => import('./pdf.ts'),
  },
  timing: {
    summary: 'where the talk\'s time goes, read from the speaker notes, beside a rehearsal',
    run: () => import('./timing.ts'),
  },
  bench: {
    summary: 'measure the export against Slidev\'s own, and hold the kit\'s speed budgets',
    run: () => import('../bench/bench.ts'),
  },
  browser: {
    summary: 'show which browser the export prints with (CHROMIUM_PATH chooses another)',
    run: () => import('./browser.ts'),
  },
}

const usage = `Usage: talk-kit COMMAND [options]

Commands:
${Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(9)}${summary}`).join('\n')}

talk-kit COMMAND --help shows a command's options.`

const [name] = process.argv.splice(2, 1)
const command = name && Object.hasOwn(COMMANDS, name)
  ? COMMANDS[name]
  : undefined
if (command) {
  await command.run()
}
else if (name === '--help' || name === '-h' || name === 'help') {
  console.log(usage)
}
else {
  console.error(`${name
    ? `Unknown command "${name}".`
    : 'No command given.'}\n\n${usage}`)
  process.exitCode = 2
}
