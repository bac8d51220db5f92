export { formatDate } from '../kit/i18n/index.ts'

/** The year of an ISO date, as a number. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4))
}
