/**
 * The one pass over the reporting rows that the report and its drill-down share: each case as
 * one scope sees it.
 */
import type { LocalDate } from '../dates.js'
import { RuleViolation } from '../errors.js'
import type { Outcome } from '../reasons.js'
import type { Committee } from '../routing.js'
import type { Channel, Kind } from '../vocabulary.js'
import type { OverdueBucket, ReportRequest } from './figures.js'
import {
  type CaseMetrics,
  type Decision,
  type ExtensionRecord,
  type SatisfactionScore,
  type SuspensionSpan,
  settledOn,
  type Timeliness,
} from './metrics.js'
import { validateReportRequest } from './periods.js'
import { dayOf, earliest } from './stats.js'

/**
 * The one pass over the rows that both the report and its drill-down make: each row is seen as the
 * whole scope sees it (`group` undefined) and as the group of the report that holds it sees it (the
 * committee itself, or the child whose subtree holds it), twice when it moved between two groups.
 */
export function walk<R>(
  rows: readonly R[],
  metricsOf: (row: R) => CaseMetrics,
  request: ReportRequest,
  visit: (row: R, view: View, group: string | undefined, period: Period) => void,
): { period: Period; scope: ReadonlySet<string> } {
  const { committeeId, from, to, today, committees } = request
  validateReportRequest(from, to, today)
  if (!committees.some((c) => c.id === committeeId)) {
    throw new RuleViolation('unknown_committee', `there is no committee '${committeeId}'`, 'committeeId')
  }
  const period: Period = { from, to, asOf: earliest(to, today) ?? to }
  const scope = subtree(committees, committeeId)
  const children = committees.filter((c) => c.parentId === committeeId && c.id !== committeeId)
  // Which group of the report each committee of the scope counts in: itself (own) or a child's subtree.
  const groupOf = new Map<string, string>()
  for (const child of children) for (const id of subtree(committees, child.id)) groupOf.set(id, child.id)
  groupOf.set(committeeId, committeeId)

  for (const row of rows) {
    const m = metricsOf(row)
    const holder = groupOf.get(m.c)
    const origin = m.xf === undefined ? undefined : groupOf.get(m.xf.c)
    if (holder === undefined && origin === undefined) continue
    const whole = viewOf(m, holder !== undefined, origin !== undefined)
    visit(row, whole, undefined, period)
    if (holder === origin || m.xf === undefined) {
      visit(row, whole, holder as string, period)
    } else {
      // An internal transfer between two groups: a transfer out of one, a transfer in to the other.
      if (holder !== undefined) visit(row, viewOf(m, true, false), holder, period)
      if (origin !== undefined) visit(row, viewOf(m, false, true), origin, period)
    }
  }
  return { period, scope }
}

/** The committee and every committee below it, root first. */
export function subtree(committees: readonly Committee[], rootId: string): ReadonlySet<string> {
  const ids = new Set([rootId])
  // Grows until no committee is added: each pass reaches one level further down; a cycle stops too.
  for (let added = true; added; ) {
    added = false
    for (const c of committees) {
      if (c.parentId !== undefined && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id)
        added = true
      }
    }
  }
  return ids
}

export interface Period {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly asOf: LocalDate
}

/** A case as one scope sees it. */
export interface View {
  readonly kind: Kind
  readonly channel: Channel
  readonly multi: boolean
  readonly inOn: LocalDate
  readonly transferredIn: boolean
  readonly decision: Decision | undefined
  readonly transferredTo: 'committee' | 'body' | undefined
  readonly decidedOn: LocalDate | undefined
  readonly decisionTimely: Timeliness | undefined
  readonly decisionDue: LocalDate | undefined
  readonly acceptedOn: LocalDate | undefined
  readonly resolvedOn: LocalDate | undefined
  readonly outcome: Outcome | undefined
  readonly resolutionTimely: Timeliness | undefined
  readonly resolutionDue: LocalDate | undefined
  readonly withdrawnOn: LocalDate | undefined
  readonly doneOn: LocalDate | undefined
  readonly firstResponseOn: LocalDate | undefined
  readonly suspensions: readonly SuspensionSpan[]
  readonly extensions: readonly ExtensionRecord[]
  readonly partialWithdrawals: readonly LocalDate[]
  readonly chases: readonly LocalDate[]
  readonly score: SatisfactionScore | undefined
  readonly repeat: 'duplicate' | 'repeat' | undefined
}

