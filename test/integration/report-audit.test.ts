/**
 * The response-time audit over HTTP: chasing a case (đôn đốc), the cases behind a figure, the
 * charts, and audit samples with findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderMessage } from '../../shared/notifications/templates.js'
import { type Harness, messagesAboutEvents, petition, problemType, startHarness } from './harness.js'

let h: Harness
const PERIOD = 'committeeId=bxd&from=2026-11-01&to=2026-11-30'

async function file(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.request('POST', '/api/v1/petitions', { body: petition(overrides) })
  expect(res.status).toBe(201)
  return res.body.trackingCode
}

async function act(code: string, as: string, body: Record<string, unknown>) {
  const view = await h.request('GET', `/api/v1/cases/${code}`, { as })
  return h.request('POST', `/api/v1/cases/${code}/actions`, {
    as,
    body,
    headers: { 'if-match': String(view.body.version ?? 1) },
  })
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-02T03:00:00Z' })
})
afterAll(async () => h.close())

describe('chasing a case (đôn đốc)', () => {
  it('is recorded by a supervisor in the history, counted in the report and told to the committee head', async () => {
    h.clock.now = new Date('2026-11-02T03:00:00Z')
    const code = await file()
    const asSupervisor = await h.request('GET', `/api/v1/cases/${code}`, { as: 'giamsat' })
    expect(asSupervisor.body.allowedActions).toContain('chase')

    h.clock.now = new Date('2026-11-05T03:00:00Z')
    const res = await act(code, 'giamsat', {
      action: 'chase',
      note: 'Đề nghị khẩn trương xem xét, báo cáo trước 10/11.',
    })
    await h.server.sweep.sweep()

    expect(res.status).toBe(200)
    expect(res.body.status).toBe('received')
    expect(res.body.history.at(-1)).toMatchObject({
      type: 'chased',
      actor: { kind: 'staff', id: 'giamsat', role: 'supervisor' },
    })
    const report = await h.request('GET', `/api/v1/reports?${PERIOD}`, { as: 'giamsat' })
    expect(report.body.total.jurisdiction.chased).toEqual({ cases: 1, chases: 1 })
    const behind = await h.request(
      'GET',
      `/api/v1/reports/cases?${PERIOD}&indicator=jurisdiction.chased.chases`,
      { as: 'giamsat' },
    )
    expect(behind.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([code])
    const sent = (await messagesAboutEvents(h.server, code, 'chased')).filter((m) => m.state === 'sent')
    const told = sent.filter((m) => m.template === 'staff.chased')
    expect(told.map((m) => m.recipient.userId)).toEqual(['bxd.truong'])
    for (const m of told)
      expect(renderMessage(m.template, m.language, m.params).body).not.toContain('Nguyễn Văn An')
    // The petitioner is not told of an internal chase.
    expect(sent.some((m) => m.recipient.kind === 'petitioner' && m.params.event === 'chased')).toBe(false)
  })

  it('is refused to the committee handler and its own head, and needs a note', async () => {
    const code = await file()
    const handler = await act(code, 'bxd.canbo', { action: 'chase', note: 'Tự đôn đốc' })
    const head = await act(code, 'bxd.truong', { action: 'chase', note: 'Tự đôn đốc' })
    const noNote = await act(code, 'giamsat', { action: 'chase' })
    const parentHead = await act(code, 'dukhoi.truong', { action: 'chase', note: 'Đôn đốc từ cấp trên' })

    expect(handler.status).toBe(409)
    expect(handler.body.type).toEqual(problemType('not_allowed_for_role'))
    expect(head.status).toBe(409)
    expect(noNote.status).toBe(422)
    expect(parentHead.status).toBe(200)
    expect(parentHead.body.history.at(-1).actor).toMatchObject({
      id: 'dukhoi.truong',
      role: 'committee_head',
    })
  })
})

describe('the cases behind a figure', () => {
  it('add up to the figure for every count of the report', async () => {
    const report = (await h.request('GET', `/api/v1/reports?${PERIOD}`, { as: 'giamsat' })).body
    for (const [indicator, figure] of [
      ['caseload.received.total', report.total.caseload.received.total],
      ['standing.notYetResolved', report.total.standing.notYetResolved],
      ['byKind.recommendation_feedback.received', report.total.byKind.recommendation_feedback.received],
    ] as const) {
      const res = await h.request('GET', `/api/v1/reports/cases?${PERIOD}&indicator=${indicator}`, {
        as: 'giamsat',
      })
      expect(res.status).toBe(200)
      expect(res.body.figure).toBe(figure)
      expect(res.body.items).toHaveLength(figure)
      expect(figure).toBeGreaterThan(0)
    }
  })

  it('refuses an unknown figure and readers outside the committee', async () => {
    const unknown = await h.request('GET', `/api/v1/reports/cases?${PERIOD}&indicator=nothing.here`, {
      as: 'giamsat',
    })
    const handler = await h.request('GET', `/api/v1/reports/cases?${PERIOD}&indicator=caseload.total`, {
      as: 'bxd.canbo',
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors?.[0]?.field ?? unknown.body.type).toMatch(/indicator|unknown_indicator/)
    expect(handler.status).toBe(403)
  })
})

describe('charts', () => {
  it('serve the on-time trend and the backlog as accessible SVG', async () => {
    const trend = await h.request(
      'GET',
      '/api/v1/reports/charts/on-time.svg?committeeId=bxd&unit=month&count=3',
      {
        as: 'giamsat',
      },
    )
    const backlog = await h.request('GET', `/api/v1/reports/charts/backlog.svg?${PERIOD}&lang=en`, {
      as: 'giamsat',
    })
    expect(trend.status).toBe(200)
    expect(trend.headers.get('content-type')).toContain('image/svg+xml')
    expect(trend.body).toContain('role="img"')
    expect(trend.body).toContain('<title id="chart-on-time-title">Tỷ lệ đơn giải quyết đúng hạn</title>')
    expect(trend.body).toContain('09/2026')
    expect(backlog.body).toContain('Overdue open petitions by days overdue')
    const refused = await h.request('GET', `/api/v1/reports/charts/backlog.svg?${PERIOD}`, {
      as: 'bxd.canbo',
    })
    expect(refused.status).toBe(403)
  })
})

describe('audit samples', () => {
  it('draw a reproducible sample of finished cases, take a finding on each and show the progress', async () => {
    h.clock.now = new Date('2026-11-06T03:00:00Z')
    const finished: string[] = []
    for (let i = 0; i < 5; i++) {
      const code = await file()
      expect(
        (await act(code, 'bxd.canbo', { action: 'guide', guidance: 'Gửi đến UBND phường.' })).status,
      ).toBe(200)
      finished.push(code)
    }
    h.clock.now = new Date('2026-11-20T03:00:00Z')
    const body = { committeeId: 'bxd', from: '2026-11-01', to: '2026-11-30', size: 3, seed: 12345 }

    const first = await h.request('POST', '/api/v1/audit-samples', { as: 'giamsat', body })
    const second = await h.request('POST', '/api/v1/audit-samples', { as: 'giamsat', body })
    const other = await h.request('POST', '/api/v1/audit-samples', {
      as: 'giamsat',
      body: { ...body, seed: 999 },
    })
    const byHandler = await h.request('POST', '/api/v1/audit-samples', { as: 'bxd.canbo', body })

    expect(first.status).toBe(201)
    expect(first.body.populationSize).toBe(5)
    expect(first.body.seed).toBe(12345)
    const codes = first.body.cases.map((c: { trackingCode: string }) => c.trackingCode)
    expect(codes).toHaveLength(3)
    expect(new Set(codes).size).toBe(3)
    for (const c of codes) expect(finished).toContain(c)
    expect(second.body.cases.map((c: { trackingCode: string }) => c.trackingCode)).toEqual(codes)
    expect(second.body.id).not.toBe(first.body.id)
    expect(other.body.cases).toHaveLength(3)
    expect(byHandler.status).toBe(403)

    const id = first.body.id
    const finding = await h.request('PUT', `/api/v1/audit-samples/${id}/findings/${codes[0]}`, {
      as: 'giamsat',
      body: { finding: 'minor_issues', note: 'Hướng dẫn chưa nêu rõ căn cứ.' },
    })
    const notInSample = await h.request(
      'PUT',
      `/api/v1/audit-samples/${id}/findings/${finished.find((c) => !codes.includes(c))}`,
      {
        as: 'giamsat',
        body: { finding: 'compliant', note: 'Đúng' },
      },
    )
    const badFinding = await h.request('PUT', `/api/v1/audit-samples/${id}/findings/${codes[1]}`, {
      as: 'giamsat',
      body: { finding: 'excellent', note: 'Tốt' },
    })
    const headFinding = await h.request('PUT', `/api/v1/audit-samples/${id}/findings/${codes[1]}`, {
      as: 'dukhoi.truong',
      body: { finding: 'compliant', note: 'Đúng' },
    })
    const read = await h.request('GET', `/api/v1/audit-samples/${id}`, { as: 'dukhoi.truong' })
    const list = await h.request('GET', '/api/v1/audit-samples?committeeId=bxd', { as: 'giamsat' })
    const otherHead = await h.request('GET', `/api/v1/audit-samples/${id}`, { as: 'btc.truong' })

    expect(finding.status).toBe(200)
    expect(finding.body.progress).toMatchObject({
      size: 3,
      reviewed: 1,
      remaining: 2,
      byFinding: { minor_issues: 1 },
    })
    expect(finding.body.cases[0].finding).toMatchObject({ finding: 'minor_issues', by: 'giamsat' })
    expect(notInSample.status).toBe(404)
    expect(badFinding.status).toBe(422)
    expect(headFinding.status).toBe(403)
    expect(read.status).toBe(200)
    expect(read.body.progress.reviewed).toBe(1)
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id)
    expect(list.body.items.find((s: { id: string }) => s.id === id).progress.reviewed).toBe(1)
    expect(otherHead.status).toBe(404)
  })
})
