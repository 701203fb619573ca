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
     * Lets the outcome of one PIN check stand: 0, or the milliseconds until the next window when
     * the client has used its wrong PINs (then a right one is refused too, or a burst of guesses
     * would test them all). One conditional update, a miss counting one more: DynamoDB orders the
     * updates of the window's item, so no burst gets more than the limit answered.
     */
    async settle(client: string, hit: boolean, nowMs: number): Promise<number> {
      const { key: k, windowEnd } = key(client, nowMs)
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: k,
            UpdateExpression: `${hit ? '' : 'ADD #count :one '}SET expiresAt = if_not_exists(expiresAt, :exp)`,
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: {
              ...(hit ? {} : { ':one': 1 }),
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
  }
}

export type ClientRateLimit = ReturnType<typeof createClientRateLimit>
