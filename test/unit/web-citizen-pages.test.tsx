import { describe, expect, it, vi } from 'vitest'
import { formUploadLimitText, MAX_FORM_UPLOAD_BYTES } from '../../shared/domain/attachments.js'
import { citizenPages } from '../../web/citizen-pages.js'
import type {
  CitizenPageDeps,
  CitizenView,
  FieldError,
  PetitionForm,
  Receipt,
  SubmitOutcome,
  TrackOutcome,
} from '../../web/types.js'

const CODE = 'K7QM-3XRT-9'
const PIN = '482913'

function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    trackingCode: CODE,
    pin: PIN,
    kind: 'recommendation',
    status: 'received',
    receivedAt: '2026-07-01T02:15:00Z',
    committee: { id: 'office', name: 'Văn phòng Đảng ủy Khối' },
    routing: { reason: 'Không có quy tắc phù hợp: chuyển Văn phòng phân loại.' },
    deadlines: [
      {
        clock: 'acceptance',
        dueDate: '2026-07-15',
        dayType: 'working',
        basis: 'Luật Tiếp công dân 42/2013/QH13, Điều 28',
        explanation: '10 ngày làm việc kể từ ngày nhận 01/07/2026.',
        state: 'running',
      },
    ],
    anonymous: false,
    ...overrides,
  }
}

function view(overrides: Partial<CitizenView> = {}): CitizenView {
  return {
    trackingCode: CODE,
    kind: 'complaint',
    title: 'Khiếu nại về quyết định thu hồi đất',
    status: 'accepted',
    receivedAt: '2026-07-01T02:15:00Z',
    committee: { id: 'c1', name: 'Ủy ban Kiểm tra' },
    timeline: [
      { at: '2026-07-01T02:15:00Z', type: 'submitted' },
      { at: '2026-07-06T03:00:00Z', type: 'accepted', note: 'Đã thụ lý đơn.' },
    ],
    deadlines: [
      {
        clock: 'resolution',
        dueDate: '2026-08-05',
        dayType: 'calendar',
        basis: 'Luật Khiếu nại 02/2011/QH13, Điều 28',
        explanation: '30 ngày kể từ ngày thụ lý 06/07/2026.',
        state: 'running',
      },
      {
        clock: 'acceptance',
        dueDate: '2026-07-10',
        dayType: 'working',
        basis: 'Nghị định 155/2026',
        explanation: '7 ngày làm việc kể từ ngày nhận.',
        state: 'met',
      },
    ],
    canWithdraw: false,
    canSupplement: false,
    ...overrides,
  }
}

/** The key the mounting app's `clientKey` gives (in the apps: shared/http's `clientAddress`). */
const ENTRY_CLIENT = '198.51.100.23'

interface Calls {
  submitted: { form: PetitionForm; lang: string; clientKey: string }[]
  tracked: { code: string; pin: string; clientKey: string }[]
  withdrawn: { code: string; pin: string; reason: string }[]
  supplemented: { code: string; pin: string; text: string }[]
}

