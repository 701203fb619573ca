/** The cases behind a figure, and the resolution figures of a run of periods in one pass. */
import type { LocalDate } from '../dates.js'
import { RuleViolation } from '../errors.js'
import type { ReportRequest } from './figures.js'
import { COUNTED_INDICATORS, type CountedIndicator, contributions, DERIVED_INDICATORS } from './indicators.js'
import type { CaseMetrics, Decision } from './metrics.js'
import { ratio } from './stats.js'
import { subtree, viewOf, walk } from './view.js'

// ---------------------------------------------------------------------------------------------------
// Drill-down: the cases behind a figure.

/** Which figures of a report: the rolled-up total, the committee's own, or one child's subtree. */
export type ReportPart = 'total' | 'own' | { readonly child: string }

/** One case behind a figure, as the scope saw it, with what it added to the figure. */
export interface DrillDownRow<R> {
  readonly row: R
  /** What the case added to the figure: 1 for a count of cases; the events (or days) for the others. */
  readonly count: number
  /** Days to first response or to resolution, for those two figures. */
  readonly days?: number
  /** The dates the report read, as this scope sees the case. */
  readonly dates: {
    readonly arrivedOn: LocalDate
    readonly decidedOn?: LocalDate
    readonly decisionDue?: LocalDate
    readonly resolvedOn?: LocalDate
    readonly resolutionDue?: LocalDate
    readonly withdrawnOn?: LocalDate
    readonly doneOn?: LocalDate
  }
  readonly decision?: Decision
}

/**
 * The cases behind one figure of {@link buildReport}'s report for the same rows and request: the
 * same views of each case and the same predicates ({@link contributions}), so the rows' counts add
 * up to the figure. `metricsOf` reads the metrics of a row (rows carry their case's code).
 *
 * @throws RuleViolation as {@link buildReport}; `unknown_indicator` (field `indicator`); `unknown_part` (field `part`).
 */
export function reportCases<R>(
  rows: readonly R[],
  metricsOf: (row: R) => CaseMetrics,
  request: ReportRequest,
  indicator: string,
  part: ReportPart = 'total',
): DrillDownRow<R>[] {
  const parts: readonly CountedIndicator[] | undefined =
    DERIVED_INDICATORS[indicator] ??
    ((COUNTED_INDICATORS as readonly string[]).includes(indicator)
      ? [indicator as CountedIndicator]
      : undefined)
  if (!parts)
    throw new RuleViolation('unknown_indicator', `'${indicator}' is not a figure of the report`, 'indicator')
  const wanted = new Set<string>(parts)
  const out: DrillDownRow<R>[] = []
  const childId = typeof part === 'object' ? part.child : undefined
  walk(rows, metricsOf, request, (row, view, group, period) => {
    if (
      part === 'own'
        ? group !== request.committeeId
        : childId !== undefined
          ? group !== childId
          : group !== undefined
    )
      return
    let count = 0
    let days: number | undefined
    contributions(view, period, (i, n = 1, d) => {
      if (!wanted.has(i)) return
      count += n
      if (d !== undefined) days = d
    })
    if (count === 0) return
    out.push({
      row,
      count,
      ...(days === undefined ? {} : { days }),
      ...(view.decision === undefined ? {} : { decision: view.decision }),
      dates: {
        arrivedOn: view.inOn,
        ...(view.decidedOn === undefined ? {} : { decidedOn: view.decidedOn }),
        ...(view.decisionDue === undefined ? {} : { decisionDue: view.decisionDue }),
        ...(view.resolvedOn === undefined ? {} : { resolvedOn: view.resolvedOn }),
        ...(view.resolutionDue === undefined ? {} : { resolutionDue: view.resolutionDue }),
        ...(view.withdrawnOn === undefined ? {} : { withdrawnOn: view.withdrawnOn }),
        ...(view.doneOn === undefined ? {} : { doneOn: view.doneOn }),
      },
    })
  })
  if (
    childId !== undefined &&
    !request.committees.some((c) => c.id === childId && c.parentId === request.committeeId)
  )
    throw new RuleViolation(
      'unknown_part',
      `'${childId}' is not a committee directly below '${request.committeeId}'`,
      'part',
    )
  return out
}

/** One period's resolution figures of the whole scope, as {@link buildReport}'s `total.resolution` counts them. */
export interface ResolutionPoint {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly resolved: number
  readonly onTime: number
  readonly overdue: number
  readonly onTimeRate: number | null
}

/**
 * The resolution figures of the whole scope in each of `periods` (ordered, not overlapping), in one
 * pass over the rows: each case, as the scope sees it, counts in the period that holds its
 * resolution, under the same caseload and `resolution.*` predicates as {@link contributions}. Equal
 * to building one report per period (test/unit/on-time-series.test.ts), at the cost of one.
 */
export function resolutionSeries(
  rows: readonly CaseMetrics[],
  request: Pick<ReportRequest, 'committeeId' | 'committees'>,
  periods: readonly { readonly from: LocalDate; readonly to: LocalDate }[],
): ResolutionPoint[] {
  const { committeeId, committees } = request
  if (!committees.some((c) => c.id === committeeId)) {
    throw new RuleViolation('unknown_committee', `there is no committee '${committeeId}'`, 'committeeId')
  }
  const scope = subtree(committees, committeeId)
  const counts = periods.map(() => ({ resolved: 0, onTime: 0, overdue: 0 }))
  for (const m of rows) {
    const holds = scope.has(m.c)
    const sentIt = m.xf !== undefined && scope.has(m.xf.c)
    if (!holds && !sentIt) continue
    const v = viewOf(m, holds, sentIt)
    const on = v.resolvedOn
    if (on === undefined) continue
    // The period that holds the resolution (binary search: the periods are ordered).
    let lo = 0
    let hi = periods.length - 1
    let at = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const p = periods[mid] as { from: LocalDate; to: LocalDate }
      if (on < p.from) hi = mid - 1
      else if (on > p.to) lo = mid + 1
      else {
        at = mid
        break
      }
    }
    if (at < 0) continue
    const p = periods[at] as { from: LocalDate; to: LocalDate }
    // The period's caseload: arrived by its end and not done before its start.
    if (v.inOn > p.to || (v.doneOn !== undefined && v.doneOn < p.from)) continue
    const c = counts[at] as { resolved: number; onTime: number; overdue: number }
    c.resolved++
    if (v.resolutionTimely === 'met') c.onTime++
    else if (v.resolutionTimely === 'missed') c.overdue++
  }
  return periods.map((p, i) => {
    const c = counts[i] as { resolved: number; onTime: number; overdue: number }
    return { from: p.from, to: p.to, ...c, onTimeRate: ratio(c.onTime, c.resolved) }
  })
}
