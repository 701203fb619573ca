/**
 * The report as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese
 * correctly), one row per committee and the total, the Biểu 01/XLD columns, then every other
 * figure of the report; headers in Vietnamese with the English after a slash.
 */
import type { Report } from '../../shared/domain/reports.js'
import type { Committee } from '../../shared/domain/routing.js'
import { csvLine } from '../../shared/http/csv.js'
import { figureAt, summaryLines, XLD_COLUMNS, xldRows } from './layout.js'

const BOM = '\uFEFF'

/** The columns of the CSV: the form's, then the rest of the summary's figures. */
export function csvColumns(report: Report) {
  const form = XLD_COLUMNS.map((c) => ({
    path: c.path,
    header: `${c.group.vi} - ${c.label.vi} / ${c.group.en} - ${c.label.en}`,
  }))
  const seen = new Set(form.map((c) => c.path))
  const rest = summaryLines(report)
    .filter((l) => !seen.has(l.path))
    .map((l) => ({ path: l.path, header: `${l.label.vi} / ${l.label.en}` }))
  return [...form, ...rest]
}

export function reportCsv(report: Report, committees: readonly Committee[]): string {
  const columns = csvColumns(report)
  const lines = [
    [
      'Mã đơn vị / Committee id',
      'Đơn vị / Committee',
      'Từ ngày / From',
      'Đến ngày / To',
      ...columns.map((c) => c.header),
    ],
    ...xldRows(report, committees).map((row) => [
      row.committeeId ?? '',
      row.name.vi,
      report.from,
      report.to,
      ...columns.map((c) => figureAt(row.figures, c.path)),
    ]),
  ]
  return `${BOM + lines.map(csvLine).join('\r\n')}\r\n`
}
