/**
 * Wrong-PIN attempts per client address, in fixed windows: stops one client from trying PINs
 * across many tracking codes (the per-code guard, pin-guard.ts, stops many clients on one code).
 * Addresses are stored only as salted hashes.
 *
 * Every check's outcome takes effect through one conditional update of the window's item (a miss
 * counts one more; refused once the count is at the limit, a hit as well).
 *
 * Access patterns:
 *   settle(client, hit, now)     UpdateItem  RATE#<hash> / PIN#<window start>  (a miss: ADD count),
 *                                conditional on count < limit; expiresAt for DynamoDB TTL
 */
import { createHash } from 'node:crypto'
import { type Db, isConditionalCheckFailed } from './client.js'

export const CLIENT_WINDOW_MS = 15 * 60_000
/** Wrong PINs one address may send in a window, across all codes. */
export const CLIENT_FAILURES_PER_WINDOW = 30

/**
 * One fixed window of one client address (kept only as a salted hash), counted by a single
 * conditional update: 0 when the window still has room (a counting call takes one place), else
 * the milliseconds until the window ends. DynamoDB orders the updates of the item, so no burst gets
 * past the limit; the item expires an hour after its window (DynamoDB TTL).
 */
function clientWindows(db: Db, tableName: string, salt: string) {
  return async function take(
    client: string,
    window: { readonly label: string; readonly ms: number; readonly limit: number },
    count: boolean,
    nowMs: number,
  ): Promise<number> {
    const windowStart = nowMs - (nowMs % window.ms)
    const windowEnd = windowStart + window.ms
    const hash = createHash('sha256').update(`${salt}:${client}`).digest('hex').slice(0, 32)
    try {
      await db.update({
        TableName: tableName,
        Key: { pk: `RATE#${hash}`, sk: `${window.label}#${new Date(windowStart).toISOString()}` },
        UpdateExpression: `${count ? 'ADD #count :one ' : ''}SET expiresAt = if_not_exists(expiresAt, :exp)`,
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ...(count ? { ':one': 1 } : {}),
          ':limit': window.limit,
          ':exp': Math.ceil(windowEnd / 1000) + 3600,
        },
      })
      return 0
    } catch (error) {
      if (isConditionalCheckFailed(error)) return windowEnd - nowMs
      throw error
    }
  }
}

const PIN_WINDOW = { label: 'PIN', ms: CLIENT_WINDOW_MS, limit: CLIENT_FAILURES_PER_WINDOW }

export function createClientRateLimit(db: Db, tableName: string, salt: string) {
  const take = clientWindows(db, tableName, salt)
  return {
    /**
     * Lets the outcome of one PIN check stand: 0, or the milliseconds until the next window when
     * the client has used its wrong PINs (then a right one is refused too, or a burst of guesses
     * would test them all). A miss counts one more.
     */
    settle: (client: string, hit: boolean, nowMs: number): Promise<number> =>
      take(client, PIN_WINDOW, !hit, nowMs),
  }
}

export type ClientRateLimit = ReturnType<typeof createClientRateLimit>

/** Submissions one address may file in an hour, with or without an Idempotency-Key. */
export const SUBMISSIONS_PER_HOUR = 20
/**
 * Submissions one address may file without an Idempotency-Key in a minute: a client that retries
 * sends a key (its replays are answered from the record, never counted), so a fast run of keyless
 * ones is a script, not a citizen.
 */
export const KEYLESS_SUBMISSIONS_PER_MINUTE = 5
const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/**
 * Submissions per client address, in fixed windows: one conditional increment per window, so no
 * burst files more than the limit, however many run at once.
 *
 * Access patterns:
 *   admit(client, keyed, now)   UpdateItem  RATE#<hash> / SUBMIT#<hour start>, and without a key
 *                               also RATE#<hash> / KEYLESS#<minute start>; ADD count, conditional
 *                               on count < limit; expiresAt for DynamoDB TTL
 */
export interface SubmissionLimits {
  readonly perHour: number
  readonly keylessPerMinute: number
}

export const SUBMISSION_LIMITS: SubmissionLimits = {
  perHour: SUBMISSIONS_PER_HOUR,
  keylessPerMinute: KEYLESS_SUBMISSIONS_PER_MINUTE,
}

export function createSubmissionLimit(
  db: Db,
  tableName: string,
  salt: string,
  /** false: no limit and no counting (a test harness where one address sends everything). */
  limits: SubmissionLimits | false = SUBMISSION_LIMITS,
) {
  const take = clientWindows(db, tableName, salt)

  return {
    /**
     * Counts one submission of the client: 0 when admitted, otherwise the milliseconds to wait.
     * The keyless minute is taken first: a refused burst does not use up the hour.
     */
    async admit(client: string, keyed: boolean, nowMs: number): Promise<number> {
      if (limits === false) return 0
      if (!keyed) {
        const wait = await take(
          client,
          { label: 'KEYLESS', ms: MINUTE_MS, limit: limits.keylessPerMinute },
          true,
          nowMs,
        )
        if (wait > 0) return wait
      }
      return take(client, { label: 'SUBMIT', ms: HOUR_MS, limit: limits.perHour }, true, nowMs)
    },
  }
}

export type SubmissionLimit = ReturnType<typeof createSubmissionLimit>
