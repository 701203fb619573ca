/**
 * 1,000 concurrent public submissions over real HTTP, 10% of them replaying an earlier
 * Idempotency-Key with the same body: exactly 900 cases exist afterwards (counted from the
 * reporting index), none lost, none doubled, every replay answered with the original receipt, and
 * every acknowledged tracking code readable with its PIN.
 */
import { Agent } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { type Harness, petition, startHarness } from '../integration/harness.js'
import { caseCodesOf, httpRequest, inLanes, sleep } from './helpers.js'

const TOTAL = 1_000
const UNIQUE = 900

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

interface Sent {
  readonly key: string
  readonly body: Record<string, unknown>
}

const agent = new Agent({ keepAlive: true })
afterAll(() => agent.destroy())

/**
 * Sends one submission as a careful client does: a key still being processed (409
 * request_in_progress) and a dropped connection are retried with the same key and body, which is
 * what the key is for; nothing else is retried.
 */
async function submit(sent: Sent) {
  for (let attempt = 0; ; attempt++) {
    let res: Awaited<ReturnType<typeof httpRequest>>
    try {
      res = await httpRequest(`${h.server.url}/api/v1/petitions`, {
        method: 'POST',
        body: sent.body,
        headers: { 'idempotency-key': sent.key },
        agent,
      })
    } catch (error) {
      if (attempt >= 20) throw error
      retriedNetwork++
      await sleep(200 + Math.random() * 300)
      continue
    }
    if (
      res.status === 409 &&
      String(res.body?.type).endsWith('/problems/request_in_progress') &&
      attempt < 200
    ) {
      retriedInProgress++
      await sleep(100 + Math.random() * 200)
      continue
    }
    return res
  }
}
let retriedNetwork = 0
let retriedInProgress = 0

it('stores exactly one case per Idempotency-Key under 1,000 concurrent submissions', async () => {
  const originals: Sent[] = Array.from({ length: UNIQUE }, (_, i) => ({
    key: `load-${i.toString().padStart(4, '0')}-${crypto.randomUUID()}`,
    body: petition({ title: `Kiến nghị số ${i} về thủ tục hành chính` }),
  }))
  // Each replay repeats an earlier submission exactly (same key, same body).
  const replays: Sent[] = Array.from({ length: TOTAL - UNIQUE }, (_, i) => originals[(i * 7) % UNIQUE]!)
  // Interleave them: a replay follows its original at some distance, often while it is in flight.
  const all: Sent[] = [...originals]
  for (const [i, r] of replays.entries())
    all.splice(Math.min(all.length, ((i * 7) % UNIQUE) + 1 + (i % 5) * 3), 0, r)
  expect(all).toHaveLength(TOTAL)

  const started = Date.now()
  const responses = await Promise.all(all.map(submit))
  const elapsed = Date.now() - started

  const statuses = new Map<number, number>()
  for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
  expect(Object.fromEntries(statuses)).toEqual({ 201: TOTAL })

  // Every key got one tracking code, whichever of its requests answered.
  const codeByKey = new Map<string, string>()
  const pinByCode = new Map<string, string>()
  all.forEach((sent, i) => {
    const { trackingCode, pin } = responses[i]!.body as { trackingCode: string; pin: string }
    const code = normalizeTrackingCode(trackingCode)!
    const known = codeByKey.get(sent.key)
    if (known) expect(code).toBe(known)
    else codeByKey.set(sent.key, code)
    const knownPin = pinByCode.get(code)
    if (knownPin) expect(pin).toBe(knownPin)
    else pinByCode.set(code, pin)
  })
  expect(codeByKey.size).toBe(UNIQUE)
  expect(pinByCode.size).toBe(UNIQUE)

  // Count what the store holds: one Query series on the reporting index per committee reached.
  const committees = new Set(responses.map((r) => (r.body as { committee: { id: string } }).committee.id))
  const stored: string[] = []
  for (const committeeId of committees)
    stored.push(...(await caseCodesOf(h.server.services.db, h.server.services.tableName, committeeId)))
  expect(stored).toHaveLength(UNIQUE)
  expect(new Set(stored)).toEqual(new Set(pinByCode.keys()))

  // Every acknowledged code is readable by its petitioner with the PIN the receipt gave.
  const reads = await inLanes([...pinByCode], 8, ([code, pin]) =>
    h.request('GET', `/api/v1/petitions/${code}`, { headers: { 'x-tracking-pin': pin } }),
  )
  expect(reads.filter((r) => r.status !== 200)).toEqual([])
  console.info(
    `${TOTAL} submissions (${UNIQUE} keys) answered in ${elapsed} ms; retried: ${retriedInProgress} in progress, ${retriedNetwork} dropped connections`,
  )
}, 900_000)
