/**
 * Accountability reports (docs/domain.md#reports): the pure maths, in two steps, because stored
 * reports are computed from a small per-case projection in the reporting index, never from full
 * records.
 *
 * 1. {@link caseMetrics} reads a case, its clocks and today's date into a compact, JSON-serialisable
 *    {@link CaseMetrics}. The store writes it on the case item at every change and projects it into
 *    the reporting index. It holds dates, not verdicts as of the day it was computed, so a report for
 *    any period can be computed later from the same row.
 * 2. {@link buildReport} computes every figure of a committee's report, for the committee alone,
 *    rolled up its subtree and for each child's subtree, from those rows alone.
 *
 * Definitions (period = `from`..`to` inclusive; `asOf` = the earlier of `to` and `today`):
 * - A case *arrives* in a scope (a set of committees) on the day it was received, or, when it came
 *   by an internal transfer from a committee outside the scope, on the day of that transfer.
 * - A case is *done* in a scope on the earliest of: a first decision other than acceptance
 *   (refused, guided, transferred, filed, duplicate), its resolution, its full withdrawal. A
 *   committee that transferred a case to another committee is done with it on the day of the transfer.
 * - The *caseload* of a period is every case that arrived by `to` and was not done before `from`:
 *   *carried over* (arrived before `from`) plus *received* (arrived within the period).
 * - *Processed* = a first decision made within the period. *Eligible* follows the petition-processing
 *   sheet (Biểu 01/XLD): accepted, guided or transferred; refused, filed and duplicate petitions are
 *   not eligible. *In jurisdiction* = accepted; *not in jurisdiction* = guided or transferred.
 * - A petition transferred between two committees of the same scope is counted once in that scope,
 *   from its receipt, with the decision of the committee that holds it; it is a transfer out of the
 *   first committee and a transfer in to the second in their own figures. So the children's figures
 *   may add up to more than the rolled-up total by the petitions transferred between them.
 * - Times are calendar days, suspended days excluded (see {@link netDays}).
 */
import type { LocalizedText } from './calendar.js'
import type { CaseRecord } from './case.js'
import { daysBetween, isLocalDate, type LocalDate, vietnamDate, ymd } from './dates.js'
import type { Deadline } from './deadlines.js'
import { RuleViolation } from './errors.js'
import type { Status } from './lifecycle.js'
import { OUTCOME_CODES, type Outcome } from './reasons.js'
import type { Committee } from './routing.js'
import {
  CHANNELS,
  type Channel,
  COMPLEXITIES,
  type Complexity,
  type Kind,
  MULTI_PERSON_THRESHOLD,
} from './vocabulary.js'

// ---------------------------------------------------------------------------------------------------
// Step 1: the per-case projection.

/**
 * A first decision (docs/domain.md#lifecycle). `transferred` in the metrics means to a body outside
 * the organisation.
 */
export const DECISIONS = ['accepted', 'refused', 'guided', 'transferred', 'filed', 'duplicate'] as const
export type Decision = (typeof DECISIONS)[number]

/** Whether a completed clock was met (done on or before its due date) or missed. */
export type Timeliness = 'met' | 'missed'

/** A suspension: `[suspendedOn]` while it lasts, `[suspendedOn, resumedOn]` once resumed. */
export type SuspensionSpan = readonly [from: LocalDate, to?: LocalDate]

/** An extension decision: the day and the complexity that justified it. */
export type ExtensionRecord = readonly [on: LocalDate, complexity: Complexity]

export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const
export type SatisfactionScore = (typeof SATISFACTION_SCORES)[number]

/**
 * What the reports need of one case, stored on the case item and projected into the reporting
 * index; keys are short because every byte is read by every report Query. Dates are `YYYY-MM-DD`
 * in Vietnam. Fields that do not apply are absent, never null.
 *
 * "Round" = the current committee's handling: from receipt, or from the internal transfer that
 * brought the case to it (the clocks restart there, see `clockFactsOf`).
 */
export interface CaseMetrics {
  /** Shape version; rows of another version must be recomputed before a report reads them. */
  readonly v: 1
  /** The day these metrics were computed (the `today` given to {@link caseMetrics}). */
  readonly at: LocalDate
  /** Kind. */
  readonly k: Kind
  /** Channel by which the organisation received the petition. */
  readonly ch: Channel
  /** Multi-person petition: at least {@link MULTI_PERSON_THRESHOLD} signatories. */
  readonly mp: boolean
  /** Received on (by the organisation). */
  readonly r: LocalDate
  /** Current committee. */
  readonly c: string
  /** Current status. */
  readonly s: Status
  /** Internal transfer that brought the case here: from committee `c`, on `on` (the round's start). */
  readonly xf?: { readonly c: string; readonly on: LocalDate }
  /** The round's first decision. */
  readonly d?: Decision
  /** The day of the round's first decision. */
  readonly dd?: LocalDate
  /** Timeliness of the first decision: the transfer clock for a transfer (when the kind has one), else the acceptance clock. */
  readonly dt?: Timeliness
  /** Due date of the round's acceptance (first decision) clock. */
  readonly da?: LocalDate
  /** First response in the round: the first of accepted, refused, guided, transferred, filed, resolved. */
  readonly fr?: LocalDate
  /** Resolved on. */
  readonly rv?: LocalDate
  /** Resolution outcome. */
  readonly ro?: Outcome
  /** Due date of the resolution clock (while suspended, the one it would have if resumed on `at`). */
  readonly rd?: LocalDate
  /** Timeliness of the resolution, once resolved. */
  readonly rs?: Timeliness
  /**
   * Days from receipt to the petitioner's first response (the internal transfer notice when there
   * was one, else `fr`): calendar days, suspended days excluded ({@link netDays}).
   */
  readonly tf?: number
  /** Days from receipt to resolution: calendar days, suspended days excluded ({@link netDays}). */
  readonly tr?: number
  /** Overdue since, as of `at`: the earliest due date of an open, missed acceptance or resolution clock. */
  readonly od?: LocalDate
  /** Extension decisions of the round. */
  readonly ex?: readonly ExtensionRecord[]
  /** Suspensions of the round (citizen-caused pauses of the resolution clock). */
  readonly sp?: readonly SuspensionSpan[]
  /** Fully withdrawn on. */
  readonly wf?: LocalDate
  /** Partial withdrawals, by date. */
  readonly wp?: readonly LocalDate[]
  /** Chases (đôn đốc), by date: `chased` events. */
  readonly cs?: readonly LocalDate[]
  /** The petitioner's satisfaction with the answer: the first `rated` event's `data.score`. */
  readonly sc?: SatisfactionScore
  /** Repeat petition: marked a duplicate, or linked as a repeat by a `linked_repeat` event. */
  readonly rp?: 'duplicate' | 'repeat'
}

