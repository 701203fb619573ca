/**
 * Each function's access patterns, in partition keys, read off the store modules it calls. When a
 * store function is added to a function's path, its line here changes with it; anything missing
 * fails in AWS with AccessDenied naming the action, never silently.
 *
 * Partition keys (shared/store):
 *   CASE#<code>   cases.ts, pin-guard.ts: CASE, CONTENT, PIN_GUARD, SUPPLEMENT#<seq>
 *                 attachments.ts: ATT_SLOTS (slots and ids), ATT#<id> (GetItem/PutItem/UpdateItem only)
 *   CONFIG        settings.ts: COMMITTEES, ROUTING, CALENDAR, DEADLINES, WATCH
 *   USERS         users.ts: USER#<id>
 *   IDEMPOTENCY   service/idempotency.ts (Powertools `staticPkValue`): <function>#<hash>
 *   RATE#<hash>   rate-limits.ts: PIN#<window start> (wrong PINs per client address)
 *   MSG#<id>      outbox.ts: MSG (an outgoing e-mail or SMS and its delivery state)
 *   DIGEST#<date> service/sweep.ts: DIGEST (the morning digest of that day was sent)
 *   REPEAT#<hash> repeats.ts: <receivedAt>#<code> (the repeat index: salted hashes only)
 *   ACCOUNTABILITY#<committee> accountability.ts: REQUEST#<date>#<n> (a report owed by a committee)
 *   RECEPTION#<committee> reception.ts: <date>#<id> (a session of the reception register)
 *   AUDITS        audits.ts: SAMPLE#<id> (audit samples of finished cases and their findings)
 *   SESSION#<id>  sessions.ts: REVOKED (a staff session ended by signing out, until its token expires)
 *   DOCREG#<committee> register.ts: #<year> / <number> (the outgoing register's entries)
 */
import { casePk } from '../shared/store/keys.js'
import type { TableAccess } from './constructs/data-table.js'

const ANY_CASE = casePk('*')
const CONFIG = 'CONFIG'
const USERS = 'USERS'
const IDEMPOTENCY = 'IDEMPOTENCY'
const ANY_CLIENT_WINDOW = 'RATE#*'
const ANY_MESSAGE = 'MSG#*'
const ANY_DIGEST_DAY = 'DIGEST#*'
const ANY_REPEAT_KEY = 'REPEAT#*'
const ANY_REPORT_REQUEST = 'ACCOUNTABILITY#*'
const ANY_REGISTER = 'RECEPTION#*'
const AUDITS = 'AUDITS'
const ANY_ENDED_SESSION = 'SESSION#*'
const ANY_OUTGOING_REGISTER = 'DOCREG#*'

/**
 * The public function (shared/service/petitions.ts `submit`, `track`, `withdraw`, `supplement`):
 *   submit     UpdateItem RATE# (the client's submission windows, conditional: online only),
 *              GetItem CONFIG ×4 (settings), PutItem REPEAT# (the repeat keys), then CASE#/CONTENT
 *              then CASE#/CASE
 *              + Powertools: GetItem, PutItem, UpdateItem, DeleteItem (cleanup on failure) IDEMPOTENCY
 *   track      GetItem CASE#/CASE; the PIN compared in memory; then UpdateItem RATE# (the client's
 *              window, conditional) and CASE#/PIN_GUARD (the code's, conditional; GetItem it only
 *              once the free misses are used); an old scrypt PIN hash replaced (UpdateItem CASE#/CASE)
 *   withdraw   as track, then UpdateItem CASE#/CASE (conditional on version)
 *   escalate   as withdraw (a denouncer's escalation is a transition on the case)
 *   supplement as track, then PutItem CASE#/SUPPLEMENT#n and UpdateItem CASE#/CASE
 *   rate       as withdraw (the rating is an event on the case)
 *   open311    Query publicRequests (public-requests.ts: only recommendations and feedback, and only
 *              their public facts are projected), GetItem CONFIG/COMMITTEES
 * No other Query and no other index: listSupplements is reached only from the staff path
 * (getForStaff), and so is the repeat index's Query (the public surface may add keys, never ask who
 * filed what).
 */
export const PUBLIC_API_ACCESS: TableAccess = {
  get: [ANY_CASE, CONFIG, IDEMPOTENCY],
  put: [ANY_CASE, IDEMPOTENCY, ANY_REPEAT_KEY],
  update: [ANY_CASE, IDEMPOTENCY, ANY_CLIENT_WINDOW],
  delete: [IDEMPOTENCY],
  indexes: ['publicRequests'],
}

