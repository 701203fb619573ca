/**
 * The deadline watch: which steps a running clock brings and when (reminders before the due date,
 * overdue the day after, the escalation ladder), and which public events the petitioner must be
 * told of. Pure: the sweep (shared/service/sweep.ts) does the I/O and records each step on the
 * case with a conditional update, so each happens exactly once.
 */
import * as z from 'zod'
import type { WorkingCalendar } from './calendar.js'
import type { CaseRecord } from './case.js'
import { addDays, dayNumber, fromDayNumber, type LocalDate } from './dates.js'
import type { Deadline } from './deadlines.js'
import { isOpen } from './lifecycle.js'
import { KINDS, type Kind } from './vocabulary.js'

/** The organisation's watch settings (CONFIG / WATCH). */
export const watchSettingsSchema = z.strictObject({
  /** Reminders, in working days before the due date, per kind. */
  reminderWorkingDays: z.record(
    z.enum(KINDS),
    z
      .array(z.number().int().min(1).max(10))
      .max(3)
      .refine((list) => new Set(list).size === list.length, { message: 'duplicate_reminder' }),
  ),
  /** Working days after the overdue mark before the committee head is told. */
  headAfterWorkingDays: z.number().int().min(1).max(10),
  /** A clock is very overdue past this multiple of its limit: the parent committee and supervisors are told. */
  veryOverdueMultiple: z.number().min(1.1).max(5),
})
export type WatchSettings = z.infer<typeof watchSettingsSchema>

export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  reminderWorkingDays: { complaint: [3, 1], denunciation: [3, 1], recommendation: [3, 1], feedback: [3, 1] },
  headAfterWorkingDays: 2,
  veryOverdueMultiple: 1.5,
}

export const STEP_KINDS = ['reminder', 'overdue', 'escalate_head', 'very_overdue'] as const
export type StepKind = (typeof STEP_KINDS)[number]

/** Who is told at each rung of the escalation ladder. */
export type Audience = 'committee' | 'head' | 'parent_and_supervisors'

export interface WatchStep {
  /** Stable across sweeps: clock, the due date it is about, the step. A new due date is a new step. */
  readonly id: string
  readonly clock: string
  readonly dueDate: LocalDate
  readonly step: StepKind
  /** For reminders: working days left. */
  readonly daysBefore?: number
  /** The day the step falls due (from 00:00 Vietnam time). */
  readonly on: LocalDate
  readonly audience: Audience
  /** The escalation level the case reaches with this step (0 for reminders). */
  readonly level: 0 | 1 | 2 | 3
}

/** The working day that is `n` working days before `date` (n ≥ 1). */
export function workingDaysBefore(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  let dn = dayNumber(date)
  for (let counted = 0; counted < n; ) {
    dn--
    if (calendar.isWorkingDay(fromDayNumber(dn))) counted++
  }
  return fromDayNumber(dn)
}

/** Every step the case's running organisation clocks bring, done or not, in date order. */
export function plannedSteps(
  c: Pick<CaseRecord, 'kind' | 'status'>,
  deadlines: readonly Deadline[],
  settings: WatchSettings,
  calendar: WorkingCalendar,
): WatchStep[] {
  if (!isOpen(c.status)) return []
  const steps: WatchStep[] = []
  for (const d of deadlines) {
    if (d.obligation !== 'organisation' || d.doneOn !== undefined) continue
    if (d.state !== 'running' && d.state !== 'missed') continue
    const base = `${d.clock}@${d.dueDate}`
    for (const n of settings.reminderWorkingDays[c.kind as Kind] ?? []) {
      const on = workingDaysBefore(calendar, d.dueDate, n)
      if (on <= d.startedOn) continue // the clock is shorter than the reminder: nothing to remind of
      // Days up to a resumption belonged to the pause: a reminder there would arrive late and wrong.
      if (d.resumedOn && on <= d.resumedOn) continue
      steps.push({
        id: `${base}:reminder-${n}`,
        clock: d.clock,
        dueDate: d.dueDate,
        step: 'reminder',
        daysBefore: n,
        on,
        audience: 'committee',
        level: 0,
      })
    }
    const overdueOn = addDays(d.dueDate, 1)
    steps.push({
      id: `${base}:overdue`,
      clock: d.clock,
      dueDate: d.dueDate,
      step: 'overdue',
      on: overdueOn,
      audience: 'committee',
      level: 1,
    })
    steps.push({
      id: `${base}:head`,
      clock: d.clock,
      dueDate: d.dueDate,
      step: 'escalate_head',
      on: calendar.addWorkingDays(overdueOn, settings.headAfterWorkingDays),
      audience: 'head',
      level: 2,
    })
    // Very overdue: the elapsed time passes the multiple of the limit, counted in the clock's own unit.
    const extra = Math.max(1, Math.ceil(d.limit * (settings.veryOverdueMultiple - 1)))
    const veryOn =
      d.dayType === 'working' ? calendar.addWorkingDays(d.dueDate, extra) : addDays(d.dueDate, extra)
    steps.push({
      id: `${base}:very-overdue`,
      clock: d.clock,
      dueDate: d.dueDate,
      step: 'very_overdue',
      on: addDays(veryOn, 1),
      audience: 'parent_and_supervisors',
      level: 3,
    })
  }
  return steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : 1))
}

