/**
 * The reception register: one item per session, keyed by committee and date, so a committee's
 * sessions of a period are one Query.
 *
 * Access patterns:
 *   putSession(session)                         PutItem  RECEPTION#<committee> / <date>#<id>, conditional on absence
 *   listSessions(committeeId, from, to)         Query    RECEPTION#<committee>, sk BETWEEN <from> AND <to>#~
 */
import type { LocalDate } from '../domain/dates.js'
import type { ReceptionSession } from '../domain/reception.js'
import type { Db } from './client.js'
import { decodeItem } from './table.js'

const pk = (committeeId: string) => `RECEPTION#${committeeId}`

export function createReceptionStore(db: Db, tableName: string) {
  return {
    async putSession(session: ReceptionSession): Promise<void> {
      await db.put({
        TableName: tableName,
        Item: { pk: pk(session.committeeId), sk: `${session.date}#${session.id}`, ...session },
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    },

    /** Every session of a committee from `from` to `to` (both included), in date order. */
    async listSessions(committeeId: string, from: LocalDate, to: LocalDate): Promise<ReceptionSession[]> {
      const sessions: ReceptionSession[] = []
      let start: Record<string, unknown> | undefined
      do {
        const out = await db.query({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk(committeeId), ':from': from, ':to': `${to}#~` },
          ExclusiveStartKey: start,
        })
        for (const item of out.Items ?? []) sessions.push(decodeItem<ReceptionSession>(item))
        start = out.LastEvaluatedKey
      } while (start)
      return sessions
    },
  }
}

export type ReceptionStore = ReturnType<typeof createReceptionStore>
