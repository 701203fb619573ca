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
 */
import type { LocalizedText, WorkingCalendar } from './calendar.js'
import { addDays, daysBetween, formatVietnamese, type LocalDate, maxDate, weekday, ymd } from './dates.js'
import {
  type ClockName,
  type ClockRule,
  DEADLINE_RULE_SETS,
  type DeadlineSettings,
  type DeadlineUnit,
  PETITIONER_CLOCKS,
  type Referral,
  type RuleCondition,
  type RuleSet,
  ruleSetInForce,
} from './deadline-rules.js'
import { DomainError } from './errors.js'
import type { Channel, Complexity, Kind } from './vocabulary.js'

/** First decisions other than acceptance (docs/domain.md#lifecycle). */
export type FirstDecision = 'refused' | 'transferred' | 'guided' | 'filed' | 'duplicate'

/** What happened to a case, as far as its clocks are concerned. */
export type ClockEvent =
  | { type: 'accepted'; on: LocalDate }
  | { type: 'decided'; on: LocalDate; decision: FirstDecision }
  /** Denunciation: adds `days` to the resolution limit. Complaint: declares `complexity` (30 → 45 …); `days` is ignored. */
  | { type: 'extended'; on: LocalDate; days: number; complexity: Complexity }
  | { type: 'suspended'; on: LocalDate }
  | { type: 'resumed'; on: LocalDate }
  | { type: 'resolved'; on: LocalDate }
  | { type: 'closed'; on: LocalDate }
  | { type: 'withdrawn'; on: LocalDate }
  | { type: 'escalated'; on: LocalDate }
  /** Explicit completion of a clock no other event completes (see {@link EXPLICITLY_COMPLETED_CLOCKS}). */
  | { type: 'clock_done'; clock: ClockName; on: LocalDate }

/** The facts of a case that its clocks depend on, derived from its history. */
export interface ClockFacts {
  kind: Kind
  channel: Channel
  receivedOn: LocalDate
  instance: 1 | 2
  remoteArea: boolean
  complexity: Complexity
  /** Denunciation: checking needs several places (initial processing 10 WD instead of 7). */
  severalPlaces: boolean
  referral?: Referral
  /** Complaint: the day the complainant learned of the decision or act (starts the limitation). */
  knownOn?: LocalDate
  partyDiscipline?: boolean
  /** In chronological order. */
  events: readonly ClockEvent[]
}

/** What the engine needs besides the facts. */
export interface DeadlineContext {
  calendar: WorkingCalendar
  /** Defaults to {@link DEADLINE_RULE_SETS}. */
  ruleSets?: readonly RuleSet[]
  settings: DeadlineSettings
}

export type DeadlineState = 'running' | 'paused' | 'met' | 'missed'

/** One clock of a case. */
export interface Deadline {
  clock: ClockName
  /** The day of the start event; counting begins the day after. */
  startedOn: LocalDate
  /** The last day allowed. */
  dueDate: LocalDate
  dayType: 'working' | 'calendar'
  /** Units allowed in total, extensions included. */
  limit: number
  unit: DeadlineUnit
  /** The legal source as cited in Vietnamese. */
  basis: string
  basisEn: string
  /** One sentence saying how the due date was computed. */
  explanation: LocalizedText
  state: DeadlineState
  /** The day the clock was completed (by its event, a withdrawal or the closing of the case). */
  doneOn?: LocalDate
  /** The day it last resumed after a suspension: days up to it belonged to the pause. */
  resumedOn?: LocalDate
  /** `petitioner` clocks measure the petitioner's time and never make the organisation late. */
  obligation: 'organisation' | 'petitioner'
  ruleSetId: string
  ruleId: string
}

/** Clocks that only a `clock_done` event (or the end of the case) completes. */
export const EXPLICITLY_COMPLETED_CLOCKS: readonly ClockName[] = [
  'reception_response',
  'referral_report',
  'parties_notice',
  'suspension_notice',
  'escalation_report',
  'decision_delivery',
  'publication',
  'result_report',
]

export type DeadlineRuleErrorCode =
  | 'no_rule_set'
  | 'invalid_setting'
  | 'extension_not_allowed'
  | 'extension_limit_reached'
  | 'extension_too_long'
  | 'extension_after_deadline'
  | 'invalid_extension'
  | 'suspension_not_allowed'
  | 'already_suspended'

const INPUT_ERRORS: readonly DeadlineRuleErrorCode[] = ['no_rule_set', 'invalid_setting', 'invalid_extension']

/**
 * A deadline rule refuses the request; `code` is stable for the API and the UI. Refusals of an
 * extension or a suspension are conflicts with the case's state (409); bad figures are 422.
 */
export class DeadlineRuleError extends DomainError {
  declare readonly code: DeadlineRuleErrorCode
  constructor(code: DeadlineRuleErrorCode, message: string) {
    super(code, message, INPUT_ERRORS.includes(code) ? 422 : 409)
  }
}

// ---------------------------------------------------------------------------------------------------
// The case's history, read once.

