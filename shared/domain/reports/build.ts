/** Step 2 of the reports (docs/domain.md#reports): every figure of a committee's report from its rows. */
import { OUTCOME_CODES, type Outcome } from '../reasons.js'
import { CHANNELS, COMPLEXITIES, type Kind } from '../vocabulary.js'
import {
  type DayStats,
  type KindFigures,
  OVERDUE_BUCKETS,
  REPORT_NOTES,
  type Report,
  type ReportFigures,
  type ReportRequest,
} from './figures.js'
import { type CountedIndicator, contributions, type Emit, KIND_FIGURES } from './indicators.js'
import { type CaseMetrics, DECISIONS, SATISFACTION_SCORES } from './metrics.js'
import { percentile, ratio } from './stats.js'
import { type Period, type View, walk } from './view.js'

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

function stats(values: number[]): DayStats {
  // Sorted once here; percentile() sorts its own copy again, which is cheap on sorted input.
  values.sort((a, b) => a - b)
  return { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) }
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
