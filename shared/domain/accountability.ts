/**
 * Accountability reports owed (trách nhiệm giải trình): a supervisor, or the head of a committee
 * above, requires a committee to explain itself — about one overdue case (Law 25/2018 Art. 38),
 * about a period (thematic or ad hoc report), or as the periodic report of docs/domain.md#reports
 * (month, quarter, 6 months, 9 months, year). Each request is tracked like a case: a state, a due
 * date from the working calendar, a history, and the submitted text.
 *
 *   requested ──submit──▶ submitted ──accept──▶ accepted
 *       ▲                     │
 *       └──── returned ◀──return (with what is missing; a new due date)
 *
 * Due dates (the working calendar of the deadline engine; a day off never ends a time limit):
 *   case      5 working days from the request (Law 25/2018 Art. 38)
 *   period    the working days the requester sets, default 10 (organisation's rule, confirm)
 *   periodic  5 working days after the period's last day, or after the request if it comes later
 *             (docs/domain.md#reports fixes the periods, not when the report is sent: a configurable default)
 *   returned  5 working days from the return (organisation's rule, configurable)
 * On time means the first submission on or before the first due date.
 */
import * as z from 'zod'
import type { WorkingCalendar } from './calendar.js'
import { formatVietnamese, isLocalDate, type LocalDate, maxDate } from './dates.js'
import { RuleViolation, TransitionError } from './errors.js'
import type { ActingUser } from './policy.js'
import { committeeRolesFor } from './policy.js'
import { PERIOD_KINDS, type PeriodKind, periodRange } from './reports.js'
import { ancestry, type Committee } from './routing.js'
import { localDate } from './schemas.js'
import type { Role } from './vocabulary.js'

export const REQUEST_KINDS = ['case', 'period', 'periodic'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const REQUEST_STATES = ['requested', 'submitted', 'accepted', 'returned'] as const
export type RequestState = (typeof REQUEST_STATES)[number]
/** States in which the committee still owes the report. */
export const OWED_STATES: readonly RequestState[] = ['requested', 'returned']

export const REQUEST_ACTIONS = ['submit', 'accept', 'return'] as const
export type RequestAction = (typeof REQUEST_ACTIONS)[number]

/** Who takes each step: the owing committee's head submits; the requesting side reviews. */
export type RequestSide = 'owing_head' | 'requester_side'

/** The one transition table: the API and the pages both read it. */
export const REQUEST_TRANSITIONS: Record<
  RequestAction,
  { readonly from: readonly RequestState[]; readonly to: RequestState; readonly by: RequestSide }
> = {
  submit: { from: ['requested', 'returned'], to: 'submitted', by: 'owing_head' },
  accept: { from: ['submitted'], to: 'accepted', by: 'requester_side' },
  return: { from: ['submitted'], to: 'returned', by: 'requester_side' },
}

/** Time limits as data (docs/domain.md#settings: figures not fixed by the law's own text are settings). */
export interface AccountabilitySettings {
  /** Law 25/2018 Art. 38: the resolver reports within 5 working days. */
  readonly caseWorkingDays: number
  readonly periodDefaultWorkingDays: number
  readonly periodicWorkingDaysAfterEnd: number
  readonly returnWorkingDays: number
  /** A reminder to the owing head this many working days before the due date. */
  readonly reminderWorkingDays: number
}

export const ACCOUNTABILITY_DEFAULTS: AccountabilitySettings = {
  caseWorkingDays: 5,
  periodDefaultWorkingDays: 10,
  periodicWorkingDaysAfterEnd: 5,
  returnWorkingDays: 5,
  reminderWorkingDays: 2,
}

export interface LocalizedText {
  readonly vi: string
  readonly en: string
}

const PERIOD_NAMES: Record<PeriodKind, LocalizedText> = {
  month: { vi: 'tháng', en: 'month' },
  quarter: { vi: 'quý', en: 'quarter' },
  half: { vi: '6 tháng', en: 'half-year' },
  nine_months: { vi: '9 tháng', en: 'nine months' },
  year: { vi: 'năm', en: 'year' },
}

// ─── Input ──────────────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().trim().min(1).max(max)

export const accountabilityRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('case'),
    trackingCode: z.string().trim().min(1).max(40),
    note: text(2_000).optional(),
  }),
  z.strictObject({
    kind: z.literal('period'),
    committeeId: z.string().min(1).max(64),
    from: localDate,
    to: localDate,
    subject: text(300),
    note: text(2_000).optional(),
    dueInWorkingDays: z.number().int().min(1).max(30).optional(),
  }),
  z.strictObject({
    kind: z.literal('periodic'),
    committeeId: z.string().min(1).max(64),
    period: z.enum(PERIOD_KINDS),
    year: z.number().int().min(2019).max(2100),
    index: z.number().int().min(1).max(12).optional(),
    note: text(2_000).optional(),
  }),
])
export type AccountabilityRequestInput = z.infer<typeof accountabilityRequestSchema>

