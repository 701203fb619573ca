/**
 * The deadline watch (shared/domain/watch.ts): which steps a running clock brings and on which day,
 * on the real working calendar with the default settings (reminders 3 and 1 working days before
 * the due date, overdue the day after, the head 2 working days after the overdue mark, the parent
 * committee and the supervisors past 1.5 × the limit). Every expected date is worked out by hand
 * in the comment beside it. Days off used below:
 *   December 2026: none (weekends only); Fri 1 Jan 2027 (New Year).
 *   Tết 2027: eve Fri 5 Feb, mùng 1–4 Sat 6 – Tue 9 Feb; mùng 1 and 2 fall on the weekend, so the
 *   substitute days are Wed 10 and Thu 11 Feb. Fri 12 Feb is the first working day after Tết.
 */
import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import {
  type ClockEvent,
  type ClockFacts,
  computeDeadlines,
  type DeadlineContext,
} from '../../shared/domain/deadlines.js'
import type { Status } from '../../shared/domain/lifecycle.js'
import type { Kind } from '../../shared/domain/vocabulary.js'
import {
  DEFAULT_WATCH_SETTINGS,
  dueSteps,
  escalationLevel,
  nextWatchDate,
  pendingNews,
  plannedSteps,
  type WatchSettings,
  type WatchStep,
  watchSettingsSchema,
} from '../../shared/domain/watch.js'
import { fieldProblems } from '../../shared/http/field-problems.js'

const calendar = new WorkingCalendar()
const ctx: DeadlineContext = { calendar, settings: { daysMode: 'calendar' } }

function facts(kind: Kind, receivedOn: string, events: ClockEvent[], extra: Partial<ClockFacts> = {}) {
  const f: ClockFacts = {
    kind,
    channel: 'post',
    receivedOn,
    instance: 1,
    remoteArea: false,
    complexity: 'normal',
    severalPlaces: false,
    events,
    ...extra,
  }
  return f
}

/** The steps of a case on `today`, as the sweep computes them. */
function stepsOf(
  kind: Kind,
  status: Status,
  f: ClockFacts,
  today: string,
  settings: WatchSettings = DEFAULT_WATCH_SETTINGS,
): WatchStep[] {
  return plannedSteps({ kind, status }, computeDeadlines(f, ctx, today), settings, calendar)
}

/** id → day, the shape the hand-worked expectations are written in. */
const days = (steps: readonly WatchStep[]) => Object.fromEntries(steps.map((s) => [s.id, s.on]))

const accepted = (on: string): ClockEvent => ({ type: 'accepted', on })

