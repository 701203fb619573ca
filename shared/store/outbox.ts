/**
 * The outbox: every message the system sends (e-mail, SMS) is first written here with an id
 * derived from what it is about, so writing it twice is a no-op and it is sent at most once per
 * claim. The writer of a message holds it from the start (written already claimed, for a lease),
 * so it sends it at once without a second write; a message whose lease runs out (the writer died,
 * or the send failed) is due again, and a sender claims it with a conditional update (so two
 * senders never both send it). Failures retry with backoff and jitter, then fail permanently and
 * stay visible.
 *
 * A message is in the outbox index only while it is pending or failed: that is what a sender or a
 * delivery check looks for. A sent message leaves it (one index delete), so a message costs one
 * write with its index entry, one when sent and its entry's removal; not a third write and two
 * more index moves for a claim.
 *
 * Access patterns:
 *   put(message, claimedUntil)       PutItem    MSG#<id> / MSG, conditional on absence
 *   get(id)                          GetItem    MSG#<id> / MSG
 *   listDue(shard, now)              Query      index outbox, P#… up to now
 *   claim / markSent / markRetry     UpdateItem conditional on the state read
 *   listRecent(state)                Query      index outbox, P#… or F#…, newest first
 */
import { createHash } from 'node:crypto'
import type { Language } from '../domain/vocabulary.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { decodeItem } from './table.js'

export const OUTBOX_SHARDS = 4
export const CHANNEL_KINDS = ['email', 'sms'] as const
export type MessageChannel = (typeof CHANNEL_KINDS)[number]
export type MessageState = 'pending' | 'sent' | 'failed'

export interface OutboxMessage {
  readonly id: string
  readonly state: MessageState
  readonly channel: MessageChannel
  /** The recipient's address, sealed when it is a petitioner's (identity rules). */
  readonly to: string
  readonly toSealed: boolean
  readonly recipient: { readonly kind: 'petitioner' | 'staff'; readonly userId?: string }
  readonly language: Language
  readonly template: string
  readonly params: Record<string, string | number>
  readonly code?: string
  readonly createdAt: string
  readonly attempts: number
  readonly nextAttemptAt?: string
  readonly sentAt?: string
  readonly lastError?: string
}

/** A message id from what it is about: the same cause always gives the same id. */
export function messageId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 24)
}

function shardOf(id: string): number {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return h % OUTBOX_SHARDS
}

/** The index sort key's prefix of the states kept in the index (sent messages leave it). */
const STATE_PREFIX: Record<Exclude<MessageState, 'sent'>, string> = { pending: 'P', failed: 'F' }

function gsi(state: Exclude<MessageState, 'sent'>, id: string, at: string) {
  return { outboxPk: `OUTBOX#${shardOf(id)}`, outboxSk: `${STATE_PREFIX[state]}#${at}#${id}` }
}