export const submitReportSchema = z.strictObject({ explanation: text(20_000) })
export const returnReportSchema = z.strictObject({ reason: text(2_000) })
export const acceptReportSchema = z.strictObject({ note: text(2_000).optional() })

// ─── The request ────────────────────────────────────────────────────────────────────────────────

export interface RequestActor {
  readonly id: string
  readonly role: Role
}

export interface RequestEvent {
  readonly at: string
  readonly on: LocalDate
  readonly type: 'requested' | 'submitted' | 'accepted' | 'returned'
  readonly actor: RequestActor
  readonly note?: string
  /** The due date set by this step (the request, a return). */
  readonly dueOn?: LocalDate
}

export interface Submission {
  readonly at: string
  readonly on: LocalDate
  readonly by: string
  readonly explanation: string
  /** The figures the system filled in at submission (period and periodic reports). */
  readonly figures?: Record<string, unknown>
}

export interface AccountabilityRequest {
  readonly id: string
  readonly version: number
  readonly kind: RequestKind
  /** The committee that owes the report. */
  readonly committeeId: string
  readonly state: RequestState
  readonly subject: LocalizedText
  readonly note?: string
  readonly caseCode?: string
  readonly period?: {
    readonly from: LocalDate
    readonly to: LocalDate
    readonly kind?: PeriodKind
    readonly year?: number
    readonly index?: number
  }
  readonly requestedOn: LocalDate
  readonly requestedBy: RequestActor
  /** The committee the requester spoke for (their own); undefined for a supervisor. */
  readonly requesterCommitteeId?: string
  /** The due date now (moves when the report is returned). */
  readonly dueOn: LocalDate
  /** The first due date: on-time figures are measured against it. */
  readonly firstDueOn: LocalDate
  readonly basis: LocalizedText
  readonly explanation: LocalizedText
  readonly firstSubmittedOn?: LocalDate
  readonly submissions: readonly Submission[]
  readonly history: readonly RequestEvent[]
}

// ─── Who may ────────────────────────────────────────────────────────────────────────────────────

const hasRole = (user: ActingUser, role: Role) => user.memberships.some((m) => m.role === role)

/** Supervisors, and heads of a committee above the owing one (not of the committee itself). */
export function mayRequire(user: ActingUser, committeeId: string, committees: readonly Committee[]): boolean {
  if (hasRole(user, 'supervisor')) return true
  const above = ancestry(committees, committeeId)
    .slice(1)
    .map((c) => c.id)
  return user.memberships.some(
    (m) => m.role === 'committee_head' && m.committeeId !== undefined && above.includes(m.committeeId),
  )
}

/** The owing committee's own head. */
export function maySubmit(user: ActingUser, committeeId: string): boolean {
  return user.memberships.some((m) => m.role === 'committee_head' && m.committeeId === committeeId)
}

/** Supervisors, heads of the committee or above, and the committee's handlers (who prepare it). */
export function mayReadRequests(
  user: ActingUser,
  committeeId: string,
  committees: readonly Committee[],
): boolean {
  if (hasRole(user, 'supervisor')) return true
  return committeeRolesFor(user, committeeId, committees).size > 0
}

/** The role a user acts with on a step, or undefined when they may not take it. */
export function actingRoleFor(
  user: ActingUser,
  action: RequestAction,
  committeeId: string,
  committees: readonly Committee[],
): Role | undefined {
  const side = REQUEST_TRANSITIONS[action].by
  if (side === 'owing_head') return maySubmit(user, committeeId) ? 'committee_head' : undefined
  if (!mayRequire(user, committeeId, committees)) return undefined
  return hasRole(user, 'supervisor') ? 'supervisor' : 'committee_head'
}

/** The steps this user may take now (for the buttons of a page and the API's `allowedActions`). */
export function allowedRequestActions(
  user: ActingUser,
  r: Pick<AccountabilityRequest, 'state' | 'committeeId'>,
  committees: readonly Committee[],
): RequestAction[] {
  return REQUEST_ACTIONS.filter(
    (a) =>
      REQUEST_TRANSITIONS[a].from.includes(r.state) &&
      actingRoleFor(user, a, r.committeeId, committees) !== undefined,
  )
}

// ─── Due dates ──────────────────────────────────────────────────────────────────────────────────

export interface DueDate {
  readonly dueOn: LocalDate
  readonly basis: LocalizedText
  readonly explanation: LocalizedText
}

const vn = formatVietnamese

