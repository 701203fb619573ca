/**
 * Wrong-PIN attempts per client address, in fixed windows: stops one client from trying PINs
 * across many tracking codes (the per-code guard, pin-guard.ts, stops many clients on one code).
 * Addresses are stored only as salted hashes.
 *
 * Access patterns:
 *   countFailures(client, now)   GetItem     RATE#<hash> / PIN#<window start>
 *   recordFailure(client, now)   UpdateItem  ADD count (atomic), expiresAt for DynamoDB TTL
 */
import { createHash } from 'node:crypto'
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
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
    /** Milliseconds until the client may try again, or 0 when it may try now. */
    async blockedFor(client: string, nowMs: number): Promise<number> {
      const { key: k, windowEnd } = key(client, nowMs)
      const out = await db.send(new GetCommand({ TableName: tableName, Key: k, ConsistentRead: true }))
      return ((out.Item?.count as number) ?? 0) >= CLIENT_FAILURES_PER_WINDOW ? windowEnd - nowMs : 0
    },
    async recordFailure(client: string, nowMs: number): Promise<void> {
      const { key: k, windowEnd } = key(client, nowMs)
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: k,
          UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :exp)',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':exp': Math.ceil(windowEnd / 1000) + 3600 },
        }),
      )
    },
  }
}

export type ClientRateLimit = ReturnType<typeof createClientRateLimit>
