/** The staff surface, described once for validation and for the OpenAPI document. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { PERIOD_KINDS } from '../../shared/domain/reports.js'
import {
  actionSchema,
  localDate,
  revealSchema,
  staffIntakeSchema,
  userInputSchema,
} from '../../shared/domain/schemas.js'
import { URGENCIES } from '../../shared/domain/watch.js'
import {
  citizenViewSchema,
  problemResponses,
  problems,
  receiptSchema,
  staffCaseSchema,
} from '../../shared/http/schemas.js'
import { actionExample, transitionProblemExample } from '../api-examples.js'
import { ACCOUNTABILITY_ROUTES } from './accountability-routes.js'
import { STAFF_ATTACHMENT_ROUTES } from './attachment-routes.js'
import { DOSSIER_ROUTES } from './dossier-routes.js'
import { RECEPTION_ROUTES } from './reception-routes.js'
import { REPORT_AUDIT_ROUTES } from './report-audit-routes.js'

const security = [{ bearerAuth: [] }]
const codeParam = z.object({ trackingCode: z.string().max(40) })

export const recordIntakeRoute = createRoute({
  operationId: 'recordIntake',
  method: 'post',
  path: '/api/v1/cases',
  tags: ['staff'],
  security,
  summary: 'Record a petition received on paper, by post, e-mail, hotline, in person or transferred in',
  request: { body: { required: true, content: { 'application/json': { schema: staffIntakeSchema } } } },
  responses: {
    201: {
      description: 'Stored; deadlines run from receivedAt',
      content: { 'application/json': { schema: receiptSchema } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Not a reception officer' }),
  },
})

export const getCaseRoute = createRoute({
  operationId: 'getCase',
  method: 'get',
  path: '/api/v1/cases/{trackingCode}',
  tags: ['staff'],
  security,
  summary: 'A case with its version, deadlines, history and the actions allowed to the caller',
  request: { params: codeParam },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: staffCaseSchema } } },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Outside your committees' }),
  },
})

export const actOnCaseRoute = createRoute({
  operationId: 'actOnCase',
  method: 'post',
  path: '/api/v1/cases/{trackingCode}/actions',
  tags: ['staff'],
  security,
  summary:
    'Take an action (accept, refuse, transfer, guide, file, extend, suspend, resume, resolve, close, withdraw, mark_duplicate, link_repeat, …)',
  request: {
    params: codeParam,
    headers: z.object({
      'if-match': z.string().max(40).optional().meta({ description: 'the case version you read' }),
    }),
    body: {
      required: true,
      content: { 'application/json': { schema: actionSchema, example: actionExample } },
    },
  },
  responses: {
    200: {
      description: 'The case after the action',
      content: { 'application/json': { schema: staffCaseSchema } },
    },
    ...problemResponses,
    ...problems({
      401: 'Not signed in',
      403: 'Outside your committees',
      409: {
        description: 'Not allowed in this state, for this kind or for your role',
        example: transitionProblemExample,
      },
      412: 'The case changed since you read it (stale If-Match)',
      428: 'If-Match is required',
    }),
  },
})

const committeeNode: z.ZodType = z
  .lazy(() =>
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      parentId: z.string().optional(),
      children: z.array(committeeNode),
    }),
  )
  .meta({ id: 'CommitteeNode' })

export const listCommitteesRoute = createRoute({
  operationId: 'listCommittees',
  method: 'get',
  path: '/api/v1/committees',
  tags: ['staff'],
  security,
  summary: 'The committee tree',
  responses: {
    200: {
      description: 'Roots with their children',
      content: { 'application/json': { schema: z.object({ tree: z.array(committeeNode) }) } },
    },
    ...problems({ 401: 'Not signed in' }),
  },
})

export const committeeQueueRoute = createRoute({
  operationId: 'getCommitteeQueue',
  method: 'get',
  path: '/api/v1/committees/{id}/queue',
  tags: ['staff'],
  security,
  summary: "A committee's open cases, nearest deadline first",
  request: {
    params: z.object({ id: z.string().max(64) }),
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().max(2048).optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page of the queue; pass `cursor` for the next',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                trackingCode: z.string(),
                kind: z.string(),
                status: z.string(),
                title: z.string(),
                channel: z.string(),
                receivedOn: z.string(),
                nextDue: z.string().optional(),
                urgency: z.enum(URGENCIES),
                version: z.number().optional(),
                escalationLevel: z.number().int().meta({
                  description:
                    '0 none, 1 overdue (handlers told), 2 head told, 3 parent committee and supervisors told',
                }),
              }),
            ),
            cursor: z.string().optional(),
          }),
        },
      },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Outside your committees' }),
  },
})

export const myPetitionsRoute = createRoute({
  operationId: 'listMyPetitions',
  method: 'get',
  path: '/api/v1/me/petitions',
  tags: ['staff'],
  security,
  summary: 'The petitions the signed-in member submitted',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().max(2048).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Newest first',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(z.record(z.string(), z.unknown())),
            cursor: z.string().optional(),
          }),
        },
      },
    },
    ...problems({ 401: 'Not signed in' }),
  },
})

const userSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    email: z.string().optional(),
    memberships: z.array(z.object({ role: z.string(), committeeId: z.string().optional() })),
    active: z.boolean(),
  })
  .meta({ id: 'User' })

const membershipSchema = z.object({ role: z.string(), committeeId: z.string().optional() })

const roleGrantSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    membership: membershipSchema,
    requestedBy: z.string(),
    requestedAt: z.string(),
    status: z.enum(['pending', 'confirmed', 'refused']),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
  })
  .meta({ id: 'RoleGrant' })

const roleChangeSchema = z
  .object({
    at: z.string(),
    userId: z.string(),
    by: z.string(),
    type: z.enum(['direct', 'requested', 'confirmed', 'refused']),
    added: z.array(membershipSchema),
    removed: z.array(membershipSchema),
    grantId: z.string().optional(),
  })
  .meta({ id: 'RoleChange' })

export const revealIdentityRoute = createRoute({
  operationId: 'revealIdentity',
  method: 'post',
  path: '/api/v1/cases/{trackingCode}/reveal',
  tags: ['staff'],
  security,
  summary: "Reveal the petitioner's identity once, with a reason (recorded in the history)",
  request: {
    params: codeParam,
    body: { required: true, content: { 'application/json': { schema: revealSchema } } },
  },
  responses: {
    200: {
      description: 'The identity, shown once',
      content: { 'application/json': { schema: z.object({ petitioner: z.record(z.string(), z.string()) }) } },
    },
    ...problemResponses,
    ...problems({
      401: 'Not signed in',
      403: 'Only the head of the resolving committee or a supervisor',
      409: 'Anonymous',
    }),
  },
})

export const verifyHistoryRoute = createRoute({
  operationId: 'verifyCaseHistory',
  method: 'get',
  path: '/api/v1/cases/{trackingCode}/history/verification',
  tags: ['staff'],
  security,
  summary: "Walk the case's hash-chained history and report the first broken link",
  request: { params: codeParam },
  responses: {
    200: {
      description: 'Intact, or where it breaks',
      content: {
        'application/json': {
          schema: z.object({
            trackingCode: z.string(),
            intact: z.boolean(),
            events: z.number(),
            firstBrokenSeq: z.number().optional(),
            problem: z.enum(['hash_mismatch', 'truncated']).optional(),
          }),
        },
      },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Supervisors and heads only' }),
  },
})

export const myPetitionRoute = createRoute({
  operationId: 'getMyPetition',
  method: 'get',
  path: '/api/v1/me/petitions/{trackingCode}',
  tags: ['staff'],
  security,
  summary: "A petition the signed-in member filed, in the petitioner's view",
  request: { params: codeParam },
  responses: {
    200: {
      description: 'Status, public timeline, deadlines, answer',
      content: { 'application/json': { schema: citizenViewSchema } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in' }),
  },
})

export const listUsersRoute = createRoute({
  operationId: 'listUsers',
  method: 'get',
  path: '/api/v1/users',
  tags: ['admin'],
  security,
  summary: 'Staff and member accounts',
  responses: {
    200: {
      description: 'All accounts',
      content: { 'application/json': { schema: z.object({ items: z.array(userSchema) }) } },
    },
    ...problems({ 401: 'Not signed in', 403: 'Admins only' }),
  },
})

export const putUserRoute = createRoute({
  operationId: 'putUser',
  method: 'put',
  path: '/api/v1/users/{id}',
  tags: ['admin'],
  security,
  summary: 'Create or replace an account: roles and committee memberships',
  request: {
    params: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/) }),
    body: { required: true, content: { 'application/json': { schema: userInputSchema } } },
  },
  responses: {
    200: {
      description: 'The account; memberships that can reveal identity wait in pendingGrants',
      content: {
        'application/json': {
          schema: userSchema.extend({ pendingGrants: z.array(roleGrantSchema) }).meta({ id: 'SavedUser' }),
        },
      },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Admins only' }),
  },
})

export const listRoleGrantsRoute = createRoute({
  operationId: 'listPendingRoleGrants',
  method: 'get',
  path: '/api/v1/role-grants',
  tags: ['admin'],
  security,
  summary: 'Role grants that can reveal identity, waiting for a second administrator',
  responses: {
    200: {
      description: 'Pending grants, oldest first',
      content: { 'application/json': { schema: z.object({ items: z.array(roleGrantSchema) }) } },
    },
    ...problems({ 401: 'Not signed in', 403: 'Admins only' }),
  },
})

const grantParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/),
  grantId: z.string().uuid(),
})

function decideGrantRoute(decision: 'confirmation' | 'refusal') {
  return createRoute({
    operationId: decision === 'confirmation' ? 'confirmRoleGrant' : 'refuseRoleGrant',
    method: 'post',
    path: `/api/v1/users/{id}/grants/{grantId}/${decision}`,
    tags: ['admin'],
    security,
    summary:
      decision === 'confirmation'
        ? 'Confirm a pending role grant (an admin other than the one who asked, never for oneself)'
        : 'Refuse a pending role grant (never one of your own account)',
    request: { params: grantParams },
    responses: {
      200: { description: 'The decided grant', content: { 'application/json': { schema: roleGrantSchema } } },
      ...problemResponses,
      ...problems({
        401: 'Not signed in',
        403: 'Admins only; not your own roles; not a grant you asked for',
        404: 'No such grant',
        409: 'Already decided, or the account is gone',
      }),
    },
  })
}
export const confirmRoleGrantRoute = decideGrantRoute('confirmation')
export const refuseRoleGrantRoute = decideGrantRoute('refusal')

export const listRoleChangesRoute = createRoute({
  operationId: 'listRoleChanges',
  method: 'get',
  path: '/api/v1/role-changes',
  tags: ['admin'],
  security,
  summary: "The audited changes of every account's roles (direct, requested, confirmed, refused)",
  responses: {
    200: {
      description: 'Newest first',
      content: { 'application/json': { schema: z.object({ items: z.array(roleChangeSchema) }) } },
    },
    ...problems({ 401: 'Not signed in', 403: 'Supervisors and admins only' }),
  },
})

export const reportRoute = createRoute({
  operationId: 'getReport',
  method: 'get',
  path: '/api/v1/reports',
  tags: ['reports'],
  security,
  summary: 'Accountability report of a committee and the committees below it, for a period',
  request: {
    query: z.object({
      committeeId: z.string().min(1).max(64),
      from: localDate.optional(),
      to: localDate.optional(),
      period: z.enum(PERIOD_KINDS).optional(),
      year: z.coerce.number().int().min(2019).max(2100).optional(),
      index: z.coerce.number().int().min(1).max(12).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Every indicator, for the committee, its subtree and each child',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Supervisors and the heads over the committee only' }),
  },
})

/** Every staff route, for the OpenAPI document. */
export const STAFF_ROUTES = [
  recordIntakeRoute,
  getCaseRoute,
  actOnCaseRoute,
  revealIdentityRoute,
  verifyHistoryRoute,
  listCommitteesRoute,
  committeeQueueRoute,
  myPetitionsRoute,
  myPetitionRoute,
  listUsersRoute,
  putUserRoute,
  listRoleGrantsRoute,
  confirmRoleGrantRoute,
  refuseRoleGrantRoute,
  listRoleChangesRoute,
  reportRoute,
  ...ACCOUNTABILITY_ROUTES,
  ...RECEPTION_ROUTES,
  ...REPORT_AUDIT_ROUTES,
  ...STAFF_ATTACHMENT_ROUTES,
  ...DOSSIER_ROUTES,
]
