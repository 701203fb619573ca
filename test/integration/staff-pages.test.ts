/**
 * The staff pages over real HTTP: sign-in and the session cookie, scope (404 outside it), CSRF,
 * the case version (a stale form changes nothing), per-field errors, the reception desk, the
 * supervisor's reveal and the admins' configuration writes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildStaffPages } from '../../functions/staff-api/pages.js'
import { createPetitionService } from '../../shared/service/petitions.js'
import { pdf, png } from '../fixtures/documents.js'
import { act, addUser, fileOnline, storedCase, TODAY } from './authz-helpers.js'
import { type Harness, type PageOptions, startHarness } from './harness.js'

let h: Harness

beforeAll(async () => {
  h = await startHarness({ now: `${TODAY}T03:00:00Z` })
})
afterAll(async () => h?.close())

/** A page request as a browser sends it: the session cookie, same-origin form posts. */
const page = (path: string, options?: PageOptions) => h.page(path, options)

async function caseVersion(code: string): Promise<number> {
  const res = await h.request('GET', `/api/v1/cases/${code}`, { as: 'btc.canbo' })
  return res.body.version
}

describe('signing in', () => {
  it('sends a visitor without a session to the sign-in page, with the way back', async () => {
    const res = await page('/staff/queue?kind=complaint')
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/staff/sign-in?return=${encodeURIComponent('/staff/queue?kind=complaint')}`)
  })

  it('sends an expired session back to sign in, saying so, and clears the cookie', async () => {
    const expired = await h.server.identity.issue('btc.canbo', -300)
    const res = await page('/staff/queue', { token: expired })
    expect(res.status).toBe(303)
    expect(res.location).toContain('reason=expired')
    expect(res.headers.get('set-cookie')).toMatch(/__Host-staff-session=;/)
  })

  it('refuses a forged token like an expired one', async () => {
    const res = await page('/staff/queue', { token: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln' })
    expect(res.status).toBe(303)
    expect(res.location).toContain('/staff/sign-in')
  })

  it('sets a __Host- cookie, HttpOnly, Secure, SameSite=Strict, for the whole site and no other', async () => {
    const res = await page('/staff/sign-in', { form: { userId: 'btc.canbo', return: '/staff/queue' } })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/staff/queue')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^__Host-staff-session=[\w-]+\.[\w-]+\.[\w-]+;/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Domain=/i)
  })

  it('never sends anyone to another site after signing in', async () => {
    const res = await page('/staff/sign-in', {
      form: { userId: 'btc.canbo', return: '//evil.example/staff' },
    })
    expect(res.location).toBe('/staff')
  })

  it('refuses a sign-in form posted from another site', async () => {
    const res = await page('/staff/sign-in', {
      form: { userId: 'admin', return: '/staff' },
      origin: 'https://evil.example',
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('shows the workspace in the language asked for and remembers it', async () => {
    const res = await page('/staff/queue?lang=en', { as: 'btc.canbo' })
    expect(res.status).toBe(200)
    expect(res.html).toContain('<html lang="en">')
    expect(res.html).toContain('Case queue')
    expect(res.headers.get('set-cookie')).toMatch(/lang=en/)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})

describe('the queue and the case page', () => {
  it('lists a committee’s open cases and finds a petitioner by name, for those who may see names', async () => {
    const filed = await fileOnline(h, { petitioner: { fullName: 'Đoàn Thị Nhàn', phone: '0912345678' } })
    const queue = await page('/staff/queue?committee=btc', { as: 'btc.canbo' })
    expect(queue.html).toContain(filed.trackingCode)
    const found = await page(`/staff/queue?committee=btc&q=${encodeURIComponent('doan thi nhan')}`, {
      as: 'btc.canbo',
    })
    expect(found.html).toContain(filed.trackingCode)
    expect(found.html).toContain('Đoàn Thị Nhàn')
    // A supervisor reads the queue but is not granted names: the search finds nothing.
    const supervisor = await page(`/staff/queue?committee=btc&q=${encodeURIComponent('Nhàn')}`, {
      as: 'giamsat',
    })
    expect(supervisor.html).not.toContain(filed.trackingCode)
  })

  it('opens a case from its tracking code in the search box', async () => {
    const filed = await fileOnline(h)
    const res = await page(`/staff/queue?q=${filed.trackingCode.toLowerCase()}`, { as: 'btc.canbo' })
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/staff/cases/${filed.trackingCode}`)
  })

  it('refuses another committee’s queue', async () => {
    expect((await page('/staff/queue?committee=btc', { as: 'byt.canbo' })).status).toBe(403)
  })

  it('answers 404 for a case outside the viewer’s scope, as for one that does not exist', async () => {
    const filed = await fileOnline(h)
    const outside = await page(`/staff/cases/${filed.trackingCode}`, { as: 'byt.canbo' })
    const unknown = await page('/staff/cases/ZZZZ-ZZZZ-ZZZZ', { as: 'byt.canbo' })
    expect(outside.status).toBe(404)
    expect(unknown.status).toBe(404)
    // The same page, word for word: nothing tells an existing case from a missing one.
    expect(outside.html.replaceAll(filed.trackingCode, 'CODE')).toBe(
      unknown.html.replaceAll('ZZZZ-ZZZZ-ZZZZ', 'CODE'),
    )
    expect(outside.html).not.toContain('Nguyễn Văn An')
  })

  it('shows the forms for exactly the actions allowed, each saying what the petitioner will be told', async () => {
    const filed = await fileOnline(h)
    const res = await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
    const forms = [...res.html.matchAll(/data-action="(\w+)"/g)].map((m) => m[1])
    const api = await h.request('GET', `/api/v1/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
    expect(forms.sort()).toEqual(api.body.allowedActions.filter((a: string) => a !== 'escalate').sort())
    expect(res.html).toContain(`Đơn của ông/bà, mã tra cứu ${filed.trackingCode}, đã được thụ lý giải quyết.`)
  })

  it('says of a step the petitioner gets no message for that they see it when tracking', async () => {
    const filed = await fileOnline(h)
    await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.canbo',
      form: { action: 'accept', version: String(await caseVersion(filed.trackingCode)) },
    })
    const res = await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
    const verification = res.html.slice(res.html.indexOf('data-action="start_verification"'))
    expect(verification.slice(0, verification.indexOf('</form>'))).toContain(
      'Người gửi đơn thấy bước này khi tra cứu đơn; không có tin nhắn riêng cho bước này.',
    )
  })

  it('takes an action and redirects to the case (Post/Redirect/Get)', async () => {
    const filed = await fileOnline(h)
    const version = await caseVersion(filed.trackingCode)
    const res = await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.canbo',
      form: { action: 'accept', version: String(version), 'accept.note': 'Đủ điều kiện thụ lý' },
    })
    expect(res.status).toBe(303)
    expect(res.location).toBe(`/staff/cases/${filed.trackingCode}?done=accept`)
    expect(await caseVersion(filed.trackingCode)).toBe(version + 1)
  })

  it('refuses a form posted from another site and changes nothing', async () => {
    const filed = await fileOnline(h)
    const version = await caseVersion(filed.trackingCode)
    const res = await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.canbo',
      form: { action: 'accept', version: String(version) },
      origin: 'https://evil.example',
    })
    expect(res.status).toBe(403)
    expect(await caseVersion(filed.trackingCode)).toBe(version)
  })

  it('says clearly when the case changed since the form was shown, and changes nothing', async () => {
    const filed = await fileOnline(h)
    const version = await caseVersion(filed.trackingCode)
    await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.canbo',
      form: { action: 'accept', version: String(version) },
    })
    const stale = await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.truong',
      form: { action: 'file', version: String(version) },
    })
    expect(stale.status).toBe(409)
    expect(stale.html).toContain('data-testid="stale"')
    const api = await h.request('GET', `/api/v1/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
    expect(api.body.status).toBe('accepted')
  })

  it('shows a missing coded reason next to its field and keeps the page’s other forms', async () => {
    const filed = await fileOnline(h)
    const res = await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.canbo',
      form: {
        action: 'refuse',
        version: String(await caseVersion(filed.trackingCode)),
        'refuse.note': 'ghi chú',
      },
    })
    expect(res.status).toBe(422)
    expect(res.html).toContain('href="#f-refuse-reason"')
    expect(res.html).toMatch(/id="f-refuse-reason"[^>]*aria-describedby="f-refuse-reason-error"/)
    expect(res.html).toContain('ghi chú')
  })

  it('refuses an action the lifecycle does not allow the user, with the reason, and changes nothing', async () => {
    const filed = await fileOnline(h)
    const version = await caseVersion(filed.trackingCode)
    // A handler may not extend (the head decides extensions); the case is not even accepted.
    const res = await page(`/staff/cases/${filed.trackingCode}/act`, {
      as: 'btc.canbo',
      form: {
        action: 'extend',
        version: String(version),
        'extend.complexity': 'complex',
        'extend.reason': 'x',
      },
    })
    expect(res.status).toBe(409)
    expect(res.html).toContain('id="error-summary"')
    expect(await caseVersion(filed.trackingCode)).toBe(version)
  })

  it('opens a petitioner’s identity only when a handler asks, in that answer alone, and logs each showing', async () => {
    const filed = await fileOnline(h, { petitioner: { fullName: 'Lê Thị Thu Hà', phone: '0912345678' } })
    const sealer = h.server.services.sealer as { open: (sealed: string) => Promise<string> }
    const open = vi.spyOn(sealer, 'open')
    const info = vi.spyOn(h.server.services.logger, 'info')
    try {
      // An ordinary view opens nothing: the details are behind a button.
      const view = await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
      expect(view.html).not.toContain('Lê Thị Thu Hà')
      expect(view.html).toContain('data-testid="identity-hidden"')
      expect(open).not.toHaveBeenCalled()

      const shown = await page(`/staff/cases/${filed.trackingCode}/identity`, { as: 'btc.canbo', form: {} })
      expect(shown.status).toBe(200)
      expect(shown.html).toContain('Lê Thị Thu Hà')
      expect(shown.headers.get('cache-control')).toBe('no-store')
      expect(open).toHaveBeenCalledTimes(1)
      expect(info).toHaveBeenCalledWith('identity shown', {
        trackingCode: filed.trackingCode.replaceAll('-', ''),
        userId: 'btc.canbo',
      })
      // The next view is closed again.
      expect((await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })).html).not.toContain(
        'Lê Thị Thu Hà',
      )
      // A supervisor reads the file but is not granted names: no button, and asking is refused.
      const supervisor = await page(`/staff/cases/${filed.trackingCode}`, { as: 'giamsat' })
      expect(supervisor.html).not.toContain('identity-hidden')
      const refused = await page(`/staff/cases/${filed.trackingCode}/identity`, { as: 'giamsat', form: {} })
      expect(refused.status).toBe(403)
      expect(refused.html).not.toContain('Lê Thị Thu Hà')
      expect(open).toHaveBeenCalledTimes(1)
    } finally {
      open.mockRestore()
      info.mockRestore()
    }
  })

  it('lets a supervisor reveal a denouncer’s identity with a reason, recorded in the history', async () => {
    const filed = await fileOnline(h, {
      kind: 'denunciation',
      petitioner: { fullName: 'Hà Văn Kiên', phone: '0912345678' },
    })
    const before = await page(`/staff/cases/${filed.trackingCode}`, { as: 'giamsat' })
    expect(before.html).not.toContain('Hà Văn Kiên')
    expect(before.html).toContain('id="action-reveal"')
    const missing = await page(`/staff/cases/${filed.trackingCode}/reveal`, {
      as: 'giamsat',
      form: { 'reveal.reason': '' },
    })
    expect(missing.status).toBe(422)
    const res = await page(`/staff/cases/${filed.trackingCode}/reveal`, {
      as: 'giamsat',
      form: { 'reveal.reason': 'Xác minh theo yêu cầu của Ủy ban Kiểm tra' },
    })
    expect(res.status).toBe(200)
    expect(res.html).toContain('Hà Văn Kiên')
    const again = await page(`/staff/cases/${filed.trackingCode}`, { as: 'giamsat' })
    expect(again.html).not.toContain('Hà Văn Kiên')
    expect(again.html).toContain('data-event="identity_revealed"')
    // A handler never gets the form.
    expect((await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })).html).not.toContain(
      'action-reveal',
    )
  })
})

