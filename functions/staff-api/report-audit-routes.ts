/** The response-time audit's routes: drill-down, charts and audit samples (staff function). */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { FINDINGS, MAX_SAMPLE_SIZE } from '../../shared/domain/audit.js'
import { localDate } from '../../shared/domain/schemas.js'
import { reportQuerySchema } from '../../shared/http/report-query.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'

const security = [{ bearerAuth: [] }]
const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
})
const svg = (description: string) => ({ description, content: { 'image/svg+xml': { schema: z.string() } } })
const readers = problems({ 401: 'Not signed in', 403: 'Supervisors and the heads over the committee only' })
const supervisors = problems({ 401: 'Not signed in', 403: 'Supervisors only' })

export const reportCasesRoute = createRoute({
  operationId: 'listReportCases',
  method: 'get',
  path: '/api/v1/reports/cases',
  tags: ['reports'],
  security,
  summary: 'The cases behind one figure of a report (drill-down), with the dates the figure read',
  request: {
    query: reportQuerySchema.extend({
      indicator: z
        .string()
        .min(1)
        .max(80)
        .meta({ description: "the figure's path, e.g. resolution.overdue" }),
      part: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .meta({ description: "total (default), own, or a child committee's id" }),
    }),
  },
  responses: { 200: json('The cases; their counts add up to the figure'), ...problemResponses, ...readers },
})

export const onTimeChartRoute = createRoute({
  operationId: 'getOnTimeChart',
  method: 'get',
  path: '/api/v1/reports/charts/on-time.svg',
  tags: ['reports'],
  security,
  summary: 'SVG chart: share resolved on time in each of the last periods (one read, one pass)',
  request: {
    query: z.object({
      committeeId: z.string().min(1).max(64),
      unit: z.enum(['month', 'quarter']).optional().default('month'),
      count: z.coerce.number().int().min(1).max(24).optional().default(12),
      until: localDate.optional(),
      lang: z.enum(['vi', 'en']).optional(),
    }),
  },
  responses: { 200: svg('The chart'), ...problemResponses, ...readers },
})

export const backlogChartRoute = createRoute({
  operationId: 'getBacklogChart',
  method: 'get',
  path: '/api/v1/reports/charts/backlog.svg',
  tags: ['reports'],
  security,
  summary: 'SVG chart: overdue open cases by days overdue at the end of the period',
  request: { query: reportQuerySchema.extend({ lang: z.enum(['vi', 'en']).optional() }) },
  responses: { 200: svg('The chart'), ...problemResponses, ...readers },
})

export const drawSampleRoute = createRoute({
  operationId: 'drawAuditSample',
  method: 'post',
  path: '/api/v1/audit-samples',
  tags: ['reports'],
  security,
  summary: 'Draw a random sample of the cases a committee finished in a period, for quality review',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            ...reportQuerySchema.shape,
            year: z.number().int().min(2019).max(2100).optional(),
            index: z.number().int().min(1).max(12).optional(),
            size: z.number().int().min(1).max(MAX_SAMPLE_SIZE).optional(),
            seed: z.number().int().min(0).max(0xffffffff).optional(),
          }),
        },
      },
    },
  },
  responses: { 201: json('The sample, with its seed'), ...problemResponses, ...supervisors },
})

export const listSamplesRoute = createRoute({
  operationId: 'listAuditSamples',
  method: 'get',
  path: '/api/v1/audit-samples',
  tags: ['reports'],
  security,
  summary: 'Audit samples and the progress of their review',
  request: { query: z.object({ committeeId: z.string().min(1).max(64).optional() }) },
  responses: {
    200: json('The samples, newest first'),
    ...problemResponses,
    ...problems({ 401: 'Not signed in' }),
  },
})

const sampleId = z.string().regex(/^[0-9TZ]{15,24}-[0-9a-f]{8}$/)

export const getSampleRoute = createRoute({
  operationId: 'getAuditSample',
  method: 'get',
  path: '/api/v1/audit-samples/{id}',
  tags: ['reports'],
  security,
  summary: 'An audit sample with its cases and findings',
  request: { params: z.object({ id: sampleId }) },
  responses: { 200: json('The sample'), ...problemResponses, ...readers },
})

export const recordFindingRoute = createRoute({
  operationId: 'recordAuditFinding',
  method: 'put',
  path: '/api/v1/audit-samples/{id}/findings/{trackingCode}',
  tags: ['reports'],
  security,
  summary: 'Record the finding of the review of one sampled case',
  request: {
    params: z.object({ id: sampleId, trackingCode: z.string().max(40) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({ finding: z.enum(FINDINGS), note: z.string().trim().min(1).max(2_000) }),
        },
      },
    },
  },
  responses: { 200: json('The sample after the finding'), ...problemResponses, ...supervisors },
})

export const REPORT_AUDIT_ROUTES = [
  reportCasesRoute,
  onTimeChartRoute,
  backlogChartRoute,
  drawSampleRoute,
  listSamplesRoute,
  getSampleRoute,
  recordFindingRoute,
]
