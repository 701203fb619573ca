/**
 * Tamper evidence: a case's history is hash-chained, so an edit made straight in the table (not
 * through the app) shows up when a supervisor or a head runs the verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseEvent } from '../../shared/domain/case.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { chainEvent } from '../../shared/store/history.js'
import { actOk, fileOnline, storedCase } from './authz-helpers.js'
import { type Harness, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h.close())

/** A complaint at `btc` with three events: submitted (seq 1), accepted (seq 2), verification started (seq 3). */
async function caseWithHistory(): Promise<string> {
  const { trackingCode } = await fileOnline(h)
  await actOk(h, trackingCode, 'btc.canbo', { action: 'accept', note: 'Thụ lý giải quyết' })
  await actOk(h, trackingCode, 'btc.canbo', { action: 'start_verification', note: 'Giao tổ xác minh' })
  return trackingCode
}

/** An UpdateItem on the stored case item, behind the app's back. */
async function editStored(code: string, update: string, values?: Record<string, unknown>) {
  // `#data`, `#at`: attribute names that DynamoDB reserves are written through placeholders.
  const names: Record<string, string> = {}
  for (const [placeholder, name] of update.matchAll(/#(\w+)/g)) names[placeholder] = name!
  await h.server.services.db.update({
    TableName: h.server.services.tableName,
    Key: { pk: `CASE#${normalizeTrackingCode(code)}`, sk: 'CASE' },
    UpdateExpression: update,
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(values ? { ExpressionAttributeValues: values } : {}),
  })
}

const verify = (code: string, as = 'giamsat') =>
  h.request('GET', `/api/v1/cases/${code}/history/verification`, { as })

describe('verifying a case history', () => {
  it('reports an untouched history as intact', async () => {
    const code = await caseWithHistory()

    const res = await verify(code)

    expect(res.status).toBe(200)
    expect(res.body).toEqual({ trackingCode: code, intact: true, events: 3 })
  })

  it("finds an edited note in the second event and names that event's sequence number", async () => {
    const code = await caseWithHistory()

    await editStored(code, 'SET history[1].#data.note = :note', { ':note': 'Không thụ lý' })
    const res = await verify(code)

    expect((await storedCase(h, code)).history[1]!.data.note).toBe('Không thụ lý')
    expect(res.body).toMatchObject({ intact: false, firstBrokenSeq: 2, problem: 'hash_mismatch', events: 3 })
  })

  it('finds a backdated event', async () => {
    const code = await caseWithHistory()

    await editStored(code, 'SET history[1].#at = :at', { ':at': '2026-11-20T03:00:00.000Z' })
    const res = await verify(code)

    expect(res.body).toMatchObject({ intact: false, firstBrokenSeq: 2, problem: 'hash_mismatch' })
  })

  it('finds an edit whose own hash was recomputed, at the next link of the chain', async () => {
    const code = await caseWithHistory()
    const { history } = await storedCase(h, code)
    const { seq: _s, prevHash: _p, hash: _h, ...accepted } = history[1]!
    // The forger rehashes the edited event so that it checks out on its own…
    const forged: CaseEvent = chainEvent(history.slice(0, 1), { ...accepted, data: { note: 'Không thụ lý' } })

    await editStored(code, 'SET history[1] = :forged', { ':forged': forged })
    const res = await verify(code)

    // …but the event after it still points at the original hash.
    expect(res.body).toMatchObject({ intact: false, firstBrokenSeq: 3, problem: 'hash_mismatch' })
  })

  it('finds an event removed from the middle', async () => {
    const code = await caseWithHistory()

    await editStored(code, 'REMOVE history[1]')
    const res = await verify(code)

    expect(res.body).toMatchObject({ intact: false, firstBrokenSeq: 2, events: 2 })
  })

  it('reports the last event cut off (the version left as it was) as truncated', async () => {
    const code = await caseWithHistory()

    await editStored(code, 'REMOVE history[2]')
    const res = await verify(code)

    expect((await storedCase(h, code)).version).toBe(3)
    expect(res.body).toEqual({
      trackingCode: code,
      intact: false,
      events: 2,
      firstBrokenSeq: 3,
      problem: 'truncated',
    })
  })
})

describe('who may verify', () => {
  it('refuses a handler of the committee and lets its head and the head above run it', async () => {
    const code = await caseWithHistory()
    await editStored(code, 'SET history[1].#data.note = :note', { ':note': 'Sửa tay' })

    const handler = await verify(code, 'btc.canbo')
    const head = await verify(code, 'btc.truong')
    const headAbove = await verify(code, 'dukhoi.truong')

    expect(handler.status).toBe(403)
    expect(handler.body.type).toEqual(problemType('verification_not_allowed'))
    expect(head.status).toBe(200)
    expect(head.body).toMatchObject({ intact: false, firstBrokenSeq: 2 })
    expect(headAbove.status).toBe(200)
  })

  it('answers 404 to the head of another committee, as if the case did not exist', async () => {
    const code = await caseWithHistory()

    const res = await verify(code, 'byt.truong')

    expect(res.status).toBe(404)
  })
})
