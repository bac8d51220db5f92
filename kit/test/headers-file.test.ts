import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Staging } from '../scripts/publish.ts'
import { HEADERS_FILE, headersFile, SECURITY_HEADERS } from '../security-policy.ts'

// The export gives the site a `_headers` file (Netlify's and Cloudflare
// Pages' format) at its root; the site test checks the one the test run's
// export wrote, these check how it is written.

describe('the _headers file (addon/security-policy.ts, scripts/publish.ts)', () => {
  let dir: string | undefined

  afterEach(async () => {
    if (dir)
      await rm(dir, { recursive: true, force: true })
  })

  /** Publishes an empty staged site, with `own` as the deck's own _headers from public/ if given; the headers file it ends up with. */
  async function publishedHeaders(base: string, own?: string): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'talk-headers-'))
    const staging = new Staging(path.join(dir, 'exports'), path.join(dir, 'dist'), base)
    await mkdir(staging.siteDir, { recursive: true })
    if (own)
      await writeFile(path.join(staging.siteDir, HEADERS_FILE), own)
    await staging.publish({}, {})
    return readFile(path.join(dir, 'dist', HEADERS_FILE), 'utf8')
  }

  it('gives every path under the base each security header, indented under it', () => {
    expect(headersFile('/talk/').split('\n')).toEqual([
      '/talk/*',
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
      '',
    ])
  })

  it('lands at the root of the published site', async () => {
    expect(await publishedHeaders('/')).toBe(headersFile('/'))
  })

  it('keeps the rules of a deck\'s own _headers and adds its own after them', async () => {
    const own = '/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n'
    expect(await publishedHeaders('/talk/', own)).toBe(`${own}\n${headersFile('/talk/')}`)
  })
})
