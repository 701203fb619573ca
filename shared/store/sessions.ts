/**
 * Ended staff sessions: signing out records the session's id here until its token expires, and the
 * token verifier (shared/http/auth.ts) refuses a token whose session is recorded. A token is a
 * bearer credential the app cannot recall, so the record is what makes signing out final, for the
 * cookie pages and the Bearer API alike. One small item per sign-out; DynamoDB's TTL removes it
 * after the token could no longer be used anyway.
 *
 * Access patterns:
 *   isRevoked(sessionId)        GetItem     SESSION#<id> / REVOKED  (every authenticated request)
 *   revoke(sessionId, until)    PutItem     SESSION#<id> / REVOKED, expiresAt for DynamoDB TTL
 */
import type { Db } from './client.js'
import { TIME_TO_LIVE_ATTRIBUTE } from './table.js'

/** What the verifier asks and tells: a session id is a hash the verifier derives from the token. */
export interface RevokedSessions {
  isRevoked(sessionId: string): Promise<boolean>
  /** Records the session as ended until `untilSeconds` (epoch seconds: the token's expiry). */
  revoke(sessionId: string, untilSeconds: number, nowMs: number): Promise<void>
}

export const sessionKey = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'REVOKED' })

export function createRevokedSessions(db: Db, tableName: string): RevokedSessions {
  return {
    async isRevoked(sessionId) {
      // Eventually consistent (half the read cost, on every authenticated request): a token reused
      // within the replication lag of its sign-out (well under a second) may still pass once.
      const out = await db.get({
        TableName: tableName,
        Key: sessionKey(sessionId),
        ProjectionExpression: 'pk',
      })
      return out.Item !== undefined
    },
    async revoke(sessionId, untilSeconds, nowMs) {
      await db.put({
        TableName: tableName,
        Item: {
          ...sessionKey(sessionId),
          revokedAt: new Date(nowMs).toISOString(),
          [TIME_TO_LIVE_ATTRIBUTE]: untilSeconds,
        },
      })
    },
  }
}