/** Deps that know one petition (CODE with PIN) and record what they were asked. */
function fakeDeps(
  options: {
    submit?: (form: PetitionForm) => SubmitOutcome
    view?: CitizenView
    locked?: boolean
    actions?: boolean
    onError?: CitizenPageDeps['onError']
    acceptsFiles?: boolean
  } = {},
) {
  const calls: Calls = { submitted: [], tracked: [], withdrawn: [], supplemented: [] }
  const lookup = (code: string, pin: string, after?: Partial<CitizenView>): TrackOutcome => {
    if (options.locked) return { ok: false, reason: 'locked' }
    if (code !== CODE || pin !== PIN) return { ok: false, reason: 'not_found' }
    return { ok: true, view: { ...(options.view ?? view()), ...after } }
  }
  const deps: CitizenPageDeps = {
    organizationName: { vi: 'Đảng ủy Khối Thử nghiệm', en: 'Test Party Bloc Committee' },
    topics: [
      { value: 'land', label: { vi: 'Đất đai, nhà ở', en: 'Land and housing' } },
      { value: 'policy', label: { vi: 'Chế độ, chính sách', en: 'Benefits and policies' } },
    ],
    async submit(form, lang, clientKey) {
      calls.submitted.push({ form, lang, clientKey })
      return options.submit ? options.submit(form) : { ok: true, receipt: receipt() }
    },
    async track(code, pin, _lang, clientKey) {
      calls.tracked.push({ code, pin, clientKey })
      return lookup(code, pin)
    },
    clientKey: () => ENTRY_CLIENT,
    onError: options.onError,
    ...(options.acceptsFiles ? { acceptsFiles: true } : {}),
  }
  if (options.actions) {
    deps.withdraw = async (code, pin, reason) => {
      calls.withdrawn.push({ code, pin, reason })
      return lookup(code, pin, { status: 'withdrawn', canWithdraw: false })
    }
    deps.supplement = async (code, pin, text) => {
      calls.supplemented.push({ code, pin, text })
      return lookup(code, pin)
    }
  }
  return { app: citizenPages(deps), calls }
}

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  }
}

/** The opening tag of the element with this id. */
function tagOf(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(html)
  if (!match) throw new Error(`no element with id ${id}`)
  return match[0]
}

/** Text of the error summary box, to compare two failures word for word. */
function summaryOf(html: string): string {
  const match = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)
  return match ? match[0] : ''
}

const validForm = {
  language: 'vi',
  kind: 'recommendation',
  title: 'Kiến nghị sửa đường',
  content: 'Đường liên thôn bị hư hỏng.\r\nĐề nghị sửa chữa.',
  'petitioner.fullName': 'Nguyễn Thị Hương',
  'petitioner.idNumber': '001203004567',
  'petitioner.address': 'Thôn Đông, xã Yên Thường',
  'petitioner.phone': '0912345678',
  'petitioner.email': '',
  'concerns.organization': 'UBND xã Yên Thường',
  'concerns.person': '',
  topic: 'land',
  signatories: '7',
}

describe('home page', () => {
  it('explains the four kinds, their next steps and legal time limits in Vietnamese by default', async () => {
    const res = await fakeDeps().app.request('/')
    const html = await res.text()

    expect(res.status).toBe(200)
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/)
    for (const word of ['Khiếu nại', 'Tố cáo', 'Kiến nghị', 'Phản ánh']) expect(html).toContain(word)
    expect(html).toContain(
      '7 ngày làm việc kể từ khi nhận đơn (đơn nhận từ ngày 01/07/2026); trước ngày đó là 10 ngày',
    )
    expect(html).toContain('vụ việc phức tạp ở vùng sâu, vùng xa: không quá 60 ngày')
    expect(html).toContain('gia hạn hai lần, mỗi lần không quá 30 ngày')
    expect(html).toContain('Điều 8, 9')
    expect(html).toContain('(Điều 25)')
    expect(html).toContain('Đảng ủy Khối Thử nghiệm')
  })

  it('sends a strict CSP and carries no inline style or script', async () => {
    const res = await fakeDeps().app.request('/')
    const html = await res.text()

    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; style-src 'self'")
    expect(html).not.toMatch(/\sstyle=|<script|<style/i)
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/site\.css\?v=[0-9a-f]+"/)
  })

  it('serves the stylesheet, cached for a year at its versioned address', async () => {
    const { app } = fakeDeps()
    const home = await (await app.request('/')).text()
    const href = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(home)![1]!

    const res = await app.request(href)

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/css/)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await res.text()).toContain(':focus-visible')
  })
})

