/** A chase (đôn đốc): who may record one, on which cases, and what it does to the case. */
import { describe, expect, it } from 'vitest'
import { COMMITTEES } from '../../local/demo-data.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import { allowedActions, deadlinesOf, decideAction } from '../../shared/domain/case.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/domain/deadline-rules.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { TransitionError } from '../../shared/domain/errors.js'
import type { ActingUser } from '../../shared/domain/policy.js'
import { caseMetrics } from '../../shared/domain/reports.js'
import { actionSchema } from '../../shared/domain/schemas.js'
import type { Role } from '../../shared/domain/vocabulary.js'
import { petition } from './fixtures/report-cases.js'

const deadlines: DeadlineContext = { calendar: new WorkingCalendar(), settings: DEFAULT_DEADLINE_SETTINGS }
const ctx = { now: new Date('2026-10-15T03:00:00Z'), committees: COMMITTEES, deadlines }
const user = (role: Role, committeeId?: string): ActingUser => ({
  id: `${role}.${committeeId ?? 'x'}`,
  memberships: [{ role, committeeId }],
})
const open = petition({
  code: 'CH1',
  committee: 'btc',
  kind: 'complaint',
  channel: 'post',
  received: '2026-09-01',
  status: 'accepted',
  steps: [['accepted', '2026-09-03']],
})
const chase = { action: 'chase', note: 'Đề nghị báo cáo tiến độ trước ngày 20/10/2026.' } as const

describe('chasing a case (đôn đốc)', () => {
  it('is offered to supervisors and the heads above the committee, not to the committee itself', () => {
    expect(allowedActions(open, user('supervisor'), ctx)).toContain('chase')
    expect(allowedActions(open, user('committee_head', 'dukhoi'), ctx)).toEqual(['chase'])
    expect(allowedActions(open, user('committee_head', 'btc'), ctx)).not.toContain('chase')
    expect(allowedActions(open, user('committee_handler', 'btc'), ctx)).not.toContain('chase')
    expect(allowedActions(open, user('committee_head', 'byt'), ctx)).not.toContain('chase')
  })

  it('records an internal event with the note and the actor, keeps the status, and counts in the metrics', () => {
    const result = decideAction(open, chase, user('committee_head', 'dukhoi'), ctx)
    expect(result.status).toBe('accepted')
    expect(result.event).toMatchObject({
      type: 'chased',
      public: false,
      actor: { kind: 'staff', id: 'committee_head.dukhoi', role: 'committee_head' },
      data: { note: chase.note },
    })
    const after = { ...open, history: [...open.history, { ...result.event, seq: 2, prevHash: '', hash: '' }] }
    expect(caseMetrics(after, deadlinesOf(after, deadlines, '2026-10-15'), '2026-10-15').cs).toEqual([
      '2026-10-15',
    ])
  })

  it('is refused to a handler and to the head of the committee itself, and on a closed case', () => {
    for (const who of [user('committee_handler', 'btc'), user('committee_head', 'btc')])
      expect(() => decideAction(open, chase, who, ctx)).toThrow(TransitionError)
    const closed = { ...open, status: 'closed' as const }
    expect(() => decideAction(closed, chase, user('supervisor'), ctx)).toThrow(
      /not allowed while the case is closed/,
    )
  })

  it('needs a note', () => {
    expect(actionSchema.safeParse({ action: 'chase' }).success).toBe(false)
    expect(actionSchema.safeParse({ action: 'chase', note: '   ' }).success).toBe(false)
    expect(actionSchema.safeParse(chase).success).toBe(true)
  })
})