describe('plannedSteps: the ladder of one clock', () => {
  it('plans a complaint accepted on Thursday 26/11/2026: reminders 23 and 25 Dec, overdue 29 Dec, head 31 Dec, very overdue 13 Jan', () => {
    // Arrange: received Fri 20/11, accepted Thu 26/11 (the acceptance clock is met and brings nothing).
    const f = facts('complaint', '2026-11-20', [accepted('2026-11-26')])

    // Act
    const steps = stepsOf('complaint', 'accepted', f, '2026-11-26')

    // Assert. Resolution: 26/11 + 30 days = Sat 26/12, moved to Mon 28/12 (Civil Code Art. 148).
    // 3 WD before Mon 28/12: Fri 25 (1), Thu 24 (2), Wed 23 (3); 1 WD before: Fri 25 (no holiday).
    // Overdue: the day after, Tue 29/12. Head: 2 WD after Tue 29: Wed 30 (1), Thu 31 (2).
    // Very overdue: 30 × (1.5 − 1) = 15 more days after 28/12 = Tue 12/01/2027; the day after: Wed 13/01.
    expect(steps).toEqual([
      {
        id: 'resolution@2026-12-28:reminder-3',
        clock: 'resolution',
        dueDate: '2026-12-28',
        step: 'reminder',
        daysBefore: 3,
        on: '2026-12-23',
        audience: 'committee',
        level: 0,
      },
      {
        id: 'resolution@2026-12-28:reminder-1',
        clock: 'resolution',
        dueDate: '2026-12-28',
        step: 'reminder',
        daysBefore: 1,
        on: '2026-12-25',
        audience: 'committee',
        level: 0,
      },
      {
        id: 'resolution@2026-12-28:overdue',
        clock: 'resolution',
        dueDate: '2026-12-28',
        step: 'overdue',
        on: '2026-12-29',
        audience: 'committee',
        level: 1,
      },
      {
        id: 'resolution@2026-12-28:head',
        clock: 'resolution',
        dueDate: '2026-12-28',
        step: 'escalate_head',
        on: '2026-12-31',
        audience: 'head',
        level: 2,
      },
      {
        id: 'resolution@2026-12-28:very-overdue',
        clock: 'resolution',
        dueDate: '2026-12-28',
        step: 'very_overdue',
        on: '2027-01-13',
        audience: 'parent_and_supervisors',
        level: 3,
      },
    ])
  })

  it('counts the reminders of a calendar-day clock around Tết 2027 and its substitute days', () => {
    // Arrange: a complaint accepted Tue 12/01/2027.
    const f = facts('complaint', '2027-01-04', [accepted('2027-01-12')])

    // Act
    const steps = stepsOf('complaint', 'accepted', f, '2027-01-12')

    // Assert. 12/01 + 30 = Thu 11/02, a substitute day; Fri 12/02 is the first working day.
    // 3 WD before Fri 12/02, skipping 5–11 Feb: Thu 4 (1), Wed 3 (2), Tue 2 (3).
    // Overdue Sat 13/02; head 2 WD after it: Mon 15 (1), Tue 16 (2).
    // Very overdue: 15 days after 12/02 = Sat 27/02; the day after: Sun 28/02.
    expect(days(steps)).toEqual({
      'resolution@2027-02-12:reminder-3': '2027-02-02',
      'resolution@2027-02-12:reminder-1': '2027-02-04',
      'resolution@2027-02-12:overdue': '2027-02-13',
      'resolution@2027-02-12:head': '2027-02-16',
      'resolution@2027-02-12:very-overdue': '2027-02-28',
    })
  })

  it('counts a working-day clock, and its very-overdue mark, in working days across Tết 2027', () => {
    // Arrange: a denunciation received Mon 1/02/2027, not yet decided: initial processing (7 WD)
    // and the transfer clock (5 WD) both run.
    const f = facts('denunciation', '2027-02-01', [])

    // Act
    const steps = stepsOf('denunciation', 'received', f, '2027-02-01')

    // Assert. Working days after 1/02: Tue 2 (1), Wed 3 (2), Thu 4 (3), [5–11 off], Fri 12 (4),
    // Mon 15 (5), Tue 16 (6), Wed 17 (7), Thu 18 (8), Fri 19 (9), Mon 22 (10), Tue 23 (11).
    // Transfer due Mon 15/02: reminders 3 WD before = Wed 3/02 (12, 4, 3), 1 WD before = Fri 12/02;
    //   overdue Tue 16; head 2 WD after: Wed 17, Thu 18; very: ⌈5 × 0.5⌉ = 3 WD after 15/02 = Thu 18, +1 day = Fri 19.
    // Acceptance due Wed 17/02: reminders Fri 12/02 (16, 15, 12) and Tue 16/02; overdue Thu 18;
    //   head: Fri 19, Mon 22; very: ⌈7 × 0.5⌉ = 4 WD after 17/02 = Tue 23, +1 day = Wed 24.
    expect(days(steps)).toEqual({
      'transfer@2027-02-15:reminder-3': '2027-02-03',
      'transfer@2027-02-15:reminder-1': '2027-02-12',
      'transfer@2027-02-15:overdue': '2027-02-16',
      'transfer@2027-02-15:head': '2027-02-18',
      'transfer@2027-02-15:very-overdue': '2027-02-19',
      'acceptance@2027-02-17:reminder-3': '2027-02-12',
      'acceptance@2027-02-17:reminder-1': '2027-02-16',
      'acceptance@2027-02-17:overdue': '2027-02-18',
      'acceptance@2027-02-17:head': '2027-02-22',
      'acceptance@2027-02-17:very-overdue': '2027-02-24',
    })
    // In date order, ties by id.
    expect(steps.map((s) => s.on)).toEqual([...steps.map((s) => s.on)].sort())
  })

  it('skips a reminder that would fall on or before the day its clock started', () => {
    // Arrange: a complaint resolved Mon 7/12/2026; sending the decision takes 3 WD: Tue 8, Wed 9, Thu 10.
    const f = facts('complaint', '2026-11-02', [
      accepted('2026-11-05'),
      { type: 'resolved', on: '2026-12-07' },
    ])

    // Act
    const steps = stepsOf('complaint', 'resolved', f, '2026-12-07')

    // Assert: 3 WD before Thu 10 is Mon 7, the day the clock started: no such reminder.
    // 1 WD before: Wed 9. Overdue Fri 11; head: Mon 14, Tue 15; very: ⌈1.5⌉ = 2 WD after 10/12 = Mon 14, +1 = Tue 15.
    expect(days(steps)).toEqual({
      'decision_delivery@2026-12-10:reminder-1': '2026-12-09',
      'decision_delivery@2026-12-10:overdue': '2026-12-11',
      'decision_delivery@2026-12-10:head': '2026-12-15',
      'decision_delivery@2026-12-10:very-overdue': '2026-12-15',
    })
  })

  it('plans no reminder at all when every configured reminder is longer than the clock', () => {
    // Arrange: reminders 10 WD before, on a 7-WD acceptance clock (complaint received Fri 20/11/2026).
    const settings: WatchSettings = {
      ...DEFAULT_WATCH_SETTINGS,
      reminderWorkingDays: { ...DEFAULT_WATCH_SETTINGS.reminderWorkingDays, complaint: [10] },
    }
    const f = facts('complaint', '2026-11-20', [])

    // Act
    const steps = stepsOf('complaint', 'received', f, '2026-11-20', settings)

    // Assert
    expect(steps.filter((s) => s.step === 'reminder')).toEqual([])
    expect(steps.map((s) => s.step)).toEqual(['overdue', 'escalate_head', 'very_overdue'])
  })

  it("follows the kind's own reminder days, head delay and very-overdue multiple", () => {
    // Arrange: recommendations reminded 5 WD before; the head 1 WD after; very overdue past 2 × the limit.
    const settings: WatchSettings = {
      reminderWorkingDays: { ...DEFAULT_WATCH_SETTINGS.reminderWorkingDays, recommendation: [5] },
      headAfterWorkingDays: 1,
      veryOverdueMultiple: 2,
    }
    const f = facts('recommendation', '2026-11-26', [])

    // Act
    const steps = stepsOf('recommendation', 'received', f, '2026-11-26', settings)

    // Assert. From Thu 26/11: Fri 27 (1), Mon 30 (2), Tue 1/12 (3), Wed 2 (4), Thu 3 (5), Fri 4 (6),
    // Mon 7 (7), Tue 8 (8), Wed 9 (9), Thu 10 (10).
    // Transfer (5 WD) due Thu 3/12: 5 WD before = Thu 26/11, the start: skipped. Overdue Fri 4;
    //   head 1 WD after: Mon 7; very: 5 more WD after 3/12 = Thu 10, +1 = Fri 11.
    // Processing (10 WD) due Thu 10/12: reminder 5 WD before = Thu 3/12; overdue Fri 11; head Mon 14;
    //   very: 10 more WD after 10/12 = 11, 14, 15, 16, 17, 18, 21, 22, 23, 24 → Thu 24, +1 = Fri 25.
    expect(days(steps)).toEqual({
      'transfer@2026-12-03:overdue': '2026-12-04',
      'transfer@2026-12-03:head': '2026-12-07',
      'transfer@2026-12-03:very-overdue': '2026-12-11',
      'acceptance@2026-12-10:reminder-5': '2026-12-03',
      'acceptance@2026-12-10:overdue': '2026-12-11',
      'acceptance@2026-12-10:head': '2026-12-14',
      'acceptance@2026-12-10:very-overdue': '2026-12-25',
    })
  })
})

