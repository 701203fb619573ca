/**
 * The leak test: petitions filed with unique identity markers go through every flow, and every
 * response, page, log line and stored item is searched for them. A marker may appear only where
 * the policy allows (docs/domain.md#scope; docs/architecture.md#guarantees):
 *
 *   - a complainant's identity in the staff view of the handling committee's handler and head, and
 *     of the reception officer who registered the petition;
 *   - a denouncer's identity nowhere but in the one response to an audited reveal (and the original
 *     name of a document named after them, in the one response to its audited opening);
 *   - never in a receipt, a citizen page or view, a queue, a history, a problem, a log line or a
 *     stored item in plaintext.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatTrackingCode, normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { pdf } from '../fixtures/documents.js'
import {
  getPage,
  type LoggingHarness,
  postForm,
  rawCaseItems,
  startLoggingHarness,
  TODAY,
} from './authz-helpers.js'
import { petition } from './harness.js'

let h: LoggingHarness
beforeAll(async () => {
  h = await startLoggingHarness()
})
afterAll(async () => h.close())

// ─── The petitions and their markers ─────────────────────────────────────────────────────────────

const PETITIONS = {
  D: 'denunciation filed through the API',
  C: 'complaint filed through the API',
  F: 'anonymous feedback filed through the API',
  DF: 'denunciation filed on the web form',
  CI: 'complaint recorded at the desk',
  DI: 'denunciation recorded at the desk',
} as const
type P = keyof typeof PETITIONS
const IDENTIFIED: readonly P[] = ['D', 'C', 'DF', 'CI', 'DI']

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('')

function identityFor(p: P) {
  const r = randomBytes(4).toString('hex')
  return {
    fullName: `LEAKMARK-${p}-NAME-${r} Nguyễn Thị`,
    idNumber: digits(12),
    address: `Số 7 ngõ LEAKMARK-${p}-ADDR-${r}, Hà Nội`,
    phone: `09${digits(8)}`,
    email: `leakmark-${p.toLowerCase()}-mail-${r}@example.vn`,
  }
}
type Identity = ReturnType<typeof identityFor>

const IDENTITIES = Object.fromEntries(IDENTIFIED.map((p) => [p, identityFor(p)])) as Record<P, Identity>

/** What is searched for: the distinctive part of each field, case-insensitively. */
const MARKERS = IDENTIFIED.flatMap((p) => {
  const id = IDENTITIES[p]
  return [
    ['fullName', id.fullName.split(' ')[0]!],
    ['idNumber', id.idNumber],
    ['address', /LEAKMARK-\S+?(?=,)/.exec(id.address)![0]],
    ['phone', id.phone],
    ['email', id.email.split('@')[0]!],
  ].map(([field, token]) => ({ petition: p, label: `${p}.${field}`, token: token!.toLowerCase() }))
})

// ─── Observations ───────────────────────────────────────────────────────────────────────────────

const observations: { place: string; text: string; shows: readonly P[] }[] = []

/** Records what a place carried, and checks that exactly the identities it may show are in it. */
function observe(place: string, carried: unknown, shows: readonly P[] = []) {
  const text = (typeof carried === 'string' ? carried : (JSON.stringify(carried) ?? '')).toLowerCase()
  observations.push({ place, text, shows })
  const found = MARKERS.filter((m) => text.includes(m.token)).map((m) => m.label)
  const allowed = MARKERS.filter((m) => shows.includes(m.petition)).map((m) => m.label)
  expect.soft(found, `identity markers in: ${place}`).toEqual(allowed)
}

const filed = {} as Record<P, { trackingCode: string; pin: string }>
const idempotencyKey = `leak-${randomBytes(6).toString('hex')}`

/** The lookup form's fields. */
const credentials = (p: P) => ({ code: filed[p].trackingCode, pin: filed[p].pin })

async function track(p: P) {
  return h.request('GET', `/api/v1/petitions/${filed[p].trackingCode}`, {
    headers: { 'x-tracking-pin': filed[p].pin },
  })
}

async function actAs(p: P, as: string, body: Record<string, unknown>) {
  const stored = await h.server.services.cases.getCase(normalizeTrackingCode(filed[p].trackingCode)!)
  return h.request('POST', `/api/v1/cases/${filed[p].trackingCode}/actions`, {
    as,
    body,
    headers: { 'if-match': String(stored!.version) },
  })
}

