/**
 * 50 staff actions on one case at the same moment, all holding the same version (If-Match):
 * exactly one wins, every other gets 409 or 412 as problem+json, and the history stays whole (one
 * new event, hash chain intact, versions and events in step).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { verifyChain } from '../../shared/store/history.js'
import { type Harness, petition, startHarness } from '../integration/harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

/** First decisions that conflict with each other: each one alone would succeed. */
const DECISIONS = [
  { action: 'accept', note: 'Thụ lý giải quyết' },
  { action: 'refuse', reason: 'finally_decided_nothing_new' },
  { action: 'transfer', toBody: 'UBND thành phố Hà Nội' },
  { action: 'transfer', toCommitteeId: 'bct' },
  { action: 'guide', guidance: 'Gửi đơn đến Tòa án nhân dân quận.' },
  { action: 'file', note: 'Không rõ nội dung' },
]

async function fileOne(kind = 'complaint') {
  const res = await h.request('POST', '/api/v1/petitions', { body: petition({ kind }) })
  expect(res.status).toBe(201)
  return normalizeTrackingCode(res.body.trackingCode)!
}

async function race(code: string, version: number, actors: readonly string[]) {
  return Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      h.request('POST', `/api/v1/cases/${code}/actions`, {
        as: actors[i % actors.length],
        body: DECISIONS[i % DECISIONS.length],
        headers: { 'if-match': String(version) },
      }),
    ),
  )
}

async function expectOneWinner(code: string, results: Awaited<ReturnType<typeof race>>, version: number) {
  const winners = results.filter((r) => r.status === 200)
  const losers = results.filter((r) => r.status !== 200)
  expect(winners).toHaveLength(1)
  for (const r of losers) {
    expect([409, 412]).toContain(r.status)
    expect(r.headers.get('content-type')).toContain('application/problem+json')
  }
  const winner = winners[0]!.body
  expect(winner.version).toBe(version + 1)

  const stored = await h.server.services.cases.getCase(code)
  expect(stored!.version).toBe(version + 1)
  expect(stored!.history).toHaveLength(version + 1)
  expect(verifyChain(stored!.history)).toBe(-1)
  expect(stored!.status).toBe(winner.status)
  const check = await h.request('GET', `/api/v1/cases/${code}/history/verification`, { as: 'giamsat' })
  expect(check.status).toBe(200)
  expect(check.body).toMatchObject({ intact: true, events: version + 1 })
  return { winner, stored: stored!, losers }
}

it('lets exactly one of 50 concurrent first decisions win; the rest get 409/412 and the chain verifies', async () => {
  const code = await fileOne()
  const results = await race(code, 1, ['bxd.canbo', 'bxd.truong'])
  const { stored, losers } = await expectOneWinner(code, results, 1)
  expect(['accepted', 'not_accepted', 'transferred', 'guided', 'filed']).toContain(stored.status)
  expect(losers).toHaveLength(49)
})

it('keeps one winner per round when the case moves on and racers hold the new version', async () => {
  const code = await fileOne('denunciation')
  let version = 1
  const accepted = await h.request('POST', `/api/v1/cases/${code}/actions`, {
    as: 'bxd.canbo',
    body: { action: 'accept' },
    headers: { 'if-match': String(version) },
  })
  expect(accepted.status).toBe(200)
  version = accepted.body.version
  // Round two: 50 handlers start verification or suspend at once on the accepted case.
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      h.request('POST', `/api/v1/cases/${code}/actions`, {
        as: i % 2 ? 'bxd.canbo' : 'bxd.truong',
        body:
          i % 2
            ? { action: 'start_verification', note: `Tổ xác minh ${i}` }
            : { action: 'suspend', reason: `Chờ kết quả giám định ${i}` },
        headers: { 'if-match': String(version) },
      }),
    ),
  )
  await expectOneWinner(code, results, version)
})
