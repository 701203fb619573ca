/**
 * Public service requests (Open311): the publicRequests index over the case items of
 * recommendations and feedback. cases.ts keeps the index attributes on every case write
 * ({@link publicRequestAttributes}); this module reads them.
 *
 * Access patterns:
 *   listPublicRequests(fromDay, toDay, limit)  Query  index publicRequests, one per month
 *                                              partition P#<YYYY-MM>, openSk BETWEEN the days,
 *                                              newest first, stopping at `limit` rows
 *   getPublicRequest(publicId)                 Query  index publicRequests, P#<YYYY-MM>,
 *                                              openSk = <day>#<publicId> (one row)
 *
 * Keys: openPk = `P#<YYYY-MM>` (month of receipt in Vietnam), openSk = `<YYYY-MM-DD>#<publicId>`.
 * Each Query asks only for the projected public attributes, so even the table keys that DynamoDB
 * adds to every index (they hold the tracking code) are never read into a response.
 */
import { randomBytes } from 'node:crypto'
import type { CaseRecord } from '../domain/case.js'
import type { LocalDate } from '../domain/dates.js'
import {
  isPublicRequestKind,
  PUBLIC_ID_PATTERN,
  type PublicRequestRow,
  publicDeadline,
  publicIdDate,
} from '../domain/open311.js'
import type { CaseMetrics } from '../domain/reports.js'
import type { Db } from './client.js'
import { INDEXES } from './table.js'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A new public id for a request received on `day`. */
export function newPublicId(day: LocalDate): string {
  const bytes = randomBytes(10)
  let tail = ''
  for (const b of bytes) tail += ALPHABET[b & 31]
  return `${day.replaceAll('-', '')}-${tail}`
}

const monthPk = (day: LocalDate) => `P#${day.slice(0, 7)}`

/** The case with its public id: kept when it has one, given one when it is a public request. */
export function withPublicId<T extends Pick<CaseRecord, 'kind' | 'receivedOn'> & { publicId?: string }>(
  c: T,
): T {
  if (c.publicId !== undefined || !isPublicRequestKind(c.kind)) return c
  return { ...c, publicId: newPublicId(c.receivedOn) }
}

/** Attributes the case item carries for the publicRequests index; the keys to remove otherwise. */
export function publicRequestAttributes(
  c: Pick<CaseRecord, 'kind' | 'receivedOn' | 'history'> & { publicId?: string },
  metrics: CaseMetrics | undefined,
): { set: Record<string, string>; remove: string[] } {
  if (!isPublicRequestKind(c.kind) || c.publicId === undefined || !PUBLIC_ID_PATTERN.test(c.publicId))
    return { set: {}, remove: ['openPk', 'openSk', 'publicDue', 'publicUpdatedAt'] }
  const due = publicDeadline(metrics)
  const lastPublic = c.history.findLast((e) => e.public)
  return {
    set: {
      openPk: monthPk(c.receivedOn),
      openSk: `${c.receivedOn}#${c.publicId}`,
      publicId: c.publicId,
      ...(due ? { publicDue: due } : {}),
      ...(lastPublic ? { publicUpdatedAt: lastPublic.at } : {}),
    },
    remove: due ? [] : ['publicDue'],
  }
}

/** The months from `from` to `to`, newest first, as `YYYY-MM`. */
function monthsDescending(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = []
  let y = Number(to.slice(0, 4))
  let m = Number(to.slice(5, 7))
  const stop = from.slice(0, 7)
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    out.push(month)
    if (month <= stop) return out
    m -= 1
    if (m === 0) {
      m = 12
      y -= 1
    }
  }
}

const PUBLIC_ATTRIBUTES = INDEXES.publicRequests.projectedAttributes

export function createPublicRequestStore(db: Db, tableName: string) {
  async function query(
    pk: string,
    condition: string,
    values: Record<string, string>,
    limit: number,
  ): Promise<PublicRequestRow[]> {
    const rows: PublicRequestRow[] = []
    let start: Record<string, unknown> | undefined
    do {
      const out = await db.query({
        TableName: tableName,
        IndexName: INDEXES.publicRequests.name,
        KeyConditionExpression: `openPk = :pk AND ${condition}`,
        ExpressionAttributeValues: { ':pk': pk, ...values },
        ProjectionExpression: PUBLIC_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(PUBLIC_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
        ScanIndexForward: false,
        Limit: limit - rows.length,
        ExclusiveStartKey: start,
      })
      for (const item of out.Items ?? []) rows.push(item as PublicRequestRow)
      start = out.LastEvaluatedKey
    } while (start && rows.length < limit)
    return rows
  }

  return {
    /**
     * Requests received from `fromDay` to `toDay` (Vietnam dates, inclusive), newest first, read
     * until `accept` has taken `limit` of them: the cost follows the rows read, one month at a time.
     */
    async listPublicRequests(
      fromDay: LocalDate,
      toDay: LocalDate,
      limit: number,
      accept: (row: PublicRequestRow) => boolean = () => true,
    ): Promise<PublicRequestRow[]> {
      const out: PublicRequestRow[] = []
      for (const month of monthsDescending(fromDay, toDay)) {
        let start: Record<string, unknown> | undefined
        do {
          const page = await db.query({
            TableName: tableName,
            IndexName: INDEXES.publicRequests.name,
            KeyConditionExpression: 'openPk = :pk AND openSk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': `P#${month}`, ':from': fromDay, ':to': `${toDay}#~` },
            ProjectionExpression: PUBLIC_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
            ExpressionAttributeNames: Object.fromEntries(PUBLIC_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
            ScanIndexForward: false,
            Limit: 200,
            ExclusiveStartKey: start,
          })
          for (const item of page.Items ?? []) {
            const row = item as PublicRequestRow
            if (accept(row)) out.push(row)
            if (out.length >= limit) return out
          }
          start = page.LastEvaluatedKey
        } while (start)
      }
      return out
    },

    /** One request by its public id: a single exact index read, or undefined. */
    async getPublicRequest(publicId: string): Promise<PublicRequestRow | undefined> {
      const day = publicIdDate(publicId)
      if (!day) return undefined
      const [row] = await query(monthPk(day), 'openSk = :sk', { ':sk': `${day}#${publicId}` }, 1)
      return row
    },
  }
}

export type PublicRequestStore = ReturnType<typeof createPublicRequestStore>
