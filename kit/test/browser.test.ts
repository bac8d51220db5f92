import type { BrowserProbe } from '../scripts/browser.ts'
import { describe, expect, it, vi } from 'vitest'
import { BROWSER_ENV, BrowserNotFoundError, resolveBrowser, systemBrowserCandidates } from '../scripts/browser.ts'

const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'

/** A machine with exactly these files, and nothing else. */
function probe(files: string[], overrides: Partial<BrowserProbe> = {}): BrowserProbe {
  const present = new Set(files)
  return {
    env: { PATH: '/usr/bin:/bin' },
    platform: 'linux',
    exists: file => present.has(file),
    playwrightChromium: () => PLAYWRIGHT,
    isRoot: false,
    installChromium: () => {
      throw new Error('not expected to install')
    },
    log: () => {},
    ...overrides,
  }
}

describe('resolveBrowser', () => {
  it('takes the path from the environment variable first', () => {
    const env = { [BROWSER_ENV]: '/opt/chrome/chrome', PATH: '/usr/bin' }
    expect(resolveBrowser(probe(['/opt/chrome/chrome', PLAYWRIGHT, '/usr/bin/chromium'], { env }))).toBe('/opt/chrome/chrome')
  })

  it('rejects an environment variable that points nowhere, naming it', () => {
    const env = { [BROWSER_ENV]: '/nowhere/chrome' }
    expect(() => resolveBrowser(probe(['/usr/bin/chromium'], { env }))).toThrow(`${BROWSER_ENV} is set to "/nowhere/chrome"`)
  })

  it('prefers Playwright\'s own Chromium to a system browser', () => {
    expect(resolveBrowser(probe([PLAYWRIGHT, '/usr/bin/chromium']))).toBe(PLAYWRIGHT)
  })

  it('skips Playwright\'s Chromium when it was never downloaded', () => {
    expect(resolveBrowser(probe(['/usr/bin/chromium']))).toBe('/usr/bin/chromium')
  })

  it('prefers Debian\'s headless shell to the full browser where both are installed', () => {
    expect(resolveBrowser(probe(['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'], {
      playwrightChromium: () => undefined,
    }))).toBe('/usr/bin/chromium-headless-shell')
  })

  it.each([
    ['/usr/bin/chromium-headless-shell'],
    ['/usr/bin/chromium-browser'],
    ['/usr/bin/google-chrome'],
    ['/snap/bin/chromium'],
  ])('finds a system browser at %s', (file) => {
    expect(resolveBrowser(probe([file], {
      playwrightChromium: () => undefined,
    }))).toBe(file)
  })

  it('finds Chrome in the usual macOS place', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(resolveBrowser(probe([chrome], { platform: 'darwin', env: {} }))).toBe(chrome)
  })

  it('finds Chrome in the usual Windows place', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files' }
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
    expect(systemBrowserCandidates('win32', env)).toContain(chrome)
    expect(resolveBrowser(probe([chrome], { platform: 'win32', env }))).toBe(chrome)
  })

  it('installs Debian\'s chromium as root where apt-get exists, and says so', () => {
    const files = ['/usr/bin/apt-get']
    const log = vi.fn()
    const installChromium = vi.fn(() => {
      files.push('/usr/bin/chromium')
    })
    const exists = (file: string): boolean => files.includes(file)
    expect(resolveBrowser(probe([], {
      isRoot: true,
      exists,
      installChromium,
      log,
    }))).toBe('/usr/bin/chromium')
    expect(installChromium).toHaveBeenCalledOnce()
    expect(log).toHaveBeenCalledWith(expect.stringContaining('apt-get'))
  })

  it('does not install without root', () => {
    const installChromium = vi.fn()
    expect(() => resolveBrowser(probe(['/usr/bin/apt-get'], { installChromium }))).toThrow(BrowserNotFoundError)
    expect(installChromium).not.toHaveBeenCalled()
  })

  it('does not install where there is no apt-get', () => {
    const installChromium = vi.fn()
    expect(() => resolveBrowser(probe([], { isRoot: true, installChromium }))).toThrow(BrowserNotFoundError)
    expect(installChromium).not.toHaveBeenCalled()
  })

  it('reports a failed apt-get install together with the ways out', () => {
    const installChromium = (): void => {
      throw new Error('E: Unable to locate package chromium')
    }
    expect(() => resolveBrowser(probe(['/usr/bin/apt-get'], { isRoot: true, installChromium })))
      .toThrow(/Unable to locate package chromium[\s\S]*npx playwright install chromium/)
  })

  it('names every way out when nothing is found', () => {
    let message = ''
    try {
      resolveBrowser(probe([]))
    }
    catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('npx playwright install chromium')
    expect(message).toContain(BROWSER_ENV)
    expect(message).toMatch(/install Google Chrome or Chromium/)
  })
})
