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

/**
 * The public function (shared/service/petitions.ts `submit`, `track`, `withdraw`, `supplement`):
 *   submit     GetItem CONFIG ×4 (settings), PutItem CASE#/CONTENT then CASE#/CASE
 *              + Powertools: GetItem, PutItem, UpdateItem, DeleteItem (cleanup on failure) IDEMPOTENCY
 *   track      GetItem RATE# (client blocked?), CASE#/PIN_GUARD and CASE#/CASE; on a wrong PIN
 *              UpdateItem RATE# and CASE#/PIN_GUARD (ADD failures); after failures, reset PIN_GUARD
 *   withdraw   as track, then UpdateItem CASE#/CASE (conditional on version)
 *   escalate   as withdraw (a denouncer's escalation is a transition on the case)
 *   supplement as track, then PutItem CASE#/SUPPLEMENT#n and UpdateItem CASE#/CASE
 * No Query and no index: listSupplements is reached only from the staff path (getForStaff).
 */
export const PUBLIC_API_ACCESS: TableAccess = {
  get: [ANY_CASE, CONFIG, IDEMPOTENCY, ANY_CLIENT_WINDOW],
  put: [ANY_CASE, IDEMPOTENCY],
  update: [ANY_CASE, IDEMPOTENCY, ANY_CLIENT_WINDOW],
  delete: [IDEMPOTENCY],
}

/**
 * The staff function (functions/staff-api/app.ts):
 *   every route    GetItem USERS (requireUser), GetItem CONFIG (settings)
 *   POST cases     PutItem CASE#/CONTENT, CASE#/CASE
 *   GET case       GetItem CASE#/CASE, CASE#/CONTENT; Query CASE# begins_with SUPPLEMENT#
 *   actions, reveal, history verification, me/petitions/{code}
 *                  GetItem CASE#/CASE (+ caseExists), UpdateItem CASE#/CASE
 *   queue          Query committeeQueue;  me/petitions  Query myPetitions
 *   users          Query USERS begins_with USER#; PutItem USERS/USER#<id>
 *   reports        Query reporting (per committee, finished on or after the period's start)
 *   transfers      PutItem CASE#/REPORT#<committee> (the sender keeps counting the case)
 * Configuration screens will add CONFIG writes here.
 */
export const STAFF_API_ACCESS: TableAccess = {
  get: [ANY_CASE, CONFIG, USERS],
  put: [ANY_CASE, USERS],
  update: [ANY_CASE],
  query: [ANY_CASE, USERS],
  indexes: ['committeeQueue', 'myPetitions', 'reporting'],
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
 *   digest         PutItem DIGEST# (the day's marker, conditional on absence);
 *                  Query committeeQueue (listCommitteeQueue); PutItem MSG#; then delivery
 * No GetItem on MSG#: outbox.get and listRecent serve the dev mailbox, not the sweep (claim
 * returns the message it took). No DeleteItem, no Scan, no other index.
 * Beyond the table (infra/constructs/deadline-sweep.ts): the identity key under the identity purpose
 * only, Decrypt to open a petitioner's identity and GenerateDataKey to seal the address again for
 * the outbox; sending as the organisation (notifications.ts); SendMessage to its dead-letter queue.
 */
export const DEADLINE_SWEEP_ACCESS: TableAccess = {
  get: [ANY_CASE, CONFIG],
  put: [ANY_MESSAGE, ANY_DIGEST_DAY],
  update: [ANY_CASE, ANY_MESSAGE],
  query: [USERS],
  indexes: ['deadlineWatch', 'outbox', 'committeeQueue'],
}
