/**
 * The Open311 GeoReport v2 read facade (pure part): which cases are public service requests, the
 * few facts about them that may be published, and how they read in GeoReport v2's field names.
 *
 * Only recommendations and feedback are published, and of them only the kind, the topic, the
 * committee, the status, the dates and the current legal deadline: never the title or the content,
 * never the petitioner, never the tracking code. Complaints and denunciations are never published
 * (a denouncer must never be identifiable, and even the existence of a complaint is the
 * complainant's matter).
 *
 * The id is a separate public id, not the tracking code: the tracking code is half of the
 * petitioner's credentials (with the PIN), and publishing it would let anyone aim PIN guesses, or
 * a lock-out, at a real petition. The public id is `<YYYYMMDD of receipt>-<10 random characters>`:
 * unrelated to the tracking code, and the date in it makes a lookup one exact index read.
 */
import { type LocalDate, vietnamDate } from './dates.js'
import { isOpen, type Status } from './lifecycle.js'
import type { CaseMetrics } from './reports.js'
import { type Committee, TOPIC_CODES, TOPICS, type Topic } from './routing.js'
import type { Kind, Language } from './vocabulary.js'

/** The kinds Open311 publishes. */
export const PUBLIC_REQUEST_KINDS = ['recommendation', 'feedback'] as const satisfies readonly Kind[]
export type PublicRequestKind = (typeof PUBLIC_REQUEST_KINDS)[number]

export function isPublicRequestKind(kind: Kind): kind is PublicRequestKind {
  return (PUBLIC_REQUEST_KINDS as readonly Kind[]).includes(kind)
}

/** `20261126-7K3M9Q7XZ2`: the Vietnam date of receipt and ten Crockford base32 characters. */
export const PUBLIC_ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-[0-9A-HJKMNP-TV-Z]{10}$/

/** The receipt date a public id carries, or undefined when it is not a public id. */
export function publicIdDate(id: string): LocalDate | undefined {
  const m = PUBLIC_ID_PATTERN.exec(id)
  return m ? (`${m[1]}-${m[2]}-${m[3]}` as LocalDate) : undefined
}

/**
 * The current legal deadline the public may see: the first decision's due date while none was
 * made, the resolution's while an accepted case is being answered, nothing once it is settled.
 */
export function publicDeadline(m: CaseMetrics | undefined): LocalDate | undefined {
  if (!m || m.rv !== undefined || m.wf !== undefined) return undefined
  if (m.d === undefined) return m.da
  return m.d === 'accepted' ? m.rd : undefined
}

/** GeoReport's two statuses: open while the petition waits for its answer, closed after. */
export function publicStatus(status: Status): 'open' | 'closed' {
  return isOpen(status) && status !== 'resolved' ? 'open' : 'closed'
}

/** The topic under which a request is published (a petition without one is "other"). */
export function publicTopic(topic: string | undefined): Topic {
  return TOPIC_CODES.find((t) => t === topic) ?? 'other'
}

/** `recommendation.land`: kind and topic. */
export function serviceCode(kind: PublicRequestKind, topic: string | undefined): string {
  return `${kind}.${publicTopic(topic)}`
}

/** What the publicRequests index holds of a case: this and nothing else reaches the facade. */
export interface PublicRequestRow {
  readonly publicId: string
  readonly kind: PublicRequestKind
  readonly topic?: string
  readonly committeeId: string
  readonly status: Status
  readonly receivedAt: string
  readonly publicDue?: LocalDate
  readonly publicUpdatedAt?: string
}

const KIND_NAMES: Record<PublicRequestKind, { vi: string; en: string }> = {
  recommendation: { vi: 'Kiến nghị', en: 'Recommendation' },
  feedback: { vi: 'Phản ánh', en: 'Feedback' },
}