describe('plannedSteps: clocks that bring nothing', () => {
  it('plans nothing for a resolution clock while the case is suspended, and re-plans it on resumption', () => {
    // Arrange: a complaint accepted Thu 26/11/2026, suspended Tue 1/12 (the system's message is the
    // suspension notice, so that clock is done the same day), resumed Thu 10/12.
    const suspended: ClockEvent[] = [
      accepted('2026-11-26'),
      { type: 'suspended', on: '2026-12-01' },
      { type: 'clock_done', clock: 'suspension_notice', on: '2026-12-01' },
    ]
    const whileSuspended = facts('complaint', '2026-11-20', suspended)
    const afterResumption = facts('complaint', '2026-11-20', [
      ...suspended,
      { type: 'resumed', on: '2026-12-10' },
    ])

    // Act
    const paused = stepsOf('complaint', 'suspended', whileSuspended, '2026-12-09')
    const resumed = stepsOf('complaint', 'accepted', afterResumption, '2026-12-10')

    // Assert: the clock is paused (precondition) and brings no step.
    const resolution = computeDeadlines(whileSuspended, ctx, '2026-12-09').find(
      (d) => d.clock === 'resolution',
    )
    expect(resolution?.state).toBe('paused')
    expect(paused).toEqual([])
    // 5 days used (27/11 … 1/12); 25 left from Thu 10/12 → Mon 4/01/2027. 3 WD before: Thu 31/12
    // (1), Wed 30 (2), Tue 29 (3); 1 WD before: Thu 31/12 (Fri 1/1 is New Year).
    expect(resumed.filter((s) => s.clock === 'resolution' && s.step === 'reminder').map((s) => s.on)).toEqual(
      ['2026-12-29', '2026-12-31'],
    )
  })

  it('plans no reminder for a day on which the clock was still paused', () => {
    // Arrange: a denunciation accepted Mon 4/01/2027 (due Wed 3/02), suspended Mon 1/02 after 28 of its
    // 30 days, resumed Mon 15/02: 2 days left → Wed 17/02. 3 WD before 17/02 is Fri 12/02 (16, 15, 12),
    // while the case was suspended: found by the first sweep after the resumption, it would tell the
    // committee "3 working days left" when 2 are (Tue 16 and Wed 17).
    const f = facts('denunciation', '2027-01-04', [
      accepted('2027-01-04'),
      { type: 'clock_done', clock: 'parties_notice', on: '2027-01-04' },
      { type: 'suspended', on: '2027-02-01' },
      { type: 'resumed', on: '2027-02-15' },
    ])

    // Act
    const steps = stepsOf('denunciation', 'accepted', f, '2027-02-15')

    // Assert
    expect(days(steps.filter((s) => s.step === 'reminder'))).toEqual({
      'resolution@2027-02-17:reminder-1': '2027-02-16',
    })
  })

  it.each<Status>(['closed', 'withdrawn', 'not_accepted', 'transferred', 'guided', 'filed', 'duplicate'])(
    'plans nothing for a %s case, even when it is handed running clocks',
    (status) => {
      // Arrange: clocks computed as if the case were still open.
      const deadlines = computeDeadlines(facts('complaint', '2026-11-20', []), ctx, '2026-12-31')
      expect(deadlines.some((d) => d.state === 'missed')).toBe(true)

      // Act
      const steps = plannedSteps({ kind: 'complaint', status }, deadlines, DEFAULT_WATCH_SETTINGS, calendar)

      // Assert
      expect(steps).toEqual([])
    },
  )

  it("plans nothing for a clock already done, nor for the petitioner's own clocks", () => {
    // Arrange: the limitation period (the petitioner's time) and a met acceptance clock beside the
    // running resolution clock.
    const f = facts('complaint', '2026-11-20', [accepted('2026-11-26')], { knownOn: '2026-11-01' })
    const deadlines = computeDeadlines(f, ctx, '2026-11-26')
    expect(deadlines.map((d) => d.clock)).toEqual(['limitation', 'acceptance', 'resolution'])

    // Act
    const steps = plannedSteps(
      { kind: 'complaint', status: 'accepted' },
      deadlines,
      DEFAULT_WATCH_SETTINGS,
      calendar,
    )

    // Assert
    expect(new Set(steps.map((s) => s.clock))).toEqual(new Set(['resolution']))
  })
})

