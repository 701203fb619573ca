/** One clock: its start, its due date with extensions and suspensions, its state. */
import type { LocalizedText } from '../calendar.js'
import { type LocalDate, maxDate } from '../dates.js'
import { type ClockName, type ClockRule, PETITIONER_CLOCKS, type RuleSet } from '../deadline-rules.js'
import { explain, vi } from './explain.js'
import { type Counting, countDue, settingLimit } from './rules.js'
import type { Extension, Pause } from './timeline.js'
import type { Deadline, DeadlineContext, DeadlineState } from './types.js'

export interface ClockSpec {
  clock: ClockName
  startedOn: LocalDate
  from: LocalizedText
  match: { ruleSet: RuleSet; rule: ClockRule }
  doneOn: LocalDate | undefined
  /** Resolution only. */
  pauses?: readonly Pause[]
  extensions?: readonly Extension[]
  declaredOn?: LocalDate
}

export function runClock(spec: ClockSpec, ctx: DeadlineContext, today: LocalDate): Deadline {
  const { rule, ruleSet } = spec.match
  const { limit: base, fromSetting } = settingLimit(rule, ctx.settings)
  const counting: Counting =
    rule.unit === 'months'
      ? 'months'
      : rule.unit === 'working_days' || ctx.settings.daysMode === 'working'
        ? 'working'
        : 'calendar'
  const extensions = rule.extension?.mode === 'add_days' ? (spec.extensions ?? []) : []
  const limit = base + extensions.reduce((sum, e) => sum + e.days, 0)

  // A suspension not yet resumed ends, for the count, when the clock ends, or else today.
  const openEnd = spec.doneOn ?? today
  const recorded = (spec.pauses ?? []).filter((p) => p.from >= spec.startedOn)
  const pauses: Required<Pause>[] = recorded.map((p) => ({
    from: p.from,
    to: p.to ?? maxDate(openEnd, p.from),
  }))
  const lastPause = recorded.at(-1)
  const suspendedNow = spec.doneOn === undefined && lastPause !== undefined && lastPause.to === undefined
  const { end, due } = countDue(ctx.calendar, spec.startedOn, limit, counting, pauses)

  const state: DeadlineState = spec.doneOn
    ? spec.doneOn <= due
      ? 'met'
      : 'missed'
    : today > due
      ? 'missed'
      : suspendedNow
        ? 'paused'
        : 'running'

  const qualifiers: LocalizedText[] = []
  if (rule.variant) {
    qualifiers.push(
      spec.declaredOn
        ? {
            vi: `${rule.variant.vi}, xác định ngày ${vi(spec.declaredOn)}`,
            en: `${rule.variant.en}, declared on ${spec.declaredOn}`,
          }
        : rule.variant,
    )
  }
  if (fromSetting) qualifiers.push({ vi: 'theo cài đặt của cơ quan', en: 'organisation setting' })
  const openPause =
    suspendedNow && lastPause ? { from: lastPause.from, assumedResumption: openEnd } : undefined
  const explanation = explain({
    limit: base,
    unit: rule.unit,
    counting,
    qualifiers,
    from: spec.from,
    startedOn: spec.startedOn,
    extensions,
    closedPauses: pauses.filter((_, i) => recorded[i]?.to !== undefined),
    ...(openPause ? { openPause } : {}),
    end,
    due,
    ...(rule.note ? { note: rule.note } : {}),
    calendar: ctx.calendar,
  })

  return {
    clock: spec.clock,
    startedOn: spec.startedOn,
    dueDate: due,
    dayType: counting === 'working' ? 'working' : 'calendar',
    limit,
    unit: rule.unit,
    basis: rule.basis.vi,
    basisEn: rule.basis.en,
    explanation,
    state,
    ...(spec.doneOn ? { doneOn: spec.doneOn } : {}),
    ...(lastPause?.to ? { resumedOn: lastPause.to } : {}),
    obligation: PETITIONER_CLOCKS.includes(spec.clock) ? 'petitioner' : 'organisation',
    ruleSetId: ruleSet.id,
    ruleId: rule.id,
  }
}

export const firstOnOrAfter = (dates: readonly LocalDate[] | undefined, from: LocalDate) =>
  dates?.find((d) => d >= from)

export const earliest = (...dates: (LocalDate | undefined)[]): LocalDate | undefined =>
  dates.reduce<LocalDate | undefined>(
    (min, d) => (d !== undefined && (min === undefined || d < min) ? d : min),
    undefined,
  )
