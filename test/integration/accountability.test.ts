/**
 * Accountability reports owed, over real HTTP: requiring a report (case, period, periodic), the
 * head's submission pre-filled with the figures, return and acceptance, stale versions, scope and
 * role refusals, the report figures, and the sweep's reminders (each exactly once).
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatTrackingCode, trackingCodeFromBytes } from '../../shared/domain/tracking-code.js'
import type { OutboxMessage } from '../../shared/store/outbox.js'
import { fileOnline } from './authz-helpers.js'
import { type Harness, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
})
afterAll(async () => h.close())

const at = (iso: string) => {
  h.clock.now = new Date(iso)
}
const BASE = '/api/v1/accountability-requests'

async function requireReport(as: string, body: Record<string, unknown>) {
  return h.request('POST', BASE, { as, body })
}

async function step(id: string, action: string, as: string, body: Record<string, unknown>, version?: number) {
  const current = version ?? (await h.request('GET', `${BASE}/${id}`, { as: 'giamsat' })).body.version
  return h.request('POST', `${BASE}/${id}/${action}`, { as, body, headers: { 'if-match': String(current) } })
}

async function committeeRequests(committeeId: string): Promise<number> {
  const res = await h.request('GET', `${BASE}?committeeId=${committeeId}&limit=100`, { as: 'giamsat' })
  expect(res.status).toBe(200)
  return res.body.items.length
}

/** Report reminders in the outbox (read from the table itself, for asserting only). */
async function reportMessages(): Promise<OutboxMessage[]> {
  const out = await (await h.server.services.db.documentClient()).send(
    new ScanCommand({
      TableName: h.server.services.tableName,
      FilterExpression: 'begins_with(pk, :msg) AND begins_with(template, :t)',
      ExpressionAttributeValues: { ':msg': 'MSG#', ':t': 'staff.report_' },
    }),
  )
  return (out.Items ?? []) as OutboxMessage[]
}

describe('a report on one overdue case (Law 25/2018 Art. 38)', () => {
  it('is required by a supervisor, due in 5 working days, submitted by the head, returned, then accepted', async () => {
    // Arrange: a complaint at btc filed on 26/11/2026, untouched until 20/01/2027 (long overdue).
    at('2026-11-26T03:00:00Z')
    const { trackingCode } = await fileOnline(h)
    at('2027-01-20T03:00:00Z')

    // Act
    const created = await requireReport('giamsat', {
      kind: 'case',
      trackingCode,
      note: 'Đề nghị giải trình.',
    })

    // Assert
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      kind: 'case',
      committeeId: 'btc',
      state: 'requested',
      trackingCode,
      requestedOn: '2027-01-20',
      dueOn: '2027-01-27',
      late: false,
      allowedActions: [],
    })
    expect(created.body.explanation).toContain('27/01/2027')
    const id = created.body.id

    // The owing head submits; the parent committee's head returns it for more; the head submits again.
    const submitted = await step(id, 'submit', 'btc.truong', { explanation: 'Đơn vị chậm do thiếu cán bộ.' })
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      submittedOnTime: true,
      firstSubmittedOn: '2027-01-20',
    })
    at('2027-01-21T03:00:00Z')
    const returned = await step(id, 'return', 'dukhoi.truong', { reason: 'Nêu rõ biện pháp khắc phục.' })
    expect(returned.body).toMatchObject({ state: 'returned', dueOn: '2027-01-28', firstDueOn: '2027-01-27' })
    expect(
      (await step(id, 'submit', 'btc.truong', { explanation: 'Bổ sung: đã phân công lại.' })).status,
    ).toBe(200)
    const accepted = await step(id, 'accept', 'giamsat', { note: 'Đồng ý.' })

    expect(accepted.status).toBe(200)
    expect(accepted.body.state).toBe('accepted')
    expect(accepted.body.history.map((e: { type: string }) => e.type)).toEqual([
      'requested',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ])
    expect(accepted.body.submissions).toHaveLength(2)
  })

  it('is refused, naming the field, for a case that is not overdue, and writes nothing', async () => {
    at('2027-02-01T03:00:00Z')
    const { trackingCode } = await fileOnline(h)
    const before = await committeeRequests('btc')

    const res = await requireReport('giamsat', { kind: 'case', trackingCode })

    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.errors[0]).toMatchObject({ field: 'trackingCode', rule: 'case_not_overdue' })
    expect(await committeeRequests('btc')).toBe(before)
  })

  it('answers 404 for a case outside the caller’s committees, and for one that does not exist', async () => {
    at('2026-11-26T03:00:00Z')
    const { trackingCode } = await fileOnline(h)
    at('2027-01-20T03:00:00Z')

    expect((await requireReport('byt.truong', { kind: 'case', trackingCode })).status).toBe(404)
    const nobody = formatTrackingCode(trackingCodeFromBytes(new Uint8Array(11)))
    expect((await requireReport('giamsat', { kind: 'case', trackingCode: nobody })).status).toBe(404)
  })
})