describe('plannedSteps: a new due date', () => {
  it("gives an extended clock new step ids, so no step of the old due date is mistaken for the new one's", () => {
    // Arrange: a complex denunciation accepted Tue 1/12/2026 (due Thu 31/12), extended by 20 days on Tue 29/12.
    const base: ClockEvent[] = [
      accepted('2026-12-01'),
      { type: 'clock_done', clock: 'parties_notice', on: '2026-12-01' },
    ]
    const before = facts('denunciation', '2026-11-30', base, { complexity: 'complex' })
    const after = facts(
      'denunciation',
      '2026-11-30',
      [...base, { type: 'extended', on: '2026-12-29', days: 20, complexity: 'complex' }],
      { complexity: 'complex' },
    )

    // Act
    const old = stepsOf('denunciation', 'accepted', before, '2026-12-28')
    const extended = stepsOf('denunciation', 'accepted', after, '2026-12-29')

    // Assert. Before: 1/12 + 30 = Thu 31/12: reminders Mon 28 (30, 29, 28) and Wed 30.
    expect(days(old.filter((s) => s.step === 'reminder'))).toEqual({
      'resolution@2026-12-31:reminder-3': '2026-12-28',
      'resolution@2026-12-31:reminder-1': '2026-12-30',
    })
    // After: 1/12 + 50 = Wed 20/01/2027: reminders Fri 15/01 (19, 18, 15) and Tue 19/01; overdue
    // Thu 21; head Fri 22, Mon 25; very: 50 × 0.5 = 25 days after 20/01 = Sun 14/02, +1 = Mon 15/02.
    expect(days(extended)).toEqual({
      'resolution@2027-01-20:reminder-3': '2027-01-15',
      'resolution@2027-01-20:reminder-1': '2027-01-19',
      'resolution@2027-01-20:overdue': '2027-01-21',
      'resolution@2027-01-20:head': '2027-01-25',
      'resolution@2027-01-20:very-overdue': '2027-02-15',
    })
    const oldIds = new Set(old.map((s) => s.id))
    expect(extended.filter((s) => oldIds.has(s.id))).toEqual([])
  })
})

