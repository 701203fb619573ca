/**
 * The lifecycle of a case (docs/domain.md#lifecycle): the transition table, and what `decideAction`
 * does to a hand-built case. Committees and users come from the demo bloc; deadlines from the real
 * working calendar with the default settings. Dates: Wed 1 July 2026 is the day of receipt in most
 * cases.
 */
import { describe, expect, it } from 'vitest'
import { COMMITTEES, USERS } from '../../local/demo-data.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import {
  type ActionContext,
  allowedActions,
  type CaseEvent,
  type CaseRecord,
  clockFactsOf,
  deadlinesOf,
  decideAction,
  rolesOnCase,
} from '../../shared/domain/case.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/domain/deadline-rules.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { DomainError, RuleViolation, TransitionError } from '../../shared/domain/errors.js'
import {
  ACTIONS,
  FINAL_STATUSES,
  nextStatus,
  OPEN_STATUSES,
  refusalReason,
  STATUSES,
  TRANSITIONS,
  transitionFor,
} from '../../shared/domain/lifecycle.js'
import type { ActingUser } from '../../shared/domain/policy.js'
import { actionSchema } from '../../shared/domain/schemas.js'
import { formatTrackingCode } from '../../shared/domain/tracking-code.js'
import { CASE_CODE, caseEvent, receivedCase } from '../fixtures/cases.js'

// ---------------------------------------------------------------------------------------------------
// Builders.

/** Valid tracking codes (their check symbols are right). */
const CODE = CASE_CODE
const OTHER_CODE = '123456789ABT'

const deadlineContext: DeadlineContext = {
  calendar: new WorkingCalendar(),
  settings: DEFAULT_DEADLINE_SETTINGS,
}

function context(now: string, extra: Partial<ActionContext> = {}): ActionContext {
  return { now: new Date(now), committees: COMMITTEES, deadlines: deadlineContext, ...extra }
}

const event = (type: string, at: string, data: Record<string, unknown> = {}) => caseEvent(type, at, data)

// A paper petition registered at the desk by the reception officer `tiepdan`.
const submitted: CaseEvent = {
  ...event('submitted', '2026-07-01T02:00:00.000Z'),
  actor: { kind: 'staff', id: 'tiepdan', role: 'reception_officer' },
}
const acceptedOn3July = event('accepted', '2026-07-03T03:00:00.000Z')

/** A paper denunciation of corruption at btc, received on 1 July 2026 and not yet decided. */
function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return receivedCase({
    kind: 'denunciation',
    channel: 'post',
    title: 'Tố cáo hành vi nhận tiền khi giải quyết hồ sơ hoàn thuế',
    topic: 'corruption',
    routing: { ruleId: 'R50-by-agency', reason: { vi: 'Theo quy tắc…', en: 'By the rule…' } },
    history: [submitted],
    ...overrides,
  })
}

/** A denunciation at the Ministry of Finance committee, accepted on 3 July 2026. */
const acceptedDenunciation = (overrides: Partial<CaseRecord> = {}) =>
  caseRecord({ status: 'accepted', history: [submitted, acceptedOn3July], ...overrides })

function demoUser(id: string): ActingUser {
  const found = USERS.find((u) => u.id === id)
  if (!found) throw new Error(`no demo user ${id}`)
  return found
}

