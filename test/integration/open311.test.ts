import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { casePk } from '../../shared/store/keys.js'
import { actOk } from './authz-helpers.js'
import { type Harness, petition, startHarness } from './harness.js'

let h: Harness
const filed: Record<string, { trackingCode: string; pin: string }> = {}

const SECRET_TITLE = 'TIEU-DE-BI-MAT-311'
const SECRET_CONTENT = 'NOI-DUNG-BI-MAT-311'
const SECRET_NAME = 'Trần Thị Bí Mật'
const GEOREPORT_FIELDS = [
  'agency_responsible',
  'expected_datetime',
  'requested_datetime',
  'service_code',
  'service_name',
  'service_request_id',
  'status',
  'status_notes',
  'updated_datetime',
]

async function file(key: string, overrides: Record<string, unknown>) {
  const body: Record<string, unknown> = petition({
    title: `${SECRET_TITLE} ${key}`,
    content: `${SECRET_CONTENT} ${key}`,
    petitioner: { fullName: SECRET_NAME, phone: '0912345678', email: 'bimat@example.vn' },
    ...overrides,
  })
  if (body.anonymous) delete body.petitioner
  const res = await h.request('POST', '/api/v1/petitions', { body })
  expect(res.status).toBe(201)
  filed[key] = res.body
  return res.body as { trackingCode: string; pin: string }
}

const act = (code: string, as: string, body: Record<string, unknown>) => actOk(h, code, as, body)

async function rawItem(trackingCode: string) {
  const out = await h.server.services.db.get({
    TableName: h.server.services.tableName,
    Key: { pk: casePk(normalizeTrackingCode(trackingCode)!), sk: 'CASE' },
  })
  return out.Item as Record<string, unknown>
}

const publicIdOf = async (key: string) => (await rawItem(filed[key]!.trackingCode)).publicId as string

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
  await file('recommendation', { kind: 'recommendation', topic: 'land' })
  await file('feedback', { kind: 'feedback', topic: undefined, anonymous: true })
  await file('complaint', { kind: 'complaint', topic: 'land' })
  await file('denunciation', { kind: 'denunciation', topic: 'corruption' })
  h.clock.now = new Date('2026-11-27T03:00:00Z')
  await act(filed.recommendation!.trackingCode, 'bxd.canbo', { action: 'accept' })
})
afterAll(async () => h.close())

describe('Open311 services.json', () => {
  it('lists each published kind with each topic, and no complaint or denunciation', async () => {
    const res = await h.request('GET', '/open311/v2/services.json')

    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const codes = res.body.map((s: { service_code: string }) => s.service_code)
    expect(codes).toContain('recommendation.land')
    expect(codes).toContain('feedback.other')
    expect(codes.filter((c: string) => !/^(recommendation|feedback)\./.test(c))).toEqual([])
    expect(res.body[0]).toMatchObject({ metadata: false, type: 'realtime' })
  })
})