/**
 * The staff function (functions/staff-api/app.ts):
 *   every route    GetItem SESSION# (the token's session not ended), GetItem USERS (requireUser),
 *                  GetItem CONFIG (settings)
 *   sign-out       PutItem SESSION#/REVOKED (POST /staff/sign-out: the session ends until its expiry)
 *   POST cases     Query REPEAT# (earlier petitions), GetItem CASE# (candidates), PutItem REPEAT#,
 *                  CASE#/CONTENT, CASE#/CASE
 *   GET case       GetItem CASE#/CASE, CASE#/CONTENT; Query CASE# begins_with SUPPLEMENT#;
 *                  the first read of a case filed online: Query REPEAT#, GetItem CASE# (candidates),
 *                  UpdateItem CASE#/CASE (the suggestions, once)
 *   actions, reveal, history verification, me/petitions/{code}
 *                  GetItem CASE#/CASE (+ caseExists), UpdateItem CASE#/CASE
 *   queue          Query committeeQueue;  me/petitions  Query myPetitions
 *   users          Query USERS begins_with USER#; PutItem USERS/USER#<id>
 *   reports        Query reporting (per committee, finished on or after the period's start)
 *   transfers      PutItem CASE#/REPORT#<committee> (the sender keeps counting the case)
 *   accountability GetItem, PutItem (create), UpdateItem (steps), Query (a committee's) ACCOUNTABILITY#;
 *                  Query owedReports (the reports still owed)
 *   reception      PutItem RECEPTION#<committee>; Query RECEPTION# (a period); Query USERS (heads)
 *   audit samples  PutItem AUDITS/SAMPLE#<id> (conditional), GetItem, Query AUDITS begins_with
 *                  SAMPLE#, UpdateItem (a finding, conditional on the case being in the sample)
 *   configuration  PutItem CONFIG/<item> (admin pages: committees, routing, deadlines, calendar;
 *                  conditional on the version read, shared/service/admin.ts)
 *   documents      Query DOCREG#<committee>#<year> (the last number, a period), PutItem (claim a
 *                  number, conditional), GetItem and UpdateItem (cancel, conditional) an entry;
 *                  Query caseDocuments (a case's documents); then UpdateItem CASE#/CASE (the event)
 */
export const STAFF_API_ACCESS: TableAccess = {
  get: [ANY_CASE, CONFIG, USERS, ANY_REPORT_REQUEST, AUDITS, ANY_ENDED_SESSION, ANY_OUTGOING_REGISTER],
  put: [
    ANY_CASE,
    USERS,
    CONFIG,
    ANY_REPEAT_KEY,
    ANY_REPORT_REQUEST,
    ANY_REGISTER,
    AUDITS,
    ANY_ENDED_SESSION,
    ANY_OUTGOING_REGISTER,
  ],
  update: [ANY_CASE, ANY_REPORT_REQUEST, AUDITS, ANY_OUTGOING_REGISTER],
  query: [ANY_CASE, USERS, ANY_REPEAT_KEY, ANY_REPORT_REQUEST, ANY_REGISTER, AUDITS, ANY_OUTGOING_REGISTER],
  indexes: ['committeeQueue', 'myPetitions', 'reporting', 'owedReports', 'caseDocuments'],
}

/**
 * The export function (functions/report-export/app.ts): read only.
 *   every request  GetItem SESSION# (the token's session not ended), GetItem USERS (requireUser),
 *                  GetItem CONFIG (settings)
 *   export         Query reporting (per committee, finished on or after the period's start);
 *                  the report's accountability and reception figures (service/report-extras.ts):
 *                  Query ACCOUNTABILITY#<committee> (listCommitteeRequests) and
 *                  Query RECEPTION#<committee> (the register's sessions of the period)
 *   register       Query DOCREG#<committee>#<year> (the outgoing register of a period, XLSX)
 */
export const REPORT_EXPORT_ACCESS: TableAccess = {
  get: [CONFIG, USERS, ANY_ENDED_SESSION],
  query: [ANY_REPORT_REQUEST, ANY_REGISTER, ANY_OUTGOING_REGISTER],
  indexes: ['reporting'],
}

/**
 * The deadline sweep (functions/deadline-sweep/handler.ts → shared/service/sweep.ts):
 *   both tasks     Query USERS begins_with USER# (listUsers); GetItem CONFIG/COMMITTEES
 *   sweep          Query deadlineWatch (listDueCases, per shard), then for each due case:
 *                    GetItem CASE#/CASE (getCase), CONFIG/CALENDAR, DEADLINES, WATCH (settings)
 *                    GetItem CASE#/CONTENT (getContent: the petitioner's sealed address)
 *                    PutItem MSG# (outbox.put, conditional on absence)
 *                    UpdateItem CASE#/CASE (recordWatch, conditional on version)
 *   delivery       Query outbox (listDue, per shard); UpdateItem MSG# (claim, markSent,
 *                  markRetry, markFailed); UpdateItem CASE#/CASE ADD (noteDeliveryFailure)
 *   owed reports   Query owedReports (due within the horizon); GetItem ACCOUNTABILITY#/REQUEST;
 *                  PutItem MSG#; UpdateItem ACCOUNTABILITY#/REQUEST (markStep, conditional)
 *   digest         PutItem DIGEST# (the day's claim, conditional on no sent marker; then the sent
 *                  marker, conditional on the claim): no GetItem;
 *                  Query committeeQueue (listCommitteeQueue); PutItem MSG#; then delivery
 * No GetItem on MSG#: outbox.get and listRecent serve the dev mailbox, not the sweep (claim
 * returns the message it took). No DeleteItem, no Scan, no other index.
 * Beyond the table (infra/constructs/deadline-sweep.ts): the identity key under the identity purpose
 * only, Decrypt to open a petitioner's identity and GenerateDataKey to seal the address again for
 * the outbox; sending as the organisation (notifications.ts); SendMessage to its dead-letter queue.
 */
export const DEADLINE_SWEEP_ACCESS: TableAccess = {
  get: [ANY_CASE, CONFIG, ANY_REPORT_REQUEST],
  put: [ANY_MESSAGE, ANY_DIGEST_DAY],
  update: [ANY_CASE, ANY_MESSAGE, ANY_REPORT_REQUEST],
  query: [USERS],
  indexes: ['deadlineWatch', 'outbox', 'committeeQueue', 'owedReports'],
}