/** Staff look at cases: the view (with the identity where granted) and its history (never). */
async function viewAs(viewer: { id: string; as: string; sees: readonly P[] }, p: P) {
  const res = await h.request('GET', `/api/v1/cases/${filed[p].trackingCode}`, { as: viewer.id })
  if (res.status === 200) {
    observe(`staff view: ${viewer.as}`, res.body, viewer.sees.includes(p) ? [p] : [])
    observe('history in a staff view', res.body.history)
  } else observe(`problem: case outside the scope of the ${viewer.as}`, res.body)
  return res
}

/** Every string of a stored item decoded as base64 and hex too: "sealed" must not mean "encoded". */
function decodedStrings(value: unknown): string {
  const out: string[] = []
  const walk = (v: unknown) => {
    if (typeof v === 'string')
      for (const part of v.split(/[.$#:]/)) {
        if (part.length >= 8 && /^[A-Za-z0-9+/_=-]+$/.test(part))
          out.push(Buffer.from(part, 'base64').toString('latin1'))
        if (part.length >= 8 && /^([0-9a-f]{2})+$/i.test(part))
          out.push(Buffer.from(part, 'hex').toString('latin1'))
      }
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(value)
  return out.join('\n')
}

// ─── The flows ──────────────────────────────────────────────────────────────────────────────────

describe('petitions with identity markers going through every flow', () => {
  it('files a denunciation, a complaint and an anonymous feedback through the API; receipts carry no identity', async () => {
    const organization = { concerns: { organization: 'Bộ Tài chính' } }
    const d = await h.request('POST', '/api/v1/petitions', {
      body: petition({
        kind: 'denunciation',
        topic: 'corruption',
        petitioner: IDENTITIES.D,
        ...organization,
      }),
    })
    const c = await h.request('POST', '/api/v1/petitions', {
      body: petition({ kind: 'complaint', petitioner: IDENTITIES.C, ...organization }),
      headers: { 'idempotency-key': idempotencyKey },
    })
    const { petitioner: _none, ...anonymous } = petition({
      kind: 'feedback',
      anonymous: true,
      ...organization,
    })
    const f = await h.request('POST', '/api/v1/petitions', { body: anonymous })

    for (const [p, res] of [
      ['D', d],
      ['C', c],
      ['F', f],
    ] as const) {
      expect(res.status).toBe(201)
      expect(res.body.committee.id).toBe('btc')
      filed[p] = res.body
      observe('submission receipt (JSON)', res.body)
    }
  })

  it('replays the idempotent receipt and keeps its record without identity', async () => {
    const replay = await h.request('POST', '/api/v1/petitions', {
      body: petition({
        kind: 'complaint',
        petitioner: IDENTITIES.C,
        concerns: { organization: 'Bộ Tài chính' },
      }),
      headers: { 'idempotency-key': idempotencyKey },
    })
    const records = await h.server.services.db.query({
      TableName: h.server.services.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY' },
    })

    expect(replay.body.trackingCode).toBe(filed.C.trackingCode)
    expect(records.Items).toHaveLength(1)
    observe('submission receipt, replayed (JSON)', replay.body)
    observe('idempotency record', records.Items)
    observe('idempotency record, decoded', decodedStrings(records.Items))
  })

  it('refuses a malformed submission without echoing the identity in the problem', async () => {
    const res = await h.request('POST', '/api/v1/petitions', {
      body: petition({ kind: 'denunciation', petitioner: IDENTITIES.D, priority: 'urgent' }),
    })

    expect(res.status).toBe(422)
    observe('problem: invalid submission', res.body)
  })

  it('files a denunciation on the web form; the receipt page carries no identity', async () => {
    const form = await getPage(h, '/submit')
    const id = IDENTITIES.DF

    const res = await postForm(
      h,
      '/submit',
      {
        kind: 'denunciation',
        title: 'Tố cáo nhận tiền khi giải quyết hồ sơ',
        content: 'Cán bộ một cửa gợi ý chi tiền để hồ sơ được giải quyết nhanh.',
        topic: 'corruption',
        'concerns.organization': 'Cục Thuế',
        'petitioner.fullName': id.fullName,
        'petitioner.idNumber': id.idNumber,
        'petitioner.address': id.address,
        'petitioner.phone': id.phone,
        'petitioner.email': id.email,
      },
      form,
    )

    expect(res.status).toBe(201)
    filed.DF = {
      trackingCode: /id="tracking-code"[^>]*>\s*([^<\s]+)/.exec(res.html)![1]!,
      pin: /id="pin"[^>]*>\s*(\d+)/.exec(res.html)![1]!,
    }
    observe('receipt page (HTML)', res.html)
  })

  it('records a complaint for a member and a denunciation at the desk; the receipts carry no identity', async () => {
    const desk = (kind: string, petitioner: Identity, extra: Record<string, unknown> = {}) =>
      h.request('POST', '/api/v1/cases', {
        as: 'tiepdan',
        body: {
          ...petition({ kind, petitioner, concerns: { organization: 'Bộ Tài chính' } }),
          channel: 'post',
          receivedAt: TODAY,
          ...extra,
        },
      })

    const ci = await desk('complaint', IDENTITIES.CI, {
      ownerId: 'dangvien',
      ownerPresent: true,
      channel: 'in_person',
    })
    const di = await desk('denunciation', IDENTITIES.DI)

    for (const [p, res] of [
      ['CI', ci],
      ['DI', di],
    ] as const) {
      expect(res.status).toBe(201)
      expect(res.body.committee.id).toBe('btc')
      filed[p] = res.body
      observe('intake receipt (JSON)', res.body)
    }
  })

  it('lets every petitioner track their petition, by the API and on the web form, without identity', async () => {
    for (const p of Object.keys(PETITIONS) as P[]) {
      const json = await track(p)
      expect(json.status).toBe(200)
      observe('tracking view (JSON)', json.body)
    }
    for (const p of ['D', 'DF'] as const) {
      const page = await postForm(h, '/track', credentials(p), await getPage(h, '/track'))
      expect(page.status).toBe(200)
      observe('tracking page (HTML)', page.html)
    }
  })

  it("lists the committee's queue without identity, whoever reads it", async () => {
    for (const reader of ['btc.canbo', 'btc.truong', 'dukhoi.truong', 'giamsat']) {
      const res = await h.request('GET', '/api/v1/committees/btc/queue?limit=100', { as: reader })
      expect(res.status).toBe(200)
      expect(res.body.items).toHaveLength(6)
      observe('queue listing', res.body)
    }
  })

  it("shows a complainant's identity to the handling committee and the registering officer only, a denouncer's to nobody", async () => {
    const viewers = [
      { id: 'btc.canbo', as: 'handler of the handling committee', sees: ['C', 'CI'] },
      { id: 'btc.truong', as: 'head of the handling committee', sees: ['C', 'CI'] },
      { id: 'dukhoi.truong', as: 'head of the parent committee', sees: [] },
      { id: 'giamsat', as: 'supervisor', sees: [] },
      { id: 'tiepdan', as: 'registering reception officer', sees: ['CI'] },
      { id: 'byt.canbo', as: 'handler of another committee', sees: [] },
      { id: 'dangvien', as: 'member', sees: [] },
      { id: 'admin', as: 'admin', sees: [] },
    ] as const

    for (const viewer of viewers) for (const p of Object.keys(PETITIONS) as P[]) await viewAs(viewer, p)

    const head = await h.request('GET', `/api/v1/cases/${filed.D.trackingCode}`, { as: 'btc.truong' })
    expect(head.body.petitioner).toBe('redacted')
    const anonymous = await h.request('GET', `/api/v1/cases/${filed.F.trackingCode}`, { as: 'btc.truong' })
    expect(anonymous.body.petitioner).toBeUndefined()
  })

  it('answers staff actions with the same view the actor may see', async () => {
    const complaint = await actAs('CI', 'btc.canbo', { action: 'accept', note: 'Thụ lý' })
    const denunciation = await actAs('DF', 'btc.canbo', { action: 'accept', note: 'Thụ lý' })

    expect(complaint.status).toBe(200)
    expect(denunciation.status).toBe(200)
    observe('staff action response: handler of the handling committee', complaint.body, ['CI'])
    observe('staff action response: handler of the handling committee', denunciation.body)
  })

  it('transfers the denunciation and the complaint to another committee: the identity goes with the case', async () => {
    const d = await actAs('D', 'btc.canbo', { action: 'transfer', toCommitteeId: 'byt', note: 'Chuyển' })
    const c = await actAs('C', 'btc.canbo', { action: 'transfer', toCommitteeId: 'byt' })

    expect(d.body.committee.id).toBe('byt')
    expect(c.body.committee.id).toBe('byt')
    // The old committee's handler gets the result of what they did, no longer the identity.
    observe('staff action response: transfer by the old committee', d.body)
    observe('staff action response: transfer by the old committee', c.body)
    const after = [
      { id: 'byt.canbo', as: 'handler of the new committee', sees: ['C'] },
      { id: 'byt.truong', as: 'head of the new committee', sees: ['C'] },
      { id: 'btc.canbo', as: 'handler of the old committee', sees: [] },
    ] as const
    for (const viewer of after) for (const p of ['D', 'C'] as const) await viewAs(viewer, p)
  })

  it('re-routes the desk denunciation to another committee without identity in the answer or the new queue', async () => {
    const res = await actAs('DI', 'tiepdan', {
      action: 'reroute',
      toCommitteeId: 'btp',
      note: 'Thuộc Bộ Tư pháp',
    })
    const queue = await h.request('GET', '/api/v1/committees/btp/queue', { as: 'btp.canbo' })

    expect(res.status).toBe(200)
    expect(queue.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([
      filed.DI.trackingCode,
    ])
    observe('staff action response: re-route by the registering reception officer', res.body)
    observe('queue listing', queue.body)
    await viewAs({ id: 'btp.truong', as: 'head of the new committee', sees: [] }, 'DI')
  })

  it('refuses to reveal to a handler, to the old committee and for an anonymous petition, without identity', async () => {
    const reveal = (p: P, as: string) =>
      h.request('POST', `/api/v1/cases/${filed[p].trackingCode}/reveal`, { as, body: { reason: 'Thử' } })

    const handler = await reveal('D', 'byt.canbo')
    const oldCommittee = await reveal('D', 'btc.truong')
    const anonymous = await reveal('F', 'btc.truong')

    expect(handler.status).toBe(403)
    expect(oldCommittee.status).toBe(404)
    expect(anonymous.status).toBe(409)
    for (const res of [handler, oldCommittee, anonymous]) observe('problem: reveal refused', res.body)
  })

  it('reveals the denouncer once to the head of the resolving committee, and records it with the reason', async () => {
    const reason = 'Cần xác minh trực tiếp với người tố cáo theo Điều 9 Luật Tố cáo'

    const res = await h.request('POST', `/api/v1/cases/${filed.D.trackingCode}/reveal`, {
      as: 'byt.truong',
      body: { reason },
    })

    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body.petitioner).toEqual(IDENTITIES.D)
    observe('reveal response', res.body, ['D'])

    const again = await h.request('GET', `/api/v1/cases/${filed.D.trackingCode}`, { as: 'byt.truong' })
    expect(again.body.petitioner).toBe('redacted')
    observe('staff view: head of the new committee, after the reveal', again.body)

    const audit = await h.request('GET', `/api/v1/cases/${filed.D.trackingCode}`, { as: 'giamsat' })
    const revealed = audit.body.history.filter((e: { type: string }) => e.type === 'identity_revealed')
    expect(revealed).toHaveLength(1)
    expect(revealed[0]).toMatchObject({ actor: { id: 'byt.truong' }, public: false, data: { reason } })
    observe('history in a staff view', audit.body.history)

    const verification = await h.request(
      'GET',
      `/api/v1/cases/${filed.D.trackingCode}/history/verification`,
      {
        as: 'giamsat',
      },
    )
    expect(verification.body.intact).toBe(true)
    observe('history verification', verification.body)
  })

  it("lists a denouncer's document named after them under a neutral name; only the audited opening gives the name", async () => {
    const code = filed.D.trackingCode
    const bytes = pdf()
    const named = `${IDENTITIES.D.fullName} - đơn tố cáo.pdf`
    const slots = await h.request('POST', `/api/v1/petitions/${code}/attachments`, {
      body: { files: [{ name: named, type: 'application/pdf', size: bytes.length }] },
      headers: { 'x-tracking-pin': filed.D.pin },
    })
    expect(slots.status, JSON.stringify(slots.body)).toBe(201)
    observe('upload slots (JSON)', slots.body)
    const slot = slots.body.uploads[0] as { id: string; url: string; headers: Record<string, string> }
    expect((await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: bytes })).status).toBe(200)
    const done = await h.request('POST', `/api/v1/petitions/${code}/attachments/${slot.id}/completion`, {
      body: {},
      headers: { 'x-tracking-pin': filed.D.pin },
    })
    expect(done.status).toBe(200)
    observe('upload completion (JSON)', done.body)
    observe("petitioner's view of the petition", (await track('D')).body)

    for (const as of ['byt.truong', 'giamsat']) {
      const listed = await h.request('GET', `/api/v1/cases/${code}/attachments`, { as })
      expect(listed.status).toBe(200)
      observe(`attachment list: ${as}`, listed.body)
      const page = await fetch(`${h.server.url}/staff/cases/${code}`, {
        headers: { cookie: `__Host-staff-session=${await h.tokenFor(as)}` },
      })
      expect(page.status).toBe(200)
      observe(`staff case page: ${as}`, await page.text())
    }
    const opened = await h.request('GET', `/api/v1/cases/${code}/attachments/${slot.id}/link`, {
      as: 'byt.truong',
    })
    expect(opened.status).toBe(200)
    expect(opened.body.name).toContain(IDENTITIES.D.fullName.split(' ')[0])
    observe('signed download URL', decodeURIComponent(opened.body.url))
    // The one place the name may be: the audited opening's answer, and only the name in it.
    const others = MARKERS.filter((m) => m.petition !== 'D' || m.label !== 'D.fullName')
    expect(others.filter((m) => JSON.stringify(opened.body).toLowerCase().includes(m.token))).toEqual([])
    const history = await h.request('GET', `/api/v1/cases/${code}`, { as: 'giamsat' })
    expect(history.body.history.at(-1)).toMatchObject({
      type: 'identity_document_opened',
      actor: { id: 'byt.truong' },
    })
    observe('history in a staff view', history.body.history)
  })

  it('takes supplements and withdrawals, by the API and on the web form, without identity', async () => {
    const pin = (p: P) => ({ 'x-tracking-pin': filed[p].pin })
    const supplement = await h.request('POST', `/api/v1/petitions/${filed.D.trackingCode}/supplements`, {
      body: { text: 'Bổ sung: bản sao chứng từ.' },
      headers: pin('D'),
    })
    const partial = await h.request('POST', `/api/v1/petitions/${filed.D.trackingCode}/withdrawal`, {
      body: { scope: 'partial', reason: 'Rút nội dung thứ hai.' },
      headers: pin('D'),
    })
    const full = await h.request('POST', `/api/v1/petitions/${filed.C.trackingCode}/withdrawal`, {
      body: { scope: 'full', reason: 'Đã được giải thích.' },
      headers: pin('C'),
    })
    const page = await postForm(h, '/track', credentials('DF'), await getPage(h, '/track'))
    const formSupplement = await postForm(
      h,
      '/track/supplement',
      { 'supplement.text': 'Bổ sung ghi âm.' },
      page,
    )
    const formWithdrawal = await postForm(
      h,
      '/track/withdraw',
      { 'withdraw.reason': 'Tôi rút đơn.', 'withdraw.confirm': 'on' },
      formSupplement,
    )

    expect([supplement.status, partial.status, full.status]).toEqual([201, 200, 200])
    expect([formSupplement.status, formWithdrawal.status]).toEqual([200, 200])
    expect((await track('DF')).body.status).toBe('withdrawn')
    observe('supplement response (JSON)', supplement.body)
    observe('withdrawal response (JSON)', partial.body)
    observe('withdrawal response (JSON)', full.body)
    observe('supplement response (HTML)', formSupplement.html)
    observe('withdrawal response (HTML)', formWithdrawal.html)
    const staff = await h.request('GET', `/api/v1/cases/${filed.D.trackingCode}`, { as: 'byt.truong' })
    expect(staff.body.supplements).toHaveLength(1)
    observe('staff view: head of the new committee, after the reveal', staff.body)
  })

  it("makes a withdrawn denunciation's archive dossier for a head above its committee without the identity", async () => {
    const code = filed.DF.trackingCode
    const stored = await h.server.services.cases.getCase(normalizeTrackingCode(code)!)
    const committees = (await h.server.services.settings.getCommittees()).value
    const above = committees.find((x) => x.id === stored!.committeeId)?.parentId
    expect(above, 'the web-form denunciation is handled by a committee with one above it').toBeDefined()
    const res = await h.request('POST', `/api/v1/cases/${code}/dossier`, { as: `${above}.truong`, body: {} })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ scope: 'content', withheld: 1 })
    observe('archive dossier link (JSON)', res.body)
    const files = unzipSync(new Uint8Array(await (await fetch(res.body.url)).arrayBuffer()))
    expect(Object.keys(files)).toContain('01-don.txt')
    for (const [path, bytes] of Object.entries(files))
      observe(`archive dossier without identity: ${path}`, new TextDecoder().decode(bytes))
  })

  it("shows a member their own petition in the petitioner's view, without identity", async () => {
    const list = await h.request('GET', '/api/v1/me/petitions', { as: 'dangvien' })
    const one = await h.request('GET', `/api/v1/me/petitions/${filed.CI.trackingCode}`, { as: 'dangvien' })

    expect(list.body.items).toHaveLength(1)
    expect(one.status).toBe(200)
    observe("member's list of petitions", list.body)
    observe("member's petition", one.body)
  })

  it('publishes an OpenAPI document that carries no identity', async () => {
    const doc = await h.request('GET', '/api/v1/openapi.json')
    expect(doc.status).toBe(200)
    observe('OpenAPI document', doc.body)
  })

  it('publishes Open311 requests and the transparency figures without identity or tracking code', async () => {
    const services = await h.request('GET', '/open311/v2/services.json')
    const requests = await h.request('GET', '/open311/v2/requests.json?status=open,closed')
    const one = await h.request('GET', `/open311/v2/requests/${requests.body[0]?.service_request_id}.json`)
    const page = await getPage(h, '/minh-bach')
    const json = await h.request('GET', '/api/v1/open-data/committee-figures.json')
    const csv = await (await fetch(`${h.server.url}/api/v1/open-data/committee-figures.csv`)).text()

    // Only the anonymous feedback is a public request here; the complaints and denunciations never are.
    expect(requests.body).toHaveLength(1)
    expect([services.status, one.status, json.status]).toEqual([200, 200, 200])
    for (const [place, carried] of [
      ['Open311 services', services.body],
      ['Open311 requests', requests.body],
      ['Open311 request', one.body],
      ['transparency page (HTML)', page.html],
      ['open data (JSON)', json.body],
      ['open data (CSV)', csv],
    ] as const) {
      observe(place, carried)
      const text = typeof carried === 'string' ? carried : JSON.stringify(carried)
      for (const { trackingCode } of Object.values(filed)) {
        expect(text, place).not.toContain(trackingCode)
        expect(text, place).not.toContain(normalizeTrackingCode(trackingCode)!)
      }
    }
  })
})

