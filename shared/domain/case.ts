/**
 * A case: the petition's state, routing, clocks and history. This module decides what an action
 * does to a case (pure: `now`, the committee tree and the deadline context come in as arguments);
 * the store writes the result as one conditional update.
 */
import { type LocalDate, vietnamDate } from './dates.js'
import {
  type ClockEvent,
  type ClockFacts,
  computeDeadlines,
  type Deadline,
  type DeadlineContext,
  DeadlineRuleError,
  assertCanExtend as engineAssertCanExtend,
  assertCanSuspend as engineAssertCanSuspend,
} from './deadlines.js'
import { NotFoundError, RuleViolation, TransitionError } from './errors.js'
import {
  type Action,
  nextStatus,
  PETITIONER_ACTIONS,
  refusalReason,
  type Status,
  TRANSITIONS,
  transitionFor,
} from './lifecycle.js'
import { type ActingUser, actingRoles, overseeingRoles } from './policy.js'
import { OUTCOMES, OUTCOMES_BY_KIND, REFUSAL_REASONS } from './reasons.js'
import type { Committee, SubmitterType } from './routing.js'
import type { ActionInput } from './schemas.js'
import type { Channel, Complexity, Kind, Language, Role } from './vocabulary.js'

/** The deadline engine's refusals are illegal transitions (409) with the engine's stable code. */
function asTransitionError<A extends unknown[]>(check: (...args: A) => void) {
  return (...args: A) => {
    try {
      check(...args)
    } catch (error) {
      if (error instanceof DeadlineRuleError) throw new TransitionError(error.code, error.message)
      throw error
    }
  }
}
const assertCanExtend = asTransitionError(engineAssertCanExtend)
const assertCanSuspend = asTransitionError(engineAssertCanSuspend)

export type ActorKind = 'petitioner' | 'staff' | 'system'

export interface Actor {
  readonly kind: ActorKind
  readonly id?: string
  readonly role?: Role
}

/** One entry of the append-only, hash-chained history. */
export interface CaseEvent {
  readonly seq: number
  /** UTC instant, ISO-8601. */
  readonly at: string
  readonly type: string
  readonly actor: Actor
  /** Shown on the petitioner's timeline. */
  readonly public: boolean
  /** Words the petitioner may read (guidance, the outside body, the plain-words reason). */
  readonly publicNote?: string
  /** Everything else about the step, for staff. */
  readonly data: Record<string, unknown>
  readonly prevHash: string
  readonly hash: string
}

export interface CaseFacts {
  readonly instance: 1 | 2
  readonly remoteArea: boolean
  readonly complexity: Complexity
  readonly severalPlaces: boolean
  readonly referral?: { readonly source: 'press' | 'authority' | 'deputy' | 'agency'; readonly name: string }
  readonly knownOn?: LocalDate
  readonly partyDiscipline: boolean
}

export interface CaseRecord {
  readonly code: string
  readonly version: number
  readonly kind: Kind
  readonly status: Status
  readonly statusBeforeSuspension?: Status
  readonly channel: Channel
  readonly committeeId: string
  /** When the organisation received the petition (UTC instant). */
  readonly receivedAt: string
  /** The calendar date of receipt in Vietnam: the clocks start from it. */
  readonly receivedOn: LocalDate
  /** The date the current committee's first-decision clock started (receipt, or an internal transfer). */
  readonly clockStartOn: LocalDate
  readonly title: string
  readonly anonymous: boolean
  readonly topic?: string
  readonly signatories: number
  readonly language: Language
  readonly submitterType: SubmitterType
  readonly ownerId?: string
  readonly facts: CaseFacts
  readonly routing: {
    readonly ruleId?: string
    readonly reason: { readonly vi: string; readonly en: string }
  }
  readonly answer?: { readonly text: string; readonly outcome: string; readonly at: string }
  readonly duplicateOf?: string
  readonly transferredTo?: string
  readonly history: readonly CaseEvent[]
}

