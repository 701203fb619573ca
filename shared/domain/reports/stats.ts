/** The reports' small statistics: nearest-rank percentiles and day counts without suspended days. */
import type { LocalDate } from '../dates.js'
import type { SuspensionSpan } from './metrics.js'

// ---------------------------------------------------------------------------------------------------
// Small statistics.

/**
 * Nearest-rank percentile: the smallest value such that at least `p`% of the values are at or below
 * it, i.e. the value at rank ⌈p/100 × n⌉ (1-based) of the sorted values; always one of the values,
 * never interpolated. The median is the 50th percentile (the lower middle value when n is even).
 * Null when there are no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile is in (0, 100], not ${p}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[rank - 1] ?? null
}

/**
 * Calendar days from `start` to `end`, less the suspended days in between: a suspension from S to
 * R does not count the days after S up to and including R (the deadline engine's reading); one not
 * yet resumed counts up to `end`.
 */
export function netDays(
  start: LocalDate,
  end: LocalDate,
  suspensions: readonly SuspensionSpan[] = [],
): number {
  let days = dayOf(end) - dayOf(start)
  for (const [from, to] of suspensions) {
    const lo = from > start ? from : start
    const hi = to === undefined || to > end ? end : to
    if (hi > lo) days -= dayOf(hi) - dayOf(lo)
  }
  return days
}

/** Days since 1970-01-01 of a stored `YYYY-MM-DD`, unvalidated: the report's hot path reads trusted rows. */
export function dayOf(d: LocalDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000
}

export const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole)

export function earliest(...dates: (LocalDate | undefined)[]): LocalDate | undefined {
  let min: LocalDate | undefined
  for (const d of dates) if (d !== undefined && (min === undefined || d < min)) min = d
  return min
}
