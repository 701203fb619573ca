/**
 * Cold start and bundle size of each Lambda function.
 *
 * Each function's production bundle (bench/lib/bundles.ts: the CDK options, AWS SDK bundled) is
 * loaded by a fresh `node` process that imports it and answers its first event, against a local
 * dynalite the bench starts and seeds:
 *   - public-api: a tracking lookup (GET /api/v1/petitions/{code} with the PIN) as an HTTP API v2 event;
 *   - staff-api: a committee queue page (GET /api/v1/committees/btc/queue) with a signed access token
 *     (a JWKS served by the bench stands in for Cognito's);
 *   - deadline-sweep: the scheduled `{ "task": "sweep" }` event.
 * Measured: wall time from spawning the process to the first response printed by it (Node's own
 * start-up included, as for the baseline), for each function and for an empty handler bundle built
 * with the same options, interleaved, COLD_RUNS times each (default 15): median and p90.
 * Target: median ≤ 1.5× the empty handler; bundle ≤ 400 KB.
 *
 * Run: npm run bench:cold   → bench/results/cold-start.json
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { LOCAL_TABLE, startLocalServer } from '../local/server.js'
import { type BuiltBundle, buildBundles, type FunctionName } from './lib/bundles.js'
import { median, percentile } from './lib/stats.js'

const RUNS = Number(process.env.COLD_RUNS ?? 15)
const SIZE_TARGET = 400 * 1000
const RATIO_TARGET = 1.5

const work = await mkdtemp(join(tmpdir(), 'tiep-dan-cold-'))
const bundles = await buildBundles(join(work, 'bundles'))
const server = await startLocalServer({
  port: 0,
  dataDir: join(work, 'data'),
  seed: { petitions: 0 },
  quiet: true,
})

// A petition to look up, its receipt already sent (so the sweep has nothing to deliver through SES).
const submitted = (await (
  await fetch(`${server.url}/api/v1/petitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'recommendation',
      title: 'Kiến nghị đơn giản hóa thủ tục hoàn thuế',
      content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
      petitioner: { fullName: 'Nguyễn Văn An', email: 'an@example.vn' },
      concerns: { organization: 'Bộ Tài chính' },
    }),
  })
).json()) as { trackingCode: string; pin: string }
await server.sweep.sweep()

// A stand-in for the Cognito user pool: its JWKS over HTTP, and an access token for a handler.
const pair = await generateKeyPair('ES256')
const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'bench-1', alg: 'ES256', use: 'sig' }
const jwks = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ keys: [jwk] }))
})
await new Promise<void>((ok) => jwks.listen(0, '127.0.0.1', ok))
const issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`
const token = await new SignJWT({ client_id: 'bench-client', token_use: 'access', username: 'btc.canbo' })
  .setProtectedHeader({ alg: 'ES256', kid: 'bench-1' })
  .setIssuer(issuer)
  .setIssuedAt()
  .setExpirationTime('2h')
  .sign(pair.privateKey)

function httpEvent(path: string, headers: Record<string, string>) {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'example.cloudfront.net', 'accept-language': 'vi', ...headers },
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'bench' },
      requestId: 'request-1',
      routeKey: `GET ${path}`,
      stage: '$default',
      domainName: 'example.cloudfront.net',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  }
}

const EVENTS: Record<FunctionName, { event: unknown; expect: (result: unknown) => boolean }> = {
  'public-api': {
    event: httpEvent(`/api/v1/petitions/${submitted.trackingCode}`, { 'x-tracking-pin': submitted.pin }),
    expect: (r) => (r as { statusCode: number }).statusCode === 200,
  },
  'staff-api': {
    event: httpEvent('/api/v1/committees/btc/queue', { authorization: `Bearer ${token}` }),
    expect: (r) => (r as { statusCode: number }).statusCode === 200,
  },
  'deadline-sweep': { event: { task: 'sweep' }, expect: (r) => typeof r === 'object' && r !== null },
  empty: { event: {}, expect: (r) => (r as { statusCode: number }).statusCode === 200 },
}

const ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: server.endpoint,
  // Nothing is due, so nothing is sent: these only keep a stray call on this machine.
  AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_KMS: 'http://127.0.0.1:9',
  TABLE_NAME: LOCAL_TABLE,
  LOG_LEVEL: 'ERROR',
  IDENTITY_KMS_KEY_ID: 'arn:aws:kms:ap-southeast-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  AUTH_ISSUER: issuer,
  AUTH_AUDIENCE: 'bench-client',
  SITE_URL: 'https://example.cloudfront.net',
  EMAIL_SENDER: 'no-reply@example.org',
  POWERTOOLS_METRICS_NAMESPACE: 'bench',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
}

const MARK = '@@first-response@@'
/** One fresh process: import the bundle, answer one event; returns ms from spawn to the answer. */
interface ColdRun {
  readonly ms: number
  readonly importMs: number
  readonly handlerMs: number
}
function coldRun(bundle: BuiltBundle): Promise<ColdRun> {
  const { event } = EVENTS[bundle.name]
  const program = `const t0 = performance.now(); const { handler } = await import(${JSON.stringify(bundle.file)});
const t1 = performance.now();
const result = await handler(${JSON.stringify(event)}, { functionName: 'bench', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10000 });
const t2 = performance.now();
process.stdout.write('\\n${MARK}' + JSON.stringify({ result, importMs: t1 - t0, handlerMs: t2 - t1 }) + '\\n'); process.exit(0)`
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', program], {
      env: ENV,
    })
    let out = ''
    let err = ''
    let answeredAt = 0
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      if (!answeredAt && out.includes(MARK)) answeredAt = performance.now()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith(MARK))
      if (!answeredAt || !line) return reject(new Error(`${bundle.name} gave no answer: ${err || out}`))
      const { result, importMs, handlerMs } = JSON.parse(line.slice(MARK.length)) as {
        result: unknown
        importMs: number
        handlerMs: number
      }
      if (!EVENTS[bundle.name].expect(result))
        return reject(new Error(`${bundle.name} answered wrongly: ${line.slice(0, 400)}`))
      resolve({ ms: answeredAt - started, importMs, handlerMs })
    })
  })
}

