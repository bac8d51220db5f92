import type { ExecFileSyncOptions } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { chromium } from './playwright.ts'

/** Environment variable that names the Chrome or Chromium binary to use. */
export const BROWSER_ENV = 'CHROMIUM_PATH'

/** Everything browser resolution looks at, so tests can fake each branch. */
export interface BrowserProbe {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  exists: (file: string) => boolean
  /** Where Playwright would have installed its own Chromium. */
  playwrightChromium: () => string | undefined
  isRoot: boolean
  /** Installs Debian's `chromium` package; throws when apt-get fails. */
  installChromium: () => void
  log: (message: string) => void
}

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError'
}

/** The usual places a system Chrome or Chromium lives, per platform. */
export function systemBrowserCandidates(platform: NodeJS.Platform, env: BrowserProbe['env']): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      `${env.HOME ?? ''}/Applications/Google Chrome.app/Contents/MacOS/Google Chrome`,
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean) as string[]
    return roots.flatMap(root => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ])
  }
  const names = [
    // Debian's old headless shell first: the same Blink and printing without
    // the full browser around it, which an export never shows. It spends
    // a fifth to a third less CPU on an export (kit/README.md, Requirements).
    'chromium-headless-shell',
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
  ]
  const dirs = [
    ...new Set([
      '/usr/bin',
      '/usr/local/bin',
      '/snap/bin',
      ...(env.PATH ?? '').split(':').filter(Boolean),
    ]),
  ]
  return dirs.flatMap(dir => names.map(name => path.posix.join(dir, name)))
}

function notFoundMessage(): string {
  return [
    'No Chrome or Chromium browser was found. Any one of these fixes it:',
    `  - point ${BROWSER_ENV} at a Chrome or Chromium binary, e.g. ${BROWSER_ENV}=/usr/bin/chromium npm run pdf`,
    '  - install Playwright\'s Chromium: npx playwright install chromium',
    '  - install Google Chrome or Chromium from your system\'s packages (Debian/Ubuntu: apt-get install chromium)',
  ].join('\n')
}

/**
 * Finds a browser, in this order: the environment variable, Playwright's own
 * Chromium, a system Chrome/Chromium, and (as root with apt-get) Debian's
 * chromium package, installed on the spot.
 */
export function resolveBrowser(probe: BrowserProbe = systemProbe()): string {
  const fromEnv = probe.env[BROWSER_ENV]
  if (fromEnv) {
    if (probe.exists(fromEnv))
      return fromEnv
    throw new BrowserNotFoundError(`${BROWSER_ENV} is set to "${fromEnv}", but no file is there. Fix the path or unset ${BROWSER_ENV}.`)
  }

  const playwrightPath = probe.playwrightChromium()
  if (playwrightPath && probe.exists(playwrightPath))
    return playwrightPath

  const system = systemBrowserCandidates(probe.platform, probe.env).find(file => probe.exists(file))
  if (system)
    return system

  const aptGet = probe.platform === 'linux' && ['/usr/bin/apt-get', '/bin/apt-get'].some(file => probe.exists(file))
  if (probe.isRoot && aptGet) {
    probe.log('No browser found: installing Debian\'s chromium package with apt-get (running as root)…')
    try {
      probe.installChromium()
    }
    catch (error) {
      throw new BrowserNotFoundError(`apt-get could not install chromium: ${(error as Error).message}\n\n${notFoundMessage()}`)
    }
    const installed = systemBrowserCandidates(probe.platform, probe.env).find(file => probe.exists(file))
    if (installed) {
      probe.log(`Installed ${installed}`)
      return installed
    }
  }

  throw new BrowserNotFoundError(notFoundMessage())
}

export function systemProbe(): BrowserProbe {
  return {
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    playwrightChromium: () => {
      try {
        return chromium.executablePath()
      }
      catch {
        return undefined
      }
    },
    isRoot: process.getuid?.() === 0,
    installChromium: () => {
      // apt-get's progress goes to stderr, so stdout carries only the browser's path.
      const options: ExecFileSyncOptions = {
        stdio: ['ignore', 2, 2],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }
      execFileSync('apt-get', ['update'], options)
      execFileSync('apt-get', ['install', '-y', 'chromium'], options)
    },
    log: message => console.error(message),
  }
}