describe('period and periodic reports', () => {
  it('refuses bad input with 422 naming the field, and writes nothing', async () => {
    at('2027-01-20T03:00:00Z')
    const before = await committeeRequests('btc')

    const noYear = await requireReport('giamsat', { kind: 'periodic', committeeId: 'btc', period: 'quarter' })
    const badIndex = await requireReport('giamsat', {
      kind: 'periodic',
      committeeId: 'btc',
      period: 'quarter',
      year: 2026,
      index: 5,
    })
    const backwards = await requireReport('giamsat', {
      kind: 'period',
      committeeId: 'btc',
      from: '2026-12-01',
      to: '2026-11-01',
      subject: 'Chuyên đề',
    })
    const unknown = await requireReport('giamsat', {
      kind: 'periodic',
      committeeId: 'nowhere',
      period: 'year',
      year: 2026,
    })

    expect(noYear.status).toBe(422)
    expect(noYear.body.errors.map((e: { field: string }) => e.field)).toContain('year')
    expect(badIndex.body.errors[0].field).toBe('index')
    expect(backwards.body.errors[0]).toMatchObject({ field: 'to', rule: 'period_ends_before_start' })
    expect(unknown.body.errors[0]).toMatchObject({ field: 'committeeId', rule: 'unknown_committee' })
    expect(await committeeRequests('btc')).toBe(before)
  })

  it('lets only supervisors and the heads above require one, and hides it from other committees', async () => {
    at('2027-01-20T03:00:00Z')
    const body = { kind: 'periodic', committeeId: 'btc', period: 'quarter', year: 2026, index: 4 }

    expect((await requireReport('btc.canbo', body)).status).toBe(403)
    expect((await requireReport('btc.truong', body)).status).toBe(403)
    expect((await requireReport('byt.truong', body)).status).toBe(403)
    const created = await requireReport('dukhoi.truong', body)
    expect(created.status).toBe(201)

    expect((await h.request('GET', `${BASE}/${created.body.id}`, { as: 'byt.truong' })).status).toBe(404)
    expect((await h.request('GET', `${BASE}/${created.body.id}`, { as: 'btc.canbo' })).status).toBe(200)
    expect((await h.request('GET', `${BASE}?committeeId=btc`, { as: 'byt.truong' })).status).toBe(403)
    const bySupervisor = await step(created.body.id, 'submit', 'giamsat', { explanation: 'x' })
    expect(bySupervisor.status).toBe(409)
    expect(bySupervisor.body.type).toEqual(problemType('not_allowed_for_role'))
  })

  it('pre-fills the periodic report with the figures and keeps them with the submission', async () => {
    // Required in advance on 15/12/2026: due 5 working days after the quarter ends (1 Jan is a holiday).
    at('2026-12-15T03:00:00Z')
    const created = await requireReport('giamsat', {
      kind: 'periodic',
      committeeId: 'btc',
      period: 'quarter',
      year: 2026,
      index: 4,
    })
    expect(created.body.dueOn).toBe('2027-01-08')
    expect(created.body.late).toBe(false)
    at('2027-01-20T03:00:00Z')

    const read = await h.request('GET', `${BASE}/${created.body.id}`, { as: 'btc.truong' })

    expect(read.body.allowedActions).toEqual(['submit'])
    expect(read.body.late).toBe(true)
    expect(read.body.draft.figures.received).toBeGreaterThanOrEqual(2)
    expect(read.body.draft.text.vi).toContain('Kỳ báo cáo 01/10/2026 – 31/12/2026')
    expect(read.body.draft.text.en).toContain('received in the period')
    const submitted = await step(created.body.id, 'submit', 'btc.truong', {
      explanation: `${read.body.draft.text.vi}\nĐơn vị chậm do khối lượng cuối năm.`,
    })
    expect(submitted.body).toMatchObject({ state: 'submitted', submittedOnTime: false })
    expect(submitted.body.submissions[0].figures.received).toBe(read.body.draft.figures.received)
  })

  it('lets one of two concurrent submissions win; the other gets 412 and nothing is lost', async () => {
    at('2027-01-20T03:00:00Z')
    const { id, version } = (
      await requireReport('giamsat', {
        kind: 'period',
        committeeId: 'btc',
        from: '2026-12-01',
        to: '2026-12-31',
        subject: 'Giải quyết đơn tháng 12',
      })
    ).body

    const answers = await Promise.all([
      step(id, 'submit', 'btc.truong', { explanation: 'Bản thứ nhất.' }, version),
      step(id, 'submit', 'btc.truong', { explanation: 'Bản thứ hai.' }, version),
    ])

    expect(answers.map((a) => a.status).sort()).toEqual([200, 412])
    const stored = (await h.request('GET', `${BASE}/${id}`, { as: 'giamsat' })).body
    expect(stored.submissions).toHaveLength(1)
    expect(stored.version).toBe(version + 1)
    expect((await step(id, 'accept', 'giamsat', {}, version)).status).toBe(412)
  })

  it('asks for If-Match on a step', async () => {
    at('2027-01-20T03:00:00Z')
    const { id } = (
      await requireReport('giamsat', { kind: 'periodic', committeeId: 'byt', period: 'year', year: 2026 })
    ).body

    const res = await h.request('POST', `${BASE}/${id}/submit`, {
      as: 'byt.truong',
      body: { explanation: 'x' },
    })

    expect(res.status).toBe(428)
  })
})

