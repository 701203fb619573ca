/**
 * Scale: the committee queue page, the deadline sweep and the yearly report with 1,000 and with
 * 100,000 stored cases (SCALE_SIZES), and the yearly report beside a bare Query over the same
 * reporting-index items in the same run (issue 6). SCALE_SIZES counts all cases: 600 of them open
 * at every size (SCALE_OPEN), so a queue page is full and alike at both, the rest closed.
 *
 * Each size runs on a fresh server and table. The cases (bench/lib/seed-cases.ts: built by the
 * domain and the real case store, written with BatchWriteItem) are 95% closed during 2026
 * (received 5/01 → 31/10, closed 14 days later) but for 600 received on Thu 26/11/2026 09:00 and
 * awaiting a decision, spread over the twelve ministries' committees. The clock is 26/11/2026
 * 10:00, when no open case has a step due. Measured (ReturnConsumedCapacity on every call):
 *   - queue page: GET /api/v1/committees/btc/queue?limit=25 as btc.canbo;
 *   - sweep: one deadline sweep with nothing due (its fixed reads: shards of the watch index,
 *     the outbox, settings);
 *   - yearly report: GET /api/v1/reports?committeeId=dukhoi&period=year&year=2026 as the supervisor
 *     (the whole organisation: one Query per committee of the tree, every 2026 case);
 *   - bare Query: the same per-committee Queries on the reporting index, paged, nothing computed.
 * Targets: queue and sweep within 10% from the smaller to the larger table; the report
 * proportional to the cases in the period.
 *
 * Run: npm run bench:scale   (SCALE_SIZES=1000,100000; the 100,000 seed takes a few minutes)
 *      → bench/results/scale.json
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CapacityRecord } from '../shared/store/client.js'
import { INDEXES } from '../shared/store/table.js'
import { seedCases, vn } from './lib/seed-cases.js'
import { acrossSizes, startBenchServer } from './lib/server.js'
import { median } from './lib/stats.js'

const SIZES = (process.env.SCALE_SIZES ?? '1000,100000').split(',').map(Number)
/** The same open cases at every size (50 per ministry committee): only the closed ones grow. */
const OPEN_CASES = Number(process.env.SCALE_OPEN ?? 600)
const TOLERANCE = 0.1

interface Measured {
  readonly units: number
  readonly calls: number
  readonly medianMs: number
  readonly runsMs: number[]
}
interface SizeResult {
  readonly cases: number
  readonly openCases: number
  readonly seedSeconds: number
  readonly itemsWritten: number
  readonly queuePage: Measured & { readonly returned: number }
  readonly sweep: Measured
  readonly yearlyReport: Measured & { readonly bytes: number }
  readonly bareQuery: Measured & { readonly items: number }
}

