/**
 * Message templates in Vietnamese and English. Petitioners get their own language; staff get
 * Vietnamese unless their account says otherwise. No template takes an identity field: a
 * message about a case names its tracking code, never who filed it.
 */
import type { Language } from '../domain/vocabulary.js'

type Params = Record<string, string | number>
type Template = Record<Language, (p: Params) => { subject: string; body: string }>

export const CLOCK_NAMES: Record<string, Record<Language, string>> = {
  acceptance: { vi: 'thụ lý / quyết định ban đầu', en: 'first decision' },
  resolution: { vi: 'giải quyết', en: 'resolution' },
  reception_response: { vi: 'trả lời người đến tiếp', en: 'reply to the visitor' },
  transfer: { vi: 'chuyển đơn', en: 'transfer' },
  decision_delivery: { vi: 'gửi quyết định / kết luận', en: 'sending the decision' },
  publication: { vi: 'công khai kết luận', en: 'publishing the conclusion' },
  parties_notice: { vi: 'thông báo thụ lý', en: 'notice of acceptance' },
  referral_report: { vi: 'báo cáo nơi chuyển đơn', en: 'report to the referrer' },
  escalation_report: { vi: 'báo cáo cấp trên', en: 'report to the superior' },
  result_report: { vi: 'báo cáo kết quả', en: 'report of the result' },
  suspension_notice: { vi: 'gửi quyết định tạm đình chỉ', en: 'sending the suspension decision' },
}

const clock = (p: Params, lang: Language) => CLOCK_NAMES[String(p.clock)]?.[lang] ?? String(p.clock)
const vnDate = (d: string | number | undefined) =>
  String(d ?? '')
    .split('-')
    .reverse()
    .join('/')

const EVENT_WORDS: Record<string, Record<Language, string>> = {
  submitted: { vi: 'đã được tiếp nhận', en: 'has been received' },
  accepted: { vi: 'đã được thụ lý giải quyết', en: 'has been accepted for resolution' },
  verification_started: { vi: 'đang được xác minh', en: 'is being verified' },
  refused: { vi: 'không được thụ lý', en: 'has not been accepted' },
  transferred: {
    vi: 'đã được chuyển đến cơ quan có thẩm quyền',
    en: 'has been transferred to the competent body',
  },
  rerouted: { vi: 'đã được chuyển đến đơn vị có thẩm quyền', en: 'has been sent to the competent committee' },
  guided: { vi: 'đã được hướng dẫn', en: 'has been answered with guidance' },
  filed: { vi: 'đã được xếp lưu', en: 'has been filed' },
  marked_duplicate: { vi: 'trùng với một đơn đã có', en: 'duplicates an earlier petition' },
  extended: { vi: 'được gia hạn thời hạn giải quyết', en: 'has its time limit extended' },
  suspended: { vi: 'tạm đình chỉ giải quyết', en: 'has been suspended' },
  resumed: { vi: 'được tiếp tục giải quyết', en: 'has been resumed' },
  resolved: { vi: 'đã có kết quả giải quyết', en: 'has been resolved' },
  closed: { vi: 'đã kết thúc', en: 'has been closed' },
  withdrawn: { vi: 'đã được rút', en: 'has been withdrawn' },
}

