import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/identity.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { verifyChain } from '../../shared/store/history.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  // Thursday 26 November 2026, 10:00 in Vietnam.
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
})
afterAll(async () => h.close())

async function file(overrides: Record<string, unknown> = {}) {
  const res = await h.request('POST', '/api/v1/petitions', { body: petition(overrides) })
  expect(res.status).toBe(201)
  return res.body as { trackingCode: string; pin: string; committee: { id: string } }
}

async function act(code: string, as: string, body: Record<string, unknown>, version?: number) {
  const current = version ?? (await h.request('GET', `/api/v1/cases/${code}`, { as })).body.version
  return h.request('POST', `/api/v1/cases/${code}/actions`, {
    as,
    body,
    headers: { 'if-match': String(current) },
  })
}

const deadline = (body: { deadlines: { clock: string }[] }, clock: string) =>
  body.deadlines.find((d) => d.clock === clock) as any

describe('authentication', () => {
  it('refuses every staff call without a valid token', async () => {
    const { trackingCode } = await file()
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('admin')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign((await generateKeyPair('ES256')).privateKey)

    const calls = [
      await h.request('GET', `/api/v1/cases/${trackingCode}`),
      await h.request('GET', '/api/v1/committees', { headers: { authorization: 'Bearer not-a-jwt' } }),
      await h.request('GET', '/api/v1/committees/btc/queue', {
        headers: { authorization: `Bearer ${forged}` },
      }),
      await h.request('POST', '/api/v1/cases', { body: {} }),
    ]

    for (const res of calls) {
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    }
  })

  it('refuses an expired token', async () => {
    const token = await h.server.identity.issue('btc.canbo', -60)
    const res = await h.request('GET', '/api/v1/committees', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(401)
  })
})

describe('committees and queues', () => {
  it('returns the committee tree under the root', async () => {
    const res = await h.request('GET', '/api/v1/committees', { as: 'giamsat' })
    expect(res.status).toBe(200)
    expect(res.body.tree).toHaveLength(1)
    expect(res.body.tree[0].id).toBe('dukhoi')
    expect(res.body.tree[0].children.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['vanphong', 'ubkt', 'btc', 'nhnn']),
    )
  })

  it("lists a committee's open cases nearest deadline first, page by page", async () => {
    const old = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: {
        ...petition({ concerns: { organization: 'Bộ Ngoại giao' } }),
        channel: 'post',
        receivedAt: '2026-11-02',
      },
    })
    const fresh = await file({ concerns: { organization: 'Bộ Ngoại giao' } })

    const first = await h.request('GET', '/api/v1/committees/bng/queue?limit=1', { as: 'bng.canbo' })
    const second = await h.request(
      'GET',
      `/api/v1/committees/bng/queue?limit=1&cursor=${first.body.cursor}`,
      { as: 'bng.canbo' },
    )

    expect(first.status).toBe(200)
    expect(first.body.items[0].trackingCode).toBe(old.body.trackingCode)
    expect(first.body.items[0].urgency).toBe('overdue')
    expect(second.body.items[0].trackingCode).toBe(fresh.trackingCode)
    expect(second.body.items[0].urgency).toBe('on_track')
  })

  it("refuses another committee's queue, an unknown committee and a forged cursor", async () => {
    expect((await h.request('GET', '/api/v1/committees/btc/queue', { as: 'byt.canbo' })).status).toBe(403)
    expect((await h.request('GET', '/api/v1/committees/nope/queue', { as: 'giamsat' })).status).toBe(404)
    const forged = Buffer.from(JSON.stringify({ pk: 'USERS', sk: 'USER#admin', secret: 'x' })).toString(
      'base64url',
    )
    const res = await h.request('GET', `/api/v1/committees/btc/queue?cursor=${forged}`, { as: 'btc.canbo' })
    expect(res.status).toBe(400)
    expect(res.body.type).toEqual(problemType('invalid_cursor'))
  })
})

