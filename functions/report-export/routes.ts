/**
 * The export function's route definitions, apart from its handlers: the OpenAPI document (built in
 * the staff function too) imports these without pulling the spreadsheet code into that bundle.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { reportQuerySchema } from '../../shared/http/report-query.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

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
