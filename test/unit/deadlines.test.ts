/**
 * The deadline engine against every row of docs/domain.md#clocks, on both sides of 1 July 2026.
 * Expected dates are worked out by hand; the comment beside each shows the count. Days off used below:
 * 2026: Tết 16–20 Feb; Hùng Kings Sun 26 Apr (in lieu Mon 27 Apr); 30 Apr, 1 May; 1–2 Sep; 1 Jan 2027.
 * 2027: Tết Fri 5 – Tue 9 Feb, in lieu Wed 10 and Thu 11 Feb; 30 Apr; 1 May Sat (in lieu Mon 3 May).
 */
import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import type { ClockName, DeadlineSettings, RuleSet } from '../../shared/domain/deadline-rules.js'
import {
  assertCanExtend,
  assertCanSuspend,
  type ClockEvent,
  type ClockFacts,
  computeDeadlines,
  type Deadline,
  type DeadlineContext,
  DeadlineRuleError,
  nextDue,
} from '../../shared/domain/deadlines.js'

const calendar = new WorkingCalendar()

function context(
  settings: Partial<DeadlineSettings> = {},
  extra: Partial<DeadlineContext> = {},
): DeadlineContext {
  return { calendar, settings: { daysMode: 'calendar', ...settings }, ...extra }
}

function facts(overrides: Partial<ClockFacts> & Pick<ClockFacts, 'kind' | 'receivedOn'>): ClockFacts {
  return {
    channel: 'post',
    instance: 1,
    remoteArea: false,
    complexity: 'normal',
    severalPlaces: false,
    events: [],
    ...overrides,
  }
}

function clock(deadlines: Deadline[], name: ClockName): Deadline {
  const found = deadlines.find((d) => d.clock === name)
  if (!found) throw new Error(`no ${name} clock among ${deadlines.map((d) => d.clock).join(', ')}`)
  return found
}

const accepted = (on: string): ClockEvent => ({ type: 'accepted', on })
const resolved = (on: string): ClockEvent => ({ type: 'resolved', on })

describe('reception response (Law 42/2013 Art. 28(1): 10 working days, in person)', () => {
  it('answers a visitor received on 22 April 2026 by 11 May, skipping 27 Apr, 30 Apr and 1 May', () => {
    // Arrange
    const f = facts({ kind: 'complaint', channel: 'in_person', receivedOn: '2026-04-22' })

    // Act
    const d = clock(computeDeadlines(f, context(), '2026-04-22'), 'reception_response')

    // Assert: 23(1) 24(2) 28(3) 29(4) May 4(5) 5(6) 6(7) 7(8) 8(9) 11(10).
    expect(d).toMatchObject({ dueDate: '2026-05-11', limit: 10, unit: 'working_days', ruleSetId: 'vn-2019' })
  })

  it('answers a visitor received on 27 August 2026 by 14 September, skipping National Day', () => {
    const f = facts({ kind: 'denunciation', channel: 'in_person', receivedOn: '2026-08-27' })

    const d = clock(computeDeadlines(f, context(), '2026-08-27'), 'reception_response')

    // 28(1) 31(2) Sep 3(3) 4(4) 7(5) 8(6) 9(7) 10(8) 11(9) 14(10).
    expect(d).toMatchObject({ dueDate: '2026-09-14', state: 'running', ruleSetId: 'vn-2026-07' })
  })

  it('is met by the first decision and by an explicit reply, and absent for a posted petition', () => {
    const inPerson = facts({ kind: 'feedback', channel: 'in_person', receivedOn: '2026-08-27' })
    const decided = {
      ...inPerson,
      events: [{ type: 'decided', on: '2026-09-15', decision: 'guided' } as const],
    }
    const replied = {
      ...inPerson,
      events: [{ type: 'clock_done', clock: 'reception_response', on: '2026-09-01' } as const],
    }

    expect(clock(computeDeadlines(decided, context(), '2026-09-20'), 'reception_response')).toMatchObject({
      state: 'missed',
      doneOn: '2026-09-15',
    })
    expect(clock(computeDeadlines(replied, context(), '2026-09-20'), 'reception_response').state).toBe('met')
    const posted = computeDeadlines({ ...inPerson, channel: 'post' }, context(), '2026-08-27')
    expect(posted.map((d) => d.clock)).not.toContain('reception_response')
  })
})

describe('complaint acceptance (Art. 27 / 36: 10 days until 30 June 2026, 7 working days from 1 July)', () => {
  it('gives a complaint received on Friday 26 June 2026 ten days, to Monday 6 July', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-06-26' })

    const d = clock(computeDeadlines(f, context(), '2026-06-26'), 'acceptance')

    // 26 Jun + 10 = 6 Jul.
    expect(d).toMatchObject({
      dueDate: '2026-07-06',
      limit: 10,
      unit: 'days',
      dayType: 'calendar',
      ruleSetId: 'vn-2019',
    })
    expect(d.basis).toBe('Luật Khiếu nại 02/2011/QH13, Điều 27')
  })

  it('gives a complaint received on Friday 3 July 2026 seven working days, to Tuesday 14 July', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-07-03' })

    const d = clock(computeDeadlines(f, context(), '2026-07-03'), 'acceptance')

    // 6(1) 7(2) 8(3) 9(4) 10(5) 13(6) 14(7); ten days would have been 13 July.
    expect(d).toMatchObject({
      dueDate: '2026-07-14',
      limit: 7,
      unit: 'working_days',
      ruleSetId: 'vn-2026-07',
    })
  })

  it('keeps the old ten-day rule for a complaint received on 30 June 2026 and the new one from 1 July', () => {
    const before = facts({ kind: 'complaint', receivedOn: '2026-06-30' })
    const after = facts({ kind: 'complaint', receivedOn: '2026-07-01' })

    const old = clock(computeDeadlines(before, context(), '2026-07-01'), 'acceptance')
    const current = clock(computeDeadlines(after, context(), '2026-07-01'), 'acceptance')

    // 30 Jun + 10 = Fri 10 Jul. From 1 Jul: 2(1) 3(2) 6(3) 7(4) 8(5) 9(6) 10(7).
    expect(old).toMatchObject({ dueDate: '2026-07-10', limit: 10, unit: 'days', ruleSetId: 'vn-2019' })
    expect(current).toMatchObject({
      dueDate: '2026-07-10',
      limit: 7,
      unit: 'working_days',
      ruleSetId: 'vn-2026-07',
    })
  })

  it('moves a ten-day acceptance that ends on 30 April 2026 to Monday 4 May', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-04-20' })

    const d = clock(computeDeadlines(f, context(), '2026-04-20'), 'acceptance')

    // 20 Apr + 10 = Thu 30 Apr (holiday), 1 May holiday, 2–3 weekend → Mon 4 May.
    expect(d.dueDate).toBe('2026-05-04')
    expect(d.explanation.en).toBe(
      '10 days from receipt on 2026-04-20, ends on Thursday 2026-04-30 (Reunification Day) → moved to Monday 2026-05-04',
    )
    expect(d.explanation.vi).toBe(
      '10 ngày kể từ ngày nhận đơn 20/04/2026, kết thúc vào Thứ Năm 30/04/2026 (Ngày Chiến thắng) → chuyển sang Thứ Hai 04/05/2026',
    )
  })

  it('gives a second-instance complaint received on 22 June 2026 ten days under Art. 36', () => {
    const f = facts({ kind: 'complaint', instance: 2, receivedOn: '2026-06-22' })

    const d = clock(computeDeadlines(f, context(), '2026-06-22'), 'acceptance')

    // 22 Jun + 10 = Thu 2 Jul.
    expect(d).toMatchObject({
      dueDate: '2026-07-02',
      ruleSetId: 'vn-2019',
      basis: 'Luật Khiếu nại 02/2011/QH13, Điều 36',
    })
  })

  it('gives a second-instance complaint received on 28 August 2026 seven working days, to 10 September', () => {
    const f = facts({ kind: 'complaint', instance: 2, receivedOn: '2026-08-28' })

    const d = clock(computeDeadlines(f, context(), '2026-08-28'), 'acceptance')

    // 31(1) Sep 3(2) 4(3) 7(4) 8(5) 9(6) 10(7).
    expect(d).toMatchObject({ dueDate: '2026-09-10', unit: 'working_days' })
    expect(d.basis).toContain('Điều 36')
  })

  it('counts the ten days as working days when the organisation reads "days" that way', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-06-26' })

    const d = clock(computeDeadlines(f, context({ daysMode: 'working' }), '2026-06-26'), 'acceptance')

    // 29(1) 30(2) Jul 1(3) 2(4) 3(5) 6(6) 7(7) 8(8) 9(9) 10(10).
    expect(d).toMatchObject({ dueDate: '2026-07-10', dayType: 'working', unit: 'days' })
    expect(d.explanation.en).toContain('10 days (counted as working days)')
  })

  it('takes the 7 working days from the organisation setting when it overrides the (confirm) figure', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-07-03' })

    const d = clock(
      computeDeadlines(f, context({ limits: { complaintAcceptance: 5 } }), '2026-07-03'),
      'acceptance',
    )

    // 6(1) 7(2) 8(3) 9(4) 10(5).
    expect(d).toMatchObject({ dueDate: '2026-07-10', limit: 5 })
    expect(d.explanation.en).toContain('(organisation setting)')
  })
})