/** An event before it is chained (the store adds seq, prevHash and hash). */
export type NewEvent = Omit<CaseEvent, 'seq' | 'prevHash' | 'hash'>

/** First decisions, each of which tells a visitor received in person where their petition stands. */
const NOTIFYING_FIRST_DECISIONS = [
  'accepted',
  'refused',
  'transferred',
  'guided',
  'filed',
  'marked_duplicate',
]

/** Builds the facts the deadline engine needs from the case and its history. */
export function clockFactsOf(c: CaseRecord): ClockFacts {
  const events: ClockEvent[] = []
  for (const e of c.history) {
    const on = vietnamDate(e.at)
    // An internal transfer starts a new round at the receiving committee: only later steps count.
    if (e.type === 'transferred' && typeof e.data.toCommitteeId === 'string') {
      events.length = 0
      continue
    }
    switch (e.type) {
      case 'accepted':
        events.push({ type: 'accepted', on })
        break
      case 'refused':
        events.push({ type: 'decided', on, decision: 'refused' })
        break
      case 'transferred':
        events.push({ type: 'decided', on, decision: 'transferred' })
        break
      case 'guided':
        events.push({ type: 'decided', on, decision: 'guided' })
        break
      case 'filed':
        events.push({ type: 'decided', on, decision: 'filed' })
        break
      case 'marked_duplicate':
        events.push({ type: 'decided', on, decision: 'duplicate' })
        break
      case 'extended':
        events.push({
          type: 'extended',
          on,
          days: typeof e.data.days === 'number' ? e.data.days : 0,
          complexity: e.data.complexity as Complexity,
        })
        break
      case 'suspended':
        events.push({ type: 'suspended', on })
        break
      case 'resumed':
        events.push({ type: 'resumed', on })
        break
      case 'resolved':
        events.push({ type: 'resolved', on })
        break
      case 'closed':
        events.push({ type: 'closed', on })
        break
      case 'withdrawn':
        if (e.data.scope === 'full') events.push({ type: 'withdrawn', on })
        break
      case 'escalated':
        events.push({ type: 'escalated', on })
        break
    }
    // Notices the system gives itself: the petitioner is told of every public step by message
    // (shared/service/sweep.ts), so the step that carries the notice also completes its clock.
    // The accused's notice of a denunciation's content stays a task for staff.
    if (NOTIFYING_FIRST_DECISIONS.includes(e.type))
      events.push({ type: 'clock_done', clock: 'reception_response', on })
    if (e.type === 'accepted' && c.kind === 'denunciation' && !c.anonymous)
      events.push({ type: 'clock_done', clock: 'parties_notice', on })
    // Suspension and continuation decisions both reach the petitioner by message.
    if (e.type === 'suspended' || e.type === 'resumed')
      events.push({ type: 'clock_done', clock: 'suspension_notice', on })
  }
  const transferredIn = c.history.some(
    (e) => e.type === 'transferred' && typeof e.data.toCommitteeId === 'string',
  )
  return {
    kind: c.kind,
    channel: transferredIn ? 'transferred_in' : c.channel,
    receivedOn: c.clockStartOn,
    instance: c.facts.instance,
    remoteArea: c.facts.remoteArea,
    complexity: c.facts.complexity,
    severalPlaces: c.facts.severalPlaces,
    referral: c.facts.referral?.source,
    knownOn: transferredIn ? undefined : c.facts.knownOn,
    partyDiscipline: c.facts.partyDiscipline,
    events,
  }
}

export function deadlinesOf(c: CaseRecord, ctx: DeadlineContext, today: LocalDate): Deadline[] {
  return computeDeadlines(clockFactsOf(c), ctx, today)
}

/** Roles the user may act with on this case: the policy decides (policy.ts `actingRoles`). */
export function rolesOnCase(user: ActingUser, c: CaseRecord, committees: readonly Committee[]): Role[] {
  return actingRoles(user, c, committees)
}