describe('attachments on the case page', () => {
  // Whole documents: completion reads their structure through, not only their first bytes.
  const PDF_BYTES = pdf()
  const PNG_BYTES = png()

  async function attach(code: string, pin: string, bytes: Uint8Array, name: string, type: string) {
    const slots = await h.request('POST', `/api/v1/petitions/${code}/attachments`, {
      // contentOnly: the petitioner says the document does not identify them (a photo of the site).
      body: { files: [{ name, type, size: bytes.length, contentOnly: type === 'image/png' }] },
      headers: { 'x-tracking-pin': pin },
    })
    expect(slots.status, JSON.stringify(slots.body)).toBe(201)
    const slot = slots.body.uploads[0]
    expect((await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: bytes })).status).toBe(200)
    const done = await h.request('POST', `/api/v1/petitions/${code}/attachments/${slot.id}/completion`, {
      body: {},
      headers: { 'x-tracking-pin': pin },
    })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    return slot.id as string
  }

  it('lists documents, opens one through a fresh link, and hides a denouncer’s document from a handler', async () => {
    const filed = await fileOnline(h, { kind: 'denunciation' })
    const committeeId = (await storedCase(h, filed.trackingCode)).committeeId
    await addUser(h, `pg.handler.${committeeId}`, 'committee_handler', committeeId)
    await addUser(h, `pg.head.${committeeId}`, 'committee_head', committeeId)
    const signed = await attach(
      filed.trackingCode,
      filed.pin,
      PDF_BYTES,
      'Nguyễn Văn An - đơn.pdf',
      'application/pdf',
    )
    const photo = await attach(filed.trackingCode, filed.pin, PNG_BYTES, 'hien-truong.png', 'image/png')
    const handler = `pg.handler.${committeeId}`
    const head = `pg.head.${committeeId}`

    const before = (await storedCase(h, filed.trackingCode)).version
    const seen = await page(`/staff/cases/${filed.trackingCode}`, { as: handler })
    expect(seen.status).toBe(200)
    expect(seen.html).toContain('data-testid="attachments"')
    expect(seen.html).toContain('Tài liệu hạn chế')
    expect(seen.html).not.toContain('Nguyễn Văn An - đơn')
    expect(seen.html).toContain(`href="/staff/cases/${filed.trackingCode}/attachments/${photo}"`)
    expect(seen.html).not.toContain(`/attachments/${signed}"`)

    const open = await page(`/staff/cases/${filed.trackingCode}/attachments/${photo}`, { as: handler })
    expect(open.status).toBe(302)
    const bytes = new Uint8Array(await (await fetch(new URL(open.location!, h.server.url))).arrayBuffer())
    expect(bytes).toEqual(PNG_BYTES)
    expect(
      (await page(`/staff/cases/${filed.trackingCode}/attachments/${signed}`, { as: handler })).status,
    ).toBe(403)

    // The head sees the link under the neutral name (a denouncer's file is often named after them);
    // rendering the page records nothing, the click does, and the link names the file neutrally.
    const headPage = await page(`/staff/cases/${filed.trackingCode}`, { as: head })
    expect(headPage.html).toContain('Tài liệu 1.pdf')
    expect(headPage.html).not.toContain('Nguyễn Văn An - đơn')
    expect(headPage.html).toContain(`href="/staff/cases/${filed.trackingCode}/attachments/${signed}"`)
    expect((await storedCase(h, filed.trackingCode)).version).toBe(before)
    const opened = await page(`/staff/cases/${filed.trackingCode}/attachments/${signed}`, { as: head })
    expect(opened.status).toBe(302)
    expect(decodeURIComponent(opened.location!)).not.toContain('Nguy')
    const after = await storedCase(h, filed.trackingCode)
    expect(after.history.at(-1)).toMatchObject({ type: 'identity_document_opened', actor: { id: head } })
  })

  it('answers 404 for a document outside the viewer’s scope or one that does not exist', async () => {
    const filed = await fileOnline(h)
    const photo = await attach(filed.trackingCode, filed.pin, PNG_BYTES, 'anh.png', 'image/png')
    expect(
      (await page(`/staff/cases/${filed.trackingCode}/attachments/${photo}`, { as: 'byt.canbo' })).status,
    ).toBe(404)
    expect(
      (await page(`/staff/cases/${filed.trackingCode}/attachments/nope`, { as: 'btc.canbo' })).status,
    ).toBe(404)
    expect((await page(`/staff/cases/${filed.trackingCode}/attachments/${photo}`)).status).toBe(303)
  })
})