describe('tracking codes outside the reader’s reach', () => {
  // A code opens the petitioner's view with the PIN and tells who received what: a list shows a
  // reader the codes of cases they may open, never others (the register counts them; a repeat
  // suggestion says "an earlier petition outside your reach").
  const READERS = [
    'tiepdan',
    'vanphong.canbo',
    'vanphong.truong',
    'btc.canbo',
    'btc.truong',
    'byt.canbo',
    'btp.canbo',
    'dukhoi.truong',
    'giamsat',
  ]
  const forms = (code: string) => {
    const n = normalizeTrackingCode(code)!
    return [...new Set([code, n, formatTrackingCode(n)].map((c) => c.toLowerCase()))]
  }

  it('never lists, suggests or registers a code the reader cannot open', async () => {
    const codes = Object.values(filed).map((f) => f.trackingCode)
    const session = await h.request('POST', '/api/v1/reception-sessions', {
      as: 'tiepdan',
      body: {
        committeeId: 'vanphong',
        date: TODAY,
        type: 'regular',
        hostUserId: 'tiepdan',
        visitors: 2,
        caseCodes: [filed.CI.trackingCode, filed.DI.trackingCode],
      },
    })
    expect(session.status, JSON.stringify(session.body)).toBe(201)

    let hiddenSuggestions = 0
    let countedInRegister = 0
    let checked = 0
    for (const reader of READERS) {
      const texts: string[] = []
      const unreachable: string[] = []
      for (const code of codes) {
        const res = await h.request('GET', `/api/v1/cases/${code}`, { as: reader })
        if (res.status === 200) {
          texts.push(JSON.stringify(res.body))
          hiddenSuggestions += res.body.repeats.filter((r: { reachable: boolean }) => !r.reachable).length
        } else unreachable.push(code)
      }
      for (const path of [
        `/api/v1/reception-sessions?committeeId=vanphong&from=${TODAY}&to=${TODAY}`,
        ...['btc', 'byt', 'btp', 'vanphong'].map((id) => `/api/v1/committees/${id}/queue?limit=100`),
      ]) {
        const res = await h.request('GET', path, { as: reader })
        if (res.status !== 200) continue
        texts.push(JSON.stringify(res.body))
        if (path.includes('reception'))
          countedInRegister += res.body.items.reduce((n: number, i: any) => n + i.casesOutsideReach, 0)
      }
      const text = texts.join('\n').toLowerCase()
      for (const code of unreachable) {
        checked++
        for (const form of forms(code)) expect.soft(text, `${reader} reads ${form}`).not.toContain(form)
      }
    }
    // Not vacuous: readers had codes outside their reach, suggestions and the register hid some.
    expect(checked).toBeGreaterThan(10)
    expect(hiddenSuggestions).toBeGreaterThan(0)
    expect(countedInRegister).toBeGreaterThan(0)
  })
})

