/**
 * The SDK's own retries for a throttled table, as the app's clients are configured
 * (shared/store/client.ts, shared/service/idempotency.ts): against a stand-in endpoint that always
 * throttles, each call is tried a bounded number of times, the waits between tries are jittered
 * (not the same from call to call) and the whole call ends within a bounded time, with the
 * throttling error the problem mapper turns into 503 + Retry-After.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { classifyStoreError } from '../../shared/http/store-errors.js'
import { createDocumentClient } from '../../shared/store/client.js'

let server: Server
let endpoint: string
/** Arrival times (ms) of every try, by the key the call asked for. */
const tries = new Map<string, number[]>()

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        Key?: { pk?: { S?: string } }
      }
      const key = body.Key?.pk?.S ?? '?'
      tries.set(key, [...(tries.get(key) ?? []), performance.now()])
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'R1' })
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'The level of configured provisioned throughput for the table was exceeded.',
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

it('retries a throttled call a bounded number of times with jittered waits, then gives up in bounded time', async () => {
  const db = createDocumentClient({ endpoint })
  const calls = Array.from({ length: 6 }, (_, i) => `CASE#THROTTLED${i}`)
  const outcomes = await Promise.all(
    calls.map(async (pk) => {
      const started = performance.now()
      const error = await db.get({ TableName: 'tiep-dan', Key: { pk, sk: 'CASE' } }).then(
        () => undefined,
        (e: unknown) => e,
      )
      return {
        error: error as { name: string; $metadata: { attempts?: number } },
        ms: performance.now() - started,
      }
    }),
  )
  db.destroy()

  const waits: number[] = []
  for (const [i, { error, ms }] of outcomes.entries()) {
    expect(error?.name).toBe('ProvisionedThroughputExceededException')
    expect(classifyStoreError(error)).toBe('throttled')
    const times = tries.get(calls[i]!)!
    // maxAttempts 4: the first try and three retries, never more.
    expect(times).toHaveLength(4)
    expect(error.$metadata.attempts).toBe(4)
    // Full jitter on an exponential base: each wait is at most 2^n × 500 ms, the whole call ≤ 7 s.
    for (let n = 1; n < times.length; n++) {
      const wait = times[n]! - times[n - 1]!
      expect(wait).toBeLessThanOrEqual(2 ** n * 500 + 250)
      waits.push(wait)
    }
    expect(ms).toBeLessThan(7_500)
  }
  // Jitter: the waits are spread, not one fixed schedule shared by every caller.
  const distinct = new Set(waits.map((w) => Math.round(w / 25)))
  expect(distinct.size).toBeGreaterThan(waits.length / 2)
  console.info(
    `throttled calls: ${outcomes.length} × 4 tries; waits ${Math.round(Math.min(...waits))}–${Math.round(Math.max(...waits))} ms; longest call ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms`,
  )
})
