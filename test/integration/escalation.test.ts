import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderMessage } from '../../shared/notifications/templates.js'
import { type Harness, messagesAboutEvents, petition, problemType, startHarness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
})
afterAll(async () => h.close())

async function acceptedDenunciation(overrides: Record<string, unknown> = {}) {
  h.clock.now = new Date('2026-11-26T03:00:00Z')
  const receipt = (
    await h.request('POST', '/api/v1/petitions', { body: petition({ kind: 'denunciation', ...overrides }) })
  ).body
  const view = (await h.request('GET', `/api/v1/cases/${receipt.trackingCode}`, { as: 'bxd.canbo' })).body
  await h.request('POST', `/api/v1/cases/${receipt.trackingCode}/actions`, {
    as: 'bxd.canbo',
    body: { action: 'accept' },
    headers: { 'if-match': String(view.version) },
  })
  return receipt as { trackingCode: string; pin: string }
}

const escalate = (r: { trackingCode: string; pin: string }) =>
  h.request('POST', `/api/v1/petitions/${r.trackingCode}/escalation`, {
    body: { reason: 'Đã quá hạn mà chưa có kết luận.' },
    headers: { 'x-tracking-pin': r.pin },
  })

describe('a denouncer asking the superior to act (Law 25/2018 Art. 38)', () => {
  it('is not offered before the resolution time limit has passed', async () => {
    const r = await acceptedDenunciation()
    const view = await h.request('GET', `/api/v1/petitions/${r.trackingCode}`, {
      headers: { 'x-tracking-pin': r.pin },
    })
    expect(view.body.canEscalate).toBe(false)
    const res = await escalate(r)
    expect(res.status).toBe(409)
    expect(res.body.type).toEqual(problemType('not_overdue'))
  })

  it('is offered once overdue, recorded on the timeline, told to the parent committee and the supervisors, and only once', async () => {
    const r = await acceptedDenunciation()
    // Accepted Thursday 26/11/2026: 30 days → Saturday 26/12 → due Monday 28/12/2026; overdue from 29/12.
    h.clock.now = new Date('2026-12-29T03:00:00Z')

    const view = await h.request('GET', `/api/v1/petitions/${r.trackingCode}`, {
      headers: { 'x-tracking-pin': r.pin },
    })
    const res = await escalate(r)
    const again = await escalate(r)
    await h.server.sweep.sweep()
    const about = await messagesAboutEvents(h.server, r.trackingCode, 'escalated')
    const told = about.filter((m) => m.template === 'staff.escalated_by_petitioner' && m.state === 'sent')

    expect(view.body.canEscalate).toBe(true)
    expect(res.status).toBe(200)
    expect(res.body.timeline.at(-1).type).toBe('escalated')
    expect(res.body.canEscalate).toBe(false)
    expect(again.status).toBe(409)
    expect(again.body.type).toEqual(problemType('already_escalated'))
    expect(told.map((m) => m.recipient.userId).sort()).toEqual(['dukhoi.truong', 'giamsat'])
    for (const m of told)
      expect(renderMessage(m.template, m.language, m.params).body).not.toContain('Nguyễn Văn An')
    const staff = await h.request('GET', `/api/v1/cases/${r.trackingCode}`, { as: 'bxd.truong' })
    expect(
      staff.body.deadlines.find((d: { clock: string }) => d.clock === 'escalation_report'),
    ).toMatchObject({ state: 'running' })
  })

  it('is not open to an anonymous denunciation', async () => {
    const { petitioner: _none, ...body } = petition({ kind: 'denunciation', anonymous: true })
    h.clock.now = new Date('2026-11-26T03:00:00Z')
    const receipt = (await h.request('POST', '/api/v1/petitions', { body })).body
    const view = (await h.request('GET', `/api/v1/cases/${receipt.trackingCode}`, { as: 'bxd.canbo' })).body
    await h.request('POST', `/api/v1/cases/${receipt.trackingCode}/actions`, {
      as: 'bxd.canbo',
      body: { action: 'accept' },
      headers: { 'if-match': String(view.version) },
    })
    h.clock.now = new Date('2026-12-29T03:00:00Z')
    const res = await escalate(receipt)
    expect(res.status).toBe(409)
    expect(res.body.type).toEqual(problemType('anonymous_not_handled'))
  })

  it('is refused to staff, who cannot escalate on the petitioner’s behalf', async () => {
    const r = await acceptedDenunciation()
    const view = (await h.request('GET', `/api/v1/cases/${r.trackingCode}`, { as: 'bxd.truong' })).body
    const res = await h.request('POST', `/api/v1/cases/${r.trackingCode}/actions`, {
      as: 'bxd.truong',
      body: { action: 'escalate', reason: 'x' },
      headers: { 'if-match': String(view.version) },
    })
    expect(res.status).toBe(409)
    expect(view.allowedActions).not.toContain('escalate')
  })
})