try {
  const times = new Map<FunctionName, number[]>(bundles.map((b) => [b.name, []]))
  const imports = new Map<FunctionName, number[]>(bundles.map((b) => [b.name, []]))
  const firstEvents = new Map<FunctionName, number[]>(bundles.map((b) => [b.name, []]))
  // One unmeasured run each (file cache), then the measured runs interleaved so load drifts hit all alike.
  for (const b of bundles) await coldRun(b)
  for (let i = 0; i < RUNS; i++)
    for (const b of bundles) {
      const run = await coldRun(b)
      times.get(b.name)!.push(run.ms)
      imports.get(b.name)!.push(run.importMs)
      firstEvents.get(b.name)!.push(run.handlerMs)
    }

  const empty = times.get('empty')!
  const emptyMedian = median(empty)
  const rows = bundles.map((b) => {
    const t = times.get(b.name)!
    return {
      name: b.name,
      bytes: b.bytes,
      gzipBytes: b.gzipBytes,
      sizeTargetMet: b.name === 'empty' ? undefined : b.bytes <= SIZE_TARGET,
      topContributors: b.contributors.slice(0, 12),
      medianMs: median(t),
      p90Ms: percentile(t, 0.9),
      ratioToEmpty: median(t) / emptyMedian,
      medianImportMs: median(imports.get(b.name)!),
      medianFirstEventMs: median(firstEvents.get(b.name)!),
      coldStartTargetMet: b.name === 'empty' ? undefined : median(t) / emptyMedian <= RATIO_TARGET,
      runsMs: t.map((x) => Math.round(x * 10) / 10),
    }
  })
  console.log(`\nCold start (fresh node, import bundle + first event; ${RUNS} runs each) and bundle size\n`)
  for (const r of rows)
    console.log(
      `${r.name.padEnd(16)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KiB (gzip ${(r.gzipBytes / 1024).toFixed(0).padStart(4)})  median ${r.medianMs.toFixed(0).padStart(5)} ms  p90 ${r.p90Ms.toFixed(0).padStart(5)} ms  ×${r.ratioToEmpty.toFixed(2)}  (import ${r.medianImportMs.toFixed(0)} ms, first event ${r.medianFirstEventMs.toFixed(0)} ms)`,
    )
  await writeFile(
    join(import.meta.dirname, 'results', 'cold-start.json'),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        runs: RUNS,
        targets: { bundleBytes: SIZE_TARGET, ratioToEmpty: RATIO_TARGET },
        events: {
          'public-api': 'GET /api/v1/petitions/{code} with x-tracking-pin (HTTP API v2 event)',
          'staff-api': 'GET /api/v1/committees/btc/queue with a Bearer access token (JWKS over local HTTP)',
          'deadline-sweep': '{ "task": "sweep" } with nothing due',
          empty: 'export const handler = async () => ({ statusCode: 200, body: "" })',
        },
        rows,
      },
      null,
      2,
    )}\n`,
  )
} finally {
  jwks.close()
  await server.close()
  await rm(work, { recursive: true, force: true })
}
