/**
 * Throughput on the local server (one Node process: the apps on dynalite, as `npm start` runs
 * them) with autocannon: public submissions per second and tracking lookups per second, each
 * against raw dynalite PutItem / GetItem per second of items of the same sizes at the same
 * concurrency, from the same machine in the same run. Target: ≥ 0.5× raw.
 *
 * Submissions carry unique bodies (a counter in the title and e-mail). Every request comes from one
 * address, so the submission limits are raised for the run; their counting writes still happen. The raw baseline uses the same
 * DynamoDB client settings as the server (its own client, keep-alive) with CONNECTIONS requests in flight.
 *
 * Run: npm run bench:throughput   (THROUGHPUT_SECONDS=10, THROUGHPUT_CONNECTIONS=8)
 *      → bench/results/throughput.json
 */

import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { LOCAL_TABLE } from '../local/server.js'
import { createPinHasher, hashPin } from '../shared/security.js'
import { createDocumentClient } from '../shared/store/client.js'
import { startBenchServer } from './lib/server.js'

const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.THROUGHPUT_CONNECTIONS ?? 8)
const TARGET = 0.5

const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-throughput-'))
// One address sends every request: submission limits far above the run (their writes still happen).
const server = await startBenchServer(dataDir)
const raw = createDocumentClient({ endpoint: server.endpoint })

const petition = (i: number) => ({
  kind: 'recommendation',
  title: `Kiến nghị đơn giản hóa thủ tục hoàn thuế số ${i}`,
  content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa, vì cơ quan đã có dữ liệu. '.repeat(8),
  petitioner: { fullName: 'Nguyễn Văn An', email: `an${i}@example.vn` },
  concerns: { organization: 'Bộ Tài chính' },
})

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, connections: CONNECTIONS, ...options }, (err, result) =>
      err ? reject(err) : resolve(result),
    )
  })
}

/** CONNECTIONS loops sending `op` back to back for SECONDS: operations per second. */
async function rawRate(op: (i: number) => Promise<unknown>): Promise<{ perSecond: number; errors: number }> {
  let done = 0
  let errors = 0
  let next = 0
  const until = performance.now() + SECONDS * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        try {
          await op(next++)
          done++
        } catch {
          errors++
        }
      }
    }),
  )
  return { perSecond: done / ((performance.now() - started) / 1000), errors }
}

try {
  // Warm-up (JIT, connections, configuration cache), not measured.
  for (let i = 0; i < 20; i++)
    await fetch(`${server.url}/api/v1/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(petition(-i - 1)),
    })

  // Submissions, unique bodies.
  let counter = 0
  const submissions = await cannon({
    url: `${server.url}/api/v1/petitions`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: JSON.stringify(petition(counter++)) }),
      },
    ],
  })

  // A submitted case to look up; its stored items give the raw baseline's sizes.
  const sample = (await (
    await fetch(`${server.url}/api/v1/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(petition(1e9)),
    })
  ).json()) as { trackingCode: string; pin: string }
  const pk = `CASE#${sample.trackingCode.replaceAll('-', '')}`
  const caseItem = (await raw.get({ TableName: LOCAL_TABLE, Key: { pk, sk: 'CASE' } })).Item!
  const contentItem = (await raw.get({ TableName: LOCAL_TABLE, Key: { pk, sk: 'CONTENT' } })).Item!

  const lookups = await cannon({
    url: `${server.url}/api/v1/petitions/${sample.trackingCode}`,
    headers: { 'x-tracking-pin': sample.pin },
  })

  // Raw dynalite: a submission writes the content and the case item; a lookup reads the case item.
  const rawPut = await rawRate(async (i) => {
    await raw.put({ TableName: LOCAL_TABLE, Item: { ...contentItem, pk: `BENCH#${i}` } })
    await raw.put({
      TableName: LOCAL_TABLE,
      Item: { ...caseItem, pk: `BENCH#${i}`, queuePk: undefined, watchPk: undefined, reportPk: undefined },
    })
  })
  const rawPutItem = await rawRate((i) =>
    raw.put({ TableName: LOCAL_TABLE, Item: { ...caseItem, pk: `BENCH#single${i}` } }),
  )
  const rawGet = await rawRate(() =>
    raw.get({ TableName: LOCAL_TABLE, Key: { pk, sk: 'CASE' }, ConsistentRead: true }),
  )

  // A submission hashes a new PIN, a lookup verifies one: the keyed hash now, scrypt before.
  const keyed = createPinHasher(randomBytes(32))
  const keyedHash = await keyed.hash('12345678')
  const pinChecks = await rawRate(() => keyed.verify('12345678', keyedHash))
  const pinHashes = await rawRate(() => hashPin('12345678'))

  const ok = (r: autocannon.Result) => r.requests.total - r.non2xx - r.errors
  const rate = (r: autocannon.Result) => ok(r) / (r.duration || SECONDS)
  const result = {
    measuredAt: new Date().toISOString(),
    seconds: SECONDS,
    connections: CONNECTIONS,
    target: `≥ ${TARGET}× raw`,
    submissions: {
      perSecond: rate(submissions),
      non2xx: submissions.non2xx,
      errors: submissions.errors,
      latencyMs: { p50: submissions.latency.p50, p99: submissions.latency.p99 },
      rawBaseline: 'PutItem of the content item then PutItem of the case item (what a submission must write)',
      rawPerSecond: rawPut.perSecond,
      rawSinglePutItemPerSecond: rawPutItem.perSecond,
      ratio: rate(submissions) / rawPut.perSecond,
      met: rate(submissions) / rawPut.perSecond >= TARGET,
    },
    trackingLookups: {
      perSecond: rate(lookups),
      non2xx: lookups.non2xx,
      errors: lookups.errors,
      latencyMs: { p50: lookups.latency.p50, p99: lookups.latency.p99 },
      rawBaseline: 'consistent GetItem of the case item',
      rawPerSecond: rawGet.perSecond,
      ratio: rate(lookups) / rawGet.perSecond,
      met: rate(lookups) / rawGet.perSecond >= TARGET,
    },
    pinChecksPerSecond: { keyedHmac: pinChecks.perSecond, scryptBefore: pinHashes.perSecond },
    itemBytes: { case: JSON.stringify(caseItem).length, content: JSON.stringify(contentItem).length },
  }
  console.log(`\nThroughput, ${CONNECTIONS} connections, ${SECONDS} s each\n`)
  console.log(
    `submissions       ${result.submissions.perSecond.toFixed(0).padStart(6)}/s   raw Put content+case ${result.submissions.rawPerSecond.toFixed(0).padStart(6)}/s  ×${result.submissions.ratio.toFixed(2)}  (non-2xx ${submissions.non2xx})`,
  )
  console.log(
    `tracking lookups  ${result.trackingLookups.perSecond.toFixed(0).padStart(6)}/s   raw GetItem          ${result.trackingLookups.rawPerSecond.toFixed(0).padStart(6)}/s  ×${result.trackingLookups.ratio.toFixed(2)}  (non-2xx ${lookups.non2xx})`,
  )
  await writeFile(
    join(import.meta.dirname, 'results', 'throughput.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  )
} finally {
  raw.destroy()
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
}