/**
 * A report on one overdue case within 5 working days: Law 25/2018 Art. 38 for a denunciation; for
 * the other kinds the organisation applies the same limit by its own rule (a setting).
 */
export function caseReportDue(
  requestedOn: LocalDate,
  calendar: WorkingCalendar,
  caseKind: string,
  settings: AccountabilitySettings = ACCOUNTABILITY_DEFAULTS,
): DueDate {
  const n = settings.caseWorkingDays
  const dueOn = calendar.addWorkingDays(requestedOn, n)
  return {
    dueOn,
    basis:
      caseKind === 'denunciation'
        ? {
            vi: `Luật Tố cáo 2018, Điều 38: báo cáo cấp trên trong ${n} ngày làm việc`,
            en: `Law on Denunciations 2018, Art. 38: report to the superior within ${n} working days`,
          }
        : {
            vi: `Quy định của tổ chức (theo Điều 38 Luật Tố cáo 2018): giải trình đơn quá hạn trong ${n} ngày làm việc`,
            en: `Organisation's rule (after Art. 38 of the Law on Denunciations 2018): explain an overdue case within ${n} working days`,
          },
    explanation: {
      vi: `Yêu cầu ngày ${vn(requestedOn)}; ${n} ngày làm việc (không tính ngày nghỉ, lễ, Tết) đến hạn ${vn(dueOn)}.`,
      en: `Requested on ${requestedOn}; ${n} working days (days off, holidays and Tết not counted) make it due on ${dueOn}.`,
    },
  }
}

/** A thematic or ad hoc report: the working days the requester sets (default 10). */
export function periodReportDue(
  requestedOn: LocalDate,
  calendar: WorkingCalendar,
  workingDays?: number,
  settings: AccountabilitySettings = ACCOUNTABILITY_DEFAULTS,
): DueDate {
  const n = workingDays ?? settings.periodDefaultWorkingDays
  const dueOn = calendar.addWorkingDays(requestedOn, n)
  return {
    dueOn,
    basis: {
      vi: `Yêu cầu báo cáo chuyên đề, đột xuất của cấp trên: ${n} ngày làm việc do người yêu cầu ấn định`,
      en: `Thematic or ad hoc report required by the superior: ${n} working days set by the requester`,
    },
    explanation: {
      vi: `Yêu cầu ngày ${vn(requestedOn)}; ${n} ngày làm việc đến hạn ${vn(dueOn)}.`,
      en: `Requested on ${requestedOn}; ${n} working days make it due on ${dueOn}.`,
    },
  }
}

/** The periodic report: working days after the period's last day (or after a late request). */
export function periodicReportDue(
  requestedOn: LocalDate,
  periodTo: LocalDate,
  calendar: WorkingCalendar,
  settings: AccountabilitySettings = ACCOUNTABILITY_DEFAULTS,
): DueDate {
  const n = settings.periodicWorkingDaysAfterEnd
  const start = maxDate(periodTo, requestedOn)
  const dueOn = calendar.addWorkingDays(start, n)
  return {
    dueOn,
    basis: {
      vi: `Báo cáo định kỳ (Thông tư 02/2021/TT-TTCP; Kết luận 215-KL/TW): gửi trong ${n} ngày làm việc sau ngày cuối kỳ (quy định của tổ chức)`,
      en: `Periodic report (Circular 02/2021/TT-TTCP; Conclusion 215-KL/TW): sent within ${n} working days after the period ends (organisation's rule)`,
    },
    explanation: {
      vi: `${start === periodTo ? `Kỳ báo cáo kết thúc ngày ${vn(periodTo)}` : `Yêu cầu ngày ${vn(requestedOn)}, sau khi kỳ báo cáo đã kết thúc`}; ${n} ngày làm việc đến hạn ${vn(dueOn)}.`,
      en: `${start === periodTo ? `The period ends on ${periodTo}` : `Requested on ${requestedOn}, after the period ended`}; ${n} working days make it due on ${dueOn}.`,
    },
  }
}

/** A returned report: the committee completes it within working days of the return. */
export function returnedReportDue(
  returnedOn: LocalDate,
  calendar: WorkingCalendar,
  settings: AccountabilitySettings = ACCOUNTABILITY_DEFAULTS,
): LocalDate {
  return calendar.addWorkingDays(returnedOn, settings.returnWorkingDays)
}

