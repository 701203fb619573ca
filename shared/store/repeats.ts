/**
 * The repeat index: small key items that point from a salted hash of a petition's identity
 * number, name and address, subject or content band (shared/domain/similarity.ts) to the case.
 * No key, sort key or attribute carries an identity number, a name or an address: only
 * HMAC-SHA-256 under a secret salt, so the index cannot be read back into who filed what.
 * The hashes of a case's own keys are kept on its CONTENT item (`repeatKeys`), so the staff side
 * can look for earlier cases without ever opening the sealed identity.
 *
 * Access patterns:
 *   indexCase(code, at, keys)       PutItem   REPEAT#<hash> / <receivedAt>#<code>, one per key
 *                                   (unconditional: a retry writes the same items again, never more)
 *   findByKeys(keys, until)         Query     REPEAT#<hash>, sk up to the case's receipt, newest
 *                                   first, CANDIDATES_PER_KEY items per key
 *   earlierCase(code)               GetItem   CASE#<code> / CASE (projection: what a suggestion shows)
 *   earlierText(code)               GetItem   CASE#<code> / CONTENT (projection: the text)
 *   saveSuggestions(code, list)     UpdateItem CASE#<code> / CASE SET repeats, once (conditional on
 *                                   its absence; no version bump: staff holding the version are
 *                                   not disturbed)
 */
import { createHmac } from 'node:crypto'
import type { Status } from '../domain/lifecycle.js'
import type { KeyMaterial, MatchReason, RepeatSuggestion } from '../domain/similarity.js'
import type { Kind } from '../domain/vocabulary.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { casePk } from './keys.js'

/** A key to write or look up: its hash (the partition key's suffix) and what a match means. */
export interface RepeatKey {
  readonly hash: string
  readonly reason: MatchReason
}

/** Candidates per key read at intake: bounds the cost of a popular subject or a mass petition. */
export const CANDIDATES_PER_KEY = 10

export interface EarlierCase {
  readonly code: string
  readonly kind: Kind
  readonly status: Status
  readonly receivedAt: string
  readonly receivedOn: string
  readonly title: string
  readonly committeeId: string
  readonly ownerId?: string
  readonly anonymous: boolean
  readonly answer?: { readonly outcome?: string }
  /** First event only (who registered it): enough for the policy's object scope. */
  readonly history: readonly { readonly type: string; readonly actor: { readonly id?: string } }[]
}

export function createRepeatStore(db: Db, tableName: string, salt: string) {
  /** The salted hash of a key material (base64url, 128 bits: collisions are not a concern). */
  function hashKeys(materials: readonly KeyMaterial[]): RepeatKey[] {
    return materials.map((m) => ({
      hash: createHmac('sha256', salt).update(m.material).digest('base64url').slice(0, 22),
      reason: m.reason,
    }))
  }

  async function indexCase(code: string, receivedAt: string, keys: readonly RepeatKey[]): Promise<void> {
    await Promise.all(
      keys.map((k) =>
        db.put({
          TableName: tableName,
          Item: {
            pk: `REPEAT#${k.hash}`,
            sk: `${receivedAt}#${code}`,
            code,
            at: receivedAt,
            reason: k.reason,
          },
        }),
      ),
    )
  }

  /**
   * The cases that share at least one key, with the reasons they share, newest first per key.
   * `receivedAt` must match the key item's: a key written for a code that never became a case (a
   * failed write, a code clash) cannot point at a different case.
   */
  async function findByKeys(
    keys: readonly RepeatKey[],
    until: { readonly receivedAt: string; readonly code?: string },
    limit = CANDIDATES_PER_KEY,
  ): Promise<Map<string, { at: string; reasons: Set<MatchReason> }>> {
    const found = new Map<string, { at: string; reasons: Set<MatchReason> }>()
    const pages = await Promise.all(
      keys.map((k) =>
        db.query({
          TableName: tableName,
          // Received no later than the case itself ('~' sorts after every code character).
          KeyConditionExpression: 'pk = :pk AND sk < :until',
          ExpressionAttributeValues: { ':pk': `REPEAT#${k.hash}`, ':until': `${until.receivedAt}#~` },
          ProjectionExpression: 'code, #at',
          ExpressionAttributeNames: { '#at': 'at' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    )
    pages.forEach((page, i) => {
      for (const item of page.Items ?? []) {
        const code = item.code as string
        if (code === until.code) continue
        const entry = found.get(code) ?? { at: item.at as string, reasons: new Set<MatchReason>() }
        entry.reasons.add(keys[i]!.reason)
        found.set(code, entry)
      }
    })
    return found
  }

  async function earlierCase(code: string): Promise<EarlierCase | undefined> {
    const out = await db.get({
      TableName: tableName,
      Key: { pk: casePk(code), sk: 'CASE' },
      ProjectionExpression:
        'code, kind, #status, receivedAt, receivedOn, title, committeeId, ownerId, anonymous, #answer.outcome, #history[0]',
      ExpressionAttributeNames: { '#status': 'status', '#history': 'history', '#answer': 'answer' },
    })
    return out.Item as EarlierCase | undefined
  }

  async function earlierText(code: string): Promise<string | undefined> {
    const out = await db.get({
      TableName: tableName,
      Key: { pk: casePk(code), sk: 'CONTENT' },
      ProjectionExpression: 'content',
    })
    return out.Item?.content as string | undefined
  }

  async function saveSuggestions(code: string, suggestions: readonly RepeatSuggestion[]): Promise<void> {
    try {
      await db.update({
        TableName: tableName,
        Key: { pk: casePk(code), sk: 'CASE' },
        UpdateExpression: 'SET repeats = :r',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(repeats)',
        ExpressionAttributeValues: { ':r': suggestions },
      })
    } catch (error) {
      // Another reader saved them first: theirs were computed from the same keys.
      if (!isConditionalCheckFailed(error)) throw error
    }
  }

  return { hashKeys, indexCase, findByKeys, earlierCase, earlierText, saveSuggestions }
}

export type RepeatStore = ReturnType<typeof createRepeatStore>
