/** The export file of a report, as the API and the staff page routes both send it. */
import { vietnamDate } from '../../shared/domain/dates.js'
import type { Report } from '../../shared/domain/reports.js'
import type { Services } from '../../shared/service/context.js'
import { reportCsv } from './csv.js'

import { XLSX_TYPE } from './routes.js'

export { XLSX_TYPE }

export async function exportFile(
  services: Services,
  report: Report,
  committeeId: string,
  format: 'xlsx' | 'csv',
): Promise<Response> {
  const committees = (await services.settings.getCommittees()).value
  const name = `bao-cao-${committeeId}-${report.from}-${report.to}`
  const headers = {
    'content-disposition': `attachment; filename="${name}.${format}"`,
    'cache-control': 'private, no-store',
  }
  if (format === 'csv')
    return new Response(reportCsv(report, committees), {
      headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
    })
  // The spreadsheet library (exceljs and what it carries: ~500 KB) loads with the first workbook,
  // not at every cold start: the function's other requests (CSV, the pages' redirects) never need it.
  const { workbookBytes } = await import('./workbook.js')
  const bytes = await workbookBytes(report, {
    committees,
    organization: services.organizationName,
    generatedOn: vietnamDate(services.now()),
  })
  return new Response(bytes, { headers: { ...headers, 'content-type': XLSX_TYPE } })
}
