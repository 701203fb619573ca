/** What a report holds (docs/domain.md#reports): its request, every figure and the notes shown with it. */
import type { LocalizedText } from '../calendar.js'
import type { LocalDate } from '../dates.js'
import type { Outcome } from '../reasons.js'
import type { Committee } from '../routing.js'
import type { Channel, Complexity } from '../vocabulary.js'
import type { Decision, SatisfactionScore } from './metrics.js'

// ---------------------------------------------------------------------------------------------------
// Step 2: the report.

export interface ReportRequest {
  readonly committeeId: string
  readonly from: LocalDate
  readonly to: LocalDate
  readonly today: LocalDate
  readonly committees: readonly Committee[]
}

/** Median and 90th percentile (nearest rank) of a number of days. */
export interface DayStats {
  readonly count: number
  readonly median: number | null
  readonly p90: number | null
}

export const OVERDUE_BUCKETS = ['1-7', '8-30', '31-90', '>90'] as const
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number]

/** docs/domain.md#reports groups recommendations and feedback together; each kind is shown too. */
export const KIND_GROUPS = [
  'complaint',
  'denunciation',
  'recommendation_feedback',
  'recommendation',
  'feedback',
] as const
export type KindGroup = (typeof KIND_GROUPS)[number]

/** The figures of one kind (group). */
export interface KindFigures {
  readonly received: number
  readonly processed: number
  readonly eligible: number
  readonly inJurisdiction: number
  readonly resolved: number
  readonly resolvedOnTime: number
  readonly resolvedOverdue: number
  /** Open and past a time limit at `asOf`. */
  readonly overdueOpen: number
}

/** Every figure of docs/domain.md#reports that concerns petitions, for one scope and period. */
export interface ReportFigures {
  readonly caseload: {
    /** Carried over + received. */
    readonly total: number
    /** Arrived before `from` and not done before it: still awaiting a first decision, or accepted and not yet resolved. */
    readonly carriedOver: {
      readonly total: number
      readonly awaitingDecision: number
      readonly inResolution: number
    }
    readonly received: {
      readonly total: number
      readonly single: number
      readonly multiPerson: number
      /** From outside the scope: the `transferred_in` channel, or an internal transfer from a committee outside it. */
      readonly transferredIn: number
      readonly byChannel: Readonly<Record<Channel, number>>
    }
  }
  readonly processing: {
    /** First decisions made within the period. */
    readonly processed: number
    readonly onTime: number
    readonly late: number
    /** Transfers out of a committee to another one: their clock restarted at the receiving committee and is not in the metrics. */
    readonly timelinessUnknown: number
    readonly byDecision: Readonly<Record<Decision, number>>
    /** Accepted, guided or transferred (Biểu 01/XLD "đủ điều kiện xử lý"). */
    readonly eligible: number
    /** Refused, filed or duplicate. */
    readonly notEligible: number
  }
  readonly jurisdiction: {
    /** Accepted for resolution. */
    readonly inJurisdiction: number
    /** Guided or transferred. */
    readonly notInJurisdiction: number
    readonly guided: number
    readonly transferred: {
      readonly total: number
      readonly toCommittee: number
      readonly toOutsideBody: number
    }
    /** Caseload cases chased within the period, and the chases recorded within it. */
    readonly chased: { readonly cases: number; readonly chases: number }
    /** Not yet tracked: no event records an answer from the body a petition was transferred to. */
    readonly transferRepliesReceived: null
  }
  /** Where the caseload stands at the end of the period; the four add up to `caseload.total`. */
  readonly standing: {
    readonly resolved: number
    /** Refused, guided, transferred, filed, duplicate or withdrawn within the period. */
    readonly endedWithoutResolution: number
    /** Accepted and being resolved at `to`. */
    readonly inProgress: number
    /** No first decision yet at `to`. */
    readonly notYetResolved: number
  }
  readonly resolution: {
    /** Caseload cases accepted by `to`. */
    readonly toResolve: number
    readonly resolved: number
    readonly onTime: number
    readonly overdue: number
    /** onTime / resolved; null when nothing was resolved. */
    readonly onTimeRate: number | null
    /** Accepted cases fully withdrawn within the period. */
    readonly withdrawn: number
    readonly byOutcome: Readonly<Partial<Record<Outcome, number>>>
  }
  /** Cases open at `asOf` and past their first-decision or resolution time limit, by days overdue at `asOf`. */
  readonly overdueOpen: {
    readonly total: number
    readonly awaitingDecision: number
    readonly inResolution: number
    readonly byAge: Readonly<Record<OverdueBucket, number>>
  }
  readonly extensions: {
    /** Extension decisions within the period, by the complexity that justified them. */
    readonly decisions: number
    readonly cases: number
    readonly byComplexity: Readonly<Record<Complexity, number>>
  }
  readonly suspensions: {
    readonly started: number
    /** Cases with a suspension started within the period. */
    readonly cases: number
    readonly resumed: number
    /** Suspended at `asOf`. */
    readonly suspendedAtEnd: number
    /** Suspended days falling within `from`..`asOf`. */
    readonly days: number
  }
  readonly withdrawals: { readonly full: number; readonly partial: number }
  /** Calendar days, suspended days excluded: receipt → first response within the period; receipt → resolution within the period. */
  readonly responseTimes: { readonly firstResponse: DayStats; readonly resolution: DayStats }
  /** Among the petitions received: marked duplicate or linked as a repeat; rate = total / received (null when none received). */
  readonly repeats: {
    readonly duplicates: number
    readonly linkedRepeats: number
    readonly total: number
    readonly rate: number | null
  }
  /** Ratings of the answers given within the period (cases resolved in it), whenever the rating came. */
  readonly satisfaction: {
    readonly count: number
    readonly mean: number | null
    readonly distribution: Readonly<Record<`${SatisfactionScore}`, number>>
  }
  readonly byKind: Readonly<Record<KindGroup, KindFigures>>
}

