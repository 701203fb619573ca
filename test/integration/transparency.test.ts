import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actOk } from './authz-helpers.js'
import { type Harness, petition, startHarness } from './harness.js'

let h: Harness
const SECRET_TITLE = 'TIEU-DE-MINH-BACH'
const SECRET_NAME = 'Lê Văn Tố Cáo'

async function file(overrides: Record<string, unknown>) {
  const res = await h.request('POST', '/api/v1/petitions', {
    body: petition({
      title: SECRET_TITLE,
      petitioner: { fullName: SECRET_NAME, phone: '0987654321' },
      ...overrides,
    }),
  })
  expect(res.status).toBe(201)
  return res.body.trackingCode as string
}

const act = (code: string, as: string, body: Record<string, unknown>) => actOk(h, code, as, body)

type Row = { committeeId: string; received: number | null; resolved: number | null } & Record<string, unknown>
type Quarter = { year: number; quarter: number; toDate: boolean; committees: Row[]; total: Row }

beforeAll(async () => {
  h = await startHarness({ now: '2026-08-10T03:00:00Z' })
  // Q3 2026: one recommendation at bxd, never answered.
  await file({})
  // Q4 2026: six at bxd received Monday 5/10; five of them accepted and resolved Friday 9/10
  // (4 days, within the 10 working days); two at byt; one denunciation at ubkt.
  h.clock.now = new Date('2026-10-05T03:00:00Z')
  const bxd = [] as string[]
  for (let i = 0; i < 6; i++) bxd.push(await file({}))
  await file({ concerns: { organization: 'Bộ Y tế' } })
  await file({ concerns: { organization: 'Bộ Y tế' } })
  await file({
    kind: 'denunciation',
    topic: 'party_discipline',
    concerns: undefined,
    submitterType: undefined,
  })
  h.clock.now = new Date('2026-10-09T03:00:00Z')
  for (const code of bxd.slice(0, 5)) {
    await act(code, 'bxd.canbo', { action: 'accept' })
    await act(code, 'bxd.canbo', { action: 'resolve', answer: 'Đã trả lời.', outcome: 'answered' })
  }
  h.clock.now = new Date('2026-11-26T03:00:00Z')
})
afterAll(async () => h.close())

const figures = async () => {
  const res = await h.request('GET', '/api/v1/open-data/committee-figures.json')
  expect(res.status).toBe(200)
  return res.body as { quarters: Quarter[]; fields: Record<string, unknown>; licence: { name: string } }
}

describe('the open-data figures', () => {
  it('give the last four quarters, the current one to date, with field documentation and a licence', async () => {
    const doc = await figures()

    expect(doc.quarters.map((q) => `${q.year}-Q${q.quarter}${q.toDate ? ' to date' : ''}`)).toEqual([
      '2026-Q4 to date',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
    ])
    for (const field of ['received', 'resolved', 'onTimePercent', 'medianDaysToResolution', 'suppressed'])
      expect(doc.fields[field]).toMatchObject({ vi: expect.any(String), en: expect.any(String) })
    expect(doc.licence.name).toBe('CC BY 4.0')
  })

  it('match the hand-worked figures, with every count under 5 suppressed', async () => {
    const [q4, q3] = (await figures()).quarters as [Quarter, Quarter]
    const of = (q: Quarter, id: string) => q.committees.find((c) => c.committeeId === id)!

    // bxd in Q4: 6 received, 5 resolved, all on time, 4 days each (Mon 5/10 → Fri 9/10).
    expect(of(q4, 'bxd')).toMatchObject({
      received: 6,
      resolved: 5,
      onTimePercent: 100,
      medianDaysToResolution: 4,
      suppressed: [],
    })
    // byt: 2 received, nothing resolved; the inspection commission: 1 denunciation.
    for (const id of ['byt', 'ubkt'])
      expect(of(q4, id)).toMatchObject({
        received: null,
        resolved: null,
        onTimePercent: null,
        medianDaysToResolution: null,
      })
    // The organisation: 6 + 2 + 1 = 9 received, 5 resolved.
    expect(q4.total).toMatchObject({
      received: 9,
      resolved: 5,
      onTimePercent: 100,
      medianDaysToResolution: 4,
    })
    // Q3: the one unanswered petition at bxd; the total of 1 is hidden too.
    expect(of(q3, 'bxd').received).toBeNull()
    expect(q3.total.received).toBeNull()
  })

  it('are served as CSV too, with the same suppression', async () => {
    const res = await fetch(`${h.server.url}/api/v1/open-data/committee-figures.csv`)
    const text = await res.text()
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')

    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(lines[0]).toBe(
      'year,quarter,from,to,to_date,committee_id,committee_name,received,resolved,on_time_percent,median_days_to_resolution,suppressed',
    )
    expect(lines.find((l) => l.includes(',bxd,') && l.startsWith('2026,4,'))).toMatch(/,6,5,100,4,$/)
    expect(lines.find((l) => l.includes(',byt,') && l.startsWith('2026,4,'))).toMatch(
      /,,,,,received:under_threshold/,
    )
  })
})

describe('the transparency page', () => {
  it('shows each quarter as a table with "<5" for suppressed cells, the rule, and English on request', async () => {
    const vi = await fetch(`${h.server.url}/minh-bach`)
    const en = await fetch(`${h.server.url}/minh-bach?lang=en`)
    const viHtml = await vi.text()
    const enHtml = await en.text()

    expect(vi.status).toBe(200)
    expect(viHtml).toContain('<html lang="vi"')
    expect(viHtml).toContain('Quý 4/2026 (đến nay)')
    expect(viHtml).toMatch(
      /<tr data-committee="bxd"><th scope="row">[^<]+<\/th><td data-field="received">6<\/td>/,
    )
    expect(viHtml).toMatch(/<tr data-committee="byt">.*?&lt;5<\/abbr>/s)
    expect(viHtml).toContain('id="suppression-rule"')
    expect(enHtml).toContain('<html lang="en"')
    expect(enHtml).toContain('Quarter 4 of 2026 (to date)')
  })

  it('is linked from the home page', async () => {
    const home = await (await fetch(`${h.server.url}/`)).text()

    expect(home).toContain('href="/minh-bach"')
  })

  it('never shows a title, a petitioner or a tracking code', async () => {
    const outputs = [
      await (await fetch(`${h.server.url}/minh-bach`)).text(),
      JSON.stringify(await figures()),
      await (await fetch(`${h.server.url}/api/v1/open-data/committee-figures.csv`)).text(),
    ]
    for (const out of outputs) {
      expect(out).not.toContain(SECRET_TITLE)
      expect(out).not.toContain(SECRET_NAME)
      expect(out).not.toContain('0987654321')
      expect(out).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)
    }
  })
})
