/**
 * The drill-down (the cases behind a figure) against the report itself, on the 56 hand-built cases
 * of fixtures/report-cases.ts: for every figure of every part of the report, the cases it returns
 * add up to the figure.
 */
import { describe, expect, it } from 'vitest'
import { COMMITTEES } from '../../local/demo-data.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import { deadlinesOf } from '../../shared/domain/case.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/domain/deadline-rules.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { RuleViolation } from '../../shared/domain/errors.js'
import {
  buildReport,
  caseMetrics,
  EVENT_INDICATORS,
  INDICATORS,
  percentile,
  type ReportFigures,
  type ReportPart,
  reportCases,
} from '../../shared/domain/reports.js'
import { REPORT_CASES, TODAY } from './fixtures/report-cases.js'

const ctx: DeadlineContext = { calendar: new WorkingCalendar(), settings: DEFAULT_DEADLINE_SETTINGS }
const ROWS = REPORT_CASES.map((c) => ({
  code: c.code,
  metrics: caseMetrics(c, deadlinesOf(c, ctx, TODAY), TODAY),
}))
const metricsOf = (r: (typeof ROWS)[number]) => r.metrics

function figureAt(figures: ReportFigures, path: string): number {
  let at: unknown = figures
  for (const key of path.split('.')) at = (at as Record<string, unknown>)[key]
  // byOutcome only lists the outcomes that occurred.
  return at === undefined ? 0 : (at as number)
}

const PERIODS = [
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-08-01', to: '2026-08-31' },
  { from: '2026-10-01', to: '2026-10-15' },
] as const

describe('the cases behind a figure', () => {
  for (const committeeId of ['dukhoi', 'btc', 'byt']) {
    for (const period of PERIODS) {
      it(`add up to every figure of ${committeeId}'s report for ${period.from}..${period.to}, in every part`, () => {
        const request = { committeeId, ...period, today: TODAY, committees: COMMITTEES }
        const report = buildReport(ROWS.map(metricsOf), request)
        const parts: [ReportPart, ReportFigures][] = [
          ['total', report.total],
          ['own', report.own],
          ...report.children.map((c): [ReportPart, ReportFigures] => [{ child: c.committeeId }, c.figures]),
        ]
        let nonZero = 0
        for (const [part, figures] of parts)
          for (const indicator of INDICATORS) {
            const cases = reportCases(ROWS, metricsOf, request, indicator, part)
            const sum = cases.reduce((n, c) => n + c.count, 0)
            expect(sum, `${indicator} of ${JSON.stringify(part)}`).toBe(figureAt(figures, indicator))
            if (!EVENT_INDICATORS.has(indicator)) for (const c of cases) expect(c.count).toBe(1)
            expect(new Set(cases.map((c) => c.row.code)).size).toBe(cases.length)
            if (sum > 0) nonZero++
          }
        // The fixture exercises the figures: most of them are not zero in the quarter.
        if (period.from === '2026-07-01' && committeeId === 'dukhoi') expect(nonZero).toBeGreaterThan(150)
      })
    }
  }

  it('gives the days behind the median and 90th percentile of the response times', () => {
    const request = { committeeId: 'dukhoi', ...PERIODS[0], today: TODAY, committees: COMMITTEES }
    const report = buildReport(ROWS.map(metricsOf), request)
    for (const which of ['firstResponse', 'resolution'] as const) {
      const days = reportCases(ROWS, metricsOf, request, `responseTimes.${which}.count`).map(
        (c) => c.days ?? -1,
      )
      expect(percentile(days, 50)).toBe(report.total.responseTimes[which].median)
      expect(percentile(days, 90)).toBe(report.total.responseTimes[which].p90)
    }
  })

  it('names the cases of the overdue-by-age figure with their due dates', () => {
    const request = { committeeId: 'dukhoi', ...PERIODS[0], today: TODAY, committees: COMMITTEES }
    const cases = reportCases(ROWS, metricsOf, request, 'overdueOpen.total')
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) {
      const due =
        c.dates.decidedOn === undefined || c.dates.decidedOn > '2026-09-30'
          ? c.dates.decisionDue
          : c.dates.resolutionDue
      expect(due! < '2026-09-30').toBe(true)
    }
  })

  it('refuses a figure the report does not have, and a part that is not a child', () => {
    const request = { committeeId: 'dukhoi', ...PERIODS[0], today: TODAY, committees: COMMITTEES }
    expect(() => reportCases(ROWS, metricsOf, request, 'caseload.nothing')).toThrow(RuleViolation)
    expect(() => reportCases(ROWS, metricsOf, request, 'caseload.total', { child: 'dukhoi' })).toThrow(
      /not a committee directly below/,
    )
  })
})
