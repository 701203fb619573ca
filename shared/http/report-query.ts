/**
 * The query every report-shaped route takes (the report, its drill-down, charts and exports): a
 * committee and a period, either as `from`/`to` dates or as a named period of a year.
 */
import * as z from 'zod'
import { RuleViolation } from '../domain/errors.js'
import { PERIOD_KINDS } from '../domain/reports.js'
import { localDate } from '../domain/schemas.js'
import type { ReportPeriod } from '../service/reports.js'

export const reportQuerySchema = z.object({
  committeeId: z.string().min(1).max(64),
  from: localDate.optional(),
  to: localDate.optional(),
  period: z.enum(PERIOD_KINDS).optional(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  index: z.coerce.number().int().min(1).max(12).optional(),
})
export type ReportQuery = z.infer<typeof reportQuerySchema>

/** The period the query names. @throws RuleViolation `year_required`, `period_required`. */
export function reportPeriodOf(q: Omit<ReportQuery, 'committeeId'>): ReportPeriod {
  if (q.period) {
    if (q.year === undefined) throw new RuleViolation('year_required', 'a period needs a year', 'year')
    return { period: q.period, year: q.year, index: q.index }
  }
  if (!q.from || !q.to)
    throw new RuleViolation('period_required', 'give from and to, or a period and a year', 'from')
  return { from: q.from, to: q.to }
}