describe('complaint limitation (Art. 9: 90 days; Party Charter Art. 39: 1 month)', () => {
  it('moves the 90 days from 2 March 2026 off Sunday 31 May to 1 June and judges the receipt against it', () => {
    const onTime = facts({ kind: 'complaint', receivedOn: '2026-06-01', knownOn: '2026-03-02' })
    const late = { ...onTime, receivedOn: '2026-06-02' }

    const met = clock(computeDeadlines(onTime, context(), '2026-06-02'), 'limitation')
    const missed = clock(computeDeadlines(late, context(), '2026-06-02'), 'limitation')

    // 2 Mar + 29 = 31 Mar, + 30 = 30 Apr, + 31 = 31 May (Sunday) → Mon 1 Jun.
    expect(met).toMatchObject({
      dueDate: '2026-06-01',
      state: 'met',
      doneOn: '2026-06-01',
      obligation: 'petitioner',
    })
    expect(missed.state).toBe('missed')
    expect(met.explanation.en).toContain('illness')
  })

  it('runs 90 days from 15 July 2026 to Tuesday 13 October under the new rule set', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-10-13', knownOn: '2026-07-15' })

    const d = clock(computeDeadlines(f, context(), '2026-10-13'), 'limitation')

    // 15 Jul + 16 = 31 Jul, + 31 = 31 Aug, + 30 = 30 Sep, + 13 = 13 Oct.
    expect(d).toMatchObject({ dueDate: '2026-10-13', state: 'met', ruleSetId: 'vn-2026-07' })
  })

  it('is absent when the day the complainant learned of the decision is unknown', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-10-13' })

    expect(computeDeadlines(f, context(), '2026-10-13').map((d) => d.clock)).not.toContain('limitation')
  })

  it('ends a Party discipline complaint’s month from 31 January 2026 on 28 February, moved to Monday 2 March', () => {
    const f = facts({
      kind: 'complaint',
      partyDiscipline: true,
      receivedOn: '2026-03-02',
      knownOn: '2026-01-31',
    })

    const d = clock(computeDeadlines(f, context(), '2026-03-02'), 'limitation')

    // No 31 February: the last day of February, Sat 28 → Mon 2 Mar.
    expect(d).toMatchObject({ dueDate: '2026-03-02', limit: 1, unit: 'months', state: 'met' })
  })

  it('ends a month from 31 January 2027 on Sunday 28 February, moved to 1 March', () => {
    const f = facts({
      kind: 'complaint',
      partyDiscipline: true,
      receivedOn: '2027-03-02',
      knownOn: '2027-01-31',
    })

    const d = clock(computeDeadlines(f, context(), '2027-03-02'), 'limitation')

    expect(d).toMatchObject({ dueDate: '2027-03-01', state: 'missed', ruleSetId: 'vn-2026-07' })
  })

  it('ends a month from 31 January 2028 on the leap day, Tuesday 29 February', () => {
    const f = facts({
      kind: 'complaint',
      partyDiscipline: true,
      receivedOn: '2028-02-29',
      knownOn: '2028-01-31',
    })

    const d = clock(computeDeadlines(f, context(), '2028-02-29'), 'limitation')

    expect(d).toMatchObject({ dueDate: '2028-02-29', state: 'met' })
  })
})

