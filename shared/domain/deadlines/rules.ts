/** Which rule applies to a clock, and how its limit is counted from its start (see deadlines.ts). */
import type { WorkingCalendar } from '../calendar.js'
import { addDays, daysBetween, type LocalDate, ymd } from '../dates.js'
import {
  type ClockName,
  type ClockRule,
  DEADLINE_RULE_SETS,
  type DeadlineSettings,
  type Referral,
  type RuleCondition,
  type RuleSet,
  ruleSetInForce,
} from '../deadline-rules.js'
import type { Channel, Complexity, Kind } from '../vocabulary.js'
import type { Pause } from './timeline.js'
import { type ClockFacts, type DeadlineContext, DeadlineRuleError } from './types.js'

export interface RuleMatch {
  kind: Kind
  instance: 1 | 2
  remoteArea: boolean
  complexity: Complexity
  severalPlaces: boolean
  channel: Channel
  referral: Referral | undefined
  partyDiscipline: boolean
}

function matches(when: RuleCondition | undefined, m: RuleMatch): boolean {
  if (!when) return true
  if (when.instance !== undefined && when.instance !== m.instance) return false
  if (when.remoteArea !== undefined && when.remoteArea !== m.remoteArea) return false
  if (when.complex !== undefined && when.complex !== (m.complexity !== 'normal')) return false
  if (when.severalPlaces !== undefined && when.severalPlaces !== m.severalPlaces) return false
  if (when.partyDiscipline !== undefined && when.partyDiscipline !== m.partyDiscipline) return false
  if (when.channels && !when.channels.includes(m.channel)) return false
  if (when.referrals && (m.referral === undefined || !when.referrals.includes(m.referral))) return false
  return true
}

export function ruleSetOn(ctx: DeadlineContext, date: LocalDate): RuleSet {
  const set = ruleSetInForce(ctx.ruleSets ?? DEADLINE_RULE_SETS, date)
  if (!set) throw new DeadlineRuleError('no_rule_set', `no deadline rule set is in force on ${date}`)
  return set
}

/** The rule for `clock` in the rule set in force on `startedOn`, or undefined when the clock does not apply. */
export function ruleFor(
  ctx: DeadlineContext,
  clock: ClockName,
  startedOn: LocalDate,
  m: RuleMatch,
): { ruleSet: RuleSet; rule: ClockRule } | undefined {
  const ruleSet = ruleSetOn(ctx, startedOn)
  const rule = ruleSet.rules.find((r) => r.clock === clock && r.kinds.includes(m.kind) && matches(r.when, m))
  return rule ? { ruleSet, rule } : undefined
}

export function matchOf(facts: ClockFacts, complexity: Complexity = facts.complexity): RuleMatch {
  return {
    kind: facts.kind,
    instance: facts.instance,
    remoteArea: facts.remoteArea,
    complexity,
    severalPlaces: facts.severalPlaces,
    channel: facts.channel,
    referral: facts.referral,
    partyDiscipline: facts.partyDiscipline === true,
  }
}

export function settingLimit(
  rule: ClockRule,
  settings: DeadlineSettings,
): { limit: number; fromSetting: boolean } {
  const value = rule.setting ? settings.limits?.[rule.setting] : undefined
  if (value === undefined) return { limit: rule.limit, fromSetting: false }
  if (!Number.isInteger(value) || value < 1) {
    throw new DeadlineRuleError(
      'invalid_setting',
      `setting ${rule.setting} must be a whole number ≥ 1, not ${value}`,
    )
  }
  return { limit: value, fromSetting: true }
}

export type Counting = 'working' | 'calendar' | 'months'

function addMonths(date: LocalDate, months: number): LocalDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return ymd(year, month, Math.min(Number(date.slice(8, 10)), lastDay))
}

/**
 * The last day counted (`end`) and the due date after the move forward. `pauses` must have an end;
 * days in (from, to] are skipped.
 */
export function countDue(
  calendar: WorkingCalendar,
  start: LocalDate,
  units: number,
  counting: Counting,
  pauses: readonly Required<Pause>[],
): { end: LocalDate; due: LocalDate } {
  if (counting === 'months') {
    const end = addMonths(start, units)
    return { end, due: calendar.nextWorkingDayOnOrAfter(end) }
  }
  const unitsIn = (from: LocalDate, to: LocalDate) =>
    counting === 'working' ? calendar.workingDaysBetween(from, to) : Math.max(0, daysBetween(from, to))
  const advance = (from: LocalDate, n: number) =>
    counting === 'working' ? calendar.addWorkingDays(from, n) : addDays(from, n)
  let cursor = start
  let remaining = units
  for (const pause of pauses) {
    if (pause.to <= cursor) continue
    if (pause.from > cursor) {
      const used = unitsIn(cursor, pause.from)
      if (used >= remaining) break
      remaining -= used
    }
    cursor = pause.to
  }
  const end = advance(cursor, remaining)
  return { end, due: counting === 'working' ? end : calendar.nextWorkingDayOnOrAfter(end) }
}
