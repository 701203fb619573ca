/** Reporting periods and the checks on a report's request (docs/domain.md#reports). */
import { daysBetween, isLocalDate, type LocalDate, ymd } from '../dates.js'
import { RuleViolation } from '../errors.js'

// ---------------------------------------------------------------------------------------------------
// Periods and requests.

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** The longest custom range a report covers, in days, both ends included (a leap year). */
export const MAX_REPORT_DAYS = 366

const PERIOD_MONTHS: Record<PeriodKind, { count: number; length: number }> = {
  month: { count: 12, length: 1 },
  quarter: { count: 4, length: 3 },
  half: { count: 2, length: 6 },
  nine_months: { count: 1, length: 9 },
  year: { count: 1, length: 12 },
}

/**
 * The dates of a reporting period (Circular 02/2021/TT-TTCP): month 1–12, quarter 1–4, half 1–2;
 * 9 months is January to September and takes no index, nor does the year.
 *
 * @throws RuleViolation `invalid_period` (field `year` or `index`).
 */
export function periodRange(
  kind: PeriodKind,
  year: number,
  index?: number,
): { from: LocalDate; to: LocalDate } {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RuleViolation('invalid_period', `${year} is not a year`, 'year')
  }
  const { count, length } = PERIOD_MONTHS[kind]
  const n = index ?? (count === 1 ? 1 : undefined)
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > count) {
    throw new RuleViolation(
      'invalid_period',
      count === 1
        ? `a ${kind} period takes no index`
        : `a ${kind} is numbered 1 to ${count}, not ${index ?? 'nothing'}`,
      'index',
    )
  }
  const firstMonth = (n - 1) * length + 1
  // Day 0 of the month after the period is its last day.
  return { from: ymd(year, firstMonth, 1), to: ymd(year, firstMonth + length, 0) }
}

/**
 * Refuses a period that is not a pair of dates, ends before it starts, starts after `today`, or
 * covers more than {@link MAX_REPORT_DAYS} days. A period that is still running is allowed: it is
 * reported as of today.
 *
 * @throws RuleViolation `invalid_date`, `period_ends_before_start`, `future_period`, `period_too_long`.
 */
export function validateReportRequest(from: LocalDate, to: LocalDate, today: LocalDate): void {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
    ['today', today],
  ] as const) {
    if (!isLocalDate(value))
      throw new RuleViolation('invalid_date', `${field} is not a date: ${value}`, field)
  }
  if (to < from) {
    throw new RuleViolation(
      'period_ends_before_start',
      `the period ends (${to}) before it starts (${from})`,
      'to',
    )
  }
  if (from > today) {
    throw new RuleViolation('future_period', `the period starts (${from}) after today (${today})`, 'from')
  }
  const days = daysBetween(from, to) + 1
  if (days > MAX_REPORT_DAYS) {
    throw new RuleViolation(
      'period_too_long',
      `a report covers at most ${MAX_REPORT_DAYS} days, not ${days}`,
      'to',
    )
  }
}
