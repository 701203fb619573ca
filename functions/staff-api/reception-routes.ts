/**
 * The reception register: record a session, list a committee's sessions of a period, and the
 * period's summary with each head's reception days (docs/domain.md#reception).
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import { RuleViolation } from '../../shared/domain/errors.js'
import { RECEPTION_TYPES, receptionSessionSchema } from '../../shared/domain/reception.js'
import { PERIOD_KINDS } from '../../shared/domain/reports.js'
import { localDate } from '../../shared/domain/schemas.js'
import { requireUser, type StaffEnv, type TokenVerifier } from '../../shared/http/auth.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'
import type { Services } from '../../shared/service/context.js'
import { createReceptionService, type ReceptionPeriod } from '../../shared/service/reception.js'

const security = [{ bearerAuth: [] }]
const BASE = '/api/v1/reception-sessions'

const sessionView = z
  .object({
    id: z.string(),
    committeeId: z.string(),
    date: z.string(),
    type: z.enum(RECEPTION_TYPES),
    hostUserId: z.string(),
    hostName: z.string(),
    hostIsHead: z.boolean(),
    location: z.string().optional(),
    visitors: z.number().int(),
    delegations: z.array(z.object({ people: z.number(), representatives: z.number(), subject: z.string() })),
    caseCodes: z
      .array(z.string())
      .meta({ description: 'the codes of the cases received at the session that you may open' }),
    casesOutsideReach: z
      .number()
      .int()
      .meta({ description: 'cases received at the session outside your reach: counted, never named' }),
    notes: z.string().optional(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'ReceptionSession' })

const periodQuery = z.object({
  committeeId: z.string().min(1).max(64),
  from: localDate.optional(),
  to: localDate.optional(),
  period: z.enum(PERIOD_KINDS).optional(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
  index: z.coerce.number().int().min(1).max(12).optional(),
})

export const recordReceptionRoute = createRoute({
  operationId: 'recordReceptionSession',
  method: 'post',
  path: BASE,
  tags: ['reception'],
  security,
  summary:
    'Record a reception session (regular, periodic, ad hoc, online) with its visitors, delegations and cases',
  request: { body: { required: true, content: { 'application/json': { schema: receptionSessionSchema } } } },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: sessionView } } },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: "Only the committee's reception officers and heads" }),
  },
})

export const listReceptionRoute = createRoute({
  operationId: 'listReceptionSessions',
  method: 'get',
  path: BASE,
  tags: ['reception'],
  security,
  summary: "A committee's reception sessions of a period, in date order",
  request: { query: periodQuery },
  responses: {
    200: {
      description: 'The sessions',
      content: {
        'application/json': {
          schema: z.object({
            committeeId: z.string(),
            from: z.string(),
            to: z.string(),
            items: z.array(sessionView),
          }),
        },
      },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Outside your committees' }),
  },
})

export const receptionSummaryRoute = createRoute({
  operationId: 'summarizeReceptionSessions',
  method: 'get',
  path: `${BASE}/summary`,
  tags: ['reception'],
  security,
  summary:
    'Sessions, visitors, cases and delegations of a period, and whether each head held the minimum reception days',
  request: { query: periodQuery },
  responses: {
    200: {
      description: 'The summary',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Outside your committees' }),
  },
})

export const RECEPTION_ROUTES = [recordReceptionRoute, listReceptionRoute, receptionSummaryRoute]

function periodOf(q: z.infer<typeof periodQuery>): ReceptionPeriod {
  if (q.period) {
    if (q.year === undefined) throw new RuleViolation('year_required', 'a period needs a year', 'year')
    return { period: q.period, year: q.year, index: q.index }
  }
  if (!q.from || !q.to)
    throw new RuleViolation('period_required', 'give from and to, or a period and a year', 'from')
  return { from: q.from, to: q.to }
}

export function registerReceptionRoutes(
  app: OpenAPIHono<StaffEnv>,
  deps: { readonly services: Services; readonly verifier: TokenVerifier },
) {
  const service = createReceptionService(deps.services)
  app.use(BASE, requireUser(deps.verifier, deps.services.users))
  app.use(`${BASE}/*`, requireUser(deps.verifier, deps.services.users))

  app.openapi(recordReceptionRoute, async (c) => {
    return c.json(await service.record(c.req.valid('json'), c.get('user')), 201)
  })

  app.openapi(listReceptionRoute, async (c) => {
    const q = c.req.valid('query')
    return c.json(await service.list(c.get('user'), q.committeeId, periodOf(q)), 200)
  })

  app.openapi(receptionSummaryRoute, async (c) => {
    const q = c.req.valid('query')
    return c.json(await service.summary(c.get('user'), q.committeeId, periodOf(q)), 200)
  })
}