const DECISION_EVENTS: Readonly<Record<string, Decision>> = {
  accepted: 'accepted',
  refused: 'refused',
  guided: 'guided',
  transferred: 'transferred',
  filed: 'filed',
  marked_duplicate: 'duplicate',
}
/** Public steps that answer the petitioner (a duplicate mark is not an answer). */
const RESPONSE_EVENTS: ReadonlySet<string> = new Set([
  'accepted',
  'refused',
  'guided',
  'transferred',
  'filed',
  'resolved',
])

const isInternalTransfer = (e: CaseRecord['history'][number]) =>
  e.type === 'transferred' && typeof e.data.toCommitteeId === 'string'

function completed(d: Deadline | undefined): Timeliness | undefined {
  if (d?.doneOn === undefined) return undefined
  return d.state === 'met' || d.state === 'missed' ? d.state : undefined
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The metrics of a case as of `today`. `deadlines` are the case's clocks (`deadlinesOf(c, ctx, today)`),
 * which cover the current committee's round only.
 */
export function caseMetrics(c: CaseRecord, deadlines: readonly Deadline[], today: LocalDate): CaseMetrics {
  const m: Mutable<CaseMetrics> = {
    v: 1,
    at: today,
    k: c.kind,
    ch: c.channel,
    mp: c.signatories >= MULTI_PERSON_THRESHOLD,
    r: c.receivedOn,
    c: c.committeeId,
    s: c.status,
  }
  const transferIndex = c.history.findLastIndex(isInternalTransfer)
  const transfer = c.history[transferIndex]
  if (transfer) {
    const from = transfer.data.fromCommitteeId
    // Unknown origin (older events): no scope holds '', so the case counts as transferred in everywhere.
    m.xf = { c: typeof from === 'string' ? from : '', on: vietnamDate(transfer.at) }
  }

  const extensions: ExtensionRecord[] = []
  const pauses: [LocalDate, LocalDate?][] = []
  for (const e of c.history.slice(transferIndex + 1)) {
    const on = vietnamDate(e.at)
    const decision = DECISION_EVENTS[e.type]
    if (decision && m.d === undefined) {
      m.d = decision
      m.dd = on
    }
    if (RESPONSE_EVENTS.has(e.type)) m.fr ??= on
    switch (e.type) {
      case 'resolved':
        if (m.rv === undefined) {
          m.rv = on
          const outcome = OUTCOME_CODES.find((o) => o === e.data.outcome)
          if (outcome) m.ro = outcome
        }
        break
      case 'extended': {
        const complexity = COMPLEXITIES.find((x) => x === e.data.complexity) ?? 'normal'
        extensions.push([on, complexity])
        break
      }
      case 'suspended': {
        const last = pauses.at(-1)
        if (!last || last[1] !== undefined) pauses.push([on])
        break
      }
      case 'resumed': {
        const open = pauses.at(-1)
        if (open && open[1] === undefined) open[1] = on
        break
      }
    }
  }
  if (extensions.length > 0) m.ex = extensions
  if (pauses.length > 0) m.sp = pauses.map((p) => (p[1] === undefined ? [p[0]] : [p[0], p[1]]))
  const firstAnswer = m.xf?.on ?? m.fr
  if (firstAnswer !== undefined) m.tf = netDays(c.receivedOn, firstAnswer, m.sp)
  if (m.rv !== undefined) m.tr = netDays(c.receivedOn, m.rv, m.sp)

  const partial: LocalDate[] = []
  const chases: LocalDate[] = []
  for (const e of c.history) {
    const on = vietnamDate(e.at)
    if (e.type === 'withdrawn') {
      // As clockFactsOf reads it: only a withdrawal of the whole petition ends the case.
      if (e.data.scope === 'partial') partial.push(on)
      else if (e.data.scope === 'full') m.wf ??= on
    } else if (e.type === 'chased') {
      chases.push(on)
    } else if (e.type === 'rated' && m.sc === undefined) {
      const score = SATISFACTION_SCORES.find((s) => s === e.data.score)
      if (score) m.sc = score
    }
  }
  if (partial.length > 0) m.wp = partial
  if (chases.length > 0) m.cs = chases
  const duplicate =
    c.status === 'duplicate' ||
    c.duplicateOf !== undefined ||
    c.history.some((e) => e.type === 'marked_duplicate')
  if (duplicate) m.rp = 'duplicate'
  else if (c.history.some((e) => e.type === 'linked_repeat')) m.rp = 'repeat'

  const clock = (name: Deadline['clock']) => deadlines.find((d) => d.clock === name)
  const acceptance = clock('acceptance')
  const transferClock = clock('transfer')
  const resolution = clock('resolution')
  if (acceptance) m.da = acceptance.dueDate
  if (m.d) {
    const decisionClock = m.d === 'transferred' && transferClock ? transferClock : acceptance
    const timeliness = completed(decisionClock)
    if (timeliness) m.dt = timeliness
  }
  if (resolution && m.d === 'accepted') m.rd = resolution.dueDate
  if (m.rv) {
    const timeliness = completed(resolution)
    if (timeliness) m.rs = timeliness
  }
  const overdue = [acceptance, resolution]
    .flatMap((d) => (d && d.state === 'missed' && d.doneOn === undefined ? [d.dueDate] : []))
    .sort()
  if (overdue[0]) m.od = overdue[0]
  return m
}

/**
 * The day the current committee's work on the case ended (first decision other than acceptance,
 * resolution or full withdrawal), undefined while it goes on. A report's caseload is every row
 * whose `settledOn` is absent or on/after `from`, with arrival on/before `to`: a sort key for the
 * reporting index that makes it one Query.
 */
export function settledOn(m: CaseMetrics): LocalDate | undefined {
  return earliest(m.d !== undefined && m.d !== 'accepted' ? m.dd : undefined, m.rv, m.wf)
}

function earliest(...dates: (LocalDate | undefined)[]): LocalDate | undefined {
  let min: LocalDate | undefined
  for (const d of dates) if (d !== undefined && (min === undefined || d < min)) min = d
  return min
}

// ---------------------------------------------------------------------------------------------------
// Periods and requests.

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** The longest custom range a report covers, in days, both ends included (a leap year). */
export const MAX_REPORT_DAYS = 366

const PERIOD_MONTHS: Record<PeriodKind, { count: number; length: number }> = {
  month: { count: 12, length: 1 },
  quarter: { count: 4, length: 3 },
  half: { count: 2, length: 6 },
  nine_months: { count: 1, length: 9 },
  year: { count: 1, length: 12 },
}

/**
 * The dates of a reporting period (Circular 02/2021/TT-TTCP): month 1–12, quarter 1–4, half 1–2;
 * 9 months is January to September and takes no index, nor does the year.
 *
 * @throws RuleViolation `invalid_period` (field `year` or `index`).
 */
export function periodRange(
  kind: PeriodKind,
  year: number,
  index?: number,
): { from: LocalDate; to: LocalDate } {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RuleViolation('invalid_period', `${year} is not a year`, 'year')
  }
  const { count, length } = PERIOD_MONTHS[kind]
  const n = index ?? (count === 1 ? 1 : undefined)
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > count) {
    throw new RuleViolation(
      'invalid_period',
      count === 1
        ? `a ${kind} period takes no index`
        : `a ${kind} is numbered 1 to ${count}, not ${index ?? 'nothing'}`,
      'index',
    )
  }
  const firstMonth = (n - 1) * length + 1
  // Day 0 of the month after the period is its last day.
  return { from: ymd(year, firstMonth, 1), to: ymd(year, firstMonth + length, 0) }
}

