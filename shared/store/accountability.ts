/**
 * Accountability requests: one item per request, its history inside it, in the owing committee's
 * partition by request date, so a committee's requests of a period are one Query. A request's id
 * says where it lives: `<requested on>.<committee>.<8 random characters>` (readable, like a
 * document number), so reading one is a GetItem.
 *
 * Access patterns:
 *   getRequest(id)                          GetItem  ACCOUNTABILITY#<committee> / REQUEST#<date>#<n>
 *   createRequest(request)                  PutItem, conditional on absence
 *   saveRequest(request, expectedVersion)   UpdateItem, conditional on `version` (one per step)
 *   listCommitteeRequests(committeeId, …)   Query    ACCOUNTABILITY#<committee>, sk BETWEEN dates
 *   listOwed(until, page)                   Query    index owedReports (still owed, nearest due first)
 *   markStep(id, stepId, at)                UpdateItem, conditional on the step's absence (reminders once)
 */
import { randomBytes } from 'node:crypto'
import { type AccountabilityRequest, OWED_STATES, type RequestState } from '../domain/accountability.js'
import type { LocalDate } from '../domain/dates.js'
import { DomainError } from '../domain/errors.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { type CursorCodec, PROCESS_CURSORS } from './cursor.js'
import { decodeItem, INDEXES } from './table.js'

/** The version the caller holds is not the current one. */
export class RequestVersionConflict extends DomainError {
  constructor(id: string, expected: number) {
    super(
      'version_conflict',
      `report request ${id} is no longer at version ${expected}; reload it and try again`,
      412,
      { expected },
    )
  }
}

export interface StoredRequest extends AccountabilityRequest {
  /** Reminder steps done (step id → when), so each is sent once. */
  readonly steps?: Readonly<Record<string, string>>
}

export interface RequestSummary {
  readonly id: string
  readonly kind: AccountabilityRequest['kind']
  readonly committeeId: string
  readonly state: RequestState
  readonly subject: AccountabilityRequest['subject']
  readonly requestedOn: LocalDate
  readonly dueOn: LocalDate
  readonly version: number
}

const OWED_PARTITION = 'OWED'

const ID = /^(\d{4}-\d{2}-\d{2})\.(.{1,64})\.([a-z0-9]{8})$/

/** A new request id for a committee and the day it is made. */
export function newRequestId(committeeId: string, requestedOn: LocalDate): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  const serial = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('')
  return `${requestedOn}.${committeeId}.${serial}`
}

export function isRequestId(id: string): boolean {
  return ID.test(id)
}

function key(id: string) {
  const m = ID.exec(id)
  if (!m) throw new DomainError('report_request_not_found', 'no accountability request with this id', 404)
  return { pk: `ACCOUNTABILITY#${m[2]}`, sk: `REQUEST#${m[1]}#${m[3]}` }
}

function indexKeys(r: AccountabilityRequest) {
  return {
    // Sparse: only a report still owed is in the owed index.
    ...(OWED_STATES.includes(r.state) ? { owedPk: OWED_PARTITION, owedSk: `${r.dueOn}#${r.id}` } : {}),
  }
}

function summary(item: Record<string, unknown>): RequestSummary {
  return {
    id: item.id as string,
    kind: item.kind as RequestSummary['kind'],
    committeeId: item.committeeId as string,
    state: item.state as RequestState,
    subject: item.subject as RequestSummary['subject'],
    requestedOn: item.requestedOn as string,
    dueOn: item.dueOn as string,
    version: item.version as number,
  }
}

