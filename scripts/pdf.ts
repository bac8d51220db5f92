import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { exportDeck } from './export.ts'

const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: 'slides.md' },
    out: { type: 'string', default: 'exports' },
    site: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
  },
})

const started = performance.now()
try {
  const result = await exportDeck({
    entry: values.entry,
    outDir: values.out,
    siteDir: values.site,
    base: values.base,
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const relative = (file: string): string => path.relative(process.cwd(), file) || '.'
  console.log(`Done in ${seconds} s:`)
  console.log(`  slides PDF   ${relative(result.slidesPdf)}`)
  console.log(`  handout PDF  ${relative(result.handoutPdf)}`)
  console.log(`  static site  ${relative(result.siteDir)}/`)
}
catch (error) {
  console.error(`\n${(error as Error).message}`)
  process.exitCode = 1
}
