/**
 * Accountability reports: computed from the reporting index only (one Query per committee in the
 * scope, for the cases not finished before the period starts), never from counters that can
 * drift, never with a Scan.
 */

import { type LocalDate, vietnamDate } from '../domain/dates.js'
import { DomainError, RuleViolation } from '../domain/errors.js'
import type { ActingUser } from '../domain/policy.js'
import { committeeRolesFor } from '../domain/policy.js'
import {
  buildReport,
  type CaseMetrics,
  type PeriodKind,
  periodRange,
  type ReportRequest,
  validateReportRequest,
} from '../domain/reports.js'
import type { Committee } from '../domain/routing.js'
import type { Services } from './context.js'
import { reportExtras } from './report-extras.js'

export type ReportPeriod = { from: string; to: string } | { period: PeriodKind; year: number; index?: number }

/** The committee and every committee below it. */
function subtree(committees: readonly Committee[], id: string): string[] {
  const ids = [id]
  for (let i = 0; i < ids.length; i++) for (const c of committees) if (c.parentId === ids[i]) ids.push(c.id)
  return ids
}

/** Supervisors read every committee's report; a head reads their own committee's and those below. */
export function canReadReport(
  user: ActingUser,
  committeeId: string,
  committees: readonly Committee[],
): boolean {
  if (user.memberships.some((m) => m.role === 'supervisor')) return true
  return committeeRolesFor(user, committeeId, committees).has('committee_head')
}

/** A reporting-index row of the scope: the case's code and its metrics. */
export interface ScopeRow {
  readonly code: string
  readonly metrics: CaseMetrics
}

/**
 * The request of a report of `committeeId` for `period`, after the checks every report makes (the
 * committee exists, the reader may read it, the dates are valid). Reads the committees, no rows.
 */
export async function checkedReportRequest(
  s: Services,
  user: ActingUser,
  committeeId: string,
  period: ReportPeriod,
): Promise<ReportRequest> {
  const committees = (await s.settings.getCommittees()).value
  if (!committees.some((c) => c.id === committeeId))
    throw new RuleViolation('unknown_committee', `there is no committee '${committeeId}'`, 'committeeId')
  if (!canReadReport(user, committeeId, committees))
    throw new DomainError('forbidden', 'reports are for supervisors and the heads over this committee', 403)
  const { from, to } = 'period' in period ? periodRange(period.period, period.year, period.index) : period
  const today = vietnamDate(s.now())
  validateReportRequest(from, to, today)
  return { committeeId, from, to, today, committees }
}

/**
 * What a report of `committeeId` for `period` is computed from, after the checks every report
 * makes: the rows of the scope (one Query per committee) and the request. The report, its
 * drill-down, its charts and its exports all start here, so they read the very same rows.
 */
export async function reportInputs(
  s: Services,
  user: ActingUser,
  committeeId: string,
  period: ReportPeriod,
): Promise<{ rows: ScopeRow[]; request: ReportRequest }> {
  const request = await checkedReportRequest(s, user, committeeId, period)
  return { rows: await scopeRows(s, request.committees, committeeId, request.from, request.to), request }
}

/**
 * The report rows of the committee's scope that can count between `from` and `to`: one Query per
 * committee of the scope. The caller has checked the reader and the dates.
 */
export async function scopeRows(
  s: Services,
  committees: readonly Committee[],
  committeeId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<ScopeRow[]> {
  // Each committee's cases, and the rows a committee keeps for cases it transferred away.
  const pages = await Promise.all(
    subtree(committees, committeeId).map((id) => s.cases.listReportRows(id, from)),
  )
  const byCode = new Map<string, { main: boolean; code: string; metrics: CaseMetrics }>()
  for (const row of pages.flat()) {
    if (row.metrics.r > to) continue
    const seen = byCode.get(row.code)
    // A case moved inside the scope appears twice: the case's own row is the fuller one.
    if (!seen || (row.main && !seen.main)) byCode.set(row.code, row)
  }
  return [...byCode.values()].map(({ code, metrics }) => ({ code, metrics }))
}

export function createReportService(s: Services) {
  return {
    async report(user: ActingUser, committeeId: string, period: ReportPeriod) {
      const { rows, request } = await reportInputs(s, user, committeeId, period)
      const built = buildReport(
        rows.map((r) => r.metrics),
        request,
      )
      // Accountability reports owed and the reception register of the same scope and period.
      return { ...built, ...(await reportExtras(s, built.scope, built)) }
    },
  }
}
