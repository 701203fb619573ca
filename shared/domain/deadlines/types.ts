/** The deadline engine's vocabulary: a case's clock facts and events, its clocks, and the engine's errors. */
import type { LocalizedText, WorkingCalendar } from '../calendar.js'
import type { LocalDate } from '../dates.js'
import {
  type ClockName,
  DEADLINE_RULE_SETS,
  type DeadlineSettings,
  type DeadlineUnit,
  type Referral,
  type RuleSet,
} from '../deadline-rules.js'
import { DomainError } from '../errors.js'
import type { Channel, Complexity, Kind } from '../vocabulary.js'

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
