/**
 * Open311 GeoReport v2 (read only, functions/public-api/open311.ts), described in the OpenAPI
 * document as a pointer: the fields and their meaning are GeoReport v2's own specification.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { OPEN311_BASE } from './open311.js'

const GEOREPORT_SPEC = { description: 'Open311 GeoReport v2', url: 'https://wiki.open311.org/GeoReport_v2/' }

const geoReportErrors = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .meta({ id: 'GeoReportErrors', description: "GeoReport v2's error format (not problem+json)" })
const refusals = (codes: Record<number, string>) =>
  Object.fromEntries(
    Object.entries(codes).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: geoReportErrors } } },
    ]),
  )
const service = z
  .object({ service_code: z.string(), service_name: z.string(), type: z.string() })
  .loose()
  .meta({ id: 'GeoReportService' })
const serviceRequest = z
  .object({ service_request_id: z.string(), status: z.enum(['open', 'closed']), service_code: z.string() })
  .loose()
  .meta({ id: 'GeoReportRequest' })
const langQuery = z.object({ lang: z.enum(['vi', 'en']).optional() })

export const open311ServicesRoute = createRoute({
  operationId: 'listOpen311Services',
  method: 'get',
  path: `${OPEN311_BASE}/services.json`,
  tags: ['open311'],
  security: [],
  externalDocs: GEOREPORT_SPEC,
  summary: 'GeoReport v2 service list: recommendations and feedback',
  request: { query: langQuery },
  responses: {
    200: { description: 'The services', content: { 'application/json': { schema: z.array(service) } } },
    ...refusals({ 400: 'A parameter GeoReport does not accept' }),
  },
})

export const open311RequestsRoute = createRoute({
  operationId: 'listOpen311Requests',
  method: 'get',
  path: `${OPEN311_BASE}/requests.json`,
  tags: ['open311'],
  security: [],
  externalDocs: GEOREPORT_SPEC,
  summary: 'GeoReport v2 requests: by ids, or by window, service codes and status (no text, no petitioner)',
  request: {
    query: langQuery.extend({
      service_request_id: z.string().optional(),
      service_code: z.string().optional(),
      status: z.string().optional().meta({ description: 'open, closed, or both comma-separated' }),
      start_date: z.string().optional().meta({ description: 'W3C date-time' }),
      end_date: z.string().optional().meta({ description: 'W3C date-time' }),
    }),
  },
  responses: {
    200: {
      description: 'Newest first, at most 1000',
      content: { 'application/json': { schema: z.array(serviceRequest) } },
    },
    ...refusals({ 400: 'A parameter out of range' }),
  },
})

export const open311RequestRoute = createRoute({
  operationId: 'getOpen311Request',
  method: 'get',
  path: `${OPEN311_BASE}/requests/{file}`,
  tags: ['open311'],
  security: [],
  externalDocs: GEOREPORT_SPEC,
  summary: 'One GeoReport v2 request: `{service_request_id}.json`',
  request: {
    query: langQuery,
    params: z.object({ file: z.string().meta({ example: 'K3X9Q2MZ.json' }) }),
  },
  responses: {
    200: {
      description: 'A list of one request',
      content: { 'application/json': { schema: z.array(serviceRequest) } },
    },
    ...refusals({ 404: 'No such request, or not a .json address' }),
  },
})

export const OPEN311_ROUTES = [open311ServicesRoute, open311RequestsRoute, open311RequestRoute]
