import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const E2E = ['test/pdf/**/*.test.ts', 'test/site/**/*.test.ts', 'kit/test/pdf/**/*.test.ts']
// The kit packed, installed into a deck outside the repository and run there.
const PACKAGE = ['kit/test/package/**/*.test.ts']

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