describe('reception desk intake', () => {
  it('records a backdated paper petition; the clocks run from the real receipt date', async () => {
    // Received Monday 16/11/2026. Complaint acceptance from 1/7/2026: 7 working days →
    // 17, 18, 19, 20, 23, 24, 25 → Wednesday 25/11/2026, already past on 26/11.
    const res = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: {
        ...petition({ kind: 'complaint', concerns: { organization: 'Bộ Tư pháp' } }),
        channel: 'post',
        receivedAt: '2026-11-16',
      },
    })

    expect(res.status).toBe(201)
    expect(res.body.receivedAt).toBe('2026-11-15T17:00:00.000Z')
    expect(deadline(res.body, 'acceptance')).toMatchObject({
      dueDate: '2026-11-25',
      state: 'missed',
      dayType: 'working',
    })
  })

  it('records an in-person petition with the reception-response clock (Law 42/2013 Art. 28)', async () => {
    const res = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: { ...petition(), channel: 'in_person', receivedAt: '2026-11-26' },
    })
    // 10 working days from 26/11: 27, 30, 1, 2, 3, 4, 7, 8, 9, 10 → 10/12/2026.
    expect(deadline(res.body, 'reception_response')).toMatchObject({ dueDate: '2026-12-10' })
  })

  it('refuses a receipt date in the future, an online channel and a non-officer, writing nothing', async () => {
    const before = (await h.server.services.cases.listReceived('bxd', '2026-11-27', '2026-11-27')).items
      .length
    const future = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: { ...petition(), channel: 'post', receivedAt: '2026-11-27' },
    })
    const online = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: { ...petition(), channel: 'online', receivedAt: '2026-11-26' },
    })
    const handler = await h.request('POST', '/api/v1/cases', {
      as: 'bxd.canbo',
      body: { ...petition(), channel: 'post', receivedAt: '2026-11-26' },
    })

    expect(future.status).toBe(422)
    expect(future.body.errors[0].field).toBe('receivedAt')
    expect(online.status).toBe(422)
    expect(online.body.errors[0].field).toBe('channel')
    expect(handler.status).toBe(403)
    expect((await h.server.services.cases.listReceived('bxd', '2026-11-27', '2026-11-27')).items.length).toBe(
      before,
    )
  })
})

describe('the case view', () => {
  it('shows the case with version, deadlines, history and the caller’s allowed actions', async () => {
    const { trackingCode } = await file({ kind: 'complaint' })

    const res = await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'bxd.canbo' })

    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"1"')
    expect(res.body).toMatchObject({
      trackingCode,
      version: 1,
      kind: 'complaint',
      status: 'received',
      committee: { id: 'bxd' },
    })
    expect(res.body.allowedActions).toEqual([
      'accept',
      'refuse',
      'transfer',
      'guide',
      'file',
      'mark_duplicate',
      'reroute',
      'withdraw',
      'link_repeat',
    ])
    expect(res.body.petitioner.fullName).toBe('Nguyễn Văn An')
    expect(res.body.history[0].type).toBe('submitted')
  })

  it('redacts a denouncer’s identity in the staff view', async () => {
    const { trackingCode } = await file({ kind: 'denunciation' })
    const res = await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'bxd.truong' })
    expect(res.body.petitioner).toBe('redacted')
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn Văn An')
  })

  it('keeps a case from the staff of other committees, and opens it to the supervisor', async () => {
    const { trackingCode } = await file()
    // Outside one's scope a case answers like a code that does not exist.
    expect((await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'byt.canbo' })).status).toBe(404)
    expect((await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'giamsat' })).status).toBe(200)
    expect((await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'dukhoi.truong' })).status).toBe(
      200,
    )
  })

  it('answers 404 for an unknown code', async () => {
    expect((await h.request('GET', '/api/v1/cases/0000-0000-0000', { as: 'giamsat' })).status).toBe(404)
  })
})

