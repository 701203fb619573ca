/**
 * The on-time chart (issue 12.6): the 24-month series of GET /api/v1/reports/charts/on-time.svg
 * computed the old way (one report per period: 24 reads of the scope and 24 reports, kept here only
 * as the baseline) and the new way (the service's `onTimeTrend`: one read of the whole span, one
 * pass over the rows), in the same run on the same table, as CPU ms of this process (the local
 * store runs in it too). N cases (default 140) closed during 2025–2026 across the ministries.
 *
 * Run: npx tsx bench/on-time-chart.ts 140   → bench/results/on-time-chart.json
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vietnamDate } from '../shared/domain/dates.js'
import type { ActingUser } from '../shared/domain/policy.js'
import { buildReport, type PeriodKind } from '../shared/domain/reports.js'
import { createReportAuditService, periodsEndingAt } from '../shared/service/report-audit.js'
import { reportInputs } from '../shared/service/reports.js'
import { seedCases, vn } from './lib/seed-cases.js'
import { startBenchServer } from './lib/server.js'
import { median } from './lib/stats.js'

const CASES = Number(process.argv[2] ?? 140)
const COUNT = 24
const RUNS = 5
const supervisor: ActingUser = { id: 'giamsat', memberships: [{ role: 'supervisor', committeeId: 'ubkt' }] }

const cpuMs = async (run: () => Promise<unknown>) => {
  const before = process.cpuUsage()
  await run()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-on-time-'))
const now = vn('2026-11-26 10:00')
const server = await startBenchServer(dataDir, { now: () => now })
try {
  const { services } = server
  await seedCases(services, {
    closed: CASES,
    open: 0,
    closedFrom: '2025-01-06',
    closedDays: 680,
    openAt: now,
  })
  const audit = createReportAuditService(services)
  const today = vietnamDate(now)

  /** The old way: one report per period, each its own read of the scope. */
  async function perPeriod() {
    const points = []
    for (const p of periodsEndingAt('month', COUNT, today)) {
      const { rows, request } = await reportInputs(services, supervisor, 'dukhoi', {
        period: 'month' as PeriodKind,
        year: p.year,
        index: p.index,
      })
      const r = buildReport(
        rows.map((x) => x.metrics),
        request,
      ).total.resolution
      points.push({ from: p.from, to: p.to, label: p.label, ...r })
    }
    return points
  }
  const onePass = () => audit.onTimeTrend(supervisor, 'dukhoi', 'month', COUNT)

  // The same figures both ways, or the comparison means nothing.
  const [a, b] = [await perPeriod(), await onePass()]
  const key = (x: { resolved: number; onTime: number; overdue: number }) =>
    `${x.resolved}/${x.onTime}/${x.overdue}`
  if (a.map(key).join() !== b.map(key).join()) throw new Error('the one-pass series differs from the reports')
  const resolved = b.reduce((n, p) => n + p.resolved, 0)

  const before: number[] = []
  const after: number[] = []
  for (let i = 0; i < RUNS; i++) {
    before.push(await cpuMs(perPeriod))
    after.push(await cpuMs(onePass))
  }
  const result = {
    date: new Date().toISOString(),
    command: `npx tsx bench/on-time-chart.ts ${CASES}`,
    cases: CASES,
    periods: COUNT,
    resolvedInSeries: resolved,
    runs: RUNS,
    beforeCpuMs: { median: Math.round(median(before)), runs: before.map(Math.round) },
    afterCpuMs: { median: Math.round(median(after)), runs: after.map(Math.round) },
    speedup: Number((median(before) / median(after)).toFixed(1)),
  }
  console.log(
    `on-time chart, ${CASES} cases, ${COUNT} months: before ${result.beforeCpuMs.median} ms CPU, after ${result.afterCpuMs.median} ms CPU (${result.speedup}×)`,
  )
  await writeFile(
    join(import.meta.dirname, 'results', 'on-time-chart.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  )
} finally {
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
}
