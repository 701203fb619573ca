/**
 * The outgoing register (sổ văn bản đi, docs/documents.md#register): one item per issued document,
 * and the items are the register. A committee's register of a year is one partition, sorted by the
 * zero-padded number, so its last number is one Query and a period of it is one Query.
 *
 * Access patterns:
 *   lastNumber(committee, year)          Query      DOCREG#<committee>#<year>, descending, Limit 1
 *   claim(entry)                         PutItem    DOCREG#<committee>#<year> / <number>, conditional on absence
 *   getEntry(committee, year, n)         GetItem    DOCREG#<committee>#<year> / <number>
 *   listYear(committee, year, from, to)  Query      DOCREG#<committee>#<year>, filter issuedOn BETWEEN from AND to
 *   listForCase(code)                    Query      index caseDocuments, docPk = <code>
 *   cancel(committee, year, n, …)        UpdateItem DOCREG#<committee>#<year> / <number>, conditional on status = issued
 *
 * Numbers are gap-free and unique without a transaction: a number is taken only by the one
 * conditional PutItem of its entry, and an issuer only ever tries the number after one it has
 * seen taken (the last entry, or the number its own PutItem just lost), so number n is written
 * only when n − 1 exists. A cancelled number keeps its entry, marked cancelled: never reused.
 *
 * An entry names the case, the template, the addressee's kind and, for another body or the
 * accused, the recipient; never the petitioner (a denouncer's identity is in no entry and no list).
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import type { LocalDate } from '../domain/dates.js'
import type { Addressee } from '../domain/documents/index.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { decodeItem, INDEXES } from './table.js'

export const DOCUMENT_STATUSES = ['issued', 'cancelled'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** One line of the outgoing register. */
export interface IssuedDocument {
  readonly committeeId: string
  /** The register's year (the issue date's, Vietnam time). */
  readonly year: number
  readonly number: number
  /** Number/symbol as printed: `12-TB/ĐUK` (Party) or `12/TB-ĐUK` (State). */
  readonly symbol: string
  readonly templateId: string
  readonly caseCode: string
  readonly addressee: Addressee
  /** The body or person a document to someone other than the petitioner goes to. */
  readonly recipientName?: string
  /** The document's subject line, for the register's "trích yếu" column (no identity in it). */
  readonly summary: string
  readonly issuedOn: LocalDate
  readonly issuedAt: string
  readonly issuedBy: { readonly id: string; readonly role: string }
  /** The case event (seq) whose decision the document records. */
  readonly decisionSeq: number
  /** SHA-256 of the DOCX bytes; the blob is stored under its hash (immutable). */
  readonly sha256: string
  readonly blobKey: string
  readonly size: number
  readonly status: DocumentStatus
  readonly cancelled?: { readonly at: string; readonly by: string; readonly reason: string }
}

const NUMBER_DIGITS = 6
const registerPk = (committeeId: string, year: number) => `DOCREG#${committeeId}#${year}`
const numberSk = (n: number) => String(n).padStart(NUMBER_DIGITS, '0')
const INDEX = INDEXES.caseDocuments

/** The storage keys of an entry: the register's partition and the case's index keys. */
function keysOf(e: IssuedDocument) {
  return {
    pk: registerPk(e.committeeId, e.year),
    sk: numberSk(e.number),
    [INDEX.partitionKey]: e.caseCode,
    [INDEX.sortKey]: `${e.issuedAt}#${e.committeeId}#${numberSk(e.number)}`,
  }
}

const decodeEntry = (item: Readonly<Record<string, unknown>>) => decodeItem<IssuedDocument>(item)

export function createRegisterStore(db: Db, tableName: string) {
  async function queryAll(input: Omit<QueryCommandInput, 'TableName'>) {
    const entries: IssuedDocument[] = []
    let start: Record<string, unknown> | undefined
    do {
      const out = await db.query({ ...input, TableName: tableName, ExclusiveStartKey: start })
      for (const item of out.Items ?? []) entries.push(decodeEntry(item))
      start = out.LastEvaluatedKey
    } while (start)
    return entries
  }

  return {
    /** The last number taken in a committee's register of a year (0 when none yet). */
    async lastNumber(committeeId: string, year: number): Promise<number> {
      const out = await db.query({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': registerPk(committeeId, year) },
        ProjectionExpression: '#n',
        ExpressionAttributeNames: { '#n': 'number' },
        ScanIndexForward: false,
        Limit: 1,
      })
      return Number(out.Items?.[0]?.number ?? 0)
    },

    /** Takes the entry's number: false when another issuer took it first (nothing written). */
    async claim(entry: IssuedDocument): Promise<boolean> {
      try {
        await db.put({
          TableName: tableName,
          Item: { ...keysOf(entry), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        })
        return true
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false
        throw error
      }
    },

    async getEntry(committeeId: string, year: number, number: number): Promise<IssuedDocument | undefined> {
      const out = await db.get({
        TableName: tableName,
        Key: { pk: registerPk(committeeId, year), sk: numberSk(number) },
      })
      return out.Item ? decodeEntry(out.Item) : undefined
    },

    /** A committee's register of a year, issued from `from` to `to` (both included), by number. */
    listYear(committeeId: string, year: number, from: LocalDate, to: LocalDate): Promise<IssuedDocument[]> {
      return queryAll({
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'issuedOn BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': registerPk(committeeId, year), ':from': from, ':to': to },
      })
    },

    /** Every document issued on a case (any committee, any year), in the order issued. */
    listForCase(code: string): Promise<IssuedDocument[]> {
      return queryAll({
        IndexName: INDEX.name,
        KeyConditionExpression: '#pk = :code',
        ExpressionAttributeNames: { '#pk': INDEX.partitionKey },
        ExpressionAttributeValues: { ':code': code },
      })
    },

    /** Marks a number cancelled (its entry stays); false when it was already cancelled or absent. */
    async cancel(
      committeeId: string,
      year: number,
      number: number,
      cancelled: NonNullable<IssuedDocument['cancelled']>,
    ): Promise<boolean> {
      try {
        await db.update({
          TableName: tableName,
          Key: { pk: registerPk(committeeId, year), sk: numberSk(number) },
          UpdateExpression: 'SET #status = :cancelled, cancelled = :c',
          ConditionExpression: '#status = :issued',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':issued': 'issued', ':c': cancelled },
        })
        return true
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false
        throw error
      }
    },
  }
}

export type RegisterStore = ReturnType<typeof createRegisterStore>