describe('repeat suggestions and the rating on the case page', () => {
  it('shows an earlier petition of the same petitioner with its score, reasons and a way to link it', async () => {
    const idNumber = String(Date.now()).padStart(12, '0').slice(-12)
    const petitioner = {
      fullName: 'Lương Thị Mận',
      idNumber,
      phone: '0987654321',
      address: 'Số 3 ngõ Trạm, Hà Nội',
    }
    const text = {
      title: 'Khiếu nại việc chậm cấp sổ bảo hiểm xã hội cho người lao động',
      content:
        'Công ty đã nghỉ việc tôi từ tháng 5 nhưng chưa chốt và trả sổ bảo hiểm xã hội, làm tôi không hưởng được trợ cấp thất nghiệp. Đề nghị xem xét.',
    }
    const earlier = await fileOnline(h, { ...text, petitioner })
    const later = await fileOnline(h, { ...text, petitioner })

    const seen = await page(`/staff/cases/${later.trackingCode}`, { as: 'btc.canbo' })
    expect(seen.status).toBe(200)
    const section = /<section aria-labelledby="repeats-title"[\s\S]*?<\/section>/.exec(seen.html)?.[0] ?? ''
    expect(section).toContain(`href="/staff/cases/${earlier.trackingCode}"`)
    expect(section).toMatch(/mức giống nhau \d{1,3}%/)
    expect(section).toContain('cùng số định danh của người gửi')
    expect(section).toContain('nội dung tương tự')
    const useHref = `/staff/cases/${later.trackingCode}?of=${earlier.trackingCode}#action-link_repeat`
    expect(section).toContain(`href="${useHref}"`)

    const prefilled = await page(useHref.replace(/#.*$/, ''), { as: 'btc.canbo' })
    expect(prefilled.html).toMatch(new RegExp(`name="link_repeat\\.of"[^>]*value="${earlier.trackingCode}"`))
    const linked = await page(`/staff/cases/${later.trackingCode}/act`, {
      as: 'btc.canbo',
      form: {
        action: 'link_repeat',
        version: String(await caseVersion(later.trackingCode)),
        'link_repeat.of': earlier.trackingCode,
      },
    })
    expect(linked.status).toBe(303)

    // In English too, and nothing of it for a handler of another committee (404 for the whole page).
    const en = await page(`/staff/cases/${later.trackingCode}?lang=en`, { as: 'btc.canbo' })
    expect(en.html).toContain('same petitioner&#39;s ID number')
    expect((await page(`/staff/cases/${later.trackingCode}`, { as: 'byt.canbo' })).status).toBe(404)
  })

  it('shows the petitioner’s rating once given', async () => {
    const filed = await fileOnline(h, { kind: 'recommendation' })
    expect((await act(h, filed.trackingCode, 'btc.canbo', { action: 'accept' })).status).toBe(200)
    const resolved = await act(h, filed.trackingCode, 'btc.canbo', {
      action: 'resolve',
      answer: 'Bộ sẽ bỏ yêu cầu này từ quý sau.',
      outcome: 'adopted',
    })
    expect(resolved.status).toBe(200)
    expect((await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })).html).not.toContain(
      'data-testid="rating"',
    )
    const rated = await h.request('POST', `/api/v1/petitions/${filed.trackingCode}/rating`, {
      body: { score: 4, comment: 'Trả lời rõ ràng, đúng hạn.' },
      headers: { 'x-tracking-pin': filed.pin },
    })
    expect(rated.status).toBe(201)
    const seen = await page(`/staff/cases/${filed.trackingCode}`, { as: 'btc.canbo' })
    const section = /<section aria-labelledby="rating-title"[\s\S]*?<\/section>/.exec(seen.html)?.[0] ?? ''
    expect(section).toContain('4/5 điểm')
    expect(section).toContain('Hài lòng')
    expect(section).toContain('Trả lời rõ ràng, đúng hạn.')
  })
})

