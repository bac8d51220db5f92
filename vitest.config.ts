import type { TestSpecification } from 'vitest/node'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { BaseSequencer } from 'vitest/node'

const E2E = ['test/pdf/**/*.test.ts', 'test/site/**/*.test.ts', 'kit/test/pdf/**/*.test.ts']
// The kit packed, installed into a deck outside the repository and run there.
const PACKAGE = ['kit/test/package/**/*.test.ts']

/**
 * The files that take longest (measured on two cores), started first and in
 * this order, so that no worker is left alone with a long file at the end:
 * on a fresh clone vitest knows no durations and starts the largest files
 * first, and the packed kit's, in a project of its own, last. Files that
 * mostly compute (exports) alternate with files that mostly wait on the
 * browser, so the two workers tend to run one of each. A file missing here
 * runs after them, in vitest's own order.
 */
const SLOWEST_FIRST = [
  'kit/test/pdf/real-decks.test.ts',
  'test/site/reader.test.ts',
  'kit/test/package/packed-kit.test.ts',
  'test/site/screen-reader.test.ts',
  'kit/test/pdf/bad-input.test.ts',
  'test/site/navigation.test.ts',
  'kit/test/pdf/cache.test.ts',
  'test/site/live.test.ts',
  'test/pdf/page-check.test.ts',
]

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const index = SLOWEST_FIRST.findIndex(file => spec.moduleId.endsWith(`/${file}`))
      return index < 0
        ? SLOWEST_FIRST.length
        : index
    }
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  plugins: [
    vue(),
  ],
  test: {
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Two files at a time even on two cores: the browser tests spend much of
    // their time waiting on Chromium, so two overlap well (about a third faster).
    maxWorkers: 2,
    sequence: {
      sequencer: SlowestFirst,
    },
    // A safety net for any poll that does not pass its own options: vitest's
    // default of one second fails on a busy machine (test/site/browser.ts, POLL).
    expect: {
      poll: { timeout: 30_000, interval: 100 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'kit/test/**/*.test.ts'],
          // None of these files mocks a module or changes global state: one
          // module graph for all of them spares each file its own import of
          // the kit (a quarter of the project's CPU time).
          isolate: false,
          exclude: [
            ...E2E,
            ...PACKAGE,
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          // One export for the whole run: the PDF and site tests read what it wrote.
          globalSetup: ['test/setup/export.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: PACKAGE,
        },
      },
    ],
  },
})
