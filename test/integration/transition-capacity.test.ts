/**
 * A transition costs what its write costs: the response is built from the record the conditional
 * update returned, and the staff view reads no supplements when the history records none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import type { CapacityRecord } from '../../shared/store/client.js'
import { act, fileOnline, storedCase, TODAY } from './authz-helpers.js'
import { type Harness, startHarness } from './harness.js'

let h: Harness
let records: CapacityRecord[] = []
beforeAll(async () => {
  h = await startHarness({ now: `${TODAY}T03:00:00Z`, onCapacity: (r) => records.push(r) })
})
afterAll(async () => h?.close())

describe('a transition at the minimum', () => {
  it('returns the record as the conditional write stored it, not as the caller guessed it', async () => {
    const filed = await fileOnline(h)
    const code = normalizeTrackingCode(filed.trackingCode)!
    const held = await storedCase(h, code)
    // Changed by someone else after the caller read the case (the sender noting a failed message).
    await h.server.services.cases.noteDeliveryFailure(code)
    const updated = await h.server.services.cases.appendEvent(
      held,
      held.version,
      { status: 'accepted' },
      {
        at: h.clock.now.toISOString(),
        type: 'accepted',
        actor: { kind: 'staff', id: 'btc.canbo' },
        public: true,
        data: {},
      },
      { escalationLevel: 0 },
    )
    expect(updated.deliveryFailures).toBe(1)
    expect(updated.version).toBe(held.version + 1)
  })

  it('reads the case once and no supplements when the history records none', async () => {
    const filed = await fileOnline(h)
    // The first staff read runs the repeat search (Queries of the repeat index) and keeps its result.
    await h.request('GET', `/api/v1/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
    records = []
    const res = await act(h, filed.trackingCode, 'btc.canbo', { action: 'accept' })
    expect(res.status).toBe(200)
    expect(res.body.supplements).toEqual([])
    expect(records.filter((r) => r.operation === 'Query')).toEqual([])
    expect(records.filter((r) => r.operation === 'UpdateItem')).toHaveLength(1)
  })
})
