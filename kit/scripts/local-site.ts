import type { BrowserContext } from 'playwright-core'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * The one rule for what a browser context may load: addresses on `origin`,
 * and `data:` and `blob:` URLs, which never leave the page. Every other
 * request is aborted before it is sent and recorded, so a caller can fail
 * with the address that tried to leave the machine. The export, the
 * benchmark and the browser tests all open the deck through it.
 */
export async function keepLocal(context: BrowserContext, origin: string): Promise<string[]> {
  const blocked: string[] = []
  await context.route(url => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:', (route) => {
    blocked.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  return blocked
}

export interface MountedSite {
  /** Address of the deck, ending in the base path. */
  url: string
  /** Requests for other hosts, aborted before they were sent. */
  blocked: string[]
}

// A host name that never needs the network: every request to it is answered
// from disk inside the browser, so exports work with no network interface at
// all (not even loopback, as under `unshare -n`).
export const SITE_ORIGIN = 'http://deck.localhost'

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile()
}

/**
 * The `index.html` of the folder a page address names, or of the nearest
 * folder above it that has one, up to the site's root: `/de/` and `/de/3`
 * open the German edition's page, `/print` the root's.
 */
function nearestIndex(dir: string, file: string): string {
  for (let folder = file; folder.startsWith(dir); folder = path.dirname(folder)) {
    const index = path.join(folder, 'index.html')
    if (isFile(index))
      return index
    if (folder === dir)
      break
  }
  return path.join(dir, 'index.html')
}

/**
 * Serves a built site to one browser context without a server: requests
 * under the base path are fulfilled from `dir`, and everything else is kept
 * out by `keepLocal`. A page address with no file behind it gets the
 * nearest `index.html`, as static hosts do for a single-page app (Slidev's
 * history routing: `/print`, `/de/3`); any other missing file answers 404.
 */
export async function mountSite(context: BrowserContext, dir: string, base: string): Promise<MountedSite> {
  const blocked = await keepLocal(context, SITE_ORIGIN)
  await context.route(`${SITE_ORIGIN}/**`, (route) => {
    const request = route.request()
    const url = new URL(request.url())
    const file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)))
    if (!url.pathname.startsWith(base) || !file.startsWith(dir))
      return route.fulfill({ status: 404, body: 'Not found' })
    if (isFile(file))
      return route.fulfill({ path: file })
    if (request.isNavigationRequest()) {
      return route.fulfill({
        path: nearestIndex(dir, file),
      })
    }
    return route.fulfill({ status: 404, body: 'Not found' })
  })
  return { url: `${SITE_ORIGIN}${base}`, blocked }
}
