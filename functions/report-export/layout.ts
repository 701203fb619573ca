/**
 * What the exported report holds, independent of the file format: the columns of the
 * petition-processing sheet (Biểu 01/XLD), its rows (the committee, each child, the total), and
 * every figure of the report with its Vietnamese and English label for the summary sheet.
 * The figures are read from the report the API returns, never computed again.
 */
import type { LocalizedText } from '../../shared/domain/calendar.js'
import { OUTCOMES } from '../../shared/domain/reasons.js'
import type { Report, ReportFigures } from '../../shared/domain/reports.js'
import type { Committee } from '../../shared/domain/routing.js'

export interface XldColumn {
  /** The form's group of columns (merged over its columns in the header). */
  readonly group: LocalizedText
  readonly label: LocalizedText
  /** The figure's path in {@link ReportFigures}. */
  readonly path: string
}

const g = (vi: string, en: string): LocalizedText => ({ vi, en })
const RECEIVED = g('Số đơn tiếp nhận', 'Petitions received')
const BY_KIND = g('Phân loại đơn theo nội dung (tiếp nhận trong kỳ)', 'By kind (received in the period)')
const PROCESSED = g('Kết quả xử lý đơn', 'Processing')
const NOT_IN = g('Không thuộc thẩm quyền', 'Not in jurisdiction')
const RESULTS = g('Kết quả giải quyết', 'Results')

/** The columns of Biểu 01/XLD, after the row number and the committee's name, grouped as the form groups them. */
export const XLD_COLUMNS: readonly XldColumn[] = [
  { group: RECEIVED, label: g('Tổng số', 'Total'), path: 'caseload.total' },
  { group: RECEIVED, label: g('Kỳ trước chuyển sang', 'Carried over'), path: 'caseload.carriedOver.total' },
  { group: RECEIVED, label: g('Tiếp nhận trong kỳ', 'New in the period'), path: 'caseload.received.total' },
  {
    group: RECEIVED,
    label: g('Đơn một người đứng tên', 'Single petitioner'),
    path: 'caseload.received.single',
  },
  {
    group: RECEIVED,
    label: g('Đơn nhiều người đứng tên', 'Multi-person'),
    path: 'caseload.received.multiPerson',
  },
  { group: BY_KIND, label: g('Khiếu nại', 'Complaints'), path: 'byKind.complaint.received' },
  { group: BY_KIND, label: g('Tố cáo', 'Denunciations'), path: 'byKind.denunciation.received' },
  {
    group: BY_KIND,
    label: g('Kiến nghị, phản ánh', 'Recommendations, feedback'),
    path: 'byKind.recommendation_feedback.received',
  },
  { group: PROCESSED, label: g('Số đơn đã xử lý', 'Processed'), path: 'processing.processed' },
  { group: PROCESSED, label: g('Đơn đủ điều kiện xử lý', 'Eligible'), path: 'processing.eligible' },
  { group: PROCESSED, label: g('Thuộc thẩm quyền', 'In jurisdiction'), path: 'jurisdiction.inJurisdiction' },
  { group: NOT_IN, label: g('Hướng dẫn', 'Guided'), path: 'jurisdiction.guided' },
  { group: NOT_IN, label: g('Chuyển đơn', 'Transferred'), path: 'jurisdiction.transferred.total' },
  { group: NOT_IN, label: g('Đôn đốc', 'Chased'), path: 'jurisdiction.chased.cases' },
  { group: RESULTS, label: g('Đã giải quyết', 'Resolved'), path: 'resolution.resolved' },
  { group: RESULTS, label: g('Đúng hạn', 'On time'), path: 'resolution.onTime' },
  { group: RESULTS, label: g('Quá hạn', 'Overdue'), path: 'resolution.overdue' },
  { group: RESULTS, label: g('Đang giải quyết', 'In progress'), path: 'standing.inProgress' },
  { group: RESULTS, label: g('Chưa giải quyết', 'Not yet decided'), path: 'standing.notYetResolved' },
  { group: RESULTS, label: g('Quá hạn chưa giải quyết', 'Overdue open'), path: 'overdueOpen.total' },
]

/** The value at a dotted path of the figures: a number, null (no value), or undefined (absent: 0). */
export function figureAt(figures: ReportFigures, path: string): number | null {
  let at: unknown = figures
  for (const key of path.split('.'))
    at = at === null || at === undefined ? undefined : (at as Record<string, unknown>)[key]
  if (at === undefined) return 0
  return typeof at === 'number' ? at : null
}