describe('complaint resolution, first instance (Art. 28: 30 / complex 45 / remote 45 / both 60 days)', () => {
  it('resolves a complaint accepted on 4 May 2026 by Wednesday 3 June', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-04-27', events: [accepted('2026-05-04')] })

    const d = clock(computeDeadlines(f, context(), '2026-05-04'), 'resolution')

    // 4 May + 27 = 31 May, + 3 = 3 Jun.
    expect(d).toMatchObject({ dueDate: '2026-06-03', limit: 30, state: 'running', ruleSetId: 'vn-2019' })
  })

  it('moves a 30-day complaint resolution that ends on Sunday to Monday', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-09-28', events: [accepted('2026-10-02')] })

    const d = clock(computeDeadlines(f, context(), '2026-10-02'), 'resolution')

    // 2 Oct + 29 = 31 Oct, + 1 = Sun 1 Nov → Mon 2 Nov.
    expect(d).toMatchObject({ dueDate: '2026-11-02', ruleSetId: 'vn-2026-07' })
    expect(d.explanation.en).toBe(
      '30 days from acceptance on 2026-10-02, ends on Sunday 2026-11-01 → moved to Monday 2026-11-02',
    )
  })

  it('gives a complex complaint accepted on 2 March 2026 45 days, to 16 April', () => {
    const f = facts({
      kind: 'complaint',
      complexity: 'complex',
      receivedOn: '2026-02-27',
      events: [accepted('2026-03-02')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-03-02'), 'resolution')

    // 2 Mar + 29 = 31 Mar, + 16 = 16 Apr.
    expect(d).toMatchObject({ dueDate: '2026-04-16', limit: 45 })
    expect(d.explanation.en).toContain('45 days (complex case)')
  })

  it.each([
    // variant, complexity, remote, limit, due: 10 Jul + 21 = 31 Jul, + 24 = 24 Aug (45); + 31 = 31 Aug (52), + 8 = 8 Sep (60)
    ['complex', 'complex', false, 45, '2026-08-24'],
    ['remote', 'normal', true, 45, '2026-08-24'],
    ['complex and remote', 'especially_complex', true, 60, '2026-09-08'],
  ] as const)(
    'gives a %s complaint accepted on 10 July 2026 %i days',
    (_variant, complexity, remoteArea, limit, due) => {
      const f = facts({
        kind: 'complaint',
        complexity,
        remoteArea,
        receivedOn: '2026-07-03',
        events: [accepted('2026-07-10')],
      })

      const d = clock(computeDeadlines(f, context(), '2026-07-10'), 'resolution')

      expect(d).toMatchObject({ limit, dueDate: due })
    },
  )

  it('switches to the complex limit from acceptance when the complaint is declared complex later', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-07-03',
      events: [
        accepted('2026-07-10'),
        { type: 'extended', on: '2026-07-20', days: 0, complexity: 'complex' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-07-20'), 'resolution')

    // 10 Jul + 45 = 24 Aug (the `days` of a complaint's extension are ignored).
    expect(d).toMatchObject({ limit: 45, dueDate: '2026-08-24', ruleId: 'complaint.resolution.1.complex' })
    expect(d.explanation.en).toContain('(complex case, declared on 2026-07-20)')
  })

  it('is met when resolved on the due date and missed when resolved the day after', () => {
    const onDue = facts({
      kind: 'complaint',
      receivedOn: '2026-04-27',
      events: [accepted('2026-05-04'), resolved('2026-06-03')],
    })
    const late = { ...onDue, events: [accepted('2026-05-04'), resolved('2026-06-04')] }

    expect(clock(computeDeadlines(onDue, context(), '2026-06-10'), 'resolution').state).toBe('met')
    expect(clock(computeDeadlines(late, context(), '2026-06-10'), 'resolution').state).toBe('missed')
  })

  it('is running on its due date and missed the day after while still open', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-04-27', events: [accepted('2026-05-04')] })

    expect(clock(computeDeadlines(f, context(), '2026-06-03'), 'resolution').state).toBe('running')
    expect(clock(computeDeadlines(f, context(), '2026-06-04'), 'resolution').state).toBe('missed')
  })
})

describe('complaint resolution, second instance (Art. 37: 45 / complex 60 / remote 60 / both 70 days)', () => {
  it('gives a second-instance complaint accepted on 1 June 2026 45 days, to 16 July', () => {
    const f = facts({
      kind: 'complaint',
      instance: 2,
      receivedOn: '2026-05-25',
      events: [accepted('2026-06-01')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-06-01'), 'resolution')

    // 1 Jun + 29 = 30 Jun, + 16 = 16 Jul.
    expect(d).toMatchObject({ limit: 45, dueDate: '2026-07-16', ruleSetId: 'vn-2019' })
  })

  it.each([
    // 1 Jul + 30 = 31 Jul, + 30 = Sun 30 Aug (60) → Mon 31 Aug; + 10 = Wed 9 Sep (70)
    ['complex', 'complex', false, 60, '2026-08-31'],
    ['remote', 'normal', true, 60, '2026-08-31'],
    ['complex and remote', 'complex', true, 70, '2026-09-09'],
  ] as const)(
    'gives a %s second-instance complaint accepted on 1 July 2026 %i days',
    (_v, complexity, remoteArea, limit, due) => {
      const f = facts({
        kind: 'complaint',
        instance: 2,
        complexity,
        remoteArea,
        receivedOn: '2026-06-29',
        events: [accepted('2026-07-01')],
      })

      const d = clock(computeDeadlines(f, context(), '2026-07-01'), 'resolution')

      expect(d).toMatchObject({ limit, dueDate: due, ruleSetId: 'vn-2026-07' })
    },
  )
})

describe('complaint decision delivery (Art. 32: 3 working days) and the window for a second complaint (Art. 33)', () => {
  it('sends a decision made on Friday 24 April 2026 by Monday 4 May', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-03-20',
      events: [accepted('2026-03-25'), resolved('2026-04-24')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-04-24'), 'decision_delivery')

    // 27 Apr in lieu, 28(1) 29(2), 30 Apr and 1 May off, May 4(3).
    expect(d).toMatchObject({ dueDate: '2026-05-04', limit: 3, ruleSetId: 'vn-2019' })
  })

  it('sends a decision made on 28 August 2026 by 4 September, met when sent on the 3rd', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-07-20',
      events: [
        accepted('2026-07-24'),
        resolved('2026-08-28'),
        { type: 'clock_done', clock: 'decision_delivery', on: '2026-09-03' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-09-10'), 'decision_delivery')

    // 31(1), 1–2 Sep off, 3(2) 4(3).
    expect(d).toMatchObject({
      dueDate: '2026-09-04',
      state: 'met',
      doneOn: '2026-09-03',
      ruleSetId: 'vn-2026-07',
    })
  })

  it('opens a 30-day window after a decision on 5 June 2026, ending Sunday 5 July → Monday 6 July', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-04-27',
      events: [accepted('2026-05-04'), resolved('2026-06-05')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-06-05'), 'second_complaint_window')

    // 5 Jun + 25 = 30 Jun, + 5 = Sun 5 Jul → Mon 6 Jul.
    expect(d).toMatchObject({
      dueDate: '2026-07-06',
      state: 'running',
      obligation: 'petitioner',
      ruleSetId: 'vn-2019',
    })
  })

  it('opens a 45-day window in a remote area after a decision on 5 August 2026, to Monday 21 September', () => {
    const f = facts({
      kind: 'complaint',
      remoteArea: true,
      receivedOn: '2026-06-20',
      events: [accepted('2026-06-25'), resolved('2026-08-05')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-08-05'), 'second_complaint_window')

    // 5 Aug + 26 = 31 Aug, + 19 = Sat 19 Sep → Mon 21 Sep.
    expect(d).toMatchObject({ limit: 45, dueDate: '2026-09-21', ruleSetId: 'vn-2026-07' })
  })

  it('opens the window from the lapse when the resolution deadline passes without a decision', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2026-09-28', events: [accepted('2026-10-02')] })

    const d = clock(computeDeadlines(f, context(), '2026-11-10'), 'second_complaint_window')

    // Resolution due Mon 2 Nov; the window counts from 3 Nov: 2 Nov + 30 = Wed 2 Dec.
    expect(d).toMatchObject({ startedOn: '2026-11-02', dueDate: '2026-12-02', state: 'running' })
    expect(d.explanation.en).toContain('from the end of the resolution time limit on 2026-11-02')
  })

  it('ends a window that has run out without making the organisation late', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-04-27',
      events: [accepted('2026-05-04'), resolved('2026-06-05')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-07-07'), 'second_complaint_window')

    expect(d).toMatchObject({ state: 'met', doneOn: '2026-07-06' })
  })

  it('opens no window after a second-instance decision', () => {
    const f = facts({
      kind: 'complaint',
      instance: 2,
      receivedOn: '2026-04-27',
      events: [accepted('2026-05-04'), resolved('2026-06-05')],
    })

    expect(computeDeadlines(f, context(), '2026-06-05').map((d) => d.clock)).not.toContain(
      'second_complaint_window',
    )
  })
})

describe('complaint suspension (Decree 155/2026, from 1 July 2026)', () => {
  const acceptedComplaint = facts({
    kind: 'complaint',
    receivedOn: '2026-06-10',
    events: [accepted('2026-06-15')],
  })

  it('refuses to suspend a complaint on 30 June 2026 and allows it on 1 July, whatever its rule set', () => {
    expect(() => assertCanSuspend(acceptedComplaint, context(), '2026-06-30')).toThrow(
      expect.objectContaining({ code: 'suspension_not_allowed' }),
    )
    expect(() => assertCanSuspend(acceptedComplaint, context(), '2026-07-01')).not.toThrow()
  })

  it('refuses with a DeadlineRuleError that the one error mapper turns into a 409', () => {
    const refusal = (() => {
      try {
        assertCanSuspend(acceptedComplaint, context(), '2026-06-30')
      } catch (error) {
        return error
      }
    })()

    expect(refusal).toBeInstanceOf(DeadlineRuleError)
    expect(refusal).toMatchObject({ name: 'DeadlineRuleError', code: 'suspension_not_allowed', status: 409 })
  })

  it('follows the organisation setting that withholds complaint suspension', () => {
    expect(() =>
      assertCanSuspend(acceptedComplaint, context({ complaintSuspensionAllowed: false }), '2026-07-10'),
    ).toThrow(expect.objectContaining({ code: 'suspension_not_allowed' }))
  })

  it('refuses a suspension before acceptance, after resolution, or while already suspended', () => {
    const received = facts({ kind: 'complaint', receivedOn: '2026-07-10' })
    const done = { ...acceptedComplaint, events: [accepted('2026-06-15'), resolved('2026-07-10')] }
    const suspended = {
      ...acceptedComplaint,
      events: [accepted('2026-06-15'), { type: 'suspended', on: '2026-07-02' } as const],
    }

    expect(() => assertCanSuspend(received, context(), '2026-07-11')).toThrow(
      expect.objectContaining({ code: 'suspension_not_allowed' }),
    )
    expect(() => assertCanSuspend(done, context(), '2026-07-11')).toThrow(
      expect.objectContaining({ code: 'suspension_not_allowed' }),
    )
    expect(() => assertCanSuspend(suspended, context(), '2026-07-11')).toThrow(
      expect.objectContaining({ code: 'already_suspended' }),
    )
  })

  it('stops a working-day resolution across National Day and counts the rest from the resumption', () => {
    // Arrange: the organisation counts "days" as working days; accepted Mon 24 Aug 2026.
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-08-17',
      events: [
        accepted('2026-08-24'),
        { type: 'suspended', on: '2026-08-28' },
        { type: 'resumed', on: '2026-09-04' },
      ],
    })

    // Act
    const d = clock(computeDeadlines(f, context({ daysMode: 'working' }), '2026-09-04'), 'resolution')

    // Assert: used 25 26 27 28 = 4; 26 left from Fri 4 Sep: 7–11 (5), 14–18 (10), 21–25 (15),
    // 28 Sep–2 Oct (20), 5–9 Oct (25), Mon 12 Oct (26).
    expect(d).toMatchObject({ dueDate: '2026-10-12', state: 'running', dayType: 'working' })
    expect(d.explanation.en).toContain('not counting the suspension from 2026-08-28 to 2026-09-04')
  })

  it('sends the suspension decision within 3 working days', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-08-17',
      events: [accepted('2026-08-24'), { type: 'suspended', on: '2026-08-28' }],
    })

    const d = clock(computeDeadlines(f, context(), '2026-08-28'), 'suspension_notice')

    // 31(1), 1–2 Sep off, 3(2) 4(3).
    expect(d).toMatchObject({ dueDate: '2026-09-04', limit: 3, ruleSetId: 'vn-2026-07' })
  })
})

describe('denunciation initial processing and transfer (Art. 24: 7 WD, 10 WD for several places; transfer 5 WD)', () => {
  it('processes a denunciation received on Friday 24 April 2026 by 8 May', () => {
    const f = facts({ kind: 'denunciation', receivedOn: '2026-04-24' })

    const d = clock(computeDeadlines(f, context(), '2026-04-24'), 'acceptance')

    // 27 in lieu, 28(1) 29(2), 30 Apr 1 May off, May 4(3) 5(4) 6(5) 7(6) 8(7).
    expect(d).toMatchObject({ dueDate: '2026-05-08', limit: 7, ruleSetId: 'vn-2019' })
  })

  it('processes a denunciation received on Thursday 27 August 2026 by 9 September, or 14 September for several places', () => {
    const one = facts({ kind: 'denunciation', receivedOn: '2026-08-27' })
    const several = { ...one, severalPlaces: true }

    const d7 = clock(computeDeadlines(one, context(), '2026-08-27'), 'acceptance')
    const d10 = clock(computeDeadlines(several, context(), '2026-08-27'), 'acceptance')

    // 28(1) 31(2) Sep 3(3) 4(4) 7(5) 8(6) 9(7) | 10(8) 11(9) 14(10).
    expect(d7).toMatchObject({ dueDate: '2026-09-09', ruleSetId: 'vn-2026-07' })
    expect(d10).toMatchObject({ dueDate: '2026-09-14', limit: 10 })
  })

  it('gives several places 10 working days across Tết 2026', () => {
    const f = facts({ kind: 'denunciation', severalPlaces: true, receivedOn: '2026-02-12' })

    const d = clock(computeDeadlines(f, context(), '2026-02-12'), 'acceptance')

    // 13(1), Tết 16–20, 23(2) 24(3) 25(4) 26(5) 27(6) Mar 2(7) 3(8) 4(9) 5(10).
    expect(d).toMatchObject({ dueDate: '2026-03-05', ruleSetId: 'vn-2019' })
  })

  it('transfers a denunciation received on 12 February 2026 by 26 February', () => {
    const f = facts({ kind: 'denunciation', receivedOn: '2026-02-12' })

    const d = clock(computeDeadlines(f, context(), '2026-02-12'), 'transfer')

    // 13(1), Tết, 23(2) 24(3) 25(4) 26(5).
    expect(d).toMatchObject({ dueDate: '2026-02-26', limit: 5, state: 'running' })
  })

  it('judges a transfer on 7 January 2027 late for a denunciation received on 29 December 2026', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-12-29',
      events: [{ type: 'decided', on: '2027-01-07', decision: 'transferred' }],
    })

    const d = clock(computeDeadlines(f, context(), '2027-01-07'), 'transfer')

    // 30(1) 31(2), 1 Jan off, 4(3) 5(4) 6(5).
    expect(d).toMatchObject({
      dueDate: '2027-01-06',
      state: 'missed',
      doneOn: '2027-01-07',
      ruleSetId: 'vn-2026-07',
    })
  })

  it('drops the transfer clock once the denunciation is accepted instead', () => {
    const f = facts({ kind: 'denunciation', receivedOn: '2026-12-29', events: [accepted('2027-01-04')] })

    expect(computeDeadlines(f, context(), '2027-01-04').map((d) => d.clock)).not.toContain('transfer')
  })
})

