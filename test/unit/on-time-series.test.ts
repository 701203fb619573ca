/**
 * The on-time chart's series in one pass (issue 12.6): for any set of cases, `resolutionSeries`
 * gives each period the same resolution figures as building that period's report.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMITTEES } from '../../local/demo-data.js'
import { addDays, type LocalDate } from '../../shared/domain/dates.js'
import { buildReport, type CaseMetrics, resolutionSeries } from '../../shared/domain/reports.js'
import { periodsEndingAt } from '../../shared/service/report-audit.js'

const ids = COMMITTEES.map((c) => c.id)
const START: LocalDate = '2024-01-01'
const day = (n: number) => addDays(START, n)
const today: LocalDate = '2026-11-30'

/** A case: received on day r, maybe transferred in, decided, resolved on time or late, withdrawn. */
const metrics = fc
  .record({
    c: fc.constantFrom(...ids),
    from: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    r: fc.integer({ min: 0, max: 1000 }),
    xfAfter: fc.integer({ min: 0, max: 40 }),
    decision: fc.constantFrom('accepted', 'refused', 'guided', 'transferred', undefined),
    decidedAfter: fc.integer({ min: 0, max: 60 }),
    resolvedAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    rs: fc.constantFrom('met', 'missed', undefined),
    withdrawnAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  })
  .map((g): CaseMetrics => {
    const r = day(g.r)
    const start = g.from === undefined ? g.r : g.r + g.xfAfter
    const dd = g.decision === undefined ? undefined : day(start + g.decidedAfter)
    const rv =
      g.decision === 'accepted' && g.resolvedAfter !== undefined
        ? day(start + g.decidedAfter + g.resolvedAfter)
        : undefined
    return {
      v: 1,
      at: today,
      k: 'complaint',
      ch: 'in_person',
      mp: false,
      r,
      c: g.c,
      s: rv ? 'resolved' : 'accepted',
      ...(g.from === undefined ? {} : { xf: { c: g.from, on: day(start) } }),
      ...(g.decision === undefined ? {} : { d: g.decision, dd }),
      ...(rv === undefined ? {} : { rv, ro: 'rejected', ...(g.rs ? { rs: g.rs } : {}) }),
      ...(g.withdrawnAfter === undefined ? {} : { wf: day(g.r + g.withdrawnAfter) }),
    } as CaseMetrics
  })

describe('the on-time series in one pass', () => {
  it('equals one report per period, for every committee, by month and by quarter', () => {
    fc.assert(
      fc.property(
        fc.array(metrics, { minLength: 0, maxLength: 60 }),
        fc.constantFrom(...ids),
        fc.constantFrom('month' as const, 'quarter' as const),
        fc.integer({ min: 1, max: 24 }),
        (rows, committeeId, kind, count) => {
          const periods = periodsEndingAt(kind, count, today)
          const series = resolutionSeries(rows, { committeeId, committees: COMMITTEES }, periods)
          const perPeriod = periods.map((p) => {
            const r = buildReport(
              rows.filter((m) => m.r <= p.to),
              { committeeId, committees: COMMITTEES, from: p.from, to: p.to, today },
            ).total.resolution
            return {
              from: p.from,
              to: p.to,
              resolved: r.resolved,
              onTime: r.onTime,
              overdue: r.overdue,
              onTimeRate: r.onTimeRate,
            }
          })
          expect(series).toEqual(perPeriod)
        },
      ),
      { numRuns: 150, seed: 12_6 },
    )
  })

  it('counts something in the seeded set (the property is not vacuous)', () => {
    const rows = fc.sample(metrics, { numRuns: 200, seed: 7 })
    const root = COMMITTEES.find((c) => c.parentId === undefined)?.id as string
    const series = resolutionSeries(
      rows,
      { committeeId: root, committees: COMMITTEES },
      periodsEndingAt('quarter', 12, today),
    )
    expect(series.reduce((n, p) => n + p.resolved, 0)).toBeGreaterThan(20)
    expect(series.some((p) => p.onTime > 0 && p.overdue > 0)).toBe(true)
  })
})
