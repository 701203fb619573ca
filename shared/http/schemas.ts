/** Response schemas for the OpenAPI document (requests use the domain schemas directly). */
import * as z from 'zod'
import { STATUSES } from '../domain/lifecycle.js'
import { MATCH_REASONS } from '../domain/similarity.js'
import { CHANNELS, KINDS } from '../domain/vocabulary.js'

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' })

export const deadlineSchema = z
  .object({
    clock: z.string(),
    dueDate: z.string().meta({ description: 'last day allowed, YYYY-MM-DD in Vietnam time' }),
    dayType: z.enum(['working', 'calendar']),
    basis: z.string(),
    explanation: z.string(),
    state: z.enum(['running', 'paused', 'met', 'missed']),
    startedOn: z.string(),
    limit: z.number(),
    unit: z.string(),
    doneOn: z.string().optional(),
  })
  .meta({ id: 'Deadline' })

const committeeRef = z.object({ id: z.string(), name: z.string() })

export const receiptSchema = z
  .object({
    trackingCode: z.string(),
    pin: z.string().meta({ description: 'shown once; stored only as a slow hash' }),
    kind: z.enum(KINDS),
    status: z.enum(STATUSES),
    receivedAt: z.string(),
    anonymous: z.boolean(),
    committee: committeeRef,
    routing: z.object({ reason: z.string() }),
    deadlines: z.array(deadlineSchema),
  })
  .meta({ id: 'Receipt' })

export const citizenViewSchema = z
  .object({
    trackingCode: z.string(),
    kind: z.enum(KINDS),
    title: z.string(),
    status: z.enum(STATUSES),
    receivedAt: z.string(),
    anonymous: z.boolean(),
    committee: committeeRef,
    timeline: z.array(z.object({ at: z.string(), type: z.string(), note: z.string().optional() })),
    deadlines: z.array(deadlineSchema),
    answer: z.object({ text: z.string(), outcome: z.string(), at: z.string() }).optional(),
    canWithdraw: z.boolean(),
    canSupplement: z.boolean(),
    canEscalate: z.boolean(),
    canRate: z.boolean(),
    rating: z.object({ score: z.number().int(), comment: z.string().optional(), at: z.string() }).optional(),
  })
  .meta({ id: 'CitizenView' })

/** An earlier petition this one may repeat, as the viewer may see it (shared/service/repeats.ts). */
const repeatSuggestionSchema = z
  .object({
    trackingCode: z
      .string()
      .optional()
      .meta({ description: 'only when your scope reaches the earlier case (`reachable`)' }),
    score: z.number().min(0).max(1).meta({ description: 'content similarity, 0…1' }),
    reasons: z.array(z.enum(MATCH_REASONS)),
    kind: z.enum(KINDS),
    status: z.enum(STATUSES),
    outcome: z.string().optional(),
    receivedOn: z.string(),
    title: z.string().optional().meta({ description: 'only when your scope reaches the earlier case' }),
    reachable: z.boolean(),
    flag: z
      .object({ code: z.string(), vi: z.string(), en: z.string(), basis: z.string() })
      .optional()
      .meta({ description: 'a ground not to handle the petition again, with its legal basis' }),
  })
  .meta({ id: 'RepeatSuggestion' })

export const staffCaseSchema = z
  .object({
    trackingCode: z.string(),
    version: z.number().int(),
    kind: z.enum(KINDS),
    status: z.enum(STATUSES),
    channel: z.enum(CHANNELS),
    committee: committeeRef,
    deadlines: z.array(deadlineSchema),
    history: z.array(z.record(z.string(), z.unknown())),
    allowedActions: z.array(z.string()),
    repeats: z.array(repeatSuggestionSchema),
  })
  .loose()
  .meta({ id: 'Case' })

export const problemResponses = {
  400: {
    description: 'Malformed request',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: problemSchema } } },
  422: {
    description: 'Invalid input: each field and the rule it breaks',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
} as const
