import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { hashPin } from '../../shared/security.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h.close())

/** How many cases a committee received today (the reporting index): proves "nothing written". */
async function receivedToday(committeeId: string) {
  const page = await h.server.services.cases.listReceived(committeeId, '2026-11-26', '2026-11-26')
  return page.items.length
}

describe('filing a petition', () => {
  it('stores it, routes it to the committee of the agency it concerns and gives code, PIN and deadlines', async () => {
    const res = await h.request('POST', '/api/v1/petitions', { body: petition() })

    expect(res.status).toBe(201)
    expect(res.body.trackingCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    )
    expect(res.body.pin).toMatch(/^\d{8}$/)
    expect(res.body.status).toBe('received')
    expect(res.body.committee).toEqual({ id: 'bxd', name: 'Đảng ủy Bộ Xây dựng' })
    expect(res.body.routing.reason).toContain('Bộ Xây dựng')
    const acceptance = res.body.deadlines.find((d: { clock: string }) => d.clock === 'acceptance')
    // Thursday 26/11/2026 + 10 working days: 27, 30/11, 1, 2, 3, 4, 7, 8, 9, 10/12.
    expect(acceptance).toMatchObject({ dueDate: '2026-12-10', dayType: 'working', state: 'running' })
    expect(acceptance.basis).toBeTruthy()
    expect(acceptance.explanation).toContain('10/12/2026')
  })

  it('sends a denunciation of a Party member for breaching Party rules to the inspection commission', async () => {
    const res = await h.request('POST', '/api/v1/petitions', {
      body: petition({
        kind: 'denunciation',
        topic: 'party_discipline',
        concerns: { organization: 'Bộ Tài chính', person: 'Trưởng phòng X' },
      }),
    })

    expect(res.status).toBe(201)
    expect(res.body.committee.id).toBe('ubkt')
    // Law 25/2018 Art. 24(1): 7 working days from 26/11/2026 → Monday 7/12/2026.
    expect(res.body.deadlines.find((d: { clock: string }) => d.clock === 'acceptance').dueDate).toBe(
      '2026-12-07',
    )
  })

  it('falls back to the intake office when no rule names the competent committee, and says so', async () => {
    const res = await h.request('POST', '/api/v1/petitions', {
      body: petition({ concerns: { organization: 'Một cơ quan không có trong danh mục' } }),
    })

    expect(res.status).toBe(201)
    expect(res.body.committee.id).toBe('vanphong')
    expect(res.body.routing.reason).toMatch(/phân loại/)
  })

  it('accepts an anonymous denunciation without any identity and answers in English when asked', async () => {
    const { petitioner: _none, ...body } = petition({ kind: 'denunciation', anonymous: true })
    const res = await h.request('POST', '/api/v1/petitions', { body, headers: { 'accept-language': 'en' } })

    expect(res.status).toBe(201)
    expect(res.body.anonymous).toBe(true)
    expect(res.body.committee.name).toBe('Party Committee of the Ministry of Construction')
  })
})