/**
 * Refuses a period that is not a pair of dates, ends before it starts, starts after `today`, or
 * covers more than {@link MAX_REPORT_DAYS} days. A period that is still running is allowed: it is
 * reported as of today.
 *
 * @throws RuleViolation `invalid_date`, `period_ends_before_start`, `future_period`, `period_too_long`.
 */
export function validateReportRequest(from: LocalDate, to: LocalDate, today: LocalDate): void {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
    ['today', today],
  ] as const) {
    if (!isLocalDate(value))
      throw new RuleViolation('invalid_date', `${field} is not a date: ${value}`, field)
  }
  if (to < from) {
    throw new RuleViolation(
      'period_ends_before_start',
      `the period ends (${to}) before it starts (${from})`,
      'to',
    )
  }
  if (from > today) {
    throw new RuleViolation('future_period', `the period starts (${from}) after today (${today})`, 'from')
  }
  const days = daysBetween(from, to) + 1
  if (days > MAX_REPORT_DAYS) {
    throw new RuleViolation(
      'period_too_long',
      `a report covers at most ${MAX_REPORT_DAYS} days, not ${days}`,
      'to',
    )
  }
}

// ---------------------------------------------------------------------------------------------------
// Small statistics.

/**
 * Nearest-rank percentile: the smallest value such that at least `p`% of the values are at or below
 * it, i.e. the value at rank ⌈p/100 × n⌉ (1-based) of the sorted values; always one of the values,
 * never interpolated. The median is the 50th percentile (the lower middle value when n is even).
 * Null when there are no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile is in (0, 100], not ${p}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[rank - 1] ?? null
}

/**
 * Calendar days from `start` to `end`, less the suspended days in between: a suspension from S to
 * R does not count the days after S up to and including R (the deadline engine's reading); one not
 * yet resumed counts up to `end`.
 */
export function netDays(
  start: LocalDate,
  end: LocalDate,
  suspensions: readonly SuspensionSpan[] = [],
): number {
  let days = dayOf(end) - dayOf(start)
  for (const [from, to] of suspensions) {
    const lo = from > start ? from : start
    const hi = to === undefined || to > end ? end : to
    if (hi > lo) days -= dayOf(hi) - dayOf(lo)
  }
  return days
}

/** Days since 1970-01-01 of a stored `YYYY-MM-DD`, unvalidated: the report's hot path reads trusted rows. */
function dayOf(d: LocalDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000
}

// ---------------------------------------------------------------------------------------------------
// Step 2: the report.

export interface ReportRequest {
  readonly committeeId: string
  readonly from: LocalDate
  readonly to: LocalDate
  readonly today: LocalDate
  readonly committees: readonly Committee[]
}

/** Median and 90th percentile (nearest rank) of a number of days. */
export interface DayStats {
  readonly count: number
  readonly median: number | null
  readonly p90: number | null
}

export const OVERDUE_BUCKETS = ['1-7', '8-30', '31-90', '>90'] as const
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number]

/** docs/domain.md#reports groups recommendations and feedback together; each kind is shown too. */
export const KIND_GROUPS = [
  'complaint',
  'denunciation',
  'recommendation_feedback',
  'recommendation',
  'feedback',
] as const
export type KindGroup = (typeof KIND_GROUPS)[number]

/** The figures of one kind (group). */
export interface KindFigures {
  readonly received: number
  readonly processed: number
  readonly eligible: number
  readonly inJurisdiction: number
  readonly resolved: number
  readonly resolvedOnTime: number
  readonly resolvedOverdue: number
  /** Open and past a time limit at `asOf`. */
  readonly overdueOpen: number
}

/** Every figure of docs/domain.md#reports that concerns petitions, for one scope and period. */
export interface ReportFigures {
  readonly caseload: {
    /** Carried over + received. */
    readonly total: number
    /** Arrived before `from` and not done before it: still awaiting a first decision, or accepted and not yet resolved. */
    readonly carriedOver: {
      readonly total: number
      readonly awaitingDecision: number
      readonly inResolution: number
    }
    readonly received: {
      readonly total: number
      readonly single: number
      readonly multiPerson: number
      /** From outside the scope: the `transferred_in` channel, or an internal transfer from a committee outside it. */
      readonly transferredIn: number
      readonly byChannel: Readonly<Record<Channel, number>>
    }
  }
  readonly processing: {
    /** First decisions made within the period. */
    readonly processed: number
    readonly onTime: number
    readonly late: number
    /** Transfers out of a committee to another one: their clock restarted at the receiving committee and is not in the metrics. */
    readonly timelinessUnknown: number
    readonly byDecision: Readonly<Record<Decision, number>>
    /** Accepted, guided or transferred (Biểu 01/XLD "đủ điều kiện xử lý"). */
    readonly eligible: number
    /** Refused, filed or duplicate. */
    readonly notEligible: number
  }
  readonly jurisdiction: {
    /** Accepted for resolution. */
    readonly inJurisdiction: number
    /** Guided or transferred. */
    readonly notInJurisdiction: number
    readonly guided: number
    readonly transferred: {
      readonly total: number
      readonly toCommittee: number
      readonly toOutsideBody: number
    }
    /** Caseload cases chased within the period, and the chases recorded within it. */
    readonly chased: { readonly cases: number; readonly chases: number }
    /** Not yet tracked: no event records an answer from the body a petition was transferred to. */
    readonly transferRepliesReceived: null
  }
  /** Where the caseload stands at the end of the period; the four add up to `caseload.total`. */
  readonly standing: {
    readonly resolved: number
    /** Refused, guided, transferred, filed, duplicate or withdrawn within the period. */
    readonly endedWithoutResolution: number
    /** Accepted and being resolved at `to`. */
    readonly inProgress: number
    /** No first decision yet at `to`. */
    readonly notYetResolved: number
  }
  readonly resolution: {
    /** Caseload cases accepted by `to`. */
    readonly toResolve: number
    readonly resolved: number
    readonly onTime: number
    readonly overdue: number
    /** onTime / resolved; null when nothing was resolved. */
    readonly onTimeRate: number | null
    /** Accepted cases fully withdrawn within the period. */
    readonly withdrawn: number
    readonly byOutcome: Readonly<Partial<Record<Outcome, number>>>
  }
  /** Cases open at `asOf` and past their first-decision or resolution time limit, by days overdue at `asOf`. */
  readonly overdueOpen: {
    readonly total: number
    readonly awaitingDecision: number
    readonly inResolution: number
    readonly byAge: Readonly<Record<OverdueBucket, number>>
  }
  readonly extensions: {
    /** Extension decisions within the period, by the complexity that justified them. */
    readonly decisions: number
    readonly cases: number
    readonly byComplexity: Readonly<Record<Complexity, number>>
  }
  readonly suspensions: {
    readonly started: number
    /** Cases with a suspension started within the period. */
    readonly cases: number
    readonly resumed: number
    /** Suspended at `asOf`. */
    readonly suspendedAtEnd: number
    /** Suspended days falling within `from`..`asOf`. */
    readonly days: number
  }
  readonly withdrawals: { readonly full: number; readonly partial: number }
  /** Calendar days, suspended days excluded: receipt → first response within the period; receipt → resolution within the period. */
  readonly responseTimes: { readonly firstResponse: DayStats; readonly resolution: DayStats }
  /** Among the petitions received: marked duplicate or linked as a repeat; rate = total / received (null when none received). */
  readonly repeats: {
    readonly duplicates: number
    readonly linkedRepeats: number
    readonly total: number
    readonly rate: number | null
  }
  /** Ratings of the answers given within the period (cases resolved in it), whenever the rating came. */
  readonly satisfaction: {
    readonly count: number
    readonly mean: number | null
    readonly distribution: Readonly<Record<`${SatisfactionScore}`, number>>
  }
  readonly byKind: Readonly<Record<KindGroup, KindFigures>>
}