describe('language switch', () => {
  it('sets a lang cookie from ?lang=en and renders English', async () => {
    const res = await fakeDeps().app.request('/?lang=en')
    const html = await res.text()

    expect(res.headers.get('set-cookie')).toMatch(/^lang=en;.*Path=\//)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Test Party Bloc Committee')
    expect(html).toContain('Submit a petition')
    expect(tagOf(html, 'lang-switch')).toContain('href="/?lang=vi"')
  })

  it('keeps the language of the cookie on the next page, and ?lang=vi switches back', async () => {
    const { app } = fakeDeps()

    const english = await (await app.request('/track', { headers: { cookie: 'lang=en' } })).text()
    const back = await app.request('/track?lang=vi', { headers: { cookie: 'lang=en' } })

    expect(english).toContain('Track a petition')
    expect(back.headers.get('set-cookie')).toMatch(/^lang=vi;/)
    expect(await back.text()).toContain('<html lang="vi">')
  })

  it('ignores a language it does not have', async () => {
    const res = await fakeDeps().app.request('/?lang=fr')

    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toContain('<html lang="vi">')
  })
})

describe('submit form', () => {
  it('has exactly the agreed field names, and preselects ?kind=', async () => {
    const html = await (await fakeDeps().app.request('/submit?kind=denunciation')).text()

    for (const name of [
      'kind',
      'title',
      'content',
      'anonymous',
      'petitioner.fullName',
      'petitioner.idNumber',
      'petitioner.address',
      'petitioner.phone',
      'petitioner.email',
      'concerns.organization',
      'concerns.person',
      'topic',
      'signatories',
      'language',
    ])
      expect(html).toContain(`name="${name}"`)
    expect(tagOf(html, 'f-kind-denunciation')).toContain('checked=""')
    expect(tagOf(html, 'f-kind-complaint')).not.toContain('checked')
    expect(tagOf(html, 'f-content')).toContain('maxlength="20000"')
    expect(html).toContain('Tối đa 20.000 ký tự')
    expect(tagOf(html, 'f-signatories')).toContain('value="1"')
    expect(html).toContain('<option value="land">Đất đai, nhà ở</option>')
  })

  it('ties every label to its input', async () => {
    const html = await (await fakeDeps().app.request('/submit')).text()
    const ids = [...html.matchAll(/<(?:input|textarea|select) [^>]*id="([^"]+)"/g)].map((m) => m[1])
    const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]))

    expect(ids.length).toBeGreaterThan(10)
    expect(ids.filter((id) => !labelled.has(id))).toEqual([])
  })

  it('parses nested field names, the anonymous box, the number of signatories and line breaks', async () => {
    const { app, calls } = fakeDeps()

    await app.request('/submit', formPost({ ...validForm, anonymous: 'true', kind: 'feedback' }))

    expect(calls.submitted).toHaveLength(1)
    expect(calls.submitted[0]!.form).toEqual({
      kind: 'feedback',
      title: 'Kiến nghị sửa đường',
      content: 'Đường liên thôn bị hư hỏng.\nĐề nghị sửa chữa.',
      anonymous: true,
      petitioner: {
        fullName: 'Nguyễn Thị Hương',
        idNumber: '001203004567',
        address: 'Thôn Đông, xã Yên Thường',
        phone: '0912345678',
      },
      concerns: { organization: 'UBND xã Yên Thường' },
      topic: 'land',
      signatories: 7,
      language: 'vi',
    })
    expect(calls.submitted[0]!.lang).toBe('vi')
  })

  it('leaves out an unticked box, empty groups and an empty number', async () => {
    const { app, calls } = fakeDeps()

    await app.request(
      '/submit',
      formPost({
        language: 'en',
        kind: 'feedback',
        title: 'T',
        content: 'C',
        'petitioner.fullName': ' ',
        signatories: '',
      }),
    )

    expect(calls.submitted[0]!.form).toEqual({
      kind: 'feedback',
      title: 'T',
      content: 'C',
      anonymous: false,
      language: 'en',
    })
    expect(calls.submitted[0]!.lang).toBe('en')
  })

  it('passes the client key its app gives, never an address a header claims', async () => {
    const { app, calls } = fakeDeps()

    await app.request(
      '/submit',
      formPost(validForm, {
        'x-forwarded-for': '203.0.113.9, 10.0.0.1',
        'cloudfront-viewer-address': '203.0.113.10:443',
      }),
    )

    expect(calls.submitted[0]!.clientKey).toBe(ENTRY_CLIENT)
  })

  it('re-renders with 422, the values sent, and each bad field marked and linked from the summary', async () => {
    const errors: FieldError[] = [
      { field: 'petitioner.phone', message: 'Số điện thoại: phải là số điện thoại Việt Nam' },
      { field: 'kind', message: 'Loại đơn: chọn một loại' },
      {
        field: 'petitioner',
        message: 'Người gửi đơn: bắt buộc, trừ đơn tố cáo hoặc phản ánh không ghi danh',
      },
      { field: 'knownOn', message: 'Ngày biết: chỉ dùng cho đơn khiếu nại' },
    ]
    const { app } = fakeDeps({ submit: () => ({ ok: false, errors }) })

    const res = await app.request('/submit', formPost({ ...validForm, 'petitioner.phone': '12ab' }))
    const html = await res.text()

    expect(res.status).toBe(422)
    expect(res.headers.get('location')).toBeNull()
    expect(tagOf(html, 'f-title')).toContain('value="Kiến nghị sửa đường"')
    expect(html).toContain('>Đường liên thôn bị hư hỏng.\nĐề nghị sửa chữa.</textarea>')
    expect(tagOf(html, 'f-kind-recommendation')).toContain('checked=""')
    expect(html).toContain('<option value="land" selected="">')
    expect(tagOf(html, 'f-signatories')).toContain('value="7"')
    const phone = tagOf(html, 'f-petitioner-phone')
    expect(phone).toContain('value="12ab"')
    expect(phone).toContain('aria-invalid="true"')
    expect(phone).toContain('aria-describedby="f-petitioner-phone-error"')
    expect(html).toMatch(/id="f-petitioner-phone-error">.*Số điện thoại: phải là số điện thoại Việt Nam/)
    expect(tagOf(html, 'f-title')).not.toContain('aria-invalid')
    const summary = summaryOf(html)
    expect(summary).toContain('<a href="#f-petitioner-phone">Số điện thoại')
    expect(summary).toContain('<a href="#f-kind-complaint">Loại đơn')
    expect(summary).toContain('<a href="#f-petitioner-fullName">Người gửi đơn')
    expect(summary).toContain('<li>Ngày biết: chỉ dùng cho đơn khiếu nại</li>')
  })

  it('answers a stored petition with the receipt itself: 201, no redirect, the PIN in no address', async () => {
    const { app } = fakeDeps()

    const res = await app.request('/submit', formPost(validForm))
    const html = await res.text()

    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBeNull()
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(html).toContain(`id="tracking-code" data-testid="tracking-code">${CODE}<`)
    expect(html).toContain(`id="pin" data-testid="pin">${PIN}<`)
    expect(html).toContain('chỉ hiển thị một lần')
    const addresses = [...html.matchAll(/(?:href|action|src)="([^"]*)"/g)].map((m) => m[1])
    expect(addresses).toContain(`/track?code=${encodeURIComponent(CODE)}`)
    expect(addresses.filter((a) => a?.includes(PIN))).toEqual([])
    // A language switch would reload the page without the PIN: the receipt has none.
    expect(html).not.toContain('id="lang-switch"')
  })

  it('shows committee, routing reason and deadlines with dates written dd/mm/yyyy on the receipt', async () => {
    const html = await (await fakeDeps().app.request('/submit', formPost(validForm))).text()

    expect(html).toContain('Văn phòng Đảng ủy Khối')
    expect(html).toContain('Không có quy tắc phù hợp: chuyển Văn phòng phân loại.')
    expect(html).toContain('Thụ lý / quyết định ban đầu')
    expect(html).toContain('<time datetime="2026-07-15">15/07/2026</time>')
    expect(html).toContain('ngày làm việc')
    expect(html).toContain('Luật Tiếp công dân 42/2013/QH13, Điều 28')
    expect(html).toContain('01/07/2026 09:15')
  })

  it('tells an anonymous sender that no message will come', async () => {
    const { app } = fakeDeps({ submit: () => ({ ok: true, receipt: receipt({ anonymous: true }) }) })

    const html = await (await app.request('/submit', formPost({ ...validForm, anonymous: 'true' }))).text()

    expect(html).toContain('id="anonymous-notice"')
    expect(html).toContain('không nhận được thông báo nào')
  })

  it('shows user text as text, never as markup', async () => {
    const { app } = fakeDeps({ submit: () => ({ ok: false, errors: [{ field: 'content', message: 'x' }] }) })

    const html = await (
      await app.request('/submit', formPost({ ...validForm, title: '<script>alert(1)</script>"' }))
    ).text()

    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"')
  })

  it('refuses a body larger than the form can be with a 413 page', async () => {
    const { app, calls } = fakeDeps()

    const res = await app.request('/submit', formPost({ ...validForm, content: 'x'.repeat(300 * 1024) }))

    expect(res.status).toBe(413)
    expect(await res.text()).toContain('Nội dung gửi quá lớn')
    expect(calls.submitted).toEqual([])
  })
})

