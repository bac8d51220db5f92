import type { Browser, BrowserServer, LaunchOptions } from 'playwright-core'
import { resolveBrowser } from './browser.ts'
import { chromium } from './playwright.ts'

// Chromium's own background traffic (updates, safe browsing, metrics) would
// reach for the network; the kit must work with none.
const OFFLINE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
]

// Glyphs at their unhinted advances, as the full browser prints them: the
// old headless shell (chromium-headless-shell) hints fonts by default, which
// shifts glyphs enough that PDF readers split words when they extract the
// text ("knowtec hie.c om" in a printed address).
const PRINT_ARGS = ['--font-render-hinting=none']

/** How the kit starts Chromium, for one process or as a server. */
function launchOptions(executablePath: string): LaunchOptions {
  // Playwright already starts Chromium with --no-sandbox (it refuses to start
  // sandboxed as root, as in CI and containers) unless chromiumSandbox is set.
  // The export answers Ctrl-C itself (cli/pdf.ts): it closes the browser,
  // says which step stopped and keeps the previous outputs. Playwright's own
  // handlers would close the browser and exit the process first, at random,
  // before the export could say so.
  return {
    executablePath,
    args: [
      ...OFFLINE_ARGS,
      ...PRINT_ARGS,
    ],
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  }
}

export async function launchBrowser(executablePath = resolveBrowser()): Promise<Browser> {
  return chromium.launch(launchOptions(executablePath))
}

/** The same browser as a server that other processes connect to (`chromium.connect`): one browser for many test files. */
export async function launchBrowserServer(executablePath = resolveBrowser()): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions(executablePath))
}
