/**
 * The authorization matrix: every staff route × every role × the role's relation to the resource
 * (its own committee `btc`, the parent committee `dukhoi`, another committee `byt`, no committee),
 * with the expected status written in the tables below. Any allow the table does not say fails.
 *
 * The resource is always a case (or the queue) of `btc`. For members, "owner" is the member who
 * filed the case; "own" is a member of `btc` who did not. 404 is the answer wherever the caller
 * may not learn that the case exists; 403 where the caller may see the case (or no case is
 * involved) but not do this; 409 for a lifecycle action the caller's roles may not take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAFF_ROUTES } from '../../functions/staff-api/routes.js'
import { ACTIONS } from '../../shared/domain/lifecycle.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { ROLES, type Role } from '../../shared/domain/vocabulary.js'
import { createAccountabilityStore } from '../../shared/store/accountability.js'
import { createReceptionStore } from '../../shared/store/reception.js'
import { pdf } from '../fixtures/documents.js'
import { act, actOk, addUser, fileAtDesk, fileOnline, storedCase, TODAY } from './authz-helpers.js'
import { type Harness, petition, problemType, startHarness } from './harness.js'

type Relation = 'owner' | 'own' | 'parent' | 'other' | 'none'
const COMMITTEE_OF: Record<Relation, string | undefined> = {
  owner: 'btc',
  own: 'btc',
  parent: 'dukhoi',
  other: 'byt',
  none: undefined,
}

interface Actor {
  readonly key: string
  /** undefined: no token at all. */
  readonly userId?: string
  readonly role?: Role
  readonly relation?: Relation
  readonly active: boolean
}

/** `committee_head @ parent` → a head of `dukhoi`; `… , deactivated` → the same account switched off. */
function actor(key: string): Actor {
  if (key === 'no token') return { key, active: false }
  const m = /^(\w+) @ (\w+)(, deactivated)?$/.exec(key)
  if (!m) throw new Error(`bad actor key '${key}'`)
  const [, role, relation, off] = m as unknown as [string, Role, Relation, string | undefined]
  return { key, userId: `mx.${role}.${relation}${off ? '.off' : ''}`, role, relation, active: !off }
}

// ─── Route × actor ──────────────────────────────────────────────────────────────────────────────

const ROUTE_COLUMNS = [
  'GET /api/v1/cases/{trackingCode}',
  'POST /api/v1/cases/{trackingCode}/actions',
  'POST /api/v1/cases/{trackingCode}/reveal',
  'GET /api/v1/cases/{trackingCode}/history/verification',
  'POST /api/v1/cases',
  'GET /api/v1/committees',
  'GET /api/v1/committees/{id}/queue',
  'GET /api/v1/me/petitions',
  'GET /api/v1/me/petitions/{trackingCode}',
  'GET /api/v1/users',
  'PUT /api/v1/users/{id}',
  'GET /api/v1/reports',
  'POST /api/v1/accountability-requests',
  'GET /api/v1/accountability-requests',
  'GET /api/v1/accountability-requests/{id}',
  'POST /api/v1/accountability-requests/{id}/submit',
  'POST /api/v1/accountability-requests/{id}/accept',
  'POST /api/v1/accountability-requests/{id}/return',
  'POST /api/v1/reception-sessions',
  'GET /api/v1/reception-sessions',
  'GET /api/v1/reception-sessions/summary',
  'GET /api/v1/cases/{trackingCode}/attachments',
  'GET /api/v1/cases/{trackingCode}/attachments/{id}/link',
  'POST /api/v1/cases/{trackingCode}/attachments',
  'POST /api/v1/cases/{trackingCode}/attachments/{id}/completion',
  'POST /api/v1/cases/{trackingCode}/dossier',
] as const
type RouteName = (typeof ROUTE_COLUMNS)[number]