const STATUS_NOTES: Record<Status, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận, đang xử lý đơn', en: 'Received; being processed' },
  accepted: { vi: 'Đã thụ lý, đang giải quyết', en: 'Accepted; being answered' },
  verifying: { vi: 'Đang xác minh', en: 'Being verified' },
  suspended: { vi: 'Tạm đình chỉ', en: 'Suspended' },
  resolved: { vi: 'Đã có câu trả lời', en: 'Answered' },
  closed: { vi: 'Đã có câu trả lời, kết thúc', en: 'Answered and closed' },
  not_accepted: { vi: 'Không thụ lý', en: 'Not accepted' },
  transferred: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Sent to the competent body' },
  guided: { vi: 'Đã hướng dẫn người gửi', en: 'The sender was given guidance' },
  filed: { vi: 'Xếp lưu', en: 'Filed without action' },
  withdrawn: { vi: 'Người gửi đã rút đơn', en: 'Withdrawn by the sender' },
  duplicate: { vi: 'Trùng với đơn đã nhận', en: 'Duplicate of a petition already received' },
}

/** One GeoReport v2 service definition. */
export interface GeoReportService {
  readonly service_code: string
  readonly service_name: string
  readonly description: string
  readonly metadata: false
  readonly type: 'realtime'
  readonly keywords: string
  readonly group: string
}

/** Every service: each published kind with each topic. */
export function geoReportServices(lang: Language): GeoReportService[] {
  return PUBLIC_REQUEST_KINDS.flatMap((kind) =>
    TOPIC_CODES.map((topic) => ({
      service_code: serviceCode(kind, topic),
      service_name: `${KIND_NAMES[kind][lang]}: ${TOPICS[topic][lang]}`,
      description:
        lang === 'vi'
          ? `${KIND_NAMES[kind].vi} về ${TOPICS[topic].vi.toLowerCase()} gửi tới tổ chức.`
          : `${KIND_NAMES[kind].en} about ${TOPICS[topic].en.toLowerCase()} sent to the organisation.`,
      metadata: false as const,
      type: 'realtime' as const,
      keywords: `${kind},${topic}`,
      group: KIND_NAMES[kind][lang],
    })),
  )
}

/** One GeoReport v2 service request: exactly these fields. */
export interface GeoReportRequest {
  readonly service_request_id: string
  readonly status: 'open' | 'closed'
  readonly status_notes: string
  readonly service_name: string
  readonly service_code: string
  readonly agency_responsible: string
  readonly requested_datetime: string
  readonly updated_datetime: string
  readonly expected_datetime: string | null
}

/** The end of a Vietnamese day as an ISO 8601 instant with its offset: the last moment a deadline allows. */
export function endOfVietnamDay(day: LocalDate): string {
  return `${day}T23:59:59+07:00`
}

/**
 * A public record's time, to the day (Vietnam time), as the start of that day. The exact instant
 * adds nothing the public needs (the legal clocks run in days) and narrows a petition down to the
 * few filed in the same hour of a small commune — enough to tell it was the person seen at the
 * desk or the post office that morning. The day is also what the receipt and the deadlines show.
 */
export function publicDay(instant: string): string {
  return `${vietnamDate(instant)}T00:00:00+07:00`
}

export function toGeoReportRequest(
  row: PublicRequestRow,
  committees: readonly Committee[],
  lang: Language,
): GeoReportRequest {
  const committee = committees.find((c) => c.id === row.committeeId)
  const topic = publicTopic(row.topic)
  return {
    service_request_id: row.publicId,
    status: publicStatus(row.status),
    status_notes: STATUS_NOTES[row.status][lang],
    service_name: `${KIND_NAMES[row.kind][lang]}: ${TOPICS[topic][lang]}`,
    service_code: serviceCode(row.kind, row.topic),
    agency_responsible: committee
      ? lang === 'en' && committee.nameEn
        ? committee.nameEn
        : committee.name
      : '',
    requested_datetime: publicDay(row.receivedAt),
    updated_datetime: publicDay(row.publicUpdatedAt ?? row.receivedAt),
    expected_datetime: row.publicDue ? endOfVietnamDay(row.publicDue) : null,
  }
}
