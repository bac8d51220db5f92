const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * An ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) in words, e.g.
 * "25 Jul 2019", "Jul 2019" or "2019": the registry only knows the day for
 * some sources, and a date must never look more precise than it is.
 */
export function formatDate(iso: string, style: 'short' | 'long' = 'short'): string {
  const [year, month, day] = iso.split('-')
  if (!month)
    return year
  const months = style === 'long'
    ? MONTHS_LONG
    : MONTHS
  const name = months[Number(month) - 1]
  if (!name)
    throw new Error(`Not an ISO date: "${iso}"`)
  return day
    ? `${Number(day)} ${name} ${year}`
    : `${name} ${year}`
}

/** The year of an ISO date, as a number. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4))
}
