import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import sirv from 'sirv'

export interface LocalSite {
  /** Address of the deck, ending in the base path. */
  url: string
  origin: string
  close: () => Promise<void>
}

/**
 * Serves a built site on 127.0.0.1 under its base path, on a free port, as a
 * static host would: the browser tests check the site over real HTTP. A deck
 * with history routing (`single`) gets its index.html for every address that
 * is no file, as the `_redirects` rule the export writes asks of a host.
 */
export async function serveSite(dir: string, base: string, { single = false } = {}): Promise<LocalSite> {
  const assets = sirv(dir, { dev: true, etag: true, single })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(base)) {
      res.statusCode = 404
      res.end()
      return
    }
    req.url = `/${url.slice(base.length)}`
    assets(req, res, () => {
      res.statusCode = 404
      res.end()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}
