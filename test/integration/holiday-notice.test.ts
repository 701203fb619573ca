/**
 * Recording the coming Tết's schedule moves the running clocks it changes, and each moved deadline
 * says why in the case's history (real HTTP and dynalite; the admin service as the pages call it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vietnamDate } from '../../shared/domain/dates.js'
import { createAdminService } from '../../shared/service/admin.js'
import { type Harness, petition, startHarness } from './harness.js'

const admin = { id: 'admin', memberships: [{ role: 'admin' as const }] }
// Illustrative: Thu 4 – Wed 10 Feb 2027 instead of the computed Fri 5 – Thu 11 Feb.
const notice = {
  year: 2027,
  occasion: 'tet',
  daysOff: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'],
  basis: 'Thông báo số 1/TB-BNV (ví dụ) về lịch nghỉ Tết Âm lịch 2027',
}

describe('recording the Tết 2027 schedule', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ now: '2027-01-26T03:00:00Z' })
  })
  afterAll(() => h?.close())

  it('moves a running 7-working-day clock from 4 to 11 February and records why on the case', async () => {
    // Arrange: a denunciation received on Tue 26 Jan 2027: 27, 28, 29 Jan, 1, 2, 3, 4 Feb by the
    // computed days; with the recorded schedule 4 Feb is off, so 11 Feb.
    const filed = await h.request('POST', '/api/v1/petitions', {
      body: petition({ kind: 'denunciation', concerns: { organization: 'Bộ Xây dựng', person: 'Ông Y' } }),
    })
    expect(filed.status).toBe(201)
    const code: string = filed.body.trackingCode
    const before = filed.body.deadlines.find((d: { clock: string }) => d.clock === 'acceptance')
    expect(before.dueDate).toBe('2027-02-04')
    expect(JSON.stringify(before.explanation)).toMatch(/mặc định|default Tết days/)
    const unrelated = await h.request('POST', '/api/v1/petitions', { body: petition() })
    const services = h.server.services
    const { version } = await services.settings.getCalendarOverrides()

    // Act
    const { report } = await createAdminService(services).recordHolidayNotice(admin, notice, version)

    // Assert: one case moved (the recommendation's 10 working days end past the block either way).
    expect(report.casesMoved).toBeGreaterThanOrEqual(1)
    const stored = await services.cases.getCase(code.replace(/-/g, ''))
    const moved = stored?.history.filter((e) => e.type === 'deadlines_moved') ?? []
    expect(moved).toHaveLength(1)
    expect(moved[0]).toMatchObject({
      actor: { kind: 'system' },
      public: false,
      data: { moves: [{ clock: 'acceptance', from: '2027-02-04', to: '2027-02-11' }] },
    })
    expect(String(moved[0]?.data.reason)).toContain('1/TB-BNV')
    const other = await services.cases.getCase(String(unrelated.body.trackingCode).replace(/-/g, ''))
    expect(other?.history.some((e) => e.type === 'deadlines_moved')).toBe(false)
    const ctx = await services.deadlineContext()
    expect(ctx.calendar.unconfirmedTetDays(2027)).toEqual([])
    expect(vietnamDate(services.now())).toBe('2027-01-26')
  })

  it('refuses a malformed schedule with the field named, and writes nothing', async () => {
    const services = h.server.services
    const { version } = await services.settings.getCalendarOverrides()

    await expect(
      createAdminService(services).recordHolidayNotice(
        admin,
        { ...notice, daysOff: ['2031-02-01'] },
        version,
      ),
    ).rejects.toMatchObject({ status: 422 })
    await expect(
      createAdminService(services).recordHolidayNotice(admin, { ...notice, occasion: 'christmas' }, version),
    ).rejects.toMatchObject({ status: 422 })
    expect((await services.settings.getCalendarOverrides()).version).toBe(version)
  })
})