describe('denunciation after acceptance (Art. 29(3) notice 5 WD; Art. 30 resolution; Art. 35(3) 5 WD; Art. 40 7 WD)', () => {
  it('notifies the parties of a denunciation accepted on 28 April 2026 by 7 May', () => {
    const f = facts({ kind: 'denunciation', receivedOn: '2026-04-20', events: [accepted('2026-04-28')] })

    const d = clock(computeDeadlines(f, context(), '2026-04-28'), 'parties_notice')

    // 29(1), 30 Apr 1 May off, 4(2) 5(3) 6(4) 7(5).
    expect(d).toMatchObject({ dueDate: '2026-05-07', ruleSetId: 'vn-2019' })
  })

  it('notifies the parties of a denunciation accepted on 30 December 2026 by 7 January 2027', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-12-21',
      events: [accepted('2026-12-30'), { type: 'clock_done', clock: 'parties_notice', on: '2027-01-05' }],
    })

    const d = clock(computeDeadlines(f, context(), '2027-01-05'), 'parties_notice')

    // 31(1), 1 Jan off, 4(2) 5(3) 6(4) 7(5).
    expect(d).toMatchObject({ dueDate: '2027-01-07', state: 'met', ruleSetId: 'vn-2026-07' })
  })

  it('moves a 30-day denunciation resolution from Hùng Kings’ Sunday past the Monday in lieu', () => {
    const f = facts({ kind: 'denunciation', receivedOn: '2026-03-20', events: [accepted('2026-03-27')] })

    const d = clock(computeDeadlines(f, context(), '2026-03-27'), 'resolution')

    // 27 Mar + 4 = 31 Mar, + 26 = Sun 26 Apr (Hùng Kings), Mon 27 in lieu → Tue 28 Apr.
    expect(d).toMatchObject({ dueDate: '2026-04-28', ruleSetId: 'vn-2019' })
    expect(d.explanation.en).toContain(
      "ends on Sunday 2026-04-26 (Hùng Kings' Commemoration Day) → moved to Tuesday 2026-04-28",
    )
  })

  it('explains a complex denunciation extended once by 30 days', () => {
    const f = facts({
      kind: 'denunciation',
      complexity: 'complex',
      receivedOn: '2026-08-25',
      events: [
        accepted('2026-09-03'),
        { type: 'extended', on: '2026-09-28', days: 30, complexity: 'complex' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-09-28'), 'resolution')

    // 3 Sep + 27 = 30 Sep, + 31 = 31 Oct (58), + 2 = Mon 2 Nov (60).
    expect(d).toMatchObject({ dueDate: '2026-11-02', limit: 60 })
    expect(d.explanation).toEqual({
      en: '30 days from acceptance on 2026-09-03, extended once by 30 days on 2026-09-28 (complex), ends on Monday 2026-11-02',
      vi: '30 ngày kể từ ngày thụ lý 03/09/2026, gia hạn 1 lần thêm 30 ngày vào ngày 28/09/2026 (phức tạp), kết thúc vào Thứ Hai 02/11/2026',
    })
  })

  it('adds two extensions of an especially complex denunciation before moving off Sunday', () => {
    const f = facts({
      kind: 'denunciation',
      complexity: 'especially_complex',
      receivedOn: '2026-08-25',
      events: [
        accepted('2026-09-03'),
        { type: 'extended', on: '2026-09-28', days: 30, complexity: 'complex' },
        { type: 'extended', on: '2026-10-30', days: 20, complexity: 'especially_complex' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-10-30'), 'resolution')

    // 3 Sep + 80: 30 Sep (27), 31 Oct (58), Sun 22 Nov (80) → Mon 23 Nov.
    expect(d).toMatchObject({ dueDate: '2026-11-23', limit: 80 })
    expect(d.explanation.en).toContain(
      'extended twice: by 30 days on 2026-09-28 (complex) and by 20 days on 2026-10-30',
    )
  })

  it('adds the extension to the limit before the move forward, not after', () => {
    const f = facts({
      kind: 'denunciation',
      complexity: 'complex',
      receivedOn: '2026-09-25',
      events: [
        accepted('2026-10-02'),
        { type: 'extended', on: '2026-10-20', days: 30, complexity: 'complex' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-10-20'), 'resolution')

    // 2 Oct + 60 = Tue 1 Dec. (30 days alone end on Sun 1 Nov; moving first would give 2 Nov + 30 = 2 Dec.)
    expect(d.dueDate).toBe('2026-12-01')
  })

  it('sends the conclusion of a denunciation resolved on 24 April 2026 by 6 May', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-03-20',
      events: [accepted('2026-03-27'), resolved('2026-04-24')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-04-24'), 'decision_delivery')

    // 27 in lieu, 28(1) 29(2), 30 Apr 1 May off, 4(3) 5(4) 6(5).
    expect(d).toMatchObject({ dueDate: '2026-05-06', limit: 5, ruleSetId: 'vn-2019' })
  })

  it('sends the conclusion of a denunciation resolved on 3 February 2027 by 17 February, past Tết', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-12-21',
      events: [accepted('2026-12-28'), resolved('2027-02-03')],
    })

    const d = clock(computeDeadlines(f, context(), '2027-02-03'), 'decision_delivery')

    // 4(1), 5–11 Feb Tết and in lieu, 12(2) 15(3) 16(4) 17(5).
    expect(d).toMatchObject({ dueDate: '2027-02-17', ruleSetId: 'vn-2026-07' })
  })

  it('publishes the conclusion of a denunciation resolved on 11 February 2026 by 27 February', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-01-05',
      events: [accepted('2026-01-12'), resolved('2026-02-11')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-02-11'), 'publication')

    // 12(1) 13(2), Tết 16–20, 23(3) 24(4) 25(5) 26(6) 27(7).
    expect(d).toMatchObject({ dueDate: '2026-02-27', limit: 7, ruleSetId: 'vn-2019' })
  })

  it('publishes the conclusion of a denunciation resolved on 27 August 2026 by 9 September', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-07-20',
      events: [accepted('2026-07-27'), resolved('2026-08-27')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-08-27'), 'publication')

    // 28(1) 31(2), 1–2 Sep off, 3(3) 4(4) 7(5) 8(6) 9(7).
    expect(d).toMatchObject({ dueDate: '2026-09-09', ruleSetId: 'vn-2026-07' })
  })
})

describe('denunciation suspension (Law 25/2018 Art. 31: time not counted)', () => {
  it('allows suspending a denunciation under both rule sets', () => {
    const f = facts({ kind: 'denunciation', receivedOn: '2026-03-20', events: [accepted('2026-03-27')] })

    expect(() => assertCanSuspend(f, context(), '2026-04-10')).not.toThrow()
    expect(() => assertCanSuspend(f, context(), '2026-07-10')).not.toThrow()
  })

  it('counts a suspended calendar-day resolution on after resumption and moves it past National Day', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-07-16',
      events: [
        accepted('2026-07-23'),
        { type: 'suspended', on: '2026-08-05' },
        { type: 'resumed', on: '2026-08-15' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-08-20'), 'resolution')

    // Used 24 Jul–5 Aug = 13, 17 left from 15 Aug → Tue 1 Sep (adjacent day), Wed 2 Sep → Thu 3 Sep.
    expect(d.dueDate).toBe('2026-09-03')
    expect(d.explanation.en).toContain(
      'ends on Tuesday 2026-09-01 (National Day (adjacent day)) → moved to Thursday 2026-09-03',
    )
  })

  it('handles two suspensions in a row', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-08-25',
      events: [
        accepted('2026-09-03'),
        { type: 'suspended', on: '2026-09-10' },
        { type: 'resumed', on: '2026-09-20' },
        { type: 'suspended', on: '2026-09-25' },
        { type: 'resumed', on: '2026-10-05' },
      ],
    })

    const d = clock(computeDeadlines(f, context(), '2026-10-05'), 'resolution')

    // Used 4–10 Sep = 7 (23 left), 21–25 Sep = 5 (18 left), 5 Oct + 18 = Fri 23 Oct.
    expect(d).toMatchObject({ dueDate: '2026-10-23', state: 'running' })
  })

  it('is paused while suspended, with the due date it would have if resumed today', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-08-25',
      events: [accepted('2026-09-03'), { type: 'suspended', on: '2026-09-10' }],
    })

    const d = clock(computeDeadlines(f, context(), '2026-09-15'), 'resolution')

    // Used 4–10 Sep = 7, 23 left from 15 Sep → Thu 8 Oct.
    expect(d).toMatchObject({ dueDate: '2026-10-08', state: 'paused' })
    expect(d.explanation.en).toContain('counted as if resumed today (2026-09-15)')
  })

  it('stays missed when the suspension comes after the time limit ended', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-08-25',
      events: [accepted('2026-09-03'), { type: 'suspended', on: '2026-10-10' }],
    })

    const d = clock(computeDeadlines(f, context(), '2026-10-12'), 'resolution')

    // 3 Sep + 30 = Sat 3 Oct → Mon 5 Oct, before the suspension on 10 Oct.
    expect(d).toMatchObject({ dueDate: '2026-10-05', state: 'missed' })
  })

  it('gives a denunciation no suspension-notice clock', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-08-25',
      events: [accepted('2026-09-03'), { type: 'suspended', on: '2026-09-10' }],
    })

    expect(computeDeadlines(f, context(), '2026-09-15').map((d) => d.clock)).not.toContain(
      'suspension_notice',
    )
  })
})

