import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, petition, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ now: '2026-10-05T03:00:00Z' })
})
afterAll(async () => h.close())

async function act(code: string, as: string, body: Record<string, unknown>) {
  const { version } = (await h.request('GET', `/api/v1/cases/${code}`, { as })).body
  const res = await h.request('POST', `/api/v1/cases/${code}/actions`, {
    as,
    body,
    headers: { 'if-match': String(version) },
  })
  expect(res.status).toBe(200)
  return res.body
}

describe('the accountability report over real data', () => {
  it('counts what happened in the period, from the reporting index, for a committee and its parent', async () => {
    // Arrange, all in October 2026 (Q4), at the Ministry of Construction's committee (bxd):
    // 1. a recommendation received 5/10, accepted 6/10, answered 8/10 (on time);
    // 2. a complaint received 5/10 from 6 signatories, still awaiting its first decision;
    // 3. a feedback received 5/10, guided 7/10;
    // 4. a denunciation received 5/10, transferred to byt 6/10 (counts at bxd as transferred out).
    const r1 = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    const awaiting = (
      await h.request('POST', '/api/v1/petitions', { body: petition({ kind: 'complaint', signatories: 6 }) })
    ).body
    const r3 = (await h.request('POST', '/api/v1/petitions', { body: petition({ kind: 'feedback' }) })).body
    const r4 = (await h.request('POST', '/api/v1/petitions', { body: petition({ kind: 'denunciation' }) }))
      .body
    h.clock.now = new Date('2026-10-06T03:00:00Z')
    await act(r1.trackingCode, 'bxd.canbo', { action: 'accept' })
    await act(r4.trackingCode, 'bxd.canbo', { action: 'transfer', toCommitteeId: 'byt' })
    h.clock.now = new Date('2026-10-07T03:00:00Z')
    await act(r3.trackingCode, 'bxd.canbo', { action: 'guide', guidance: 'Gửi Tòa án nhân dân quận.' })
    h.clock.now = new Date('2026-10-08T03:00:00Z')
    await act(r1.trackingCode, 'bxd.canbo', { action: 'resolve', answer: 'Đã tiếp thu.', outcome: 'adopted' })
    h.clock.now = new Date('2026-12-31T03:00:00Z')

    // Act
    const own = await h.request('GET', '/api/v1/reports?committeeId=bxd&period=quarter&year=2026&index=4', {
      as: 'bxd.truong',
    })
    const bloc = await h.request('GET', '/api/v1/reports?committeeId=dukhoi&from=2026-10-01&to=2026-12-31', {
      as: 'giamsat',
    })

    // Assert
    expect(own.status).toBe(200)
    expect(own.body).toMatchObject({ committeeId: 'bxd', from: '2026-10-01', to: '2026-12-31' })
    const t = own.body.total
    expect(t.caseload.received.total).toBe(4)
    expect(t.caseload.received.multiPerson).toBe(1)
    expect(t.caseload.carriedOver.total).toBe(0)
    // Processed: accepted (1), guided (3), transferred (4); the complaint (2) awaits its decision.
    expect(t.processing.processed).toBe(3)
    expect(t.processing.byDecision).toMatchObject({ accepted: 1, guided: 1, transferred: 1 })
    expect(t.jurisdiction.transferred).toMatchObject({ total: 1, toCommittee: 1 })
    expect(t.standing.notYetResolved).toBe(1)
    expect(t.resolution).toMatchObject({ resolved: 1, onTime: 1, overdue: 0 })
    // The complaint received 5/10/2026 has been overdue since its 7-working-day acceptance limit (14/10).
    expect(t.overdueOpen.awaitingDecision).toBe(1)
    expect(awaiting.committee.id).toBe('bxd')
    expect(bloc.status).toBe(200)
    // The transferred denunciation counts once in the bloc's total, at both children.
    expect(bloc.body.total.caseload.received.total).toBe(4)
    expect(bloc.body.children.map((c: { committeeId: string }) => c.committeeId)).toEqual(
      expect.arrayContaining(['bxd', 'byt']),
    )
    expect(JSON.stringify(bloc.body)).not.toContain('Nguyễn Văn An')
  })

  it('refuses bad periods with a problem naming the field, and readers without the right', async () => {
    const cases = [
      ['/api/v1/reports?committeeId=bxd&from=2026-12-01&to=2026-11-01', 'giamsat', 422, 'to'],
      ['/api/v1/reports?committeeId=bxd&from=2027-03-01&to=2027-03-31', 'giamsat', 422, 'from'],
      ['/api/v1/reports?committeeId=bxd&from=2024-01-01&to=2026-06-30', 'giamsat', 422, 'to'],
      ['/api/v1/reports?committeeId=nowhere&from=2026-10-01&to=2026-10-31', 'giamsat', 422, 'committeeId'],
      ['/api/v1/reports?committeeId=bxd&period=quarter', 'giamsat', 422, 'year'],
      ['/api/v1/reports?committeeId=bxd&from=2026-10-01&to=2026-10-31', 'bxd.canbo', 403, undefined],
      ['/api/v1/reports?committeeId=bxd&from=2026-10-01&to=2026-10-31', 'byt.truong', 403, undefined],
    ] as const
    for (const [path, as, status, field] of cases) {
      const res = await h.request('GET', path, { as })
      expect(res.status, path).toBe(status)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      if (field) expect(res.body.errors[0].field, path).toBe(field)
    }
  })
})
