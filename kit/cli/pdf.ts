import type { PageCheckMode } from '../scripts/export.ts'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { DEFAULT_CACHE_DIR, enableCompileCache } from '../scripts/cache.ts'
import { exportDeck, PAGE_CHECK_MODES } from '../scripts/export.ts'

const options = {
  'entry': { type: 'string', default: 'slides.md' },
  'out': { type: 'string', default: 'exports' },
  'site': { type: 'string', default: 'dist' },
  'base': { type: 'string', default: '/' },
  'language': { type: 'string', multiple: true },
  'page-check': { type: 'string', default: 'fail' },
  'rehearsal': { type: 'string', multiple: true },
  'cache': { type: 'boolean', default: true },
  'help': { type: 'boolean', default: false },
} as const

const usage = `Usage: talk-kit pdf [options]   (in this repository also: npm run pdf [-- options])

Builds the deck as a static site and prints its PDFs (slides, reader handout,
overview, speaker script) for every edition.

Options:
  --entry FILE       the deck's Markdown file, or a folder with slides.md (default: ${options.entry.default})
  --out DIR          where the PDFs go (default: ${options.out.default})
  --site DIR         where the static site goes (default: ${options.site.default})
  --base PATH        the path the site is hosted under, e.g. /talk/ (default: ${options.base.default})
  --language CODE    only this edition, e.g. en or de; repeat for several (default: all)
  --page-check MODE  every PDF is checked against what the browser showed, slide by
                     slide; a slide that lost text or a drawing fails the export
                     (fail), or is only reported as a warning (warn), for a false
                     alarm you have looked at (default: ${options['page-check'].default})
  --rehearsal FILE   a rehearsal saved by the presenter view: the speaker script of
                     its edition prints its times beside the plan; one file per
                     edition, repeat for several
  --no-cache         make everything anew: by default an export keeps the sites it
                     built and the PDFs it printed (in ${path.relative(process.cwd(), DEFAULT_CACHE_DIR) || DEFAULT_CACHE_DIR}),
                     and reuses them while nothing they are made from has changed:
                     the deck's and the kit's files, the installed dependencies,
                     the options above and the browser
  --help             show this text`

function readOptions() {
  try {
    const { values } = parseArgs({ options, allowNegative: true })
    if (!PAGE_CHECK_MODES.includes(values['page-check'] as PageCheckMode))
      throw new Error(`--page-check is ${PAGE_CHECK_MODES.join(' or ')}, not "${values['page-check']}"`)
    return values
  }
  catch (error) {
    // parseArgs names the option it did not understand; say that, then how to ask.
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
}

// Playwright, loaded while the site builds, compiled as it was the last time.
enableCompileCache()

const values = readOptions()
if (values.help) {
  console.log(usage)
  process.exit(0)
}

// Ctrl-C stops the export and leaves the previous outputs as they were; a
// second Ctrl-C exits at once (the export still removes its staging folders).
const interrupt = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted)
      process.exit(130)
    console.error(`\n${signal === 'SIGINT'
      ? 'Interrupted'
      : 'Terminated'}: stopping the export; the previous outputs stay as they were.`)
    interrupt.abort(new Error(`interrupted by ${signal}`))
  })
}

const started = performance.now()
try {
  const result = await exportDeck({
    entry: values.entry,
    outDir: values.out,
    siteDir: values.site,
    base: values.base,
    languages: values.language,
    pageCheck: values['page-check'] as PageCheckMode,
    signal: interrupt.signal,
    rehearsals: values.rehearsal,
    cacheDir: values.cache
      ? DEFAULT_CACHE_DIR
      : undefined,
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const relative = (file: string): string => path.relative(process.cwd(), file) || '.'
  console.log(`Done in ${seconds} s:`)
  for (const { pdfs } of result.editions) {
    for (const [kind, file] of Object.entries(pdfs))
      console.log(`  ${`${kind} PDF`.padEnd(13)}${relative(file)}`)
  }
  console.log(`  ${'static site'.padEnd(13)}${relative(result.siteDir)}/`)
}
catch (error) {
  console.error(`\n${(error as Error).message}`)
  process.exitCode = interrupt.signal.aborted
    ? 130
    : 1
}
