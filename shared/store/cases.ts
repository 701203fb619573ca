/**
 * Cases and their content.
 *
 * Access patterns:
 *   getCase(code)                          GetItem   CASE#<code> / CASE
 *   getContent(code)                       GetItem   CASE#<code> / CONTENT
 *   createCase(case, content)              PutItem ×2, each conditional on absence (content first)
 *   appendEvent(code, version, …)          UpdateItem, conditional on `version` (one per transition)
 *   recordWatch(case, steps, …)            UpdateItem, conditional on `version` and on each step's absence
 *   noteDeliveryFailure(code)              UpdateItem  ADD deliveryFailures
 *   replacePinHash(code, old, next)        UpdateItem  SET pinHash, conditional on the old hash
 *   addSupplement(code, …)                 PutItem   CASE#<code> / SUPPLEMENT#<seq>#<id> (before its event)
 *   listSupplements(code)                  Query     CASE#<code>, sk begins_with SUPPLEMENT#
 *   listCommitteeQueue(committeeId, page)  Query     index committeeQueue (open cases, nearest due first)
 *   listMyPetitions(ownerId, page)         Query     index myPetitions
 *   listReportRows(committeeId, from)      Query     index reporting (finished on or after `from`, open last)
 *   putTransferReportRow(code, from, …)    PutItem   CASE#<code> / REPORT#<committee> (counts for the sender)
 *   listDueCases(shard, until)             Query     index deadlineWatch
 * Every write of a recommendation or feedback also keeps its publicRequests index attributes
 * (shared/store/public-requests.ts, read by the Open311 facade).
 */
import type { CaseEvent, CaseRecord, NewEvent } from '../domain/case.js'
import type { LocalDate } from '../domain/dates.js'
import { DomainError } from '../domain/errors.js'
import { isOpen } from '../domain/lifecycle.js'
import { type CaseMetrics, settledOn } from '../domain/reports.js'
import type { RepeatSuggestion } from '../domain/similarity.js'
import { type Db, isConditionalCheckFailed } from './client.js'
import { type CursorCodec, PROCESS_CURSORS } from './cursor.js'
import { chainEvent } from './history.js'
import { casePk, watchShard } from './keys.js'
import { publicRequestAttributes, withPublicId } from './public-requests.js'
import { decodeItem, INDEXES } from './table.js'

/** The version the caller holds is not the current one (someone else changed the case). */
export class VersionConflictError extends DomainError {
  constructor(code: string, expected: number) {
    super(
      'version_conflict',
      `case ${code} is no longer at version ${expected}; reload it and try again`,
      412,
      { expected },
    )
  }
}

export interface CaseContent {
  readonly code: string
  readonly content: string
  /** The petitioner's identity, sealed (encrypted) as one blob; absent when anonymous. */
  readonly petitionerSealed?: string
  readonly concerns?: { readonly organization?: string; readonly person?: string }
  readonly createdAt: string
  /** Salted hashes of the petition's repeat keys (store/repeats.ts): never the material itself. */
  readonly repeatKeys?: readonly { readonly hash: string; readonly reason: string }[]
}

export interface Supplement {
  readonly seq: number
  readonly at: string
  readonly text: string
  readonly by: 'petitioner' | 'staff'
  /** Makes the item's key unique; the history event that records the supplement names it. */
  readonly id?: string
}

/**
 * The supplements the history records, in order. A supplement item is written before its history
 * event (the event is the commit point); an item whose event never made it (the update failed or
 * lost a race) is an orphan nobody acknowledged, and is not shown.
 */
export function recordedSupplements(
  items: readonly Supplement[],
  history: readonly CaseEvent[],
): Supplement[] {
  const recorded = new Set(
    history
      .filter((e) => e.type === 'supplement_added')
      .map((e) => `${(e.data as { seq?: unknown }).seq}#${(e.data as { id?: unknown }).id ?? ''}`),
  )
  return items
    .filter((item) => recorded.has(`${item.seq}#${item.id ?? ''}`))
    .map(({ id: _id, ...rest }) => rest)
}

export interface CaseSummary {
  readonly code: string
  readonly kind: CaseRecord['kind']
  readonly status: CaseRecord['status']
  readonly title: string
  readonly committeeId: string
  readonly receivedOn: LocalDate
  readonly nextDue?: LocalDate
  readonly channel: CaseRecord['channel']
  readonly version?: number
  /** The highest rung of the escalation ladder reached (0: none). */
  readonly escalationLevel?: number
}