export interface XldRow {
  readonly committeeId: string | null
  readonly name: LocalizedText
  readonly figures: ReportFigures
}

/** The form's rows: the committee's own cases, each child's subtree, then the total. */
export function xldRows(report: Report, committees: readonly Committee[]): XldRow[] {
  const nameOf = (id: string): LocalizedText => {
    const c = committees.find((x) => x.id === id)
    return { vi: c?.name ?? id, en: c?.nameEn ?? c?.name ?? id }
  }
  const own = nameOf(report.committeeId)
  return [
    {
      committeeId: report.committeeId,
      name: { vi: `${own.vi} (trực tiếp)`, en: `${own.en} (own cases)` },
      figures: report.own,
    },
    ...report.children.map((c) => ({
      committeeId: c.committeeId,
      name: nameOf(c.committeeId),
      figures: c.figures,
    })),
    { committeeId: null, name: { vi: 'Tổng cộng', en: 'Total' }, figures: report.total },
  ]
}

/** Words for each key of {@link ReportFigures}; a figure's label joins those of its path. */
const WORDS: Record<string, LocalizedText> = {
  caseload: g('Số đơn phải xử lý', 'Caseload'),
  total: g('Tổng số', 'Total'),
  carriedOver: g('Kỳ trước chuyển sang', 'Carried over'),
  awaitingDecision: g('Chưa xử lý', 'Awaiting a decision'),
  inResolution: g('Đang giải quyết', 'Being resolved'),
  received: g('Tiếp nhận trong kỳ', 'Received in the period'),
  single: g('Một người đứng tên', 'Single petitioner'),
  multiPerson: g('Nhiều người đứng tên', 'Multi-person'),
  transferredIn: g('Nơi khác chuyển đến', 'Transferred in'),
  byChannel: g('Theo kênh tiếp nhận', 'By channel'),
  online: g('Trực tuyến', 'Online'),
  in_person: g('Trực tiếp', 'In person'),
  post: g('Bưu chính', 'Post'),
  email: g('Thư điện tử', 'E-mail'),
  hotline: g('Đường dây nóng', 'Hotline'),
  transferred_in: g('Cơ quan khác chuyển đến', 'Transferred in'),
  processing: g('Xử lý đơn', 'Processing'),
  processed: g('Đã xử lý', 'Processed'),
  onTime: g('Đúng hạn', 'On time'),
  late: g('Quá hạn', 'Late'),
  timelinessUnknown: g('Không xác định thời hạn', 'Timeliness unknown'),
  byDecision: g('Theo quyết định', 'By decision'),
  accepted: g('Thụ lý', 'Accepted'),
  refused: g('Không thụ lý', 'Refused'),
  guided: g('Hướng dẫn', 'Guided'),
  transferred: g('Chuyển đơn', 'Transferred'),
  filed: g('Xếp lưu', 'Filed'),
  duplicate: g('Trùng đơn', 'Duplicate'),
  eligible: g('Đủ điều kiện xử lý', 'Eligible'),
  notEligible: g('Không đủ điều kiện xử lý', 'Not eligible'),
  jurisdiction: g('Thẩm quyền', 'Jurisdiction'),
  inJurisdiction: g('Thuộc thẩm quyền', 'In jurisdiction'),
  notInJurisdiction: g('Không thuộc thẩm quyền', 'Not in jurisdiction'),
  toCommittee: g('Đến đơn vị trong tổ chức', 'To a committee'),
  toOutsideBody: g('Đến cơ quan ngoài', 'To an outside body'),
  chased: g('Đôn đốc', 'Chased'),
  cases: g('Số vụ việc', 'Cases'),
  chases: g('Số lần đôn đốc', 'Chases'),
  transferRepliesReceived: g('Văn bản phúc đáp nhận được', 'Replies received'),
  standing: g('Tình trạng cuối kỳ', 'Standing at the end'),
  resolved: g('Đã giải quyết', 'Resolved'),
  endedWithoutResolution: g('Kết thúc không giải quyết', 'Ended without resolution'),
  inProgress: g('Đang giải quyết', 'In progress'),
  notYetResolved: g('Chưa giải quyết', 'Not yet decided'),
  resolution: g('Giải quyết', 'Resolution'),
  toResolve: g('Phải giải quyết', 'To resolve'),
  overdue: g('Quá hạn', 'Overdue'),
  onTimeRate: g('Tỷ lệ đúng hạn', 'On-time rate'),
  withdrawn: g('Rút đơn', 'Withdrawn'),
  byOutcome: g('Theo kết quả', 'By outcome'),
  overdueOpen: g('Quá hạn chưa giải quyết', 'Overdue open'),
  byAge: g('Theo số ngày quá hạn', 'By days overdue'),
  '1-7': g('1–7 ngày', '1–7 days'),
  '8-30': g('8–30 ngày', '8–30 days'),
  '31-90': g('31–90 ngày', '31–90 days'),
  '>90': g('Trên 90 ngày', 'Over 90 days'),
  extensions: g('Gia hạn', 'Extensions'),
  decisions: g('Số quyết định', 'Decisions'),
  byComplexity: g('Theo tính chất', 'By complexity'),
  normal: g('Thông thường', 'Normal'),
  complex: g('Phức tạp', 'Complex'),
  especially_complex: g('Đặc biệt phức tạp', 'Especially complex'),
  suspensions: g('Tạm đình chỉ', 'Suspensions'),
  started: g('Bắt đầu trong kỳ', 'Started'),
  resumed: g('Tiếp tục giải quyết', 'Resumed'),
  suspendedAtEnd: g('Đang tạm đình chỉ cuối kỳ', 'Suspended at the end'),
  days: g('Số ngày tạm đình chỉ', 'Suspended days'),
  withdrawals: g('Rút đơn', 'Withdrawals'),
  full: g('Rút toàn bộ', 'Full'),
  partial: g('Rút một phần', 'Partial'),
  responseTimes: g('Thời gian (ngày)', 'Times (days)'),
  firstResponse: g('Đến lần trả lời đầu', 'To first response'),
  count: g('Số đơn', 'Count'),
  median: g('Trung vị', 'Median'),
  p90: g('Phân vị 90', '90th percentile'),
  repeats: g('Đơn trùng, tái diễn', 'Repeats'),
  duplicates: g('Trùng đơn', 'Duplicates'),
  linkedRepeats: g('Tái diễn', 'Linked repeats'),
  rate: g('Tỷ lệ', 'Rate'),
  satisfaction: g('Mức độ hài lòng', 'Satisfaction'),
  mean: g('Điểm trung bình', 'Mean'),
  distribution: g('Phân bố điểm', 'Distribution'),
  byKind: g('Theo loại đơn', 'By kind'),
  complaint: g('Khiếu nại', 'Complaints'),
  denunciation: g('Tố cáo', 'Denunciations'),
  recommendation_feedback: g('Kiến nghị, phản ánh', 'Recommendations and feedback'),
  recommendation: g('Kiến nghị', 'Recommendations'),
  feedback: g('Phản ánh', 'Feedback'),
  resolvedOnTime: g('Giải quyết đúng hạn', 'Resolved on time'),
  resolvedOverdue: g('Giải quyết quá hạn', 'Resolved late'),
  ...Object.fromEntries(Object.entries(OUTCOMES).map(([code, text]) => [code, g(text.vi, text.en)])),
  ...Object.fromEntries([1, 2, 3, 4, 5].map((s) => [String(s), g(`${s} điểm`, `${s} points`)])),
}

export interface SummaryLine {
  readonly path: string
  readonly label: LocalizedText
}

/** Every figure of the report, in the report's order, with its label: the summary sheet's rows. */
export function summaryLines(report: Report): SummaryLine[] {
  const lines: SummaryLine[] = []
  const visit = (value: unknown, path: string[]) => {
    if (value !== null && typeof value === 'object') {
      // byOutcome lists only the outcomes that occurred: list every outcome.
      const keys = path.at(-1) === 'byOutcome' ? Object.keys(OUTCOMES) : Object.keys(value)
      for (const key of keys) visit((value as Record<string, unknown>)[key], [...path, key])
      return
    }
    const words = path.map((key) => WORDS[key] ?? g(key, key))
    lines.push({
      path: path.join('.'),
      label: { vi: words.map((w) => w.vi).join(' › '), en: words.map((w) => w.en).join(' › ') },
    })
  }
  visit(report.total, [])
  return lines
}

/** dd/mm/yyyy. */
export const ddmmyyyy = (d: string) => d.split('-').reverse().join('/')
