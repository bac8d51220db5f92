import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const E2E = ['test/pdf/**/*.test.ts', 'test/site/**/*.test.ts']

export default defineConfig({
  plugins: [
    vue(),
  ],
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: E2E,
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
    ],
  },
})