export interface Page<T> {
  readonly items: T[]
  readonly cursor?: string
}

/**
 * What the watch needs to know about a case, derived from it at every write: the nearest due
 * date (queue order), the next day the sweep must look at it (the deadline-watch index) and the
 * escalation rung reached.
 */
export interface WatchPlan {
  readonly nextDue?: LocalDate
  readonly nextWatch?: LocalDate
  readonly escalationLevel: number
  /** The case's report figures (shared/domain/reports.ts), projected into the reporting index. */
  readonly metrics?: CaseMetrics
}

/** Stored beside the record: never leaves the store except for PIN verification. */
export interface StoredCase extends CaseRecord {
  readonly pinHash: string
  readonly nextDue?: LocalDate
  readonly nextWatch?: LocalDate
  readonly escalationLevel?: number
  /** Watch steps done: step id → when (each is written once, by a conditional update). */
  readonly steps?: Readonly<Record<string, string>>
  /** The last history event the petitioner has been told of. */
  readonly notifiedSeq?: number
  /** Messages about the case that could not be delivered. */
  readonly deliveryFailures?: number
  /** Earlier petitions found at intake that this one may repeat (service/repeats.ts). */
  readonly repeats?: readonly RepeatSuggestion[]
  /** The Open311 id of a recommendation or feedback (never the tracking code). */
  readonly publicId?: string
  /**
   * Where the petitioner is told of their case: the channel in the clear, the address sealed at
   * intake, so a message is written without opening the identity (docs/architecture.md).
   */
  readonly contact?: { readonly channel: 'email' | 'sms'; readonly sealed: string }
}

/** The watch attributes of a record, as written with it. */
function planAttributes(plan: WatchPlan) {
  return {
    nextDue: plan.nextDue,
    nextWatch: plan.nextWatch,
    escalationLevel: plan.escalationLevel,
    ...(plan.metrics ? { metrics: plan.metrics } : {}),
  }
}

/** Sort key of the reporting index: the day a case was finished, open cases last. */
function reportSortKey(code: string, metrics: CaseMetrics | undefined, receivedOn: LocalDate): string {
  const settled = metrics ? (settledOn(metrics) ?? STILL_OPEN) : receivedOn
  return `${settled}#${code}`
}
const STILL_OPEN = '9999-12-31'

const NO_DUE = '9999-12-31'

/** Index attributes follow from the case: open cases are in their committee's queue, etc. */
function indexAttributes(
  c: Pick<
    CaseRecord,
    'code' | 'status' | 'committeeId' | 'receivedOn' | 'receivedAt' | 'ownerId' | 'kind' | 'history'
  > & { publicId?: string },
  plan: Pick<WatchPlan, 'nextDue' | 'nextWatch' | 'metrics'>,
) {
  const { nextDue, nextWatch } = plan
  const open = isOpen(c.status)
  const published = publicRequestAttributes(c, plan.metrics)
  return {
    set: {
      // A report for a period reads the cases not finished before it starts: settled on or after.
      reportPk: `R#${c.committeeId}`,
      reportSk: reportSortKey(c.code, plan.metrics, c.receivedOn),
      ...(open ? { queuePk: `Q#${c.committeeId}`, queueSk: `${nextDue ?? NO_DUE}#${c.code}` } : {}),
      // Watched while a step is due or news waits, even once closed: the petitioner must still hear
      // of the step that ended their case.
      ...(nextWatch ? { watchPk: `W#${watchShard(c.code)}`, watchSk: `${nextWatch}#${c.code}` } : {}),
      ...(c.ownerId ? { ownerPk: `U#${c.ownerId}`, ownerSk: `${c.receivedAt}#${c.code}` } : {}),
      ...published.set,
    } as Record<string, string>,
    remove: [
      ...(open ? [] : ['queuePk', 'queueSk']),
      ...(nextWatch ? [] : ['watchPk', 'watchSk']),
      ...published.remove,
    ],
  }
}

function toRecord(item: Record<string, unknown>): StoredCase {
  return decodeItem<StoredCase>(item)
}

