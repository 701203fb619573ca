import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { getPage, postForm } from './authz-helpers.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
})
afterAll(async () => h.close())

async function act(code: string, as: string, body: Record<string, unknown>) {
  const current = (await h.request('GET', `/api/v1/cases/${code}`, { as })).body.version
  return h.request('POST', `/api/v1/cases/${code}/actions`, {
    as,
    body,
    headers: { 'if-match': String(current) },
  })
}

async function file(overrides: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = petition(overrides)
  if (body.anonymous) delete body.petitioner
  const res = await h.request('POST', '/api/v1/petitions', { body })
  expect(res.status).toBe(201)
  return res.body as { trackingCode: string; pin: string }
}

async function resolved(overrides: Record<string, unknown> = {}) {
  const r = await file(overrides)
  expect((await act(r.trackingCode, 'bxd.canbo', { action: 'accept' })).status).toBe(200)
  const done = await act(r.trackingCode, 'bxd.canbo', {
    action: 'resolve',
    answer: 'Bộ sẽ bỏ yêu cầu này từ quý sau.',
    outcome: 'adopted',
  })
  expect(done.status).toBe(200)
  return r
}

const rate = (r: { trackingCode: string; pin: string }, body: unknown) =>
  h.request('POST', `/api/v1/petitions/${r.trackingCode}/rating`, {
    body,
    headers: { 'x-tracking-pin': r.pin },
  })

const stored = (r: { trackingCode: string }) =>
  h.server.services.cases.getCase(normalizeTrackingCode(r.trackingCode)!)

describe('the petitioner rating the answer', () => {
  it('records a rating once the case is resolved, shows it to the petitioner and to staff, and counts it in the metrics', async () => {
    const r = await resolved()
    const before = await h.request('GET', `/api/v1/petitions/${r.trackingCode}`, {
      headers: { 'x-tracking-pin': r.pin },
    })

    const res = await rate(r, { score: 4, comment: '  Trả lời rõ ràng.  ' })

    expect(before.body.canRate).toBe(true)
    expect(res.status).toBe(201)
    expect(res.body.canRate).toBe(false)
    expect(res.body.rating).toMatchObject({ score: 4, comment: 'Trả lời rõ ràng.' })
    expect(res.body.timeline.at(-1).type).toBe('rated')
    const staff = await h.request('GET', `/api/v1/cases/${r.trackingCode}`, { as: 'bxd.canbo' })
    expect(staff.body.rating).toMatchObject({ score: 4, comment: 'Trả lời rõ ràng.' })
    const event = staff.body.history.at(-1)
    expect(event).toMatchObject({ type: 'rated', actor: { kind: 'petitioner' } })
    expect(event.data).toEqual({ score: 4, comment: 'Trả lời rõ ràng.' })
    expect(((await stored(r)) as { metrics?: { sc?: number } } | undefined)?.metrics?.sc).toBe(4)
  })

  it('refuses a second rating with 409 naming the rule, and keeps the first', async () => {
    const r = await resolved()
    await rate(r, { score: 2 })

    const again = await rate(r, { score: 5, comment: 'Đổi ý' })

    expect(again.status).toBe(409)
    expect(again.headers.get('content-type')).toContain('application/problem+json')
    expect(again.body.type).toEqual(problemType('already_rated'))
    const record = await stored(r)
    expect(record?.history.filter((e) => e.type === 'rated')).toHaveLength(1)
    expect((record as { metrics?: { sc?: number } } | undefined)?.metrics?.sc).toBe(2)
  })

  it('records exactly one of two ratings sent at the same time', async () => {
    const r = await resolved()
    const versionBefore = (await stored(r))!.version

    const results = await Promise.all([rate(r, { score: 1 }), rate(r, { score: 5 })])

    expect(results.map((x) => x.status).sort()).toEqual([201, 409])
    const record = await stored(r)
    expect(record?.history.filter((e) => e.type === 'rated')).toHaveLength(1)
    expect(record?.version).toBe(versionBefore + 1)
  })

  it('refuses to rate before the case has an answer, and writes nothing', async () => {
    const r = await file()
    await act(r.trackingCode, 'bxd.canbo', { action: 'accept' })
    const versionBefore = (await stored(r))!.version

    const res = await rate(r, { score: 3 })

    expect(res.status).toBe(409)
    expect(res.body.type).toEqual(problemType('no_answer_yet'))
    expect((await stored(r))!.version).toBe(versionBefore)
  })

  it('does not take a rating for a refusal, which decides admissibility and gives no answer', async () => {
    const r = await file()
    await act(r.trackingCode, 'bxd.canbo', { action: 'refuse', reason: 'already_guided' })

    const res = await rate(r, { score: 1 })

    expect(res.status).toBe(409)
    expect(res.body.type).toEqual(problemType('no_answer_yet'))
  })

  it('lets an anonymous petitioner rate with the code and PIN', async () => {
    const r = await resolved({ kind: 'feedback', anonymous: true })

    const res = await rate(r, { score: 5 })

    expect(res.status).toBe(201)
    expect(res.body.rating.score).toBe(5)
  })

  it.each([
    [{ score: 0 }, 'score'],
    [{ score: 6 }, 'score'],
    [{ score: 'x' }, 'score'],
    [{ score: 3.5 }, 'score'],
    [{}, 'score'],
    [{ score: 3, comment: 'x'.repeat(1001) }, 'comment'],
    [{ score: 3, extra: true }, 'extra'],
  ])('refuses %j with 422 naming the field %s, and writes nothing', async (body, field) => {
    const r = await resolved()
    const versionBefore = (await stored(r))!.version

    const res = await rate(r, body)

    expect(res.status).toBe(422)
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field)
    expect((await stored(r))!.version).toBe(versionBefore)
  })

  it('takes a rating from the tracking page form without JavaScript, and a form sent twice keeps the first', async () => {
    const r = await resolved()
    const page = await postForm(h, '/track', { code: r.trackingCode, pin: r.pin }, await getPage(h, '/track'))
    const fields = { code: r.trackingCode, pin: r.pin, 'rate.score': '3', 'rate.comment': 'Tạm được' }

    const first = await postForm(h, '/track/rate', fields, page)
    const twice = await postForm(h, '/track/rate', { ...fields, 'rate.score': '1' }, page)

    expect(page.html).toContain('id="rate-form"')
    expect([first.status, twice.status]).toEqual([200, 200])
    expect(first.html).toContain('Bạn đã đánh giá 3/5')
    expect(twice.html).toContain('Bạn đã đánh giá 3/5')
    expect(twice.html).not.toContain('id="rate-form"')
    const record = await stored(r)
    expect(record?.history.filter((e) => e.type === 'rated').map((e) => e.data)).toEqual([
      { score: 3, comment: 'Tạm được' },
    ])
  })

  it('answers a wrong PIN like an unknown code', async () => {
    const r = await resolved()

    const res = await rate({ trackingCode: r.trackingCode, pin: '000000' }, { score: 5 })

    expect(res.status).toBe(404)
    expect((await stored(r))?.history.some((e) => e.type === 'rated')).toBe(false)
  })
})