export interface ActionContext {
  readonly now: Date
  readonly committees: readonly Committee[]
  readonly deadlines: DeadlineContext
  /** Whether a case with this code exists (for mark_duplicate and link_repeat). */
  readonly caseExists?: (code: string) => boolean
}

export interface ActionResult {
  readonly status: Status
  readonly changes: Partial<Omit<CaseRecord, 'code' | 'version' | 'history'>>
  readonly event: NewEvent
}

/** The actions this user may take on this case now, as the pages and `allowedActions` show them. */
export function allowedActions(
  c: CaseRecord,
  user: ActingUser,
  ctx: Pick<ActionContext, 'now' | 'deadlines' | 'committees'>,
): Action[] {
  const roles = rolesOnCase(user, c, ctx.committees)
  const above = overseeingRoles(user, c, ctx.committees)
  const out: Action[] = []
  for (const t of TRANSITIONS) {
    if (refusalReason(t.action, c)) continue
    if (!t.roles.some((r) => (t.oversight ? above : roles).includes(r))) continue
    if (t.action === 'extend' && !canExtendAtAll(c, ctx)) continue
    if (t.action === 'transfer' && alreadyTransferred(c)) continue
    if (t.action === 'suspend' && !canSuspend(c, ctx)) continue
    out.push(t.action)
  }
  return out
}

const COMPLEXITY_ORDER: readonly Complexity[] = ['normal', 'complex', 'especially_complex']
function moreComplex(a: Complexity, b: Complexity): Complexity {
  return COMPLEXITY_ORDER.indexOf(a) >= COMPLEXITY_ORDER.indexOf(b) ? a : b
}

function alreadyTransferred(c: CaseRecord): boolean {
  return c.history.some((e) => e.type === 'transferred')
}

function canExtendAtAll(c: CaseRecord, ctx: Pick<ActionContext, 'now' | 'deadlines'>): boolean {
  const on = vietnamDate(ctx.now)
  const facts = clockFactsOf(c)
  for (const complexity of ['complex', 'especially_complex'] as const) {
    try {
      assertCanExtend(facts, ctx.deadlines, { days: 1, complexity, on })
      return true
    } catch {
      // try the next complexity: an especially complex case allows a second extension
    }
  }
  return false
}

function canSuspend(c: CaseRecord, ctx: Pick<ActionContext, 'now' | 'deadlines'>): boolean {
  try {
    assertCanSuspend(clockFactsOf(c), ctx.deadlines, vietnamDate(ctx.now))
    return true
  } catch {
    return false
  }
}

/**
 * Decides what an action does. Throws a TransitionError (409) when the action is not allowed in
 * this state, for this kind or for this user, and a RuleViolation (422) when its parameters break
 * a rule (a transfer to an unknown committee, an outcome that does not fit the kind…).
 */