/** The plan of the first test (reminders 23 and 25 Dec, overdue 29 Dec, head 31 Dec, very overdue 13 Jan), for the pure helpers. */
function resolutionDueOn28December(): WatchStep[] {
  const f = facts('complaint', '2026-11-20', [accepted('2026-11-26')])
  return stepsOf('complaint', 'accepted', f, '2026-11-26')
}

describe('dueSteps', () => {
  it('returns the steps due on or before today that are not recorded yet', () => {
    // Arrange
    const planned = resolutionDueOn28December()
    const done = { 'resolution@2026-12-28:reminder-3': '2026-12-22T17:00:00.000Z' }

    // Act
    const due = dueSteps(planned, done, '2026-12-29')

    // Assert
    expect(due.map((s) => s.id)).toEqual([
      'resolution@2026-12-28:reminder-1',
      'resolution@2026-12-28:overdue',
    ])
  })

  it('returns nothing the day before the first step', () => {
    expect(dueSteps(resolutionDueOn28December(), {}, '2026-12-22')).toEqual([])
  })
})

describe('nextWatchDate', () => {
  it('is the day of the earliest step not yet recorded', () => {
    // Arrange
    const planned = resolutionDueOn28December()
    const done = {
      'resolution@2026-12-28:reminder-3': 'x',
      'resolution@2026-12-28:reminder-1': 'x',
    }

    // Act / Assert
    expect(nextWatchDate(planned, done, false, '2026-12-26')).toBe('2026-12-29')
  })

  it('is today when somebody has news waiting, unless a step is due even earlier', () => {
    const planned = resolutionDueOn28December()

    expect(nextWatchDate(planned, {}, true, '2026-12-01')).toBe('2026-12-01')
    expect(nextWatchDate(planned, {}, true, '2026-12-24')).toBe('2026-12-23')
  })

  it('is undefined once every step is recorded and nobody has news, so the case leaves the index', () => {
    const planned = resolutionDueOn28December()
    const done = Object.fromEntries(planned.map((s) => [s.id, 'x']))

    expect(nextWatchDate(planned, done, false, '2027-01-13')).toBeUndefined()
    expect(nextWatchDate([], {}, false, '2027-01-13')).toBeUndefined()
    expect(nextWatchDate([], {}, true, '2027-01-13')).toBe('2027-01-13')
  })
})

describe('escalationLevel', () => {
  it('climbs one rung per step recorded: reminders 0, overdue 1, head 2, very overdue 3', () => {
    // Arrange
    const planned = resolutionDueOn28December()
    const upTo = (n: number) => Object.fromEntries(planned.slice(0, n).map((s) => [s.id, 'x']))

    // Act
    const levels = [0, 1, 2, 3, 4, 5].map((n) => escalationLevel(planned, upTo(n)))

    // Assert
    expect(levels).toEqual([0, 0, 0, 1, 2, 3])
  })

  it('forgets the rungs reached on a due date that no longer applies', () => {
    // Arrange: overdue and head were recorded for 28/12; the plan now is for another due date.
    const planned = resolutionDueOn28December().map((s) => ({
      ...s,
      id: s.id.replace('2026-12-28', '2027-01-12'),
    }))
    const done = { 'resolution@2026-12-28:overdue': 'x', 'resolution@2026-12-28:head': 'x' }

    // Act / Assert
    expect(escalationLevel(planned, done)).toBe(0)
  })
})