describe('the reception desk', () => {
  it('is for reception officers only', async () => {
    expect((await page('/staff/reception', { as: 'btc.canbo' })).status).toBe(403)
    expect((await page('/staff/reception', { as: 'tiepdan' })).status).toBe(200)
  })

  it('records a petition with its real receipt date, written dd/mm/yyyy, and shows the PIN once', async () => {
    const res = await page('/staff/reception', {
      as: 'tiepdan',
      form: {
        channel: 'post',
        receivedAt: '19/11/2026',
        kind: 'complaint',
        title: 'Khiếu nại quyết định điều động',
        content: 'Tôi đề nghị xem xét lại quyết định điều động.',
        'petitioner.fullName': 'Ngô Văn Hải',
        'concerns.organization': 'Bộ Tài chính',
      },
    })
    expect(res.status).toBe(201)
    const code = /data-testid="tracking-code">([0-9A-Z-]+)</.exec(res.html)![1]!
    expect(res.html).toMatch(/data-testid="pin">\d+</)
    const api = await h.request('GET', `/api/v1/cases/${code}`, { as: 'btc.canbo' })
    expect(api.body.receivedOn).toBe('2026-11-19')
    expect(api.body.channel).toBe('post')
  })

  it('refuses a receipt date in the future, naming the field, and keeps what was typed', async () => {
    const res = await page('/staff/reception', {
      as: 'tiepdan',
      form: {
        channel: 'post',
        receivedAt: '30/12/2026',
        kind: 'feedback',
        title: 'Tiêu đề giữ lại',
        content: 'x',
        'petitioner.fullName': 'A',
      },
    })
    expect(res.status).toBe(422)
    expect(res.html).toContain('href="#f-receivedAt"')
    expect(res.html).toContain('value="Tiêu đề giữ lại"')
  })

  it('shows new petitions with the routing suggestion and re-routes one', async () => {
    const res = await page('/staff/reception', {
      as: 'tiepdan',
      form: {
        channel: 'in_person',
        receivedAt: '26/11/2026',
        kind: 'recommendation',
        title: 'Kiến nghị',
        content: 'Nội dung',
        'petitioner.fullName': 'B',
        committeeId: 'vanphong',
      },
    })
    const code = /data-testid="tracking-code">([0-9A-Z-]+)</.exec(res.html)![1]!
    const triage = await page('/staff/reception/triage', { as: 'tiepdan' })
    expect(triage.html).toContain(`data-code="${code}"`)
    expect(triage.html).toContain('Cán bộ tiếp nhận chỉ định đơn vị xử lý.')
    const version = /name="version" value="(\d+)"/.exec(
      triage.html.slice(triage.html.indexOf(`data-code="${code}"`)),
    )![1]!
    const moved = await page(`/staff/cases/${code}/act`, {
      as: 'tiepdan',
      form: { action: 'reroute', version, return: 'triage', 'reroute.toCommitteeId': 'byt' },
    })
    expect(moved.location).toBe('/staff/reception/triage?done=reroute')
    const api = await h.request('GET', `/api/v1/cases/${code}`, { as: 'byt.canbo' })
    expect(api.body.committee.id).toBe('byt')
  })
})

