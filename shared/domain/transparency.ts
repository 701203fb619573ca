/**
 * The public transparency figures (công khai, minh bạch): per committee, for the last four
 * quarters (the current one to date), the petitions received and resolved, the share resolved on
 * time and the median days to resolution, from the accountability report (reports.ts), with small
 * cells suppressed so that no petitioner, a denouncer above all, can be singled out.
 *
 * Suppression, in this order, within each quarter's table (one row per committee and a total row):
 * 1. Primary: a count (received, resolved) under {@link SUPPRESSION_THRESHOLD} is not shown.
 * 2. Complementary: in each count column, when exactly one committee's cell is hidden while the
 *    total is shown, it could be recovered by subtracting the others from the total; so the next
 *    smallest shown cell of that column is hidden too (or the total, when no other cell is left).
 * 3. Derived: the on-time share and the median days are shown only when the resolved count is
 *    shown and is at least the threshold, and the on-time share only when neither the cases on time
 *    nor the cases late number 1 to 4 (the share times the count would give them back).
 */
import { addDays, type LocalDate, ymd } from './dates.js'
import type { ReportFigures } from './reports.js'

/** Counts under this are never published. */
export const SUPPRESSION_THRESHOLD = 5

export interface Quarter {
  readonly year: number
  readonly quarter: 1 | 2 | 3 | 4
  readonly from: LocalDate
  readonly to: LocalDate
  /** The quarter is still running: its figures are as of today. */
  readonly toDate: boolean
}

/** The current quarter (to date) and the three before it, newest first. */
export function lastFourQuarters(today: LocalDate): Quarter[] {
  let year = Number(today.slice(0, 4))
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
  const out: Quarter[] = []
  for (let i = 0; i < 4; i++) {
    const from = ymd(year, (q - 1) * 3 + 1, 1)
    const to = addDays(ymd(year, q * 3 + 1, 1), -1)
    out.push({ year, quarter: q as Quarter['quarter'], from, to, toDate: i === 0 })
    q -= 1
    if (q === 0) {
      q = 4
      year -= 1
    }
  }
  return out
}

/** What a committee's report gives for one quarter, before suppression. */
export interface RawFigures {
  readonly received: number
  readonly resolved: number
  readonly onTime: number
  readonly late: number
  readonly medianDays: number | null
}

export function rawFigures(f: ReportFigures): RawFigures {
  return {
    received: f.caseload.received.total,
    resolved: f.resolution.resolved,
    onTime: f.resolution.onTime,
    late: f.resolution.overdue,
    medianDays: f.responseTimes.resolution.median,
  }
}

export type PublishedField = 'received' | 'resolved' | 'onTimePercent' | 'medianDaysToResolution'

/** One published row: null where suppressed, and which fields were suppressed and why. */
export interface PublishedFigures {
  readonly received: number | null
  readonly resolved: number | null
  /** Resolved on time among the resolved, in percent, one decimal. */
  readonly onTimePercent: number | null
  readonly medianDaysToResolution: number | null
  readonly suppressed: readonly { readonly field: PublishedField; readonly reason: SuppressionReason }[]
}

export type SuppressionReason = 'under_threshold' | 'complementary' | 'small_base'

const small = (n: number) => n < SUPPRESSION_THRESHOLD
const smallPositive = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD

/**
 * Applies the three rules to one quarter's table. `rows` are the committees' own figures, `total`
 * the organisation's; the result keeps the order of `rows`.
 */
export function suppressTable(
  rows: readonly RawFigures[],
  total: RawFigures,
): { rows: PublishedFigures[]; total: PublishedFigures } {
  type Hidden = Map<'received' | 'resolved', SuppressionReason>
  const hidden: Hidden[] = rows.map(() => new Map())
  const totalHidden: Hidden = new Map()
  for (const column of ['received', 'resolved'] as const) {
    rows.forEach((r, i) => {
      if (small(r[column])) hidden[i]!.set(column, 'under_threshold')
    })
    if (small(total[column])) totalHidden.set(column, 'under_threshold')
    const hiddenCount = hidden.filter((h) => h.has(column)).length
    if (hiddenCount === 1 && !totalHidden.has(column)) {
      // The smallest cell still shown, so the least is lost; the total when there is none.
      let pick = -1
      rows.forEach((r, i) => {
        if (!hidden[i]!.has(column) && (pick < 0 || r[column] < rows[pick]![column])) pick = i
      })
      if (pick >= 0) hidden[pick]!.set(column, 'complementary')
      else totalHidden.set(column, 'complementary')
    }
  }
  return {
    rows: rows.map((r, i) => publish(r, hidden[i]!)),
    total: publish(total, totalHidden),
  }
}

function publish(r: RawFigures, hidden: Map<'received' | 'resolved', SuppressionReason>): PublishedFigures {
  const suppressed: { field: PublishedField; reason: SuppressionReason }[] = []
  for (const [field, reason] of hidden) suppressed.push({ field, reason })
  const baseShown = !hidden.has('resolved') && !small(r.resolved)
  const shareShown = baseShown && !smallPositive(r.onTime) && !smallPositive(r.late)
  const medianShown = baseShown && r.medianDays !== null
  if (!shareShown) suppressed.push({ field: 'onTimePercent', reason: 'small_base' })
  if (!medianShown) suppressed.push({ field: 'medianDaysToResolution', reason: 'small_base' })
  return {
    received: hidden.has('received') ? null : r.received,
    resolved: hidden.has('resolved') ? null : r.resolved,
    onTimePercent: shareShown ? Math.round((r.onTime / r.resolved) * 1000) / 10 : null,
    medianDaysToResolution: medianShown ? r.medianDays : null,
    suppressed,
  }
}

/** The rule, in words, for the page and the open-data document. */
export const SUPPRESSION_NOTE = {
  vi:
    `Để không ai bị nhận diện (nhất là người tố cáo), số nào dưới ${SUPPRESSION_THRESHOLD} đơn được ghi "<${SUPPRESSION_THRESHOLD}" và không công bố. ` +
    'Khi trong một cột chỉ có một ô bị ẩn mà dòng tổng vẫn hiện, ô nhỏ nhất còn lại của cột đó cũng được ẩn (hoặc dòng tổng), để không thể suy ra ô bị ẩn bằng phép trừ. ' +
    `Tỷ lệ đúng hạn và số ngày trung vị chỉ hiện khi số đơn đã giải quyết được công bố và từ ${SUPPRESSION_THRESHOLD} trở lên; tỷ lệ đúng hạn cũng không hiện khi số đơn đúng hạn hoặc quá hạn là từ 1 đến ${SUPPRESSION_THRESHOLD - 1}.`,
  en:
    `So that no one can be identified (a denouncer above all), any count under ${SUPPRESSION_THRESHOLD} is shown as "<${SUPPRESSION_THRESHOLD}" and not published. ` +
    'When only one cell of a column is hidden while the total is shown, the smallest other cell of that column (or the total) is hidden too, so the hidden cell cannot be found by subtraction. ' +
    `The on-time share and the median days are shown only when the resolved count is shown and is at least ${SUPPRESSION_THRESHOLD}; the on-time share is also hidden when the cases on time or late number 1 to ${SUPPRESSION_THRESHOLD - 1}.`,
} as const