export function createOutbox(db: Db, tableName: string) {
  const key = (id: string) => ({ pk: `MSG#${id}`, sk: 'MSG' })
  const strip = (item: Record<string, unknown>) => decodeItem<OutboxMessage>(item)

  async function get(id: string): Promise<OutboxMessage | undefined> {
    const out = await db.get({ TableName: tableName, Key: key(id) })
    return out.Item ? strip(out.Item) : undefined
  }

  return {
    get,
    /**
     * Writes a new pending message; undefined when it already exists (written by an earlier run).
     * With `claimedUntil`, the writer holds it until then, as if it had claimed it (its first
     * attempt): it sends it now, and if it does not record the outcome the message is due again
     * when the lease ends.
     */
    async put(
      message: Omit<OutboxMessage, 'state' | 'attempts' | 'nextAttemptAt'>,
      options: { readonly claimedUntil?: string } = {},
    ): Promise<OutboxMessage | undefined> {
      const dueAt = options.claimedUntil ?? message.createdAt
      const stored: OutboxMessage = {
        ...message,
        state: 'pending',
        attempts: options.claimedUntil ? 1 : 0,
        nextAttemptAt: dueAt,
      }
      try {
        await db.put({
          TableName: tableName,
          Item: { ...key(message.id), ...stored, ...gsi('pending', message.id, dueAt) },
          ConditionExpression: 'attribute_not_exists(pk)',
        })
        return stored
      } catch (error) {
        if (isConditionalCheckFailed(error)) return undefined
        throw error
      }
    },

    /** Ids of pending messages whose next attempt is due, in one shard. */
    async listDue(shard: number, now: string, limit = 100): Promise<{ id: string; outboxSk: string }[]> {
      const out = await db.query({
        TableName: tableName,
        IndexName: 'outbox',
        KeyConditionExpression: 'outboxPk = :pk AND outboxSk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `OUTBOX#${shard}`, ':from': 'P#', ':to': `P#${now}#~` },
        Limit: limit,
      })
      return (out.Items ?? []).map((i) => ({ id: i.id as string, outboxSk: i.outboxSk as string }))
    },

    /**
     * Takes a due message for `leaseMs`: succeeds for exactly one sender. The lease moves its next
     * attempt forward, so a sender that dies mid-send leaves it to be retried, not lost.
     */
    async claim(id: string, seenSk: string, leaseUntil: string): Promise<OutboxMessage | undefined> {
      try {
        const out = await db.update({
          TableName: tableName,
          Key: key(id),
          UpdateExpression: 'SET outboxSk = :sk, nextAttemptAt = :lease, attempts = attempts + :one',
          ConditionExpression: 'outboxSk = :seen AND #state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':sk': gsi('pending', id, leaseUntil).outboxSk,
            ':lease': leaseUntil,
            ':one': 1,
            ':seen': seenSk,
            ':pending': 'pending',
          },
          ReturnValues: 'ALL_NEW',
        })
        return out.Attributes ? strip(out.Attributes) : undefined
      } catch (error) {
        if (isConditionalCheckFailed(error)) return undefined
        throw error
      }
    },

    /** Records the message as sent; it leaves the outbox index (nothing looks for sent ones there). */
    async markSent(id: string, at: string): Promise<void> {
      await db.update({
        TableName: tableName,
        Key: key(id),
        UpdateExpression:
          'SET #state = :sent, sentAt = :at REMOVE nextAttemptAt, lastError, outboxPk, outboxSk',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      })
    },

    async markRetry(id: string, error: string, nextAttemptAt: string): Promise<void> {
      await db.update({
        TableName: tableName,
        Key: key(id),
        UpdateExpression: 'SET lastError = :error, nextAttemptAt = :next, outboxSk = :sk',
        ExpressionAttributeValues: {
          ':error': error,
          ':next': nextAttemptAt,
          ':sk': gsi('pending', id, nextAttemptAt).outboxSk,
        },
      })
    },

    async markFailed(id: string, error: string, at: string): Promise<void> {
      await db.update({
        TableName: tableName,
        Key: key(id),
        UpdateExpression: 'SET #state = :failed, lastError = :error, outboxSk = :sk REMOVE nextAttemptAt',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':failed': 'failed',
          ':error': error,
          ':sk': gsi('failed', id, at).outboxSk,
        },
      })
    },

    /**
     * Pending or failed messages across shards, newest first (the dev mailbox, delivery checks).
     * Sent ones are not listed: they left the index (the sender's own records say what went out).
     */
    async listRecent(state: Exclude<MessageState, 'sent'>, limit = 50): Promise<OutboxMessage[]> {
      const pages = await Promise.all(
        Array.from({ length: OUTBOX_SHARDS }, async (_, shard) => {
          const ids = await db.query({
            TableName: tableName,
            IndexName: 'outbox',
            KeyConditionExpression: 'outboxPk = :pk AND begins_with(outboxSk, :prefix)',
            ExpressionAttributeValues: { ':pk': `OUTBOX#${shard}`, ':prefix': `${STATE_PREFIX[state]}#` },
            ScanIndexForward: false,
            Limit: limit,
          })
          return (ids.Items ?? []).map((i) => i.id as string)
        }),
      )
      const messages = await Promise.all(pages.flat().map((id) => get(id)))
      return messages
        .filter((m): m is OutboxMessage => m !== undefined)
        .sort((a, b) => ((a.sentAt ?? a.createdAt) < (b.sentAt ?? b.createdAt) ? 1 : -1))
        .slice(0, limit)
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
