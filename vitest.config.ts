import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    vue(),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // One export for the whole run: the PDF and site tests read what it wrote.
    globalSetup: ['test/setup/export.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