/** Runs `act` and returns what it threw, failing the test when it throws nothing. */
function thrownBy(act: () => unknown): DomainError {
  try {
    act()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected the action to be refused')
}

const RECEIVED_NOW = '2026-07-02T03:00:00.000Z'
const RESOLVING_NOW = '2026-07-20T03:00:00.000Z'

// ---------------------------------------------------------------------------------------------------

describe('the transition table', () => {
  it('has exactly one transition for every action', () => {
    for (const action of ACTIONS) {
      expect(
        TRANSITIONS.filter((t) => t.action === action),
        action,
      ).toHaveLength(1)
    }
    expect(TRANSITIONS).toHaveLength(ACTIONS.length)
  })

  it('lets nothing happen to a case in a final status', () => {
    for (const status of FINAL_STATUSES) {
      for (const t of TRANSITIONS) {
        expect(t.from, `${t.action} from ${status}`).not.toContain(status)
      }
    }
  })

  it('leaves no open status without a way forward', () => {
    for (const status of OPEN_STATUSES) {
      expect(
        TRANSITIONS.some((t) => t.from.includes(status)),
        status,
      ).toBe(true)
    }
  })

  it('splits every status into open or final, never both', () => {
    expect([...OPEN_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...STATUSES].sort())
  })

  it('leads only to known statuses', () => {
    for (const t of TRANSITIONS) {
      const targets =
        typeof t.to === 'function'
          ? [t.to({ toCommitteeId: 'btc' }), t.to({ toBody: 'x' }), t.to({ scope: 'partial' }), t.to({})]
          : [t.to]
      for (const to of targets) expect([...STATUSES, 'same', 'previous'], t.action).toContain(to)
    }
  })

  it('keeps extensions, suspensions and withdrawals for complaints and denunciations', () => {
    for (const action of ['extend', 'suspend', 'resume', 'start_verification', 'withdraw'] as const) {
      expect([...transitionFor(action).kinds].sort(), action).toEqual(['complaint', 'denunciation'])
    }
  })

  it('lets only the head decide an extension', () => {
    expect(transitionFor('extend').roles).toEqual(['committee_head'])
  })
})

describe('nextStatus', () => {
  it('keeps a petition transferred to another committee received, at its new committee', () => {
    expect(nextStatus('transfer', 'received', { toCommitteeId: 'byt' })).toBe('received')
  })

  it('ends a petition transferred to an outside body as transferred', () => {
    expect(nextStatus('transfer', 'received', { toBody: 'UBND TP Hà Nội' })).toBe('transferred')
  })

  it('keeps the status on a partial withdrawal and ends the case on a full one', () => {
    expect(nextStatus('withdraw', 'verifying', { scope: 'partial' })).toBe('verifying')
    expect(nextStatus('withdraw', 'verifying', { scope: 'full' })).toBe('withdrawn')
  })

  it('resumes to the status held before the suspension', () => {
    expect(nextStatus('resume', 'suspended', {}, 'verifying')).toBe('verifying')
    expect(nextStatus('resume', 'suspended', {}, 'accepted')).toBe('accepted')
  })

  it('resumes to accepted when the status before the suspension is unknown', () => {
    expect(nextStatus('resume', 'suspended', {})).toBe('accepted')
  })

  it('keeps the status on an extension and on a re-route', () => {
    expect(nextStatus('extend', 'verifying', {})).toBe('verifying')
    expect(nextStatus('reroute', 'received', { toCommitteeId: 'byt' })).toBe('received')
  })
})

describe('refusalReason', () => {
  it('names the kind first when an action fits neither the kind nor the state', () => {
    expect(refusalReason('extend', { status: 'received', kind: 'feedback' })?.code).toBe(
      'action_not_for_kind',
    )
  })

  it('names the state when the action fits the kind', () => {
    expect(refusalReason('extend', { status: 'received', kind: 'denunciation' })?.code).toBe(
      'action_not_in_state',
    )
  })

  it('has no objection to an action that fits both', () => {
    expect(refusalReason('extend', { status: 'verifying', kind: 'denunciation' })).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------------

describe('decideAction: state, kind and role', () => {
  it('accepts a received denunciation for the head of its committee, with the staff actor on the event', () => {
    // Arrange
    const c = caseRecord()

    // Act
    const result = decideAction(
      c,
      actionSchema.parse({ action: 'accept' }),
      demoUser('btc.truong'),
      context(RECEIVED_NOW),
    )

    // Assert
    expect(result.status).toBe('accepted')
    expect(result.event).toMatchObject({
      type: 'accepted',
      at: RECEIVED_NOW,
      public: true,
      actor: { kind: 'staff', id: 'btc.truong', role: 'committee_head' },
    })
  })

  it('refuses to resolve a case that has not been accepted (action_not_in_state)', () => {
    // Arrange
    const c = caseRecord({ status: 'received' })
    const input = actionSchema.parse({ action: 'resolve', answer: 'Tố cáo đúng.', outcome: 'founded' })

    // Act
    const error = thrownBy(() => decideAction(c, input, demoUser('btc.truong'), context(RECEIVED_NOW)))

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('action_not_in_state')
    expect(error.status).toBe(409)
  })

  it('refuses to accept a case that is already closed', () => {
    const c = caseRecord({ status: 'closed' })

    const error = thrownBy(() =>
      decideAction(
        c,
        actionSchema.parse({ action: 'accept' }),
        demoUser('btc.truong'),
        context(RESOLVING_NOW),
      ),
    )

    expect(error.code).toBe('action_not_in_state')
  })

  it('refuses to extend a recommendation (action_not_for_kind)', () => {
    // Arrange
    const c = acceptedDenunciation({ kind: 'recommendation' })
    const input = actionSchema.parse({ action: 'extend', complexity: 'complex', reason: 'Nhiều nơi' })

    // Act
    const error = thrownBy(() => decideAction(c, input, demoUser('btc.truong'), context(RESOLVING_NOW)))

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('action_not_for_kind')
  })

  it('refuses a withdrawal of feedback, which the law does not provide for', () => {
    const c = caseRecord({ kind: 'feedback' })

    const error = thrownBy(() =>
      decideAction(
        c,
        actionSchema.parse({ action: 'withdraw', scope: 'full', reason: 'Không cần nữa' }),
        demoUser('btc.canbo'),
        context(RECEIVED_NOW),
      ),
    )

    expect(error.code).toBe('action_not_for_kind')
  })

  it('refuses an extension decided by a handler: only the head decides it', () => {
    // Arrange
    const c = acceptedDenunciation()
    const input = actionSchema.parse({ action: 'extend', complexity: 'complex', reason: 'Nhiều nơi' })

    // Act
    const error = thrownBy(() => decideAction(c, input, demoUser('btc.canbo'), context(RESOLVING_NOW)))

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('not_allowed_for_role')
    expect(error.details).toMatchObject({ action: 'extend', allowedRoles: ['committee_head'] })
  })

  it('refuses an acceptance by a handler of another committee', () => {
    // Arrange: the case is at the Ministry of Finance committee; the handler works at Health.
    const c = caseRecord({ committeeId: 'btc' })

    // Act
    const error = thrownBy(() =>
      decideAction(c, actionSchema.parse({ action: 'accept' }), demoUser('byt.canbo'), context(RECEIVED_NOW)),
    )

    // Assert
    expect(error.code).toBe('not_allowed_for_role')
  })

  it('refuses an acceptance by a supervisor, who audits but does not handle', () => {
    const error = thrownBy(() =>
      decideAction(
        caseRecord(),
        actionSchema.parse({ action: 'accept' }),
        demoUser('giamsat'),
        context(RECEIVED_NOW),
      ),
    )

    expect(error.code).toBe('not_allowed_for_role')
  })

  it('lets a reception officer re-route a received petition at any committee', () => {
    // Act
    const result = decideAction(
      caseRecord({ committeeId: 'vanphong' }),
      actionSchema.parse({ action: 'reroute', toCommitteeId: 'byt' }),
      demoUser('tiepdan'),
      context(RECEIVED_NOW),
    )

    // Assert
    expect(result.status).toBe('received')
    expect(result.changes).toEqual({ committeeId: 'byt' })
    expect(result.event.actor).toEqual({ kind: 'staff', id: 'tiepdan', role: 'reception_officer' })
  })

  it('refuses every action but withdrawal to the petitioner', () => {
    // Arrange
    const c = caseRecord()

    // Act
    const error = thrownBy(() =>
      decideAction(c, actionSchema.parse({ action: 'accept' }), 'petitioner', context(RECEIVED_NOW)),
    )

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('not_allowed_for_petitioner')
  })

  it('lets the petitioner withdraw a denunciation being verified, recorded as the petitioner', () => {
    // Arrange
    const c = acceptedDenunciation({ status: 'verifying' })

    // Act
    const result = decideAction(
      c,
      actionSchema.parse({ action: 'withdraw', scope: 'full', reason: 'Đã được giải quyết ở cơ sở' }),
      'petitioner',
      context(RESOLVING_NOW),
    )

    // Assert
    expect(result.status).toBe('withdrawn')
    expect(result.event.actor).toEqual({ kind: 'petitioner' })
    expect(result.event.data).toEqual({ scope: 'full', reason: 'Đã được giải quyết ở cơ sở' })
  })

  it('keeps the status on a partial withdrawal', () => {
    const result = decideAction(
      acceptedDenunciation({ status: 'verifying' }),
      actionSchema.parse({ action: 'withdraw', scope: 'partial', reason: 'Rút nội dung thứ hai' }),
      'petitioner',
      context(RESOLVING_NOW),
    )

    expect(result.status).toBe('verifying')
  })

  it('refuses a withdrawal by the petitioner of a case already resolved', () => {
    const c = acceptedDenunciation({ status: 'resolved' })

    const error = thrownBy(() =>
      decideAction(
        c,
        actionSchema.parse({ action: 'withdraw', scope: 'full', reason: 'Muộn' }),
        'petitioner',
        context(RESOLVING_NOW),
      ),
    )

    expect(error.code).toBe('action_not_in_state')
  })
})

describe('decideAction: transfers', () => {
  it('moves a petition transferred to another committee there, received, with its clock restarting today', () => {
    // Arrange
    const c = caseRecord({ committeeId: 'vanphong' })

    // Act
    const result = decideAction(
      c,
      actionSchema.parse({ action: 'transfer', toCommitteeId: 'byt' }),
      demoUser('vanphong.canbo'),
      context('2026-07-06T03:00:00.000Z'),
    )

    // Assert
    expect(result.status).toBe('received')
    expect(result.changes).toEqual({ committeeId: 'byt', clockStartOn: '2026-07-06' })
    expect(result.event.data).toMatchObject({ fromCommitteeId: 'vanphong', toCommitteeId: 'byt' })
    expect(result.event.publicNote).toBe('Đảng ủy Bộ Y tế')
  })

  it('restarts the clock on the Vietnamese date, which may already be tomorrow in UTC terms', () => {
    // 18:30 UTC on 6 July is 01:30 on 7 July in Hà Nội.
    const result = decideAction(
      caseRecord({ committeeId: 'vanphong' }),
      actionSchema.parse({ action: 'transfer', toCommitteeId: 'byt' }),
      demoUser('vanphong.canbo'),
      context('2026-07-06T18:30:00.000Z'),
    )

    expect(result.changes.clockStartOn).toBe('2026-07-07')
  })

  it('ends a petition transferred to an outside body, naming the body', () => {
    const result = decideAction(
      caseRecord(),
      actionSchema.parse({ action: 'transfer', toBody: 'UBND thành phố Hà Nội' }),
      demoUser('btc.canbo'),
      context(RECEIVED_NOW),
    )

    expect(result.status).toBe('transferred')
    expect(result.changes).toEqual({ transferredTo: 'UBND thành phố Hà Nội' })
    expect(result.event.publicNote).toBe('UBND thành phố Hà Nội')
  })

  it('refuses a second transfer of the same petition (already_transferred)', () => {
    // Arrange: the office already sent it to the Ministry of Finance committee.
    const c = caseRecord({
      committeeId: 'btc',
      clockStartOn: '2026-07-03',
      history: [
        submitted,
        event('transferred', '2026-07-03T03:00:00.000Z', {
          fromCommitteeId: 'vanphong',
          toCommitteeId: 'btc',
        }),
      ],
    })

    // Act
    const error = thrownBy(() =>
      decideAction(
        c,
        actionSchema.parse({ action: 'transfer', toCommitteeId: 'byt' }),
        demoUser('btc.canbo'),
        context('2026-07-06T03:00:00.000Z'),
      ),
    )

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('already_transferred')
  })

  it('refuses to send to an outside body a petition already transferred once within the organisation', () => {
    // Transfer only once for the same content (Law 25/2018 Art. 24(2); docs/domain.md#actions: "once").
    // Arrange
    const c = caseRecord({
      committeeId: 'btc',
      clockStartOn: '2026-07-03',
      history: [
        submitted,
        event('transferred', '2026-07-03T03:00:00.000Z', {
          fromCommitteeId: 'vanphong',
          toCommitteeId: 'btc',
        }),
      ],
    })

    // Act
    const error = thrownBy(() =>
      decideAction(
        c,
        actionSchema.parse({ action: 'transfer', toBody: 'UBND thành phố Hà Nội' }),
        demoUser('btc.canbo'),
        context('2026-07-06T03:00:00.000Z'),
      ),
    )

    // Assert
    expect(error.code).toBe('already_transferred')
  })

  it('refuses a transfer to the committee that already holds the case', () => {
    // Act
    const error = thrownBy(() =>
      decideAction(
        caseRecord({ committeeId: 'btc' }),
        actionSchema.parse({ action: 'transfer', toCommitteeId: 'btc' }),
        demoUser('btc.canbo'),
        context(RECEIVED_NOW),
      ),
    )

    // Assert
    expect(error).toBeInstanceOf(RuleViolation)
    expect(error.code).toBe('same_committee')
    expect(error.status).toBe(422)
  })

  it('refuses a transfer to a committee that does not exist, naming the field', () => {
    // Act
    const error = thrownBy(() =>
      decideAction(
        caseRecord(),
        actionSchema.parse({ action: 'transfer', toCommitteeId: 'bo-khong-ton-tai' }),
        demoUser('btc.canbo'),
        context(RECEIVED_NOW),
      ),
    )

    // Assert
    expect(error).toBeInstanceOf(RuleViolation)
    expect(error.code).toBe('unknown_committee')
    expect(error.status).toBe(422)
    expect(error.details).toEqual({ field: 'toCommitteeId' })
  })

  it('refuses a re-route to an unknown committee and to the same committee', () => {
    const officer = demoUser('tiepdan')
    const c = caseRecord({ committeeId: 'btc' })

    expect(
      thrownBy(() =>
        decideAction(
          c,
          actionSchema.parse({ action: 'reroute', toCommitteeId: 'nowhere' }),
          officer,
          context(RECEIVED_NOW),
        ),
      ).code,
    ).toBe('unknown_committee')
    expect(
      thrownBy(() =>
        decideAction(
          c,
          actionSchema.parse({ action: 'reroute', toCommitteeId: 'btc' }),
          officer,
          context(RECEIVED_NOW),
        ),
      ).code,
    ).toBe('same_committee')
  })
})

describe('decideAction: duplicates, refusals, resolutions', () => {
  it('links a duplicate to the canonical code of the original', () => {
    // Arrange: the officer typed the original's code in lower case with dashes.
    const input = actionSchema.parse({
      action: 'mark_duplicate',
      of: formatTrackingCode(OTHER_CODE).toLowerCase(),
    })

    // Act
    const result = decideAction(caseRecord(), input, demoUser('tiepdan'), {
      ...context(RECEIVED_NOW),
      caseExists: (code) => code === OTHER_CODE,
    })

    // Assert
    expect(result.status).toBe('duplicate')
    expect(result.changes).toEqual({ duplicateOf: OTHER_CODE })
  })

  it('refuses to mark a case as a duplicate of itself, however its code is typed', () => {
    // Arrange
    const input = actionSchema.parse({ action: 'mark_duplicate', of: formatTrackingCode(CODE).toLowerCase() })

    // Act
    const error = thrownBy(() =>
      decideAction(caseRecord({ code: CODE }), input, demoUser('tiepdan'), {
        ...context(RECEIVED_NOW),
        caseExists: () => true,
      }),
    )

    // Assert
    expect(error).toBeInstanceOf(RuleViolation)
    expect(error.code).toBe('duplicate_of_itself')
  })

  it('refuses to mark a case as a duplicate of a code no case has', () => {
    const input = actionSchema.parse({ action: 'mark_duplicate', of: OTHER_CODE })

    const error = thrownBy(() =>
      decideAction(caseRecord(), input, demoUser('tiepdan'), {
        ...context(RECEIVED_NOW),
        caseExists: () => false,
      }),
    )

    expect(error).toBeInstanceOf(RuleViolation)
    expect(error.code).toBe('unknown_tracking_code')
    expect(error.details).toEqual({ field: 'of' })
  })

  it('refuses with the coded reason in plain words in the petition’s language', () => {
    // Arrange
    const c = caseRecord({ kind: 'complaint', language: 'en' })

    // Act
    const result = decideAction(
      c,
      actionSchema.parse({ action: 'refuse', reason: 'limitation_expired' }),
      demoUser('btc.truong'),
      context(RECEIVED_NOW),
    )

    // Assert
    expect(result.status).toBe('not_accepted')
    expect(result.event.publicNote).toBe(
      'The complaint was filed after the limitation period without a legitimate reason.',
    )
    expect(result.event.data).toMatchObject({
      reason: 'limitation_expired',
      basis: 'Luật Khiếu nại 02/2011/QH13, Điều 11(5)',
    })
  })

  it('refuses an outcome that does not fit the kind: a complaint is not "founded"', () => {
    // Arrange
    const c = acceptedDenunciation({ kind: 'complaint', status: 'verifying' })
    const input = actionSchema.parse({ action: 'resolve', answer: 'Kết luận…', outcome: 'founded' })

    // Act
    const error = thrownBy(() => decideAction(c, input, demoUser('btc.canbo'), context(RESOLVING_NOW)))

    // Assert
    expect(error).toBeInstanceOf(RuleViolation)
    expect(error.code).toBe('outcome_not_for_kind')
    expect(error.details).toEqual({ field: 'outcome' })
  })

  it('resolves a denunciation being verified and records the answer', () => {
    // Arrange
    const c = acceptedDenunciation({ status: 'verifying' })

    // Act
    const result = decideAction(
      c,
      actionSchema.parse({ action: 'resolve', answer: 'Tố cáo đúng một phần.', outcome: 'partly_founded' }),
      demoUser('btc.canbo'),
      context(RESOLVING_NOW),
    )

    // Assert
    expect(result.status).toBe('resolved')
    expect(result.changes).toEqual({
      answer: { text: 'Tố cáo đúng một phần.', outcome: 'partly_founded', at: RESOLVING_NOW },
    })
    expect(result.event.publicNote).toBe('Tố cáo đúng một phần')
  })
})

describe('decideAction: extensions of a denunciation (Law 25/2018 Art. 30)', () => {
  const extend = (complexity: 'complex' | 'especially_complex', days?: number) =>
    actionSchema.parse({ action: 'extend', complexity, reason: 'Phải xác minh ở nhiều nơi', days })
  const extended = (at: string, complexity: 'complex' | 'especially_complex') =>
    event('extended', at, { days: 30, complexity })

  it('extends a complex denunciation once by 30 days unless told otherwise, and records its complexity', () => {
    // Act
    const result = decideAction(
      acceptedDenunciation(),
      extend('complex'),
      demoUser('btc.truong'),
      context(RESOLVING_NOW),
    )

    // Assert
    expect(result.status).toBe('accepted')
    expect(result.event.data).toMatchObject({ days: 30, complexity: 'complex' })
    expect(result.changes.facts?.complexity).toBe('complex')
  })

  it('refuses a second extension of a complex denunciation', () => {
    // Arrange
    const c = acceptedDenunciation({
      history: [submitted, acceptedOn3July, extended('2026-07-10T03:00:00.000Z', 'complex')],
      facts: { ...caseRecord().facts, complexity: 'complex' },
    })

    // Act
    const error = thrownBy(() =>
      decideAction(c, extend('complex', 10), demoUser('btc.truong'), context(RESOLVING_NOW)),
    )

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('extension_limit_reached')
  })

  it('allows a second extension of an especially complex denunciation', () => {
    // Arrange
    const c = acceptedDenunciation({
      history: [submitted, acceptedOn3July, extended('2026-07-10T03:00:00.000Z', 'especially_complex')],
      facts: { ...caseRecord().facts, complexity: 'especially_complex' },
    })

    // Act
    const result = decideAction(
      c,
      extend('especially_complex', 20),
      demoUser('btc.truong'),
      context(RESOLVING_NOW),
    )

    // Assert
    expect(result.event.data).toMatchObject({ days: 20, complexity: 'especially_complex' })
  })

  it('refuses a third extension of an especially complex denunciation', () => {
    const c = acceptedDenunciation({
      history: [
        submitted,
        acceptedOn3July,
        extended('2026-07-10T03:00:00.000Z', 'especially_complex'),
        extended('2026-07-15T03:00:00.000Z', 'especially_complex'),
      ],
      facts: { ...caseRecord().facts, complexity: 'especially_complex' },
    })

    const error = thrownBy(() =>
      decideAction(c, extend('especially_complex'), demoUser('btc.truong'), context(RESOLVING_NOW)),
    )

    expect(error.code).toBe('extension_limit_reached')
  })

  it('leaves an extension longer than 30 days to the schema, which refuses it', () => {
    const parsed = actionSchema.safeParse({ action: 'extend', complexity: 'complex', reason: 'x', days: 31 })

    expect(parsed.success).toBe(false)
  })

  it('refuses an extension decided after the resolution time limit has ended', () => {
    // Arrange: accepted 3 July; 30 days end on Sun 2 Aug, moved to Mon 3 Aug 2026.
    const c = acceptedDenunciation()

    // Act
    const error = thrownBy(() =>
      decideAction(c, extend('complex'), demoUser('btc.truong'), context('2026-08-04T03:00:00.000Z')),
    )

    // Assert
    expect(error.code).toBe('extension_after_deadline')
  })
})

describe('decideAction: suspension and resumption', () => {
  it('suspends a denunciation being verified and remembers the status it had', () => {
    // Act
    const result = decideAction(
      acceptedDenunciation({ status: 'verifying' }),
      actionSchema.parse({ action: 'suspend', reason: 'Chờ kết quả giám định' }),
      demoUser('btc.canbo'),
      context(RESOLVING_NOW),
    )

    // Assert
    expect(result.status).toBe('suspended')
    expect(result.changes).toEqual({ statusBeforeSuspension: 'verifying' })
  })

  it('resumes a suspended denunciation to the status it had before', () => {
    // Arrange
    const c = acceptedDenunciation({
      status: 'suspended',
      statusBeforeSuspension: 'verifying',
      history: [submitted, acceptedOn3July, event('suspended', '2026-07-10T03:00:00.000Z')],
    })

    // Act
    const result = decideAction(
      c,
      actionSchema.parse({ action: 'resume' }),
      demoUser('btc.canbo'),
      context(RESOLVING_NOW),
    )

    // Assert
    expect(result.status).toBe('verifying')
  })

  it('refuses to suspend a complaint under the rules in force before 1 July 2026', () => {
    // Arrange
    const c = acceptedDenunciation({
      kind: 'complaint',
      receivedAt: '2026-06-01T02:00:00.000Z',
      receivedOn: '2026-06-01',
      clockStartOn: '2026-06-01',
      history: [
        event('submitted', '2026-06-01T02:00:00.000Z'),
        event('accepted', '2026-06-05T03:00:00.000Z'),
      ],
    })

    // Act
    const error = thrownBy(() =>
      decideAction(
        c,
        actionSchema.parse({ action: 'suspend', reason: 'Chờ kết quả giám định' }),
        demoUser('btc.canbo'),
        context('2026-06-20T03:00:00.000Z'),
      ),
    )

    // Assert
    expect(error).toBeInstanceOf(TransitionError)
    expect(error.code).toBe('suspension_not_allowed')
  })
})

// ---------------------------------------------------------------------------------------------------

describe('allowedActions', () => {
  const resolving = { now: new Date(RESOLVING_NOW), deadlines: deadlineContext, committees: COMMITTEES }
  const receiving = { now: new Date(RECEIVED_NOW), deadlines: deadlineContext, committees: COMMITTEES }

  it('gives the head of the case’s committee the extension on an accepted denunciation', () => {
    expect(allowedActions(acceptedDenunciation(), demoUser('btc.truong'), resolving)).toEqual([
      'start_verification',
      'extend',
      'suspend',
      'resolve',
      'withdraw',
    ])
  })

  it('gives a handler the same without the extension', () => {
    expect(allowedActions(acceptedDenunciation(), demoUser('btc.canbo'), resolving)).toEqual([
      'start_verification',
      'suspend',
      'resolve',
      'withdraw',
    ])
  })

  it('gives a supervisor only the chase (đôn đốc)', () => {
    expect(allowedActions(acceptedDenunciation(), demoUser('giamsat'), resolving)).toEqual(['chase'])
  })

  it('gives the head of another committee nothing', () => {
    expect(allowedActions(acceptedDenunciation(), demoUser('byt.truong'), resolving)).toEqual([])
  })

  it('gives a reception officer the triage steps and the recording of a withdrawal on a received denunciation', () => {
    expect(allowedActions(caseRecord(), demoUser('tiepdan'), receiving)).toEqual([
      'mark_duplicate',
      'reroute',
      'withdraw',
      'link_repeat',
    ])
  })

  it('gives a handler every first decision on a received recommendation, but no withdrawal', () => {
    expect(allowedActions(caseRecord({ kind: 'recommendation' }), demoUser('btc.canbo'), receiving)).toEqual([
      'accept',
      'refuse',
      'transfer',
      'guide',
      'file',
      'mark_duplicate',
      'reroute',
      'link_repeat',
    ])
  })

  it('stops offering the extension once a denunciation has had the two the law allows', () => {
    // Arrange: a complex denunciation may still be declared especially complex for a second
    // extension, so only the second one closes the door.
    const c = acceptedDenunciation({
      history: [
        submitted,
        acceptedOn3July,
        event('extended', '2026-07-10T03:00:00.000Z', { days: 30, complexity: 'complex' }),
        event('extended', '2026-07-15T03:00:00.000Z', { days: 30, complexity: 'especially_complex' }),
      ],
      facts: { ...caseRecord().facts, complexity: 'especially_complex' },
    })

    // Act
    const actions = allowedActions(c, demoUser('btc.truong'), resolving)

    // Assert
    expect(actions).not.toContain('extend')
    expect(actions).toContain('resolve')
  })

  it('offers the head the second extension of an especially complex denunciation', () => {
    const c = acceptedDenunciation({
      history: [
        submitted,
        acceptedOn3July,
        event('extended', '2026-07-10T03:00:00.000Z', { days: 30, complexity: 'especially_complex' }),
      ],
      facts: { ...caseRecord().facts, complexity: 'especially_complex' },
    })

    expect(allowedActions(c, demoUser('btc.truong'), resolving)).toContain('extend')
  })

  it('offers only resumption and withdrawal on a suspended denunciation', () => {
    const c = acceptedDenunciation({
      status: 'suspended',
      statusBeforeSuspension: 'accepted',
      history: [submitted, acceptedOn3July, event('suspended', '2026-07-10T03:00:00.000Z')],
    })

    expect(allowedActions(c, demoUser('btc.truong'), resolving)).toEqual(['resume', 'withdraw'])
  })

  it('does not offer the suspension of a complaint before the 2026 rules allowed it', () => {
    const c = acceptedDenunciation({
      kind: 'complaint',
      receivedAt: '2026-06-01T02:00:00.000Z',
      receivedOn: '2026-06-01',
      clockStartOn: '2026-06-01',
      history: [
        event('submitted', '2026-06-01T02:00:00.000Z'),
        event('accepted', '2026-06-05T03:00:00.000Z'),
      ],
    })

    const actions = allowedActions(c, demoUser('btc.canbo'), {
      now: new Date('2026-06-20T03:00:00.000Z'),
      deadlines: deadlineContext,
      committees: COMMITTEES,
    })

    expect(actions).not.toContain('suspend')
    expect(actions).toContain('resolve')
  })

  it('offers nothing on a closed case', () => {
    expect(allowedActions(caseRecord({ status: 'closed' }), demoUser('btc.truong'), resolving)).toEqual([])
  })

  it('does not offer a transfer of a petition already transferred once', () => {
    // Arrange
    const c = caseRecord({
      committeeId: 'btc',
      clockStartOn: '2026-07-03',
      history: [
        submitted,
        event('transferred', '2026-07-03T03:00:00.000Z', {
          fromCommitteeId: 'vanphong',
          toCommitteeId: 'btc',
        }),
      ],
    })

    // Act
    const actions = allowedActions(c, demoUser('btc.canbo'), {
      now: new Date('2026-07-06T03:00:00.000Z'),
      deadlines: deadlineContext,
      committees: COMMITTEES,
    })

    // Assert
    expect(actions).toContain('accept')
    expect(actions).not.toContain('transfer')
  })
})

describe('rolesOnCase', () => {
  it('counts a committee role only at the case’s own committee', () => {
    const user: ActingUser = {
      id: 'u',
      memberships: [
        { role: 'committee_head', committeeId: 'byt' },
        { role: 'committee_handler', committeeId: 'btc' },
      ],
    }

    expect(rolesOnCase(user, caseRecord({ committeeId: 'btc' }), COMMITTEES)).toEqual(['committee_handler'])
  })

  it('gives a reception officer no acting role on a case outside their intake queue they did not register', () => {
    const user: ActingUser = {
      id: 'u',
      memberships: [{ role: 'reception_officer', committeeId: 'vanphong' }, { role: 'supervisor' }],
    }

    expect(rolesOnCase(user, caseRecord({ committeeId: 'nhnn' }), COMMITTEES)).toEqual([])
  })

  it('gives a reception officer the acting role on the intake queue of their committee', () => {
    const user: ActingUser = {
      id: 'u',
      memberships: [{ role: 'reception_officer', committeeId: 'vanphong' }],
    }

    expect(rolesOnCase(user, caseRecord({ committeeId: 'vanphong' }), COMMITTEES)).toEqual([
      'reception_officer',
    ])
  })

  it('does not give the head of the bloc a committee role on a ministry’s case', () => {
    expect(rolesOnCase(demoUser('dukhoi.truong'), caseRecord({ committeeId: 'btc' }), COMMITTEES)).toEqual([])
  })

  it('lists a role held twice once', () => {
    const user: ActingUser = {
      id: 'u',
      memberships: [
        { role: 'committee_handler', committeeId: 'btc' },
        { role: 'committee_handler', committeeId: 'btc' },
      ],
    }

    expect(rolesOnCase(user, caseRecord({ committeeId: 'btc' }), COMMITTEES)).toEqual(['committee_handler'])
  })
})

// ---------------------------------------------------------------------------------------------------

/** The clock events of the lifecycle itself, without the notices the system gives (tested apart). */
const lifecycleEvents = (c: CaseRecord) => clockFactsOf(c).events.filter((e) => e.type !== 'clock_done')

describe('clockFactsOf', () => {
  it('maps each step of the history to its clock event, on the Vietnamese date', () => {
    // Arrange: 17:30 UTC on 3 July is 00:30 on 4 July in Hà Nội.
    const c = acceptedDenunciation({
      status: 'closed',
      history: [
        submitted,
        event('accepted', '2026-07-03T17:30:00.000Z'),
        event('verification_started', '2026-07-06T03:00:00.000Z'),
        event('extended', '2026-07-10T03:00:00.000Z', { days: 15, complexity: 'complex' }),
        event('suspended', '2026-07-13T03:00:00.000Z'),
        event('resumed', '2026-07-20T03:00:00.000Z'),
        event('resolved', '2026-08-10T03:00:00.000Z'),
        event('closed', '2026-08-20T03:00:00.000Z'),
      ],
    })

    // Act
    const facts = clockFactsOf(c)

    // Assert
    expect(facts.events.filter((e) => e.type !== 'clock_done')).toEqual([
      { type: 'accepted', on: '2026-07-04' },
      { type: 'extended', on: '2026-07-10', days: 15, complexity: 'complex' },
      { type: 'suspended', on: '2026-07-13' },
      { type: 'resumed', on: '2026-07-20' },
      { type: 'resolved', on: '2026-08-10' },
      { type: 'closed', on: '2026-08-20' },
    ])
  })

  it('maps each first decision other than acceptance to a decided event', () => {
    const at = '2026-07-03T03:00:00.000Z'
    const decisions = [
      ['refused', 'refused'],
      ['guided', 'guided'],
      ['filed', 'filed'],
      ['marked_duplicate', 'duplicate'],
      ['transferred', 'transferred'],
    ] as const
    for (const [type, decision] of decisions) {
      // Arrange: a transfer to an outside body names the body, not a committee.
      const data = type === 'transferred' ? { toBody: 'UBND thành phố Hà Nội' } : {}
      const c = caseRecord({ history: [submitted, event(type, at, data)] })

      // Act & Assert
      expect(lifecycleEvents(c), type).toEqual([{ type: 'decided', on: '2026-07-03', decision }])
    }
  })

  it('counts a full withdrawal and ignores a partial one', () => {
    const c = acceptedDenunciation({
      history: [
        submitted,
        acceptedOn3July,
        event('withdrawn', '2026-07-08T03:00:00.000Z', { scope: 'partial' }),
        event('withdrawn', '2026-07-09T03:00:00.000Z', { scope: 'full' }),
      ],
    })

    expect(lifecycleEvents(c)).toEqual([
      { type: 'accepted', on: '2026-07-03' },
      { type: 'withdrawn', on: '2026-07-09' },
    ])
  })

  it('starts a new round at the receiving committee after an internal transfer', () => {
    // Arrange: received in person at the office on 1 July, transferred to Health on 6 July.
    const c = caseRecord({
      kind: 'complaint',
      channel: 'in_person',
      committeeId: 'byt',
      clockStartOn: '2026-07-06',
      facts: { ...caseRecord().facts, knownOn: '2026-06-15' },
      history: [
        submitted,
        event('transferred', '2026-07-06T03:00:00.000Z', {
          fromCommitteeId: 'vanphong',
          toCommitteeId: 'byt',
        }),
        event('accepted', '2026-07-08T03:00:00.000Z'),
      ],
    })

    // Act
    const facts = clockFactsOf(c)

    // Assert
    expect(facts.receivedOn).toBe('2026-07-06')
    expect(facts.channel).toBe('transferred_in')
    expect(facts.knownOn).toBeUndefined()
    expect(facts.events.filter((e) => e.type !== 'clock_done')).toEqual([
      { type: 'accepted', on: '2026-07-08' },
    ])
  })

  it('keeps the channel and the day the complainant learned of the decision when nothing was transferred', () => {
    const c = caseRecord({
      kind: 'complaint',
      channel: 'in_person',
      facts: { ...caseRecord().facts, knownOn: '2026-06-15' },
    })

    const facts = clockFactsOf(c)

    expect(facts).toMatchObject({ receivedOn: '2026-07-01', channel: 'in_person', knownOn: '2026-06-15' })
  })

  it('treats a petition transferred within the organisation on its day of receipt as transferred in', () => {
    // Arrange: received in person at the office and sent to Health the same day.
    const c = caseRecord({
      kind: 'complaint',
      channel: 'in_person',
      committeeId: 'byt',
      clockStartOn: '2026-07-01',
      history: [
        submitted,
        event('transferred', '2026-07-01T08:00:00.000Z', {
          fromCommitteeId: 'vanphong',
          toCommitteeId: 'byt',
        }),
      ],
    })

    // Act
    const facts = clockFactsOf(c)

    // Assert: the same as a transfer on any later day.
    expect(facts.channel).toBe('transferred_in')
  })
})

describe('deadlinesOf', () => {
  it('starts the acceptance clock of a complaint transferred within the organisation on the transfer date', () => {
    // Arrange: received Wed 1 July 2026, transferred Mon 6 July; 7 working days from the transfer.
    const c = caseRecord({
      kind: 'complaint',
      committeeId: 'byt',
      clockStartOn: '2026-07-06',
      history: [
        submitted,
        event('transferred', '2026-07-06T03:00:00.000Z', {
          fromCommitteeId: 'vanphong',
          toCommitteeId: 'byt',
        }),
      ],
    })

    // Act
    const acceptance = deadlinesOf(c, deadlineContext, '2026-07-07').find((d) => d.clock === 'acceptance')

    // Assert: 7(1) 8(2) 9(3) 10(4) 13(5) 14(6) 15(7).
    expect(acceptance).toMatchObject({ startedOn: '2026-07-06', dueDate: '2026-07-15', state: 'running' })
  })

  it('starts the acceptance clock of a complaint not transferred on the day of receipt', () => {
    // Arrange: Wed 1 July 2026; 2(1) 3(2) 6(3) 7(4) 8(5) 9(6) 10(7).
    const c = caseRecord({ kind: 'complaint' })

    // Act
    const acceptance = deadlinesOf(c, deadlineContext, '2026-07-02').find((d) => d.clock === 'acceptance')

    // Assert
    expect(acceptance).toMatchObject({ startedOn: '2026-07-01', dueDate: '2026-07-10', state: 'running' })
  })
})

describe('notices the system gives', () => {
  it('completes the reception-response clock with the first decision, the notice of acceptance with the acceptance of a named denunciation, and the suspension notice with the suspension', () => {
    // Arrange: a denunciation received in person, accepted on 3 July, suspended on 10 July.
    const c = acceptedDenunciation({
      channel: 'in_person',
      status: 'suspended',
      history: [submitted, acceptedOn3July, event('suspended', '2026-07-10T03:00:00.000Z')],
    })

    // Act
    const done = clockFactsOf(c).events.filter((e) => e.type === 'clock_done')

    // Assert
    expect(done).toEqual([
      { type: 'clock_done', clock: 'reception_response', on: '2026-07-03' },
      { type: 'clock_done', clock: 'parties_notice', on: '2026-07-03' },
      { type: 'clock_done', clock: 'suspension_notice', on: '2026-07-10' },
    ])
  })

  it('leaves the notice of acceptance open for an anonymous denunciation: nobody is told', () => {
    const c = acceptedDenunciation({ anonymous: true })
    expect(clockFactsOf(c).events.some((e) => e.type === 'clock_done' && e.clock === 'parties_notice')).toBe(
      false,
    )
  })
})
