/** The one-sentence explanation of a due date, in Vietnamese and English. */
import type { LocalizedText, WorkingCalendar } from '../calendar.js'
import { formatVietnamese, type LocalDate, weekday } from '../dates.js'
import type { DeadlineUnit } from '../deadline-rules.js'
import type { Complexity } from '../vocabulary.js'
import type { Counting } from './rules.js'
import type { Extension, Pause } from './timeline.js'

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
const UNIT_TEXT: Record<DeadlineUnit, LocalizedText> = {
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  days: { vi: 'ngày', en: 'days' },
  months: { vi: 'tháng', en: 'months' },
}
export const COMPLEXITY_TEXT: Record<Complexity, LocalizedText> = {
  normal: { vi: 'thông thường', en: 'normal' },
  complex: { vi: 'phức tạp', en: 'complex' },
  especially_complex: { vi: 'đặc biệt phức tạp', en: 'especially complex' },
}
export const FROM = {
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

export const vi = formatVietnamese
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

export function explain(x: ExplainInput): LocalizedText {
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