async function runSize(cases: number): Promise<SizeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-scale-'))
  const clock = { now: vn('2026-11-26 10:00') }
  let records: CapacityRecord[] = []
  const server = await startBenchServer(dataDir, { now: () => clock.now, onCapacity: (r) => records.push(r) })
  try {
    const { services } = server
    const open = Math.min(OPEN_CASES, cases)
    const seeded = await seedCases(services, {
      closed: cases - open,
      open,
      closedFrom: '2026-01-05',
      closedDays: 300,
      openAt: vn('2026-11-26 09:00'),
    })
    console.log(`  ${cases.toLocaleString('en')} cases written in ${seeded.seconds.toFixed(0)} s`)

    async function measure<T>(runs: number, run: () => Promise<T>): Promise<Measured & { result: T }> {
      let result: T = await run() // warm-up: caches, JIT
      const times: number[] = []
      let units = 0
      let calls = 0
      for (let i = 0; i < runs; i++) {
        records = []
        const started = performance.now()
        result = await run()
        times.push(performance.now() - started)
        units = records.reduce((sum, r) => sum + r.capacityUnits, 0)
        calls = records.length
      }
      return { result, units, calls, medianMs: median(times), runsMs: times.map((t) => Math.round(t)) }
    }

    const handler = await server.identity.issue('btc.canbo')
    const supervisor = await server.identity.issue('giamsat')
    const queue = await measure(11, async () => {
      const res = await fetch(`${server.url}/api/v1/committees/btc/queue?limit=25`, {
        headers: { authorization: `Bearer ${handler}` },
      })
      if (res.status !== 200) throw new Error(`queue: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { items: unknown[] }).items.length
    })
    const sweep = await measure(5, async () => {
      const report = await server.sweep.sweep()
      if (report.stepsDone !== 0) throw new Error(`the sweep found ${report.stepsDone} steps due`)
      return report
    })
    const reportRuns = cases > 20_000 ? 2 : 5
    const report = await measure(reportRuns, async () => {
      const res = await fetch(`${server.url}/api/v1/reports?committeeId=dukhoi&period=year&year=2026`, {
        headers: { authorization: `Bearer ${supervisor}` },
      })
      if (res.status !== 200) throw new Error(`report: ${res.status} ${await res.text()}`)
      return (await res.json()) as Record<string, unknown>
    })
    const committeeIds = (await services.settings.getCommittees()).value.map((c) => c.id)
    const bare = await measure(reportRuns, async () => {
      let items = 0
      for (const id of committeeIds) {
        let start: Record<string, unknown> | undefined
        do {
          const out = await services.db.query({
            TableName: services.tableName,
            IndexName: INDEXES.reporting.name,
            KeyConditionExpression: 'reportPk = :pk AND reportSk >= :from',
            ExpressionAttributeValues: { ':pk': `R#${id}`, ':from': '2026-01-01' },
            ExclusiveStartKey: start,
          })
          items += out.Items?.length ?? 0
          start = out.LastEvaluatedKey
        } while (start)
      }
      return items
    })
    const { result: returned, ...queueM } = queue
    const { result: _s, ...sweepM } = sweep
    const { result: reportBody, ...reportM } = report
    const { result: items, ...bareM } = bare
    return {
      cases,
      openCases: open,
      seedSeconds: seeded.seconds,
      itemsWritten: seeded.items,
      queuePage: { ...queueM, returned },
      sweep: sweepM,
      yearlyReport: { ...reportM, bytes: JSON.stringify(reportBody).length },
      bareQuery: { ...bareM, items },
    }
  } finally {
    await server.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const results = await acrossSizes(SIZES, runSize, (size) => `scale: ${size.toLocaleString('en')} cases…`)
const [small, large] = [results[0]!, results.at(-1)!]
const change = (a: number, b: number) => (a === 0 ? (b === 0 ? 0 : Number.POSITIVE_INFINITY) : (b - a) / a)
const casesRatio = large.cases / small.cases
const summary = {
  queueUnitsChange: change(small.queuePage.units, large.queuePage.units),
  queueTimeChange: change(small.queuePage.medianMs, large.queuePage.medianMs),
  sweepUnitsChange: change(small.sweep.units, large.sweep.units),
  sweepTimeChange: change(small.sweep.medianMs, large.sweep.medianMs),
  casesRatio,
  reportUnitsRatio: large.yearlyReport.units / small.yearlyReport.units,
  reportTimeRatio: large.yearlyReport.medianMs / small.yearlyReport.medianMs,
  reportVsBareQueryTime: large.yearlyReport.medianMs / large.bareQuery.medianMs,
  reportVsBareQueryUnits: large.yearlyReport.units / large.bareQuery.units,
}
const queueMet =
  Math.abs(summary.queueUnitsChange) <= TOLERANCE && Math.abs(summary.queueTimeChange) <= TOLERANCE
const sweepMet =
  Math.abs(summary.sweepUnitsChange) <= TOLERANCE && Math.abs(summary.sweepTimeChange) <= TOLERANCE
// Proportional to the cases in the period: at both sizes the report reads what a bare Query of the
// period's reporting entries reads (its units within 1 of the Query's: the request's own reads of the
// user and the committees), so its cost follows those entries and nothing else; and at the larger
// size, where the entries dominate, its time stays within 2× the bare Query's.
const reportMet =
  results.every((r) => r.yearlyReport.units - r.bareQuery.units <= 1) &&
  large.yearlyReport.medianMs <= 2 * large.bareQuery.medianMs
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`
console.log(`\nScale: ${small.cases.toLocaleString('en')} vs ${large.cases.toLocaleString('en')} cases\n`)
for (const [name, get] of [
  ['queue page units', (r: SizeResult) => r.queuePage.units],
  ['queue page ms (median)', (r: SizeResult) => r.queuePage.medianMs],
  ['sweep units', (r: SizeResult) => r.sweep.units],
  ['sweep ms (median)', (r: SizeResult) => r.sweep.medianMs],
  ['yearly report units', (r: SizeResult) => r.yearlyReport.units],
  ['yearly report ms', (r: SizeResult) => r.yearlyReport.medianMs],
  ['bare Query units', (r: SizeResult) => r.bareQuery.units],
  ['bare Query ms', (r: SizeResult) => r.bareQuery.medianMs],
] as const)
  console.log(
    `${name.padEnd(28)}${get(small).toFixed(1).padStart(12)}${get(large).toFixed(1).padStart(12)}${pct(change(get(small), get(large))).padStart(12)}`,
  )
console.log(
  `\nqueue within ${TOLERANCE * 100}%: ${queueMet ? 'met' : 'NOT met'}; sweep: ${sweepMet ? 'met' : 'NOT met'}; report ×${summary.reportUnitsRatio.toFixed(1)} units, ×${summary.reportTimeRatio.toFixed(1)} time for ×${casesRatio} cases: ${reportMet ? 'met' : 'NOT met'}`,
)
await writeFile(
  join(import.meta.dirname, 'results', 'scale.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      engine: 'dynalite 4.0.0 (ReturnConsumedCapacity=TOTAL)',
      openCases: OPEN_CASES,
      targets: {
        queueAndSweep: `within ${TOLERANCE * 100}% (units and median time)`,
        report:
          'proportional to the cases in the period: at each size, units within 1 (the request’s own reads) of a bare Query of the same reporting entries; at the larger size, time within 2× of it',
      },
      met: { queue: queueMet, sweep: sweepMet, report: reportMet },
      summary,
      results,
    },
    null,
    2,
  )}\n`,
)
