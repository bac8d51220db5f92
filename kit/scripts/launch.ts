import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { resolveBrowser } from './browser.ts'

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

export async function launchBrowser(executablePath = resolveBrowser()): Promise<Browser> {
  // Playwright already starts Chromium with --no-sandbox (it refuses to start
  // sandboxed as root, as in CI and containers) unless chromiumSandbox is set.
  // The export answers Ctrl-C itself (cli/pdf.ts): it closes the browser,
  // says which step stopped and keeps the previous outputs. Playwright's own
  // handlers would close the browser and exit the process first, at random,
  // before the export could say so.
  return chromium.launch({
    executablePath,
    args: OFFLINE_ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  })
}
