/**
 * The deadline sweep's cost does not grow with the cases stored: the DynamoDB capacity one sweep
 * consumes (ReturnConsumedCapacity on every call, through `onCapacity` on the local server) with
 * 1,000 stored closed cases and with 20,000, beside the same open cases, and the time of one sweep.
 * Target: the two figures within 10% of each other.
 *
 * Each size runs on a fresh server and table, so the two are alike but for the closed cases:
 *   1. N closed cases written straight through the case store (`cases.createCase`, the call the
 *      intake service makes: content item, then case item), each built the way the service builds
 *      it: the intake record, then accept → resolve → close decided by the domain (`decideAction`),
 *      each event hash-chained, the watch plan from `watchPlanOf`, the petitioner told of everything
 *      (as the sweep would have left them). Closed cases carry no deadline-watch keys.
 *   2. 100 open cases filed over the public API on Mon 4/01/2027 10:00: 50 recommendations (transfer
 *      due Mon 11/01: a 3-working-day reminder on Wed 6/01) and 50 complaints (acceptance due 13/01:
 *      first reminder Fri 8/01); a sweep then sends their receipts, so nothing else is pending.
 *   3. Measured: the sweep at Wed 6/01/2027 00:05, when the 50 recommendations have a step due (a
 *      reminder recorded and a message to the committee's handler each), then the sweep 15 minutes
 *      later, when nothing is due.
 * For contrast, one row shows what finding the due clocks by scanning the table would cost.
 *
 * Run: npx tsx bench/sweep-capacity.ts   (SWEEP_BENCH_SIZES=1000,20000 by default; ~3 minutes)
 *      → prints a table, writes bench/results/sweep-capacity.json
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { COMMITTEES } from '../local/demo-data.js'
import { vietnamDate } from '../shared/domain/dates.js'
import { hashPin } from '../shared/security.js'
import type { StoredCase } from '../shared/store/cases.js'
import type { CapacityRecord } from '../shared/store/client.js'
import { syntheticCase, vn } from './lib/seed-cases.js'
import { acrossSizes, startBenchServer } from './lib/server.js'

const SIZES = (process.env.SWEEP_BENCH_SIZES ?? '1000,20000').split(',').map(Number)
const OPEN_DUE = 50
const OPEN_NOT_DUE = 50
const TOLERANCE = 0.1
const WRITERS = 16

const MINISTRIES = COMMITTEES.filter((c) => c.type === 'subordinate')

interface Measured {
  readonly units: number
  readonly reads: number
  readonly writes: number
  readonly calls: number
  readonly byOperation: Record<string, { calls: number; units: number }>
  readonly ms: number
}

interface SizeResult {
  readonly closedCases: number
  readonly openCases: number
  readonly writeClosedSeconds: number
  readonly sweepWithDueSteps: Measured & { readonly stepsDone: number; readonly delivered: number }
  readonly sweepWithNothingDue: Measured & { readonly medianMsOf11: number }
  readonly baselineScanForDueClocks: Measured & { readonly itemsScanned: number }
}

async function runSize(closedCases: number): Promise<SizeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-sweep-bench-'))
  const clock = { now: vn('2026-11-26 10:00') }
  let records: CapacityRecord[] = []
  const server = await startBenchServer(dataDir, { now: () => clock.now, onCapacity: (r) => records.push(r) })
  try {
    const { services } = server
    const [ctx, committees] = await Promise.all([
      services.deadlineContext(),
      services.settings.getCommittees(),
    ])

    async function measure<T>(run: () => Promise<T>): Promise<{ result: T } & Measured> {
      records = []
      const started = performance.now()
      const result = await run()
      const ms = performance.now() - started
      const byOperation: Measured['byOperation'] = {}
      for (const r of records) {
        const entry = byOperation[r.operation] ?? { calls: 0, units: 0 }
        byOperation[r.operation] = { calls: entry.calls + 1, units: entry.units + r.capacityUnits }
      }
      // dynalite reports the total only (no read/write split): the operation says which it is.
      const isRead = (r: CapacityRecord) => ['GetItem', 'Query', 'Scan', 'BatchGetItem'].includes(r.operation)
      return {
        result,
        units: records.reduce((sum, r) => sum + r.capacityUnits, 0),
        reads: records.reduce((sum, r) => sum + (isRead(r) ? r.capacityUnits : 0), 0),
        writes: records.reduce((sum, r) => sum + (isRead(r) ? 0 : r.capacityUnits), 0),
        calls: records.length,
        byOperation,
        ms,
      }
    }

    // 1. Closed cases, built as the service builds them.
    const pinHash = await hashPin('12345678')
    const petitionerSealed = await services.sealer.seal(
      JSON.stringify({ fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' }),
    )
    const closedCase = (i: number): StoredCase =>
      syntheticCase(i, new Date(vn('2026-08-03 09:00').getTime() + (i % 90) * 86_400_000), false, {
        ctx,
        committees: committees.value,
        pinHash,
      })
    const writing = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let i = next++; i < closedCases; i = next++) {
          const c = closedCase(i)
          await services.cases.createCase(c, {
            code: c.code,
            content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
            petitionerSealed,
            concerns: { organization: MINISTRIES[i % MINISTRIES.length]!.organizations[0] },
            createdAt: c.receivedAt,
          })
        }
      }),
    )
    const writeClosedSeconds = (performance.now() - writing) / 1000

    // 2. The same open cases in both runs, filed over the public API, and their receipts sent.
    clock.now = vn('2027-01-04 10:00')
    for (let i = 0; i < OPEN_DUE + OPEN_NOT_DUE; i++) {
      const res = await fetch(`${server.url}/api/v1/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: i < OPEN_DUE ? 'recommendation' : 'complaint',
          title: 'Kiến nghị đơn giản hóa thủ tục',
          content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
          petitioner: { fullName: 'Nguyễn Văn An', email: `open${i}@example.vn` },
          concerns: { organization: MINISTRIES[i % MINISTRIES.length]!.organizations[0] },
        }),
      })
      if (res.status !== 201) throw new Error(`submission refused: ${res.status} ${await res.text()}`)
    }
    clock.now = vn('2027-01-04 10:15')
    await server.sweep.sweep()

    // 3. The measured sweeps (one warm-up read of users and settings is part of every sweep).
    clock.now = vn('2027-01-06 00:05')
    const due = await measure(() => server.sweep.sweep())
    if (due.result.stepsDone !== OPEN_DUE)
      throw new Error(`expected ${OPEN_DUE} steps due, the sweep did ${due.result.stepsDone}`)
    clock.now = vn('2027-01-06 00:20')
    const idle = await measure(() => server.sweep.sweep())
    // One sweep's time is noisy on a shared machine: the median of eleven more idle sweeps beside it.
    const idleTimes: number[] = []
    for (let i = 0; i < 11; i++) {
      clock.now = new Date(clock.now.getTime() + 15 * 60_000)
      const started = performance.now()
      await server.sweep.sweep()
      idleTimes.push(performance.now() - started)
    }
    const idleMedianMs = idleTimes.sort((a, b) => a - b)[5]!

    // Contrast: the due clocks found by scanning the whole table instead of the watch index.
    const today = vietnamDate(clock.now)
    const scan = await measure(async () => {
      let start: Record<string, unknown> | undefined
      let scanned = 0
      do {
        const out = await (await services.db.documentClient()).send(
          new ScanCommand({
            TableName: services.tableName,
            FilterExpression: 'sk = :case AND nextWatch <= :today',
            ExpressionAttributeValues: { ':case': 'CASE', ':today': today },
            ExclusiveStartKey: start,
          }),
        )
        scanned += out.ScannedCount ?? 0
        start = out.LastEvaluatedKey
      } while (start)
      return scanned
    })

    const { result: dueReport, ...dueMeasured } = due
    const { result: _idle, ...idleMeasured } = idle
    const { result: itemsScanned, ...scanMeasured } = scan
    return {
      closedCases,
      openCases: OPEN_DUE + OPEN_NOT_DUE,
      writeClosedSeconds,
      sweepWithDueSteps: { ...dueMeasured, stepsDone: dueReport.stepsDone, delivered: dueReport.delivered },
      sweepWithNothingDue: { ...idleMeasured, medianMsOf11: idleMedianMs },
      baselineScanForDueClocks: { ...scanMeasured, itemsScanned },
    }
  } finally {
    await server.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const results = await acrossSizes(
  SIZES,
  runSize,
  (size) => `writing ${size.toLocaleString('en')} closed cases and measuring…`,
)

const [small, large] = [results[0]!, results.at(-1)!]
const change = (a: number, b: number) => (a === 0 ? 0 : (b - a) / a)
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`
const cell = (s: string, w = 16) => s.padStart(w)
const rows: [string, (r: SizeResult) => number, (n: number) => string][] = [
  ['sweep, 50 steps due: capacity units', (r) => r.sweepWithDueSteps.units, (n) => n.toFixed(1)],
  ['  read units', (r) => r.sweepWithDueSteps.reads, (n) => n.toFixed(1)],
  ['  write units', (r) => r.sweepWithDueSteps.writes, (n) => n.toFixed(1)],
  ['  DynamoDB calls', (r) => r.sweepWithDueSteps.calls, (n) => String(n)],
  ['  time (ms)', (r) => r.sweepWithDueSteps.ms, (n) => n.toFixed(0)],
  ['sweep, nothing due: capacity units', (r) => r.sweepWithNothingDue.units, (n) => n.toFixed(1)],
  ['  time (ms)', (r) => r.sweepWithNothingDue.ms, (n) => n.toFixed(0)],
  ['  time (ms), median of 11 more', (r) => r.sweepWithNothingDue.medianMsOf11, (n) => n.toFixed(0)],
  ['contrast: Scan for due clocks, units', (r) => r.baselineScanForDueClocks.units, (n) => n.toFixed(1)],
  ['  time (ms)', (r) => r.baselineScanForDueClocks.ms, (n) => n.toFixed(0)],
]
console.log(
  `\nDeadline sweep, capacity and time (dynalite, ReturnConsumedCapacity=TOTAL; ${OPEN_DUE + OPEN_NOT_DUE} open cases)\n`,
)
console.log(
  `${''.padEnd(40)}${cell(`${small.closedCases.toLocaleString('en')} closed`)}${cell(`${large.closedCases.toLocaleString('en')} closed`)}${cell('change')}`,
)
for (const [name, get, format] of rows)
  console.log(
    `${name.padEnd(40)}${cell(format(get(small)))}${cell(format(get(large)))}${cell(pct(change(get(small), get(large))))}`,
  )
const unitChange = change(small.sweepWithDueSteps.units, large.sweepWithDueSteps.units)
const idleChange = change(small.sweepWithNothingDue.units, large.sweepWithNothingDue.units)
const withinTarget = Math.abs(unitChange) <= TOLERANCE && Math.abs(idleChange) <= TOLERANCE
console.log(
  `\nby operation (50 due): ${Object.entries(large.sweepWithDueSteps.byOperation)
    .map(([op, e]) => `${op} ${e.calls}× ${e.units.toFixed(1)}`)
    .join(', ')}`,
)
console.log(
  `\ntarget: the same within ${TOLERANCE * 100}% → ${withinTarget ? 'met' : 'NOT met'} (${pct(unitChange)} with steps due, ${pct(idleChange)} with nothing due)`,
)

await writeFile(
  join(import.meta.dirname, 'results', 'sweep-capacity.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      engine: 'dynalite 4.0.0 (ReturnConsumedCapacity=TOTAL)',
      closedCasesWrittenBy:
        'cases.createCase with records built by decideAction + watchPlanOf (see the file header)',
      openCases: { withStepDue: OPEN_DUE, notDue: OPEN_NOT_DUE, filedBy: 'POST /api/v1/petitions' },
      target: `sweep capacity the same within ${TOLERANCE * 100}%`,
      withinTarget,
      change: { sweepWithDueSteps: unitChange, sweepWithNothingDue: idleChange },
      results,
    },
    null,
    2,
  )}\n`,
)
