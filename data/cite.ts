import { sourceById } from './sources.ts'

/**
 * Each id once, in first-cited order. Every id is checked against the
 * registry here, so a component with a typo fails when it renders.
 */
export function uniqueSourceIds(ids: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const id of ids) {
    sourceById(id)
    seen.add(id)
  }
  return [...seen]
}

/**
 * Part `part` (1-based) of `list` cut into `of` consecutive chunks whose sizes
 * differ by at most one, the larger ones first. Every item lands in exactly
 * one part, so a source list split over slides never drops or repeats one.
 */
export function chunkOf<T>(list: readonly T[], part: number, of: number): { items: T[], offset: number } {
  if (!Number.isInteger(of) || of < 1 || !Number.isInteger(part) || part < 1 || part > of)
    throw new Error(`Invalid part ${part} of ${of}`)
  const base = Math.floor(list.length / of)
  const extra = list.length % of
  const offset = (part - 1) * base + Math.min(part - 1, extra)
  const size = base + (part <= extra
    ? 1
    : 0)
  return {
    items: list.slice(offset, offset + size),
    offset,
  }
}