describe('supervision', () => {
  it('shows the dashboard to supervisors, and not to handlers', async () => {
    const res = await page('/staff/dashboard', { as: 'giamsat' })
    expect(res.status).toBe(200)
    expect(res.html).toContain('data-testid="ranking"')
    expect((await page('/staff/dashboard', { as: 'btc.canbo' })).status).toBe(403)
  })

  it('shows a report and refuses a period that is not one', async () => {
    const ok = await page('/staff/reports?committee=btc&period=year&year=2026', { as: 'giamsat' })
    expect(ok.status).toBe(200)
    expect(ok.html).toContain('data-testid="report"')
    expect(ok.html).toContain('01/01/2026')
    const bad = await page('/staff/reports?committee=btc&period=quarter&year=2026&index=7', { as: 'giamsat' })
    expect(bad.status).toBe(422)
  })

  it('draws the charts inline and links the downloads of the same report', async () => {
    const ok = await page('/staff/reports?committee=btc&period=year&year=2026', { as: 'giamsat' })
    const charts = /<section aria-labelledby="charts-title"[\s\S]*?<\/section>/.exec(ok.html)?.[0] ?? ''
    expect(charts.match(/<svg[^>]*role="img"/g)).toHaveLength(2)
    expect(charts).toContain('<table class="vh">')
    expect(ok.html).not.toMatch(/<img[^>]*\/api\//)
    expect(ok.html).toContain(
      'href="/staff/reports/export.xlsx?committeeId=btc&amp;period=year&amp;year=2026"',
    )
    expect(ok.html).toContain(
      'href="/staff/reports/export.csv?committeeId=btc&amp;period=year&amp;year=2026"',
    )
  })

  it('sends the report as XLSX or CSV to a signed-in supervisor, the same file as the API', async () => {
    const query = 'committeeId=btc&period=year&year=2026'
    const csv = await page(`/staff/reports/export.csv?${query}`, { as: 'giamsat' })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toContain('bao-cao-btc-2026-01-01-2026-12-31.csv')
    const api = await fetch(`${h.server.url}/api/v1/reports/export?${query}&format=csv`, {
      headers: { authorization: `Bearer ${await h.tokenFor('giamsat')}` },
    })
    expect(csv.html).toBe(await api.text())
    const xlsx = await fetch(`${h.server.url}/staff/reports/export.xlsx?${query}`, {
      headers: { cookie: `__Host-staff-session=${await h.tokenFor('giamsat')}` },
    })
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]))
  })

  it('refuses a download outside the user’s reports, a bad period, and a visitor without a session', async () => {
    const query = 'committeeId=btc&period=year&year=2026'
    expect((await page(`/staff/reports/export.csv?${query}`, { as: 'btc.canbo' })).status).toBe(403)
    expect(
      (await page('/staff/reports/export.csv?committeeId=btc&period=year', { as: 'giamsat' })).status,
    ).toBe(400)
    expect(
      (
        await page('/staff/reports/export.csv?committeeId=btc&period=quarter&year=2026&index=9', {
          as: 'giamsat',
        })
      ).status,
    ).toBe(400)
    const visitor = await page(`/staff/reports/export.xlsx?${query}`)
    expect(visitor.status).toBe(303)
    expect(visitor.location).toContain('/staff/sign-in?return=')
  })
})