describe('denunciation extension limits (Art. 30)', () => {
  const base = (complexity: 'normal' | 'complex' | 'especially_complex', events: ClockEvent[] = []) =>
    facts({
      kind: 'denunciation',
      complexity,
      receivedOn: '2026-08-25',
      events: [accepted('2026-09-03'), ...events],
    })

  it('allows one extension of up to 30 days for a complex case', () => {
    expect(() =>
      assertCanExtend(base('complex'), context(), { on: '2026-09-28', days: 30, complexity: 'complex' }),
    ).not.toThrow()
  })

  it('refuses to extend a case that is not complex', () => {
    expect(() =>
      assertCanExtend(base('normal'), context(), { on: '2026-09-28', days: 10, complexity: 'normal' }),
    ).toThrow(expect.objectContaining({ code: 'extension_not_allowed' }))
  })

  it('refuses a second extension of a complex case', () => {
    const f = base('complex', [{ type: 'extended', on: '2026-09-28', days: 30, complexity: 'complex' }])

    expect(() =>
      assertCanExtend(f, context(), { on: '2026-10-20', days: 10, complexity: 'complex' }),
    ).toThrow(expect.objectContaining({ code: 'extension_limit_reached' }))
  })

  it('allows a second but refuses a third extension of an especially complex case', () => {
    const once = base('especially_complex', [
      { type: 'extended', on: '2026-09-28', days: 30, complexity: 'especially_complex' },
    ])
    const twice = base('especially_complex', [
      { type: 'extended', on: '2026-09-28', days: 30, complexity: 'especially_complex' },
      { type: 'extended', on: '2026-10-30', days: 30, complexity: 'especially_complex' },
    ])
    const request = { on: '2026-10-30', days: 30, complexity: 'especially_complex' } as const

    expect(() => assertCanExtend(once, context(), request)).not.toThrow()
    expect(() => assertCanExtend(twice, context(), { ...request, on: '2026-11-20' })).toThrow(
      expect.objectContaining({ code: 'extension_limit_reached' }),
    )
  })

  it('refuses an extension longer than 30 days, or of no days', () => {
    expect(() =>
      assertCanExtend(base('complex'), context(), { on: '2026-09-28', days: 31, complexity: 'complex' }),
    ).toThrow(expect.objectContaining({ code: 'extension_too_long' }))
    expect(() =>
      assertCanExtend(base('complex'), context(), { on: '2026-09-28', days: 0, complexity: 'complex' }),
    ).toThrow(expect.objectContaining({ code: 'invalid_extension' }))
  })

  it('refuses an extension decided after the time limit ended', () => {
    // 3 Sep + 30 = Sat 3 Oct → Mon 5 Oct.
    expect(() =>
      assertCanExtend(base('complex'), context(), { on: '2026-10-05', days: 30, complexity: 'complex' }),
    ).not.toThrow()
    expect(() =>
      assertCanExtend(base('complex'), context(), { on: '2026-10-06', days: 30, complexity: 'complex' }),
    ).toThrow(expect.objectContaining({ code: 'extension_after_deadline' }))
  })

  it('refuses to extend before acceptance or after resolution', () => {
    const received = facts({ kind: 'denunciation', complexity: 'complex', receivedOn: '2026-08-25' })
    const done = base('complex', [resolved('2026-09-20')])

    expect(() =>
      assertCanExtend(received, context(), { on: '2026-09-01', days: 30, complexity: 'complex' }),
    ).toThrow(expect.objectContaining({ code: 'extension_not_allowed' }))
    expect(() =>
      assertCanExtend(done, context(), { on: '2026-09-28', days: 30, complexity: 'complex' }),
    ).toThrow(expect.objectContaining({ code: 'extension_not_allowed' }))
  })
})