export function createAccountabilityStore(
  db: Db,
  tableName: string,
  options: { readonly cursors?: CursorCodec } = {},
) {
  const cursors = options.cursors ?? PROCESS_CURSORS

  async function getRequest(id: string): Promise<StoredRequest | undefined> {
    const out = await db.get({ TableName: tableName, Key: key(id), ConsistentRead: true })
    return out.Item ? decodeItem<StoredRequest>(out.Item) : undefined
  }

  return {
    getRequest,

    async createRequest(r: AccountabilityRequest): Promise<void> {
      await db.put({
        TableName: tableName,
        Item: { ...key(r.id), ...r, ...indexKeys(r) },
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    },

    /**
     * Writes the request after a step, only if nobody changed it since `expectedVersion` was read:
     * of two concurrent submissions, one wins and the other gets a 412.
     */
    async saveRequest(r: StoredRequest, expectedVersion: number): Promise<void> {
      // An update of the request's own attributes, not a put: the reminder steps a sweep recorded
      // meanwhile (which do not change the version) are kept.
      const { steps: _steps, ...attributes } = r
      const entries = Object.entries({ ...attributes, ...indexKeys(r) }).filter(([, v]) => v !== undefined)
      const names = Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name]))
      const values = Object.fromEntries(entries.map(([, value], i) => [`:a${i}`, value]))
      const sets = entries.map((_, i) => `#a${i} = :a${i}`)
      const owed = OWED_STATES.includes(r.state)
      try {
        await db.update({
          TableName: tableName,
          Key: key(r.id),
          UpdateExpression: `SET ${sets.join(', ')}${owed ? '' : ' REMOVE owedPk, owedSk'}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { ...names, '#version': 'version' },
          ExpressionAttributeValues: { ...values, ':expected': expectedVersion },
        })
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new RequestVersionConflict(r.id, expectedVersion)
        throw error
      }
    },

    /** A committee's requests made from `from` to `to` (request dates), newest first. */
    async listCommitteeRequests(
      committeeId: string,
      range: { from?: LocalDate; to?: LocalDate } = {},
      page: { limit: number; cursor?: string } = { limit: 100 },
    ): Promise<{ items: StoredRequest[]; cursor?: string }> {
      const scope = { index: 'table', partition: `ACCOUNTABILITY#${committeeId}` }
      const start = cursors.decode(scope, page.cursor, { attributes: ['pk', 'sk'], partitionKey: 'pk' })
      const out = await db.query({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': scope.partition,
          ':from': `REQUEST#${range.from ?? '0'}`,
          ':to': `REQUEST#${range.to ?? '9999-12-31'}#~`,
        },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: start,
      })
      return {
        items: (out.Items ?? []).map((item) => decodeItem<StoredRequest>(item)),
        cursor: cursors.encode(scope, out.LastEvaluatedKey),
      }
    },

    /** Every report still owed with a due date on or before `until`, nearest due first. */
    async listOwed(
      until: LocalDate = '9999-12-31',
      page: { limit: number; cursor?: string } = { limit: 100 },
    ): Promise<{ items: RequestSummary[]; cursor?: string }> {
      const scope = { index: INDEXES.owedReports.name, partition: OWED_PARTITION }
      const start = cursors.decode(scope, page.cursor, {
        attributes: ['pk', 'sk', 'owedPk', 'owedSk'],
        partitionKey: 'owedPk',
      })
      const out = await db.query({
        TableName: tableName,
        IndexName: INDEXES.owedReports.name,
        KeyConditionExpression: 'owedPk = :pk AND owedSk <= :until',
        ExpressionAttributeValues: { ':pk': OWED_PARTITION, ':until': `${until}#~` },
        Limit: page.limit,
        ExclusiveStartKey: start,
      })
      return { items: (out.Items ?? []).map(summary), cursor: cursors.encode(scope, out.LastEvaluatedKey) }
    },

    /**
     * Records a reminder step as done: true for the one writer that recorded it, false when an
     * earlier or concurrent sweep already had (or the report is no longer owed).
     */
    async markStep(id: string, stepId: string, at: string): Promise<boolean> {
      try {
        await db.update({
          TableName: tableName,
          Key: key(id),
          UpdateExpression: 'SET steps = if_not_exists(steps, :empty)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':empty': {} },
        })
        await db.update({
          TableName: tableName,
          Key: key(id),
          UpdateExpression: 'SET steps.#step = :at',
          ConditionExpression: 'attribute_not_exists(steps.#step) AND #state IN (:requested, :returned)',
          ExpressionAttributeNames: { '#step': stepId, '#state': 'state' },
          ExpressionAttributeValues: { ':at': at, ':requested': 'requested', ':returned': 'returned' },
        })
        return true
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false
        throw error
      }
    },
  }
}

export type AccountabilityStore = ReturnType<typeof createAccountabilityStore>
