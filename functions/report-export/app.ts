/**
 * The export function: the accountability report as a spreadsheet (XLSX, with the Biểu 01/XLD
 * sheet) or CSV. A function of its own so that the staff function's bundle does not carry exceljs;
 * the same sign-in check and the same report service as `GET /api/v1/reports`, so the figures are
 * the API's.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { createApp } from '../../shared/http/app-base.js'
import { requireUser, type StaffEnv, type TokenVerifier } from '../../shared/http/auth.js'
import { reportPeriodOf, reportQuerySchema } from '../../shared/http/report-query.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'
import type { Services } from '../../shared/service/context.js'
import { createReportService } from '../../shared/service/reports.js'
import { exportFile, XLSX_TYPE } from './file.js'

export const reportExportRoute = createRoute({
  operationId: 'exportReport',
  method: 'get',
  path: '/api/v1/reports/export',
  tags: ['reports'],
  security: [{ bearerAuth: [] }],
  summary: 'The report as a spreadsheet (Biểu 01/XLD and a summary sheet) or as CSV',
  request: {
    query: reportQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).optional().default('xlsx') }),
  },
  responses: {
    200: {
      description: 'The file',
      content: { [XLSX_TYPE]: { schema: z.string() }, 'text/csv': { schema: z.string() } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Supervisors and the heads over the committee only' }),
  },
})

/** Every route of the export function (test/infra checks each is mapped to it). */
export const REPORT_EXPORT_ROUTES = [reportExportRoute]

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