/** The period of a period or periodic request, with its subject words. */
export function requestPeriod(
  input: Exclude<AccountabilityRequestInput, { kind: 'case' }>,
  today: LocalDate,
): { period: NonNullable<AccountabilityRequest['period']>; subject: LocalizedText } {
  if (input.kind === 'period') {
    for (const field of ['from', 'to'] as const)
      if (!isLocalDate(input[field])) throw new RuleViolation('invalid_date', `${field} is not a date`, field)
    if (input.to < input.from)
      throw new RuleViolation('period_ends_before_start', 'the period ends before it starts', 'to')
    if (input.from > today)
      throw new RuleViolation('future_period', 'a report cannot be about a period that has not begun', 'from')
    return {
      period: { from: input.from, to: input.to },
      subject: { vi: input.subject, en: input.subject },
    }
  }
  const { from, to } = periodRange(input.period, input.year, input.index)
  const name = PERIOD_NAMES[input.period]
  const idx = input.index ?? ''
  return {
    period: {
      from,
      to,
      kind: input.period,
      year: input.year,
      ...(input.index ? { index: input.index } : {}),
    },
    subject: {
      vi: `Báo cáo định kỳ ${name.vi}${idx ? ` ${idx}` : ''} năm ${input.year} về tiếp công dân, giải quyết khiếu nại, tố cáo`,
      en: `Periodic report, ${name.en}${idx ? ` ${idx}` : ''} of ${input.year}, on citizen reception and petitions`,
    },
  }
}

// ─── Transitions ────────────────────────────────────────────────────────────────────────────────

/** Refuses a step the state or the user's roles do not allow; returns the role acted with. */
export function decideRequestAction(
  user: ActingUser,
  action: RequestAction,
  r: Pick<AccountabilityRequest, 'state' | 'committeeId'>,
  committees: readonly Committee[],
): Role {
  const role = actingRoleFor(user, action, r.committeeId, committees)
  if (!role)
    throw new TransitionError(
      'not_allowed_for_role',
      REQUEST_TRANSITIONS[action].by === 'owing_head'
        ? "only the owing committee's head submits its report"
        : 'only supervisors and the heads above the committee accept or return a report',
    )
  if (!REQUEST_TRANSITIONS[action].from.includes(r.state))
    throw new TransitionError('action_not_in_state', `a ${r.state} report cannot be ${action}ed`, {
      state: r.state,
    })
  return role
}

/** Still owed, and past its due date as of `today`. */
export function isLate(r: Pick<AccountabilityRequest, 'state' | 'dueOn'>, today: LocalDate): boolean {
  return OWED_STATES.includes(r.state) && today > r.dueOn
}

/** First submitted on or before the first due date. */
export function submittedOnTime(r: Pick<AccountabilityRequest, 'firstSubmittedOn' | 'firstDueOn'>): boolean {
  return r.firstSubmittedOn !== undefined && r.firstSubmittedOn <= r.firstDueOn
}

// ─── Figures for the report ─────────────────────────────────────────────────────────────────────

export interface AccountabilityFigures {
  readonly requested: number
  readonly byKind: Readonly<Record<RequestKind, number>>
  readonly submitted: number
  readonly submittedOnTime: number
  readonly submittedLate: number
  /** Still owed and past the due date at `asOf`. */
  readonly overdueOwed: number
  readonly accepted: number
  readonly returned: number
  readonly stillOwed: number
  /** submittedOnTime / submitted; null when nothing was submitted. */
  readonly onTimeRate: number | null
}

/**
 * Figures of the requests made within a period, as they stand at `asOf`: a submission or a review
 * after `asOf` is not counted yet, so a past period's figures do not change with later events.
 */
export function accountabilityFigures(
  requests: readonly AccountabilityRequest[],
  from: LocalDate,
  to: LocalDate,
  asOf: LocalDate,
): AccountabilityFigures {
  const byKind = { case: 0, period: 0, periodic: 0 }
  let requested = 0
  let submitted = 0
  let onTime = 0
  let overdueOwed = 0
  let accepted = 0
  let returned = 0
  let stillOwed = 0
  for (const r of requests) {
    if (r.requestedOn < from || r.requestedOn > to) continue
    requested++
    byKind[r.kind]++
    const events = r.history.filter((e) => e.on <= asOf)
    const first = events.find((e) => e.type === 'submitted')
    if (first) {
      submitted++
      if (first.on <= r.firstDueOn) onTime++
    }
    if (events.some((e) => e.type === 'returned')) returned++
    const last = events.at(-1)
    const state: RequestState = !last || last.type === 'requested' ? 'requested' : (last.type as RequestState)
    if (state === 'accepted') accepted++
    if (OWED_STATES.includes(state)) {
      stillOwed++
      const due = [...events].reverse().find((e) => e.dueOn)?.dueOn ?? r.firstDueOn
      if (asOf > due) overdueOwed++
    }
  }
  return {
    requested,
    byKind,
    submitted,
    submittedOnTime: onTime,
    submittedLate: submitted - onTime,
    overdueOwed,
    accepted,
    returned,
    stillOwed,
    onTimeRate: submitted === 0 ? null : onTime / submitted,
  }
}