export interface Report {
  readonly committeeId: string
  readonly from: LocalDate
  readonly to: LocalDate
  /** The day open cases are measured at: the earlier of `to` and today. */
  readonly asOf: LocalDate
  /** The committee and every committee below it. */
  readonly scope: readonly string[]
  /** The committee's own cases. */
  readonly own: ReportFigures
  /** The committee and every committee below it. */
  readonly total: ReportFigures
  /** Each direct child with its own subtree, in the order of `committees`. */
  readonly children: readonly { readonly committeeId: string; readonly figures: ReportFigures }[]
  readonly notes: readonly LocalizedText[]
}

export const REPORT_NOTES: readonly LocalizedText[] = [
  {
    vi: 'Thời gian trả lời và thời gian giải quyết tính theo ngày dương lịch từ ngày nhận đơn, không tính thời gian tạm đình chỉ giải quyết.',
    en: 'Days to first response and to resolution are calendar days from receipt, not counting the time the case was suspended.',
  },
  {
    vi: 'Trung vị và phân vị 90 theo phương pháp thứ hạng gần nhất: giá trị thứ ⌈p × n⌉ trong dãy đã sắp xếp, không nội suy.',
    en: 'Median and 90th percentile by nearest rank: the ⌈p × n⌉-th of the sorted values, never interpolated.',
  },
  {
    vi: 'Đơn quá hạn đang xử lý được tính tại ngày cuối kỳ hoặc ngày hôm nay nếu kỳ chưa kết thúc; đơn đang tạm đình chỉ không tính là quá hạn.',
    en: 'Overdue open cases are counted at the end of the period, or today while it runs; a suspended case is not overdue.',
  },
  {
    vi: 'Số liệu tổng hợp tính mỗi đơn một lần; đơn chuyển giữa hai đơn vị trực thuộc được tính ở cả hai đơn vị, nên tổng các đơn vị có thể lớn hơn số tổng hợp.',
    en: 'Rolled-up figures count each petition once; a petition transferred between two committees is counted at both, so the committees may add up to more than the total.',
  },
  {
    vi: 'Chưa theo dõi số văn bản phúc đáp nhận được do chuyển đơn.',
    en: 'Replies received to transferred petitions are not tracked yet.',
  },
]

/**
 * A committee's report for a period. `rows` must hold every case of the committee's subtree that
 * arrived by `to` and was not done before `from` (see {@link settledOn}); rows of an internal
 * transfer count for both committees, so the store also returns the rows whose `xf.c` is in the
 * subtree. Other rows are ignored. One pass over the rows: each counts for the total and for the
 * child (or the committee itself) that holds it.
 *
 * @throws RuleViolation as {@link validateReportRequest}; `unknown_committee` (field `committeeId`).
 */
export function buildReport(rows: readonly CaseMetrics[], request: ReportRequest): Report {
  const { committeeId, committees } = request
  const children = committees.filter((c) => c.parentId === committeeId && c.id !== committeeId)
  let total: Tally | undefined
  const groups = new Map<string, Tally>()
  const { period, scope } = walk(
    rows,
    (m) => m,
    request,
    (_m, view, group, p) => {
      if (group === undefined) {
        total ??= new Tally(p)
        total.add(view)
      } else {
        const tally = groups.get(group) ?? new Tally(p)
        groups.set(group, tally)
        tally.add(view)
      }
    },
  )
  const figures = (tally: Tally | undefined) => (tally ?? new Tally(period)).figures()
  return {
    committeeId,
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    scope: [...scope],
    own: figures(groups.get(committeeId)),
    total: figures(total),
    children: children.map((c) => ({ committeeId: c.id, figures: figures(groups.get(c.id)) })),
    notes: REPORT_NOTES,
  }
}

/**
 * The one pass over the rows that both the report and its drill-down make: each row is seen as the
 * whole scope sees it (`group` undefined) and as the group of the report that holds it sees it (the
 * committee itself, or the child whose subtree holds it), twice when it moved between two groups.
 */
function walk<R>(
  rows: readonly R[],
  metricsOf: (row: R) => CaseMetrics,
  request: ReportRequest,
  visit: (row: R, view: View, group: string | undefined, period: Period) => void,
): { period: Period; scope: ReadonlySet<string> } {
  const { committeeId, from, to, today, committees } = request
  validateReportRequest(from, to, today)
  if (!committees.some((c) => c.id === committeeId)) {
    throw new RuleViolation('unknown_committee', `there is no committee '${committeeId}'`, 'committeeId')
  }
  const period: Period = { from, to, asOf: earliest(to, today) ?? to }
  const scope = subtree(committees, committeeId)
  const children = committees.filter((c) => c.parentId === committeeId && c.id !== committeeId)
  // Which group of the report each committee of the scope counts in: itself (own) or a child's subtree.
  const groupOf = new Map<string, string>()
  for (const child of children) for (const id of subtree(committees, child.id)) groupOf.set(id, child.id)
  groupOf.set(committeeId, committeeId)

  for (const row of rows) {
    const m = metricsOf(row)
    const holder = groupOf.get(m.c)
    const origin = m.xf === undefined ? undefined : groupOf.get(m.xf.c)
    if (holder === undefined && origin === undefined) continue
    const whole = viewOf(m, holder !== undefined, origin !== undefined)
    visit(row, whole, undefined, period)
    if (holder === origin || m.xf === undefined) {
      visit(row, whole, holder as string, period)
    } else {
      // An internal transfer between two groups: a transfer out of one, a transfer in to the other.
      if (holder !== undefined) visit(row, viewOf(m, true, false), holder, period)
      if (origin !== undefined) visit(row, viewOf(m, false, true), origin, period)
    }
  }
  return { period, scope }
}

