import type { SpeakerMessage } from '../../present/protocol.ts'
import { Buffer } from 'node:buffer'
import { MAX_MESSAGE_BYTES } from '../../present/protocol.ts'

/** The highest slide number and click step a message may name: far beyond any deck, and a bound for what the room is sent. */
export const MAX_SLIDE = 10_000
export const MAX_CLICKS = 1_000

/** A key as the present command makes it: base64url, 16 to 128 characters. */
const KEY = /^[\w-]{16,128}$/

/** A message the server read, or why it dropped one. */
export type ReadMessage = { ok: true, message: SpeakerMessage } | { ok: false, reason: string }

function drop(reason: string): ReadMessage {
  return { ok: false, reason }
}

function isCount(value: unknown, max: number, min = 0): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
}

/** Whether `object` has exactly the keys given, no more. */
function hasKeys(object: object, keys: string[]): boolean {
  const own = Object.keys(object)
  return own.length === keys.length && keys.every(key => own.includes(key))
}

/**
 * Reads one WebSocket message from a page: a text frame of at most
 * MAX_MESSAGE_BYTES holding a JSON object of a known type with exactly its
 * fields, each of its type and within its range. Anything else is dropped,
 * with the reason (never the message, which may hold a mistyped key).
 */
export function readMessage(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ReadMessage {
  if (isBinary)
    return drop('a binary message')
  const bytes = Array.isArray(data)
    ? data.reduce((sum, part) => sum + part.byteLength, 0)
    : data.byteLength
  if (bytes > MAX_MESSAGE_BYTES)
    return drop(`a message of ${bytes} bytes (at most ${MAX_MESSAGE_BYTES})`)
  let value: unknown
  try {
    value = JSON.parse(Buffer.concat(Array.isArray(data)
      ? data
      : [
          Buffer.from(data as ArrayBuffer),
        ]).toString('utf8'))
  }
  catch {
    return drop('a message that is not JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return drop('a message that is no JSON object')
  const message = value as Record<string, unknown>
  switch (message.type) {
    case 'auth':
      if (!hasKeys(message, ['type', 'key', 'role']) || typeof message.key !== 'string' || !KEY.test(message.key) || (message.role !== 'presenter' && message.role !== 'remote'))
        return drop('a malformed auth message')
      return {
        ok: true,
        message: { type: 'auth', key: message.key, role: message.role },
      }
    case 'go':
      if (!hasKeys(message, ['type', 'slide', 'clicks']) || !isCount(message.slide, MAX_SLIDE, 1) || !isCount(message.clicks, MAX_CLICKS))
        return drop('a malformed go message')
      return {
        ok: true,
        message: { type: 'go', slide: message.slide, clicks: message.clicks },
      }
    case 'take':
      if (!hasKeys(message, ['type']))
        return drop('a malformed take message')
      return {
        ok: true,
        message: { type: 'take' },
      }
    case 'step':
      if (!hasKeys(message, ['type', 'direction']) || (message.direction !== 'next' && message.direction !== 'prev'))
        return drop('a malformed step message')
      return {
        ok: true,
        message: { type: 'step', direction: message.direction },
      }
    default:
      return drop('a message of no known type')
  }
}
