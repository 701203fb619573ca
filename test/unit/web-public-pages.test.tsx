import { describe, expect, it } from 'vitest'
import { suppressTable } from '../../shared/domain/transparency.js'
import type { CommitteeFiguresDocument } from '../../shared/service/transparency.js'
import { citizenPages } from '../../web/citizen-pages.js'
import { toCsv, transparencyPages } from '../../web/transparency-pages.js'
import type { CitizenPageDeps, CitizenView, TrackOutcome } from '../../web/types.js'

const CODE = 'K7QM-3XRT-9'
const PIN = '482913'

function view(overrides: Partial<CitizenView> = {}): CitizenView {
  return {
    trackingCode: CODE,
    kind: 'recommendation',
    title: 'Kiến nghị sửa đường',
    status: 'resolved',
    receivedAt: '2026-07-01T02:15:00Z',
    committee: { id: 'c1', name: 'Văn phòng' },
    timeline: [{ at: '2026-07-01T02:15:00Z', type: 'submitted' }],
    deadlines: [],
    answer: { text: 'Đã sửa đường.', outcome: 'adopted', at: '2026-07-10T02:00:00Z' },
    canWithdraw: false,
    canSupplement: false,
    canRate: true,
    ...overrides,
  }
}

function ratingDeps(v: CitizenView = view()) {
  const rated: { code: string; pin: string; rating: { score: number; comment?: string } }[] = []
  const lookup = (code: string, pin: string, after: Partial<CitizenView> = {}): TrackOutcome =>
    code === CODE && pin === PIN ? { ok: true, view: { ...v, ...after } } : { ok: false, reason: 'not_found' }
  const deps: CitizenPageDeps = {
    organizationName: { vi: 'Đảng ủy Khối Thử nghiệm', en: 'Test Party Bloc Committee' },
    topics: [],
    submit: async () => ({ ok: false, errors: [] }),
    track: async (code, pin) => lookup(code, pin),
    clientKey: () => '198.51.100.23',
    rate: async (code, pin, rating) => {
      rated.push({ code, pin, rating })
      return lookup(code, pin, {
        canRate: false,
        rating: { ...rating, at: '2026-07-12T03:00:00Z' },
        timeline: [...v.timeline, { at: '2026-07-12T03:00:00Z', type: 'rated' }],
      })
    },
  }
  return { app: citizenPages(deps), rated }
}

function formPost(fields: Record<string, string>) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  }
}

describe('rating the answer on the tracking page', () => {
  it('offers an accessible 1–5 radio group with words and a comment box limited to 1000 characters', async () => {
    const html = await (await ratingDeps().app.request('/track', formPost({ code: CODE, pin: PIN }))).text()

    expect(html).toContain('<form method="post" action="/track/rate" id="rate-form"')
    expect(html).toMatch(/<fieldset[^>]*>\s*<legend>Mức độ hài lòng/)
    for (const score of [1, 2, 3, 4, 5]) {
      expect(html).toContain(`id="f-rate-score-${score}" name="rate.score" value="${score}"`)
      expect(html).toMatch(new RegExp(`<label for="f-rate-score-${score}">${score} – [^<]+</label>`))
    }
    expect(html).toContain('1 – Rất không hài lòng')
    expect(html).toContain('5 – Rất hài lòng')
    expect(html).toMatch(/<textarea[^>]*name="rate.comment"[^>]*maxlength="1000"/)
  })

  it('does not offer the form before the answer, nor once rated; it shows the rating given', async () => {
    const before = await (
      await ratingDeps(view({ canRate: false, answer: undefined, status: 'accepted' })).app.request(
        '/track',
        formPost({ code: CODE, pin: PIN }),
      )
    ).text()
    const after = await (
      await ratingDeps(
        view({ canRate: false, rating: { score: 4, comment: 'Rõ ràng', at: '2026-07-12T03:00:00Z' } }),
      ).app.request('/track', formPost({ code: CODE, pin: PIN }))
    ).text()

    expect(before).not.toContain('rate-form')
    expect(after).not.toContain('rate-form')
    expect(after).toContain('Bạn đã đánh giá 4/5 (Hài lòng) vào')
    expect(after).toContain('Rõ ràng')
  })

  it('sends the score and comment with the code and PIN from the body, and thanks the petitioner', async () => {
    const { app, rated } = ratingDeps()

    const res = await app.request(
      '/track/rate',
      formPost({ code: CODE, pin: PIN, 'rate.score': '5', 'rate.comment': 'Cảm ơn\r\nrất nhiều' }),
    )
    const html = await res.text()

    expect(res.status).toBe(200)
    expect(rated).toEqual([{ code: CODE, pin: PIN, rating: { score: 5, comment: 'Cảm ơn\nrất nhiều' } }])
    expect(html).toContain('Cảm ơn bạn đã đánh giá câu trả lời.')
    expect(html).toContain('Đã đánh giá câu trả lời')
  })

  it.each([
    [{}, 'rate.score', 'f-rate-score-1', 'Chọn một mức từ 1 đến 5.'],
    [{ 'rate.score': '0' }, 'rate.score', 'f-rate-score-1', 'Chọn một mức từ 1 đến 5.'],
    [{ 'rate.score': '6' }, 'rate.score', 'f-rate-score-1', 'Chọn một mức từ 1 đến 5.'],
    [{ 'rate.score': 'x' }, 'rate.score', 'f-rate-score-1', 'Chọn một mức từ 1 đến 5.'],
    [
      { 'rate.score': '3', 'rate.comment': 'a'.repeat(1001) },
      'rate.comment',
      'f-rate-comment',
      'dài quá 1000',
    ],
  ])(
    'refuses %j with 422, marks %s and links to it, and sends nothing',
    async (fields, _field, anchor, words) => {
      const { app, rated } = ratingDeps()

      const res = await app.request('/track/rate', formPost({ code: CODE, pin: PIN, ...fields }))
      const html = await res.text()

      expect(res.status).toBe(422)
      expect(rated).toEqual([])
      expect(html).toContain(`href="#${anchor}"`)
      expect(html).toContain(words)
    },
  )
})