describe('complaint and recommendation extension limits', () => {
  it('allows one declaration that a complaint is complex, and refuses a second', () => {
    const open = facts({ kind: 'complaint', receivedOn: '2026-07-03', events: [accepted('2026-07-10')] })
    const declared = {
      ...open,
      events: [
        accepted('2026-07-10'),
        { type: 'extended', on: '2026-07-20', days: 0, complexity: 'complex' } as const,
      ],
    }

    expect(() =>
      assertCanExtend(open, context(), { on: '2026-07-20', days: 0, complexity: 'complex' }),
    ).not.toThrow()
    expect(() =>
      assertCanExtend(declared, context(), { on: '2026-07-25', days: 0, complexity: 'especially_complex' }),
    ).toThrow(expect.objectContaining({ code: 'extension_limit_reached' }))
  })

  it('refuses to "extend" a complaint by declaring it normal', () => {
    const open = facts({ kind: 'complaint', receivedOn: '2026-07-03', events: [accepted('2026-07-10')] })

    expect(() =>
      assertCanExtend(open, context(), { on: '2026-07-20', days: 10, complexity: 'normal' }),
    ).toThrow(expect.objectContaining({ code: 'extension_not_allowed' }))
  })

  it('refuses to extend a recommendation', () => {
    const f = facts({ kind: 'recommendation', receivedOn: '2026-08-17', events: [accepted('2026-08-24')] })

    expect(() => assertCanExtend(f, context(), { on: '2026-08-25', days: 5, complexity: 'complex' })).toThrow(
      expect.objectContaining({ code: 'extension_not_allowed' }),
    )
  })
})

