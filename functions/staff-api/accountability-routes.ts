/**
 * Accountability reports owed (giải trình): require one, list and read them, and the three steps
 * (submit by the owing head; accept or return by the requesting side). Steps need If-Match with
 * the version read; a stale one is a 412.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import {
  acceptReportSchema,
  accountabilityRequestSchema,
  REQUEST_STATES,
  type RequestAction,
  returnReportSchema,
  submitReportSchema,
} from '../../shared/domain/accountability.js'
import { DomainError } from '../../shared/domain/errors.js'
import { requireUser, type StaffEnv, type TokenVerifier } from '../../shared/http/auth.js'
import { requestLanguage } from '../../shared/http/lang.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'
import { createAccountabilityService } from '../../shared/service/accountability.js'
import type { Services } from '../../shared/service/context.js'

const security = [{ bearerAuth: [] }]
const BASE = '/api/v1/accountability-requests'

const requestView = z
  .object({
    id: z.string(),
    version: z.number().int(),
    kind: z.enum(['case', 'period', 'periodic']),
    committeeId: z.string(),
    committeeName: z.string(),
    state: z.enum(REQUEST_STATES),
    late: z.boolean().meta({ description: 'still owed and past its due date' }),
    subject: z.string(),
    trackingCode: z.string().optional(),
    period: z.record(z.string(), z.unknown()).optional(),
    requestedOn: z.string(),
    dueOn: z.string(),
    firstDueOn: z.string(),
    basis: z.string(),
    explanation: z.string(),
    firstSubmittedOn: z.string().optional(),
    submittedOnTime: z.boolean().optional(),
    submissions: z.array(z.record(z.string(), z.unknown())),
    history: z.array(z.record(z.string(), z.unknown())),
    allowedActions: z.array(z.enum(['submit', 'accept', 'return'])),
    draft: z
      .object({
        figures: z.record(z.string(), z.number().nullable()),
        text: z.object({ vi: z.string(), en: z.string() }),
        asOf: z.string(),
      })
      .optional()
      .meta({ description: 'the report figures pre-filled for a period or periodic report still owed' }),
  })
  .meta({ id: 'AccountabilityRequest' })

const summaryView = z.object({
  id: z.string(),
  kind: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  state: z.enum(REQUEST_STATES),
  subject: z.string(),
  requestedOn: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  version: z.number().int(),
})

const idParam = z.object({ id: z.string().max(120).meta({ example: '2026-11-26.btc.k3x9q2mz' }) })
const ifMatch = z.object({
  'if-match': z.string().max(40).optional().meta({ description: 'the request version you read' }),
})

export const requireReportRoute = createRoute({
  operationId: 'requireAccountabilityReport',
  method: 'post',
  path: BASE,
  tags: ['accountability'],
  security,
  summary:
    'Require a committee to report: on one overdue case (Art. 38), on a period, or the periodic report',
  request: {
    body: { required: true, content: { 'application/json': { schema: accountabilityRequestSchema } } },
  },
  responses: {
    201: {
      description: 'Required, with its due date',
      content: { 'application/json': { schema: requestView } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Supervisors and the heads above the committee only' }),
  },
})

export const listReportRequestsRoute = createRoute({
  operationId: 'listAccountabilityRequests',
  method: 'get',
  path: BASE,
  tags: ['accountability'],
  security,
  summary:
    "A committee's requests, newest first (paged); without a committee, every report still owed in your reach, nearest due first (whole)",
  request: {
    query: z.object({
      committeeId: z.string().min(1).max(64).optional(),
      state: z.enum(REQUEST_STATES).optional(),
      late: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().max(2048).optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(summaryView), cursor: z.string().optional() }),
        },
      },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Outside your committees' }),
  },
})

export const getReportRequestRoute = createRoute({
  operationId: 'getAccountabilityRequest',
  method: 'get',
  path: `${BASE}/{id}`,
  tags: ['accountability'],
  security,
  summary: 'One request with its history, submissions, allowed steps and the pre-filled figures',
  request: { params: idParam },
  responses: {
    200: { description: 'The request', content: { 'application/json': { schema: requestView } } },
    ...problemResponses,
    ...problems({ 401: 'Not signed in' }),
  },
})

const stepRoute = (action: RequestAction, schema: z.ZodType, summary: string) =>
  createRoute({
    method: 'post',
    path: `${BASE}/{id}/${action}`,
    operationId: `${action}AccountabilityReport`,
    tags: ['accountability'],
    security,
    summary,
    request: {
      params: idParam,
      headers: ifMatch,
      body: { required: true, content: { 'application/json': { schema } } },
    },
    responses: {
      200: {
        description: 'The request after the step',
        content: { 'application/json': { schema: requestView } },
      },
      ...problemResponses,
      ...problems({
        401: 'Not signed in',
        409: 'Not allowed in this state or for your role',
        412: 'The request changed since you read it',
        428: 'If-Match is required',
      }),
    },
  })

export const submitReportRoute = stepRoute(
  'submit',
  submitReportSchema,
  "The owing committee's head submits the report with the explanation",
)
export const acceptReportRoute = stepRoute(
  'accept',
  acceptReportSchema,
  'The requesting side accepts the report',
)
export const returnReportRoute = stepRoute(
  'return',
  returnReportSchema,
  'The requesting side returns the report for more, with the reason (a new due date)',
)

export const ACCOUNTABILITY_ROUTES = [
  requireReportRoute,
  listReportRequestsRoute,
  getReportRequestRoute,
  submitReportRoute,
  acceptReportRoute,
  returnReportRoute,
]

/** `If-Match: 3`, `"3"` or `W/"3"` → 3. */
function versionFrom(header: string | undefined): number {
  if (header === undefined)
    throw new DomainError('precondition_required', 'send If-Match with the version you read', 428 as 412)
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
  if (!m) throw new DomainError('invalid_if_match', 'If-Match must be the version, a whole number', 400)
  return Number(m[1])
}

