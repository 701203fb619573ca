/** Every countable figure of a report and the one set of predicates that counts a case into them. */
import type { LocalDate } from '../dates.js'
import { OUTCOME_CODES } from '../reasons.js'
import { CHANNELS, COMPLEXITIES } from '../vocabulary.js'
import { type KindFigures, OVERDUE_BUCKETS } from './figures.js'
import { DECISIONS, type Decision, SATISFACTION_SCORES } from './metrics.js'
import { dayOf, netDays } from './stats.js'
import { bucketOf, overdueAt, type Period, suspendedOn, type View } from './view.js'

const ELIGIBLE: readonly Decision[] = ['accepted', 'guided', 'transferred']

/** The figures of one kind, in the order of {@link KindFigures}. */
export const KIND_FIGURES = [
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

export type Emit = (indicator: CountedIndicator, n?: number, days?: number) => void

/**
 * What one case, as one scope sees it, adds to the figures of the period: every predicate of the
 * report, once. `emit(indicator, n, days)` adds `n` (default 1) to the indicator; the two response
 * times also carry the case's number of days.
 */
export function contributions(v: View, p: Period, emit: Emit): void {
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