/** The committee and every committee below it, root first. */
function subtree(committees: readonly Committee[], rootId: string): ReadonlySet<string> {
  const ids = new Set([rootId])
  // Grows until no committee is added: each pass reaches one level further down; a cycle stops too.
  for (let added = true; added; ) {
    added = false
    for (const c of committees) {
      if (c.parentId !== undefined && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id)
        added = true
      }
    }
  }
  return ids
}

interface Period {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly asOf: LocalDate
}

/** A case as one scope sees it. */
interface View {
  readonly kind: Kind
  readonly channel: Channel
  readonly multi: boolean
  readonly inOn: LocalDate
  readonly transferredIn: boolean
  readonly decision: Decision | undefined
  readonly transferredTo: 'committee' | 'body' | undefined
  readonly decidedOn: LocalDate | undefined
  readonly decisionTimely: Timeliness | undefined
  readonly decisionDue: LocalDate | undefined
  readonly acceptedOn: LocalDate | undefined
  readonly resolvedOn: LocalDate | undefined
  readonly outcome: Outcome | undefined
  readonly resolutionTimely: Timeliness | undefined
  readonly resolutionDue: LocalDate | undefined
  readonly withdrawnOn: LocalDate | undefined
  readonly doneOn: LocalDate | undefined
  readonly firstResponseOn: LocalDate | undefined
  readonly suspensions: readonly SuspensionSpan[]
  readonly extensions: readonly ExtensionRecord[]
  readonly partialWithdrawals: readonly LocalDate[]
  readonly chases: readonly LocalDate[]
  readonly score: SatisfactionScore | undefined
  readonly repeat: 'duplicate' | 'repeat' | undefined
}

const NONE: readonly never[] = []

/**
 * The case as seen from a scope that holds it now (`holds`) and/or holds the committee that
 * transferred it there (`sentIt`). Holding both, or a case never transferred: the whole case from
 * receipt. Only the sender: its decision was the transfer. Only the holder: it arrived by transfer.
 */
function viewOf(m: CaseMetrics, holds: boolean, sentIt: boolean): View {
  const xf = m.xf
  if (xf !== undefined && !holds) {
    const on = xf.on
    return {
      kind: m.k,
      channel: m.ch,
      multi: m.mp,
      inOn: m.r,
      transferredIn: m.ch === 'transferred_in',
      decision: 'transferred',
      transferredTo: 'committee',
      decidedOn: on,
      decisionTimely: undefined,
      decisionDue: undefined,
      acceptedOn: undefined,
      resolvedOn: undefined,
      outcome: undefined,
      resolutionTimely: undefined,
      resolutionDue: undefined,
      withdrawnOn: undefined,
      doneOn: on,
      firstResponseOn: on,
      suspensions: NONE,
      extensions: NONE,
      partialWithdrawals: m.wp?.filter((d) => d < on) ?? NONE,
      chases: m.cs?.filter((d) => d < on) ?? NONE,
      score: undefined,
      repeat: m.rp,
    }
  }
  const arrivedOn = xf !== undefined && !sentIt ? xf.on : undefined
  const since = (dates: readonly LocalDate[] | undefined) =>
    dates === undefined ? NONE : arrivedOn === undefined ? dates : dates.filter((d) => d >= arrivedOn)
  return {
    kind: m.k,
    channel: arrivedOn === undefined ? m.ch : 'transferred_in',
    multi: m.mp,
    inOn: arrivedOn ?? m.r,
    transferredIn: arrivedOn !== undefined || m.ch === 'transferred_in',
    decision: m.d,
    transferredTo: m.d === 'transferred' ? 'body' : undefined,
    decidedOn: m.dd,
    decisionTimely: m.dt,
    decisionDue: m.da,
    acceptedOn: m.d === 'accepted' ? m.dd : undefined,
    resolvedOn: m.rv,
    outcome: m.ro,
    resolutionTimely: m.rs,
    resolutionDue: m.rd,
    withdrawnOn: m.wf,
    doneOn: settledOn(m),
    // Within a scope that holds both committees the petitioner's first answer was the transfer notice.
    firstResponseOn: xf !== undefined && sentIt ? xf.on : m.fr,
    suspensions: m.sp ?? NONE,
    extensions: m.ex ?? NONE,
    partialWithdrawals: since(m.wp),
    chases: since(m.cs),
    score: m.sc,
    repeat: m.rp,
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole)

function stats(values: number[]): DayStats {
  // Sorted once here; percentile() sorts its own copy again, which is cheap on sorted input.
  values.sort((a, b) => a - b)
  return { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) }
}

function bucketOf(days: number): OverdueBucket {
  if (days <= 7) return '1-7'
  if (days <= 30) return '8-30'
  if (days <= 90) return '31-90'
  return '>90'
}

function suspendedOn(v: View, day: LocalDate): boolean {
  return v.suspensions.some(([from, to]) => from <= day && (to === undefined || to > day))
}

/** Days overdue at `asOf` and the stage, or undefined when the case is not open and overdue then. */
function overdueAt(v: View, asOf: LocalDate): { days: number; stage: 'decision' | 'resolution' } | undefined {
  if (v.inOn > asOf || (v.doneOn !== undefined && v.doneOn <= asOf)) return undefined
  if (v.decidedOn === undefined || v.decidedOn > asOf) {
    return v.decisionDue !== undefined && v.decisionDue < asOf
      ? { days: dayOf(asOf) - dayOf(v.decisionDue), stage: 'decision' }
      : undefined
  }
  // A suspended clock is stopped: its due date is not known yet.
  if (suspendedOn(v, asOf)) return undefined
  return v.resolutionDue !== undefined && v.resolutionDue < asOf
    ? { days: dayOf(asOf) - dayOf(v.resolutionDue), stage: 'resolution' }
    : undefined
}

const ELIGIBLE: readonly Decision[] = ['accepted', 'guided', 'transferred']

/** The figures of one kind, in the order of {@link KindFigures}. */
const KIND_FIGURES = [
  'received',
  'processed',
  'eligible',
  'inJurisdiction',
  'resolved',
  'resolvedOnTime',
  'resolvedOverdue',
  'overdueOpen',
] as const satisfies readonly (keyof KindFigures)[]

/**
 * Every countable figure of a report, by its path in {@link ReportFigures} (`byKind.<kind>.<figure>`
 * for each single kind). The report counts them and the drill-down selects the cases behind them
 * with the same predicates ({@link contributions}): there is no second copy of a definition.
 */