describe('reports to referrers and superiors', () => {
  it('reports back on a denunciation referred by the press on 10 April 2026 by Monday 4 May', () => {
    const f = facts({ kind: 'denunciation', referral: 'press', receivedOn: '2026-04-10' })

    const d = clock(computeDeadlines(f, context(), '2026-04-10'), 'referral_report')

    // 10 Apr + 20 = Thu 30 Apr (holiday), 1 May holiday, weekend → Mon 4 May.
    expect(d).toMatchObject({ dueDate: '2026-05-04', limit: 20, unit: 'days', ruleSetId: 'vn-2019' })
  })

  it('reports back on a denunciation referred by an authority on 13 August 2026 by Thursday 3 September', () => {
    const f = facts({ kind: 'denunciation', referral: 'authority', receivedOn: '2026-08-13' })

    const d = clock(computeDeadlines(f, context(), '2026-08-13'), 'referral_report')

    // 13 Aug + 18 = 31 Aug, + 2 = Wed 2 Sep (National Day) → Thu 3 Sep.
    expect(d).toMatchObject({ dueDate: '2026-09-03', ruleSetId: 'vn-2026-07' })
  })

  it('runs no referral report for a case a deputy sent', () => {
    const f = facts({ kind: 'denunciation', referral: 'deputy', receivedOn: '2026-08-13' })

    expect(computeDeadlines(f, context(), '2026-08-13').map((d) => d.clock)).not.toContain('referral_report')
  })

  it('gives an escalated denunciation 5 + 5 working days from 23 April 2026, to 12 May', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-01-05',
      events: [accepted('2026-01-12'), { type: 'escalated', on: '2026-04-23' }],
    })

    const d = clock(computeDeadlines(f, context(), '2026-04-23'), 'escalation_report')

    // 24(1) 28(2) 29(3) May 4(4) 5(5) 6(6) 7(7) 8(8) 11(9) 12(10).
    expect(d).toMatchObject({ dueDate: '2026-05-12', limit: 10, ruleSetId: 'vn-2019' })
  })

  it('gives an escalated denunciation 5 + 5 working days from 28 January 2027, to 18 February', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-11-02',
      events: [accepted('2026-11-09'), { type: 'escalated', on: '2027-01-28' }],
    })

    const d = clock(computeDeadlines(f, context(), '2027-01-28'), 'escalation_report')

    // 29(1) Feb 1(2) 2(3) 3(4) 4(5), Tết 5–11, 12(6) 15(7) 16(8) 17(9) 18(10).
    expect(d).toMatchObject({ dueDate: '2027-02-18', ruleSetId: 'vn-2026-07' })
  })

  it('reports the result of a case a deputy sent 7 working days after its resolution on 24 June 2026', () => {
    const f = facts({
      kind: 'complaint',
      referral: 'deputy',
      receivedOn: '2026-05-18',
      events: [accepted('2026-05-25'), resolved('2026-06-24')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-06-24'), 'result_report')

    // 25(1) 26(2) 29(3) 30(4) Jul 1(5) 2(6) 3(7).
    expect(d).toMatchObject({ dueDate: '2026-07-03', ruleSetId: 'vn-2019' })
  })

  it('reports the result of a case an agency sent 7 working days after its resolution on 28 December 2026', () => {
    const f = facts({
      kind: 'feedback',
      referral: 'agency',
      receivedOn: '2026-12-07',
      events: [accepted('2026-12-14'), resolved('2026-12-28')],
    })

    const d = clock(computeDeadlines(f, context(), '2026-12-28'), 'result_report')

    // 29(1) 30(2) 31(3), 1 Jan off, 4(4) 5(5) 6(6) 7(7).
    expect(d).toMatchObject({ dueDate: '2027-01-07', ruleSetId: 'vn-2026-07' })
  })
})

describe('recommendations and feedback (processing 10 WD, forward 5 WD, answer 10 WD)', () => {
  it('processes a recommendation received on 19 June 2026 by 3 July under the old rule set', () => {
    const f = facts({ kind: 'recommendation', receivedOn: '2026-06-19' })

    const d = clock(computeDeadlines(f, context(), '2026-06-19'), 'acceptance')

    // 22(1) 23 24 25 26(5) 29(6) 30(7) Jul 1(8) 2(9) 3(10).
    expect(d).toMatchObject({ dueDate: '2026-07-03', limit: 10, ruleSetId: 'vn-2019' })
  })

  it('processes feedback received on 3 February 2027 by 24 February, past Tết', () => {
    const f = facts({ kind: 'feedback', receivedOn: '2027-02-03' })

    const d = clock(computeDeadlines(f, context(), '2027-02-03'), 'acceptance')

    // 4(1), 5–11 off, 12(2) 15(3) 16(4) 17(5) 18(6) 19(7) 22(8) 23(9) 24(10).
    expect(d).toMatchObject({ dueDate: '2027-02-24', ruleSetId: 'vn-2026-07' })
  })

  it('takes the processing limit from the organisation setting', () => {
    const f = facts({ kind: 'feedback', receivedOn: '2027-02-03' })

    const d = clock(
      computeDeadlines(f, context({ limits: { petitionProcessing: 3 } }), '2027-02-03'),
      'acceptance',
    )

    // 4(1) 12(2) 15(3).
    expect(d).toMatchObject({ dueDate: '2027-02-15', limit: 3 })
  })

  it('forwards a recommendation received on 24 June 2026 by 1 July, bound to the old rule set', () => {
    const f = facts({ kind: 'recommendation', receivedOn: '2026-06-24' })

    const d = clock(computeDeadlines(f, context(), '2026-06-24'), 'transfer')

    // 25(1) 26(2) 29(3) 30(4) Jul 1(5).
    expect(d).toMatchObject({ dueDate: '2026-07-01', ruleSetId: 'vn-2019' })
    expect(d.basis).toBe('Nghị định 20/2008/NĐ-CP, Điều 9')
  })

  it('forwards feedback received on 28 April 2027 by 7 May, met when transferred on the 6th', () => {
    const f = facts({
      kind: 'feedback',
      receivedOn: '2027-04-28',
      events: [{ type: 'decided', on: '2027-05-06', decision: 'transferred' }],
    })

    const d = clock(computeDeadlines(f, context(), '2027-05-06'), 'transfer')

    // 29(1), 30 Apr off, Mon 3 May in lieu of Sat 1 May, 4(2) 5(3) 6(4) 7(5).
    expect(d).toMatchObject({ dueDate: '2027-05-07', state: 'met', ruleSetId: 'vn-2026-07' })
  })

  it('answers a recommendation accepted on 20 April 2026 by 7 May', () => {
    const f = facts({ kind: 'recommendation', receivedOn: '2026-04-13', events: [accepted('2026-04-20')] })

    const d = clock(computeDeadlines(f, context(), '2026-04-20'), 'resolution')

    // 21(1) 22 23 24(4) 28(5) 29(6) May 4(7) 5(8) 6(9) 7(10).
    expect(d).toMatchObject({ dueDate: '2026-05-07', unit: 'working_days', ruleSetId: 'vn-2019' })
  })

  it('answers feedback accepted on 24 August 2026 by 9 September, or 16 September with a 15-day setting', () => {
    const f = facts({ kind: 'feedback', receivedOn: '2026-08-17', events: [accepted('2026-08-24')] })

    const standard = clock(computeDeadlines(f, context(), '2026-08-24'), 'resolution')
    const custom = clock(
      computeDeadlines(f, context({ limits: { recommendationAnswer: 15 } }), '2026-08-24'),
      'resolution',
    )

    // 25 26 27 28(4) 31(5) Sep 3(6) 4(7) 7(8) 8(9) 9(10) | 10(11) 11(12) 14(13) 15(14) 16(15).
    expect(standard.dueDate).toBe('2026-09-09')
    expect(custom).toMatchObject({ dueDate: '2026-09-16', limit: 15 })
  })

  it('refuses a limit setting that is not a whole number of at least one', () => {
    const f = facts({ kind: 'feedback', receivedOn: '2026-08-17', events: [accepted('2026-08-24')] })

    expect(() => computeDeadlines(f, context({ limits: { recommendationAnswer: 0 } }), '2026-08-24')).toThrow(
      expect.objectContaining({ code: 'invalid_setting' }),
    )
  })
})

describe('ending a case', () => {
  it('ends open clocks on withdrawal: met when on time, missed when late', () => {
    const f = facts({
      kind: 'denunciation',
      receivedOn: '2026-08-27',
      events: [accepted('2026-09-03'), { type: 'withdrawn', on: '2026-09-14' }],
    })

    const deadlines = computeDeadlines(f, context(), '2026-10-30')

    // Resolution due Mon 5 Oct: met. Parties notice 4(1) 7 8 9 10(5) = 10 Sep: missed on 14 Sep.
    expect(clock(deadlines, 'resolution')).toMatchObject({ state: 'met', doneOn: '2026-09-14' })
    expect(clock(deadlines, 'parties_notice')).toMatchObject({ state: 'missed', doneOn: '2026-09-14' })
  })

  it('completes the duties after resolution when the case is closed', () => {
    const f = facts({
      kind: 'complaint',
      receivedOn: '2026-07-20',
      events: [accepted('2026-07-24'), resolved('2026-08-28'), { type: 'closed', on: '2026-09-02' }],
    })

    const d = clock(computeDeadlines(f, context(), '2026-09-30'), 'decision_delivery')

    expect(d).toMatchObject({ state: 'met', doneOn: '2026-09-02' })
  })
})

describe('next due date for the queue', () => {
  it('takes the earliest open organisation clock, overdue ones included, and ignores the petitioner’s', () => {
    const f = facts({
      kind: 'complaint',
      channel: 'in_person',
      receivedOn: '2026-04-22',
      knownOn: '2026-02-20',
    })

    const deadlines = computeDeadlines(f, context(), '2026-05-05')

    // Acceptance: 22 Apr + 10 = Sat 2 May → Mon 4 May, overdue and open. Reception response: 11 May.
    // Limitation: 20 Feb + 90 = Thu 21 May, later, and the petitioner's anyway.
    expect(clock(deadlines, 'acceptance').state).toBe('missed')
    expect(nextDue(deadlines)).toBe('2026-05-04')
    expect(nextDue(deadlines.filter((d) => d.clock !== 'acceptance'))).toBe('2026-05-11')
  })

  it('leaves out met and paused clocks and returns nothing when nothing is open', () => {
    const paused = facts({
      kind: 'denunciation',
      receivedOn: '2026-08-25',
      events: [
        accepted('2026-09-03'),
        { type: 'clock_done', clock: 'parties_notice', on: '2026-09-04' },
        { type: 'suspended', on: '2026-09-10' },
      ],
    })

    expect(nextDue(computeDeadlines(paused, context(), '2026-09-15'))).toBeUndefined()
  })
})

describe('rule sets and calendars from the context', () => {
  it('refuses a clock that starts before any rule set', () => {
    const f = facts({ kind: 'complaint', receivedOn: '2018-12-31' })

    expect(() => computeDeadlines(f, context(), '2019-01-02')).toThrow(
      expect.objectContaining({ code: 'no_rule_set' }),
    )
  })

  it('uses the rule sets given in the context', () => {
    const custom: RuleSet = {
      id: 'test',
      name: { vi: 'thử', en: 'test' },
      effectiveFrom: '2000-01-01',
      rules: [
        {
          id: 'x',
          clock: 'acceptance',
          kinds: ['complaint'],
          limit: 2,
          unit: 'working_days',
          basis: { vi: 'v', en: 'e' },
        },
      ],
      suspension: [],
    }
    const f = facts({ kind: 'complaint', receivedOn: '2026-07-03' })

    const deadlines = computeDeadlines(f, context({}, { ruleSets: [custom] }), '2026-07-03')

    // 6(1) 7(2).
    expect(deadlines).toHaveLength(1)
    expect(deadlines[0]).toMatchObject({ clock: 'acceptance', dueDate: '2026-07-07', ruleSetId: 'test' })
  })

  it('counts an admin’s bridge day off in the working days', () => {
    const bridged = new WorkingCalendar([{ year: 2026, daysOff: [{ date: '2026-07-06' }] }])
    const f = facts({ kind: 'complaint', receivedOn: '2026-07-03' })

    const d = clock(computeDeadlines(f, context({}, { calendar: bridged }), '2026-07-03'), 'acceptance')

    // 6 Jul off: 7(1) 8(2) 9(3) 10(4) 13(5) 14(6) 15(7).
    expect(d.dueDate).toBe('2026-07-15')
  })

  it('computes all the clocks of a busy case in well under a millisecond', () => {
    const f = facts({
      kind: 'denunciation',
      channel: 'in_person',
      referral: 'press',
      complexity: 'especially_complex',
      receivedOn: '2026-08-20',
      events: [
        accepted('2026-09-03'),
        { type: 'extended', on: '2026-09-28', days: 30, complexity: 'complex' },
        { type: 'suspended', on: '2026-10-05' },
        { type: 'resumed', on: '2026-10-10' },
        { type: 'escalated', on: '2026-11-20' },
      ],
    })
    const ctx = context()
    // Warm the calendar's year cache and the JIT, then keep the best of several batches so that a
    // busy machine (tests run in parallel) does not make the measure flaky.
    for (let i = 0; i < 300; i++) computeDeadlines(f, ctx, '2026-11-25')

    const batches = Array.from({ length: 5 }, () => {
      const started = performance.now()
      for (let i = 0; i < 200; i++) computeDeadlines(f, ctx, '2026-11-25')
      return (performance.now() - started) / 200
    })
    const perCase = Math.min(...batches)

    expect(perCase).toBeLessThan(0.5)
  })
})