const NONE: readonly never[] = []

/**
 * The case as seen from a scope that holds it now (`holds`) and/or holds the committee that
 * transferred it there (`sentIt`). Holding both, or a case never transferred: the whole case from
 * receipt. Only the sender: its decision was the transfer. Only the holder: it arrived by transfer.
 */
export function viewOf(m: CaseMetrics, holds: boolean, sentIt: boolean): View {
  const xf = m.xf
  if (xf !== undefined && !holds) {
    const on = xf.on
    return {
      kind: m.k,
      channel: m.ch,
      multi: m.mp,
      inOn: m.r,
      transferredIn: m.ch === 'transferred_in',
      decision: 'transferred',
      transferredTo: 'committee',
      decidedOn: on,
      decisionTimely: undefined,
      decisionDue: undefined,
      acceptedOn: undefined,
      resolvedOn: undefined,
      outcome: undefined,
      resolutionTimely: undefined,
      resolutionDue: undefined,
      withdrawnOn: undefined,
      doneOn: on,
      firstResponseOn: on,
      suspensions: NONE,
      extensions: NONE,
      partialWithdrawals: m.wp?.filter((d) => d < on) ?? NONE,
      chases: m.cs?.filter((d) => d < on) ?? NONE,
      score: undefined,
      repeat: m.rp,
    }
  }
  const arrivedOn = xf !== undefined && !sentIt ? xf.on : undefined
  const since = (dates: readonly LocalDate[] | undefined) =>
    dates === undefined ? NONE : arrivedOn === undefined ? dates : dates.filter((d) => d >= arrivedOn)
  return {
    kind: m.k,
    channel: arrivedOn === undefined ? m.ch : 'transferred_in',
    multi: m.mp,
    inOn: arrivedOn ?? m.r,
    transferredIn: arrivedOn !== undefined || m.ch === 'transferred_in',
    decision: m.d,
    transferredTo: m.d === 'transferred' ? 'body' : undefined,
    decidedOn: m.dd,
    decisionTimely: m.dt,
    decisionDue: m.da,
    acceptedOn: m.d === 'accepted' ? m.dd : undefined,
    resolvedOn: m.rv,
    outcome: m.ro,
    resolutionTimely: m.rs,
    resolutionDue: m.rd,
    withdrawnOn: m.wf,
    doneOn: settledOn(m),
    // Within a scope that holds both committees the petitioner's first answer was the transfer notice.
    firstResponseOn: xf !== undefined && sentIt ? xf.on : m.fr,
    suspensions: m.sp ?? NONE,
    extensions: m.ex ?? NONE,
    partialWithdrawals: since(m.wp),
    chases: since(m.cs),
    score: m.sc,
    repeat: m.rp,
  }
}

export function bucketOf(days: number): OverdueBucket {
  if (days <= 7) return '1-7'
  if (days <= 30) return '8-30'
  if (days <= 90) return '31-90'
  return '>90'
}

export function suspendedOn(v: View, day: LocalDate): boolean {
  return v.suspensions.some(([from, to]) => from <= day && (to === undefined || to > day))
}

/** Days overdue at `asOf` and the stage, or undefined when the case is not open and overdue then. */
export function overdueAt(
  v: View,
  asOf: LocalDate,
): { days: number; stage: 'decision' | 'resolution' } | undefined {
  if (v.inOn > asOf || (v.doneOn !== undefined && v.doneOn <= asOf)) return undefined
  if (v.decidedOn === undefined || v.decidedOn > asOf) {
    return v.decisionDue !== undefined && v.decisionDue < asOf
      ? { days: dayOf(asOf) - dayOf(v.decisionDue), stage: 'decision' }
      : undefined
  }
  // A suspended clock is stopped: its due date is not known yet.
  if (suspendedOn(v, asOf)) return undefined
  return v.resolutionDue !== undefined && v.resolutionDue < asOf
    ? { days: dayOf(asOf) - dayOf(v.resolutionDue), stage: 'resolution' }
    : undefined
}
