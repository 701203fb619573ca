import { describe, expect, it } from 'vitest'
import { COMMITTEES, USERS } from '../../local/demo-data.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import { type CaseEvent, type CaseRecord, deadlinesOf, decideAction } from '../../shared/domain/case.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../../shared/domain/deadline-rules.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { DomainError, RuleViolation, TransitionError } from '../../shared/domain/errors.js'
import { caseMetrics } from '../../shared/domain/reports.js'
import { actionSchema } from '../../shared/domain/schemas.js'
import { formatTrackingCode } from '../../shared/domain/tracking-code.js'
import { newTrackingCode } from '../../shared/security.js'
import { CASE_CODE, receivedCase } from '../fixtures/cases.js'

/** Valid tracking codes (their check symbols are right). */
const CODE = CASE_CODE
const EARLIER = '123456789ABT'
const NOW = '2026-07-02T03:00:00.000Z'
const deadlines: DeadlineContext = { calendar: new WorkingCalendar(), settings: DEFAULT_DEADLINE_SETTINGS }
const context = {
  now: new Date(NOW),
  committees: COMMITTEES,
  deadlines,
  caseExists: (c: string) => c === EARLIER,
}
const handler = USERS.find((u) => u.id === 'btc.canbo')!

const submitted: CaseEvent = {
  seq: 1,
  at: '2026-07-01T02:00:00.000Z',
  type: 'submitted',
  actor: { kind: 'petitioner' },
  public: true,
  data: {},
  prevHash: '',
  hash: '',
}

const complaint = (overrides: Partial<CaseRecord> = {}) =>
  receivedCase({ history: [submitted], ...overrides })

function thrownBy(act: () => unknown): DomainError {
  try {
    act()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected an error')
}

const link = (of: string) => actionSchema.parse({ action: 'link_repeat', of })

describe('linking a repeat', () => {
  it('records the earlier code, keeps the status and leaves every clock where it was', () => {
    const c = complaint()

    const result = decideAction(c, link(formatTrackingCode(EARLIER).toLowerCase()), handler, context)

    expect(result.status).toBe('received')
    expect(result.changes).toEqual({})
    expect(result.event).toMatchObject({ type: 'linked_repeat', public: false, data: { of: EARLIER } })
    const after = { ...c, history: [...c.history, { ...submitted, ...result.event, seq: 2 }] }
    expect(deadlinesOf(after, deadlines, '2026-07-02')).toEqual(deadlinesOf(c, deadlines, '2026-07-02'))
  })

  it('refuses a link to itself, to an unknown code, or a second link to the same case', () => {
    const linked = complaint({
      history: [submitted, { ...submitted, seq: 2, type: 'linked_repeat', data: { of: EARLIER } }],
    })

    const self = thrownBy(() => decideAction(complaint(), link(CODE), handler, context))
    const unknown = thrownBy(() => decideAction(complaint(), link(newTrackingCode()), handler, context))
    const twice = thrownBy(() => decideAction(linked, link(EARLIER), handler, context))

    expect(self).toBeInstanceOf(RuleViolation)
    expect(self.code).toBe('repeat_of_itself')
    expect(unknown.code).toBe('unknown_tracking_code')
    expect(twice).toBeInstanceOf(TransitionError)
    expect(twice.code).toBe('already_linked')
  })

  it('counts a linked petition as a repeat in the report figures', () => {
    const c = complaint({
      history: [
        submitted,
        { ...submitted, seq: 2, type: 'linked_repeat', public: false, data: { of: EARLIER } },
      ],
    })

    expect(caseMetrics(c, deadlinesOf(c, deadlines, '2026-07-02'), '2026-07-02').rp).toBe('repeat')
  })
})
