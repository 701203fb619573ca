/**
 * DynamoDB capacity units per operation, measured against dynalite through the same code paths
 * that serve requests (ReturnConsumedCapacity on every call), each beside a baseline design in the
 * same run:
 *   - a queue page from the committeeQueue index vs. a Scan with a filter (what a table without
 *     the index would cost, growing with the table);
 *   - a transition as one UpdateItem on the small case item vs. rewriting one item that also
 *     holds the petition's content (what putting content and state together would cost).
 *
 * Run: npm run bench:capacity   → prints a table, writes bench/results/capacity.json
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb'
import { type LocalServer, startLocalServer } from '../local/server.js'
import type { CapacityRecord } from '../shared/store/client.js'

const BACKGROUND_CASES = Number(process.env.BENCH_CASES ?? 300)

let records: CapacityRecord[] = []
const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-bench-'))
const server: LocalServer = await startLocalServer({
  port: 0,
  dataDir,
  seed: { petitions: 0 },
  quiet: true,
  onCapacity: (r) => records.push(r),
})

async function measure<T>(
  run: () => Promise<T>,
): Promise<{ result: T; units: number; operations: string[] }> {
  records = []
  const result = await run()
  return {
    result,
    units: records.reduce((sum, r) => sum + r.capacityUnits, 0),
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
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'committeeId = :c AND sk = :sk',
        ExpressionAttributeValues: { ':c': 'btc', ':sk': 'CASE' },
        ExclusiveStartKey: start,
      }),
    )
    found += out.Items?.length ?? 0
    start = out.LastEvaluatedKey
  } while (start && found < 25)
})
const stored = await server.services.cases.getCase(trackingCode.replaceAll('-', ''))
const fatTransition = await measure(() =>
  db.send(
    new PutCommand({
      TableName: tableName,
      Item: { pk: 'BENCH#fat', sk: 'CASE', ...stored, content, petitioner: body.petitioner },
    }),
  ),
)

const rows = [
  ['public submission (POST /petitions)', submission],
  ['submission with Idempotency-Key', idempotent],
  ['tracking lookup (GET /petitions/{code} + PIN)', tracking],
  ['staff case view (GET /cases/{code})', caseView],
  ['one transition (accept)', transition],
  ['one queue page (25, committeeQueue index)', queue],
  [`  baseline: queue by Scan + filter (${BACKGROUND_CASES + 3} cases)`, scanQueue],
  ['  baseline: transition rewriting case + content in one item', fatTransition],
] as const

console.log('\nCapacity units per operation (dynalite, ReturnConsumedCapacity=TOTAL)\n')
for (const [name, m] of rows)
  console.log(`${name.padEnd(62)} ${m.units.toFixed(1).padStart(7)}   ${m.operations.join(', ')}`)
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
        operations: m.operations,
      })),
    },
    null,
    2,
  )}\n`,
)
await server.close()
await rm(dataDir, { recursive: true, force: true })
