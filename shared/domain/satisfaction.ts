/**
 * The petitioner's satisfaction with the answer (docs/domain.md#reports, `satisfaction.*`): once
 * the case carries an answer, the petitioner rates it 1–5 with an optional comment, once. The rating
 * is a `rated` history event; the report reads the first one into the metrics (`sc`).
 *
 * When a case can be rated: when it carries an answer on the substance, i.e. it was resolved
 * (status `resolved`, or `closed` after being resolved) and `answer` is set. A refusal, guidance,
 * a transfer, filing or a duplicate mark decide whether and where the petition is handled, not what
 * the answer is; the accountability report counts satisfaction among resolved cases only, so a
 * rating of those would never be counted anywhere. Withdrawn cases have no answer either.
 */
import * as z from 'zod'
import type { CaseEvent, CaseRecord, NewEvent } from './case.js'
import { TransitionError } from './errors.js'
import type { Status } from './lifecycle.js'
import { MAX_RATING_COMMENT } from './limits.js'
import { SATISFACTION_SCORES, type SatisfactionScore } from './reports.js'

export { MAX_RATING_COMMENT }

/** Statuses in which a case carries its answer. */
export const ANSWERED_STATUSES: readonly Status[] = ['resolved', 'closed']

/** Body of `POST /api/v1/petitions/{code}/rating`. */
export const ratingSchema = z.strictObject({
  score: z.int().min(1).max(5).meta({ description: '1 (very dissatisfied) to 5 (very satisfied)' }),
  comment: z.string().trim().max(MAX_RATING_COMMENT).optional(),
})
export type RatingInput = z.infer<typeof ratingSchema>

export interface Rating {
  readonly score: SatisfactionScore
  readonly comment?: string
  readonly at: string
}

/** The rating of a case: its first `rated` event, or undefined. */
export function ratingOf(c: Pick<CaseRecord, 'history'>): Rating | undefined {
  const event = c.history.find((e: CaseEvent) => e.type === 'rated')
  if (!event) return undefined
  const score = SATISFACTION_SCORES.find((s) => s === event.data.score)
  if (!score) return undefined
  const comment = typeof event.data.comment === 'string' ? event.data.comment : undefined
  return { score, at: event.at, ...(comment ? { comment } : {}) }
}

/** Why the petitioner may not rate now, or undefined when they may. */
export function ratingRefusal(
  c: Pick<CaseRecord, 'status' | 'answer' | 'history'>,
): { code: string; message: string } | undefined {
  if (c.history.some((e) => e.type === 'rated'))
    return {
      code: 'already_rated',
      message: 'the answer to this petition has already been rated; a rating is given once',
    }
  if (!ANSWERED_STATUSES.includes(c.status) || c.answer === undefined)
    return {
      code: 'no_answer_yet',
      message: 'a petition can be rated once it has been resolved and its answer given',
    }
  return undefined
}

/**
 * The event that records a rating. Throws a TransitionError (409) naming the rule when the case
 * cannot be rated (already rated, or no answer yet).
 */
export function decideRating(
  c: Pick<CaseRecord, 'status' | 'answer' | 'history'>,
  input: RatingInput,
  now: Date,
): NewEvent {
  const refusal = ratingRefusal(c)
  if (refusal) throw new TransitionError(refusal.code, refusal.message, { rule: refusal.code })
  const comment = input.comment?.trim()
  return {
    at: now.toISOString(),
    type: 'rated',
    actor: { kind: 'petitioner' },
    // On the petitioner's timeline; never a message (not in the notified events), never a note.
    public: true,
    data: { score: input.score, ...(comment ? { comment } : {}) },
  }
}
