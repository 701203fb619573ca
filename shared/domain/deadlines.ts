/**
 * The deadline engine: from the facts of a case (kind, receipt, its events so far) and the rule
 * sets of deadline-rules.ts, every legal clock of the case with its due date, its state and a
 * one-sentence explanation in Vietnamese and English.
 *
 * Counting (Civil Code 2015 Art. 147–148):
 * - A clock starts on the day of its start event; counting begins the day AFTER it.
 * - N working days: the N-th working day after the start.
 * - N calendar days: start + N; when that day is not a working day, the next working day.
 * - N months: the same day of the month N months later, the month's last day when that day does not
 *   exist (31 Jan + 1 month = 28/29 Feb), then moved forward like calendar days.
 * - The law's bare "days" count as calendar or working days by `settings.daysMode`.
 * - Extensions add to the limit before the move forward: start + (30 + Σ extensions), then moved.
 * - Suspension (resolution clock only): the days (suspendedOn, resumedOn] are not counted; the units
 *   counted in (start, suspendedOn] are used, the rest count again from resumedOn. While suspended
 *   the due date is the one the clock would have if it were resumed today.
 *
 * State: `met` when the clock was completed on or before its due date, `missed` when completed after
 * it or still open after it, `paused` while suspended, `running` otherwise. A withdrawal or the
 * closing of the case completes every organisation clock still open on that day.
 *
 * The sections live in deadlines/: types, timeline (the history read once), rules (which rule and
 * how it counts), explain, clock (one clock), compute (the case) and guards (for the lifecycle).
 */

export { computeDeadlines, nextDue } from './deadlines/compute.js'
export {
  assertCanExtend,
  assertCanSuspend,
  type ExtensionRequest,
} from './deadlines/guards.js'
export {
  type ClockEvent,
  type ClockFacts,
  type Deadline,
  type DeadlineContext,
  DeadlineRuleError,
  type DeadlineRuleErrorCode,
  type DeadlineState,
  EXPLICITLY_COMPLETED_CLOCKS,
  type FirstDecision,
} from './deadlines/types.js'