describe('what is kept', () => {
  it('seals every identity in the stored case, content and supplement items', async () => {
    const { db, tableName } = h.server.services
    for (const p of Object.keys(PETITIONS) as P[]) {
      const pk = `CASE#${normalizeTrackingCode(filed[p].trackingCode)}`
      const content = (await db.get({ TableName: tableName, Key: { pk, sk: 'CONTENT' } })).Item
      const record = (await db.get({ TableName: tableName, Key: { pk, sk: 'CASE' } })).Item
      const all = await rawCaseItems(h, filed[p].trackingCode)

      if (p === 'F') expect(content?.petitionerSealed).toBeUndefined()
      else expect(content?.petitionerSealed).toMatch(/^v1\./)
      observe('stored content item', content)
      observe('stored case item', record)
      observe('stored items of the case (with supplements)', all)
      observe('stored items of the case, decoded', decodedStrings(all))
    }
  })

  it('keeps no identity in plaintext anywhere in the table', async () => {
    const items: Record<string, unknown>[] = []
    let start: Record<string, unknown> | undefined
    do {
      const page = await (await h.server.services.db.documentClient()).send(
        new ScanCommand({ TableName: h.server.services.tableName, ExclusiveStartKey: start }),
      )
      items.push(...(page.Items ?? []))
      start = page.LastEvaluatedKey
    } while (start)

    expect(items.length).toBeGreaterThan(50)
    observe('whole table scan', items)
    observe('whole table scan, decoded', decodedStrings(items))
  })

  it('writes no identity to the logs', () => {
    const lines = h.logs.join('')

    expect(lines).toContain('"message":"petition received"')
    expect(lines).toContain('"message":"identity revealed"')
    observe('Powertools log lines', lines)
  })
})

describe('in sum', () => {
  it("shows a denouncer's identity in exactly one response of all, and each marker only where allowed", () => {
    const carrying = (p: P) =>
      observations
        .filter((o) => MARKERS.some((m) => m.petition === p && o.text.includes(m.token)))
        .map((o) => o.place)

    expect(carrying('D')).toEqual(['reveal response'])
    expect(carrying('DF')).toEqual([])
    expect(carrying('DI')).toEqual([])

    const places = new Set(observations.map((o) => o.place))
    const allowedIn = IDENTIFIED.map((p) => `${p} → ${[...new Set(carrying(p))].join(', ') || 'nowhere'}`)
    console.log(
      `leak-test: ${MARKERS.length} markers (${IDENTIFIED.length} petitions × 5 identity fields) × ` +
        `${places.size} places (${observations.length} observations); allowed in: ${allowedIn.join('; ')}`,
    )
    expect(MARKERS).toHaveLength(25)
  })
})