/**
 * The two items a new case is written as, in the order `createCase` writes them: its content,
 * then the case with its index keys. The bench seeds its tables from these, not from a copy.
 */
export function newCaseItems(given: StoredCase, content: CaseContent) {
  const record = withPublicId(given)
  const pk = casePk(record.code)
  return {
    content: { pk, sk: 'CONTENT', ...content },
    case: { pk, sk: 'CASE', steps: {}, notifiedSeq: 0, ...record, ...indexAttributes(record, record).set },
  }
}

export function createCaseStore(db: Db, tableName: string, options: { readonly cursors?: CursorCodec } = {}) {
  const cursors = options.cursors ?? PROCESS_CURSORS

  async function getCase(code: string): Promise<StoredCase | undefined> {
    const out = await db.get({
      TableName: tableName,
      Key: { pk: casePk(code), sk: 'CASE' },
      ConsistentRead: true,
    })
    return out.Item ? toRecord(out.Item) : undefined
  }

  async function caseExists(code: string): Promise<boolean> {
    const out = await db.get({
      TableName: tableName,
      Key: { pk: casePk(code), sk: 'CASE' },
      ProjectionExpression: 'pk',
    })
    return out.Item !== undefined
  }

  async function getContent(code: string): Promise<CaseContent | undefined> {
    const out = await db.get({ TableName: tableName, Key: { pk: casePk(code), sk: 'CONTENT' } })
    if (!out.Item) return undefined
    return decodeItem<CaseContent>(out.Item)
  }

  /**
   * Writes the content, then the case. No transaction is needed: the case item is what makes a
   * case exist, so a failure between the two leaves only an unreachable content item, and the
   * caller gets an error (never a 201) and retries with a new code.
   */
  async function createCase(given: StoredCase, content: CaseContent): Promise<void> {
    const items = newCaseItems(given, content)
    await db.put({
      TableName: tableName,
      Item: items.content,
      ConditionExpression: 'attribute_not_exists(pk)',
    })
    await db.put({
      TableName: tableName,
      Item: items.case,
      ConditionExpression: 'attribute_not_exists(pk)',
    })
  }

  /**
   * Appends one event and applies the changes it brings, atomically, if and only if the case is
   * still at `expectedVersion`. Returns the new record.
   */
  async function appendEvent(
    current: StoredCase,
    expectedVersion: number,
    changes: Partial<CaseRecord>,
    event: NewEvent,
    plan: WatchPlan,
  ): Promise<StoredCase> {
    if (current.version !== expectedVersion) throw new VersionConflictError(current.code, expectedVersion)
    const chained: CaseEvent = chainEvent(current.history, event)
    // A public id is given here or at creation only: both writes are conditional, so never two.
    const next = withPublicId({
      ...current,
      ...changes,
      version: expectedVersion + 1,
      history: [...current.history, chained],
      ...planAttributes(plan),
    } as StoredCase)
    const idx = indexAttributes(next, plan)
    const values: Record<string, unknown> = {
      ':expected': expectedVersion,
      ':next': expectedVersion + 1,
      ':event': [chained],
    }
    const names: Record<string, string> = { '#version': 'version', '#history': 'history' }
    const sets = ['#version = :next', '#history = list_append(#history, :event)']
    const removes: string[] = []
    const assign = (attr: string, value: unknown) => {
      names[`#${attr}`] = attr
      if (value === undefined) removes.push(`#${attr}`)
      else {
        values[`:${attr}`] = value
        sets.push(`#${attr} = :${attr}`)
      }
    }
    for (const [k, v] of Object.entries(changes)) assign(k, v)
    for (const [k, v] of Object.entries(planAttributes(plan))) assign(k, v)
    for (const [k, v] of Object.entries(idx.set)) assign(k, v)
    for (const k of idx.remove) {
      names[`#${k}`] = k
      removes.push(`#${k}`)
    }
    try {
      // The record after the change comes back with the write (no charge for it): the caller's
      // response shows what was stored, not a second read of it.
      const out = await db.update({
        TableName: tableName,
        Key: { pk: casePk(current.code), sk: 'CASE' },
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${[...new Set(removes)].join(', ')}` : ''}`,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      })
      return out.Attributes ? toRecord(out.Attributes) : next
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new VersionConflictError(current.code, expectedVersion)
      throw error
    }
  }

  /**
   * Records watch steps done and the last event the petitioner was told of, with the new plan,
   * only if the case is unchanged since it was read and none of these steps is recorded yet: two
   * sweeps at once cannot both record a step. It does not bump the version (no history event),
   * so staff holding the case's version are not disturbed.
   */
  async function recordWatch(
    current: StoredCase,
    update: { steps: Record<string, string>; notifiedSeq: number; plan: WatchPlan },
  ): Promise<StoredCase> {
    const names: Record<string, string> = { '#version': 'version' }
    if (Object.keys(update.steps).length > 0) names['#steps'] = 'steps'
    const values: Record<string, unknown> = { ':version': current.version, ':notified': update.notifiedSeq }
    const sets = ['notifiedSeq = :notified']
    const removes: string[] = []
    const conditions = ['#version = :version']
    Object.entries(update.steps).forEach(([id, at], i) => {
      names[`#s${i}`] = id
      values[`:s${i}`] = at
      sets.push(`#steps.#s${i} = :s${i}`)
      conditions.push(`attribute_not_exists(#steps.#s${i})`)
    })
    const next = {
      ...current,
      steps: { ...(current.steps ?? {}), ...update.steps },
      notifiedSeq: update.notifiedSeq,
      ...planAttributes(update.plan),
    } as StoredCase
    const idx = indexAttributes(next, update.plan)
    for (const [k, v] of Object.entries({ ...planAttributes(update.plan), ...idx.set })) {
      names[`#${k}`] = k
      if (v === undefined) removes.push(`#${k}`)
      else {
        values[`:${k}`] = v
        sets.push(`#${k} = :${k}`)
      }
    }
    for (const k of idx.remove) {
      names[`#${k}`] = k
      removes.push(`#${k}`)
    }
    try {
      await db.update({
        TableName: tableName,
        Key: { pk: casePk(current.code), sk: 'CASE' },
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${[...new Set(removes)].join(', ')}` : ''}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      })
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new VersionConflictError(current.code, current.version)
      throw error
    }
    return next
  }

  /**
   * A case transferred to another committee still counts for the committee that sent it: a
   * small reporting row under the sender, finished on the day of the transfer.
   */
  async function putTransferReportRow(
    code: string,
    fromCommitteeId: string,
    on: LocalDate,
    metrics: CaseMetrics,
  ) {
    await db.put({
      TableName: tableName,
      Item: {
        pk: casePk(code),
        sk: `REPORT#${fromCommitteeId}`,
        code,
        committeeId: fromCommitteeId,
        metrics,
        reportPk: `R#${fromCommitteeId}`,
        reportSk: `${on}#${code}`,
      },
    })
  }

  /**
   * The report figures of every case of a committee not finished before `from` (open ones
   * included), from the reporting index: one Query, paged.
   */
  async function listReportRows(
    committeeId: string,
    from: LocalDate,
  ): Promise<{ code: string; main: boolean; metrics: CaseMetrics }[]> {
    const rows: { code: string; main: boolean; metrics: CaseMetrics }[] = []
    let start: Record<string, unknown> | undefined
    do {
      const out = await db.query({
        TableName: tableName,
        IndexName: INDEXES.reporting.name,
        KeyConditionExpression: 'reportPk = :pk AND reportSk >= :from',
        ExpressionAttributeValues: { ':pk': `R#${committeeId}`, ':from': from },
        ExclusiveStartKey: start,
      })
      for (const item of out.Items ?? [])
        if (item.metrics)
          rows.push({
            code: item.code as string,
            main: item.sk === 'CASE',
            metrics: item.metrics as CaseMetrics,
          })
      start = out.LastEvaluatedKey
    } while (start)
    return rows
  }

  /** Counts a message about the case that could not be delivered (shown to staff). */
  async function noteDeliveryFailure(code: string): Promise<void> {
    await db.update({
      TableName: tableName,
      Key: { pk: casePk(code), sk: 'CASE' },
      UpdateExpression: 'ADD deliveryFailures :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
    })
  }

  /**
   * Puts a PIN's hash of the current scheme in place of an old one, only if the old one is still
   * there (a concurrent upgrade wins alike). Not a change of the case: no version, no event.
   */
  async function replacePinHash(code: string, old: string, next: string): Promise<void> {
    try {
      await db.update({
        TableName: tableName,
        Key: { pk: casePk(code), sk: 'CASE' },
        UpdateExpression: 'SET pinHash = :next',
        ConditionExpression: 'pinHash = :old',
        ExpressionAttributeValues: { ':old': old, ':next': next },
      })
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error
    }
  }

  async function addSupplement(code: string, supplement: Supplement): Promise<void> {
    await db.put({
      TableName: tableName,
      Item: {
        pk: casePk(code),
        sk: `SUPPLEMENT#${String(supplement.seq).padStart(6, '0')}${supplement.id ? `#${supplement.id}` : ''}`,
        ...supplement,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    })
  }

  async function listSupplements(code: string): Promise<Supplement[]> {
    const out = await db.query({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': casePk(code), ':prefix': 'SUPPLEMENT#' },
    })
    return (out.Items ?? []).map((item) => decodeItem<Supplement>(item))
  }

  async function querySummaries(
    index: (typeof INDEXES)[keyof typeof INDEXES],
    pkValue: string,
    page: { limit: number; cursor?: string; forward?: boolean; skBetween?: [string, string] },
  ): Promise<Page<CaseSummary>> {
    const scope = { index: index.name, partition: pkValue }
    const start = cursors.decode(scope, page.cursor, {
      attributes: ['pk', 'sk', index.partitionKey, index.sortKey],
      partitionKey: index.partitionKey,
    })
    const out = await db.query({
      TableName: tableName,
      IndexName: index.name,
      KeyConditionExpression: page.skBetween ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk',
      ExpressionAttributeNames: {
        '#pk': index.partitionKey,
        ...(page.skBetween ? { '#sk': index.sortKey } : {}),
      },
      ExpressionAttributeValues: {
        ':pk': pkValue,
        ...(page.skBetween ? { ':from': page.skBetween[0], ':to': page.skBetween[1] } : {}),
      },
      Limit: page.limit,
      ExclusiveStartKey: start,
      ScanIndexForward: page.forward ?? true,
    })
    const items = (out.Items ?? []).map((item) => {
      const summary: CaseSummary = {
        code: item.code,
        kind: item.kind,
        status: item.status,
        title: item.title,
        committeeId: item.committeeId,
        receivedOn: item.receivedOn,
        nextDue: item.nextDue,
        channel: item.channel,
        version: item.version,
        escalationLevel: item.escalationLevel,
      }
      return summary
    })
    return { items, cursor: cursors.encode(scope, out.LastEvaluatedKey) }
  }

  return {
    getCase,
    caseExists,
    getContent,
    createCase,
    appendEvent,
    recordWatch,
    noteDeliveryFailure,
    replacePinHash,
    putTransferReportRow,
    listReportRows,
    addSupplement,
    listSupplements,
    /** A committee's open cases, nearest due date first. */
    listCommitteeQueue: (committeeId: string, page: { limit: number; cursor?: string }) =>
      querySummaries(INDEXES.committeeQueue, `Q#${committeeId}`, page),
    /** The petitions a member submitted, newest first. */
    listMyPetitions: (ownerId: string, page: { limit: number; cursor?: string }) =>
      querySummaries(INDEXES.myPetitions, `U#${ownerId}`, { ...page, forward: false }),
    /**
     * Cases a committee holds that it received between two dates (inclusive): the reporting
     * index's cases not finished before `from`, those received in the range.
     */
    async listReceived(
      committeeId: string,
      from: LocalDate,
      to: LocalDate,
    ): Promise<{ items: CaseSummary[] }> {
      const items: CaseSummary[] = []
      let cursor: string | undefined
      do {
        const page = await querySummaries(INDEXES.reporting, `R#${committeeId}`, {
          limit: 500,
          cursor,
          skBetween: [from, '9999-12-31#~'],
        })
        items.push(...page.items.filter((s) => s.code && s.receivedOn >= from && s.receivedOn <= to))
        cursor = page.cursor
      } while (cursor)
      return { items }
    },
    /** Open cases in one watch shard whose next clock is due on or before `until`. */
    listDueCases: (shard: number, until: LocalDate, page: { limit: number; cursor?: string }) =>
      querySummaries(INDEXES.deadlineWatch, `W#${shard}`, { ...page, skBetween: ['0', `${until}#~`] }),
  }
}

export type CaseStore = ReturnType<typeof createCaseStore>