describe('pendingNews', () => {
  const event = (seq: number, type: string, isPublic = true) => ({
    seq,
    at: '2026-11-26T03:00:00Z',
    type,
    actor: { kind: 'staff' as const },
    public: isPublic,
    data: {},
    prevHash: '',
    hash: '',
  })
  const history = [
    event(1, 'submitted'),
    event(2, 'accepted'),
    event(3, 'identity_revealed', false),
    event(4, 'extended'),
    event(5, 'escalated'),
  ]

  it('gives the petitioner the public steps after the last one they were told of', () => {
    const news = pendingNews({ anonymous: false, history }, 1)

    expect(news.citizen.map((e) => e.type)).toEqual(['accepted', 'extended'])
    expect(news.staff.map((e) => e.type)).toEqual(['escalated'])
  })

  it('gives an anonymous petitioner nothing', () => {
    expect(pendingNews({ anonymous: true, history }, 0).citizen).toEqual([])
  })
})

describe('watchSettingsSchema', () => {
  const withComplaintReminders = (list: number[]) => ({
    ...DEFAULT_WATCH_SETTINGS,
    reminderWorkingDays: { ...DEFAULT_WATCH_SETTINGS.reminderWorkingDays, complaint: list },
  })
  const problems = (value: unknown, lang: 'vi' | 'en' = 'en') => {
    const parsed = watchSettingsSchema.safeParse(value)
    if (parsed.success) return []
    return fieldProblems(parsed.error, lang)
  }

  it('accepts the defaults', () => {
    expect(watchSettingsSchema.safeParse(DEFAULT_WATCH_SETTINGS).success).toBe(true)
  })

  it.each([
    ['a negative reminder', [-2], 'Too small: expected number to be >=1'],
    ['a reminder 0 days before', [0], 'Too small: expected number to be >=1'],
    ['a reminder beyond the 10-working-day limit', [3, 11], 'Too big: expected number to be <=10'],
    ['a reminder in part of a day', [1.5], 'is required and must be a whole number'],
  ])('refuses %s, naming the field and the rule', (_, list, message) => {
    // Act
    const found = problems(withComplaintReminders(list))

    // Assert
    expect(found).toHaveLength(1)
    expect(found[0]?.field).toBe(`reminderWorkingDays.complaint.${list.length - 1}`)
    expect(found[0]?.message).toBe(message)
  })

  it('says so in Vietnamese too', () => {
    expect(problems(withComplaintReminders([-2]), 'vi')[0]?.message).toBe('Quá nhỏ: mong đợi number >=1')
  })

  it('refuses more than three reminders for a kind', () => {
    expect(problems(withComplaintReminders([5, 3, 2, 1]))).toEqual([
      {
        field: 'reminderWorkingDays.complaint',
        rule: 'too_big',
        message: 'Too big: expected array to have <=3 items',
      },
    ])
  })

  it('refuses the same reminder day twice, saying so in words a person understands', () => {
    // Act
    const found = problems(withComplaintReminders([3, 3]))

    // Assert: refused on the list, under its own rule, with words (not zod's bare "Invalid input").
    expect(found.map((p) => p.field)).toEqual(['reminderWorkingDays.complaint'])
    expect(found[0]?.rule).toBe('duplicate_reminder')
    expect(found[0]?.message).not.toBe('Invalid input')
  })

  it('refuses a head delay of 0, a very-overdue multiple of 1 and an unknown kind', () => {
    expect(problems({ ...DEFAULT_WATCH_SETTINGS, headAfterWorkingDays: 0 }).map((p) => p.field)).toEqual([
      'headAfterWorkingDays',
    ])
    expect(problems({ ...DEFAULT_WATCH_SETTINGS, veryOverdueMultiple: 1 }).map((p) => p.field)).toEqual([
      'veryOverdueMultiple',
    ])
    const unknownKind = {
      ...DEFAULT_WATCH_SETTINGS,
      reminderWorkingDays: { ...DEFAULT_WATCH_SETTINGS.reminderWorkingDays, petition: [3] },
    }
    expect(watchSettingsSchema.safeParse(unknownKind).success).toBe(false)
  })
})