export interface Report {
  readonly committeeId: string
  readonly from: LocalDate
  readonly to: LocalDate
  /** The day open cases are measured at: the earlier of `to` and today. */
  readonly asOf: LocalDate
  /** The committee and every committee below it. */
  readonly scope: readonly string[]
  /** The committee's own cases. */
  readonly own: ReportFigures
  /** The committee and every committee below it. */
  readonly total: ReportFigures
  /** Each direct child with its own subtree, in the order of `committees`. */
  readonly children: readonly { readonly committeeId: string; readonly figures: ReportFigures }[]
  readonly notes: readonly LocalizedText[]
}

export const REPORT_NOTES: readonly LocalizedText[] = [
  {
    vi: 'Thời gian trả lời và thời gian giải quyết tính theo ngày dương lịch từ ngày nhận đơn, không tính thời gian tạm đình chỉ giải quyết.',
    en: 'Days to first response and to resolution are calendar days from receipt, not counting the time the case was suspended.',
  },
  {
    vi: 'Trung vị và phân vị 90 theo phương pháp thứ hạng gần nhất: giá trị thứ ⌈p × n⌉ trong dãy đã sắp xếp, không nội suy.',
    en: 'Median and 90th percentile by nearest rank: the ⌈p × n⌉-th of the sorted values, never interpolated.',
  },
  {
    vi: 'Đơn quá hạn đang xử lý được tính tại ngày cuối kỳ hoặc ngày hôm nay nếu kỳ chưa kết thúc; đơn đang tạm đình chỉ không tính là quá hạn.',
    en: 'Overdue open cases are counted at the end of the period, or today while it runs; a suspended case is not overdue.',
  },
  {
    vi: 'Số liệu tổng hợp tính mỗi đơn một lần; đơn chuyển giữa hai đơn vị trực thuộc được tính ở cả hai đơn vị, nên tổng các đơn vị có thể lớn hơn số tổng hợp.',
    en: 'Rolled-up figures count each petition once; a petition transferred between two committees is counted at both, so the committees may add up to more than the total.',
  },
  {
    vi: 'Chưa theo dõi số văn bản phúc đáp nhận được do chuyển đơn.',
    en: 'Replies received to transferred petitions are not tracked yet.',
  },
]
