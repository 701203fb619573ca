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
 *
 * The sections live in reports/: metrics (step 1), periods, stats, figures (what a report holds),
 * view (the one pass over the rows), indicators (the predicates), build (step 2), drill-down.
 */
export * from './reports/build.js'
export * from './reports/drill-down.js'
export * from './reports/figures.js'
export {
  COUNTED_INDICATORS,
  type CountedIndicator,
  DERIVED_INDICATORS,
  EVENT_INDICATORS,
  INDICATORS,
} from './reports/indicators.js'
export * from './reports/metrics.js'
export * from './reports/periods.js'
export { netDays, percentile } from './reports/stats.js'
