/**
 * A committee's outgoing register of a period as an XLSX workbook (exceljs): one sheet "Sổ văn
 * bản đi" with the register's columns, Vietnamese headers with the English under them, one row per
 * number (cancelled ones included and marked), as the register page lists them.
 */
import ExcelJS from 'exceljs'
import { formatVietnamese } from '../../shared/domain/dates.js'
import type { DocumentView } from '../../shared/service/register-view.js'

export const REGISTER_SHEET = 'Sổ văn bản đi'

/** Column headers: Vietnamese, then English. */
export const REGISTER_COLUMNS = [
  ['Số, ký hiệu', 'Number, symbol', 16],
  ['Ngày ban hành', 'Issued on', 14],
  ['Tên loại, trích yếu nội dung', 'Type and subject', 60],
  ['Nơi nhận', 'To', 30],
  ['Mã hồ sơ', 'Case', 14],
  ['Tình trạng', 'Status', 24],
  ['SHA-256', 'SHA-256', 66],
] as const

const ADDRESSEES = {
  petitioner: 'Người gửi đơn',
  other_body: 'Cơ quan, tổ chức khác',
  accused: 'Người bị tố cáo',
  archive: 'Lưu hồ sơ',
} as const

/** The row of one entry, in the columns' order. */
export function registerRow(d: DocumentView): string[] {
  return [
    d.symbol,
    formatVietnamese(d.issuedOn),
    `${d.name.vi}: ${d.summary}`,
    d.recipientName ?? ADDRESSEES[d.addressee],
    d.caseCode,
    d.status === 'cancelled' ? `Đã hủy: ${d.cancelled?.reason ?? ''}` : 'Đã ban hành',
    d.sha256,
  ]
}

export async function registerWorkbookBytes(
  rows: readonly DocumentView[],
  ctx: { committeeName: string; from: string; to: string; generatedOn: string },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.created = new Date(`${ctx.generatedOn}T00:00:00Z`)
  const ws = wb.addWorksheet(REGISTER_SHEET, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4 }],
  })
  ws.addRow([`SỔ VĂN BẢN ĐI – ${ctx.committeeName}`]).font = { bold: true, size: 13 }
  ws.addRow([`Từ ngày ${formatVietnamese(ctx.from)} đến ngày ${formatVietnamese(ctx.to)}`])
  ws.addRow(REGISTER_COLUMNS.map(([vi]) => vi)).font = { bold: true }
  ws.addRow(REGISTER_COLUMNS.map(([, en]) => en)).font = { italic: true }
  REGISTER_COLUMNS.forEach(([, , width], i) => {
    ws.getColumn(i + 1).width = width
  })
  for (const d of rows) ws.addRow(registerRow(d))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