/** Steps due on or before `today` and not yet recorded on the case. */
export function dueSteps(
  planned: readonly WatchStep[],
  done: Readonly<Record<string, string>>,
  today: LocalDate,
): WatchStep[] {
  return planned.filter((s) => s.on <= today && done[s.id] === undefined)
}

/**
 * Public events the petitioner is told of (by e-mail or SMS, in their language): the notices the
 * law requires (acceptance or refusal, transfer, guidance, suspension and continuation, the result)
 * and the other changes of what they may do. Not `verification_started`, an internal step no
 * notice is owed for, nor `closed`, which only follows `resolved` (whose message carried the
 * answer); both stay on the tracking page's timeline (docs/domain.md#escalation).
 */
export const CITIZEN_NOTIFIED_EVENTS: readonly string[] = [
  'submitted',
  'accepted',
  'refused',
  'transferred',
  'rerouted',
  'guided',
  'filed',
  'marked_duplicate',
  'extended',
  'suspended',
  'resumed',
  'resolved',
  'withdrawn',
]

/** Events staff are told of by message when they happen (a denouncer escalating, Art. 38; a chase). */
export const STAFF_NOTIFIED_EVENTS: readonly string[] = ['escalated', 'chased']

/**
 * Events after `notifiedSeq` nobody has been told of yet: the petitioner's (never for an
 * anonymous petition: no outbound message, Law 25/2018 Art. 25) and the staff's.
 */
export function pendingNews(c: Pick<CaseRecord, 'anonymous' | 'history'>, notifiedSeq: number) {
  const after = c.history.filter((e) => e.seq > notifiedSeq)
  return {
    citizen: c.anonymous ? [] : after.filter((e) => e.public && CITIZEN_NOTIFIED_EVENTS.includes(e.type)),
    staff: after.filter((e) => STAFF_NOTIFIED_EVENTS.includes(e.type)),
  }
}

/**
 * The next day the sweep must look at this case: the earliest step not yet done, or today when
 * somebody has news waiting. Undefined: nothing to watch (the case leaves the index).
 */
export function nextWatchDate(
  planned: readonly WatchStep[],
  done: Readonly<Record<string, string>>,
  hasNews: boolean,
  today: LocalDate,
): LocalDate | undefined {
  const next = planned.find((s) => done[s.id] === undefined)?.on
  if (hasNews) return next && next < today ? next : today
  return next
}

/** The highest rung reached on the ladder, from the steps done. */
export function escalationLevel(
  planned: readonly WatchStep[],
  done: Readonly<Record<string, string>>,
): number {
  return planned.reduce((level, s) => (done[s.id] !== undefined && s.level > level ? s.level : level), 0)
}

/** How near a case's nearest time limit is, as the queue, the triage list and the dashboard show it. */
export const URGENCIES = ['none', 'on_track', 'due_soon', 'overdue', 'very_overdue'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Days before a time limit from which a case is "due soon" (the digest's window). */
export const DUE_SOON_DAYS = 3
/** The rung of the ladder above from which an overdue case is "very overdue" (STEP_KINDS). */
const VERY_OVERDUE_LEVEL = STEP_KINDS.indexOf('very_overdue')

export function urgencyOf(
  nextDue: LocalDate | undefined,
  escalationLevel: number,
  today: LocalDate,
): Urgency {
  if (!nextDue) return 'none'
  if (nextDue < today) return escalationLevel >= VERY_OVERDUE_LEVEL ? 'very_overdue' : 'overdue'
  if (nextDue <= addDays(today, DUE_SOON_DAYS)) return 'due_soon'
  return 'on_track'
}

/** Whether a case of this urgency counts as overdue (the digest's and the dashboard's "overdue"). */
export function isOverdue(u: Urgency): boolean {
  return u === 'overdue' || u === 'very_overdue'
}
