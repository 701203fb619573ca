/**
 * The export function: the accountability report as a spreadsheet (XLSX, with the Biểu 01/XLD
 * sheet) or CSV. A function of its own so that the staff function's bundle does not carry exceljs;
 * the same sign-in check and the same report service as `GET /api/v1/reports`, so the figures are
 * the API's.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { createApp } from '../../shared/http/app-base.js'
import { requireUser, type StaffEnv, type TokenVerifier } from '../../shared/http/auth.js'
import { reportPeriodOf } from '../../shared/http/report-query.js'
import type { Services } from '../../shared/service/context.js'
import { createReportService } from '../../shared/service/reports.js'
import { exportFile } from './file.js'
import { reportExportRoute } from './routes.js'

export { REPORT_EXPORT_ROUTES, reportExportRoute } from './routes.js'

export function createReportExportApp(deps: {
  services: Services
  verifier: TokenVerifier
}): OpenAPIHono<StaffEnv> {
  const { services } = deps
  const app = createApp<StaffEnv>(services.logger, { publicOrigins: services.publicOrigins })
  const reports = createReportService(services)
  app.use('/api/v1/reports/export', requireUser(deps.verifier, services.users))

  app.openapi(reportExportRoute, async (c) => {
    const { committeeId, format, ...q } = c.req.valid('query')
    const report = await reports.report(c.get('user'), committeeId, reportPeriodOf(q))
    return (await exportFile(services, report, committeeId, format)) as never
  })
  return app
}
