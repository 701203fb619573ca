/**
 * The exported report (Biểu 01/XLD workbook and CSV) read back cell by cell against the report the
 * API returns, on the 56 hand-built cases of fixtures/report-cases.ts.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { csvColumns, reportCsv } from '../../functions/report-export/csv.js'
import { summaryLines, XLD_COLUMNS } from '../../functions/report-export/layout.js'
import {
  buildWorkbook,
  SUMMARY_SHEET,
  XLD_FIRST_DATA_ROW,
  XLD_FIRST_FIGURE_COLUMN,
  XLD_SHEET,
} from '../../functions/report-export/workbook.js'
import { COMMITTEES } from '../../local/demo-data.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import { deadlinesOf } from '../../shared/domain/case.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/domain/deadline-rules.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { buildReport, caseMetrics, type ReportFigures } from '../../shared/domain/reports.js'
import { csvLine } from '../../shared/http/csv.js'
import { REPORT_CASES, TODAY } from './fixtures/report-cases.js'

const ctx: DeadlineContext = { calendar: new WorkingCalendar(), settings: DEFAULT_DEADLINE_SETTINGS }
const ROWS = REPORT_CASES.map((c) => caseMetrics(c, deadlinesOf(c, ctx, TODAY), TODAY))
const REPORT = buildReport(ROWS, {
  committeeId: 'dukhoi',
  from: '2026-07-01',
  to: '2026-09-30',
  today: TODAY,
  committees: COMMITTEES,
})
/** The report as the API sends it (JSON), so the comparison is with what clients read. */
const API = JSON.parse(JSON.stringify(REPORT)) as typeof REPORT
const PARTS: ReportFigures[] = [API.own, ...API.children.map((c) => c.figures), API.total]

/** Independent of the exporter's own reader: walks the JSON. */
function at(figures: ReportFigures, path: string): number | null {
  let v: unknown = figures
  for (const key of path.split('.')) v = v == null ? undefined : (v as Record<string, unknown>)[key]
  return v === undefined ? 0 : (v as number | null)
}

async function readBack() {
  const bytes = await buildWorkbook(REPORT, {
    committees: COMMITTEES,
    organization: { vi: 'Đảng ủy Khối', en: 'Bloc Party Committee' },
    generatedOn: TODAY,
  }).xlsx.writeBuffer()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as ArrayBuffer)
  return wb
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''))
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  return rows
}

describe('the Biểu 01/XLD workbook', () => {
  it('holds, cell by cell, the figures of the report for the committee, each child and the total', async () => {
    const ws = (await readBack()).getWorksheet(XLD_SHEET)!
    expect(PARTS).toHaveLength(2 + COMMITTEES.filter((c) => c.parentId === 'dukhoi').length)
    let nonZero = 0
    PARTS.forEach((figures, i) => {
      XLD_COLUMNS.forEach((col, j) => {
        const value = ws.getCell(XLD_FIRST_DATA_ROW + i, XLD_FIRST_FIGURE_COLUMN + j).value
        expect(value, `${col.path}, row ${i}`).toBe(at(figures, col.path))
        if (value) nonZero++
      })
    })
    expect(nonZero).toBeGreaterThan(40)
    expect(ws.getCell(XLD_FIRST_DATA_ROW + PARTS.length - 1, 2).value).toBe('Tổng cộng')
    expect(ws.getCell(XLD_FIRST_DATA_ROW + PARTS.length - 1, XLD_FIRST_FIGURE_COLUMN).value).toBe(
      API.total.caseload.total,
    )
  })

  it('has the title block, the grouped Vietnamese and English headers with merged cells, and the column numbers', async () => {
    const ws = (await readBack()).getWorksheet(XLD_SHEET)!
    expect(String(ws.getCell(4, 1).value)).toContain('từ ngày 01/07/2026 đến ngày 30/09/2026')
    expect(ws.getCell(6, XLD_FIRST_FIGURE_COLUMN).value).toBe('Số đơn tiếp nhận')
    // The group's merged cell spans its five columns.
    expect(ws.getCell(6, XLD_FIRST_FIGURE_COLUMN + 4).isMerged).toBe(true)
    expect(ws.getCell(6, XLD_FIRST_FIGURE_COLUMN + 4).master.address).toBe(
      ws.getCell(6, XLD_FIRST_FIGURE_COLUMN).address,
    )
    expect(ws.getCell(8, XLD_FIRST_FIGURE_COLUMN).value).toBe('Petitions received')
    expect(ws.getCell(7, XLD_FIRST_FIGURE_COLUMN + 13).value).toBe('Đôn đốc')
    expect(ws.getCell(10, 1).value).toBe('(1)')
    expect(ws.getCell(10, XLD_FIRST_FIGURE_COLUMN + XLD_COLUMNS.length - 1).value).toBe(
      `(${XLD_COLUMNS.length + 2})`,
    )
    const notes = ws.getCell(XLD_FIRST_DATA_ROW + PARTS.length + 2, 1).value
    expect(String(notes)).toContain(API.notes[0]!.vi)
  })

  it('lists every figure of the report on the summary sheet with its labels and values', async () => {
    const ws = (await readBack()).getWorksheet(SUMMARY_SHEET)!
    const lines = summaryLines(REPORT)
    expect(lines.length).toBeGreaterThan(100)
    lines.forEach((line, i) => {
      const row = ws.getRow(i + 2)
      expect(row.getCell(3).value).toBe(line.path)
      expect(String(row.getCell(1).value)).not.toBe('')
      expect(String(row.getCell(2).value)).not.toBe('')
      PARTS.forEach((figures, p) => {
        expect(row.getCell(4 + p).value, `${line.path}`).toBe(at(figures, line.path))
      })
    })
    // No label fell back to the raw key.
    for (const line of lines)
      expect(line.label.en.split(' › ').some((w) => line.path.split('.').includes(w))).toBe(false)
  })
})

describe('the CSV', () => {
  it('starts with a byte-order mark and holds one row per committee with the same figures', () => {
    const text = reportCsv(REPORT, COMMITTEES)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const [header, ...rows] = parseCsv(text.slice(1))
    const columns = csvColumns(REPORT)
    expect(header).toHaveLength(4 + columns.length)
    expect(rows).toHaveLength(PARTS.length)
    rows.forEach((row, i) => {
      columns.forEach((col, j) => {
        const expected = at(PARTS[i]!, col.path)
        expect(row[4 + j], `${col.path}, row ${i}`).toBe(expected === null ? '' : String(expected))
      })
    })
    expect(rows.at(-1)![1]).toBe('Tổng cộng')
  })
})

describe('formula injection in the CSV', () => {
  it('writes a committee named like a formula as text, whatever formula character it starts with', () => {
    const names = ['=HYPERLINK("http://x.example","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']
    const child = REPORT.children[0]!
    for (const name of names) {
      const committees = COMMITTEES.map((c) => (c.id === child.committeeId ? { ...c, name } : c))
      const [, ...rows] = parseCsv(reportCsv(REPORT, committees).slice(1))
      const row = rows.find((r) => r[0] === child.committeeId)!
      expect(row[1], JSON.stringify(name)).toBe(`'${name}`)
    }
  })

  it('leaves figures and ordinary text alone', () => {
    expect(csvLine(['Đảng ủy', 12, -3, null, 'a "b"'])).toBe('Đảng ủy,12,-3,,"a ""b"""')
  })
})