export function decideAction(
  c: CaseRecord,
  input: ActionInput,
  actor: ActingUser | 'petitioner',
  ctx: ActionContext,
): ActionResult {
  const action = input.action
  // The petitioner's own steps (an escalation) are nobody else's, whatever the case.
  if (actor !== 'petitioner' && transitionFor(action).roles.length === 0)
    throw new TransitionError('not_allowed_for_role', `only the petitioner may ${action}`, { action })
  const refusal = refusalReason(action, c)
  if (refusal)
    throw new TransitionError(refusal.code, refusal.message, { action, caseStatus: c.status, kind: c.kind })
  const transition = transitionFor(action)
  let actorRecord: Actor
  if (actor === 'petitioner') {
    if (!PETITIONER_ACTIONS.includes(action))
      throw new TransitionError('not_allowed_for_petitioner', `the petitioner cannot ${action}`)
    actorRecord = { kind: 'petitioner' }
  } else {
    const roles = transition.oversight
      ? overseeingRoles(actor, c, ctx.committees)
      : rolesOnCase(actor, c, ctx.committees)
    const role = transition.roles.find((r) => roles.includes(r))
    if (!role)
      throw new TransitionError('not_allowed_for_role', `your roles on this case do not allow '${action}'`, {
        action,
        allowedRoles: transition.roles,
      })
    actorRecord = { kind: 'staff', id: actor.id, role }
  }
  const at = ctx.now.toISOString()
  const today = vietnamDate(ctx.now)
  const lang = c.language
  const base = { at, actor: actorRecord, public: transition.public, type: transition.event }
  const status = (params: Record<string, unknown>) =>
    nextStatus(action, c.status, params, c.statusBeforeSuspension)
  const committee = (id: string) => {
    const found = ctx.committees.find((x) => x.id === id)
    if (!found) throw new RuleViolation('unknown_committee', `there is no committee '${id}'`, 'toCommitteeId')
    return found
  }

  switch (input.action) {
    case 'accept':
    case 'start_verification':
    case 'close':
      return { status: status(input), changes: {}, event: { ...base, data: { note: input.note } } }
    case 'file':
      // The staff note stays internal; the petitioner is told what filing means in plain words.
      return {
        status: status(input),
        changes: {},
        event: { ...base, publicNote: FILED_NOTICE[lang], data: { note: input.note } },
      }
    case 'refuse': {
      const reason = REFUSAL_REASONS[input.reason]
      return {
        status: status(input),
        changes: {},
        event: {
          ...base,
          publicNote: reason[lang],
          data: { reason: input.reason, basis: reason.basis, note: input.note },
        },
      }
    }
    case 'guide':
      return { status: status(input), changes: {}, event: { ...base, publicNote: input.guidance, data: {} } }
    case 'transfer': {
      // Transfer only once for the same content (Law 25/2018 Art. 24(2); Circular 05/2021 Art. 14).
      if (alreadyTransferred(c))
        throw new TransitionError('already_transferred', 'this petition has already been transferred once')
      if (input.toCommitteeId !== undefined) {
        const target = committee(input.toCommitteeId)
        if (target.id === c.committeeId)
          throw new RuleViolation('same_committee', 'the case is already at this committee', 'toCommitteeId')
        return {
          status: status(input),
          changes: { committeeId: target.id, clockStartOn: today },
          event: {
            ...base,
            publicNote: target.name,
            data: { fromCommitteeId: c.committeeId, toCommitteeId: target.id, note: input.note },
          },
        }
      }
      return {
        status: status(input),
        changes: { transferredTo: input.toBody },
        event: { ...base, publicNote: input.toBody, data: { toBody: input.toBody, note: input.note } },
      }
    }
    case 'reroute': {
      const target = committee(input.toCommitteeId)
      if (target.id === c.committeeId)
        throw new RuleViolation('same_committee', 'the case is already at this committee', 'toCommitteeId')
      return {
        status: status(input),
        changes: { committeeId: target.id },
        event: {
          ...base,
          publicNote: target.name,
          data: { fromCommitteeId: c.committeeId, toCommitteeId: target.id, note: input.note },
        },
      }
    }
    case 'mark_duplicate': {
      if (input.of === c.code)
        throw new RuleViolation('duplicate_of_itself', 'a case cannot duplicate itself', 'of')
      if (ctx.caseExists && !ctx.caseExists(input.of))
        throw new RuleViolation('unknown_tracking_code', `there is no case '${input.of}'`, 'of')
      return {
        status: status(input),
        changes: { duplicateOf: input.of },
        event: { ...base, data: { of: input.of, note: input.note } },
      }
    }
    case 'link_repeat': {
      if (input.of === c.code)
        throw new RuleViolation('repeat_of_itself', 'a case cannot repeat itself', 'of')
      if (ctx.caseExists && !ctx.caseExists(input.of))
        throw new RuleViolation('unknown_tracking_code', `there is no case '${input.of}'`, 'of')
      if (c.history.some((e) => e.type === 'linked_repeat' && e.data.of === input.of))
        throw new TransitionError('already_linked', `this case is already linked to ${input.of}`)
      // Only this case records the link: the earlier one and its clocks are left as they are.
      return {
        status: status(input),
        changes: {},
        event: { ...base, data: { of: input.of, note: input.note } },
      }
    }
    case 'extend': {
      const days = c.kind === 'denunciation' ? (input.days ?? 30) : 0
      assertCanExtend(clockFactsOf(c), ctx.deadlines, { days, complexity: input.complexity, on: today })
      return {
        status: status(input),
        // A later decision never lowers the complexity already established.
        changes: { facts: { ...c.facts, complexity: moreComplex(c.facts.complexity, input.complexity) } },
        event: { ...base, data: { days, complexity: input.complexity, reason: input.reason } },
      }
    }
    case 'suspend':
      assertCanSuspend(clockFactsOf(c), ctx.deadlines, today)
      return {
        status: status(input),
        changes: { statusBeforeSuspension: c.status },
        event: { ...base, publicNote: input.reason, data: { reason: input.reason } },
      }
    case 'resume':
      return { status: status(input), changes: {}, event: { ...base, data: { note: input.note } } }
    case 'resolve': {
      if (!OUTCOMES_BY_KIND[c.kind].includes(input.outcome))
        throw new RuleViolation(
          'outcome_not_for_kind',
          `'${input.outcome}' is not an outcome of a ${c.kind}; use one of ${OUTCOMES_BY_KIND[c.kind].join(', ')}`,
          'outcome',
        )
      return {
        status: status(input),
        changes: { answer: { text: input.answer, outcome: input.outcome, at } },
        event: { ...base, publicNote: OUTCOMES[input.outcome][lang], data: { outcome: input.outcome } },
      }
    }
    case 'withdraw':
      return {
        status: status(input),
        changes: {},
        event: { ...base, data: { scope: input.scope, reason: input.reason } },
      }
    case 'chase':
      return { status: status(input), changes: {}, event: { ...base, data: { note: input.note } } }
    case 'escalate': {
      const refusal = escalationRefusal(c, deadlinesOf(c, ctx.deadlines, today))
      if (refusal) throw new TransitionError(refusal.code, refusal.message)
      return { status: status(input), changes: {}, event: { ...base, data: { reason: input.reason } } }
    }
  }
}

