/**
 * The report as an XLSX workbook (exceljs): the sheet "Biểu 01-XLD" laid out like the official
 * petition-processing form (title block, grouped headers with merged cells in Vietnamese then
 * English, the column numbers, one row per committee and the total, the notes), and the sheet
 * "Tổng hợp" with every figure of the report and its labels.
 */
import ExcelJS from 'exceljs'
import type { LocalizedText } from '../../shared/domain/calendar.js'
import type { Report } from '../../shared/domain/reports.js'
import type { Committee } from '../../shared/domain/routing.js'
import { ddmmyyyy, figureAt, summaryLines, XLD_COLUMNS, xldRows } from './layout.js'

export interface WorkbookContext {
  readonly committees: readonly Committee[]
  readonly organization: LocalizedText
  /** When the file was made (shown in the footer of the form). */
  readonly generatedOn: string
}

export const XLD_SHEET = 'Biểu 01-XLD'
export const SUMMARY_SHEET = 'Tổng hợp'
/** The first data row of the form sheet (after the title block and the five header rows). */
export const XLD_FIRST_DATA_ROW = 11
/** The first figure column of the form sheet (after No. and the committee's name). */
export const XLD_FIRST_FIGURE_COLUMN = 3

const thin = { style: 'thin' as const }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }

export function buildWorkbook(report: Report, ctx: WorkbookContext): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = ctx.organization.vi
  wb.created = new Date(`${ctx.generatedOn}T00:00:00Z`)
  const committee = ctx.committees.find((c) => c.id === report.committeeId)
  const lastCol = XLD_FIRST_FIGURE_COLUMN + XLD_COLUMNS.length - 1

  const ws = wb.addWorksheet(XLD_SHEET, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: XLD_FIRST_DATA_ROW - 1 }],
  })
  ws.getColumn(1).width = 6
  ws.getColumn(2).width = 34
  for (let c = XLD_FIRST_FIGURE_COLUMN; c <= lastCol; c++) ws.getColumn(c).width = 12

  // Title block.
  ws.mergeCells(1, 1, 1, 6)
  ws.getCell(1, 1).value = ctx.organization.vi.toUpperCase()
  ws.getCell(1, 1).font = { bold: true }
  ws.mergeCells(1, lastCol - 3, 1, lastCol)
  ws.getCell(1, lastCol - 3).value = 'Biểu 01/XLD'
  ws.getCell(1, lastCol - 3).alignment = { horizontal: 'right' }
  ws.getCell(1, lastCol - 3).font = { bold: true }
  ws.mergeCells(2, 1, 2, 6)
  ws.getCell(2, 1).value = committee?.name ?? report.committeeId
  ws.mergeCells(3, 1, 3, lastCol)
  ws.getCell(3, 1).value = 'KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI, TỐ CÁO, KIẾN NGHỊ, PHẢN ÁNH'
  ws.getCell(3, 1).font = { bold: true, size: 14 }
  ws.getCell(3, 1).alignment = { horizontal: 'center' }
  ws.mergeCells(4, 1, 4, lastCol)
  ws.getCell(4, 1).value =
    `(Số liệu tính từ ngày ${ddmmyyyy(report.from)} đến ngày ${ddmmyyyy(report.to)} — Figures from ${ddmmyyyy(report.from)} to ${ddmmyyyy(report.to)})`
  ws.getCell(4, 1).alignment = { horizontal: 'center' }
  ws.getCell(4, 1).font = { italic: true }

  // Headers: groups (row 6, Vietnamese; row 8, English) over their columns (rows 7 and 9).
  const headerRows = { groupVi: 6, labelVi: 7, groupEn: 8, labelEn: 9, numbers: 10 }
  ws.mergeCells(headerRows.groupVi, 1, headerRows.labelVi, 1)
  ws.getCell(headerRows.groupVi, 1).value = 'STT'
  ws.mergeCells(headerRows.groupVi, 2, headerRows.labelVi, 2)
  ws.getCell(headerRows.groupVi, 2).value = 'Đơn vị'
  ws.mergeCells(headerRows.groupEn, 1, headerRows.labelEn, 1)
  ws.getCell(headerRows.groupEn, 1).value = 'No.'
  ws.mergeCells(headerRows.groupEn, 2, headerRows.labelEn, 2)
  ws.getCell(headerRows.groupEn, 2).value = 'Committee'
  let start = 0
  while (start < XLD_COLUMNS.length) {
    const group = (XLD_COLUMNS[start] as (typeof XLD_COLUMNS)[number]).group
    let end = start
    while (end + 1 < XLD_COLUMNS.length && XLD_COLUMNS[end + 1]?.group === group) end++
    const c1 = XLD_FIRST_FIGURE_COLUMN + start
    const c2 = XLD_FIRST_FIGURE_COLUMN + end
    if (c2 > c1) {
      ws.mergeCells(headerRows.groupVi, c1, headerRows.groupVi, c2)
      ws.mergeCells(headerRows.groupEn, c1, headerRows.groupEn, c2)
    }
    ws.getCell(headerRows.groupVi, c1).value = group.vi
    ws.getCell(headerRows.groupEn, c1).value = group.en
    start = end + 1
  }
  XLD_COLUMNS.forEach((col, i) => {
    ws.getCell(headerRows.labelVi, XLD_FIRST_FIGURE_COLUMN + i).value = col.label.vi
    ws.getCell(headerRows.labelEn, XLD_FIRST_FIGURE_COLUMN + i).value = col.label.en
  })
  for (let c = 1; c <= lastCol; c++) ws.getCell(headerRows.numbers, c).value = `(${c})`
  for (let r = headerRows.groupVi; r <= headerRows.numbers; r++) {
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    ws.getRow(r).font = {
      bold: r !== headerRows.numbers,
      italic: r === headerRows.groupEn || r === headerRows.labelEn,
    }
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).border = BORDER
  }
  ws.getRow(headerRows.labelVi).height = 45
  ws.getRow(headerRows.labelEn).height = 30

  // One row per committee, then the total.
  const rows = xldRows(report, ctx.committees)
  rows.forEach((row, i) => {
    const r = XLD_FIRST_DATA_ROW + i
    const total = row.committeeId === null
    ws.getCell(r, 1).value = total ? '' : i + 1
    ws.getCell(r, 2).value = row.name.vi
    XLD_COLUMNS.forEach((col, j) => {
      ws.getCell(r, XLD_FIRST_FIGURE_COLUMN + j).value = figureAt(row.figures, col.path)
    })
    for (let c = 1; c <= lastCol; c++) {
      ws.getCell(r, c).border = BORDER
      if (total) ws.getCell(r, c).font = { bold: true }
    }
  })

  // Notes: what the figures mean.
  const notesRow = XLD_FIRST_DATA_ROW + rows.length + 1
  ws.getCell(notesRow, 1).value = 'Ghi chú / Notes:'
  ws.getCell(notesRow, 1).font = { bold: true }
  report.notes.forEach((note, i) => {
    const r = notesRow + 1 + i
    ws.mergeCells(r, 1, r, lastCol)
    ws.getCell(r, 1).value = `${i + 1}. ${note.vi} (${note.en})`
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' }
    ws.getRow(r).height = 30
  })
  const footer = notesRow + report.notes.length + 2
  ws.mergeCells(footer, lastCol - 5, footer, lastCol)
  ws.getCell(footer, lastCol - 5).value = `Lập ngày ${ddmmyyyy(ctx.generatedOn)}`
  ws.getCell(footer, lastCol - 5).alignment = { horizontal: 'center' }
  ws.getCell(footer, lastCol - 5).font = { italic: true }

  // The summary: every figure, labelled in both languages, for each part of the report.
  const sum = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  const parts = xldRows(report, ctx.committees)
  sum.columns = [
    { header: 'Chỉ tiêu', key: 'vi', width: 60 },
    { header: 'Indicator', key: 'en', width: 50 },
    { header: 'Mã / Code', key: 'path', width: 44 },
    ...parts.map((p, i) => ({ header: p.name.vi, key: `p${i}`, width: 16 })),
  ]
  sum.getRow(1).font = { bold: true }
  sum.getRow(1).alignment = { wrapText: true, vertical: 'middle' }
  for (const line of summaryLines(report)) {
    sum.addRow({
      vi: line.label.vi,
      en: line.label.en,
      path: line.path,
      ...Object.fromEntries(parts.map((p, i) => [`p${i}`, figureAt(p.figures, line.path)])),
    })
  }
  sum.addRow({})
  sum.addRow({
    vi: `Kỳ báo cáo: ${ddmmyyyy(report.from)} – ${ddmmyyyy(report.to)}; số liệu đến ngày ${ddmmyyyy(report.asOf)}`,
    en: `Period ${ddmmyyyy(report.from)} – ${ddmmyyyy(report.to)}, as of ${ddmmyyyy(report.asOf)}`,
  })
  for (const note of report.notes) sum.addRow({ vi: note.vi, en: note.en })
  return wb
}

/** The workbook's bytes. */
export async function workbookBytes(report: Report, ctx: WorkbookContext): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(report, ctx).xlsx.writeBuffer())
}
