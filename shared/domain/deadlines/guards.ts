import type { LocalDate } from '../dates.js'
import type { Complexity } from '../vocabulary.js'
import { computeDeadlines } from './compute.js'
import { COMPLEXITY_TEXT } from './explain.js'
import { matchOf, ruleFor, ruleSetOn } from './rules.js'
import { isSuspended, readTimeline, type Timeline } from './timeline.js'
import {
  type ClockFacts,
  type DeadlineContext,
  DeadlineRuleError,
  type DeadlineRuleErrorCode,
} from './types.js'

/** An extension decision about to be recorded. */
export interface ExtensionRequest {
  on: LocalDate
  /** Denunciation: days added (≤ the rule's maximum). Complaint: ignored. */
  days: number
  complexity: Complexity
}

const COMPLEXITY_RANK: Record<Complexity, number> = { normal: 0, complex: 1, especially_complex: 2 }

function assertResolving(
  facts: ClockFacts,
  t: Timeline,
  on: LocalDate,
  code: DeadlineRuleErrorCode,
  what: string,
): LocalDate {
  if (t.acceptedOn === undefined || t.acceptedOn > on) {
    throw new DeadlineRuleError(code, `${what} only after the case is accepted`)
  }
  if (t.resolvedOn !== undefined || t.endedOn !== undefined) {
    throw new DeadlineRuleError(code, `${what} only while the ${facts.kind} is being resolved`)
  }
  return t.acceptedOn
}

/**
 * Refuses an extension the law does not allow. Denunciation (Art. 30): complex → one extension,
 * especially complex → two, each ≤ 30 days, decided before the time limit ends. Complaint
 * (Art. 28 / 37): one declaration that the case is complex. Recommendation and feedback: none.
 *
 * @throws DeadlineRuleError `extension_not_allowed`, `invalid_extension`, `extension_limit_reached`,
 *   `extension_too_long`, `extension_after_deadline`.
 */
export function assertCanExtend(facts: ClockFacts, ctx: DeadlineContext, request: ExtensionRequest): void {
  const t = readTimeline(facts.events)
  const acceptedOn = assertResolving(
    facts,
    t,
    request.on,
    'extension_not_allowed',
    'an extension is possible',
  )
  const found = ruleFor(ctx, 'resolution', acceptedOn, matchOf(facts))
  const extension = found?.rule.extension
  if (!extension) {
    throw new DeadlineRuleError('extension_not_allowed', `a ${facts.kind} cannot be extended`)
  }
  const previous = t.extensions.filter((e) => e.on >= acceptedOn)
  if (extension.mode === 'declare_complexity') {
    if (request.complexity === 'normal') {
      throw new DeadlineRuleError(
        'extension_not_allowed',
        'a complaint is extended only by declaring it complex',
      )
    }
    if (previous.length > 0 || facts.complexity !== 'normal') {
      throw new DeadlineRuleError(
        'extension_limit_reached',
        'the complaint is already resolved on the complex time limit',
      )
    }
  } else {
    if (!Number.isInteger(request.days) || request.days < 1) {
      throw new DeadlineRuleError(
        'invalid_extension',
        `an extension is a whole number of days ≥ 1, not ${request.days}`,
      )
    }
    const highest = [facts.complexity, request.complexity, ...previous.map((e) => e.complexity)].reduce(
      (a, b) => (COMPLEXITY_RANK[b] > COMPLEXITY_RANK[a] ? b : a),
    )
    const allowed = extension.maxCount[highest]
    if (allowed === 0) {
      throw new DeadlineRuleError(
        'extension_not_allowed',
        'only a complex or especially complex case may be extended',
      )
    }
    if (previous.length >= allowed) {
      throw new DeadlineRuleError(
        'extension_limit_reached',
        `a ${COMPLEXITY_TEXT[highest].en} case may be extended ${allowed === 1 ? 'once' : `${allowed} times`}`,
      )
    }
    if (request.days > extension.maxDays) {
      throw new DeadlineRuleError('extension_too_long', `an extension is at most ${extension.maxDays} days`)
    }
  }
  // The decision must be taken while the time limit runs; a late one cannot make the case on time.
  const current = computeDeadlines(facts, ctx, request.on).find((d) => d.clock === 'resolution')
  if (current && request.on > current.dueDate) {
    throw new DeadlineRuleError(
      'extension_after_deadline',
      `the resolution time limit ended on ${current.dueDate}`,
    )
  }
}

/**
 * Refuses a suspension the rule set in force on `on` does not allow (complaints from 1 July 2026
 * only, Decree 155/2026, confirm; denunciations always, Law 25/2018 Art. 31), or one outside the
 * resolution, or a second one before the first is resumed.
 *
 * @throws DeadlineRuleError `suspension_not_allowed`, `already_suspended`, `no_rule_set`.
 */
export function assertCanSuspend(facts: ClockFacts, ctx: DeadlineContext, on: LocalDate): void {
  const rule = ruleSetOn(ctx, on).suspension.find((s) => s.kinds.includes(facts.kind))
  const allowed =
    rule?.setting !== undefined && ctx.settings.complaintSuspensionAllowed !== undefined
      ? ctx.settings.complaintSuspensionAllowed
      : (rule?.allowed ?? false)
  if (!allowed) {
    throw new DeadlineRuleError('suspension_not_allowed', `a ${facts.kind} cannot be suspended on ${on}`)
  }
  const t = readTimeline(facts.events)
  assertResolving(facts, t, on, 'suspension_not_allowed', 'a suspension is possible')
  if (isSuspended(t)) {
    throw new DeadlineRuleError('already_suspended', 'the case is already suspended')
  }
}