/**
 * Why a denouncer may not escalate now, or undefined when they may (Law 25/2018 Art. 38): a named
 * denunciation whose resolution time limit has passed, once.
 */
export function escalationRefusal(
  c: CaseRecord,
  deadlines: readonly Deadline[],
): { code: string; message: string } | undefined {
  if (c.kind !== 'denunciation' || !transitionFor('escalate').from.includes(c.status))
    return { code: 'action_not_in_state', message: 'only a denunciation being resolved can be escalated' }
  if (c.anonymous)
    return {
      code: 'anonymous_not_handled',
      message: 'an anonymous denunciation is not handled as a denunciation',
    }
  if (c.history.some((e) => e.type === 'escalated'))
    return {
      code: 'already_escalated',
      message: 'this denunciation has already been escalated to the superior',
    }
  const resolution = deadlines.find((d) => d.clock === 'resolution')
  if (resolution?.state !== 'missed')
    return { code: 'not_overdue', message: 'the resolution time limit has not passed yet' }
  return undefined
}

const FILED_NOTICE = {
  vi: 'Đơn không đủ điều kiện xử lý nên được xếp lưu; hồ sơ được lưu giữ một năm.',
  en: 'The petition cannot be processed and has been filed; the record is kept for one year.',
}

/** Throws the 404 the citizen and staff surfaces share. */
export function caseNotFound(): never {
  throw new NotFoundError('case_not_found', 'no case with this tracking code')
}