describe('bad input', () => {
  const cases: [
    string,
    { body?: unknown; raw?: string; headers?: Record<string, string> },
    number,
    string[],
  ][] = [
    ['malformed JSON', { raw: '{"kind": "complaint",' }, 400, []],
    ['a wrong type', { body: petition({ signatories: 'many' }) }, 422, ['signatories']],
    ['an unknown field', { body: petition({ priority: 'urgent' }) }, 422, ['priority']],
    ['an unknown kind', { body: petition({ kind: 'petition' }) }, 422, ['kind']],
    ['content over 20,000 characters', { body: petition({ content: 'đ'.repeat(20_001) }) }, 422, ['content']],
    ['a missing petitioner', { body: petition({ petitioner: undefined }) }, 422, ['petitioner']],
    [
      'an anonymous complaint',
      { body: { ...petition({ kind: 'complaint', anonymous: true }), petitioner: undefined } },
      422,
      ['anonymous'],
    ],
    [
      'an identity on an anonymous petition',
      { body: petition({ kind: 'feedback', anonymous: true }) },
      422,
      ['petitioner'],
    ],
    [
      'a malformed phone number',
      { body: petition({ petitioner: { fullName: 'A', phone: '12ab' } }) },
      422,
      ['petitioner.phone'],
    ],
    ['a blank title', { body: petition({ title: '   ' }) }, 422, ['title']],
    ['a date field on a non-complaint', { body: petition({ knownOn: '2026-11-01' }) }, 422, ['knownOn']],
    [
      'an impossible date',
      { body: petition({ kind: 'complaint', knownOn: '2026-02-30' }) },
      422,
      ['knownOn'],
    ],
  ]

  it.each(cases)(
    'refuses %s with a problem naming the field, and writes nothing',
    async (_name, request, status, fields) => {
      const before = await receivedToday('bxd')

      const res = await h.request('POST', '/api/v1/petitions', request)

      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body).toMatchObject({
        status,
        type: expect.stringMatching(/^https?:\/\/[^/]+\/problems\//),
        title: expect.any(String),
        detail: expect.any(String),
      })
      for (const field of fields)
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field)
      expect(await receivedToday('bxd')).toBe(before)
    },
  )

  it('refuses a body larger than the limit with 413', async () => {
    // Its own connection: the server answers before reading the whole body and then closes the
    // socket, which must not disturb the keep-alive connections the other tests share.
    const { request } = await import('node:http')
    const payload = JSON.stringify(petition({ content: 'x'.repeat(200_000) }))
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${h.server.url}/api/v1/petitions`,
        { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' } },
        (r) => {
          let text = ''
          r.on('data', (chunk) => {
            text += chunk
          })
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }))
        },
      )
      req.on('error', reject)
      req.end(payload)
    })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).type).toEqual(problemType('payload_too_large'))
  })

  it('words validation errors in English when the caller asks for English', async () => {
    const res = await h.request('POST', '/api/v1/petitions', {
      body: petition({ kind: 'x' }),
      headers: { 'accept-language': 'en-GB' },
    })
    expect(res.body.title).toBe('The request is not valid')
    expect(res.body.errors[0].message).toMatch(/expected one of/i)
  })
})

describe('idempotent submission', () => {
  it('replays the same receipt for the same Idempotency-Key and stores one case', async () => {
    const before = await receivedToday('bxd')
    const headers = { 'idempotency-key': 'client-retry-0001' }

    const first = await h.request('POST', '/api/v1/petitions', { body: petition(), headers })
    const second = await h.request('POST', '/api/v1/petitions', { body: petition(), headers })

    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body.trackingCode).toBe(first.body.trackingCode)
    expect(second.body.pin).toBe(first.body.pin)
    expect(await receivedToday('bxd')).toBe(before + 1)
  })

  it('refuses the same key with a different body', async () => {
    const headers = { 'idempotency-key': 'client-retry-0002' }
    await h.request('POST', '/api/v1/petitions', { body: petition(), headers })

    const res = await h.request('POST', '/api/v1/petitions', { body: petition({ title: 'Khác' }), headers })

    expect(res.status).toBe(422)
    expect(res.body.type).toEqual(problemType('idempotency_key_reused'))
  })

  it('never stores the PIN in clear in the idempotency record', async () => {
    const res = await h.request('POST', '/api/v1/petitions', {
      body: petition(),
      headers: { 'idempotency-key': 'client-retry-0003' },
    })
    const out = await h.server.services.db.query({
      TableName: h.server.services.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY' },
    })
    expect(out.Items?.length).toBeGreaterThan(0)
    expect(JSON.stringify(out.Items)).not.toContain(res.body.pin)
  })
})

describe('tracking', () => {
  it('shows the petitioner the status, the public timeline and the deadlines with the PIN', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body

    const res = await h.request('GET', `/api/v1/petitions/${receipt.trackingCode}`, {
      headers: { 'x-tracking-pin': receipt.pin },
    })

    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      trackingCode: receipt.trackingCode,
      status: 'received',
      committee: { id: 'bxd' },
    })
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted'])
    expect(res.body.deadlines.length).toBeGreaterThan(0)
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn Văn An')
  })

  it('keeps the PIN out of a stolen table: stored under a keyed hash, old scrypt hashes upgraded on use', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    const code = normalizeTrackingCode(receipt.trackingCode)!
    const stored = async () => (await h.server.services.cases.getCase(code))!.pinHash
    expect(await stored()).toMatch(/^hmac\$/)

    // A case filed before the keyed hashes: its PIN under scrypt.
    await h.server.services.db.update({
      TableName: h.server.services.tableName,
      Key: { pk: `CASE#${code}`, sk: 'CASE' },
      UpdateExpression: 'SET pinHash = :old',
      ExpressionAttributeValues: { ':old': await hashPin(receipt.pin) },
    })
    const track = () =>
      h.request('GET', `/api/v1/petitions/${receipt.trackingCode}`, {
        headers: { 'x-tracking-pin': receipt.pin },
      })
    expect((await track()).status).toBe(200)
    expect(await stored()).toMatch(/^hmac\$/)
    expect((await track()).status).toBe(200)
  })

  it('accepts the code typed in lower case without dashes', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    const sloppy = receipt.trackingCode.replaceAll('-', '').toLowerCase()

    const res = await h.request('GET', `/api/v1/petitions/${sloppy}`, {
      headers: { 'x-tracking-pin': receipt.pin },
    })

    expect(res.status).toBe(200)
  })

  it('answers an unknown code and a wrong PIN with the same 404', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body

    const wrongPin = await h.request('GET', `/api/v1/petitions/${receipt.trackingCode}`, {
      headers: { 'x-tracking-pin': '00000000' },
    })
    const unknown = await h.request('GET', '/api/v1/petitions/0000-0000-0000', {
      headers: { 'x-tracking-pin': receipt.pin },
    })
    const malformed = await h.request('GET', '/api/v1/petitions/not-a-code', {
      headers: { 'x-tracking-pin': receipt.pin },
    })

    for (const res of [wrongPin, unknown, malformed]) {
      expect(res.status).toBe(404)
      expect({ ...res.body, instance: undefined }).toEqual({ ...wrongPin.body, instance: undefined })
    }
  })

  it('locks a code after repeated wrong PINs, even against the right PIN, and lets it go after the lock-out', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    const path = `/api/v1/petitions/${receipt.trackingCode}`
    for (let i = 0; i < 5; i++)
      expect((await h.request('GET', path, { headers: { 'x-tracking-pin': `1111111${i}` } })).status).toBe(
        404,
      )

    const locked = await h.request('GET', path, { headers: { 'x-tracking-pin': receipt.pin } })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)

    h.clock.now = new Date(h.clock.now.getTime() + 61_000)
    expect((await h.request('GET', path, { headers: { 'x-tracking-pin': receipt.pin } })).status).toBe(200)
  })

  it('requires the PIN header', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body
    const res = await h.request('GET', `/api/v1/petitions/${receipt.trackingCode}`)
    expect(res.status).toBe(422)
    expect(res.body.errors[0].field).toBe('x-tracking-pin')
  })
})

