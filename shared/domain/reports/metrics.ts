/** Step 1 of the reports (docs/domain.md#reports): the per-case projection the reporting index holds. */
import type { CaseRecord } from '../case.js'
import { type LocalDate, vietnamDate } from '../dates.js'
import type { Deadline } from '../deadlines.js'
import type { Status } from '../lifecycle.js'
import { OUTCOME_CODES, type Outcome } from '../reasons.js'
import {
  type Channel,
  COMPLEXITIES,
  type Complexity,
  type Kind,
  MULTI_PERSON_THRESHOLD,
} from '../vocabulary.js'
import { earliest, netDays } from './stats.js'

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