describe('accountability reports', () => {
  const owed = async () => {
    const res = await h.request('GET', '/api/v1/accountability-requests', { as: 'giamsat' })
    return res.body.items.length as number
  }

  it('requires a committee’s periodic report and lists it among those owed on the dashboard', async () => {
    const form = await page('/staff/accountability/new', { as: 'giamsat' })
    expect(form.status).toBe(200)
    expect(form.html).toContain('action="/staff/accountability"')
    const before = await owed()
    const res = await page('/staff/accountability', {
      as: 'giamsat',
      form: { committeeId: 'btc', period: 'quarter', year: '2026', index: '3', note: 'Nộp trước hạn.' },
    })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/staff/dashboard?done=accountability#accountability')
    expect(await owed()).toBe(before + 1)
    const dashboard = await page('/staff/dashboard?done=accountability', { as: 'giamsat' })
    const section = /<section aria-labelledby="owed-title"[\s\S]*?<\/section>/.exec(dashboard.html)?.[0] ?? ''
    expect(section).toContain('Đảng ủy Bộ Tài chính')
    expect(section).toContain('Đã yêu cầu, chưa nộp')
    expect(section).toMatch(/\d{2}\/\d{2}\/\d{4}/)
  })

  it('shows bad input next to its field and writes nothing; refuses a handler and a foreign form', async () => {
    const before = await owed()
    const bad = await page('/staff/accountability', {
      as: 'giamsat',
      form: { committeeId: 'btc', period: 'quarter', year: 'năm nay', index: '' },
    })
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('href="#f-year"')
    expect(bad.html).toContain('value="năm nay"')
    const unknown = await page('/staff/accountability', {
      as: 'giamsat',
      form: { committeeId: 'nowhere', period: 'year', year: '2026' },
    })
    expect(unknown.status).toBe(422)
    expect(unknown.html).toContain('href="#f-committeeId"')
    const handler = await page('/staff/accountability', {
      as: 'btc.canbo',
      form: { committeeId: 'btc', period: 'year', year: '2026' },
    })
    expect(handler.status).toBe(403)
    expect((await page('/staff/accountability/new', { as: 'btc.canbo' })).status).toBe(403)
    const forged = await page('/staff/accountability', {
      as: 'giamsat',
      origin: 'https://evil.example',
      form: { committeeId: 'btc', period: 'year', year: '2026' },
    })
    expect(forged.status).toBe(403)
    expect(await owed()).toBe(before)
  })
})

