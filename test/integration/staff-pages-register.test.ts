/**
 * The staff pages of one accountability request over real HTTP: the owing head submits (prefilled
 * figures), the supervisor returns or accepts; scope (404), CSRF, field errors and a stale version
 * each write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TODAY } from './authz-helpers.js'
import { type Harness, type PageOptions, startHarness } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness({ now: `${TODAY}T03:00:00Z` })
})
afterAll(async () => h?.close())

const page = (path: string, options?: PageOptions) => h.page(path, options)

async function stored(id: string): Promise<{ version: number; state: string; submissions: unknown[] }> {
  const res = await h.request('GET', `/api/v1/accountability-requests/${id}`, { as: 'giamsat' })
  expect(res.status).toBe(200)
  return res.body
}

const versionIn = (html: string, form: string) =>
  new RegExp(`id="${form}"[\\s\\S]*?name="version" value="(\\d+)"`).exec(html)?.[1]

describe('one accountability request on the staff pages', () => {
  let id = ''

  it('opens from the owed list and shows the head the submit form prefilled with the figures', async () => {
    const made = await page('/staff/accountability', {
      as: 'giamsat',
      form: { committeeId: 'btc', period: 'quarter', year: '2026', index: '3', note: 'Nộp đúng hạn.' },
    })
    expect(made.status).toBe(303)
    const list = await h.request('GET', '/api/v1/accountability-requests?committeeId=btc', { as: 'giamsat' })
    id = list.body.items[0].id
    const dashboard = await page('/staff/dashboard', { as: 'giamsat' })
    expect(dashboard.html).toContain(`href="/staff/accountability/${encodeURIComponent(id)}"`)
    // The owing head sees it among the reports owed on their own dashboard.
    const headDashboard = await page('/staff/dashboard', { as: 'btc.truong' })
    expect(headDashboard.html).toContain(`href="/staff/accountability/${encodeURIComponent(id)}"`)

    const head = await page(`/staff/accountability/${id}`, { as: 'btc.truong' })
    expect(head.status).toBe(200)
    expect(head.html).toContain('Báo cáo định kỳ')
    expect(head.html).toContain('01/07/2026 – 30/09/2026')
    expect(head.html).toContain('Thông tư 02/2021/TT-TTCP')
    expect(head.html).toContain('Nộp đúng hạn.')
    expect(head.html).toContain('26/11/2026 (Nguyễn Thị Hồng (Ủy ban Kiểm tra))')
    expect(head.html).toContain('Đã yêu cầu, chưa nộp')
    expect(head.html).toContain('id="submit-form"')
    expect(head.html).not.toContain('id="accept-form"')
    expect(head.html).toMatch(/<textarea[^>]*name="submit.explanation"[^>]*>Kỳ báo cáo 01\/07\/2026/)
    expect(versionIn(head.html, 'submit-form')).toBe('1')
    // The supervisor reads it but has no step to take until it is submitted; a handler only reads.
    const supervisor = await page(`/staff/accountability/${id}`, { as: 'giamsat' })
    expect(supervisor.status).toBe(200)
    expect(supervisor.html).not.toMatch(/id="(submit|accept|return)-form"/)
    const handler = await page(`/staff/accountability/${id}`, { as: 'btc.canbo' })
    expect(handler.status).toBe(200)
    expect(handler.html).not.toContain('<form method="post" action="/staff/accountability/')
  })

  it('answers 404 outside the committees, as for a request that does not exist', async () => {
    expect((await page(`/staff/accountability/${id}`, { as: 'byt.truong' })).status).toBe(404)
    expect((await page('/staff/accountability/no-such-request', { as: 'giamsat' })).status).toBe(404)
    const foreign = await page(`/staff/accountability/${id}/submit`, {
      as: 'byt.truong',
      form: { version: '1', 'submit.explanation': 'Không phải của tôi' },
    })
    expect(foreign.status).toBe(404)
    expect((await stored(id)).version).toBe(1)
  })

  it('refuses an empty explanation, a foreign form and a stale version, and writes nothing', async () => {
    const empty = await page(`/staff/accountability/${id}/submit`, {
      as: 'btc.truong',
      form: { version: '1', 'submit.explanation': '   ' },
    })
    expect(empty.status).toBe(422)
    expect(empty.html).toContain('href="#f-submit-explanation"')
    expect(empty.html).toContain('aria-invalid="true"')
    const forged = await page(`/staff/accountability/${id}/submit`, {
      as: 'btc.truong',
      origin: 'https://evil.example',
      form: { version: '1', 'submit.explanation': 'Giải trình' },
    })
    expect(forged.status).toBe(403)
    const stale = await page(`/staff/accountability/${id}/submit`, {
      as: 'btc.truong',
      form: { version: '7', 'submit.explanation': 'Giải trình cũ' },
    })
    expect(stale.status).toBe(409)
    expect(stale.html).toContain('data-testid="stale"')
    expect(stale.html).toContain('Giải trình cũ')
    const after = await stored(id)
    expect(after.version).toBe(1)
    expect(after.state).toBe('requested')
    expect(after.submissions).toHaveLength(0)
  })

  it('takes the steps in turn: submit, return with a reason, submit again, accept (Post/Redirect/Get)', async () => {
    const submitted = await page(`/staff/accountability/${id}/submit`, {
      as: 'btc.truong',
      form: { version: '1', 'submit.explanation': 'Số liệu quý 3.\nĐơn vị đã giải quyết đúng hạn.' },
    })
    expect(submitted.status).toBe(303)
    expect(submitted.location).toBe(`/staff/accountability/${id}?done=1`)
    const shown = await page(submitted.location!, { as: 'giamsat' })
    expect(shown.html).toContain('Đã ghi nhận.')
    expect(shown.html).toContain('Đơn vị đã giải quyết đúng hạn.')
    expect(shown.html).toContain('Tiếp nhận trong kỳ')
    expect(shown.html).toContain('id="accept-form"')
    expect(shown.html).toContain('id="return-form"')
    expect(versionIn(shown.html, 'return-form')).toBe('2')

    const noReason = await page(`/staff/accountability/${id}/return`, {
      as: 'giamsat',
      form: { version: '2', 'return.reason': '' },
    })
    expect(noReason.status).toBe(422)
    expect(noReason.html).toContain('href="#f-return-reason"')
    expect((await stored(id)).state).toBe('submitted')
    // The head cannot review their own report: no form, and a posted one changes nothing.
    const own = await page(`/staff/accountability/${id}/accept`, { as: 'btc.truong', form: { version: '2' } })
    expect(own.status).toBe(409)
    expect(own.html).toContain('id="error-summary"')
    expect(own.html).not.toContain('id="accept-form"')
    expect((await stored(id)).state).toBe('submitted')

    const returned = await page(`/staff/accountability/${id}/return`, {
      as: 'giamsat',
      form: { version: '2', 'return.reason': 'Thiếu số liệu đơn tố cáo.' },
    })
    expect(returned.status).toBe(303)
    const again = await page(`/staff/accountability/${id}`, { as: 'btc.truong' })
    expect(again.html).toContain('Bị trả lại, chờ nộp lại')
    expect(again.html).toContain('Thiếu số liệu đơn tố cáo.')
    expect(versionIn(again.html, 'submit-form')).toBe('3')
    expect(
      (
        await page(`/staff/accountability/${id}/submit`, {
          as: 'btc.truong',
          form: { version: '3', 'submit.explanation': 'Đã bổ sung số liệu đơn tố cáo.' },
        })
      ).status,
    ).toBe(303)
    const accepted = await page(`/staff/accountability/${id}/accept`, {
      as: 'giamsat',
      form: { version: '4', 'accept.note': '' },
    })
    expect(accepted.status).toBe(303)
    const final = await stored(id)
    expect(final.state).toBe('accepted')
    expect(final.submissions).toHaveLength(2)
    // No longer owed, it stays in the head's list of their committee's requests.
    const headDashboard = await page('/staff/dashboard', { as: 'btc.truong' })
    const ownList = /data-testid="own-requests"[\s\S]*?<\/section>/.exec(headDashboard.html)?.[0] ?? ''
    expect(ownList).toContain(`href="/staff/accountability/${encodeURIComponent(id)}"`)
    expect(ownList).toContain('Đã chấp nhận')
    expect((await page('/staff/dashboard', { as: 'giamsat' })).html).not.toContain(
      'data-testid="own-requests"',
    )
    const en = await page(`/staff/accountability/${id}?lang=en`, { as: 'giamsat' })
    expect(en.html).toContain('Accepted')
  })
})

describe('the reception register', () => {
  const sessionsOf = async () => {
    const res = await page('/staff/reception/register?committee=vanphong&from=01/11/2026&to=26/11/2026', {
      as: 'tiepdan',
    })
    expect(res.status).toBe(200)
    return /data-testid="register-sessions"[\s\S]*?<\/table>/.exec(res.html)?.[0] ?? ''
  }

  it('is linked from the reception desk and refuses staff outside the committee’s register', async () => {
    const desk = await page('/staff/reception', { as: 'tiepdan' })
    expect(desk.html).toContain('href="/staff/reception/register"')
    const form = await page('/staff/reception/register', { as: 'tiepdan' })
    expect(form.html).toContain('id="session-form"')
    expect(form.html).toContain('<option value="vanphong.truong"')
    expect(form.html).not.toContain('<option value="btc.truong"')
    expect((await page('/staff/reception/register', { as: 'dangvien' })).status).toBe(403)
    // A head of another committee reads their own register, not this one, and records nothing here.
    const other = await page('/staff/reception/register?committee=vanphong', { as: 'byt.truong' })
    expect(other.status).toBe(200)
    expect(other.html).not.toContain('<option value="vanphong" selected')
    const refused = await page('/staff/reception/register', {
      as: 'byt.truong',
      form: {
        committeeId: 'vanphong',
        date: '20/11/2026',
        type: 'regular',
        hostUserId: 'tiepdan',
        visitors: '3',
      },
    })
    expect(refused.status).toBe(403)
    expect(await sessionsOf()).toBe('')
  })

  it('records a session with a delegation and a case received at the desk, then shows it and the summary', async () => {
    const desk = await page('/staff/reception', {
      as: 'tiepdan',
      form: {
        channel: 'in_person',
        receivedAt: '20/11/2026',
        kind: 'complaint',
        title: 'Khiếu nại về chế độ phụ cấp',
        content: 'Đề nghị xem xét lại chế độ phụ cấp.',
        'petitioner.fullName': 'Trần Văn Bình',
        'concerns.organization': 'Văn phòng Đảng ủy Khối',
      },
    })
    expect(desk.status).toBe(201)
    const code = /data-testid="tracking-code">([0-9A-Z-]+)</.exec(desk.html)![1]!
    const res = await page('/staff/reception/register', {
      as: 'tiepdan',
      form: {
        committeeId: 'vanphong',
        date: '20/11/2026',
        type: 'periodic',
        hostUserId: 'vanphong.truong',
        visitors: '12',
        delegationPeople: '8',
        delegationRepresentatives: '2',
        delegationSubject: 'Chế độ phụ cấp',
        caseCodes: code,
      },
    })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/staff/reception/register?committee=vanphong&done=1')
    const table = await sessionsOf()
    expect(table).toContain('20/11/2026')
    expect(table).toContain('Người đứng đầu tiếp định kỳ')
    expect(table).toContain(code)
    expect(table).toContain('8: Chế độ phụ cấp')
    const shown = await page('/staff/reception/register?committee=vanphong&from=01/11/2026&to=26/11/2026', {
      as: 'giamsat',
    })
    const summary = /data-testid="register-summary"[\s\S]*?<\/section>/.exec(shown.html)?.[0] ?? ''
    expect(summary).toContain('Tổng hợp từ 01/11/2026 đến 26/11/2026')
    expect(summary).toMatch(/Số lượt người được tiếp<\/dt><dd>12</)
    expect(summary).toMatch(/Số đoàn đông người<\/dt><dd>1</)
    expect(summary).toMatch(/Số vụ việc<\/dt><dd>1</)
    expect(summary).toMatch(/Lê Thị Thu \(trưởng\)<\/th><td>1<\/td><td>1<\/td><td>Đạt</)
  })

  it('shows bad input next to its field, refuses a foreign form, and writes nothing', async () => {
    const before = await sessionsOf()
    const bad = await page('/staff/reception/register', {
      as: 'tiepdan',
      form: {
        committeeId: 'vanphong',
        date: '31/02/2026',
        type: 'regular',
        hostUserId: 'tiepdan',
        visitors: 'nhiều',
        delegationPeople: '3',
      },
    })
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('href="#f-date"')
    expect(bad.html).toContain('href="#f-visitors"')
    expect(bad.html).toContain('href="#f-delegationPeople"')
    expect(bad.html).toContain('value="nhiều"')
    const future = await page('/staff/reception/register', {
      as: 'tiepdan',
      form: {
        committeeId: 'vanphong',
        date: '01/12/2026',
        type: 'regular',
        hostUserId: 'tiepdan',
        visitors: '2',
      },
    })
    expect(future.status).toBe(422)
    expect(future.html).toContain('href="#f-date"')
    const unknownCase = await page('/staff/reception/register', {
      as: 'tiepdan',
      form: {
        committeeId: 'vanphong',
        date: '21/11/2026',
        type: 'regular',
        hostUserId: 'tiepdan',
        visitors: '2',
        caseCodes: 'KHONG-CO-MA',
      },
    })
    expect(unknownCase.status).toBe(422)
    expect(unknownCase.html).toContain('href="#f-caseCodes"')
    const forged = await page('/staff/reception/register', {
      as: 'tiepdan',
      origin: 'https://evil.example',
      form: {
        committeeId: 'vanphong',
        date: '21/11/2026',
        type: 'regular',
        hostUserId: 'tiepdan',
        visitors: '2',
      },
    })
    expect(forged.status).toBe(403)
    expect(await sessionsOf()).toBe(before)
    const badPeriod = await page('/staff/reception/register?committee=vanphong&from=hôm qua', {
      as: 'tiepdan',
    })
    expect(badPeriod.status).toBe(200)
    expect(badPeriod.html).toContain('href="#f-from"')
  })
})