interface Pause {
  from: LocalDate
  to?: LocalDate
}

interface Extension {
  on: LocalDate
  days: number
  complexity: Complexity
}

interface Timeline {
  firstDecision?: { on: LocalDate; decision: FirstDecision | 'accepted' }
  acceptedOn?: LocalDate
  resolvedOn?: LocalDate
  endedOn?: LocalDate
  pauses: Pause[]
  extensions: Extension[]
  lastEscalatedOn?: LocalDate
  lastSuspensionChange?: { on: LocalDate; type: 'suspended' | 'resumed' }
  done: Map<ClockName, LocalDate[]>
}

const isSuspended = (t: Timeline): boolean => t.pauses.length > 0 && t.pauses.at(-1)?.to === undefined

function readTimeline(events: readonly ClockEvent[]): Timeline {
  const t: Timeline = { pauses: [], extensions: [], done: new Map() }
  for (const e of events) {
    switch (e.type) {
      case 'accepted':
        t.firstDecision ??= { on: e.on, decision: 'accepted' }
        t.acceptedOn ??= e.on
        break
      case 'decided':
        t.firstDecision ??= { on: e.on, decision: e.decision }
        break
      case 'extended':
        t.extensions.push({ on: e.on, days: e.days, complexity: e.complexity })
        break
      case 'suspended':
        if (isSuspended(t)) break
        t.pauses.push({ from: e.on })
        t.lastSuspensionChange = { on: e.on, type: 'suspended' }
        break
      case 'resumed': {
        const open = t.pauses.at(-1)
        if (open && open.to === undefined) {
          open.to = e.on
          t.lastSuspensionChange = { on: e.on, type: 'resumed' }
        }
        break
      }
      case 'resolved':
        t.resolvedOn ??= e.on
        break
      case 'closed':
      case 'withdrawn':
        t.endedOn ??= e.on
        break
      case 'escalated':
        t.lastEscalatedOn = e.on
        break
      case 'clock_done': {
        const list = t.done.get(e.clock)
        if (list) list.push(e.on)
        else t.done.set(e.clock, [e.on])
        break
      }
    }
  }
  return t
}

// ---------------------------------------------------------------------------------------------------
// Rules.

