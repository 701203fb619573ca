/**
 * Attachments' metadata, kept with the case (the bytes are in the blob store).
 *
 * Access patterns:
 *   reserve(code, n, max)          UpdateItem CASE#<code> / ATT_SLOTS  ADD used, conditional on used ≤ max − n
 *   release(code)                  UpdateItem CASE#<code> / ATT_SLOTS  ADD used −1, conditional on used > 0
 *   putPending(code, attachment)   PutItem    CASE#<code> / ATT#<id>, conditional on absence
 *   getAttachment(code, id)        GetItem    CASE#<code> / ATT#<id>
 *   markReady(code, id, …)         UpdateItem CASE#<code> / ATT#<id>, conditional on state = pending
 *   removePending(code, id)        DeleteItem CASE#<code> / ATT#<id>, conditional on state = pending
 *   listAttachments(code)          Query      CASE#<code>, sk begins_with ATT# (at most 5 items)
 *
 * The slot counter makes the limit atomic: concurrent requests each reserve with one conditional
 * ADD, so five slots can never become six, whatever the interleaving. A slot is given back when
 * a file fails verification or an upload is abandoned (reclaimed after its URL has long expired).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AttachmentType } from '../domain/attachments.js'
import type { Db } from './client.js'
import { casePk } from './keys.js'

const SLOTS_SK = 'ATT_SLOTS'
const attSk = (id: string) => `ATT#${id}`

export interface AttachmentUploader {
  readonly kind: 'petitioner' | 'staff'
  readonly id?: string
  readonly role?: string
}

export interface StoredAttachment {
  readonly id: string
  readonly state: 'pending' | 'ready'
  /** The original name, sanitised (see sanitizeFilename), with the extension of the declared type. */
  readonly name: string
  /** The declared type while pending; the type found in the content once ready. */
  readonly type: AttachmentType
  /** The size the upload URL was signed for; once ready, the real size. */
  readonly size: number
  readonly createdAt: string
  /** When ready. */
  readonly uploadedAt?: string
  /** After this instant a pending upload is abandoned and its slot may be reclaimed. */
  readonly abandonAfter: string
  readonly uploadedBy: AttachmentUploader
  readonly identityRestricted: boolean
  readonly blobKey: string
}

function conditionFailed(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string }).name === 'ConditionalCheckFailedException'
  )
}

export function createAttachmentStore(db: Db, tableName: string) {
  return {
    /** Takes `n` slots of at most `max`; false when that would exceed it. */
    async reserve(code: string, n: number, max: number): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: casePk(code), sk: SLOTS_SK },
            UpdateExpression: 'ADD used :n',
            ConditionExpression: 'attribute_not_exists(used) OR used <= :limit',
            ExpressionAttributeValues: { ':n': n, ':limit': max - n },
          }),
        )
        return true
      } catch (error) {
        if (conditionFailed(error)) return false
        throw error
      }
    },

    async release(code: string, n = 1): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: casePk(code), sk: SLOTS_SK },
            UpdateExpression: 'ADD used :minus',
            ConditionExpression: 'used >= :n',
            ExpressionAttributeValues: { ':minus': -n, ':n': n },
          }),
        )
      } catch (error) {
        if (!conditionFailed(error)) throw error
      }
    },

    async putPending(code: string, attachment: StoredAttachment): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: casePk(code), sk: attSk(attachment.id), ...attachment },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
    },

    async getAttachment(code: string, id: string): Promise<StoredAttachment | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: casePk(code), sk: attSk(id) } }),
      )
      if (!out.Item) return undefined
      const { pk: _pk, sk: _sk, ...rest } = out.Item
      return rest as StoredAttachment
    },

    /** Pending → ready with what the content showed; false when another call already did it. */
    async markReady(
      code: string,
      id: string,
      ready: { type: AttachmentType; size: number; name: string; uploadedAt: string; blobKey: string },
    ): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: casePk(code), sk: attSk(id) },
            UpdateExpression:
              'SET #state = :ready, #type = :type, #size = :size, #name = :name, uploadedAt = :at, blobKey = :key',
            ConditionExpression: '#state = :pending',
            ExpressionAttributeNames: {
              '#state': 'state',
              '#type': 'type',
              '#size': 'size',
              '#name': 'name',
            },
            ExpressionAttributeValues: {
              ':ready': 'ready',
              ':pending': 'pending',
              ':type': ready.type,
              ':size': ready.size,
              ':name': ready.name,
              ':at': ready.uploadedAt,
              ':key': ready.blobKey,
            },
          }),
        )
        return true
      } catch (error) {
        if (conditionFailed(error)) return false
        throw error
      }
    },

    /** Deletes a pending item; false when it is not (or no longer) pending. */
    async removePending(code: string, id: string): Promise<boolean> {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { pk: casePk(code), sk: attSk(id) },
            ConditionExpression: '#state = :pending',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          }),
        )
        return true
      } catch (error) {
        if (conditionFailed(error)) return false
        throw error
      }
    },

    async listAttachments(code: string): Promise<StoredAttachment[]> {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': casePk(code), ':prefix': 'ATT#' },
        }),
      )
      return (out.Items ?? []).map(({ pk: _pk, sk: _sk, ...rest }) => rest as StoredAttachment)
    },
  }
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>
