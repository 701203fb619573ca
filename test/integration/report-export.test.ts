/** The report exports over HTTP: the XLSX and CSV hold the API's figures; same sign-in rules. */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XLD_COLUMNS } from '../../functions/report-export/layout.js'
import {
  XLD_FIRST_DATA_ROW,
  XLD_FIRST_FIGURE_COLUMN,
  XLD_SHEET,
} from '../../functions/report-export/workbook.js'
import { type Harness, petition, startHarness } from './harness.js'

let h: Harness
const QUERY = 'committeeId=dukhoi&from=2026-10-01&to=2026-11-26'

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-26T03:00:00Z' })
  for (const [kind, organization] of [
    ['complaint', 'Bộ Xây dựng'],
    ['recommendation', 'Bộ Tài chính'],
    ['feedback', 'Bộ Tài chính'],
  ] as const) {
    const res = await h.request('POST', '/api/v1/petitions', {
      body: petition({ kind, concerns: { organization } }),
    })
    expect(res.status).toBe(201)
  }
})
afterAll(async () => h.close())

async function download(query: string, as?: string) {
  const headers: Record<string, string> = as ? { authorization: `Bearer ${await h.tokenFor(as)}` } : {}
  return fetch(`${h.server.url}/api/v1/reports/export?${query}`, { headers })
}

const at = (figures: Record<string, unknown>, path: string) => {
  let v: unknown = figures
  for (const key of path.split('.')) v = v == null ? undefined : (v as Record<string, unknown>)[key]
  return v === undefined ? 0 : v
}

describe('report exports', () => {
  it('give a Biểu 01/XLD workbook whose figures are the API report’s, cell by cell', async () => {
    const report = (await h.request('GET', `/api/v1/reports?${QUERY}`, { as: 'giamsat' })).body
    const res = await download(`${QUERY}&format=xlsx`, 'giamsat')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('content-disposition')).toContain('bao-cao-dukhoi-2026-10-01-2026-11-26.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.getWorksheet(XLD_SHEET)!
    const parts = [report.own, ...report.children.map((c: { figures: unknown }) => c.figures), report.total]
    expect(report.total.caseload.total).toBeGreaterThan(0)
    parts.forEach((figures: Record<string, unknown>, i: number) => {
      XLD_COLUMNS.forEach((col, j) => {
        expect(ws.getCell(XLD_FIRST_DATA_ROW + i, XLD_FIRST_FIGURE_COLUMN + j).value, col.path).toBe(
          at(figures, col.path),
        )
      })
    })
  })

  it('give a CSV with a byte-order mark and the same totals', async () => {
    const report = (await h.request('GET', `/api/v1/reports?${QUERY}`, { as: 'giamsat' })).body
    const res = await download(`${QUERY}&format=csv`, 'dukhoi.truong')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = text.slice(1).trim().split('\r\n')
    const total = lines.at(-1)!.split(',')
    expect(total[1]).toBe('Tổng cộng')
    XLD_COLUMNS.forEach((col, j) => {
      expect(total[4 + j], col.path).toBe(String(at(report.total, col.path)))
    })
  })

  it('follow the report’s rules: signed in, and supervisors or the heads over the committee', async () => {
    expect((await download(`${QUERY}&format=csv`)).status).toBe(401)
    const handler = await download(`${QUERY}&format=csv`, 'btc.canbo')
    expect(handler.status).toBe(403)
    expect(handler.headers.get('content-type')).toContain('application/problem+json')
    expect((await download('committeeId=dukhoi&format=pdf', 'giamsat')).status).toBe(422)
    expect((await download('committeeId=nowhere&from=2026-10-01&to=2026-11-26', 'giamsat')).status).toBe(422)
  })
})
