/**
 * The legal time limits of docs/domain.md#clocks as data, one rule set per legal regime, each valid
 * from `effectiveFrom` to `effectiveTo` (inclusive). A clock binds to the rule set in force on the
 * day it starts, so a complaint received on 30 June 2026 keeps the old limit after the law changes.
 *
 * Figures that docs/domain.md#clocks marks *(confirm)* carry a `setting`: an organisation may
 * override them in {@link DeadlineSettings} without a code change. Everything else is the law's own
 * figure; a new law means a new rule set, not an edit of an old one.
 */
import type { LocalizedText } from './calendar.js'
import type { LocalDate } from './dates.js'
import type { Channel, Complexity, Kind } from './vocabulary.js'

/**
 * The clocks a case can run. `acceptance` ends with the first decision (accept, refuse, transfer,
 * guide, file); `resolution` ends with the final one. `limitation` and `second_complaint_window`
 * are the petitioner's time, not the organisation's.
 */
export const CLOCK_NAMES = [
  'limitation',
  'reception_response',
  'acceptance',
  'transfer',
  'referral_report',
  'parties_notice',
  'resolution',
  'suspension_notice',
  'escalation_report',
  'decision_delivery',
  'publication',
  'result_report',
  'second_complaint_window',
] as const
export type ClockName = (typeof CLOCK_NAMES)[number]

/** Clocks that measure the petitioner's time: they never make the organisation late. */
export const PETITIONER_CLOCKS: readonly ClockName[] = ['limitation', 'second_complaint_window']

/**
 * `days` is the law's bare "ngày": counted as calendar or working days by the organisation's
 * `daysMode`. `months` ends on the same day of the month (Civil Code 2015 Art. 147, 148).
 */
export const DEADLINE_UNITS = ['working_days', 'days', 'months'] as const
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number]

/** Who passed the case to us and expects a report back (Law 25/2018 Art. 26(2); Law 42/2013 Art. 27(2)). */
export const REFERRALS = ['press', 'authority', 'deputy', 'agency'] as const
export type Referral = (typeof REFERRALS)[number]

/**
 * How the organisation reads the law's bare "ngày" (docs/domain.md#clocks); calendar days are the
 * stricter reading.
 */
export type DaysMode = 'calendar' | 'working'

/** The (confirm) figures an organisation may override, by setting key. */
export const LIMIT_SETTING_KEYS = [
  'petitionProcessing',
  'complaintAcceptance',
  'recommendationAnswer',
  'complaintSuspensionNotice',
] as const
export type LimitSettingKey = (typeof LIMIT_SETTING_KEYS)[number]