const rows = [
  { received: 12, resolved: 10, onTime: 10, late: 0, medianDays: 6 },
  { received: 3, resolved: 0, onTime: 0, late: 0, medianDays: null },
  { received: 9, resolved: 6, onTime: 6, late: 0, medianDays: 9 },
]
const table = suppressTable(rows, { received: 24, resolved: 16, onTime: 16, late: 0, medianDays: 7 })
const doc: CommitteeFiguresDocument = {
  title: { vi: 'Số liệu', en: 'Figures' },
  publisher: { vi: 'Đảng ủy Khối', en: 'Bloc' },
  generatedAt: '2026-11-26T03:00:00.000Z',
  asOf: '2026-11-26',
  licence: {
    name: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    note: { vi: 'Tự do', en: 'Free' },
  },
  suppression: { threshold: 5, rule: { vi: 'Quy tắc ẩn', en: 'Hiding rule' } },
  fields: {},
  quarters: [
    {
      year: 2026,
      quarter: 4,
      from: '2026-10-01',
      to: '2026-12-31',
      toDate: true,
      committees: ['a', 'b', 'c'].map((id, i) => ({
        committeeId: id,
        name: `Đơn vị ${id}`,
        nameEn: `Committee ${id}`,
        ...table.rows[i]!,
      })),
      total: table.total,
    },
  ],
}
const transparency = () =>
  transparencyPages({ organizationName: { vi: 'Đảng ủy Khối', en: 'Bloc' }, figures: async () => doc })

describe('the transparency page', () => {
  it('draws each quarter as a captioned table with row and column headers and the total in its footer', async () => {
    const html = await (await transparency().request('/minh-bach')).text()

    expect(html).toContain('<caption>Quý 4/2026, từ 01/10/2026 đến 26/11/2026</caption>')
    expect(html).toContain('<th scope="col">Đơn vị</th>')
    expect(html).toMatch(
      /<tr data-committee="a"><th scope="row">Đơn vị a<\/th><td data-field="received">12<\/td>/,
    )
    expect(html).toMatch(
      /<tfoot><tr data-committee="total"><th scope="row">Toàn tổ chức<\/th><td data-field="received">24<\/td>/,
    )
    expect(html).toContain('Quy tắc ẩn')
    expect(html).toContain('href="/api/v1/open-data/committee-figures.json"')
  })

  it('shows "<5" for the small cell and for its complementary one, never the numbers', async () => {
    const html = await (await transparency().request('/minh-bach')).text()
    const rowOf = (id: string) => new RegExp(`<tr data-committee="${id}">.*?</tr>`, 's').exec(html)![0]

    expect(rowOf('b')).toContain('&lt;5</abbr>')
    expect(rowOf('b')).not.toContain('>3<')
    // c's 9 received is hidden so that b's 3 cannot be found as 24 − 12 − 9.
    expect(rowOf('c')).toMatch(/data-field="received"><abbr[^>]*>&lt;5<\/abbr>/)
    expect(rowOf('c')).not.toContain('>9<')
  })

  it('speaks English on request and sends a strict CSP', async () => {
    const res = await transparency().request('/minh-bach?lang=en')
    const html = await res.text()

    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Quarter 4 of 2026 (to date)')
    expect(html).toContain('Committee a')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('serves the JSON and a CSV with suppressed cells empty and formula characters neutralised', async () => {
    const json = (await (
      await transparency().request('/api/v1/open-data/committee-figures.json')
    ).json()) as CommitteeFiguresDocument
    const csv = toCsv({
      ...doc,
      quarters: [
        {
          ...doc.quarters[0]!,
          committees: [{ ...doc.quarters[0]!.committees[0]!, name: '=HYPERLINK("x")' }],
        },
      ],
    })

    expect(json.quarters[0]!.committees[1]).toMatchObject({ committeeId: 'b', received: null })
    expect(csv.split('\r\n')[1]).toBe(`2026,4,2026-10-01,2026-12-31,true,a,"'=HYPERLINK(""x"")",12,10,100,6,`)
  })
})