describe('tracking', () => {
  it('prefills the code from ?code= and never asks for the PIN in the address', async () => {
    const html = await (await fakeDeps().app.request(`/track?code=${CODE}`)).text()

    expect(tagOf(html, 'f-code')).toContain(`value="${CODE}"`)
    expect(tagOf(html, 'track-form')).toContain('method="post"')
    expect(tagOf(html, 'track-form')).toContain('action="/track"')
  })

  it('shows status, deadlines, history and committee for the right code and PIN from the body', async () => {
    const { app, calls } = fakeDeps()

    const res = await app.request('/track', formPost({ code: CODE, pin: PIN }))
    const html = await res.text()

    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(calls.tracked).toEqual([{ code: CODE, pin: PIN, clientKey: ENTRY_CLIENT }])
    expect(html).toContain('<strong>Đã thụ lý</strong>')
    expect(html).toContain('Ủy ban Kiểm tra')
    expect(html).toContain('Giải quyết')
    expect(html).toContain('<time datetime="2026-08-05">05/08/2026</time>')
    expect(html).toContain('30 ngày kể từ ngày thụ lý 06/07/2026.')
    expect(html).toContain('Luật Khiếu nại 02/2011/QH13, Điều 28')
    expect(html).toMatch(/class="badge state-running"[^>]*>Đang chạy</)
    expect(html).toMatch(/class="badge state-met"[^>]*>Đúng hạn</)
    expect(html).toContain('Đã gửi đơn')
    expect(html).toContain('Đã thụ lý đơn.')
    expect(html).toContain('Chưa có câu trả lời.')
  })

  it('uses English labels after the switch, and the raw code for a clock it does not know', async () => {
    const custom = view({
      deadlines: [{ ...view().deadlines[0]!, clock: 'brand_new_clock', state: 'missed' }],
      answer: { text: 'Line one\nLine two', outcome: 'partly_upheld', at: '2026-08-01T01:00:00Z' },
      status: 'resolved',
    })
    const { app } = fakeDeps({ view: custom })

    const html = await (
      await app.request('/track', formPost({ code: CODE, pin: PIN }, { cookie: 'lang=en' }))
    ).text()

    expect(html).toContain('<strong>Resolved</strong>')
    expect(html).toContain('brand_new_clock')
    expect(html).toMatch(/>Overdue</)
    expect(html).toContain('Complaint partly upheld')
    expect(html).toContain('(Counted in days)')
    expect(tagOf(html, 'lang-switch')).toContain(`href="/track?code=${encodeURIComponent(CODE)}&amp;lang=vi"`)
  })

  it('says the same thing, with 404, for an unknown code and for a wrong PIN', async () => {
    const { app } = fakeDeps()

    const unknown = await app.request('/track', formPost({ code: 'ZZZZ-ZZZZ-Z', pin: PIN }))
    const wrongPin = await app.request('/track', formPost({ code: CODE, pin: '000000' }))
    const unknownHtml = await unknown.text()
    const wrongPinHtml = await wrongPin.text()

    expect(unknown.status).toBe(404)
    expect(wrongPin.status).toBe(404)
    expect(summaryOf(unknownHtml)).toContain('Không tìm thấy đơn, hoặc mã PIN không đúng.')
    expect(summaryOf(unknownHtml)).toBe(summaryOf(wrongPinHtml))
    expect(unknownHtml.replaceAll('ZZZZ-ZZZZ-Z', CODE)).toBe(wrongPinHtml)
    expect(wrongPinHtml).not.toContain('000000')
  })

  it('says to try later, with 429, when the deps lock the lookups', async () => {
    const { app } = fakeDeps({ locked: true })

    const res = await app.request('/track', formPost({ code: CODE, pin: PIN }))

    expect(res.status).toBe(429)
    expect(summaryOf(await res.text())).toContain('Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.')
  })

  it('asks for a missing code or PIN without looking anything up', async () => {
    const { app, calls } = fakeDeps()

    const res = await app.request('/track', formPost({ code: CODE, pin: '' }))
    const html = await res.text()

    expect(res.status).toBe(422)
    expect(calls.tracked).toEqual([])
    expect(tagOf(html, 'f-pin')).toContain('aria-invalid="true"')
    expect(summaryOf(html)).toContain('<a href="#f-pin">Nhập mã PIN.</a>')
  })

  it('shows a petition title with markup in it as text', async () => {
    const { app } = fakeDeps({ view: view({ title: '<script>alert("x")</script><b>đậm</b>' }) })

    const html = await (await app.request('/track', formPost({ code: CODE, pin: PIN }))).text()

    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<b>đậm</b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;')
  })
})