describe('actions', () => {
  it('takes a denunciation through accept, verification, extension, suspension, resumption, resolution and closing', async () => {
    const { trackingCode } = await file({ kind: 'denunciation' })

    const accepted = await act(trackingCode, 'bxd.canbo', { action: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.body.status).toBe('accepted')
    // 30 days from acceptance on Thursday 26/11/2026 → Saturday 26/12 → Monday 28/12/2026.
    expect(deadline(accepted.body, 'resolution')).toMatchObject({ dueDate: '2026-12-28', state: 'running' })
    expect(deadline(accepted.body, 'acceptance')).toMatchObject({ state: 'met' })

    expect((await act(trackingCode, 'bxd.canbo', { action: 'start_verification' })).body.status).toBe(
      'verifying',
    )
    const extended = await act(trackingCode, 'bxd.truong', {
      action: 'extend',
      complexity: 'complex',
      days: 30,
      reason: 'Nhiều nơi phải xác minh',
    })
    expect(extended.status).toBe(200)
    // 30 + 30 days from 26/11/2026 → Monday 25/01/2027.
    expect(deadline(extended.body, 'resolution').dueDate).toBe('2027-01-25')

    const again = await act(trackingCode, 'bxd.truong', {
      action: 'extend',
      complexity: 'complex',
      days: 10,
      reason: 'Lần nữa',
    })
    expect(again.status).toBe(409)
    expect(again.body.type).toEqual(problemType('extension_limit_reached'))

    const suspended = await act(trackingCode, 'bxd.canbo', { action: 'suspend', reason: 'Chờ giám định' })
    expect(suspended.body.status).toBe('suspended')
    expect(deadline(suspended.body, 'resolution').state).toBe('paused')

    h.clock.now = new Date('2026-12-03T03:00:00Z') // a week later
    const resumed = await act(trackingCode, 'bxd.canbo', { action: 'resume' })
    expect(resumed.body.status).toBe('verifying')
    // Suspended 26/11, resumed 3/12: 7 days not counted → 25/01/2027 + 7 = Monday 01/02/2027.
    expect(deadline(resumed.body, 'resolution')).toMatchObject({ dueDate: '2027-02-01', state: 'running' })

    const resolved = await act(trackingCode, 'bxd.canbo', {
      action: 'resolve',
      answer: 'Kết luận: tố cáo đúng một phần.',
      outcome: 'partly_founded',
    })
    expect(resolved.body.status).toBe('resolved')
    expect(deadline(resolved.body, 'resolution')).toMatchObject({ state: 'met', doneOn: '2026-12-03' })

    const closed = await act(trackingCode, 'bxd.canbo', { action: 'close' })
    expect(closed.body.status).toBe('closed')
    expect(closed.body.allowedActions).toEqual([])

    const stored = await h.server.services.cases.getCase(normalizeTrackingCode(trackingCode)!)
    expect(stored!.history.map((e) => e.type)).toEqual([
      'submitted',
      'accepted',
      'verification_started',
      'extended',
      'suspended',
      'resumed',
      'resolved',
      'closed',
    ])
    expect(verifyChain(stored!.history)).toBe(-1)

    const queue = await h.request('GET', '/api/v1/committees/bxd/queue?limit=100', { as: 'bxd.canbo' })
    expect(queue.body.items.map((i: { trackingCode: string }) => i.trackingCode)).not.toContain(trackingCode)
    h.clock.now = new Date('2026-11-26T03:00:00Z')
  })

  it.each([
    ['refuse', { action: 'refuse', reason: 'finally_decided_nothing_new' }, 'not_accepted'],
    ['guide', { action: 'guide', guidance: 'Gửi đơn đến Tòa án nhân dân quận.' }, 'guided'],
    ['file', { action: 'file', note: 'Không rõ nội dung' }, 'filed'],
    ['transfer out', { action: 'transfer', toBody: 'UBND thành phố Hà Nội' }, 'transferred'],
  ])('records a first decision: %s', async (_name, body, status) => {
    const { trackingCode, pin } = await file()
    const res = await act(trackingCode, 'bxd.canbo', body)
    expect(res.status).toBe(200)
    expect(res.body.status).toBe(status)
    const citizen = await h.request('GET', `/api/v1/petitions/${trackingCode}`, {
      headers: { 'x-tracking-pin': pin },
    })
    expect(citizen.body.status).toBe(status)
    expect(citizen.body.timeline.at(-1).note).toBeTruthy()
  })

  it('transfers a case to another committee once; the new committee gets a fresh first-decision clock', async () => {
    const { trackingCode } = await file()
    const moved = await act(trackingCode, 'bxd.canbo', { action: 'transfer', toCommitteeId: 'bct' })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ status: 'received', committee: { id: 'bct' } })
    expect((await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'bxd.canbo' })).status).toBe(404)

    const twice = await act(trackingCode, 'bct.canbo', { action: 'transfer', toCommitteeId: 'btc' })
    expect(twice.status).toBe(409)
    expect(twice.body.type).toEqual(problemType('already_transferred'))
  })

  it('re-routes a case from the intake office without restarting its clocks', async () => {
    const { trackingCode, committee } = await file({ concerns: { organization: 'Không rõ cơ quan' } })
    expect(committee.id).toBe('vanphong')
    const before = (await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'tiepdan' })).body
    const res = await act(trackingCode, 'tiepdan', {
      action: 'reroute',
      toCommitteeId: 'bnv',
      note: 'Thuộc lĩnh vực nội vụ',
    })
    expect(res.body.committee.id).toBe('bnv')
    expect(deadline(res.body, 'acceptance').dueDate).toBe(deadline(before, 'acceptance').dueDate)
  })

  it('marks a duplicate of an existing case and refuses an unknown one', async () => {
    const original = await file()
    const copy = await file()
    const unknown = await act(copy.trackingCode, 'bxd.canbo', {
      action: 'mark_duplicate',
      of: '0000-0000-0000',
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors[0].field).toBe('of')

    const res = await act(copy.trackingCode, 'bxd.canbo', {
      action: 'mark_duplicate',
      of: original.trackingCode.toLowerCase(),
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'duplicate', duplicateOf: original.trackingCode })
  })

  it('records a withdrawal handed in on paper by the officer who registered the petition', async () => {
    const registered = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: { ...petition({ kind: 'complaint' }), channel: 'post', receivedAt: '2026-11-25' },
    })
    const trackingCode = registered.body.trackingCode
    const res = await act(trackingCode, 'tiepdan', {
      action: 'withdraw',
      scope: 'full',
      reason: 'Đơn rút bằng văn bản',
    })
    expect(res.body.status).toBe('withdrawn')
  })

  it('refuses an illegal action with 409 and writes nothing', async () => {
    const { trackingCode } = await file()
    const notYet = await act(trackingCode, 'bxd.canbo', { action: 'close' })
    const wrongKind = await act(trackingCode, 'bxd.canbo', { action: 'withdraw', scope: 'full', reason: 'x' })
    const notMine = await act(trackingCode, 'bxd.canbo', {
      action: 'extend',
      complexity: 'complex',
      days: 5,
      reason: 'x',
    })
    const supervisor = await act(trackingCode, 'giamsat', { action: 'accept' })

    expect(notYet.status).toBe(409)
    expect(notYet.body.type).toEqual(problemType('action_not_in_state'))
    expect(wrongKind.status).toBe(409)
    expect(notMine.status).toBe(409)
    expect(supervisor.status).toBe(409)
    expect(supervisor.body.type).toEqual(problemType('not_allowed_for_role'))
    expect((await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'bxd.canbo' })).body.version).toBe(
      1,
    )
  })

  it('refuses malformed actions with 422 naming the field', async () => {
    const { trackingCode } = await file()
    const unknownAction = await act(trackingCode, 'bxd.canbo', { action: 'approve' })
    const badReason = await act(trackingCode, 'bxd.canbo', { action: 'refuse', reason: 'because' })
    const bothTargets = await act(trackingCode, 'bxd.canbo', {
      action: 'transfer',
      toCommitteeId: 'bct',
      toBody: 'X',
    })
    const unknownCommittee = await act(trackingCode, 'bxd.canbo', {
      action: 'transfer',
      toCommitteeId: 'nowhere',
    })

    expect(unknownAction.status).toBe(422)
    expect(unknownAction.body.errors[0].field).toBe('action')
    expect(badReason.body.errors[0].field).toBe('reason')
    expect(bothTargets.status).toBe(422)
    expect(unknownCommittee.status).toBe(422)
    expect(unknownCommittee.body.errors[0].field).toBe('toCommitteeId')
  })

  it('needs If-Match, and refuses a stale version with 412', async () => {
    const { trackingCode } = await file()
    const missing = await h.request('POST', `/api/v1/cases/${trackingCode}/actions`, {
      as: 'bxd.canbo',
      body: { action: 'accept' },
    })
    expect(missing.status).toBe(428)

    expect((await act(trackingCode, 'bxd.canbo', { action: 'accept' }, 1)).status).toBe(200)
    const stale = await act(trackingCode, 'bxd.canbo', { action: 'start_verification' }, 1)
    expect(stale.status).toBe(412)
    expect(stale.body.type).toEqual(problemType('version_conflict'))
  })

  it('lets exactly one of two simultaneous writers win', async () => {
    const { trackingCode } = await file()
    const results = await Promise.all([
      act(trackingCode, 'bxd.canbo', { action: 'accept' }, 1),
      act(trackingCode, 'bxd.truong', { action: 'refuse', reason: 'already_guided' }, 1),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 412])
    const final = await h.request('GET', `/api/v1/cases/${trackingCode}`, { as: 'bxd.canbo' })
    expect(final.body.version).toBe(2)
    expect(final.body.history).toHaveLength(2)
  })
})