describe('supervisors see who owes what', () => {
  it('lists the reports still owed, late first, and a committee’s history', async () => {
    at('2026-12-20T03:00:00Z')
    await requireReport('giamsat', {
      kind: 'periodic',
      committeeId: 'btp',
      period: 'month',
      year: 2026,
      index: 11,
    })
    at('2027-01-20T03:00:00Z')
    await requireReport('giamsat', {
      kind: 'periodic',
      committeeId: 'bxd',
      period: 'month',
      year: 2026,
      index: 12,
    })

    const owed = await h.request('GET', `${BASE}?limit=100`, { as: 'giamsat' })
    const late = await h.request('GET', `${BASE}?late=true&limit=100`, { as: 'giamsat' })
    const byHead = await h.request('GET', `${BASE}?limit=100`, { as: 'bxd.truong' })

    expect(owed.status).toBe(200)
    const dues = owed.body.items.map((i: { dueOn: string }) => i.dueOn)
    expect(dues).toEqual([...dues].sort())
    expect(owed.body.items.every((i: { state: string }) => ['requested', 'returned'].includes(i.state))).toBe(
      true,
    )
    expect(late.body.items.length).toBeGreaterThan(0)
    expect(late.body.items.every((i: { late: boolean }) => i.late)).toBe(true)
    expect(byHead.body.items.map((i: { committeeId: string }) => i.committeeId)).toEqual(['bxd'])
    expect((await h.request('GET', `${BASE}?state=accepted`, { as: 'giamsat' })).status).toBe(422)
  })

  it('counts the reports in the committee’s report figures', async () => {
    at('2027-01-25T03:00:00Z')
    const res = await h.request('GET', '/api/v1/reports?committeeId=btc&from=2026-12-01&to=2027-01-31', {
      as: 'giamsat',
    })

    expect(res.status).toBe(200)
    expect(res.body.accountability.requested).toBeGreaterThanOrEqual(4)
    expect(res.body.accountability.submittedOnTime).toBeGreaterThanOrEqual(1)
    expect(res.body.accountability.submittedLate).toBeGreaterThanOrEqual(1)
    expect(res.body.accountability.accepted).toBeGreaterThanOrEqual(1)
    expect(res.body.accountability.returned).toBeGreaterThanOrEqual(1)
    expect(res.body.reception).toMatchObject({ sessions: expect.any(Number) })
  })
})

describe('reminders for reports owed', () => {
  it('reminds the head once before the due date, and tells head and requester once when late', async () => {
    // Arrange: a report at bct required on Mon 01/03/2027, due Mon 08/03/2027.
    at('2027-03-01T03:00:00Z')
    const { id, dueOn } = (
      await requireReport('dukhoi.truong', {
        kind: 'period',
        committeeId: 'bct',
        from: '2027-02-01',
        to: '2027-02-28',
        subject: 'Tình hình giải quyết đơn tháng 2',
        dueInWorkingDays: 5,
      })
    ).body
    expect(dueOn).toBe('2027-03-08')
    const about = async () =>
      (await reportMessages()).filter(
        (m) => String(m.params.subject).includes('tháng 2') && m.params.committee,
      )

    // Act: nothing yet on 01/03; the reminder on Thu 04/03 (2 working days left), twice over.
    await h.server.sweep.sweep()
    const early = await about()
    at('2027-03-04T03:00:00Z')
    const [a, b] = await Promise.all([h.server.sweep.sweep(), h.server.sweep.sweep()])
    await h.server.sweep.sweep()
    const reminded = await about()
    at('2027-03-09T03:00:00Z')
    await h.server.sweep.sweep()
    await h.server.sweep.sweep()
    const late = await about()

    // Assert
    expect(early).toHaveLength(0)
    expect(reminded.map((m) => [m.template, m.recipient.userId])).toEqual([
      ['staff.report_due', 'bct.truong'],
    ])
    expect((a.reportReminders ?? 0) + (b.reportReminders ?? 0)).toBe(1)
    expect(
      late
        .filter((m) => m.template !== 'staff.report_due')
        .map((m) => [m.template, m.recipient.userId])
        .sort(),
    ).toEqual([
      ['staff.report_late', 'bct.truong'],
      ['staff.report_late_requester', 'dukhoi.truong'],
    ])
    expect((await h.request('GET', `${BASE}/${id}`, { as: 'giamsat' })).body.late).toBe(true)
  })
})
