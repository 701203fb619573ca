/**
 * The reception register over real HTTP: recording sessions linked to the cases created at the
 * desk, the rules that refuse a session (writing nothing), who may record and read, and the
 * summary with each head's reception days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileAtDesk, fileOnline } from './authz-helpers.js'
import { type Harness, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
})
afterAll(async () => h.close())

const BASE = '/api/v1/reception-sessions'

const session = (overrides: Record<string, unknown> = {}) => ({
  committeeId: 'vanphong',
  date: '2026-11-20',
  type: 'regular',
  hostUserId: 'tiepdan',
  visitors: 3,
  ...overrides,
})

async function sessionsOf(committeeId: string, from: string, to: string): Promise<number> {
  const res = await h.request('GET', `${BASE}?committeeId=${committeeId}&from=${from}&to=${to}`, {
    as: 'giamsat',
  })
  expect(res.status).toBe(200)
  return res.body.items.length
}

describe('recording reception sessions', () => {
  it('records the regular desk and the head’s periodic day, linked to the desk’s cases, and sums them up', async () => {
    // Arrange: a petition registered at the desk during the session.
    const { trackingCode } = await fileAtDesk(h)

    // Act
    const regular = await h.request('POST', BASE, {
      as: 'tiepdan',
      body: session({
        caseCodes: [trackingCode, trackingCode.toLowerCase()],
        location: 'Trụ sở tiếp công dân',
      }),
    })
    const periodic = await h.request('POST', BASE, {
      as: 'vanphong.truong',
      body: session({
        date: '2026-11-10',
        type: 'periodic',
        hostUserId: 'vanphong.truong',
        visitors: 9,
        delegations: [{ people: 7, representatives: 2, subject: 'Chế độ chính sách cán bộ nghỉ hưu' }],
      }),
    })
    const summary = await h.request(
      'GET',
      `${BASE}/summary?committeeId=vanphong&period=month&year=2026&index=11`,
      {
        as: 'giamsat',
      },
    )

    // Assert
    expect(regular.status).toBe(201)
    expect(regular.body).toMatchObject({
      caseCodes: [trackingCode],
      hostIsHead: false,
      recordedBy: 'tiepdan',
    })
    expect(periodic.status).toBe(201)
    expect(periodic.body.hostIsHead).toBe(true)
    expect(summary.status).toBe(200)
    expect(summary.body).toMatchObject({
      sessions: 2,
      byType: { regular: 1, periodic: 1, ad_hoc: 0, online: 0 },
      visitors: 12,
      cases: 1,
      delegations: 1,
      delegationPeople: 7,
      minimumDaysPerMonth: 1,
    })
    expect(summary.body.heads).toEqual([
      expect.objectContaining({ userId: 'vanphong.truong', required: 1, held: 1, met: true }),
    ])
  })

  it('reports a head who held no reception day in a finished month as not meeting the minimum', async () => {
    const res = await h.request('GET', `${BASE}/summary?committeeId=btc&from=2026-10-01&to=2026-10-31`, {
      as: 'dukhoi.truong',
    })

    expect(res.status).toBe(200)
    expect(res.body.heads).toEqual([
      expect.objectContaining({ userId: 'btc.truong', required: 1, held: 0, met: false }),
    ])
  })

  it('refuses a bad session with 422 naming the field, and writes nothing', async () => {
    const before = await sessionsOf('vanphong', '2026-11-01', '2026-11-30')
    const online = await fileOnline(h)

    const refusals = await Promise.all(
      [
        [
          session({ visitors: 4, delegations: [{ people: 6, representatives: 1, subject: 'Đất đai' }] }),
          'visitors',
        ],
        [session({ date: '2026-11-27' }), 'date'],
        [session({ date: '2026-06-30', type: 'online' }), 'type'],
        [session({ hostUserId: 'btc.canbo' }), 'hostUserId'],
        [session({ type: 'periodic' }), 'hostUserId'],
        [session({ caseCodes: ['not a code'] }), 'caseCodes.0'],
        // A case the desk did not register, at another committee: as absent as one that does not exist.
        [session({ caseCodes: [online.trackingCode] }), 'caseCodes.0'],
        [session({ visitors: -1 }), 'visitors'],
        [{ ...session(), extra: 1 }, 'extra'],
      ].map(async ([body, field]) => ({
        field,
        res: await h.request('POST', BASE, { as: 'tiepdan', body }),
      })),
    )

    for (const { field, res } of refusals) {
      expect(res.status, String(field)).toBe(422)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        String(field),
      ).toContain(field)
    }
    expect(await sessionsOf('vanphong', '2026-01-01', '2026-11-30')).toBe(before)
  })

  it('lets only the committee’s reception officers and heads record, and its readers read', async () => {
    const before = await sessionsOf('btc', '2026-11-01', '2026-11-30')

    expect(
      (await h.request('POST', BASE, { as: 'tiepdan', body: session({ committeeId: 'btc' }) })).status,
    ).toBe(403)
    expect(
      (
        await h.request('POST', BASE, {
          as: 'btc.canbo',
          body: session({ committeeId: 'btc', hostUserId: 'btc.canbo' }),
        })
      ).status,
    ).toBe(403)
    expect((await h.request('POST', BASE, { as: 'giamsat', body: session() })).status).toBe(403)
    expect((await h.request('POST', BASE, { body: session() })).status).toBe(401)
    expect(await sessionsOf('btc', '2026-11-01', '2026-11-30')).toBe(before)

    const read = (as: string) =>
      h
        .request('GET', `${BASE}?committeeId=vanphong&from=2026-11-01&to=2026-11-30`, { as })
        .then((r) => r.status)
    expect(await read('giamsat')).toBe(200)
    expect(await read('dukhoi.truong')).toBe(200)
    expect(await read('tiepdan')).toBe(200)
    expect(await read('byt.truong')).toBe(403)
    expect(await read('dangvien')).toBe(403)
  })

  it('records a head’s ad hoc session and counts it toward the report', async () => {
    const res = await h.request('POST', BASE, {
      as: 'btc.truong',
      body: session({
        committeeId: 'btc',
        date: '2026-11-25',
        type: 'ad_hoc',
        hostUserId: 'btc.truong',
        visitors: 2,
      }),
    })
    const report = await h.request(
      'GET',
      '/api/v1/reports?committeeId=dukhoi&from=2026-11-01&to=2026-11-30',
      {
        as: 'giamsat',
      },
    )

    expect(res.status).toBe(201)
    expect(report.body.reception).toMatchObject({ sessions: 3, visitors: 14, delegations: 1, cases: 1 })
  })
})

describe('codes outside the reader’s reach', () => {
  it('lists only the cases the reader may open and counts the others', async () => {
    // The desk's case goes to the committee it concerns (btc); the register is the office's.
    const { trackingCode } = await fileAtDesk(h)
    const recorded = await h.request('POST', BASE, {
      as: 'tiepdan',
      body: session({ date: '2026-11-25', caseCodes: [trackingCode] }),
    })
    expect(recorded.status).toBe(201)
    const read = async (as: string) => {
      const res = await h.request('GET', `${BASE}?committeeId=vanphong&from=2026-11-25&to=2026-11-25`, { as })
      expect(res.status, as).toBe(200)
      return {
        text: JSON.stringify(res.body),
        item: res.body.items.find((i: any) => i.id === recorded.body.id),
      }
    }

    const handler = await read('vanphong.canbo')
    const supervisor = await read('giamsat')

    expect(handler.item).toMatchObject({ caseCodes: [], casesOutsideReach: 1 })
    expect(handler.text).not.toContain(trackingCode)
    expect(supervisor.item).toMatchObject({ caseCodes: [trackingCode], casesOutsideReach: 0 })
  })
})
