/**
 * DynamoDB capacity units per operation, billed as DynamoDB bills them by the capacity meter
 * (shared/store/meter.ts: UTF-8 item sizes, the larger of before and after, every index write,
 * empty reads at their minimum) on the same code paths that serve requests, against dynalite,
 * each beside a baseline design in the same run:
 *   - a queue page from the committeeQueue index vs. a Scan with a filter (what a table without
 *     the index would cost, growing with the table);
 *   - a transition as one UpdateItem on the small case item vs. rewriting one item that also
 *     holds the petition's content (what putting content and state together would cost).
 * And each transition action (a complaint walked through accept → start_verification → extend →
 * suspend → resume → resolve → close; refuse, transfer, guide, file, mark_duplicate, reroute on
 * fresh cases; the petitioner's withdrawal), a yearly report, each beside the minimum the item
 * sizes allow (bench/lib/item-size.ts: the items' sizes measured from the stored items, priced by
 * DynamoDB's rounding rules), with the reason where the operation costs more.
 *
 * Run: npm run bench:capacity   → prints a table, writes bench/results/capacity.json
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import type { LocalServer } from '../local/server.js'
import { createPetitionService } from '../shared/service/petitions.js'
import type { CapacityRecord } from '../shared/store/client.js'
import { INDEXES } from '../shared/store/table.js'
import { indexEntrySize, itemSize, queryUnits } from './lib/item-size.js'
import { startBenchServer } from './lib/server.js'

const BACKGROUND_CASES = Number(process.env.BENCH_CASES ?? 300)

let records: CapacityRecord[] = []
const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-bench-'))
const server: LocalServer = await startBenchServer(dataDir, { onCapacity: (r) => records.push(r) })

async function measure<T>(run: () => Promise<T>): Promise<{
  result: T
  units: number
  writes: number
  indexWrites: number
  operations: string[]
  ms: number
}> {
  records = []
  const started = performance.now()
  const result = await run()
  return {
    result,
    ms: performance.now() - started,
    units: records.reduce((sum, r) => sum + r.capacityUnits, 0),
    writes: records.reduce((sum, r) => sum + (r.writeCapacityUnits ?? 0), 0),
    indexWrites: records.reduce((sum, r) => sum + (r.indexWriteUnits ?? 0), 0),
    operations: records.map((r) => `${r.operation} ${r.capacityUnits}`),
  }
}

const token = await server.identity.issue('btc.canbo')
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const content = 'Nội dung đơn kiến nghị về thủ tục hành chính, có nhiều chi tiết. '.repeat(60) // ~4 KB of Vietnamese text
const body = {
  kind: 'recommendation',
  title: 'Kiến nghị đơn giản hóa thủ tục hoàn thuế',
  content,
  petitioner: { fullName: 'Nguyễn Văn An', phone: '0912345678', address: 'Số 12 phố Hàng Bài, Hà Nội' },
  concerns: { organization: 'Bộ Tài chính' },
  topic: 'administration',
}

// Background: a table with many cases, most of them in other committees.
const orgs = ['Bộ Y tế', 'Bộ Xây dựng', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Tài chính']
for (let i = 0; i < BACKGROUND_CASES; i++)
  await fetch(
    `${server.url}/api/v1/petitions`,
    json({ ...body, concerns: { organization: orgs[i % orgs.length] } }),
  )
// Warm the configuration cache so steady-state costs are measured.
await fetch(`${server.url}/api/v1/petitions`, json(body))

const submission = await measure(
  async () =>
    (await (await fetch(`${server.url}/api/v1/petitions`, json(body))).json()) as {
      trackingCode: string
      pin: string
    },
)
const { trackingCode, pin } = submission.result
const idempotent = await measure(() =>
  fetch(`${server.url}/api/v1/petitions`, json(body, { 'idempotency-key': 'bench-0001-key' })),
)
const tracking = await measure(() =>
  fetch(`${server.url}/api/v1/petitions/${trackingCode}`, { headers: { 'x-tracking-pin': pin } }),
)
const caseView = await measure(() =>
  fetch(`${server.url}/api/v1/cases/${trackingCode}`, { headers: { authorization: `Bearer ${token}` } }),
)
const transition = await measure(() =>
  fetch(`${server.url}/api/v1/cases/${trackingCode}/actions`, {
    ...json({ action: 'accept' }, { 'if-match': '1', authorization: `Bearer ${token}` }),
  }),
)
const queue = await measure(() =>
  fetch(`${server.url}/api/v1/committees/btc/queue?limit=25`, {
    headers: { authorization: `Bearer ${token}` },
  }),
)

// Baselines, measured directly on the same table (never used by the application).
const { db, tableName } = server.services
const scanQueue = await measure(async () => {
  let start: Record<string, unknown> | undefined
  let found = 0
  do {
    const out = await (await db.documentClient()).send(
      new ScanCommand({
        TableName: tableName,
        // Filtered here rather than with a FilterExpression: DynamoDB bills a Scan on every item
        // it reads either way, and the meter bills a Scan on the items it returns.
        ExclusiveStartKey: start,
      }),
    )
    found += (out.Items ?? []).filter((i) => i.committeeId === 'btc' && i.sk === 'CASE').length
    start = out.LastEvaluatedKey
  } while (start && found < 25)
})
const stored = await server.services.cases.getCase(trackingCode.replaceAll('-', ''))
const fatTransition = await measure(() =>
  db.put({
    TableName: tableName,
    Item: { pk: 'BENCH#fat', sk: 'CASE', ...stored, content, petitioner: body.petitioner },
  }),
)

// Each transition action, as the staff API serves it (the head of the Ministry of Construction's
// committee holds every handler power there), on complaints filed to that ministry.
const head = await server.identity.issue('bxd.truong')
const complaint = {
  ...body,
  kind: 'complaint',
  title: 'Khiếu nại quyết định hành chính về cấp phép xây dựng',
  concerns: { organization: 'Bộ Xây dựng' },
}
async function file(kind = complaint): Promise<{ trackingCode: string; pin: string }> {
  const res = await fetch(`${server.url}/api/v1/petitions`, json(kind))
  if (res.status !== 201) throw new Error(`submission refused: ${res.status} ${await res.text()}`)
  return (await res.json()) as { trackingCode: string; pin: string }
}
const versions = new Map<string, number>()
async function act(code: string, input: Record<string, unknown>) {
  const version = versions.get(code) ?? 1
  const m = await measure(() =>
    fetch(`${server.url}/api/v1/cases/${code}/actions`, {
      ...json(input, { 'if-match': String(version), authorization: `Bearer ${head}` }),
    }),
  )
  if (m.result.status !== 200)
    throw new Error(`${String(input.action)} refused: ${m.result.status} ${await m.result.text()}`)
  versions.set(code, version + 1)
  return m
}
// The least an operation on an item can cost, measured on the same engine: a consistent GetItem of
// the item and a PutItem of a copy of it (under a bench key, so nothing real changes).
let copies = 0
async function bareGet(item: Record<string, unknown>, consistent = true): Promise<number> {
  return (
    await measure(() =>
      db.get({
        TableName: tableName,
        Key: { pk: item.pk, sk: item.sk },
        ConsistentRead: consistent,
      }),
    )
  ).units
}
async function barePut(item: Record<string, unknown>): Promise<number> {
  const { queuePk: _a, queueSk: _b, watchPk: _c, watchSk: _d, reportPk: _e, reportSk: _f, ...plain } = item
  return (
    await measure(() => db.put({ TableName: tableName, Item: { ...plain, pk: `BENCH#copy${copies++}` } }))
  ).units
}
const caseItem = async (code: string) =>
  (await db.get({ TableName: tableName, Key: { pk: `CASE#${code.replaceAll('-', '')}`, sk: 'CASE' } }))
    .Item ?? {}
const afterTransition = new Map<string, { units: number; bytes: number }>()
async function noteMinimum(name: string, code: string) {
  const item = await caseItem(code)
  afterTransition.set(name, { units: (await bareGet(item)) + (await barePut(item)), bytes: itemSize(item) })
}
await noteMinimum('one transition (accept)', trackingCode)
const year = Number(new Date().toISOString().slice(0, 4))
const walked = await file()
const transitions: [string, Awaited<ReturnType<typeof act>>, string][] = []
for (const input of [
  { action: 'accept' },
  { action: 'start_verification' },
  { action: 'extend', complexity: 'complex', reason: 'Vụ việc phức tạp, cần xác minh tại nhiều nơi' },
  { action: 'suspend', reason: 'Chờ kết quả giám định' },
  { action: 'resume' },
  { action: 'resolve', answer: 'Đã xem xét, giữ nguyên quyết định.', outcome: 'rejected' },
  { action: 'close' },
]) {
  transitions.push([input.action, await act(walked.trackingCode, input), walked.trackingCode])
  await noteMinimum(`transition: ${input.action}`, walked.trackingCode)
}
for (const input of [
  { action: 'refuse', reason: 'not_subject_to_complaint' },
  { action: 'transfer', toBody: 'Ủy ban nhân dân thành phố Hà Nội' },
  { action: 'guide', guidance: 'Đề nghị gửi đơn đến Ủy ban nhân dân cấp xã nơi có đất.' },
  { action: 'file', note: 'Đơn không rõ nội dung' },
  { action: 'mark_duplicate', of: walked.trackingCode },
  { action: 'reroute', toCommitteeId: 'btp' },
]) {
  const fresh = await file()
  transitions.push([input.action, await act(fresh.trackingCode, input), fresh.trackingCode])
  await noteMinimum(`transition: ${input.action}`, fresh.trackingCode)
}
// A transition's write units must not grow with the case's history: accept on a case with 2
// events (received, then one audit event) and on one with 40 (received, then 39 audit events).
const petitions = createPetitionService(server.services)
const historyRows: [string, Awaited<ReturnType<typeof act>>][] = []
for (const events of [2, 40]) {
  const fresh = await file()
  for (let i = 1; i < events; i++)
    await petitions.audit(fresh.trackingCode.replaceAll('-', ''), {
      at: new Date().toISOString(),
      type: 'identity_document_opened',
      actor: { kind: 'staff', id: 'bxd.truong', role: 'committee_head' },
      public: false,
      data: { attachmentId: `att-${i}` },
    })
  versions.set(fresh.trackingCode, events)
  historyRows.push([
    `accept on a case with ${events} events`,
    await act(fresh.trackingCode, { action: 'accept' }),
  ])
}

const toWithdraw = await file()
const withdrawal = await measure(() =>
  fetch(`${server.url}/api/v1/petitions/${toWithdraw.trackingCode}/withdrawal`, {
    ...json({ scope: 'full', reason: 'Tôi đã được giải quyết ngoài' }, { 'x-tracking-pin': toWithdraw.pin }),
  }),
)
if (withdrawal.result.status !== 200) throw new Error(`withdrawal refused: ${withdrawal.result.status}`)
await noteMinimum('petitioner withdrawal (POST /petitions/{code}/withdrawal)', toWithdraw.trackingCode)

// The yearly report of the whole organisation (every committee), by a supervisor.
const supervisor = await server.identity.issue('giamsat')
const report = await measure(() =>
  fetch(`${server.url}/api/v1/reports?committeeId=dukhoi&period=year&year=${year}`, {
    headers: { authorization: `Bearer ${supervisor}` },
  }),
)
if (report.result.status !== 200) throw new Error(`report refused: ${report.result.status}`)

// The items as stored, and the least reading or writing them costs on the same engine.
const raw = async (pk: string, sk: string) =>
  (await db.get({ TableName: tableName, Key: { pk, sk } })).Item ?? {}
const submittedCase = await raw(`CASE#${trackingCode.replaceAll('-', '')}`, 'CASE')
const submittedContent = await raw(`CASE#${trackingCode.replaceAll('-', '')}`, 'CONTENT')
const userItem = await raw('USERS', 'USER#btc.canbo')
const queueItems =
  (
    await db.query({
      TableName: tableName,
      IndexName: INDEXES.committeeQueue.name,
      KeyConditionExpression: 'queuePk = :pk',
      ExpressionAttributeValues: { ':pk': 'Q#btc' },
      Limit: 25,
    })
  ).Items ?? []
const committeeIds = (await server.services.settings.getCommittees()).value.map((c) => c.id)
const reportItems: Record<string, unknown>[] = []
for (const id of committeeIds) {
  let start: Record<string, unknown> | undefined
  do {
    const out = await db.query({
      TableName: tableName,
      IndexName: INDEXES.reporting.name,
      KeyConditionExpression: 'reportPk = :pk AND reportSk >= :from',
      ExpressionAttributeValues: { ':pk': `R#${id}`, ':from': `${year}-01-01` },
      ExclusiveStartKey: start,
    })
    reportItems.push(...(out.Items ?? []))
    start = out.LastEvaluatedKey
  } while (start)
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const queueBytes = sum(queueItems.map((i) => indexEntrySize(i, 'committeeQueue')))
const reportBytes = sum(reportItems.map((i) => indexEntrySize(i, 'reporting')))
const userRead = await bareGet(userItem, false)
const caseRead = await bareGet(submittedCase)

interface Minimum {
  readonly units: number
  readonly basis: string
  readonly excess?: string
}
const TRANSITION_EXCESS =
  'the acting user item (0.5 RCU, eventually consistent) is read to authorise the request; the response is built from the record the conditional update returned (ReturnValues ALL_NEW), with the content item read for the staff view (and the supplements only when the history records any); an UpdateItem is charged for the larger of the item before and after, and for every index entry it moves (the queue and watch keys follow the due dates)'
const transitionMin = (name: string): Minimum => {
  const m = afterTransition.get(name)!
  return {
    units: m.units,
    basis: `one consistent GetItem + one PutItem of the ${m.bytes} B case item as it is after the change`,
    excess: TRANSITION_EXCESS,
  }
}
const minimums = new Map<string, Minimum>([
  [
    'public submission (POST /petitions)',
    {
      units: (await barePut(submittedContent)) + (await barePut(submittedCase)),
      basis: `PutItem of the ${itemSize(submittedContent)} B content item + PutItem of the ${itemSize(submittedCase)} B case item`,
    },
  ],
  [
    'submission with Idempotency-Key',
    {
      units: (await barePut(submittedContent)) + (await barePut(submittedCase)) + 1,
      basis: 'the submission + one 1 KB write recording the key',
      excess:
        'Powertools idempotency writes the record twice (in progress, then completed with the sealed receipt, > 1 KB with its envelope): the price of replaying the same receipt to a retried request',
    },
  ],
  [
    'tracking lookup (GET /petitions/{code} + PIN)',
    {
      units: caseRead,
      basis: `one consistent GetItem of the ${itemSize(submittedCase)} B case item`,
      excess:
        'the brute-force guard reads the per-client failure counter and the per-code PIN guard first (1 RCU each, consistent): a locked client or code must be refused before the PIN is checked',
    },
  ],
  [
    'staff case view (GET /cases/{code})',
    {
      units: userRead + caseRead,
      basis: 'the user item (eventually consistent) + the case item (consistent)',
      excess:
        'the view also shows the content item (text, sealed identity) and the supplements (Query, 0 when none)',
    },
  ],
  ['one transition (accept)', transitionMin('one transition (accept)')],
  [
    'one queue page (25, committeeQueue index)',
    {
      units: userRead + queryUnits(queueBytes),
      basis: `the user item + ${queueItems.length} index entries of ${queueBytes} B in all (one Query, eventually consistent)`,
    },
  ],
  [
    'petitioner withdrawal (POST /petitions/{code}/withdrawal)',
    {
      ...transitionMin('petitioner withdrawal (POST /petitions/{code}/withdrawal)'),
      excess:
        'the PIN checks read the two guard items (1 RCU each) as a tracking lookup does, and the case is read twice (PIN check, then the conditional update’s retry loop)',
    },
  ],
  [
    `yearly report, whole organisation (${year})`,
    {
      units: userRead + queryUnits(reportBytes),
      basis: `the user item + ${reportItems.length} reporting-index entries of ${reportBytes} B in all, as if in one Query`,
      excess: `one Query per committee of the tree (${committeeIds.length}), each rounded up to 0.5 RCU on its own, 0 when it has no rows`,
    },
  ],
])
for (const [action] of transitions)
  minimums.set(`transition: ${action}`, transitionMin(`transition: ${action}`))

const rows = [
  ['public submission (POST /petitions)', submission],
  ['submission with Idempotency-Key', idempotent],
  ['tracking lookup (GET /petitions/{code} + PIN)', tracking],
  ['staff case view (GET /cases/{code})', caseView],
  ['one transition (accept)', transition],
  ['one queue page (25, committeeQueue index)', queue],
  [`  baseline: queue by Scan + filter (${BACKGROUND_CASES + 3} cases)`, scanQueue],
  ['  baseline: transition rewriting case + content in one item', fatTransition],
  ...transitions.map(([action, m]) => [`transition: ${action}`, m] as const),
  ...historyRows.map(([name, m]) => [name, m] as const),
  ['petitioner withdrawal (POST /petitions/{code}/withdrawal)', withdrawal],
  [`yearly report, whole organisation (${year})`, report],
] as const

console.log('\nCapacity units per operation (billed as DynamoDB does: shared/store/meter.ts)\n')
for (const [name, m] of rows) {
  const min = minimums.get(name)
  console.log(
    `${name.padEnd(62)} ${m.units.toFixed(1).padStart(7)} ${min ? `(min ${min.units.toFixed(1)})` : ''.padEnd(9)}  ${m.operations.join(', ')}`,
  )
}
await writeFile(
  join(import.meta.dirname, 'results', 'capacity.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      backgroundCases: BACKGROUND_CASES,
      contentBytes: Buffer.byteLength(content),
      rows: rows.map(([name, m]) => ({
        name: name.trim(),
        capacityUnits: m.units,
        writeUnits: m.writes,
        indexWriteUnits: m.indexWrites,
        operations: m.operations,
        ms: Math.round(m.ms * 10) / 10,
        ...(minimums.has(name)
          ? {
              minimumUnits: minimums.get(name)!.units,
              minimumBasis: minimums.get(name)!.basis,
              atMinimum: m.units <= minimums.get(name)!.units,
              whyMore: m.units > minimums.get(name)!.units ? minimums.get(name)!.excess : undefined,
            }
          : {}),
      })),
    },
    null,
    2,
  )}\n`,
)
await server.close()
await rm(dataDir, { recursive: true, force: true })
