/**
 * Wrong-PIN attempts per client address, in fixed windows: stops one client from trying PINs
 * across many tracking codes (the per-code guard, pin-guard.ts, stops many clients on one code).
 * Addresses are stored only as salted hashes.
 *
 * Every check reserves its attempt first (a conditional increment refused at the limit); a right
 * PIN gives it back, so the count is of wrong PINs and of checks still running.
 *
 * Access patterns:
 *   reserve(client, now)         UpdateItem  RATE#<hash> / PIN#<window start>  ADD count, conditional
 *                                on count < limit; expiresAt for DynamoDB TTL
 *   refund(client, reservedAt)   UpdateItem  RATE#<hash> / PIN#<window start>  ADD count −1
 */
import { createHash } from 'node:crypto'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client.js'

export const CLIENT_WINDOW_MS = 15 * 60_000
/** Wrong PINs one address may send in a window, across all codes. */
export const CLIENT_FAILURES_PER_WINDOW = 30

export function createClientRateLimit(db: Db, tableName: string, salt: string) {
  const key = (client: string, nowMs: number) => {
    const windowStart = nowMs - (nowMs % CLIENT_WINDOW_MS)
    const hash = createHash('sha256').update(`${salt}:${client}`).digest('hex').slice(0, 32)
    return {
      key: { pk: `RATE#${hash}`, sk: `PIN#${new Date(windowStart).toISOString()}` },
      windowEnd: windowStart + CLIENT_WINDOW_MS,
    }
  }
  return {
    /**
     * Takes one of the window's attempts before the PIN is checked: 0 when taken, otherwise the
     * milliseconds until the next window. One conditional counter increment, so no burst from one
     * client gets more than the limit checked, however many requests run at once.
     */
    async reserve(client: string, nowMs: number): Promise<number> {
      const { key: k, windowEnd } = key(client, nowMs)
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: k,
            UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :exp)',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': CLIENT_FAILURES_PER_WINDOW,
              ':exp': Math.ceil(windowEnd / 1000) + 3600,
            },
          }),
        )
        return 0
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return windowEnd - nowMs
        throw error
      }
    },
    /** The PIN was right: the reserved attempt is given back (only wrong PINs count). */
    async refund(client: string, reservedAtMs: number): Promise<void> {
      const { key: k } = key(client, reservedAtMs)
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: k,
            UpdateExpression: 'ADD #count :minus',
            ConditionExpression: '#count > :zero',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        )
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error
        })
    },
  }
}

export type ClientRateLimit = ReturnType<typeof createClientRateLimit>