/** The organisation's deadline settings. */
export interface DeadlineSettings {
  daysMode: DaysMode
  /** Overrides of the (confirm) limits, in the rule's own unit; whole numbers ≥ 1. */
  limits?: Partial<Record<LimitSettingKey, number>>
  /** Overrides whether a complaint may be suspended where the rule set says so *(confirm)*. */
  complaintSuspensionAllowed?: boolean
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = { daysMode: 'calendar' }

/** When a rule row applies; an absent field matches anything. */
export interface RuleCondition {
  instance?: 1 | 2
  remoteArea?: boolean
  /** Complex or especially complex (Decree 31/2019 Art. 3), as known when the deadline is computed. */
  complex?: boolean
  severalPlaces?: boolean
  channels?: readonly Channel[]
  referrals?: readonly Referral[]
  partyDiscipline?: boolean
}

/**
 * How a resolution clock may be extended. `add_days`: each extension decision adds up to `maxDays`,
 * at most `maxCount[complexity]` times (denunciations, Art. 30). `declare_complexity`: declaring the
 * case complex once switches to the rule row for complex cases (complaints, Art. 28 / 37).
 */
export type ExtensionRule =
  | { mode: 'add_days'; maxCount: Record<Complexity, number>; maxDays: number; basis: LocalizedText }
  | { mode: 'declare_complexity'; basis: LocalizedText }

/** One row of the deadline table. */
export interface ClockRule {
  /** Stable id, unique within the rule set. */
  id: string
  clock: ClockName
  kinds: readonly Kind[]
  when?: RuleCondition
  limit: number
  unit: DeadlineUnit
  basis: LocalizedText
  /** The variant this row is for, in the explanation: "complex case, remote area". */
  variant?: LocalizedText
  /** Added to the explanation (e.g. what the limit does not count). */
  note?: LocalizedText
  /** docs/domain.md#clocks marks the figure (confirm): `settings.limits[setting]` replaces `limit`. */
  setting?: LimitSettingKey
  extension?: ExtensionRule
}

/** Whether a kind's resolution may be suspended (suspension time is not counted). */
export interface SuspensionRule {
  kinds: readonly Kind[]
  allowed: boolean
  basis: LocalizedText
  /** Marked (confirm): `settings.complaintSuspensionAllowed` replaces `allowed` when set. */
  setting?: 'complaintSuspensionAllowed'
}

/** All the rows in force over one period. Rows are matched in order: specific rows come first. */
export interface RuleSet {
  id: string
  name: LocalizedText
  effectiveFrom: LocalDate
  /** Last day in force (inclusive); absent while in force. */
  effectiveTo?: LocalDate
  rules: readonly ClockRule[]
  suspension: readonly SuspensionRule[]
}

const ALL_KINDS: readonly Kind[] = ['complaint', 'denunciation', 'recommendation', 'feedback']
const PROPOSALS: readonly Kind[] = ['recommendation', 'feedback']

const law = (vi: string, en: string): LocalizedText => ({ vi, en })
const COMPLAINTS = (article: string, en: string) =>
  law(`Luật Khiếu nại 02/2011/QH13, ${article}`, `Law on Complaints 02/2011/QH13, ${en}`)
const DENUNCIATIONS = (article: string, en: string) =>
  law(`Luật Tố cáo 25/2018/QH14, ${article}`, `Law on Denunciations 25/2018/QH14, ${en}`)
const RECEPTION = (article: string, en: string) =>
  law(`Luật Tiếp công dân 42/2013/QH13, ${article}`, `Law on Citizen Reception 42/2013/QH13, ${en}`)
const AMENDED_2026 = law(
  'sửa đổi bởi Luật 136/2025/QH15; Nghị định 155/2026/NĐ-CP',
  'as amended by Law 136/2025/QH15; Decree 155/2026/ND-CP',
)
const amended = (basis: LocalizedText): LocalizedText => ({
  vi: `${basis.vi} (${AMENDED_2026.vi})`,
  en: `${basis.en} (${AMENDED_2026.en})`,
})

const COMPLEX = law('vụ việc phức tạp', 'complex case')
const REMOTE = law('vùng sâu, vùng xa', 'remote area')
const COMPLEX_REMOTE = law('vụ việc phức tạp, vùng sâu, vùng xa', 'complex case, remote area')

const DENUNCIATION_EXTENSION: ExtensionRule = {
  mode: 'add_days',
  maxCount: { normal: 0, complex: 1, especially_complex: 2 },
  maxDays: 30,
  basis: DENUNCIATIONS('Điều 30', 'Art. 30'),
}
const COMPLAINT_EXTENSION_1: ExtensionRule = {
  mode: 'declare_complexity',
  basis: COMPLAINTS('Điều 28', 'Art. 28'),
}
const COMPLAINT_EXTENSION_2: ExtensionRule = {
  mode: 'declare_complexity',
  basis: COMPLAINTS('Điều 37', 'Art. 37'),
}

/** Resolution limits of Art. 28 (1st instance) and Art. 37 (2nd instance): [normal, complex, remote, both]. */
function complaintResolutionRows(instance: 1 | 2, limits: [number, number, number, number]): ClockRule[] {
  const basis = instance === 1 ? COMPLAINTS('Điều 28', 'Art. 28') : COMPLAINTS('Điều 37', 'Art. 37')
  const extension = instance === 1 ? COMPLAINT_EXTENSION_1 : COMPLAINT_EXTENSION_2
  const row = (suffix: string, when: RuleCondition, limit: number, variant?: LocalizedText): ClockRule => ({
    id: `complaint.resolution.${instance}.${suffix}`,
    clock: 'resolution',
    kinds: ['complaint'],
    when: { instance, ...when },
    limit,
    unit: 'days',
    basis,
    extension,
    ...(variant ? { variant } : {}),
  })
  return [
    row('complex_remote', { complex: true, remoteArea: true }, limits[3], COMPLEX_REMOTE),
    row('complex', { complex: true }, limits[1], COMPLEX),
    row('remote', { remoteArea: true }, limits[2], REMOTE),
    row('normal', {}, limits[0]),
  ]
}

/** Rows that did not change on 1 July 2026. */
const UNCHANGED_ROWS: readonly ClockRule[] = [
  {
    id: 'limitation.party_discipline',
    clock: 'limitation',
    kinds: ['complaint'],
    when: { partyDiscipline: true },
    limit: 1,
    unit: 'months',
    basis: law('Điều lệ Đảng, Điều 39', 'Party Charter, Art. 39'),
    variant: law('khiếu nại kỷ luật Đảng', 'Party discipline complaint'),
  },
  {
    id: 'limitation.complaint',
    clock: 'limitation',
    kinds: ['complaint'],
    limit: 90,
    unit: 'days',
    basis: COMPLAINTS('Điều 9', 'Art. 9'),
    note: law(
      'thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa không tính vào thời hiệu',
      'time lost to illness, natural disaster, war, or work or study far away is not counted',
    ),
  },
  {
    id: 'reception_response',
    clock: 'reception_response',
    kinds: ALL_KINDS,
    when: { channels: ['in_person'] },
    limit: 10,
    unit: 'working_days',
    basis: RECEPTION('Điều 28 khoản 1', 'Art. 28(1)'),
  },
  {
    id: 'denunciation.acceptance.several_places',
    clock: 'acceptance',
    kinds: ['denunciation'],
    when: { severalPlaces: true },
    limit: 10,
    unit: 'working_days',
    basis: DENUNCIATIONS('Điều 24 khoản 1', 'Art. 24(1)'),
    variant: law('cần kiểm tra, xác minh ở nhiều địa điểm', 'several places to check'),
  },
  {
    id: 'denunciation.acceptance',
    clock: 'acceptance',
    kinds: ['denunciation'],
    limit: 7,
    unit: 'working_days',
    basis: DENUNCIATIONS('Điều 24 khoản 1', 'Art. 24(1)'),
  },
  {
    id: 'proposal.acceptance',
    clock: 'acceptance',
    kinds: PROPOSALS,
    limit: 10,
    unit: 'working_days',
    basis: law('Thông tư 05/2021/TT-TTCP (xử lý đơn)', 'Circular 05/2021/TT-TTCP (petition processing)'),
    setting: 'petitionProcessing',
  },
  {
    id: 'denunciation.transfer',
    clock: 'transfer',
    kinds: ['denunciation'],
    limit: 5,
    unit: 'working_days',
    basis: law(
      'Luật Tố cáo 25/2018/QH14, Điều 24 khoản 2; Thông tư 05/2021/TT-TTCP, Điều 14',
      'Law on Denunciations 25/2018/QH14, Art. 24(2); Circular 05/2021/TT-TTCP, Art. 14',
    ),
  },
  {
    id: 'proposal.transfer',
    clock: 'transfer',
    kinds: PROPOSALS,
    limit: 5,
    unit: 'working_days',
    basis: law('Nghị định 20/2008/NĐ-CP, Điều 9', 'Decree 20/2008/ND-CP, Art. 9'),
  },
  {
    id: 'denunciation.referral_report',
    clock: 'referral_report',
    kinds: ['denunciation'],
    when: { referrals: ['press', 'authority'] },
    limit: 20,
    unit: 'days',
    basis: DENUNCIATIONS('Điều 26 khoản 2', 'Art. 26(2)'),
  },
  {
    id: 'denunciation.parties_notice',
    clock: 'parties_notice',
    kinds: ['denunciation'],
    limit: 5,
    unit: 'working_days',
    basis: DENUNCIATIONS('Điều 29 khoản 3', 'Art. 29(3)'),
  },
  ...complaintResolutionRows(1, [30, 45, 45, 60]),
  ...complaintResolutionRows(2, [45, 60, 60, 70]),
  {
    id: 'denunciation.resolution',
    clock: 'resolution',
    kinds: ['denunciation'],
    limit: 30,
    unit: 'days',
    basis: DENUNCIATIONS('Điều 30', 'Art. 30'),
    extension: DENUNCIATION_EXTENSION,
  },
  {
    id: 'proposal.resolution',
    clock: 'resolution',
    kinds: PROPOSALS,
    limit: 10,
    unit: 'working_days',
    basis: law(
      'Quy định của cơ quan (trả lời kiến nghị, phản ánh)',
      "The organisation's rule (answering recommendations and feedback)",
    ),
    setting: 'recommendationAnswer',
  },
  {
    // Art. 38 gives the superior 5 WD to ask for a report and the resolver 5 WD from the request to
    // send it. No event records the request, so one clock carries the outer bound: 5 + 5 WD.
    id: 'denunciation.escalation_report',
    clock: 'escalation_report',
    kinds: ['denunciation'],
    limit: 10,
    unit: 'working_days',
    basis: DENUNCIATIONS('Điều 38', 'Art. 38'),
    note: law(
      '5 ngày làm việc để cấp trên yêu cầu báo cáo và 5 ngày làm việc để báo cáo',
      '5 working days for the superior to ask for a report and 5 for the report',
    ),
  },
  {
    id: 'complaint.decision_delivery',
    clock: 'decision_delivery',
    kinds: ['complaint'],
    limit: 3,
    unit: 'working_days',
    basis: COMPLAINTS('Điều 32', 'Art. 32'),
  },
  {
    id: 'denunciation.decision_delivery',
    clock: 'decision_delivery',
    kinds: ['denunciation'],
    limit: 5,
    unit: 'working_days',
    basis: DENUNCIATIONS('Điều 35 khoản 3', 'Art. 35(3)'),
  },
  {
    id: 'denunciation.publication',
    clock: 'publication',
    kinds: ['denunciation'],
    limit: 7,
    unit: 'working_days',
    basis: DENUNCIATIONS('Điều 40', 'Art. 40'),
  },
  {
    id: 'result_report',
    clock: 'result_report',
    kinds: ALL_KINDS,
    when: { referrals: ['deputy', 'agency'] },
    limit: 7,
    unit: 'working_days',
    basis: RECEPTION('Điều 27 khoản 2', 'Art. 27(2)'),
  },
  {
    id: 'complaint.second_complaint_window.remote',
    clock: 'second_complaint_window',
    kinds: ['complaint'],
    when: { instance: 1, remoteArea: true },
    limit: 45,
    unit: 'days',
    basis: COMPLAINTS('Điều 33', 'Art. 33'),
    variant: REMOTE,
  },
  {
    id: 'complaint.second_complaint_window',
    clock: 'second_complaint_window',
    kinds: ['complaint'],
    when: { instance: 1 },
    limit: 30,
    unit: 'days',
    basis: COMPLAINTS('Điều 33', 'Art. 33'),
  },
]

const DENUNCIATION_SUSPENSION: SuspensionRule = {
  kinds: ['denunciation'],
  allowed: true,
  basis: DENUNCIATIONS('Điều 31', 'Art. 31'),
}

/** Law 02/2011, Law 25/2018 and Law 42/2013 as they stood until 30 June 2026. */
export const RULES_UNTIL_2026_06_30: RuleSet = {
  id: 'vn-2019',
  name: law('Quy định đến hết 30/6/2026', 'Rules until 30 June 2026'),
  // Law 25/2018/QH14 on Denunciations took effect on 1 January 2019; earlier cases are not modelled.
  effectiveFrom: '2019-01-01',
  effectiveTo: '2026-06-30',
  rules: [
    {
      id: 'complaint.acceptance.1',
      clock: 'acceptance',
      kinds: ['complaint'],
      when: { instance: 1 },
      limit: 10,
      unit: 'days',
      basis: COMPLAINTS('Điều 27', 'Art. 27'),
    },
    {
      id: 'complaint.acceptance.2',
      clock: 'acceptance',
      kinds: ['complaint'],
      when: { instance: 2 },
      limit: 10,
      unit: 'days',
      basis: COMPLAINTS('Điều 36', 'Art. 36'),
    },
    ...UNCHANGED_ROWS,
  ],
  suspension: [
    {
      kinds: ['complaint'],
      allowed: false,
      basis: law(
        'Luật Khiếu nại 02/2011/QH13 (không quy định tạm đình chỉ)',
        'Law on Complaints 02/2011/QH13 (no suspension)',
      ),
    },
    DENUNCIATION_SUSPENSION,
  ],
}

/** The regime of Law 136/2025/QH15 and Decrees 154, 155, 156/2026, from 1 July 2026. */
export const RULES_FROM_2026_07_01: RuleSet = {
  id: 'vn-2026-07',
  name: law('Quy định từ 01/7/2026', 'Rules from 1 July 2026'),
  effectiveFrom: '2026-07-01',
  rules: [
    {
      id: 'complaint.acceptance.1',
      clock: 'acceptance',
      kinds: ['complaint'],
      when: { instance: 1 },
      limit: 7,
      unit: 'working_days',
      basis: amended(COMPLAINTS('Điều 27', 'Art. 27')),
      setting: 'complaintAcceptance',
    },
    {
      id: 'complaint.acceptance.2',
      clock: 'acceptance',
      kinds: ['complaint'],
      when: { instance: 2 },
      limit: 7,
      unit: 'working_days',
      basis: amended(COMPLAINTS('Điều 36', 'Art. 36')),
      setting: 'complaintAcceptance',
    },
    {
      // The suspension and the continuation decisions are sent within 3 WD (Decree 155/2026, confirm).
      id: 'complaint.suspension_notice',
      clock: 'suspension_notice',
      kinds: ['complaint'],
      limit: 3,
      unit: 'working_days',
      basis: law('Nghị định 155/2026/NĐ-CP', 'Decree 155/2026/ND-CP'),
      setting: 'complaintSuspensionNotice',
    },
    ...UNCHANGED_ROWS,
  ],
  suspension: [
    {
      kinds: ['complaint'],
      allowed: true,
      basis: law('Nghị định 155/2026/NĐ-CP', 'Decree 155/2026/ND-CP'),
      setting: 'complaintSuspensionAllowed',
    },
    DENUNCIATION_SUSPENSION,
  ],
}

/** The rule sets shipped with the system, oldest first. */
export const DEADLINE_RULE_SETS: readonly RuleSet[] = [RULES_UNTIL_2026_06_30, RULES_FROM_2026_07_01]

/** The rule set in force on `date`, or undefined when none covers it. */
export function ruleSetInForce(ruleSets: readonly RuleSet[], date: LocalDate): RuleSet | undefined {
  return ruleSets.find(
    (set) => set.effectiveFrom <= date && (set.effectiveTo === undefined || date <= set.effectiveTo),
  )
}
