import { describe, expect, it } from 'vitest'
import {
  type AccountabilityRequest,
  accountabilityFigures,
  allowedRequestActions,
  caseReportDue,
  decideRequestAction,
  isLate,
  mayRequire,
  periodicReportDue,
  periodReportDue,
  requestPeriod,
  returnedReportDue,
} from '../../shared/domain/accountability.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import type { ActingUser } from '../../shared/domain/policy.js'
import type { Committee } from '../../shared/domain/routing.js'

const calendar = new WorkingCalendar()
const COMMITTEES: Committee[] = [
  { id: 'dukhoi', name: 'Đảng ủy Khối', type: 'root', organizations: [] },
  { id: 'btc', name: 'Đảng ủy Bộ Tài chính', parentId: 'dukhoi', type: 'subordinate', organizations: [] },
  { id: 'byt', name: 'Đảng ủy Bộ Y tế', parentId: 'dukhoi', type: 'subordinate', organizations: [] },
]
const as = (role: ActingUser['memberships'][number]['role'], committeeId?: string): ActingUser => ({
  id: `${role}.${committeeId ?? 'none'}`,
  memberships: [{ role, ...(committeeId ? { committeeId } : {}) }],
})

describe('due dates of accountability reports', () => {
  it('gives a report on an overdue denunciation 5 working days, skipping Tết 2026 (16–20 Feb)', () => {
    const due = caseReportDue('2026-02-12', calendar, 'denunciation')

    expect(due.dueOn).toBe('2026-02-26')
    expect(due.basis.vi).toContain('Điều 38')
    expect(due.explanation.vi).toContain('26/02/2026')
  })

  it('skips 30 April and 1 May', () => {
    expect(caseReportDue('2026-04-28', calendar, 'complaint').dueOn).toBe('2026-05-07')
  })

  it("cites the organisation's rule, not Art. 38, for a case that is not a denunciation", () => {
    expect(caseReportDue('2026-11-26', calendar, 'complaint').basis.en).toContain("Organisation's rule")
  })

  it('honours a day-off override of the organisation', () => {
    const withBridge = new WorkingCalendar([{ year: 2026, daysOff: [{ date: '2026-11-27' }] }])

    expect(caseReportDue('2026-11-26', calendar, 'denunciation').dueOn).toBe('2026-12-03')
    expect(caseReportDue('2026-11-26', withBridge, 'denunciation').dueOn).toBe('2026-12-04')
  })

  it('dues a periodic report 5 working days after its period ends, or after a late request', () => {
    expect(periodicReportDue('2026-11-26', '2026-12-31', calendar).dueOn).toBe('2027-01-08')
    expect(periodicReportDue('2026-11-26', '2026-10-31', calendar).dueOn).toBe('2026-12-03')
  })

  it('lets the requester set the working days of a period report, 10 by default', () => {
    expect(periodReportDue('2026-11-26', calendar).dueOn).toBe('2026-12-10')
    expect(periodReportDue('2026-11-26', calendar, 3).dueOn).toBe('2026-12-01')
  })

  it('gives a returned report 5 more working days from the return', () => {
    expect(returnedReportDue('2026-02-13', calendar)).toBe('2026-02-27')
  })

  it('names the periodic period and refuses an unnumbered quarter', () => {
    const { period, subject } = requestPeriod(
      { kind: 'periodic', committeeId: 'btc', period: 'nine_months', year: 2026 },
      '2026-11-26',
    )
    expect(period).toMatchObject({ from: '2026-01-01', to: '2026-09-30' })
    expect(subject.vi).toContain('9 tháng')
    expect(() =>
      requestPeriod({ kind: 'periodic', committeeId: 'btc', period: 'quarter', year: 2026 }, '2026-11-26'),
    ).toThrow(/numbered 1 to 4/)
  })
})

