/**
 * Wrong-PIN guard per tracking code. Every check first reserves its attempt with one conditional
 * update, so the limit holds under any concurrency: of 40 simultaneous guesses at most
 * `FREE_ATTEMPTS` are ever checked. After those the code is not locked out, only slowed: one
 * attempt per interval, the interval doubling with every further miss up to `MAX_SLOW_MS`. The
 * rightful petitioner, after a stranger's burst, waits minutes at most, never a day; a guesser on
 * one code gets a few dozen tries a day at 10^8 PINs.
 *
 * Access patterns:
 *   reserve(code, now)           UpdateItem  CASE#<code> / PIN_GUARD  ADD attempts; conditional on
 *                                the free attempts left, or (slow) on the interval having passed
 *   reserve(code, now), slowed   GetItem     CASE#<code> / PIN_GUARD  only once the free ones are used
 *   missed(code, reservation)    UpdateItem  SET lockedUntil (the interval after this miss)
 *   release(code, reservation)   UpdateItem  ADD attempts −n REMOVE lockedUntil, after a correct PIN
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client.js'
import { casePk } from './keys.js'

/** Attempts checked without waiting. */
export const FREE_ATTEMPTS = 5
const FIRST_INTERVAL_MS = 60_000
/** The longest wait between two attempts on one code, however many misses. */
export const MAX_SLOW_MS = 15 * 60_000
/**
 * A reservation whose miss was never written (the process died between the two) stops counting as
 * a lock after this long, so no code can be wedged shut.
 */
const STALE_RESERVATION_MS = FIRST_INTERVAL_MS

/** The wait before the next attempt after `attempts` misses. */
export function slowIntervalMs(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0
  return Math.min(MAX_SLOW_MS, FIRST_INTERVAL_MS * 2 ** (attempts - FREE_ATTEMPTS))
}

/** A reserved attempt: `attempts` counts it and every unreleased one before it. */
export type PinReservation =
  | { readonly ok: true; readonly attempts: number; readonly nowMs: number }
  | { readonly ok: false; readonly waitMs: number }

function conditionFailed(error: unknown): boolean {
  return (error as { name?: string }).name === 'ConditionalCheckFailedException'
}

export function createPinGuard(db: Db, tableName: string) {
  const key = (code: string) => ({ pk: casePk(code), sk: 'PIN_GUARD' })

  async function update(input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>) {
    try {
      return await db.send(new UpdateCommand({ TableName: tableName, ...input }))
    } catch (error) {
      if (conditionFailed(error)) return undefined
      throw error
    }
  }

  return {
    /** Takes the right to check one PIN now, or says how long to wait. */
    async reserve(code: string, nowMs: number): Promise<PinReservation> {
      const free = await update({
        Key: key(code),
        UpdateExpression: 'ADD attempts :one SET lastAt = :now',
        ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :free',
        ExpressionAttributeValues: { ':one': 1, ':now': nowMs, ':free': FREE_ATTEMPTS },
        ReturnValues: 'UPDATED_NEW',
      })
      if (free) return { ok: true, attempts: Number(free.Attributes?.attempts ?? 1), nowMs }

      // Slowed: one attempt per interval. The reservation sets the interval itself, so of
      // concurrent attempts only the one that saw the count unchanged goes through.
      const seen = await db.send(
        new GetCommand({ TableName: tableName, Key: key(code), ConsistentRead: true }),
      )
      const attempts = Number(seen.Item?.attempts ?? 0)
      const lockedUntil = seen.Item?.lockedUntil as number | undefined
      const lastAt = Number(seen.Item?.lastAt ?? 0)
      // A lock longer than any interval is the 24-hour lock-out of before: it no longer holds.
      const legacy = lockedUntil !== undefined && lockedUntil > nowMs + MAX_SLOW_MS
      const opensAt = legacy ? nowMs : (lockedUntil ?? lastAt + STALE_RESERVATION_MS)
      if (opensAt > nowMs) return { ok: false, waitMs: opensAt - nowMs }
      const slow = await update({
        Key: key(code),
        UpdateExpression: 'ADD attempts :one SET lastAt = :now, lockedUntil = :until',
        ConditionExpression:
          'attempts = :seen AND ((attribute_exists(lockedUntil) AND (lockedUntil <= :now OR lockedUntil > :far)) OR ' +
          '(attribute_not_exists(lockedUntil) AND (attribute_not_exists(lastAt) OR lastAt <= :stale)))',
        ExpressionAttributeValues: {
          ':one': 1,
          ':now': nowMs,
          ':seen': attempts,
          ':until': nowMs + slowIntervalMs(attempts + 1),
          ':stale': nowMs - STALE_RESERVATION_MS,
          ':far': nowMs + MAX_SLOW_MS,
        },
      })
      if (slow) return { ok: true, attempts: attempts + 1, nowMs }
      // Another attempt took this interval first.
      return { ok: false, waitMs: slowIntervalMs(attempts + 1) }
    },

    /** The PIN was wrong: the attempt stays counted, and from the free ones' end, the interval runs. */
    async missed(code: string, reservation: PinReservation & { ok: true }): Promise<void> {
      const wait = slowIntervalMs(reservation.attempts)
      if (wait === 0) return
      await update({
        Key: key(code),
        UpdateExpression: 'SET lockedUntil = :until',
        ConditionExpression:
          'attribute_not_exists(lockedUntil) OR lockedUntil < :until OR lockedUntil > :far',
        ExpressionAttributeValues: {
          ':until': reservation.nowMs + wait,
          ':far': reservation.nowMs + MAX_SLOW_MS,
        },
      })
    },

    /**
     * The PIN was right: this attempt and the misses before it no longer count (attempts of others
     * still in flight keep theirs).
     */
    async release(code: string, reservation: PinReservation & { ok: true }): Promise<void> {
      await update({
        Key: key(code),
        UpdateExpression:
          reservation.attempts > 1 ? 'ADD attempts :minus REMOVE lockedUntil' : 'ADD attempts :minus',
        ConditionExpression: 'attempts >= :n',
        ExpressionAttributeValues: { ':minus': -reservation.attempts, ':n': reservation.attempts },
      })
    },
  }
}

export type PinGuard = ReturnType<typeof createPinGuard>
