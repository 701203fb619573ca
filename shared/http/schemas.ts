/** Response schemas for the OpenAPI document (requests use the domain schemas directly). */
import * as z from 'zod'
import { STATUSES } from '../domain/lifecycle.js'
import { MATCH_REASONS } from '../domain/similarity.js'
import { CHANNELS, KINDS } from '../domain/vocabulary.js'
import { PROBLEM_FAMILIES, type ProblemFamily, type ProblemStatusCode } from './problem-types.js'

const fieldProblemSchema = z
  .object({
    field: z
      .string()
      .meta({ description: 'the field, dotted (`petitioner.phone`); `(body)` for the whole body' }),
    rule: z.string().meta({ description: 'the rule it breaks, a stable code' }),
    message: z.string().meta({ description: "how to fix it, in the caller's language" }),
  })
  .meta({ id: 'FieldProblem' })

/**
 * RFC 9457 problem details. The standard members are always present and always the standard ones
 * (shared/http/problem.ts); extension members (`errors`, `retryAfterSeconds`, `correlationId`, and
 * per code e.g. `action`, `caseStatus`, `kind`) may be added, so the object stays open.
 */
export const problemSchema = z
  .object({
    type: z.url().meta({
      description: 'absolute URI of the problem type; its page says what happened and what to do',
      example: 'https://tiepdan.example.vn/problems/action_not_in_state',
    }),
    title: z.string().meta({ description: "short summary of the type, in the caller's language" }),
    status: z.number().int().meta({ description: 'the HTTP status code, always' }),
    detail: z.string().meta({ description: 'what happened in this case' }),
    instance: z.string().meta({ description: 'the path that was called' }),
    errors: z.array(fieldProblemSchema).optional(),
    retryAfterSeconds: z.number().int().optional().meta({ description: 'also in the Retry-After header' }),
    correlationId: z.string().optional().meta({ description: 'on a 5xx: finds the request in the logs' }),
  })
  .loose()
  .meta({ id: 'Problem' })

/** A problem family's schema: the problem's members, `status` fixed to the family's. */
function familySchema(status: number, family: ProblemFamily) {
  return problemSchema
    .extend({
      status: z.literal(status).meta({ description: 'the HTTP status code, always' }),
    })
    .meta({ id: family.schema, description: `${family.title.en}. ${family.happened.en}` })
}

export type ProblemSchema = ReturnType<typeof familySchema>

/** One schema per problem family (its HTTP status), each naming the status it carries. */
export const PROBLEM_SCHEMAS = Object.fromEntries(
  Object.entries(PROBLEM_FAMILIES).map(([status, family]) => [status, familySchema(Number(status), family)]),
) as Record<ProblemStatusCode, ProblemSchema>

type ProblemDescription = string | { readonly description: string; readonly example: unknown }

/**
 * Problem responses of an operation, `{ status: description }` (or `{ description, example }`),
 * each with its family's schema.
 */
export function problems<S extends ProblemStatusCode>(codes: Record<S, ProblemDescription>) {
  return Object.fromEntries(
    Object.entries<ProblemDescription>(codes).map(([status, given]) => {
      const { description, example } =
        typeof given === 'string' ? { description: given, example: undefined } : given
      const media = { schema: PROBLEM_SCHEMAS[Number(status) as S], ...(example ? { example } : {}) }
      return [status, { description, content: { 'application/problem+json': media } }]
    }),
  ) as Record<S, { description: string; content: { 'application/problem+json': { schema: ProblemSchema } } }>
}

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
  // Open like `.loose()` (the same document), but typed so that an optional member of the view,
  // absent from the JSON when undefined, is not refused by Hono's JSON value type.
  .catchall(z.any())
  .meta({ id: 'Case' })

export const problemResponses = problems({
  400: 'Malformed request',
  404: 'Not found',
  422: 'Invalid input: each field and the rule it breaks',
})
