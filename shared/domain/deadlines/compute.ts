/** Every clock of a case, and its next due date. */
import type { LocalizedText } from '../calendar.js'
import type { LocalDate } from '../dates.js'
import type { ClockName } from '../deadline-rules.js'
import { type ClockSpec, earliest, firstOnOrAfter, runClock } from './clock.js'
import { FROM } from './explain.js'
import { matchOf, type RuleMatch, ruleFor } from './rules.js'
import { readTimeline } from './timeline.js'
import type { ClockFacts, Deadline, DeadlineContext } from './types.js'

/**
 * Every clock of a case as of `today`, in the order of `CLOCK_NAMES`. A clock appears once its
 * start event has happened (and, for `transfer`, only while the first decision is not yet made or
 * when that decision is a transfer). Each clock uses the rule set in force on the day it started.
 *
 * @throws DeadlineRuleError `no_rule_set` when a clock starts on a day no rule set covers;
 *   `invalid_setting` for a bad limit override.
 */
export function computeDeadlines(facts: ClockFacts, ctx: DeadlineContext, today: LocalDate): Deadline[] {
  const t = readTimeline(facts.events)
  const m = matchOf(facts)
  const out: Deadline[] = []
  const add = (
    clock: ClockName,
    startedOn: LocalDate,
    from: LocalizedText,
    doneOn: LocalDate | undefined,
    extra: Partial<ClockSpec> = {},
    match: RuleMatch = m,
  ): Deadline | undefined => {
    const found = ruleFor(ctx, clock, startedOn, match)
    if (!found) return undefined
    const deadline = runClock({ clock, startedOn, from, match: found, doneOn, ...extra }, ctx, today)
    out.push(deadline)
    return deadline
  }
  // The end of the case completes whatever is still open, but only clocks that started before it.
  const ended = (startedOn: LocalDate) =>
    t.endedOn !== undefined && t.endedOn >= startedOn ? t.endedOn : undefined
  const explicitDone = (clock: ClockName, startedOn: LocalDate) =>
    earliest(firstOnOrAfter(t.done.get(clock), startedOn), ended(startedOn))

  if (facts.knownOn !== undefined) {
    add('limitation', facts.knownOn, FROM.known, facts.receivedOn)
  }
  add(
    'reception_response',
    facts.receivedOn,
    FROM.receipt,
    earliest(t.firstDecision?.on, explicitDone('reception_response', facts.receivedOn)),
  )
  add('acceptance', facts.receivedOn, FROM.receipt, earliest(t.firstDecision?.on, ended(facts.receivedOn)))
  if (t.firstDecision === undefined || t.firstDecision.decision === 'transferred') {
    add('transfer', facts.receivedOn, FROM.receipt, earliest(t.firstDecision?.on, ended(facts.receivedOn)))
  }
  add('referral_report', facts.receivedOn, FROM.receipt, explicitDone('referral_report', facts.receivedOn))

  let resolution: Deadline | undefined
  if (t.acceptedOn !== undefined) {
    const acceptedOn = t.acceptedOn
    add('parties_notice', acceptedOn, FROM.acceptance, explicitDone('parties_notice', acceptedOn))
    const extensions = t.extensions.filter((e) => e.on >= acceptedOn)
    // A complaint's extension declares it complex: the complex row applies from acceptance on.
    const declared =
      facts.kind === 'complaint' ? extensions.findLast((e) => e.complexity !== 'normal') : undefined
    resolution = add(
      'resolution',
      acceptedOn,
      FROM.acceptance,
      earliest(t.resolvedOn, ended(acceptedOn)),
      { pauses: t.pauses, extensions, ...(declared ? { declaredOn: declared.on } : {}) },
      declared ? matchOf(facts, declared.complexity) : m,
    )
  }
  if (t.lastSuspensionChange) {
    const { on, type } = t.lastSuspensionChange
    add('suspension_notice', on, FROM[type], explicitDone('suspension_notice', on))
  }
  if (t.lastEscalatedOn !== undefined) {
    add(
      'escalation_report',
      t.lastEscalatedOn,
      FROM.escalation,
      explicitDone('escalation_report', t.lastEscalatedOn),
    )
  }
  if (t.resolvedOn !== undefined) {
    const resolvedOn = t.resolvedOn
    add('decision_delivery', resolvedOn, FROM.resolution, explicitDone('decision_delivery', resolvedOn))
    add('publication', resolvedOn, FROM.resolution, explicitDone('publication', resolvedOn))
    add('result_report', resolvedOn, FROM.resolution, explicitDone('result_report', resolvedOn))
  }
  // Art. 33: the window runs from the decision, or from the lapse of the time limit without one.
  const windowStart =
    t.resolvedOn !== undefined
      ? { on: t.resolvedOn, from: FROM.resolution }
      : resolution?.state === 'missed' && resolution.doneOn === undefined
        ? { on: resolution.dueDate, from: FROM.lapse }
        : undefined
  if (windowStart) {
    const window = add('second_complaint_window', windowStart.on, windowStart.from, undefined)
    // The petitioner's window is not a duty: once it has run out it is over, not late.
    if (window && window.state === 'missed') {
      window.state = 'met'
      window.doneOn = window.dueDate
    }
  }
  return out
}

/**
 * The earliest due date among the organisation's clocks that are still open (running, or missed
 * and not yet done), for ordering a committee's queue; undefined when nothing is open. Paused
 * clocks are left out: their due date is hypothetical.
 */
export function nextDue(deadlines: readonly Deadline[]): LocalDate | undefined {
  let min: LocalDate | undefined
  for (const d of deadlines) {
    if (d.obligation !== 'organisation' || d.doneOn !== undefined) continue
    if (d.state !== 'running' && d.state !== 'missed') continue
    if (min === undefined || d.dueDate < min) min = d.dueDate
  }
  return min
}