describe('withdraw and supplement', () => {
  const allowed = view({ canWithdraw: true, canSupplement: true })

  it('offers the forms only when the view allows them and the deps can do them', async () => {
    const withDeps = await (
      await fakeDeps({ view: allowed, actions: true }).app.request(
        '/track',
        formPost({ code: CODE, pin: PIN }),
      )
    ).text()
    const withoutDeps = await (
      await fakeDeps({ view: allowed }).app.request('/track', formPost({ code: CODE, pin: PIN }))
    ).text()
    const notAllowed = await (
      await fakeDeps({ actions: true }).app.request('/track', formPost({ code: CODE, pin: PIN }))
    ).text()

    expect(tagOf(withDeps, 'withdraw-form')).toContain('action="/track/withdraw"')
    expect(tagOf(withDeps, 'supplement-form')).toContain('action="/track/supplement"')
    expect(withDeps).toContain(`<input type="hidden" name="pin" value="${PIN}"/>`)
    expect(withoutDeps).not.toContain('withdraw-form')
    expect(notAllowed).not.toContain('withdraw-form')
    expect(notAllowed).not.toContain('supplement-form')
  })

  it('withdraws with code and PIN from the body and shows the page again', async () => {
    const { app, calls } = fakeDeps({ view: allowed, actions: true })

    const res = await app.request(
      '/track/withdraw',
      formPost({
        code: CODE,
        pin: PIN,
        'withdraw.reason': 'Đã được giải quyết ở cơ sở',
        'withdraw.confirm': 'true',
      }),
    )
    const html = await res.text()

    expect(res.status).toBe(200)
    expect(calls.withdrawn).toEqual([{ code: CODE, pin: PIN, reason: 'Đã được giải quyết ở cơ sở' }])
    expect(html).toContain('Đơn đã được rút.')
    expect(html).toContain('<strong>Đã rút đơn</strong>')
  })

  it('does not withdraw without the confirmation box, and says why', async () => {
    const { app, calls } = fakeDeps({ view: allowed, actions: true })

    const res = await app.request(
      '/track/withdraw',
      formPost({ code: CODE, pin: PIN, 'withdraw.reason': 'Lý do' }),
    )
    const html = await res.text()

    expect(res.status).toBe(422)
    expect(calls.withdrawn).toEqual([])
    expect(tagOf(html, 'f-withdraw-confirm')).toContain('aria-invalid="true"')
    expect(summaryOf(html)).toContain('<a href="#f-withdraw-confirm">')
    expect(html).toContain('>Lý do</textarea>')
  })

  it('adds a supplement and shows the page again', async () => {
    const { app, calls } = fakeDeps({ view: allowed, actions: true })

    const res = await app.request(
      '/track/supplement',
      formPost({ code: CODE, pin: PIN, 'supplement.text': 'Bổ sung:\r\nbiên bản họp thôn' }),
    )

    expect(res.status).toBe(200)
    expect(calls.supplemented).toEqual([{ code: CODE, pin: PIN, text: 'Bổ sung:\nbiên bản họp thôn' }])
    expect(await res.text()).toContain('Đã nhận nội dung bổ sung.')
  })

  it('gives the same not-found answer to an action with a wrong PIN', async () => {
    const { app, calls } = fakeDeps({ view: allowed, actions: true })

    const res = await app.request(
      '/track/supplement',
      formPost({ code: CODE, pin: '1', 'supplement.text': 'x' }),
    )

    expect(res.status).toBe(404)
    expect(summaryOf(await res.text())).toContain('Không tìm thấy đơn, hoặc mã PIN không đúng.')
    expect(calls.supplemented).toHaveLength(1)
  })

  it('has no action routes when the deps cannot do them', async () => {
    const res = await fakeDeps({ view: allowed }).app.request(
      '/track/withdraw',
      formPost({ code: CODE, pin: PIN, 'withdraw.confirm': 'true', 'withdraw.reason': 'x' }),
    )

    expect(res.status).toBe(404)
  })
})

