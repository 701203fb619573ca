/**
 * The OpenAPI 3.1 document of every function's routes, built from their route definitions: the
 * public function (petitions, attachments, Open311, the problem pages), the staff function (cases,
 * committees, reports, accountability, reception, audits, users, open data) and the report export.
 * One function, no app and no store: the staff function serves its result, `npm run lint:api`
 * lints it, and the typed client of the tests (test/api/schema.d.ts) is generated from it.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import { PROBLEM_FAMILIES } from '../shared/http/problem-types.js'
import { PROBLEM_SCHEMAS, problems } from '../shared/http/schemas.js'
import { OPEN311_ROUTES } from './public-api/open311-routes.js'
import { problemPageRoute } from './public-api/problem-routes.js'
import { PUBLIC_ROUTES } from './public-api/routes.js'
import { REPORT_EXPORT_ROUTES } from './report-export/routes.js'
import { OPEN_DATA_ROUTES } from './staff-api/open-data-routes.js'
import { STAFF_ROUTES } from './staff-api/routes.js'

/** This document, served by the staff function. */
export const openApiDocumentRoute = createRoute({
  operationId: 'getOpenApiDocument',
  method: 'get',
  path: '/api/v1/openapi.json',
  tags: ['public'],
  security: [],
  summary: 'This OpenAPI 3.1 document',
  responses: {
    200: {
      description: 'The document',
      content: { 'application/json': { schema: z.object({ openapi: z.string() }).loose() } },
    },
    ...problems({ 404: 'Not found' }),
  },
})

/** Every route of every function, in the document's order. */
export const DOCUMENTED_ROUTES = [
  ...PUBLIC_ROUTES,
  ...STAFF_ROUTES,
  ...REPORT_EXPORT_ROUTES,
  ...OPEN_DATA_ROUTES,
  ...OPEN311_ROUTES,
  problemPageRoute,
  openApiDocumentRoute,
]

const TAGS = [
  {
    name: 'public',
    description:
      'Citizens and other systems file and follow petitions: no account, the tracking code and PIN.',
  },
  {
    name: 'staff',
    description: 'Reception officers, handlers and heads: record, read and act on cases (Bearer JWT).',
  },
  {
    name: 'reports',
    description: 'Accountability figures, their cases and charts, audits, and the exports.',
  },
  {
    name: 'accountability',
    description: 'Reports a committee owes (giải trình): require, submit, accept, return.',
  },
  { name: 'reception', description: 'The reception register: sessions at the reception office.' },
  { name: 'admin', description: 'Accounts, roles and committee memberships.' },
  {
    name: 'open-data',
    description: 'Published figures per committee (CC BY 4.0), small numbers suppressed.',
  },
  {
    name: 'open311',
    description:
      'Open311 GeoReport v2, read only, over recommendations and feedback (no text, no petitioner). Its fields are those of the GeoReport v2 specification.',
    externalDocs: { description: 'Open311 GeoReport v2', url: 'https://wiki.open311.org/GeoReport_v2/' },
  },
  { name: 'problems', description: 'The pages problem `type` URIs resolve to.' },
]

type Operation = {
  operationId?: string
  requestBody?: unknown
  tags?: string[]
  security?: unknown[]
  responses: Record<string, { description: string; content?: Record<string, unknown> }>
}

const problemContent = (status: keyof typeof PROBLEM_FAMILIES) => ({
  'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_FAMILIES[status].schema}` } },
})

export function buildOpenApiDocument() {
  const app = new OpenAPIHono()
  for (const route of DOCUMENTED_ROUTES) app.openAPIRegistry.registerPath(route as never)
  // Every family, also those only the mapper answers with (500, 503) and no route names.
  for (const [status, family] of Object.entries(PROBLEM_FAMILIES))
    app.openAPIRegistry.register(
      family.schema,
      PROBLEM_SCHEMAS[Number(status) as keyof typeof PROBLEM_FAMILIES],
    )
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'An access token: from Cognito in AWS (the hosted UI for people, client credentials for machine clients), from the local issuer on one machine (docs/integrating.md).',
  })
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Tiếp công dân và xử lý đơn thư — Citizen reception and petition handling',
      version: '1.0.0',

      description: [
        'Errors are `application/problem+json` (RFC 9457): `type` is an absolute URI whose page says what happened and what to do, `status` is always the HTTP status.',
        'Staff routes need a Bearer JWT; public routes need none (`security: []`).',
        'Versioning and deprecation: README.md; changes: docs/api-changelog.md; how to integrate: docs/integrating.md.',
      ].join('\n\n'),
      license: {
        name: 'CC BY 4.0 (this description and the open data)',
        url: 'https://creativecommons.org/licenses/by/4.0/',
      },
      contact: { name: 'Văn phòng — the office of the organisation running the service' },
    },
    // Relative: the site that serves this document (SITE_URL in AWS, http://localhost:3000 with
    // `npm start`), so the one document is right wherever it is read from.
    servers: [{ url: '/', description: 'The site serving this document' }],
    tags: TAGS,
  })

  for (const [path, item] of Object.entries(document.paths ?? {}))
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      const where = `${method.toUpperCase()} ${path}`
      // Each is a rule of the contract (docs/integrating.md): a route cannot ship without it.
      if (!op.operationId) throw new Error(`${where} has no operationId`)
      if (!op.security) throw new Error(`${where} must say its security (\`security: []\` when public)`)
      if (!op.tags?.length || !op.tags.every((t) => TAGS.some((d) => d.name === t)))
        throw new Error(`${where} needs a described tag`)
      if (path.startsWith('/api/')) {
        // Any API call may meet these: the mapper answers them the same way everywhere.
        op.responses['500'] ??= {
          description: 'Internal error (with a correlationId)',
          content: problemContent(500),
        }
        op.responses['503'] ??= {
          description: 'The store is throttling: retry after Retry-After seconds',
          content: problemContent(503),
        }
      }
      if (path.startsWith('/api/') && op.requestBody) {
        op.responses['413'] ??= {
          description: 'The body is larger than 128 KB',
          content: problemContent(413),
        }
        op.responses['415'] ??= { description: 'The body is not JSON', content: problemContent(415) }
      }
      if (op.security.length > 0 && op.responses['401']) {
        // In AWS the HTTP API's JWT authorizer refuses a missing or invalid token itself, before
        // the function runs, with its own body (infra/constructs/http-api.ts).
        op.responses['401'].description +=
          '. In AWS a missing, expired or invalid token is refused by API Gateway itself with `{"message":"Unauthorized"}` (application/json); a valid token of an unknown or disabled account gets the problem.'
        op.responses['401'].content = {
          ...op.responses['401'].content,
          'application/json': { schema: { $ref: '#/components/schemas/GatewayUnauthorized' } },
        }
      }
    }
  document.components ??= {}
  document.components.schemas = {
    ...document.components.schemas,
    GatewayUnauthorized: {
      type: 'object',
      description: "API Gateway's own refusal on the JWT routes (AWS only)",
      properties: { message: { type: 'string', const: 'Unauthorized' } },
      required: ['message'],
    },
  }
  return document
}