export function registerAccountabilityRoutes(
  app: OpenAPIHono<StaffEnv>,
  deps: { readonly services: Services; readonly verifier: TokenVerifier },
) {
  const service = createAccountabilityService(deps.services)
  app.use(BASE, requireUser(deps.verifier, deps.services.users))
  app.use(`${BASE}/*`, requireUser(deps.verifier, deps.services.users))

  app.openapi(requireReportRoute, async (c) => {
    const view = await service.require(c.req.valid('json'), c.get('user'), requestLanguage(c))
    c.header('etag', `"${view.version}"`)
    return c.json(view as never, 201)
  })

  app.openapi(listReportRequestsRoute, async (c) => {
    const q = c.req.valid('query')
    const page = await service.list(
      c.get('user'),
      {
        committeeId: q.committeeId,
        state: q.state,
        late: q.late === undefined ? undefined : q.late === 'true',
        limit: q.limit ?? 50,
        cursor: q.cursor,
      },
      requestLanguage(c),
    )
    return c.json(page, 200)
  })

  app.openapi(getReportRequestRoute, async (c) => {
    const view = await service.get(c.req.valid('param').id, c.get('user'), requestLanguage(c))
    c.header('etag', `"${view.version}"`)
    return c.json(view as never, 200)
  })

  for (const [route, action] of [
    [submitReportRoute, 'submit'],
    [acceptReportRoute, 'accept'],
    [returnReportRoute, 'return'],
  ] as const)
    app.openapi(route, async (c) => {
      const view = await service.act(
        c.req.valid('param').id,
        action,
        versionFrom(c.req.valid('header')['if-match']),
        c.req.valid('json') as { explanation?: string; reason?: string; note?: string },
        c.get('user'),
        requestLanguage(c),
      )
      c.header('etag', `"${view.version}"`)
      return c.json(view as never, 200)
    })
}
