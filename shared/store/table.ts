/**
 * The one DynamoDB table, described once. CDK (infra/), the local bootstrap (local/) and the tests
 * all build the table from this description, so the three can never drift apart.
 *
 * Items (pk / sk):
 *   CASE#<code> / CASE        the case: state, version, clocks, routing, hash-chained history
 *   CASE#<code> / CONTENT     the petition's text and (encrypted) identity, written once at intake
 *   CASE#<code> / PIN_GUARD   reserved and missed PIN attempts, and the slow interval, for the code
 *   CONFIG / COMMITTEES       the committee tree (one small item, read by key)
 *   CONFIG / ROUTING          the routing rules
 *   CONFIG / CALENDAR         per-year day-off / working-day overrides
 *   CONFIG / DEADLINES        deadline settings (how "days" are counted, configurable limits)
 *   USERS / USER#<id>         a staff or member account
 *   IDEMPOTENCY / <hash>      Powertools idempotency records for public submission (expire)
 *   RATE#<hash> / PIN#<window> wrong PINs per client address and window (expire)
 *   RATE#<hash> / SUBMIT#<hour>, KEYLESS#<minute>  online submissions per client address (expire)
 *   MSG#<id> / MSG            an outgoing message (e-mail, SMS) and its delivery state
 *   CONFIG / WATCH            reminder and escalation settings
 *   CONFIG / RETENTION        years a finished case's dossier is kept, by kind
 *   DIGEST#<date> / DIGEST    marks the morning digest of a day as sent (exactly once)
 *   REPEAT#<hash> / <receivedAt>#<code>
 *                             the repeat index (repeats.ts): a salted hash (HMAC) of a petition's
 *                             identity number, name and address, subject or content band, to the
 *                             cases that share it; Query per key, newest first, up to a receipt
 *                             time
 *   (the case item of a recommendation or feedback also carries `publicId`, its Open311 id, and the
 *   publicRequests index keys: see shared/store/public-requests.ts)
 *   ACCOUNTABILITY#<committee> / REQUEST#<date>#<n>  a report owed by a committee, with its history
 *   RECEPTION#<committee> / <date>#<id>  a reception session of the register (a period is one Query)
 *   AUDITS / SAMPLE#<id>      an audit sample of closed cases and the finding on each (store/audits.ts)
 *   SESSION#<id> / REVOKED    a staff session ended by signing out, until its token expires (expire)
 *   CASE#<code> / ATT_SLOTS   attachment slots taken and their ids (the atomic 5-file limit)
 *   CASE#<code> / ATT#<id>    an attachment's metadata (the bytes are in the blob store)
 *   DOCREG#<committee>#<year> / <number, 6 digits>
 *                             the outgoing register: one entry per issued document (register.ts)
 */

/** The table's one time-to-live attribute (epoch seconds): every expiring item uses it. */
export const TIME_TO_LIVE_ATTRIBUTE = 'expiresAt'

export interface IndexDefinition {
  /** Named after the access pattern it serves. */
  readonly name: string
  readonly partitionKey: string
  readonly sortKey: string
  /** Only these attributes are projected (besides the table and index keys). */
  readonly projectedAttributes: readonly string[]
}

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const

/** Attributes every case-listing index carries: enough to draw a queue row, nothing personal. */
const CASE_SUMMARY = [
  'code',
  'kind',
  'status',
  'title',
  'committeeId',
  'receivedOn',
  'nextDue',
  'channel',
  'escalationLevel',
] as const

export const INDEXES = {
  /** A committee's open cases, nearest due date first. Present only while the case is open. */
  committeeQueue: {
    name: 'committeeQueue',
    partitionKey: 'queuePk',
    sortKey: 'queueSk',
    projectedAttributes: [...CASE_SUMMARY, 'version'],
  },
  /**
   * Open cases with a running clock, sharded by code, sorted by due date, so a sweep reads only
   * what is due: its cost grows with the number of due clocks, not with the number of cases.
   */
  deadlineWatch: {
    name: 'deadlineWatch',
    partitionKey: 'watchPk',
    sortKey: 'watchSk',
    projectedAttributes: ['code', 'committeeId', 'nextDue', 'version'],
  },
  /** Every case of a committee by the date it was received, for reports. */
  reporting: {
    name: 'reporting',
    partitionKey: 'reportPk',
    sortKey: 'reportSk',
    projectedAttributes: [...CASE_SUMMARY, 'metrics'],
  },
  /**
   * Messages by shard and state: pending ones by the time of their next attempt (the sender reads
   * those due), sent and failed ones by time (the dev mailbox and delivery checks).
   */
  outbox: {
    name: 'outbox',
    partitionKey: 'outboxPk',
    sortKey: 'outboxSk',
    projectedAttributes: ['id', 'state', 'code', 'channel', 'template', 'attempts', 'createdAt'],
  },
  /** The petitions a signed-in member submitted, newest first. */
  myPetitions: {
    name: 'myPetitions',
    partitionKey: 'ownerPk',
    sortKey: 'ownerSk',
    projectedAttributes: CASE_SUMMARY,
  },
  /**
   * Recommendations and feedback by month and day of receipt, for the Open311 facade (public
   * function): only the public facts, never the title, the text, a petitioner or the tracking code
   * (shared/domain/open311.ts). Complaints and denunciations are never in it.
   */
  publicRequests: {
    name: 'publicRequests',
    partitionKey: 'openPk',
    sortKey: 'openSk',
    projectedAttributes: [
      'publicId',
      'kind',
      'topic',
      'committeeId',
      'status',
      'receivedAt',
      'publicDue',
      'publicUpdatedAt',
    ],
  },
  /** Reports still owed (requested or returned), nearest due date first: supervisors' list, reminders. */
  owedReports: {
    name: 'owedReports',
    partitionKey: 'owedPk',
    sortKey: 'owedSk',
    projectedAttributes: ['id', 'kind', 'committeeId', 'state', 'subject', 'requestedOn', 'dueOn', 'version'],
  },
  /** The documents issued on a case (the outgoing register's entries, keyed by the case), in order. */
  caseDocuments: {
    name: 'caseDocuments',
    partitionKey: 'docPk',
    sortKey: 'docSk',
    projectedAttributes: [
      'committeeId',
      'year',
      'number',
      'symbol',
      'templateId',
      'caseCode',
      'addressee',
      'recipientName',
      'summary',
      'issuedOn',
      'issuedAt',
      'issuedBy',
      'decisionSeq',
      'sha256',
      'blobKey',
      'size',
      'status',
      'cancelled',
    ],
  },
} as const satisfies Record<string, IndexDefinition>

export type IndexName = keyof typeof INDEXES

/** Shards of the deadline-watch index: spreads writes; a sweep queries each shard once. */
export const WATCH_SHARDS = 4

/**
 * The key attributes of the table and of every index, derived from {@link INDEXES}: storage, not
 * part of any entity. An index added above is stripped from every item read without another edit.
 */
export const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  ...Object.values(INDEXES).flatMap((index) => [index.partitionKey, index.sortKey]),
])

/**
 * An item read from the table as the entity it stores: the key attributes removed, with any other
 * storage-only attributes the store names (`also`). The owning store module wrote the item from a
 * `T`, so what remains is a `T`: this is the one place where the store trusts its own writes.
 */
export function decodeItem<T extends object>(
  item: Readonly<Record<string, unknown>>,
  also: readonly string[] = [],
): T {
  const entity: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(item))
    if (!KEY_ATTRIBUTES.has(name) && !also.includes(name)) entity[name] = value
  return entity as T
}