describe('members', () => {
  it('lists the petitions a member filed through the desk on their behalf', async () => {
    const res = await h.request('POST', '/api/v1/cases', {
      as: 'tiepdan',
      body: {
        ...petition(),
        channel: 'in_person',
        receivedAt: '2026-11-26',
        ownerId: 'dangvien',
        ownerPresent: true,
      },
    })
    const mine = await h.request('GET', '/api/v1/me/petitions', { as: 'dangvien' })
    expect(mine.status).toBe(200)
    expect(mine.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(
      res.body.trackingCode,
    )
    const own = await h.request('GET', `/api/v1/me/petitions/${res.body.trackingCode}`, { as: 'dangvien' })
    expect(own.status).toBe(200)
    expect(own.body.status).toBe('received')
    // A member reads their petition as its petitioner, never as the case file.
    expect(own.body.history).toBeUndefined()
    expect(
      (await h.request('GET', `/api/v1/cases/${res.body.trackingCode}`, { as: 'dangvien' })).status,
    ).toBe(404)
    expect(
      (await h.request('GET', `/api/v1/me/petitions/${res.body.trackingCode}`, { as: 'bxd.canbo' })).status,
    ).toBe(404)
  })
})

describe('the OpenAPI document', () => {
  it('describes both surfaces', async () => {
    const res = await h.request('GET', '/api/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/petitions',
        '/api/v1/petitions/{trackingCode}',
        '/api/v1/cases/{trackingCode}/actions',
        '/api/v1/committees/{id}/queue',
      ]),
    )
  })
})