// biome-ignore format: the table is read as a grid
const ROUTE_MATRIX: readonly (readonly [actor: string, ...expected: number[]])[] = [
  //                                     case  accept reveal verify intake cttees queue  mine  mine/c users putUser report  acct+  accts  acct   submit accpt  return rec+  recs  recsum  att   link  upload done  dossier
  ['no token',                           401,  401,   401,   401,   401,   401,   401,   401,  401,   401,  401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
  ['member @ owner',                     404,  404,   404,   404,   403,   200,   403,   200,  200,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['member @ own',                       404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['member @ parent',                    404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['member @ other',                     404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['member @ none',                      404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['reception_officer @ own',            200,  409,   403,   403,   201,   200,   200,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 201, 200, 200, 200, 200, 201, 200, 403],
  ['reception_officer @ parent',         404,  404,   404,   404,   201,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['reception_officer @ other',          404,  404,   404,   404,   201,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  // A reception officer needs a committee (the admin API refuses one without): without, no desk.
  ['reception_officer @ none',           404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['committee_handler @ own',            200,  200,   403,   403,   403,   200,   200,   200,  404,   403,  403, 403, 403, 200, 200, 409, 409, 409, 403, 200, 200, 200, 200, 403, 403, 403],
  ['committee_handler @ parent',         404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 200, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['committee_handler @ other',          404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 200, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['committee_handler @ none',           404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 200, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['committee_head @ own',               200,  200,   200,   200,   403,   200,   200,   200,  404,   403,  403, 200, 403, 200, 200, 200, 409, 409, 201, 200, 200, 200, 200, 403, 403, 201],
  // A head above reads and audits the committees below, but neither acts for them nor reveals.
  ['committee_head @ parent',            200,  409,   403,   200,   403,   200,   200,   200,  404,   403,  403, 200, 201, 200, 200, 409, 200, 200, 403, 200, 200, 200, 200, 403, 403, 201],
  ['committee_head @ other',             404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 200, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['committee_head @ none',              404,  404,   404,   404,   403,   200,   403,   200,  404,   403,  403, 403, 403, 200, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['supervisor @ own',                   200,  409,   200,   200,   403,   200,   200,   200,  404,   403,  403, 200, 201, 200, 200, 409, 200, 200, 403, 200, 200, 200, 200, 403, 403, 201],
  ['supervisor @ parent',                200,  409,   200,   200,   403,   200,   200,   200,  404,   403,  403, 200, 201, 200, 200, 409, 200, 200, 403, 200, 200, 200, 200, 403, 403, 201],
  ['supervisor @ other',                 200,  409,   200,   200,   403,   200,   200,   200,  404,   403,  403, 200, 201, 200, 200, 409, 200, 200, 403, 200, 200, 200, 200, 403, 403, 201],
  ['supervisor @ none',                  200,  409,   200,   200,   403,   200,   200,   200,  404,   403,  403, 200, 201, 200, 200, 409, 200, 200, 403, 200, 200, 200, 200, 403, 403, 201],
  ['admin @ own',                        404,  404,   404,   404,   403,   200,   403,   200,  404,   200,  200, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['admin @ parent',                     404,  404,   404,   404,   403,   200,   403,   200,  404,   200,  200, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['admin @ other',                      404,  404,   404,   404,   403,   200,   403,   200,  404,   200,  200, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['admin @ none',                       404,  404,   404,   404,   403,   200,   403,   200,  404,   200,  200, 403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404],
  ['committee_handler @ own, deactivated', 401, 401,  401,   401,   401,   401,   401,   401,  401,   401,  401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
]

// ─── Response-time audit routes × actor (same actors; the sample is one of `btc`) ─────────────────

const AUDIT_ROUTE_COLUMNS = [
  'GET /api/v1/reports/cases',
  'GET /api/v1/reports/charts/on-time.svg',
  'GET /api/v1/reports/charts/backlog.svg',
  'POST /api/v1/audit-samples',
  'GET /api/v1/audit-samples',
  'GET /api/v1/audit-samples/{id}',
  'PUT /api/v1/audit-samples/{id}/findings/{trackingCode}',
] as const
type AuditRouteName = (typeof AUDIT_ROUTE_COLUMNS)[number]

// biome-ignore format: the table is read as a grid
const AUDIT_ROUTE_MATRIX: readonly (readonly [actor: string, ...expected: number[]])[] = [
  //                                     cases  trend backlog draw  samples sample finding
  ['no token',                           401,   401,  401,    401,  401,    401,   401],
  ['member @ owner',                     403,   403,  403,    403,  200,    404,   403],
  ['member @ own',                       403,   403,  403,    403,  200,    404,   403],
  ['member @ parent',                    403,   403,  403,    403,  200,    404,   403],
  ['member @ other',                     403,   403,  403,    403,  200,    404,   403],
  ['member @ none',                      403,   403,  403,    403,  200,    404,   403],
  ['reception_officer @ own',            403,   403,  403,    403,  200,    404,   403],
  ['reception_officer @ parent',         403,   403,  403,    403,  200,    404,   403],
  ['reception_officer @ other',          403,   403,  403,    403,  200,    404,   403],
  ['reception_officer @ none',           403,   403,  403,    403,  200,    404,   403],
  ['committee_handler @ own',            403,   403,  403,    403,  200,    404,   403],
  ['committee_handler @ parent',         403,   403,  403,    403,  200,    404,   403],
  ['committee_handler @ other',          403,   403,  403,    403,  200,    404,   403],
  ['committee_handler @ none',           403,   403,  403,    403,  200,    404,   403],
  // Heads over the committee read its figures and samples; only supervisors draw and review.
  ['committee_head @ own',               200,   200,  200,    403,  200,    200,   403],
  ['committee_head @ parent',            200,   200,  200,    403,  200,    200,   403],
  ['committee_head @ other',             403,   403,  403,    403,  200,    404,   403],
  ['committee_head @ none',              403,   403,  403,    403,  200,    404,   403],
  ['supervisor @ own',                   200,   200,  200,    201,  200,    200,   200],
  ['supervisor @ parent',                200,   200,  200,    201,  200,    200,   200],
  ['supervisor @ other',                 200,   200,  200,    201,  200,    200,   200],
  ['supervisor @ none',                  200,   200,  200,    201,  200,    200,   200],
  ['admin @ own',                        403,   403,  403,    403,  200,    404,   403],
  ['admin @ parent',                     403,   403,  403,    403,  200,    404,   403],
  ['admin @ other',                      403,   403,  403,    403,  200,    404,   403],
  ['admin @ none',                       403,   403,  403,    403,  200,    404,   403],
  ['committee_handler @ own, deactivated', 401, 401,  401,    401,  401,    401,   401],
]

// ─── Role grant routes × actor (issue 12.1; the grants are for fresh accounts, asked by the seed `admin`) ──

const ROLE_ROUTE_COLUMNS = [
  'GET /api/v1/role-grants',
  'POST /api/v1/users/{id}/grants/{grantId}/confirmation',
  'POST /api/v1/users/{id}/grants/{grantId}/refusal',
  'GET /api/v1/role-changes',
] as const
type RoleRouteName = (typeof ROLE_ROUTE_COLUMNS)[number]

// biome-ignore format: the table is read as a grid
const ROLE_ROUTE_MATRIX: readonly (readonly [actor: string, ...expected: number[]])[] = [
  //                                     grants confirm refuse changes
  ['no token',                          401,  401,  401,  401],
  ['member @ owner',                    403,  403,  403,  403],
  ['member @ own',                      403,  403,  403,  403],
  ['member @ parent',                   403,  403,  403,  403],
  ['member @ other',                    403,  403,  403,  403],
  ['member @ none',                     403,  403,  403,  403],
  ['reception_officer @ own',           403,  403,  403,  403],
  ['reception_officer @ parent',        403,  403,  403,  403],
  ['reception_officer @ other',         403,  403,  403,  403],
  ['reception_officer @ none',          403,  403,  403,  403],
  ['committee_handler @ own',           403,  403,  403,  403],
  ['committee_handler @ parent',        403,  403,  403,  403],
  ['committee_handler @ other',         403,  403,  403,  403],
  ['committee_handler @ none',          403,  403,  403,  403],
  ['committee_head @ own',              403,  403,  403,  403],
  ['committee_head @ parent',           403,  403,  403,  403],
  ['committee_head @ other',            403,  403,  403,  403],
  ['committee_head @ none',             403,  403,  403,  403],
  ['supervisor @ own',                  403,  403,  403,  200],
  ['supervisor @ parent',               403,  403,  403,  200],
  ['supervisor @ other',                403,  403,  403,  200],
  ['supervisor @ none',                 403,  403,  403,  200],
  ['admin @ own',                       200,  200,  200,  200],
  ['admin @ parent',                    200,  200,  200,  200],
  ['admin @ other',                     200,  200,  200,  200],
  ['admin @ none',                      200,  200,  200,  200],
  ['committee_handler @ own, deactivated', 401,  401,  401,  401],
]

// ─── Action × role, each on a state where the action is legal ───────────────────────────────────

const ACTION_COLUMNS = [
  'member @ own',
  'reception_officer @ own',
  'committee_handler @ own',
  'committee_head @ own',
  'committee_head @ parent',
  'supervisor @ own',
  'admin @ own',
] as const

type State = 'received' | 'accepted' | 'suspended' | 'resolved'

// biome-ignore format: the table is read as a grid
const ACTION_MATRIX: readonly (readonly [action: string, state: State, ...expected: number[]])[] = [
  //                                       member desk  handler head  head↑  superv admin
  ['accept',             'received',       404,   409,  200,    200,  409,   409,   404],
  ['refuse',             'received',       404,   409,  200,    200,  409,   409,   404],
  ['transfer',           'received',       404,   409,  200,    200,  409,   409,   404],
  ['guide',              'received',       404,   409,  200,    200,  409,   409,   404],
  ['file',               'received',       404,   409,  200,    200,  409,   409,   404],
  ['mark_duplicate',     'received',       404,   200,  200,    200,  409,   409,   404],
  ['reroute',            'received',       404,   200,  200,    200,  409,   409,   404],
  ['withdraw',           'received',       404,   200,  200,    200,  409,   409,   404],
  ['start_verification', 'accepted',       404,   409,  200,    200,  409,   409,   404],
  ['extend',             'accepted',       404,   409,  409,    200,  409,   409,   404],
  ['suspend',            'accepted',       404,   409,  200,    200,  409,   409,   404],
  ['resolve',            'accepted',       404,   409,  200,    200,  409,   409,   404],
  ['resume',             'suspended',      404,   409,  200,    200,  409,   409,   404],
  // The denouncer's own step (Art. 38, with the PIN): no staff role may take it.
  ['escalate',           'accepted',       404,   409,  409,    409,  409,   409,   404],
  ['close',              'resolved',       404,   409,  200,    200,  409,   409,   404],
  ['link_repeat',        'received',       404,   200,  200,    200,  409,   409,   404],
  // Đôn đốc comes from above: supervisors and heads of a committee above, never the committee.
  ['chase',              'received',       404,   409,  409,    409,  200,   200,   404],
]

// ─── Fixtures ────────────────────────────────────────────────────────────────────────────────────

let h: Harness
/** A complaint at `btc`, recorded at the desk by `tiepdan` for `mx.member.owner`: read-only cells use it. */
let readCase: string
/** A case of `btc` whose handling has ended (filed), for the dossier cells. */
let finishedCase: string
/** The audit sample of `btc` the audit routes read and review. */
let sample: { id: string; code: string }
/** One case per state for the refused cells; each refusal must leave it as it was. */
const shared = {} as Record<State, { code: string; version: number }>

async function caseIn(state: State): Promise<string> {
  const { trackingCode } = await fileOnline(h)
  if (state === 'received') return trackingCode
  await actOk(h, trackingCode, 'btc.canbo', { action: 'accept' })
  if (state === 'suspended')
    await actOk(h, trackingCode, 'btc.canbo', { action: 'suspend', reason: 'Chờ kết quả giám định' })
  if (state === 'resolved')
    await actOk(h, trackingCode, 'btc.canbo', { action: 'resolve', answer: 'Trả lời.', outcome: 'rejected' })
  return trackingCode
}

beforeAll(async () => {
  h = await startHarness()
  const actors = new Map<string, Actor>()
  for (const key of [...ROUTE_MATRIX.map((row) => row[0]), ...ACTION_COLUMNS]) actors.set(key, actor(key))
  await Promise.all(
    [...actors.values()]
      .filter((a) => a.userId)
      .map((a) => addUser(h, a.userId!, a.role!, COMMITTEE_OF[a.relation!], a.active)),
  )
  readCase = (await fileAtDesk(h, { ownerId: 'mx.member.owner', ownerPresent: true, channel: 'in_person' }))
    .trackingCode
  // An audit sample of `btc` holding one finished case, for the audit routes' cells.
  const finished = await caseIn('received')
  await actOk(h, finished, 'btc.canbo', { action: 'guide', guidance: 'Gửi đến UBND phường.' })
  const drawn = await h.request('POST', '/api/v1/audit-samples', {
    as: 'giamsat',
    body: { committeeId: 'btc', from: '2026-11-01', to: '2026-11-26', size: 1, seed: 1 },
  })
  sample = { id: drawn.body.id, code: drawn.body.cases[0].trackingCode }
  readAttachment = await uploadAtDesk(readCase, 'tiepdan', true)
  finishedCase = await caseIn('received')
  await actOk(h, finishedCase, 'btc.canbo', { action: 'file', note: 'Lưu đơn' })
  uploadedNotCompleted = await uploadAtDesk(readCase, 'tiepdan', false)
  for (const state of ['received', 'accepted', 'suspended', 'resolved'] as const) {
    const code = await caseIn(state)
    shared[state] = { code, version: (await storedCase(h, code)).version }
  }
  owed.requested = await reportRequest('requested')
  owed.submitted = await reportRequest('submitted')
})

// ─── Accountability reports owed by `btc` and its reception register ────────────────────────────

const REQUESTS = '/api/v1/accountability-requests'
/** One report request per state for the refused cells; each refusal must leave it as it was. */
const owed = {} as Record<'requested' | 'submitted', { id: string; version: number }>

/** A periodic report owed by `btc`, required by the supervisor, and submitted by its head if asked. */
async function reportRequest(state: 'requested' | 'submitted'): Promise<{ id: string; version: number }> {
  const res = await h.request('POST', REQUESTS, {
    as: 'giamsat',
    body: { kind: 'periodic', committeeId: 'btc', period: 'quarter', year: 2026, index: 3 },
  })
  if (res.status !== 201) throw new Error(`report request failed: ${res.status} ${res.body?.type}`)
  if (state === 'requested') return { id: res.body.id, version: res.body.version }
  const submitted = await h.request('POST', `${REQUESTS}/${res.body.id}/submit`, {
    as: 'btc.truong',
    body: { explanation: 'Giải trình của đơn vị.' },
    headers: { 'if-match': String(res.body.version) },
  })
  if (submitted.status !== 200) throw new Error(`submission failed: ${submitted.status}`)
  return { id: res.body.id, version: submitted.body.version }
}

async function expectRequestUntouched(state: 'requested' | 'submitted') {
  const stored = await createAccountabilityStore(
    h.server.services.db,
    h.server.services.tableName,
  ).getRequest(owed[state].id)
  expect(stored?.version).toBe(owed[state].version)
}

function reportStep(
  action: 'submit' | 'accept' | 'return',
  state: 'requested' | 'submitted',
  body: object,
): RouteCell {
  return {
    async call(as, expected) {
      const target = expected === 200 ? await reportRequest(state) : owed[state]
      return h.request('POST', `${REQUESTS}/${target.id}/${action}`, {
        as,
        body,
        headers: { 'if-match': String(target.version) },
      })
    },
    async check(res, a, expected) {
      if (expected === 200) expect(res.body.history.at(-1).actor.id).toBe(a.userId)
      else await expectRequestUntouched(state)
      if (expected === 409) expect(res.body.type).toEqual(problemType('not_allowed_for_role'))
    },
  }
}
afterAll(async () => h.close())

/** A document on `readCase` for the attachment cells: one completed, one uploaded but not completed. */
let readAttachment: string
let uploadedNotCompleted: string
const PDF_BYTES = pdf()

/** The desk officer asks for a slot, uploads a PDF and (when `completeIt`) completes it: the id. */
async function uploadAtDesk(code: string, officer: string, completeIt: boolean): Promise<string> {
  const slots = await h.request('POST', `/api/v1/cases/${code}/attachments`, {
    as: officer,
    body: { files: [{ name: 'Biên bản.pdf', type: 'application/pdf', size: PDF_BYTES.length }] },
  })
  if (slots.status !== 201) throw new Error(`slots failed: ${slots.status} ${JSON.stringify(slots.body)}`)
  const slot = slots.body.uploads[0]
  await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: PDF_BYTES })
  if (completeIt) {
    const done = await completeAs(officer, code, slot.id)
    if (done.status !== 200) throw new Error(`completion failed: ${done.status}`)
  }
  return slot.id
}

const completeAs = (as: string | undefined, code: string, id: string) =>
  h.request('POST', `/api/v1/cases/${code}/attachments/${id}/completion`, { as, body: {} })

/** Refusals write nothing: the shared case keeps its version. */
async function expectUntouched(state: State) {
  expect((await storedCase(h, shared[state].code)).version).toBe(shared[state].version)
}

const ACTION_BODIES: Record<string, () => Record<string, unknown>> = {
  accept: () => ({ action: 'accept' }),
  refuse: () => ({ action: 'refuse', reason: 'no_related_interest' }),
  transfer: () => ({ action: 'transfer', toCommitteeId: 'byt' }),
  guide: () => ({ action: 'guide', guidance: 'Gửi đơn đến Tòa án nhân dân quận.' }),
  file: () => ({ action: 'file', note: 'Lưu đơn' }),
  mark_duplicate: () => ({ action: 'mark_duplicate', of: readCase }),
  reroute: () => ({ action: 'reroute', toCommitteeId: 'byt' }),
  withdraw: () => ({ action: 'withdraw', scope: 'full', reason: 'Đơn rút bằng văn bản' }),
  start_verification: () => ({ action: 'start_verification' }),
  extend: () => ({ action: 'extend', complexity: 'complex', reason: 'Vụ việc phức tạp' }),
  suspend: () => ({ action: 'suspend', reason: 'Chờ kết quả giám định' }),
  resolve: () => ({ action: 'resolve', answer: 'Kết luận: khiếu nại sai.', outcome: 'rejected' }),
  resume: () => ({ action: 'resume' }),
  close: () => ({ action: 'close' }),
  escalate: () => ({ action: 'escalate', reason: 'Quá hạn' }),
  link_repeat: () => ({ action: 'link_repeat', of: readCase }),
  chase: () => ({ action: 'chase', note: 'Đề nghị khẩn trương giải quyết' }),
}

type Res = Awaited<ReturnType<Harness['request']>>

interface RouteCell {
  /** Makes the request; a cell that is expected to change something gets a fresh case. */
  call(as: string | undefined, expected: number, cell: number): Promise<Res>
  /** What else must hold after the answer. */
  check?(res: Res, a: Actor, expected: number, cell: number): Promise<void>
}

const ROUTES: Record<RouteName, RouteCell> = {
  'GET /api/v1/cases/{trackingCode}': {
    call: (as) => h.request('GET', `/api/v1/cases/${readCase}`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.trackingCode).toBe(readCase)
    },
  },
  'POST /api/v1/cases/{trackingCode}/actions': {
    async call(as, expected) {
      const code = expected === 200 ? await caseIn('received') : shared.received.code
      return h.request('POST', `/api/v1/cases/${code}/actions`, {
        as,
        body: { action: 'accept' },
        headers: { 'if-match': '1' },
      })
    },
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.status).toBe('accepted')
      else await expectUntouched('received')
      if (expected === 409) expect(res.body.type).toEqual(problemType('not_allowed_for_role'))
    },
  },
  'POST /api/v1/cases/{trackingCode}/reveal': {
    async call(as, expected) {
      const code = expected === 200 ? await caseIn('received') : shared.received.code
      return h.request('POST', `/api/v1/cases/${code}/reveal`, { as, body: { reason: 'Ma trận phân quyền' } })
    },
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.petitioner.fullName).toBe('Nguyễn Văn An')
      else await expectUntouched('received')
    },
  },
  'GET /api/v1/cases/{trackingCode}/history/verification': {
    call: (as) => h.request('GET', `/api/v1/cases/${readCase}/history/verification`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.intact).toBe(true)
    },
  },
  'POST /api/v1/cases': {
    call: (as) =>
      h.request('POST', '/api/v1/cases', {
        as,
        body: {
          ...petition({ concerns: { organization: 'Bộ Tài chính' } }),
          channel: 'post',
          receivedAt: TODAY,
        },
      }),
  },
  'GET /api/v1/committees': { call: (as) => h.request('GET', '/api/v1/committees', { as }) },
  'GET /api/v1/committees/{id}/queue': {
    call: (as) => h.request('GET', '/api/v1/committees/btc/queue?limit=100', { as }),
  },
  'GET /api/v1/me/petitions': {
    call: (as) => h.request('GET', '/api/v1/me/petitions', { as }),
    async check(res, a, expected) {
      // The list is always one's own: only the owner finds the case in it.
      if (expected === 200)
        expect(res.body.items.map((i: { trackingCode: string }) => i.trackingCode).includes(readCase)).toBe(
          a.key === 'member @ owner',
        )
    },
  },
  'GET /api/v1/me/petitions/{trackingCode}': {
    call: (as) => h.request('GET', `/api/v1/me/petitions/${readCase}`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.history).toBeUndefined()
    },
  },
  'GET /api/v1/users': { call: (as) => h.request('GET', '/api/v1/users', { as }) },
  'PUT /api/v1/users/{id}': {
    call: (as, _expected, cell) =>
      h.request('PUT', `/api/v1/users/mx-target-${cell}`, {
        as,
        body: { displayName: 'Tài khoản thử', memberships: [{ role: 'supervisor' }] },
      }),
    async check(_res, _a, expected, cell) {
      // A refused write leaves no account behind (here: a supervisor, the widest reader).
      expect(Boolean(await h.server.services.users.getUser(`mx-target-${cell}`))).toBe(expected === 200)
    },
  },
  'GET /api/v1/cases/{trackingCode}/attachments': {
    call: (as) => h.request('GET', `/api/v1/cases/${readCase}/attachments`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([readAttachment])
    },
  },
  'GET /api/v1/cases/{trackingCode}/attachments/{id}/link': {
    call: (as) => h.request('GET', `/api/v1/cases/${readCase}/attachments/${readAttachment}/link`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect((await fetch(res.body.url)).status).toBe(200)
      else expect(res.body.url).toBeUndefined()
    },
  },
  'POST /api/v1/cases/{trackingCode}/attachments': {
    async call(as, expected) {
      const code = expected === 201 ? (await fileAtDesk(h, {}, as)).trackingCode : readCase
      return h.request('POST', `/api/v1/cases/${code}/attachments`, {
        as,
        body: { files: [{ name: 'a.pdf', type: 'application/pdf', size: 10 }] },
      })
    },
    async check(res, _a, expected) {
      if (expected === 201) expect(res.body.uploads).toHaveLength(1)
      else expect(res.body.uploads).toBeUndefined()
    },
  },
  'POST /api/v1/cases/{trackingCode}/dossier': {
    call: (as) => h.request('POST', `/api/v1/cases/${finishedCase}/dossier`, { as, body: {} }),
    async check(res, a, expected) {
      // A head above gets the dossier without what identifies the petitioner.
      if (expected === 201)
        expect(res.body.scope).toBe(
          a.role === 'committee_head' && a.relation === 'parent' ? 'content' : 'full',
        )
      else expect(res.body.url).toBeUndefined()
      if (expected === 403) expect(res.body.type).toEqual(problemType('dossier_not_allowed'))
    },
  },
  'POST /api/v1/cases/{trackingCode}/attachments/{id}/completion': {
    async call(as, expected) {
      if (expected !== 200) return completeAs(as, readCase, uploadedNotCompleted)
      const code = (await fileAtDesk(h, {}, as)).trackingCode
      return completeAs(as, code, await uploadAtDesk(code, as!, false))
    },
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.attachment.type).toBe('pdf')
      // A refusal leaves the upload where it was, not completed.
      else
        expect(
          await h.server.blobs.size(`pending/${normalizeTrackingCode(readCase)}/${uploadedNotCompleted}`),
        ).toBe(PDF_BYTES.length)
    },
  },
  'GET /api/v1/reports': {
    call: (as) => h.request('GET', '/api/v1/reports?committeeId=btc&from=2026-11-01&to=2026-11-26', { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.committeeId).toBe('btc')
    },
  },
  'POST /api/v1/accountability-requests': {
    call: (as, _expected, cell) =>
      h.request('POST', REQUESTS, {
        as,
        body: {
          kind: 'periodic',
          committeeId: 'btc',
          period: 'quarter',
          year: 2026,
          index: 2,
          note: `mx ${cell}`,
        },
      }),
    async check(res, a, expected, cell) {
      if (expected === 201) expect(res.body.requestedBy.id).toBe(a.userId)
      // A refused request leaves nothing behind.
      const { items } = await createAccountabilityStore(
        h.server.services.db,
        h.server.services.tableName,
      ).listCommitteeRequests('btc')
      expect(items.filter((r) => r.note === `mx ${cell}`)).toHaveLength(expected === 201 ? 1 : 0)
    },
  },
  'GET /api/v1/accountability-requests': {
    call: (as) => h.request('GET', `${REQUESTS}?limit=100`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(Array.isArray(res.body.items)).toBe(true)
    },
  },
  'GET /api/v1/accountability-requests/{id}': {
    call: (as) => h.request('GET', `${REQUESTS}/${owed.requested.id}`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.id).toBe(owed.requested.id)
    },
  },
  'POST /api/v1/accountability-requests/{id}/submit': reportStep('submit', 'requested', {
    explanation: 'Giải trình.',
  }),
  'POST /api/v1/accountability-requests/{id}/accept': reportStep('accept', 'submitted', {}),
  'POST /api/v1/accountability-requests/{id}/return': reportStep('return', 'submitted', {
    reason: 'Bổ sung số liệu.',
  }),
  'POST /api/v1/reception-sessions': {
    call: (as, _expected, cell) =>
      h.request('POST', '/api/v1/reception-sessions', {
        as,
        body: {
          committeeId: 'btc',
          date: TODAY,
          type: 'regular',
          hostUserId: as ?? 'nobody',
          visitors: 1,
          notes: `mx ${cell}`,
        },
      }),
    async check(res, a, expected, cell) {
      if (expected === 201) expect(res.body.recordedBy).toBe(a.userId)
      const sessions = await createReceptionStore(
        h.server.services.db,
        h.server.services.tableName,
      ).listSessions('btc', TODAY, TODAY)
      expect(sessions.filter((x) => x.notes === `mx ${cell}`)).toHaveLength(expected === 201 ? 1 : 0)
    },
  },
  'GET /api/v1/reception-sessions': {
    call: (as) =>
      h.request('GET', '/api/v1/reception-sessions?committeeId=btc&from=2026-11-01&to=2026-11-26', { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.committeeId).toBe('btc')
    },
  },
  'GET /api/v1/reception-sessions/summary': {
    call: (as) =>
      h.request('GET', '/api/v1/reception-sessions/summary?committeeId=btc&period=month&year=2026&index=11', {
        as,
      }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.heads.length).toBeGreaterThan(0)
    },
  },
}

const REPORT_QUERY = 'committeeId=btc&from=2026-11-01&to=2026-11-26'
const AUDIT_ROUTES: Record<AuditRouteName, RouteCell> = {
  'GET /api/v1/reports/cases': {
    call: (as) => h.request('GET', `/api/v1/reports/cases?${REPORT_QUERY}&indicator=caseload.total`, { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.figure).toBe(res.body.items.length)
    },
  },
  'GET /api/v1/reports/charts/on-time.svg': {
    call: (as) => h.request('GET', '/api/v1/reports/charts/on-time.svg?committeeId=btc&count=2', { as }),
  },
  'GET /api/v1/reports/charts/backlog.svg': {
    call: (as) => h.request('GET', `/api/v1/reports/charts/backlog.svg?${REPORT_QUERY}`, { as }),
  },
  'POST /api/v1/audit-samples': {
    call: (as) =>
      h.request('POST', '/api/v1/audit-samples', {
        as,
        body: { committeeId: 'btc', from: '2026-11-01', to: '2026-11-26', size: 1 },
      }),
  },
  'GET /api/v1/audit-samples': {
    call: (as) => h.request('GET', '/api/v1/audit-samples', { as }),
    async check(res, a, expected) {
      // Only those who read btc's reports see its samples.
      const readers =
        a.role === 'supervisor' || (a.role === 'committee_head' && ['own', 'parent'].includes(a.relation!))
      if (expected === 200)
        expect(res.body.items.some((s: { id: string }) => s.id === sample.id)).toBe(readers)
    },
  },
  'GET /api/v1/audit-samples/{id}': {
    call: (as) => h.request('GET', `/api/v1/audit-samples/${sample.id}`, { as }),
  },
  'PUT /api/v1/audit-samples/{id}/findings/{trackingCode}': {
    call: (as) =>
      h.request('PUT', `/api/v1/audit-samples/${sample.id}/findings/${sample.code}`, {
        as,
        body: { finding: 'compliant', note: 'Đúng quy trình' },
      }),
    async check(_res, a, expected) {
      const stored = await h.request('GET', `/api/v1/audit-samples/${sample.id}`, { as: 'giamsat' })
      const finding = stored.body.cases[0].finding
      // A refused review writes nothing under the refused user's name.
      if (expected === 200) expect(finding.by).toBe(a.userId)
      else if (a.userId) expect(finding?.by).not.toBe(a.userId)
    },
  },
}

const auditRouteCells = AUDIT_ROUTE_MATRIX.flatMap(([key, ...expected], row) =>
  AUDIT_ROUTE_COLUMNS.map((route, col) => ({
    actor: key,
    route,
    expected: expected[col]!,
    cell: 10_000 + row * AUDIT_ROUTE_COLUMNS.length + col,
  })),
)

/** A fresh account with a pending supervisor grant asked by the seed admin; answers its grant id. */
async function pendingGrant(cell: number): Promise<{ userId: string; grantId: string }> {
  const userId = `mx-grant-${cell}`
  const res = await h.request('PUT', `/api/v1/users/${userId}`, {
    as: 'admin',
    body: { displayName: 'Tài khoản thử', memberships: [{ role: 'supervisor' }] },
  })
  expect(res.status).toBe(200)
  return { userId, grantId: res.body.pendingGrants[0].id }
}
const grantOf = new Map<number, { userId: string; grantId: string }>()
function decideCell(decision: 'confirmation' | 'refusal'): RouteCell {
  return {
    async call(as, _expected, cell) {
      const g = await pendingGrant(cell)
      grantOf.set(cell, g)
      return h.request('POST', `/api/v1/users/${g.userId}/grants/${g.grantId}/${decision}`, { as, body: {} })
    },
    async check(_res, _a, expected, cell) {
      const g = grantOf.get(cell)!
      const stored = await h.server.services.users.getUser(g.userId)
      const status = expected === 200 ? (decision === 'confirmation' ? 'confirmed' : 'refused') : 'pending'
      // A refused decision changes nothing; only a confirmation gives the role.
      expect(stored?.grants?.[g.grantId]?.status).toBe(status)
      expect(stored?.memberships.some((m) => m.role === 'supervisor')).toBe(status === 'confirmed')
    },
  }
}
const ROLE_ROUTES: Record<RoleRouteName, RouteCell> = {
  'GET /api/v1/role-grants': { call: (as) => h.request('GET', '/api/v1/role-grants', { as }) },
  'POST /api/v1/users/{id}/grants/{grantId}/confirmation': decideCell('confirmation'),
  'POST /api/v1/users/{id}/grants/{grantId}/refusal': decideCell('refusal'),
  'GET /api/v1/role-changes': {
    call: (as) => h.request('GET', '/api/v1/role-changes', { as }),
    async check(res, _a, expected) {
      if (expected === 200) expect(res.body.items.length).toBeGreaterThan(0)
    },
  },
}

const roleRouteCells = ROLE_ROUTE_MATRIX.flatMap(([key, ...expected], row) =>
  ROLE_ROUTE_COLUMNS.map((route, col) => ({
    actor: key,
    route,
    expected: expected[col]!,
    cell: 20_000 + row * ROLE_ROUTE_COLUMNS.length + col,
  })),
)

const routeCells = ROUTE_MATRIX.flatMap(([key, ...expected], row) =>
  ROUTE_COLUMNS.map((route, col) => ({
    actor: key,
    route,
    expected: expected[col]!,
    cell: row * ROUTE_COLUMNS.length + col,
  })),
)

const actionCells = ACTION_MATRIX.flatMap(([action, state, ...expected]) =>
  ACTION_COLUMNS.map((key, col) => ({ action, state, actor: key, expected: expected[col]! })),
)

let ran = 0

describe('the tables', () => {
  it('cover every staff route of the app, every role and every action, with one status per cell', () => {
    const appRoutes = STAFF_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`)
    expect([...ROUTE_COLUMNS, ...AUDIT_ROUTE_COLUMNS, ...ROLE_ROUTE_COLUMNS].sort()).toEqual(
      [...appRoutes].sort(),
    )
    expect(ACTION_MATRIX.map((row) => row[0]).sort()).toEqual([...ACTIONS].sort())
    for (const role of ROLES)
      for (const relation of ['own', 'parent', 'other', 'none'])
        expect(ROUTE_MATRIX.map((row) => row[0])).toContain(`${role} @ ${relation}`)
    for (const row of ROUTE_MATRIX) expect(row).toHaveLength(1 + ROUTE_COLUMNS.length)
    for (const row of AUDIT_ROUTE_MATRIX) expect(row).toHaveLength(1 + AUDIT_ROUTE_COLUMNS.length)
    for (const row of ROLE_ROUTE_MATRIX) expect(row).toHaveLength(1 + ROLE_ROUTE_COLUMNS.length)
    expect(ROLE_ROUTE_MATRIX.map((row) => row[0])).toEqual(ROUTE_MATRIX.map((row) => row[0]))
    expect(AUDIT_ROUTE_MATRIX.map((row) => row[0])).toEqual(ROUTE_MATRIX.map((row) => row[0]))
    for (const row of ACTION_MATRIX) expect(row).toHaveLength(2 + ACTION_COLUMNS.length)
  })
})

describe('route × role × relation', () => {
  it.each(routeCells)('$route as $actor → $expected', async ({ actor: key, route, expected, cell }) => {
    ran++
    const a = actor(key)
    const spec = ROUTES[route]

    const res = await spec.call(a.userId, expected, cell)

    expect(res.status, `${route} as ${key}`).toBe(expected)
    if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json')
    await spec.check?.(res, a, expected, cell)
  })
})

describe('response-time audit route × role × relation', () => {
  it.each(auditRouteCells)('$route as $actor → $expected', async ({ actor: key, route, expected, cell }) => {
    ran++
    const a = actor(key)
    const spec = AUDIT_ROUTES[route]

    const res = await spec.call(a.userId, expected, cell)

    expect(res.status, `${route} as ${key}`).toBe(expected)
    if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json')
    await spec.check?.(res, a, expected, cell)
  })
})

describe('role grant route × role × relation', () => {
  it.each(roleRouteCells)('$route as $actor → $expected', async ({ actor: key, route, expected, cell }) => {
    ran++
    const a = actor(key)
    const spec = ROLE_ROUTES[route]

    const res = await spec.call(a.userId, expected, cell)

    expect(res.status, `${route} as ${key}`).toBe(expected)
    if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json')
    await spec.check?.(res, a, expected, cell)
  })
})

describe('action × role, on a state where the action is legal', () => {
  it.each(actionCells)('$action on a $state case as $actor → $expected', async (c) => {
    ran++
    const a = actor(c.actor)
    const code = c.expected === 200 ? await caseIn(c.state) : shared[c.state].code

    const res = await act(h, code, a.userId!, ACTION_BODIES[c.action]!())

    expect(res.status, `${c.action} as ${c.actor}: ${res.body?.type ?? ''}`).toBe(c.expected)
    if (c.expected === 200)
      expect(res.body.history.at(-1).actor).toMatchObject({ kind: 'staff', id: a.userId })
    else await expectUntouched(c.state)
    if (c.expected === 409) expect(res.body.type).toEqual(problemType('not_allowed_for_role'))
  })
})

describe('the count', () => {
  it('ran every cell of both tables', () => {
    const expected =
      ROUTE_MATRIX.length * ROUTE_COLUMNS.length +
      AUDIT_ROUTE_MATRIX.length * AUDIT_ROUTE_COLUMNS.length +
      ROLE_ROUTE_MATRIX.length * ROLE_ROUTE_COLUMNS.length +
      ACTION_MATRIX.length * ACTION_COLUMNS.length
    console.log(
      `authz-matrix: ${ran} cells = ${ROUTE_MATRIX.length} actors × ${ROUTE_COLUMNS.length} routes ` +
        `+ ${AUDIT_ROUTE_COLUMNS.length} audit routes + ${ROLE_ROUTE_COLUMNS.length} role grant routes + ${ACTION_MATRIX.length} actions × ${ACTION_COLUMNS.length} roles`,
    )
    expect(ran).toBe(expected)
    expect(expected).toBe(1118)
  })
})
