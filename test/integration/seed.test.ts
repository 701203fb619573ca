import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMITTEES } from '../../local/demo-data.js'
import { verifyCaseHistory } from '../../shared/store/history.js'
import { type Harness, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ petitions: 52 })
}, 120_000)
afterAll(async () => h.close())

describe('the demo data', () => {
  it('seeds about fifty petitions in every state, some overdue, each with an intact history', async () => {
    const statuses = new Map<string, number>()
    let overdue = 0
    let total = 0
    let documents = 0
    for (const committee of COMMITTEES) {
      const page = await h.server.services.cases.listReceived(committee.id, '2020-01-01', '2030-12-31')
      for (const summary of page.items) {
        total++
        statuses.set(summary.status, (statuses.get(summary.status) ?? 0) + 1)
        const stored = await h.server.services.cases.getCase(summary.code)
        expect(verifyCaseHistory(stored!).intact).toBe(true)
        documents += stored!.history.filter((e) => e.type === 'document_issued').length
      }
      const queue = await h.request('GET', `/api/v1/committees/${committee.id}/queue?limit=100`, {
        as: 'giamsat',
      })
      overdue += queue.body.items.filter((i: { urgency: string }) => i.urgency === 'overdue').length
    }

    expect(total).toBe(52)
    // The demo cases carry the documents of their decisions (docs/documents.md#issuing).
    expect(documents).toBeGreaterThan(30)
    expect([...statuses.keys()].sort()).toEqual(
      [
        'accepted',
        'closed',
        'duplicate',
        'filed',
        'guided',
        'not_accepted',
        'received',
        'resolved',
        'suspended',
        'transferred',
        'verifying',
        'withdrawn',
      ].sort(),
    )
    expect(overdue).toBeGreaterThan(3)
  })

  it('seeds reception sessions and accountability reports, one owed and one accepted', async () => {
    const today = new Date(h.clock.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
    const summary = await h.request(
      'GET',
      `/api/v1/reception-sessions/summary?committeeId=vanphong&from=${from}&to=${today}`,
      {
        as: 'giamsat',
      },
    )
    const owed = await h.request('GET', '/api/v1/accountability-requests', { as: 'giamsat' })
    const btc = await h.request('GET', '/api/v1/accountability-requests?committeeId=btc&state=accepted', {
      as: 'giamsat',
    })

    expect(summary.body.sessions).toBe(4)
    expect(summary.body.cases).toBeGreaterThan(0)
    expect(summary.body.heads[0]).toMatchObject({ userId: 'vanphong.truong' })
    expect(owed.body.items.filter((r: { kind: string }) => r.kind === 'case')).toHaveLength(1)
    expect(btc.body.items).toHaveLength(1)
  })

  it('seeds only once per data folder', async () => {
    const { seedDemoData } = await import('../../local/seed.js')
    expect(await seedDemoData(h.server.services)).toBe(0)
  })
})
