/**
 * Attachments' metadata, kept with the case (the bytes are in the blob store).
 *
 * Access patterns (GetItem, PutItem and UpdateItem only: the public function may not Query or
 * delete, docs/architecture.md#grants):
 *   reserve(code, ids, max)        UpdateItem CASE#<code> / ATT_SLOTS  ADD used, ids, seq; conditional on used ≤ max − n
 *   release(code, id)              UpdateItem CASE#<code> / ATT_SLOTS  ADD used −1, DELETE ids; conditional on id held
 *   create(code, attachment)       PutItem    CASE#<code> / ATT#<id>, conditional on absence
 *   getAttachment(code, id)        GetItem    CASE#<code> / ATT#<id>
 *   markReady(code, id, …)         UpdateItem CASE#<code> / ATT#<id>, conditional on state = pending
 *   markRefused(code, id, rule)    UpdateItem CASE#<code> / ATT#<id>, conditional on state = pending
 *   listAttachments(code)          GetItem ATT_SLOTS, then GetItem ATT#<id> for each id it holds (≤ 5)
 *
 * The slot item makes the limit atomic: concurrent requests each reserve with one conditional
 * ADD, so five slots can never become six, whatever the interleaving. It also holds the ids in
 * use, so listing needs no Query. A slot is given back when a file fails verification (the item
 * stays, marked refused, as the record of it) or an upload is abandoned.
 */
import type { AttachmentType } from '../domain/attachments.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { casePk } from './keys.js'
import { decodeItem } from './table.js'

const SLOTS_SK = 'ATT_SLOTS'
const attSk = (id: string) => `ATT#${id}`

export interface AttachmentUploader {
  readonly kind: 'petitioner' | 'staff'
  readonly id?: string
  readonly role?: string
}

export interface StoredAttachment {
  readonly id: string
  readonly state: 'pending' | 'ready' | 'refused'
  /**
   * The name listed and put in download links: the original, sanitised (see sanitizeFilename),
   * with the extension of the type; for an identity-restricted document a neutral one
   * (`Tài liệu 3.pdf`, see neutralFilename), since a denouncer's file is often named after them.
   */
  readonly name: string
  /**
   * An identity-restricted document's original name, sealed like the petitioner's identity
   * (purpose `petitioner-identity`): opened only for the audited opening of the document.
   */
  readonly originalNameSealed?: string
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

export function createAttachmentStore(db: Db, tableName: string) {
  return {
    /**
     * Takes one slot per id, of at most `max`; undefined when that would exceed it. Otherwise the
     * ordinal of the first id: `seq` counts every slot ever taken on the case (it never goes down),
     * so the ids get the ordinals first, first + 1, … and no two documents of a case share one.
     */
    async reserve(code: string, ids: readonly string[], max: number): Promise<number | undefined> {
      try {
        const out = await db.update({
          TableName: tableName,
          Key: { pk: casePk(code), sk: SLOTS_SK },
          UpdateExpression: 'ADD used :n, ids :ids, seq :n',
          ConditionExpression: 'attribute_not_exists(used) OR used <= :limit',
          ExpressionAttributeValues: { ':n': ids.length, ':limit': max - ids.length, ':ids': new Set(ids) },
          ReturnValues: 'UPDATED_NEW',
        })
        return Number(out.Attributes?.seq ?? ids.length) - ids.length + 1
      } catch (error) {
        if (isConditionalCheckFailed(error)) return undefined
        throw error
      }
    },

    /** Gives the slot of `id` back (once: a second release of the same id changes nothing). */
    async release(code: string, id: string): Promise<void> {
      try {
        await db.update({
          TableName: tableName,
          Key: { pk: casePk(code), sk: SLOTS_SK },
          UpdateExpression: 'ADD used :minus DELETE ids :ids',
          ConditionExpression: 'contains(ids, :id)',
          ExpressionAttributeValues: { ':minus': -1, ':ids': new Set([id]), ':id': id },
        })
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error
      }
    },

    async create(code: string, attachment: StoredAttachment): Promise<void> {
      await db.put({
        TableName: tableName,
        Item: { pk: casePk(code), sk: attSk(attachment.id), ...attachment },
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    },

    async getAttachment(code: string, id: string): Promise<StoredAttachment | undefined> {
      const out = await db.get({ TableName: tableName, Key: { pk: casePk(code), sk: attSk(id) } })
      if (!out.Item) return undefined
      return decodeItem<StoredAttachment>(out.Item)
    },

    /** Pending → ready with what the content showed; false when another call already did it. */
    async markReady(
      code: string,
      id: string,
      ready: { type: AttachmentType; size: number; name: string; uploadedAt: string; blobKey: string },
    ): Promise<boolean> {
      try {
        await db.update({
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
        })
        return true
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false
        throw error
      }
    },

    /** Pending → refused (the record of a refused file); false when it was not pending. */
    async markRefused(code: string, id: string, rule: string, at: string): Promise<boolean> {
      try {
        await db.update({
          TableName: tableName,
          Key: { pk: casePk(code), sk: attSk(id) },
          UpdateExpression: 'SET #state = :refused, refusedRule = :rule, refusedAt = :at',
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':refused': 'refused',
            ':pending': 'pending',
            ':rule': rule,
            ':at': at,
          },
        })
        return true
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false
        throw error
      }
    },

    /** Every attachment holding a slot (pending or ready), by key: no Query. */
    async listAttachments(code: string): Promise<StoredAttachment[]> {
      const slots = await db.get({
        TableName: tableName,
        Key: { pk: casePk(code), sk: SLOTS_SK },
        ProjectionExpression: 'ids',
      })
      const ids = [...((slots.Item?.ids as Set<string> | undefined) ?? [])]
      const items = await Promise.all(ids.map((id) => this.getAttachment(code, id)))
      return items.filter((a): a is StoredAttachment => a !== undefined)
    },
  }
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>
