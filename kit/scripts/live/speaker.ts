import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { KEY_PARAM } from '../../present/protocol.ts'

/** How long a key is kept for a restarted server: a talk's day, not a week. */
export const KEY_KEPT_MS = 12 * 60 * 60 * 1000

/** A fresh key: 128 random bits, in the characters an address carries as they are. */
export function newKey(): string {
  return randomBytes(16).toString('base64url')
}

/**
 * The speaker's key, fresh unless one made in the last twelve hours is in
 * `file` (readable by this user only): a server restarted during the talk
 * keeps the key, so the presenter view already open drives on. `fresh`
 * always makes a new one.
 */
export async function speakerKey(file: string, fresh: boolean): Promise<string> {
  if (!fresh) {
    try {
      const [kept, { mtimeMs }] = await Promise.all([
        readFile(file, 'utf8'),
        stat(file),
      ])
      if (Date.now() - mtimeMs < KEY_KEPT_MS && /^[\w-]{16,128}$/.test(kept.trim()))
        return kept.trim()
    }
    catch {
      // None kept: a new one.
    }
  }
  const key = newKey()
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, key, { mode: 0o600 })
  await chmod(file, 0o600)
  return key
}

/** This machine's addresses on the networks it is on (IPv4, not loopback), the one the room most likely shares first: a private LAN address. */
export function networkAddresses(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter(entry => entry && entry.family === 'IPv4' && !entry.internal)
    .map(entry => entry!.address)
  const isPrivate = (address: string): boolean => /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/.test(address)
  return addresses.sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)))
}

/** A page of the site at `origin`: `/#/presenter/1` with hash routing, `/presenter/1` with history routing. */
export function pageAddress(origin: string, routerMode: string | undefined, route: string, key?: string): string {
  const query = key
    ? `?${KEY_PARAM}=${key}`
    : ''
  return routerMode === 'history'
    ? `${origin}/${route}${query}`
    : `${origin}/#/${route}${query}`
}
