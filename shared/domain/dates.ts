/**
 * Calendar dates without a time of day ("local dates"), written `YYYY-MM-DD`, as the law counts
 * them. All arithmetic goes through day numbers (days since 1970-01-01), which has no time zone
 * and no daylight-saving traps. Vietnam keeps UTC+7 all year, so an instant becomes a Vietnamese
 * date by a fixed offset.
 */

export type LocalDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
/** Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isLocalDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Days since 1970-01-01 for a local date. Throws on a malformed date: callers validate input first. */
export function dayNumber(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10)
}

export function ymd(year: number, month: number, day: number): LocalDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  // Day 0 (1970-01-01) was a Thursday; the double modulo keeps earlier dates non-negative.
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

/** The Vietnamese calendar date of an instant. */
export function vietnamDate(instant: Date | string): LocalDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

/** Dates the way Vietnamese readers write them: dd/mm/yyyy. */
export function formatVietnamese(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b
}

/** An ISO instant as dd/mm/yyyy HH:mm in Vietnam's time (UTC+7, no daylight saving). */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const time = new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16)
  return `${formatVietnamese(vietnamDate(iso))} ${time}`
}
