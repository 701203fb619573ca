/** The staff surface, described once for validation and for the OpenAPI document. */
import { createRoute } from '@hono/zod-openapi'
import { z } from 'zod'
import { actionSchema, staffIntakeSchema } from '../../shared/domain/schemas.js'
import { problemResponses, problemSchema, receiptSchema, staffCaseSchema } from '../../shared/http/schemas.js'

const security = [{ bearerAuth: [] }]
const codeParam = z.object({ trackingCode: z.string().max(40) })
const problems = (codes: Record<number, string>) =>
  Object.fromEntries(
    Object.entries(codes).map(([status, description]) => [
      status,
      { description, content: { 'application/problem+json': { schema: problemSchema } } },
    ]),
  )

export const recordIntakeRoute = createRoute({
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
  method: 'post',
  path: '/api/v1/cases/{trackingCode}/actions',
  tags: ['staff'],
  security,
  summary:
    'Take an action (accept, refuse, transfer, guide, file, extend, suspend, resume, resolve, close, withdraw, mark_duplicate, …)',
  request: {
    params: codeParam,
    headers: z.object({
      'if-match': z.string().max(40).optional().meta({ description: 'the case version you read' }),
    }),
    body: { required: true, content: { 'application/json': { schema: actionSchema } } },
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
      409: 'Not allowed in this state, for this kind or for your role',
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
                urgency: z.enum(['overdue', 'due_soon', 'on_track', 'none']),
                version: z.number().optional(),
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

export const STAFF_ROUTES = [
  recordIntakeRoute,
  getCaseRoute,
  actOnCaseRoute,
  listCommitteesRoute,
  committeeQueueRoute,
  myPetitionsRoute,
]