export const COUNTED_INDICATORS = [
  'caseload.carriedOver.total',
  'caseload.carriedOver.awaitingDecision',
  'caseload.carriedOver.inResolution',
  'caseload.received.total',
  'caseload.received.single',
  'caseload.received.multiPerson',
  'caseload.received.transferredIn',
  ...CHANNELS.map((ch) => `caseload.received.byChannel.${ch}` as const),
  'processing.processed',
  'processing.onTime',
  'processing.late',
  'processing.timelinessUnknown',
  ...DECISIONS.map((d) => `processing.byDecision.${d}` as const),
  'jurisdiction.transferred.toCommittee',
  'jurisdiction.transferred.toOutsideBody',
  'jurisdiction.chased.cases',
  'jurisdiction.chased.chases',
  'standing.endedWithoutResolution',
  'standing.inProgress',
  'standing.notYetResolved',
  'resolution.toResolve',
  'resolution.resolved',
  'resolution.onTime',
  'resolution.overdue',
  'resolution.withdrawn',
  ...OUTCOME_CODES.map((o) => `resolution.byOutcome.${o}` as const),
  'overdueOpen.total',
  'overdueOpen.awaitingDecision',
  'overdueOpen.inResolution',
  ...OVERDUE_BUCKETS.map((b) => `overdueOpen.byAge.${b}` as const),
  'extensions.decisions',
  'extensions.cases',
  ...COMPLEXITIES.map((c) => `extensions.byComplexity.${c}` as const),
  'suspensions.started',
  'suspensions.cases',
  'suspensions.resumed',
  'suspensions.suspendedAtEnd',
  'suspensions.days',
  'withdrawals.full',
  'withdrawals.partial',
  'responseTimes.firstResponse.count',
  'responseTimes.resolution.count',
  'repeats.duplicates',
  'repeats.linkedRepeats',
  ...SATISFACTION_SCORES.map((s) => `satisfaction.distribution.${s}` as const),
  ...(['complaint', 'denunciation', 'recommendation', 'feedback'] as const).flatMap((k) =>
    KIND_FIGURES.map((f) => `byKind.${k}.${f}` as const),
  ),
] as const
export type CountedIndicator = (typeof COUNTED_INDICATORS)[number]

/** Figures that are sums of counted ones: the cases behind them are the cases behind any part. */
export const DERIVED_INDICATORS = {
  'caseload.total': ['caseload.carriedOver.total', 'caseload.received.total'],
  'processing.eligible': [
    'processing.byDecision.accepted',
    'processing.byDecision.guided',
    'processing.byDecision.transferred',
  ],
  'processing.notEligible': [
    'processing.byDecision.refused',
    'processing.byDecision.filed',
    'processing.byDecision.duplicate',
  ],
  'jurisdiction.inJurisdiction': ['processing.byDecision.accepted'],
  'jurisdiction.notInJurisdiction': ['processing.byDecision.guided', 'processing.byDecision.transferred'],
  'jurisdiction.guided': ['processing.byDecision.guided'],
  'jurisdiction.transferred.total': ['processing.byDecision.transferred'],
  'standing.resolved': ['resolution.resolved'],
  'repeats.total': ['repeats.duplicates', 'repeats.linkedRepeats'],
  'satisfaction.count': SATISFACTION_SCORES.map((s) => `satisfaction.distribution.${s}` as const),
  ...Object.fromEntries(
    KIND_FIGURES.map((f) => [
      `byKind.recommendation_feedback.${f}`,
      [`byKind.recommendation.${f}`, `byKind.feedback.${f}`],
    ]),
  ),
} as Readonly<Record<string, readonly CountedIndicator[]>>

/** Every figure a drill-down can open: the counted ones and their sums. */
export const INDICATORS: readonly string[] = [...COUNTED_INDICATORS, ...Object.keys(DERIVED_INDICATORS)]

/** Indicators that count events (or days) rather than cases: a case may add more than one to them. */
export const EVENT_INDICATORS: ReadonlySet<string> = new Set([
  'jurisdiction.chased.chases',
  'extensions.decisions',
  ...COMPLEXITIES.map((c) => `extensions.byComplexity.${c}`),
  'suspensions.started',
  'suspensions.resumed',
  'suspensions.days',
  'withdrawals.partial',
])

type Emit = (indicator: CountedIndicator, n?: number, days?: number) => void

/**
 * What one case, as one scope sees it, adds to the figures of the period: every predicate of the
 * report, once. `emit(indicator, n, days)` adds `n` (default 1) to the indicator; the two response
 * times also carry the case's number of days.
 */
function contributions(v: View, p: Period, emit: Emit): void {
  const { from, to, asOf } = p
  // The caseload: arrived by `to` and not done before `from`.
  if (v.inOn > to || (v.doneOn !== undefined && v.doneOn < from)) return
  const within = (d: LocalDate | undefined): d is LocalDate => d !== undefined && from <= d && d <= to
  const countWithin = (dates: readonly LocalDate[]) => {
    let n = 0
    for (const d of dates) if (within(d)) n++
    return n
  }
  const k = v.kind

  if (v.inOn < from) {
    emit('caseload.carriedOver.total')
    if (!(v.decidedOn !== undefined && v.decidedOn < from)) emit('caseload.carriedOver.awaitingDecision')
    if (v.acceptedOn !== undefined && v.acceptedOn < from) emit('caseload.carriedOver.inResolution')
  } else {
    emit('caseload.received.total')
    emit(`byKind.${k}.received`)
    emit(v.multi ? 'caseload.received.multiPerson' : 'caseload.received.single')
    if (v.transferredIn) emit('caseload.received.transferredIn')
    emit(`caseload.received.byChannel.${v.channel}`)
    if (v.repeat === 'duplicate') emit('repeats.duplicates')
    if (v.repeat === 'repeat') emit('repeats.linkedRepeats')
  }

  if (within(v.decidedOn) && v.decision !== undefined) {
    emit('processing.processed')
    emit(`byKind.${k}.processed`)
    emit(`processing.byDecision.${v.decision}`)
    if (ELIGIBLE.includes(v.decision)) emit(`byKind.${k}.eligible`)
    if (v.decision === 'accepted') emit(`byKind.${k}.inJurisdiction`)
    if (v.decisionTimely === 'met') emit('processing.onTime')
    else if (v.decisionTimely === 'missed') emit('processing.late')
    else emit('processing.timelinessUnknown')
    if (v.transferredTo === 'committee') emit('jurisdiction.transferred.toCommittee')
    else if (v.transferredTo === 'body') emit('jurisdiction.transferred.toOutsideBody')
  }

  const chases = countWithin(v.chases)
  if (chases > 0) {
    emit('jurisdiction.chased.cases')
    emit('jurisdiction.chased.chases', chases)
  }

  const doneByEnd = v.doneOn !== undefined && v.doneOn <= to
  if (within(v.doneOn) && v.doneOn !== v.resolvedOn) emit('standing.endedWithoutResolution')
  if (!doneByEnd && v.acceptedOn !== undefined && v.acceptedOn <= to) emit('standing.inProgress')
  if (!doneByEnd && !(v.decidedOn !== undefined && v.decidedOn <= to)) emit('standing.notYetResolved')

  if (v.acceptedOn !== undefined && v.acceptedOn <= to) emit('resolution.toResolve')
  if (v.acceptedOn !== undefined && within(v.withdrawnOn)) emit('resolution.withdrawn')
  if (within(v.resolvedOn)) {
    emit('resolution.resolved')
    emit(`byKind.${k}.resolved`)
    if (v.resolutionTimely === 'met') {
      emit('resolution.onTime')
      emit(`byKind.${k}.resolvedOnTime`)
    } else if (v.resolutionTimely === 'missed') {
      emit('resolution.overdue')
      emit(`byKind.${k}.resolvedOverdue`)
    }
    if (v.outcome !== undefined) emit(`resolution.byOutcome.${v.outcome}`)
    emit('responseTimes.resolution.count', 1, netDays(v.inOn, v.resolvedOn, v.suspensions))
    if (v.score !== undefined) emit(`satisfaction.distribution.${v.score}`)
  }

  const overdue = overdueAt(v, asOf)
  if (overdue) {
    emit('overdueOpen.total')
    emit(`byKind.${k}.overdueOpen`)
    emit(overdue.stage === 'decision' ? 'overdueOpen.awaitingDecision' : 'overdueOpen.inResolution')
    emit(`overdueOpen.byAge.${bucketOf(overdue.days)}`)
  }

  let extended = 0
  for (const [on, complexity] of v.extensions) {
    if (!within(on)) continue
    extended++
    emit(`extensions.byComplexity.${complexity}`)
  }
  if (extended > 0) {
    emit('extensions.decisions', extended)
    emit('extensions.cases')
  }

  let started = 0
  let resumed = 0
  let days = 0
  for (const [start, end] of v.suspensions) {
    if (within(start)) started++
    if (within(end)) resumed++
    // Suspended days are those after `start` up to `end` (or asOf), counted where they meet from..asOf.
    const lo = Math.max(dayOf(start) + 1, dayOf(from))
    const hi = dayOf(end === undefined || end > asOf ? asOf : end)
    if (hi >= lo) days += hi - lo + 1
  }
  if (started > 0) {
    emit('suspensions.started', started)
    emit('suspensions.cases')
  }
  if (resumed > 0) emit('suspensions.resumed', resumed)
  if (days > 0) emit('suspensions.days', days)
  if (suspendedOn(v, asOf)) emit('suspensions.suspendedAtEnd')

  if (within(v.withdrawnOn)) emit('withdrawals.full')
  const partial = countWithin(v.partialWithdrawals)
  if (partial > 0) emit('withdrawals.partial', partial)

  if (within(v.firstResponseOn))
    emit('responseTimes.firstResponse.count', 1, netDays(v.inOn, v.firstResponseOn, v.suspensions))
}

