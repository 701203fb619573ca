/**
 * Wrong-PIN guard per tracking code. The PIN is compared in memory (a keyed hash, microseconds);
 * its outcome then takes effect only through one conditional update of the guard, hit or miss
 * alike. DynamoDB orders the updates of one item, so of any number of simultaneous guesses only
 * those ordered before the limit are answered: of 40 at once, at most `FREE_ATTEMPTS` misses
 * (and the right PIN only if it came among them); the rest are told to wait, right or wrong.
 *
 * After the free attempts the code is not locked out, only slowed: one attempt per interval, the
 * interval doubling with every further miss up to `MAX_SLOW_MS`. The rightful petitioner, after a
 * stranger's burst, waits minutes at most, never a day; a guesser on one code gets about a hundred
 * tries a day at 10^8 PINs. A right PIN clears the misses.
 *
 * Access patterns:
 *   settle(code, hit, now)    UpdateItem  CASE#<code> / PIN_GUARD  a miss: ADD attempts; a hit: SET
 *                             attempts 0; conditional on free attempts left
 *                             (slowed) GetItem, then the same UpdateItem conditional on the count
 *                             read and the interval having passed; it sets the next interval
 *   settle, the last free miss UpdateItem SET lockedUntil (the first interval)
 */
import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb'
import { type Db, isConditionalCheckFailed } from './client.js'
import { casePk } from './keys.js'

/** Misses answered without waiting. */
export const FREE_ATTEMPTS = 5
const FIRST_INTERVAL_MS = 60_000
/** The longest wait between two attempts on one code, however many misses. */
export const MAX_SLOW_MS = 15 * 60_000
/**
 * A last free miss whose interval was never written (the process died between the two updates)
 * stops holding the code after this long, so no code can be wedged shut.
 */
const STALE_MS = FIRST_INTERVAL_MS
/** The wait told when the guard changed under the attempt twice over: try again in a moment. */
const MIN_WAIT_MS = 1_000

/** The wait before the next attempt after `attempts` misses. */
export function slowIntervalMs(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0
  return Math.min(MAX_SLOW_MS, FIRST_INTERVAL_MS * 2 ** (attempts - FREE_ATTEMPTS))
}

/** Whether the attempt's outcome stands (`ok`), or how long to wait before trying again. */
export type PinSettlement = { readonly ok: true } | { readonly ok: false; readonly waitMs: number }

export function createPinGuard(db: Db, tableName: string) {
  const key = (code: string) => ({ pk: casePk(code), sk: 'PIN_GUARD' })

  async function update(input: Omit<UpdateCommandInput, 'TableName'>) {
    try {
      return await db.update({ TableName: tableName, ...input })
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined
      throw error
    }
  }

  /** A miss counts one more; a hit wipes the misses. `extra` adds to the update expression. */
  const effect = (hit: boolean, extra: string) =>
    hit ? `SET attempts = :zero${extra} REMOVE lockedUntil` : `ADD attempts :one SET lastAt = :now${extra}`

  return {
    /** Lets the outcome of one PIN check stand, or refuses it (the caller answers 429). */
    async settle(code: string, hit: boolean, nowMs: number): Promise<PinSettlement> {
      // Twice at most: a free attempt refused because a simultaneous hit just cleared the count
      // (or any change between the update and the read) is tried once more.
      for (let round = 0; round < 2; round++) {
        const free = await update({
          Key: key(code),
          UpdateExpression: effect(hit, ''),
          ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :free',
          ExpressionAttributeValues: hit
            ? { ':zero': 0, ':free': FREE_ATTEMPTS }
            : { ':one': 1, ':now': nowMs, ':free': FREE_ATTEMPTS },
          ReturnValues: 'UPDATED_NEW',
        })
        if (free) {
          const attempts = Number(free.Attributes?.attempts ?? 0)
          if (!hit && attempts >= FREE_ATTEMPTS)
            await update({
              Key: key(code),
              UpdateExpression: 'SET lockedUntil = :until',
              ConditionExpression: 'attribute_not_exists(lockedUntil) OR lockedUntil < :until',
              ExpressionAttributeValues: { ':until': nowMs + slowIntervalMs(attempts) },
            })
          return { ok: true }
        }

        // Slowed: one attempt per interval. The update sets the next interval itself, so of
        // simultaneous attempts only the one that saw the count unchanged goes through.
        const seen = await db.get({ TableName: tableName, Key: key(code), ConsistentRead: true })
        const attempts = Number(seen.Item?.attempts ?? 0)
        if (attempts < FREE_ATTEMPTS) continue
        const lockedUntil = seen.Item?.lockedUntil as number | undefined
        // A lock longer than any interval is the 24-hour lock-out of before: it no longer holds.
        const legacy = lockedUntil !== undefined && lockedUntil > nowMs + MAX_SLOW_MS
        const opensAt = legacy ? nowMs : (lockedUntil ?? Number(seen.Item?.lastAt ?? 0) + STALE_MS)
        if (opensAt > nowMs) return { ok: false, waitMs: opensAt - nowMs }
        const slow = await update({
          Key: key(code),
          UpdateExpression: effect(hit, hit ? '' : ', lockedUntil = :until'),
          ConditionExpression:
            'attempts = :seen AND ((attribute_exists(lockedUntil) AND (lockedUntil <= :now OR lockedUntil > :far)) OR ' +
            '(attribute_not_exists(lockedUntil) AND (attribute_not_exists(lastAt) OR lastAt <= :stale)))',
          ExpressionAttributeValues: {
            ...(hit ? { ':zero': 0 } : { ':one': 1, ':until': nowMs + slowIntervalMs(attempts + 1) }),
            ':now': nowMs,
            ':seen': attempts,
            ':stale': nowMs - STALE_MS,
            ':far': nowMs + MAX_SLOW_MS,
          },
        })
        if (slow) return { ok: true }
        // Another attempt took this interval first.
        return { ok: false, waitMs: slowIntervalMs(attempts + 1) }
      }
      return { ok: false, waitMs: MIN_WAIT_MS }
    },
  }
}

export type PinGuard = ReturnType<typeof createPinGuard>