describe('audit samples', () => {
  const findingsOf = async (id: string) =>
    (await h.request('GET', `/api/v1/audit-samples/${id}`, { as: 'giamsat' })).body.progress
      .reviewed as number

  it('draws a sample from the report page and records a finding per case', async () => {
    const filed = await fileOnline(h, { kind: 'recommendation' })
    expect((await act(h, filed.trackingCode, 'btc.canbo', { action: 'accept' })).status).toBe(200)
    expect(
      (
        await act(h, filed.trackingCode, 'btc.canbo', {
          action: 'resolve',
          answer: 'Đã tiếp thu.',
          outcome: 'adopted',
        })
      ).status,
    ).toBe(200)
    const report = await page('/staff/reports?committee=btc&period=year&year=2026', { as: 'giamsat' })
    expect(report.html).toContain('data-testid="audit-samples"')
    expect(report.html).toContain('action="/staff/audit-samples"')
    const drawn = await page('/staff/audit-samples', {
      as: 'giamsat',
      form: { committeeId: 'btc', period: 'year', year: '2026', index: '', size: '100' },
    })
    expect(drawn.status).toBe(303)
    const id = /^\/staff\/audit-samples\/([^?]+)/.exec(drawn.location!)![1]!
    const sample = await page(`/staff/audit-samples/${id}`, { as: 'giamsat' })
    expect(sample.status).toBe(200)
    expect(sample.html).toContain(`data-case="${filed.trackingCode}"`)
    const action = `/staff/audit-samples/${id}/findings/${filed.trackingCode}`

    const missing = await page(action, { as: 'giamsat', form: { finding: 'compliant', note: '' } })
    expect(missing.status).toBe(422)
    expect(missing.html).toContain(`href="#f-${filed.trackingCode}-note"`)
    const forged = await page(action, {
      as: 'giamsat',
      origin: 'https://evil.example',
      form: { finding: 'compliant', note: 'Đúng quy trình.' },
    })
    expect(forged.status).toBe(403)
    expect(await findingsOf(id)).toBe(0)

    const saved = await page(action, {
      as: 'giamsat',
      form: { finding: 'minor_issues', note: 'Thiếu phiếu chuyển.' },
    })
    expect(saved.status).toBe(303)
    expect(await findingsOf(id)).toBe(1)
    const after = await page(`/staff/audit-samples/${id}?done=1`, { as: 'giamsat' })
    expect(after.html).toContain('Có thiếu sót nhỏ')
    expect(after.html).toContain('Thiếu phiếu chuyển.')
    // Back on the report page, the sample is listed.
    const listed = await page('/staff/reports?committee=btc&period=year&year=2026', { as: 'giamsat' })
    expect(listed.html).toContain(`href="/staff/audit-samples/${id}"`)
    // Outside the reader's scope the sample does not exist; a handler records nothing.
    expect((await page(`/staff/audit-samples/${id}`, { as: 'byt.canbo' })).status).toBe(404)
    expect(
      (await page(action, { as: 'btc.canbo', form: { finding: 'compliant', note: 'x' } })).status,
    ).toBeGreaterThanOrEqual(403)
    expect(await findingsOf(id)).toBe(1)
  })

  it('refuses a sample size out of range, saying so on the report page, and draws nothing', async () => {
    const before = (await h.request('GET', '/api/v1/audit-samples?committeeId=btc', { as: 'giamsat' })).body
    const res = await page('/staff/audit-samples', {
      as: 'giamsat',
      form: { committeeId: 'btc', period: 'year', year: '2026', index: '', size: '500' },
    })
    expect(res.status).toBe(303)
    const back = await page(res.location!, { as: 'giamsat' })
    expect(back.html).toContain('Không chọn được mẫu: số đơn phải từ 1 đến 100')
    expect(back.html).toMatch(/id="f-size"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-size"/)
    const after = (await h.request('GET', '/api/v1/audit-samples?committeeId=btc', { as: 'giamsat' })).body
    expect(JSON.stringify(after)).toBe(JSON.stringify(before))
  })
})

describe('administration', () => {
  it('is for admins only', async () => {
    for (const path of [
      '/staff/admin',
      '/staff/admin/routing',
      '/staff/admin/calendar',
      '/staff/admin/users',
    ])
      expect((await page(path, { as: 'giamsat' })).status, path).toBe(403)
    const post = await page('/staff/admin/calendar', {
      as: 'btc.truong',
      form: { date: '01/12/2027', name: 'x', type: 'off', version: '0' },
    })
    expect(post.status).toBe(403)
  })

  it('adds a day off to a year and refuses a date that is not one', async () => {
    const form = await page('/staff/admin/calendar?year=2027', { as: 'admin' })
    const version = /name="version" value="(\d+)"/.exec(form.html)![1]!
    const bad = await page('/staff/admin/calendar', {
      as: 'admin',
      form: { date: '31/02/2027', name: 'Sai', type: 'off', version },
    })
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('href="#f-date"')
    const ok = await page('/staff/admin/calendar', {
      as: 'admin',
      form: { date: '03/12/2027', name: 'Nghỉ bù', type: 'off', version },
    })
    expect(ok.status).toBe(303)
    const after = await page('/staff/admin/calendar?year=2027', { as: 'admin' })
    expect(after.html).toContain('03/12/2027 – Nghỉ bù')
    // The form read before the change is stale now.
    const stale = await page('/staff/admin/calendar', {
      as: 'admin',
      form: { date: '06/12/2027', name: 'Muộn', type: 'off', version },
    })
    expect(stale.status).toBe(422)
    expect(stale.html).toContain('vừa được người khác thay đổi')
  })

  it('warns of the unrecorded Tết 2027 until an admin records its schedule from the notice', async () => {
    // Arrange: after 1 October 2026, Tết 2027 is neither shipped nor recorded.
    const board = await page('/staff/dashboard', { as: 'giamsat' })
    expect(board.html).toContain('data-testid="tet-warning"')
    const form = await page('/staff/admin/calendar?year=2027', { as: 'admin' })
    expect(form.html).toContain('data-testid="tet-warning"')
    const version = /name="version" value="(\d+)"/.exec(form.html)![1]!
    const notice = {
      year: '2027',
      occasion: 'tet',
      daysOff: '04/02/2027, 05/02/2027, 08/02/2027, 09/02/2027, 10/02/2027',
      basis: 'Thông báo số 1/TB-BNV (ví dụ)',
      version,
    }

    // Act: a date that is not one is refused with the field named; then the schedule is recorded.
    const bad = await page('/staff/admin/calendar/notice', {
      as: 'admin',
      form: { ...notice, daysOff: '31/02/2027' },
    })
    const ok = await page('/staff/admin/calendar/notice', { as: 'admin', form: notice })

    // Assert
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('href="#f-daysOff"')
    expect(ok.status).toBe(303)
    const after = await page('/staff/admin/calendar?year=2027', { as: 'admin' })
    expect(after.html).not.toContain('data-testid="tet-warning"')
    expect(after.html).toContain('Thông báo số 1/TB-BNV (ví dụ)')
    expect((await page('/staff/dashboard', { as: 'giamsat' })).html).not.toContain(
      'data-testid="tet-warning"',
    )
  })

  it('tests a routing rule and refuses a rule pointing at no committee', async () => {
    const test = await page(
      '/staff/admin/routing?testKind=complaint&testTopic=policy&testSubmitter=citizen&testOrganization=B%E1%BB%99%20Y%20t%E1%BA%BF',
      { as: 'admin' },
    )
    expect(test.html).toContain('data-testid="routing-result"')
    expect(test.html).toContain('Y tế')
    const version = /name="version" value="(\d+)"/.exec(test.html)![1]!
    const bad = await page('/staff/admin/routing', {
      as: 'admin',
      form: {
        id: 'R90-test',
        priority: '90',
        'description.vi': 'Thử',
        'description.en': 'Test',
        target: 'nowhere',
        version,
      },
    })
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('nowhere')
  })

  it('refuses a committee under itself', async () => {
    const form = await page('/staff/admin/committees', { as: 'admin' })
    const version = /name="version" value="(\d+)"/.exec(form.html)![1]!
    const res = await page('/staff/admin/committees', {
      as: 'admin',
      form: { id: 'dukhoi', name: 'Đảng ủy Khối', type: 'root', parentId: 'btc', version },
    })
    expect(res.status).toBe(422)
  })

  it('saves a user with a role in a committee', async () => {
    const res = await page('/staff/admin/users', {
      as: 'admin',
      form: {
        id: 'moi.canbo',
        displayName: 'Cán bộ mới',
        role: 'committee_handler',
        committeeId: 'btc',
        active: 'true',
      },
    })
    expect(res.status).toBe(303)
    const user = await h.server.services.users.getUser('moi.canbo')
    expect(user?.memberships).toEqual([{ role: 'committee_handler', committeeId: 'btc' }])
    const bad = await page('/staff/admin/users', {
      as: 'admin',
      form: { id: 'x.y', displayName: 'X', role: 'committee_head', active: 'true' },
    })
    expect(bad.status).toBe(422)
    expect(bad.html).toContain('href="#f-committeeId"')
  })
})

describe('signing in with Cognito (authorization code with PKCE)', () => {
  const domain = 'https://tiepdan-test-staff.auth.ap-southeast-1.amazoncognito.com'
  const exchanged: URLSearchParams[] = []

  async function cognitoPages() {
    const services = h.server.services
    return buildStaffPages({
      services,
      petitions: createPetitionService(services),
      verifier: h.server.identity.verifier,
      siteUrl: () => 'https://tiepdan.example',
      signIn: {
        kind: 'cognito',
        domain,
        clientId: 'client-123',
        redirectUri: 'https://tiepdan.example/staff/auth/callback',
        logoutUri: 'https://tiepdan.example/staff/sign-in',
        // The token endpoint: answers with an access token for the user the code stands for.
        fetch: (async (_url: string, init: { body: string }) => {
          const body = new URLSearchParams(init.body)
          exchanged.push(body)
          if (body.get('code') !== 'good-code')
            return new Response('{"error":"invalid_grant"}', { status: 400 })
          return Response.json({
            access_token: await h.server.identity.issue('btc.canbo'),
            token_type: 'Bearer',
          })
        }) as unknown as typeof fetch,
      },
    })
  }

  async function startLogin(app: Awaited<ReturnType<typeof cognitoPages>>, query = '') {
    const login = await app.request(`https://tiepdan.example/staff/auth/login${query}`)
    return {
      login,
      state: new URL(login.headers.get('location')!).searchParams.get('state')!,
      pkce: /^(__Host-staff-pkce=[^;]+)/.exec(login.headers.get('set-cookie')!)![1]!,
    }
  }

  it('sends the browser to the hosted UI with an S256 challenge and keeps the verifier for the callback', async () => {
    const { login } = await startLogin(await cognitoPages(), '?return=/staff/queue')
    expect(login.status).toBe(302)
    const to = new URL(login.headers.get('location')!)
    expect(`${to.origin}${to.pathname}`).toBe(`${domain}/oauth2/authorize`)
    expect(to.searchParams.get('code_challenge_method')).toBe('S256')
    expect(to.searchParams.get('client_id')).toBe('client-123')
    expect(to.searchParams.get('redirect_uri')).toBe('https://tiepdan.example/staff/auth/callback')
    expect(login.headers.get('set-cookie')).toMatch(/^__Host-staff-pkce=.+HttpOnly; Secure; SameSite=Lax/)
  })

  it('exchanges the code with the verifier, sets the session, and refuses a callback whose state differs', async () => {
    const app = await cognitoPages()
    const { state, pkce } = await startLogin(app, '?return=/staff/queue')

    const forged = await app.request(
      'https://tiepdan.example/staff/auth/callback?code=good-code&state=other',
      {
        headers: { cookie: pkce },
      },
    )
    expect(forged.status).toBe(303)
    expect(forged.headers.get('location')).toContain('reason=failed')

    const res = await app.request(
      `https://tiepdan.example/staff/auth/callback?code=good-code&state=${state}`,
      {
        headers: { cookie: pkce },
      },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(
      /__Host-staff-session=[\w-]+\.[\w-]+\.[\w-]+;.*HttpOnly.*Secure.*SameSite=Strict/,
    )
    expect(await res.text()).toContain('url=/staff/queue')
    const sent = exchanged.at(-1)!
    expect(sent.get('grant_type')).toBe('authorization_code')
    expect(sent.get('code_verifier')).toMatch(/^[\w-]{43}$/)
  })

  it('does not sign in when the token endpoint refuses the code', async () => {
    const app = await cognitoPages()
    const { state, pkce } = await startLogin(app)
    const res = await app.request(`https://tiepdan.example/staff/auth/callback?code=bad&state=${state}`, {
      headers: { cookie: pkce },
    })
    expect(res.headers.get('location')).toContain('reason=failed')
    expect(res.headers.get('set-cookie') ?? '').not.toContain('__Host-staff-session=ey')
  })
})