export const TEMPLATES: Record<string, Template> = {
  'citizen.event': {
    vi: (p) => ({
      subject: `Đơn ${p.code} ${EVENT_WORDS[String(p.event)]?.vi ?? String(p.event)}`,
      body: `Đơn của ông/bà, mã tra cứu ${p.code}, ${EVENT_WORDS[String(p.event)]?.vi ?? p.event}.${p.note ? `\n${p.note}` : ''}${p.due ? `\nThời hạn hiện tại: ${vnDate(p.due)}.` : ''}\nTra cứu chi tiết tại ${p.trackUrl} bằng mã tra cứu và mã PIN.`,
    }),
    en: (p) => ({
      subject: `Petition ${p.code} ${EVENT_WORDS[String(p.event)]?.en ?? String(p.event)}`,
      body: `Your petition, tracking code ${p.code}, ${EVENT_WORDS[String(p.event)]?.en ?? p.event}.${p.note ? `\n${p.note}` : ''}${p.due ? `\nCurrent time limit: ${p.due}.` : ''}\nSee the details at ${p.trackUrl} with your tracking code and PIN.`,
    }),
  },
  'staff.reminder': {
    vi: (p) => ({
      subject: `Sắp đến hạn: đơn ${p.code} (${clock(p, 'vi')}, hạn ${vnDate(p.due)})`,
      body: `Đơn ${p.code} còn ${p.daysBefore} ngày làm việc đến hạn ${clock(p, 'vi')} (${vnDate(p.due)}).`,
    }),
    en: (p) => ({
      subject: `Due soon: case ${p.code} (${clock(p, 'en')}, due ${p.due})`,
      body: `Case ${p.code} has ${p.daysBefore} working day(s) left before its ${clock(p, 'en')} time limit (${p.due}).`,
    }),
  },
  'staff.overdue': {
    vi: (p) => ({
      subject: `Quá hạn: đơn ${p.code} (${clock(p, 'vi')})`,
      body: `Đơn ${p.code} đã quá hạn ${clock(p, 'vi')} (hạn ${vnDate(p.due)}).`,
    }),
    en: (p) => ({
      subject: `Overdue: case ${p.code} (${clock(p, 'en')})`,
      body: `Case ${p.code} is past its ${clock(p, 'en')} time limit (${p.due}).`,
    }),
  },
  'staff.escalate_head': {
    vi: (p) => ({
      subject: `Báo cáo người đứng đầu: đơn ${p.code} quá hạn`,
      body: `Đơn ${p.code} quá hạn ${clock(p, 'vi')} từ ${vnDate(p.due)} và chưa được xử lý. Đề nghị đồng chí chỉ đạo giải quyết.`,
    }),
    en: (p) => ({
      subject: `For the head: case ${p.code} is overdue`,
      body: `Case ${p.code} has been past its ${clock(p, 'en')} time limit since ${p.due}. Please see that it is dealt with.`,
    }),
  },
  'staff.very_overdue': {
    vi: (p) => ({
      subject: `Quá hạn nghiêm trọng: đơn ${p.code} tại ${p.committee}`,
      body: `Đơn ${p.code} tại ${p.committee} quá hạn ${clock(p, 'vi')} (hạn ${vnDate(p.due)}) vượt quá ${p.multiple} lần thời hạn. Cấp trên và cơ quan kiểm tra được thông báo để đôn đốc.`,
    }),
    en: (p) => ({
      subject: `Very overdue: case ${p.code} at ${p.committee}`,
      body: `Case ${p.code} at ${p.committee} is past its ${clock(p, 'en')} time limit (${p.due}) by more than ${p.multiple} times the limit. The parent committee and the supervisors are told so they can chase it.`,
    }),
  },
  'staff.escalated_by_petitioner': {
    vi: (p) => ({
      subject: `Người tố cáo đề nghị cấp trên xem xét: đơn ${p.code}`,
      body: `Tố cáo ${p.code} tại ${p.committee} đã quá hạn giải quyết; người tố cáo đề nghị cấp trên xem xét (Luật Tố cáo 2018, Điều 38). Cấp trên yêu cầu báo cáo trong 5 ngày làm việc; đơn vị báo cáo trong 5 ngày làm việc.`,
    }),
    en: (p) => ({
      subject: `Denouncer asks the superior to act: case ${p.code}`,
      body: `Denunciation ${p.code} at ${p.committee} is past its resolution time limit; the denouncer asks the superior to act (Law on Denunciations 2018, Art. 38). The superior asks for a report within 5 working days; the committee reports within 5 working days.`,
    }),
  },
  'staff.chased': {
    vi: (p) => ({
      subject: `Đôn đốc giải quyết: đơn ${p.code}`,
      body: `Đơn ${p.code} tại ${p.committee} đã được cấp trên đôn đốc giải quyết ngày ${vnDate(p.date)}. Nội dung đôn đốc ghi trong lịch sử xử lý của đơn.`,
    }),
    en: (p) => ({
      subject: `Chased: case ${p.code}`,
      body: `Case ${p.code} at ${p.committee} was chased (urged to resolution) by a supervisor on ${p.date}. The chase's note is in the case's history.`,
    }),
  },
  'staff.digest': {
    vi: (p) => ({
      subject: `Tình hình đơn thư ngày ${vnDate(p.date)}: ${p.overdue} quá hạn, ${p.dueSoon} sắp đến hạn`,
      body: `${p.committee}: ${p.open} đơn đang xử lý, ${p.overdue} quá hạn, ${p.dueSoon} sắp đến hạn trong ${p.dueSoonDays} ngày.${p.dueSoonCodes ? `\nSắp đến hạn: ${p.dueSoonCodes}.` : ''}\nXem hàng đợi: ${p.queueUrl}`,
    }),
    en: (p) => ({
      subject: `Petitions on ${p.date}: ${p.overdue} overdue, ${p.dueSoon} due soon`,
      body: `${p.committee}: ${p.open} open, ${p.overdue} overdue, ${p.dueSoon} due within ${p.dueSoonDays} days.${p.dueSoonCodes ? `\nDue soon: ${p.dueSoonCodes}.` : ''}\nQueue: ${p.queueUrl}`,
    }),
  },
  // Accountability reports owed (shared/service/accountability-watch.ts).
  'staff.report_due': {
    vi: (p) => ({
      subject: `Sắp đến hạn báo cáo giải trình (hạn ${vnDate(p.due)})`,
      body: `${p.committee} cần gửi báo cáo: ${p.subject}. Hạn gửi: ${vnDate(p.due)}.`,
    }),
    en: (p) => ({
      subject: `Accountability report due soon (due ${p.due})`,
      body: `${p.committee} owes a report: ${p.subject}. Due on ${p.due}.`,
    }),
  },
  'staff.report_late': {
    vi: (p) => ({
      subject: `Quá hạn báo cáo giải trình (hạn ${vnDate(p.due)})`,
      body: `${p.committee} chưa gửi báo cáo: ${p.subject}. Hạn gửi đã qua: ${vnDate(p.due)}. Đề nghị đồng chí gửi báo cáo ngay.`,
    }),
    en: (p) => ({
      subject: `Accountability report overdue (due ${p.due})`,
      body: `${p.committee} has not sent its report: ${p.subject}. It was due on ${p.due}. Please send it now.`,
    }),
  },
  'staff.report_late_requester': {
    vi: (p) => ({
      subject: `${p.committee} quá hạn báo cáo giải trình`,
      body: `Báo cáo đồng chí yêu cầu chưa được gửi đúng hạn: ${p.subject} (hạn ${vnDate(p.due)}). Đơn vị đã được nhắc.`,
    }),
    en: (p) => ({
      subject: `${p.committee} is late with an accountability report`,
      body: `The report you required has not been sent on time: ${p.subject} (due ${p.due}). The committee has been reminded.`,
    }),
  },
}

export function renderMessage(
  template: string,
  language: Language,
  params: Params,
): { subject: string; body: string } {
  const t = TEMPLATES[template]
  if (!t) throw new Error(`no template '${template}'`)
  return t[language](params)
}
