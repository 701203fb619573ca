/**
 * Wrong-PIN guard per tracking code: after a few misses the code is locked for a time that doubles
 * with every further miss, so guessing an 8-digit PIN online is hopeless.
 *
 * Access patterns:
 *   getGuard(code)      GetItem     CASE#<code> / PIN_GUARD
 *   recordFailure(code) UpdateItem  ADD failures (atomic under concurrent guesses)
 *   reset(code)         UpdateItem  only after a correct PIN when there were failures
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client.js'
import { casePk } from './keys.js'

/** Misses allowed before the first lock-out. */
export const FREE_ATTEMPTS = 5
const FIRST_LOCK_MS = 60_000
const MAX_LOCK_MS = 24 * 3_600_000

export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS))
}

export function createPinGuard(db: Db, tableName: string) {
  const key = (code: string) => ({ pk: casePk(code), sk: 'PIN_GUARD' })
  return {
    async getGuard(code: string): Promise<{ failures: number; lockedUntil?: number }> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: key(code), ConsistentRead: true }),
      )
      return {
        failures: (out.Item?.failures as number) ?? 0,
        lockedUntil: out.Item?.lockedUntil as number | undefined,
      }
    },
    async recordFailure(code: string, nowMs: number): Promise<void> {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(code),
          UpdateExpression: 'ADD failures :one',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      )
      const failures = (out.Attributes?.failures as number) ?? 1
      const lock = lockDurationMs(failures)
      if (lock > 0)
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(code),
            UpdateExpression: 'SET lockedUntil = :until',
            ExpressionAttributeValues: { ':until': nowMs + lock },
          }),
        )
    },
    async reset(code: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(code),
          UpdateExpression: 'SET failures = :zero REMOVE lockedUntil',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      )
    },
  }
}

export type PinGuard = ReturnType<typeof createPinGuard>