describe('who may do what', () => {
  it('lets supervisors and heads above require a report, not the committee itself nor a sibling', () => {
    expect(mayRequire(as('supervisor', 'ubkt'), 'btc', COMMITTEES)).toBe(true)
    expect(mayRequire(as('committee_head', 'dukhoi'), 'btc', COMMITTEES)).toBe(true)
    expect(mayRequire(as('committee_head', 'btc'), 'btc', COMMITTEES)).toBe(false)
    expect(mayRequire(as('committee_head', 'byt'), 'btc', COMMITTEES)).toBe(false)
    expect(mayRequire(as('committee_handler', 'dukhoi'), 'btc', COMMITTEES)).toBe(false)
  })

  it('walks requested → submitted → returned → submitted → accepted with the right hands', () => {
    const head = as('committee_head', 'btc')
    const parent = as('committee_head', 'dukhoi')
    const at = (state: AccountabilityRequest['state']) => ({ state, committeeId: 'btc' })

    expect(allowedRequestActions(head, at('requested'), COMMITTEES)).toEqual(['submit'])
    expect(allowedRequestActions(parent, at('submitted'), COMMITTEES)).toEqual(['accept', 'return'])
    expect(allowedRequestActions(head, at('returned'), COMMITTEES)).toEqual(['submit'])
    expect(allowedRequestActions(parent, at('accepted'), COMMITTEES)).toEqual([])
    expect(decideRequestAction(parent, 'accept', at('submitted'), COMMITTEES)).toBe('committee_head')
  })

  it('refuses the owing head reviewing their own report and a second submission', () => {
    const head = as('committee_head', 'btc')

    expect(() =>
      decideRequestAction(head, 'accept', { state: 'submitted', committeeId: 'btc' }, COMMITTEES),
    ).toThrow(expect.objectContaining({ code: 'not_allowed_for_role', status: 409 }))
    expect(() =>
      decideRequestAction(head, 'submit', { state: 'submitted', committeeId: 'btc' }, COMMITTEES),
    ).toThrow(expect.objectContaining({ code: 'action_not_in_state' }))
    expect(() =>
      decideRequestAction(as('supervisor'), 'submit', { state: 'requested', committeeId: 'btc' }, COMMITTEES),
    ).toThrow(expect.objectContaining({ code: 'not_allowed_for_role' }))
  })
})

describe('late and on time', () => {
  const base = (over: Partial<AccountabilityRequest>): AccountabilityRequest => ({
    id: 'x',
    version: 1,
    kind: 'case',
    committeeId: 'btc',
    state: 'requested',
    subject: { vi: 's', en: 's' },
    requestedOn: '2026-11-02',
    requestedBy: { id: 'giamsat', role: 'supervisor' },
    dueOn: '2026-11-09',
    firstDueOn: '2026-11-09',
    basis: { vi: '', en: '' },
    explanation: { vi: '', en: '' },
    submissions: [],
    history: [
      {
        at: '',
        on: '2026-11-02',
        type: 'requested',
        actor: { id: 'giamsat', role: 'supervisor' },
        dueOn: '2026-11-09',
      },
    ],
    ...over,
  })
  const ev = (on: string, type: 'submitted' | 'accepted' | 'returned', dueOn?: string) => ({
    at: '',
    on,
    type,
    actor: { id: 'a', role: 'committee_head' as const },
    ...(dueOn ? { dueOn } : {}),
  })

  it('is late only while owed and after the due date', () => {
    expect(isLate(base({}), '2026-11-09')).toBe(false)
    expect(isLate(base({}), '2026-11-10')).toBe(true)
    expect(isLate(base({ state: 'submitted' }), '2026-11-30')).toBe(false)
  })

  it('counts a report first submitted on the due date as on time, even when returned later', () => {
    const onTime = base({
      state: 'submitted',
      firstSubmittedOn: '2026-11-09',
      history: [
        ...base({}).history,
        ev('2026-11-09', 'submitted'),
        ev('2026-11-10', 'returned', '2026-11-17'),
        ev('2026-11-20', 'submitted'),
      ],
    })
    const late = base({
      id: 'y',
      state: 'accepted',
      history: [...base({}).history, ev('2026-11-12', 'submitted'), ev('2026-11-13', 'accepted')],
    })
    const owed = base({ id: 'z', requestedOn: '2026-11-20', dueOn: '2026-11-27', firstDueOn: '2026-11-27' })
    const outside = base({ id: 'w', requestedOn: '2026-10-20' })

    const f = accountabilityFigures([onTime, late, owed, outside], '2026-11-01', '2026-11-30', '2026-11-30')

    expect(f).toMatchObject({
      requested: 3,
      submitted: 2,
      submittedOnTime: 1,
      submittedLate: 1,
      accepted: 1,
      returned: 1,
      stillOwed: 1,
      overdueOwed: 1,
      onTimeRate: 0.5,
    })
  })

  it('reads a past period as it stood at its end', () => {
    const r = base({
      state: 'accepted',
      history: [...base({}).history, ev('2026-12-02', 'submitted'), ev('2026-12-03', 'accepted')],
    })

    expect(accountabilityFigures([r], '2026-11-01', '2026-11-30', '2026-11-30')).toMatchObject({
      submitted: 0,
      stillOwed: 1,
      overdueOwed: 1,
      accepted: 0,
    })
  })
})