describe('the petitioner acting on their petition', () => {
  it('withdraws a complaint with a reason; the timeline shows it', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition({ kind: 'complaint' }) }))
      .body

    const res = await h.request('POST', `/api/v1/petitions/${receipt.trackingCode}/withdrawal`, {
      body: { scope: 'full', reason: 'Đã được giải thích thỏa đáng.' },
      headers: { 'x-tracking-pin': receipt.pin },
    })

    expect(res.status).toBe(200)
    expect(res.body.status).toBe('withdrawn')
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'withdrawn'])
    expect(res.body.canWithdraw).toBe(false)
  })

  it('withdraws part of a denunciation and keeps the case going', async () => {
    const receipt = (
      await h.request('POST', '/api/v1/petitions', { body: petition({ kind: 'denunciation' }) })
    ).body

    const res = await h.request('POST', `/api/v1/petitions/${receipt.trackingCode}/withdrawal`, {
      body: { scope: 'partial', reason: 'Rút nội dung thứ hai.' },
      headers: { 'x-tracking-pin': receipt.pin },
    })

    expect(res.status).toBe(200)
    expect(res.body.status).toBe('received')
  })

  it('refuses to withdraw a recommendation (only complaints and denunciations are withdrawn)', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body

    const res = await h.request('POST', `/api/v1/petitions/${receipt.trackingCode}/withdrawal`, {
      body: { scope: 'full', reason: 'x' },
      headers: { 'x-tracking-pin': receipt.pin },
    })

    expect(res.status).toBe(409)
    expect(res.body.type).toEqual(problemType('action_not_for_kind'))
  })

  it('adds supplementary information that staff can read and the timeline shows', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body

    const res = await h.request('POST', `/api/v1/petitions/${receipt.trackingCode}/supplements`, {
      body: { text: 'Bổ sung: bản sao biên bản làm việc ngày 20/11.' },
      headers: { 'x-tracking-pin': receipt.pin },
    })
    const staff = await h.request('GET', `/api/v1/cases/${receipt.trackingCode}`, { as: 'bxd.canbo' })

    expect(res.status).toBe(201)
    expect(res.body.timeline.at(-1).type).toBe('supplement_added')
    expect(staff.body.supplements[0].text).toBe('Bổ sung: bản sao biên bản làm việc ngày 20/11.')
  })

  it('refuses a supplement with the wrong PIN and writes nothing', async () => {
    const receipt = (await h.request('POST', '/api/v1/petitions', { body: petition() })).body

    const res = await h.request('POST', `/api/v1/petitions/${receipt.trackingCode}/supplements`, {
      body: { text: 'x' },
      headers: { 'x-tracking-pin': '99999999' },
    })
    const staff = await h.request('GET', `/api/v1/cases/${receipt.trackingCode}`, { as: 'bxd.canbo' })

    expect(res.status).toBe(404)
    expect(staff.body.version).toBe(1)
    expect(staff.body.supplements).toEqual([])
  })
})