describe('errors', () => {
  it('renders a not-found page for an unknown address', async () => {
    const res = await fakeDeps().app.request('/khong-co?lang=en')

    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Page not found')
  })

  it('hides an unexpected failure behind a generic 500 page and reports it to onError', async () => {
    const onError = vi.fn()
    const { app } = fakeDeps({
      onError,
      submit: () => {
        throw new Error('DynamoDB table tiep-dan exploded at 10.0.3.4')
      },
    })

    const res = await app.request('/submit', formPost(validForm))
    const html = await res.text()

    expect(res.status).toBe(500)
    expect(html).toContain('Đã có lỗi xảy ra')
    expect(html).not.toContain('exploded')
    expect(onError).toHaveBeenCalledOnce()
  })
})

describe('documents posted with the form (no JavaScript)', () => {
  it('states the real limit on the form and refuses a larger post at once, naming it', async () => {
    const { app: withFiles, calls } = fakeDeps({ acceptsFiles: true })
    const form = await (await withFiles.request('/submit?lang=en')).text()
    expect(form).toContain(`all files together may be at most ${formUploadLimitText('en')}`)
    expect(formUploadLimitText('vi')).toBe('4,4 MB')

    const body = new FormData()
    for (const [k, v] of Object.entries(validForm)) body.set(k, v)
    body.set(
      'attachments',
      new File([new Uint8Array(MAX_FORM_UPLOAD_BYTES)], 'scan.pdf', { type: 'application/pdf' }),
    )
    const res = await withFiles.request('/submit?lang=en', {
      method: 'POST',
      body,
      headers: { origin: 'http://localhost' },
    })

    expect(res.status).toBe(413)
    expect(await res.text()).toContain('larger than 4.4 MB')
    expect(calls.submitted).toEqual([])
  })
})
