import type * as Playwright from 'playwright-core'
import { createRequire } from 'node:module'

// Playwright is CommonJS, one large bundle: imported as an ES module, Node
// first scans all of it for the names it exports, a tenth of a second of
// work on every export; required, it is only loaded.
const playwright = createRequire(import.meta.url)('playwright-core') as typeof Playwright

export const { chromium } = playwright