describe('Open311 requests.json', () => {
  it('gives recommendations and feedback with exactly the GeoReport fields, never the text, a petitioner or a tracking code', async () => {
    const res = await h.request('GET', '/open311/v2/requests.json')

    expect(res.status).toBe(200)
    expect(res.body).toHaveLength(2)
    for (const r of res.body) expect(Object.keys(r).sort()).toEqual(GEOREPORT_FIELDS)
    const text = JSON.stringify(res.body)
    for (const secret of [SECRET_TITLE, SECRET_CONTENT, SECRET_NAME, 'bimat@example.vn', '0912345678'])
      expect(text).not.toContain(secret)
    for (const { trackingCode } of Object.values(filed)) {
      expect(text).not.toContain(trackingCode)
      expect(text).not.toContain(normalizeTrackingCode(trackingCode)!)
    }
  })

  it('shows the kind and topic, the committee, the status, the dates and the current legal deadline', async () => {
    const id = await publicIdOf('recommendation')
    const res = await h.request('GET', `/open311/v2/requests/${id}.json`)
    const feedback = await h.request('GET', `/open311/v2/requests/${await publicIdOf('feedback')}.json`)

    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      {
        service_request_id: id,
        status: 'open',
        status_notes: 'Đã thụ lý, đang giải quyết',
        service_name: 'Kiến nghị: Đất đai, nhà ở',
        service_code: 'recommendation.land',
        agency_responsible: expect.stringContaining('Xây dựng'),
        requested_datetime: '2026-11-26T00:00:00+07:00',
        updated_datetime: '2026-11-27T00:00:00+07:00',
        // Accepted Friday 27/11/2026: the answer is due in 10 working days, Friday 11/12/2026.
        expected_datetime: '2026-12-11T23:59:59+07:00',
      },
    ])
    expect(id).toMatch(/^20261126-[0-9A-Z]{10}$/)
    // Not decided yet: the processing limit (10 working days from Thursday 26/11/2026).
    expect(feedback.body[0]).toMatchObject({
      service_code: 'feedback.other',
      status: 'open',
      expected_datetime: '2026-12-10T23:59:59+07:00',
    })
  })

  it('never holds a complaint or a denunciation, whatever is asked', async () => {
    const complaint = await rawItem(filed.complaint!.trackingCode)
    const denunciation = await rawItem(filed.denunciation!.trackingCode)

    for (const item of [complaint, denunciation]) {
      expect(item.publicId).toBeUndefined()
      expect(item.openPk).toBeUndefined()
    }
    for (const code of ['complaint.land', 'denunciation.corruption']) {
      const res = await h.request('GET', `/open311/v2/requests.json?service_code=${code}`)
      expect(res.status).toBe(400)
    }
    for (const key of ['complaint', 'denunciation']) {
      const code = filed[key]!.trackingCode
      const byId = await h.request('GET', `/open311/v2/requests/${code}.json`)
      const byList = await h.request('GET', `/open311/v2/requests.json?service_request_id=${code}`)
      expect(byId.status).toBe(404)
      expect(byList.body).toEqual([])
    }
    const all = await h.request('GET', '/open311/v2/requests.json?status=open,closed')
    expect(all.body.map((r: { service_code: string }) => r.service_code).sort()).toEqual([
      'feedback.other',
      'recommendation.land',
    ])
  })

  it('does not answer to a tracking code, even of a published request', async () => {
    const res = await h.request('GET', `/open311/v2/requests/${filed.recommendation!.trackingCode}.json`)

    expect(res.status).toBe(404)
    expect(res.body).toEqual([{ code: 404, description: expect.any(String) }])
  })

  it('filters by service code, status, dates and ids', async () => {
    const rec = await publicIdOf('recommendation')
    const fb = await publicIdOf('feedback')

    const byCode = await h.request('GET', '/open311/v2/requests.json?service_code=feedback.other')
    const closed = await h.request('GET', '/open311/v2/requests.json?status=closed')
    const before = await h.request(
      'GET',
      '/open311/v2/requests.json?start_date=2026-10-01T00:00:00Z&end_date=2026-11-26T02:59:59Z',
    )
    const ids = await h.request(
      'GET',
      `/open311/v2/requests.json?service_request_id=${rec},${fb}&status=closed`,
    )

    expect(byCode.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([fb])
    expect(closed.body).toEqual([])
    expect(before.body).toEqual([])
    // A list of ids overrides every other parameter (GeoReport v2).
    expect(ids.body.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [rec, fb].sort(),
    )
  })

  it('shows a resolved request as closed, with no deadline and the time of the answer', async () => {
    h.clock.now = new Date('2026-11-30T03:00:00Z')
    await act(filed.recommendation!.trackingCode, 'bxd.canbo', {
      action: 'resolve',
      answer: 'Đã trả lời.',
      outcome: 'answered',
    })
    const res = await h.request(
      'GET',
      `/open311/v2/requests/${await publicIdOf('recommendation')}.json?lang=en`,
    )

    expect(res.body[0]).toMatchObject({
      status: 'closed',
      status_notes: 'Answered',
      service_name: 'Recommendation: Land and housing',
      expected_datetime: null,
      updated_datetime: '2026-11-30T00:00:00+07:00',
    })
  })

  it.each([
    ['status=pending', 'status'],
    ['service_code=nope', 'service_code'],
    ['start_date=yesterday', 'start_date'],
    ['start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z', '90'],
    ['start_date=2026-11-20T00:00:00Z&end_date=2026-11-01T00:00:00Z', 'start_date'],
    [`service_request_id=${Array.from({ length: 51 }, (_, i) => `x${i}`).join(',')}`, 'service_request_id'],
  ])('refuses %s with 400 in the GeoReport error format', async (query, mention) => {
    const res = await h.request('GET', `/open311/v2/requests.json?${query}&lang=en`)

    expect(res.status).toBe(400)
    expect(res.body).toEqual([{ code: 400, description: expect.stringContaining(mention) }])
  })
})
