import type { Browser, BrowserContext } from 'playwright-chromium'
import { chromium } from 'playwright-chromium'
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
  return chromium.launch({ executablePath, args: OFFLINE_ARGS, headless: true })
}

/**
 * Lets the context talk to `origin` only. Every other request is aborted and
 * recorded, so a caller can fail with the URL that tried to leave the machine.
 */
export async function keepLocal(context: BrowserContext, origin: string): Promise<string[]> {
  const blocked: string[] = []
  await context.route(url => !url.href.startsWith(origin) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'), (route) => {
    blocked.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  return blocked
}