/** Counts one scope's figures, one case at a time. */
class Tally {
  readonly #p: Period
  readonly #counts = new Map<CountedIndicator, number>()
  #total = 0
  #firstResponse: number[] = []
  #resolutionDays: number[] = []
  readonly #emit: Emit = (indicator, n = 1, days) => {
    this.#counts.set(indicator, (this.#counts.get(indicator) ?? 0) + n)
    if (days === undefined) return
    if (indicator === 'responseTimes.firstResponse.count') this.#firstResponse.push(days)
    else this.#resolutionDays.push(days)
  }

  constructor(period: Period) {
    this.#p = period
  }

  add(v: View): void {
    contributions(v, this.#p, this.#emit)
  }

  figures(): ReportFigures {
    const n = (indicator: CountedIndicator) => this.#counts.get(indicator) ?? 0
    const figures = <K extends string>(keys: readonly K[], value: (key: K) => number) =>
      Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, number>
    const record = <K extends string>(keys: readonly K[], prefix: string) =>
      figures(keys, (key) => n(`${prefix}.${key}` as CountedIndicator))
    const byDecision = record(DECISIONS, 'processing.byDecision')
    const eligible = byDecision.accepted + byDecision.guided + byDecision.transferred
    const carriedOver = {
      total: n('caseload.carriedOver.total'),
      awaitingDecision: n('caseload.carriedOver.awaitingDecision'),
      inResolution: n('caseload.carriedOver.inResolution'),
    }
    const received = n('caseload.received.total')
    this.#total = carriedOver.total + received
    const resolved = n('resolution.resolved')
    const onTime = n('resolution.onTime')
    const repeats = { duplicates: n('repeats.duplicates'), linkedRepeats: n('repeats.linkedRepeats') }
    const repeatTotal = repeats.duplicates + repeats.linkedRepeats
    const ratings = record(
      SATISFACTION_SCORES.map((s) => `${s}` as const),
      'satisfaction.distribution',
    )
    const rated = Object.values(ratings).reduce((a, b) => a + b, 0)
    const ratingSum = SATISFACTION_SCORES.reduce((sum, s) => sum + s * ratings[`${s}`], 0)
    const byOutcome: Partial<Record<Outcome, number>> = {}
    for (const o of OUTCOME_CODES) {
      const count = n(`resolution.byOutcome.${o}`)
      if (count > 0) byOutcome[o] = count
    }
    const kind = (k: Kind): KindFigures => record(KIND_FIGURES, `byKind.${k}`)
    const sum = (a: KindFigures, b: KindFigures): KindFigures => figures(KIND_FIGURES, (f) => a[f] + b[f])
    const recommendation = kind('recommendation')
    const feedback = kind('feedback')
    return {
      caseload: {
        total: this.#total,
        carriedOver,
        received: {
          total: received,
          single: n('caseload.received.single'),
          multiPerson: n('caseload.received.multiPerson'),
          transferredIn: n('caseload.received.transferredIn'),
          byChannel: record(CHANNELS, 'caseload.received.byChannel'),
        },
      },
      processing: {
        processed: n('processing.processed'),
        onTime: n('processing.onTime'),
        late: n('processing.late'),
        timelinessUnknown: n('processing.timelinessUnknown'),
        byDecision,
        eligible,
        notEligible: n('processing.processed') - eligible,
      },
      jurisdiction: {
        inJurisdiction: byDecision.accepted,
        notInJurisdiction: byDecision.guided + byDecision.transferred,
        guided: byDecision.guided,
        transferred: {
          total: byDecision.transferred,
          toCommittee: n('jurisdiction.transferred.toCommittee'),
          toOutsideBody: n('jurisdiction.transferred.toOutsideBody'),
        },
        chased: { cases: n('jurisdiction.chased.cases'), chases: n('jurisdiction.chased.chases') },
        transferRepliesReceived: null,
      },
      standing: {
        resolved,
        endedWithoutResolution: n('standing.endedWithoutResolution'),
        inProgress: n('standing.inProgress'),
        notYetResolved: n('standing.notYetResolved'),
      },
      resolution: {
        toResolve: n('resolution.toResolve'),
        resolved,
        onTime,
        overdue: n('resolution.overdue'),
        withdrawn: n('resolution.withdrawn'),
        onTimeRate: ratio(onTime, resolved),
        byOutcome,
      },
      overdueOpen: {
        total: n('overdueOpen.total'),
        awaitingDecision: n('overdueOpen.awaitingDecision'),
        inResolution: n('overdueOpen.inResolution'),
        byAge: record(OVERDUE_BUCKETS, 'overdueOpen.byAge'),
      },
      extensions: {
        decisions: n('extensions.decisions'),
        cases: n('extensions.cases'),
        byComplexity: record(COMPLEXITIES, 'extensions.byComplexity'),
      },
      suspensions: {
        started: n('suspensions.started'),
        cases: n('suspensions.cases'),
        resumed: n('suspensions.resumed'),
        suspendedAtEnd: n('suspensions.suspendedAtEnd'),
        days: n('suspensions.days'),
      },
      withdrawals: { full: n('withdrawals.full'), partial: n('withdrawals.partial') },
      responseTimes: { firstResponse: stats(this.#firstResponse), resolution: stats(this.#resolutionDays) },
      repeats: { ...repeats, total: repeatTotal, rate: ratio(repeatTotal, received) },
      satisfaction: { count: rated, mean: ratio(ratingSum, rated), distribution: ratings },
      byKind: {
        complaint: kind('complaint'),
        denunciation: kind('denunciation'),
        recommendation_feedback: sum(recommendation, feedback),
        recommendation,
        feedback,
      },
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Drill-down: the cases behind a figure.

/** Which figures of a report: the rolled-up total, the committee's own, or one child's subtree. */
export type ReportPart = 'total' | 'own' | { readonly child: string }

/** One case behind a figure, as the scope saw it, with what it added to the figure. */
export interface DrillDownRow<R> {
  readonly row: R
  /** What the case added to the figure: 1 for a count of cases; the events (or days) for the others. */
  readonly count: number
  /** Days to first response or to resolution, for those two figures. */
  readonly days?: number
  /** The dates the report read, as this scope sees the case. */
  readonly dates: {
    readonly arrivedOn: LocalDate
    readonly decidedOn?: LocalDate
    readonly decisionDue?: LocalDate
    readonly resolvedOn?: LocalDate
    readonly resolutionDue?: LocalDate
    readonly withdrawnOn?: LocalDate
    readonly doneOn?: LocalDate
  }
  readonly decision?: Decision
}

/**
 * The cases behind one figure of {@link buildReport}'s report for the same rows and request: the
 * same views of each case and the same predicates ({@link contributions}), so the rows' counts add
 * up to the figure. `metricsOf` reads the metrics of a row (rows carry their case's code).
 *
 * @throws RuleViolation as {@link buildReport}; `unknown_indicator` (field `indicator`); `unknown_part` (field `part`).
 */
export function reportCases<R>(
  rows: readonly R[],
  metricsOf: (row: R) => CaseMetrics,
  request: ReportRequest,
  indicator: string,
  part: ReportPart = 'total',
): DrillDownRow<R>[] {
  const parts: readonly CountedIndicator[] | undefined =
    DERIVED_INDICATORS[indicator] ??
    ((COUNTED_INDICATORS as readonly string[]).includes(indicator)
      ? [indicator as CountedIndicator]
      : undefined)
  if (!parts)
    throw new RuleViolation('unknown_indicator', `'${indicator}' is not a figure of the report`, 'indicator')
  const wanted = new Set<string>(parts)
  const out: DrillDownRow<R>[] = []
  const childId = typeof part === 'object' ? part.child : undefined
  walk(rows, metricsOf, request, (row, view, group, period) => {
    if (
      part === 'own'
        ? group !== request.committeeId
        : childId !== undefined
          ? group !== childId
          : group !== undefined
    )
      return
    let count = 0
    let days: number | undefined
    contributions(view, period, (i, n = 1, d) => {
      if (!wanted.has(i)) return
      count += n
      if (d !== undefined) days = d
    })
    if (count === 0) return
    out.push({
      row,
      count,
      ...(days === undefined ? {} : { days }),
      ...(view.decision === undefined ? {} : { decision: view.decision }),
      dates: {
        arrivedOn: view.inOn,
        ...(view.decidedOn === undefined ? {} : { decidedOn: view.decidedOn }),
        ...(view.decisionDue === undefined ? {} : { decisionDue: view.decisionDue }),
        ...(view.resolvedOn === undefined ? {} : { resolvedOn: view.resolvedOn }),
        ...(view.resolutionDue === undefined ? {} : { resolutionDue: view.resolutionDue }),
        ...(view.withdrawnOn === undefined ? {} : { withdrawnOn: view.withdrawnOn }),
        ...(view.doneOn === undefined ? {} : { doneOn: view.doneOn }),
      },
    })
  })
  if (
    childId !== undefined &&
    !request.committees.some((c) => c.id === childId && c.parentId === request.committeeId)
  )
    throw new RuleViolation(
      'unknown_part',
      `'${childId}' is not a committee directly below '${request.committeeId}'`,
      'part',
    )
  return out
}

/** One period's resolution figures of the whole scope, as {@link buildReport}'s `total.resolution` counts them. */
export interface ResolutionPoint {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly resolved: number
  readonly onTime: number
  readonly overdue: number
  readonly onTimeRate: number | null
}

/**
 * The resolution figures of the whole scope in each of `periods` (ordered, not overlapping), in one
 * pass over the rows: each case, as the scope sees it, counts in the period that holds its
 * resolution, under the same caseload and `resolution.*` predicates as {@link contributions}. Equal
 * to building one report per period (test/unit/on-time-series.test.ts), at the cost of one.
 */
export function resolutionSeries(
  rows: readonly CaseMetrics[],
  request: Pick<ReportRequest, 'committeeId' | 'committees'>,
  periods: readonly { readonly from: LocalDate; readonly to: LocalDate }[],
): ResolutionPoint[] {
  const { committeeId, committees } = request
  if (!committees.some((c) => c.id === committeeId)) {
    throw new RuleViolation('unknown_committee', `there is no committee '${committeeId}'`, 'committeeId')
  }
  const scope = subtree(committees, committeeId)
  const counts = periods.map(() => ({ resolved: 0, onTime: 0, overdue: 0 }))
  for (const m of rows) {
    const holds = scope.has(m.c)
    const sentIt = m.xf !== undefined && scope.has(m.xf.c)
    if (!holds && !sentIt) continue
    const v = viewOf(m, holds, sentIt)
    const on = v.resolvedOn
    if (on === undefined) continue
    // The period that holds the resolution (binary search: the periods are ordered).
    let lo = 0
    let hi = periods.length - 1
    let at = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const p = periods[mid] as { from: LocalDate; to: LocalDate }
      if (on < p.from) hi = mid - 1
      else if (on > p.to) lo = mid + 1
      else {
        at = mid
        break
      }
    }
    if (at < 0) continue
    const p = periods[at] as { from: LocalDate; to: LocalDate }
    // The period's caseload: arrived by its end and not done before its start.
    if (v.inOn > p.to || (v.doneOn !== undefined && v.doneOn < p.from)) continue
    const c = counts[at] as { resolved: number; onTime: number; overdue: number }
    c.resolved++
    if (v.resolutionTimely === 'met') c.onTime++
    else if (v.resolutionTimely === 'missed') c.overdue++
  }
  return periods.map((p, i) => {
    const c = counts[i] as { resolved: number; onTime: number; overdue: number }
    return { from: p.from, to: p.to, ...c, onTimeRate: ratio(c.onTime, c.resolved) }
  })
}