interface RuleMatch {
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

function ruleSetOn(ctx: DeadlineContext, date: LocalDate): RuleSet {
  const set = ruleSetInForce(ctx.ruleSets ?? DEADLINE_RULE_SETS, date)
  if (!set) throw new DeadlineRuleError('no_rule_set', `no deadline rule set is in force on ${date}`)
  return set
}

/** The rule for `clock` in the rule set in force on `startedOn`, or undefined when the clock does not apply. */
function ruleFor(
  ctx: DeadlineContext,
  clock: ClockName,
  startedOn: LocalDate,
  m: RuleMatch,
): { ruleSet: RuleSet; rule: ClockRule } | undefined {
  const ruleSet = ruleSetOn(ctx, startedOn)
  const rule = ruleSet.rules.find((r) => r.clock === clock && r.kinds.includes(m.kind) && matches(r.when, m))
  return rule ? { ruleSet, rule } : undefined
}

function matchOf(facts: ClockFacts, complexity: Complexity = facts.complexity): RuleMatch {
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

function settingLimit(rule: ClockRule, settings: DeadlineSettings): { limit: number; fromSetting: boolean } {
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

// ---------------------------------------------------------------------------------------------------
// Counting.

type Counting = 'working' | 'calendar' | 'months'

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
function countDue(
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

// ---------------------------------------------------------------------------------------------------
// Explanations.

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
const UNIT_TEXT: Record<DeadlineUnit, LocalizedText> = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  days: { vi: 'ngày', en: 'days' },
  months: { vi: 'tháng', en: 'months' },
}
const COMPLEXITY_TEXT: Record<Complexity, LocalizedText> = {
  normal: { vi: 'thông thường', en: 'normal' },
  complex: { vi: 'phức tạp', en: 'complex' },
  especially_complex: { vi: 'đặc biệt phức tạp', en: 'especially complex' },
}
const FROM = {
  receipt: { vi: 'ngày nhận đơn', en: 'receipt' },
  acceptance: { vi: 'ngày thụ lý', en: 'acceptance' },
  resolution: { vi: 'ngày giải quyết', en: 'the resolution' },
  lapse: { vi: 'ngày hết thời hạn giải quyết', en: 'the end of the resolution time limit' },
  known: {
    vi: 'ngày biết được quyết định, hành vi bị khiếu nại',
    en: 'the day the complainant learned of the decision or act',
  },
  escalation: { vi: 'ngày tố cáo tiếp lên cấp trên', en: 'the escalation to the superior' },
  suspended: { vi: 'ngày tạm đình chỉ', en: 'the suspension' },
  resumed: { vi: 'ngày tiếp tục giải quyết', en: 'the resumption' },
} satisfies Record<string, LocalizedText>

const vi = formatVietnamese
const dayVi = (d: LocalDate) => `${WEEKDAYS_VI[weekday(d)]} ${vi(d)}`
const dayEn = (d: LocalDate) => `${WEEKDAYS_EN[weekday(d)]} ${d}`

interface ExplainInput {
  limit: number
  unit: DeadlineUnit
  counting: Counting
  qualifiers: LocalizedText[]
  from: LocalizedText
  startedOn: LocalDate
  extensions: readonly Extension[]
  closedPauses: readonly Required<Pause>[]
  openPause?: { from: LocalDate; assumedResumption: LocalDate }
  end: LocalDate
  due: LocalDate
  note?: LocalizedText
  calendar: WorkingCalendar
}

function explain(x: ExplainInput): LocalizedText {
  const unit = UNIT_TEXT[x.unit]
  const unitEn = x.limit === 1 ? unit.en.replace(/s$/, '') : unit.en
  const qualifiers = [...x.qualifiers]
  if (x.unit === 'days' && x.counting === 'working') {
    qualifiers.push({ vi: 'tính theo ngày làm việc', en: 'counted as working days' })
  }
  const paren = (lang: 'vi' | 'en') =>
    qualifiers.length ? ` (${qualifiers.map((q) => q[lang]).join(', ')})` : ''
  let en = `${x.limit} ${unitEn}${paren('en')} from ${x.from.en} on ${x.startedOn}`
  let vn = `${x.limit} ${unit.vi}${paren('vi')} kể từ ${x.from.vi} ${vi(x.startedOn)}`

  if (x.extensions.length > 0) {
    const each = x.extensions.map((e) => ({
      en: `by ${e.days} ${UNIT_TEXT[x.unit].en} on ${e.on} (${COMPLEXITY_TEXT[e.complexity].en})`,
      vi: `thêm ${e.days} ${UNIT_TEXT[x.unit].vi} vào ngày ${vi(e.on)} (${COMPLEXITY_TEXT[e.complexity].vi})`,
    }))
    const times = ['once', 'twice'][x.extensions.length - 1] ?? `${x.extensions.length} times`
    en += `, extended ${times}${x.extensions.length === 1 ? ' ' : ': '}${each.map((e) => e.en).join(' and ')}`
    vn += `, gia hạn ${x.extensions.length} lần${x.extensions.length === 1 ? ' ' : ': '}${each.map((e) => e.vi).join(' và ')}`
  }
  if (x.closedPauses.length > 0) {
    en += `, not counting the suspension ${x.closedPauses.map((p) => `from ${p.from} to ${p.to}`).join(' and ')}`
    vn += `, không tính thời gian tạm đình chỉ ${x.closedPauses.map((p) => `từ ${vi(p.from)} đến ${vi(p.to)}`).join(' và ')}`
  }
  if (x.openPause) {
    const { from, assumedResumption: today } = x.openPause
    en += `, suspended on ${from} and not yet resumed, so counted as if resumed today (${today})`
    vn += `, tạm đình chỉ từ ${vi(from)} và chưa tiếp tục, nên tính như thể tiếp tục hôm nay (${vi(today)})`
  }
  en += `, ends on ${dayEn(x.end)}`
  vn += `, kết thúc vào ${dayVi(x.end)}`
  if (x.due !== x.end) {
    const off = x.calendar.dayOff(x.end)
    if (off && off.reason !== 'weekend') {
      en += ` (${off.name.en})`
      vn += ` (${off.name.vi})`
    }
    en += ` → moved to ${dayEn(x.due)}`
    vn += ` → chuyển sang ${dayVi(x.due)}`
  }
  if (x.note) {
    en += `; ${x.note.en}`
    vn += `; ${x.note.vi}`
  }
  // A count across a Tết whose days no notice has fixed yet may still move (calendar.ts).
  const unconfirmed =
    x.counting === 'working'
      ? x.calendar.unconfirmedDaysBetween(x.startedOn, x.due)
      : x.calendar.unconfirmedDaysBetween(x.startedOn, x.due).filter((d) => d >= x.end)
  if (unconfirmed.length > 0) {
    en += '; counted with the default Tết days; the official schedule is not yet recorded'
    vn += '; tính theo các ngày nghỉ Tết mặc định; lịch nghỉ Tết chính thức chưa được ghi nhận'
  }
  return { vi: vn, en }
}

// ---------------------------------------------------------------------------------------------------
// One clock.

interface ClockSpec {
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

function runClock(spec: ClockSpec, ctx: DeadlineContext, today: LocalDate): Deadline {
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

const firstOnOrAfter = (dates: readonly LocalDate[] | undefined, from: LocalDate) =>
  dates?.find((d) => d >= from)

const earliest = (...dates: (LocalDate | undefined)[]): LocalDate | undefined =>
  dates.reduce<LocalDate | undefined>(
    (min, d) => (d !== undefined && (min === undefined || d < min) ? d : min),
    undefined,
  )

// ---------------------------------------------------------------------------------------------------
// The case.

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

// ---------------------------------------------------------------------------------------------------
// Guards for the lifecycle.

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
