/** The public surface, described once: the app validates with these, the OpenAPI document shows them. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { ratingSchema } from '../../shared/domain/satisfaction.js'
import {
  escalationSchema,
  petitionInputSchema,
  supplementSchema,
  trackingCode,
  withdrawalSchema,
} from '../../shared/domain/schemas.js'
import { citizenViewSchema, problemResponses, problems, receiptSchema } from '../../shared/http/schemas.js'
import {
  citizenViewExample,
  petitionExample,
  receiptExample,
  validationProblemExample,
} from '../api-examples.js'
import { PUBLIC_ATTACHMENT_ROUTES } from './attachment-routes.js'

const codeParam = z.object({
  trackingCode: z.string().max(40).meta({ description: 'tracking code, dashes optional' }),
})
const pinHeader = z.object({ 'x-tracking-pin': z.string().min(1).max(32) })
const tooMany = {
  ...problems({ 429: 'Too many wrong PINs for this code' }),
}

export const submitPetitionRoute = createRoute({
  operationId: 'submitPetition',
  method: 'post',
  path: '/api/v1/petitions',
  tags: ['public'],
  security: [],
  summary: 'File a petition (no account needed)',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(128).optional() }),
    body: {
      required: true,
      content: { 'application/json': { schema: petitionInputSchema, example: petitionExample } },
    },
  },
  responses: {
    201: {
      description: 'Stored durably: the tracking code and the PIN (shown once)',
      content: { 'application/json': { schema: receiptSchema, example: receiptExample } },
    },
    ...problems({
      409: 'The same Idempotency-Key is still being processed',
      429: 'Too many petitions from this address (see Retry-After)',
    }),
    ...problemResponses,
    ...problems({
      422: {
        description: 'Invalid input: each field and the rule it breaks',
        example: validationProblemExample,
      },
    }),
  },
})

export const trackPetitionRoute = createRoute({
  operationId: 'trackPetition',
  method: 'get',
  path: '/api/v1/petitions/{trackingCode}',
  tags: ['public'],
  security: [],
  summary: "The petitioner's view of a petition",
  request: { params: codeParam, headers: pinHeader },
  responses: {
    200: {
      description: 'Status, public timeline, deadlines, the answer',
      content: { 'application/json': { schema: citizenViewSchema, example: citizenViewExample } },
    },
    ...problemResponses,
    ...tooMany,
  },
})

export const withdrawPetitionRoute = createRoute({
  operationId: 'withdrawPetition',
  method: 'post',
  path: '/api/v1/petitions/{trackingCode}/withdrawal',
  tags: ['public'],
  security: [],
  summary: 'Withdraw a complaint or denunciation, wholly or in part',
  request: {
    params: codeParam,
    headers: pinHeader,
    body: { required: true, content: { 'application/json': { schema: withdrawalSchema } } },
  },
  responses: {
    200: {
      description: 'The petition after the withdrawal',
      content: { 'application/json': { schema: citizenViewSchema } },
    },
    ...problems({ 409: 'Not possible in this state or for this kind' }),
    ...problemResponses,
    ...tooMany,
  },
})

export const supplementPetitionRoute = createRoute({
  operationId: 'supplementPetition',
  method: 'post',
  path: '/api/v1/petitions/{trackingCode}/supplements',
  tags: ['public'],
  security: [],
  summary: 'Add information to a petition',
  request: {
    params: codeParam,
    headers: pinHeader,
    body: { required: true, content: { 'application/json': { schema: supplementSchema } } },
  },
  responses: {
    201: {
      description: 'The petition with the supplement on its timeline',
      content: { 'application/json': { schema: citizenViewSchema } },
    },
    ...problems({ 409: 'The case is closed' }),
    ...problemResponses,
    ...tooMany,
  },
})

export const escalatePetitionRoute = createRoute({
  operationId: 'escalatePetition',
  method: 'post',
  path: '/api/v1/petitions/{trackingCode}/escalation',
  tags: ['public'],
  security: [],
  summary: 'A denouncer asks the superior to act on an overdue denunciation (Law 25/2018 Art. 38)',
  request: {
    params: codeParam,
    headers: pinHeader,
    body: { required: true, content: { 'application/json': { schema: escalationSchema } } },
  },
  responses: {
    200: {
      description: 'The petition with the escalation on its timeline',
      content: { 'application/json': { schema: citizenViewSchema } },
    },
    ...problems({ 409: 'Not overdue, not a named denunciation being resolved, or already escalated' }),
    ...problemResponses,
    ...tooMany,
  },
})

export const ratePetitionRoute = createRoute({
  operationId: 'ratePetition',
  method: 'post',
  path: '/api/v1/petitions/{trackingCode}/rating',
  tags: ['public'],
  security: [],
  summary: 'The petitioner rates the answer (1–5, an optional comment), once',
  request: {
    params: codeParam,
    headers: pinHeader,
    body: { required: true, content: { 'application/json': { schema: ratingSchema } } },
  },
  responses: {
    201: {
      description: 'The petition with its rating',
      content: { 'application/json': { schema: citizenViewSchema } },
    },
    ...problems({ 409: 'Already rated (`already_rated`), or no answer yet (`no_answer_yet`)' }),
    ...problemResponses,
    ...tooMany,
  },
})

export const PUBLIC_ROUTES = [
  submitPetitionRoute,
  trackPetitionRoute,
  withdrawPetitionRoute,
  supplementPetitionRoute,
  escalatePetitionRoute,
  ratePetitionRoute,
  ...PUBLIC_ATTACHMENT_ROUTES,
]
export { trackingCode }
