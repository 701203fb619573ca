/**
 * The Open311 GeoReport v2 read facade: services, requests and one request, over recommendations
 * and feedback only, from the publicRequests index (shared/store/public-requests.ts). Nothing here
 * reads a case item, its content or its history.
 */
import { type LocalDate, vietnamDate } from '../domain/dates.js'
import {
  type GeoReportRequest,
  geoReportServices,
  PUBLIC_ID_PATTERN,
  type PublicRequestRow,
  publicStatus,
  serviceCode,
  toGeoReportRequest,
} from '../domain/open311.js'
import type { Language } from '../domain/vocabulary.js'
import { createPublicRequestStore } from '../store/public-requests.js'
import type { Services } from './context.js'

/** GeoReport v2's own limits: at most 1000 requests, over at most 90 days. */
export const MAX_REQUESTS = 1000
export const MAX_WINDOW_DAYS = 90
/** At most this many ids in one `service_request_id` list. */
export const MAX_IDS = 50

const DAY_MS = 86_400_000
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** A refusal in GeoReport's error format: an HTTP status and `[{code, description}]`. */
export class GeoReportError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly description: { vi: string; en: string },
  ) {
    super(description.en)
  }

  body(lang: Language) {
    return [{ code: this.status, description: this.description[lang] }]
  }
}

const bad = (vi: string, en: string) => new GeoReportError(400, { vi, en })

/** The query of `requests.json`, as received (every value a string, or absent). */
export interface RequestsQuery {
  readonly service_request_id?: string
  readonly service_code?: string
  readonly status?: string
  readonly start_date?: string
  readonly end_date?: string
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
}

function instant(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  if (!W3C_DATETIME.test(value) || Number.isNaN(ms))
    throw bad(
      `${name} phải là thời điểm theo ISO 8601, ví dụ 2026-11-01T00:00:00+07:00`,
      `${name} must be an ISO 8601 date and time, e.g. 2026-11-01T00:00:00+07:00`,
    )
  return ms
}

export function createOpen311Service(s: Services) {
  const store = createPublicRequestStore(s.db, s.tableName)
  const committees = async () => (await s.settings.getCommittees()).value
  const knownCodes = new Set(geoReportServices('vi').map((x) => x.service_code))

  return {
    services: (lang: Language) => geoReportServices(lang),

    /** `requests.json`: by ids, or by window, codes and status; newest first, at most 1000. */
    async requests(q: RequestsQuery, lang: Language): Promise<GeoReportRequest[]> {
      const ids = list(q.service_request_id)
      if (ids !== undefined) {
        // GeoReport v2: a list of ids overrides every other parameter.
        if (ids.length === 0 || ids.length > MAX_IDS)
          throw bad(
            `service_request_id cần từ 1 đến ${MAX_IDS} mã, cách nhau bởi dấu phẩy`,
            `service_request_id takes 1 to ${MAX_IDS} ids, separated by commas`,
          )
        const found = await Promise.all(
          [...new Set(ids)].map((id) =>
            PUBLIC_ID_PATTERN.test(id) ? store.getPublicRequest(id) : undefined,
          ),
        )
        const all = await committees()
        return found
          .filter((r): r is PublicRequestRow => r !== undefined)
          .map((r) => toGeoReportRequest(r, all, lang))
      }

      const codes = list(q.service_code)
      for (const code of codes ?? [])
        if (!knownCodes.has(code))
          throw bad(
            `service_code '${code}' không có trong services.json`,
            `service_code '${code}' is not one of services.json`,
          )
      const statuses = list(q.status)
      for (const st of statuses ?? [])
        if (st !== 'open' && st !== 'closed')
          throw bad(
            `status chỉ nhận open hoặc closed, không nhận '${st}'`,
            `status is open or closed, not '${st}'`,
          )
      const nowMs = s.now().getTime()
      const endGiven = instant('end_date', q.end_date)
      const startGiven = instant('start_date', q.start_date)
      const end =
        endGiven ??
        (startGiven !== undefined ? Math.min(startGiven + MAX_WINDOW_DAYS * DAY_MS, nowMs) : nowMs)
      const start = startGiven ?? end - MAX_WINDOW_DAYS * DAY_MS
      if (start > end) throw bad('start_date phải trước end_date', 'start_date must be before end_date')
      if (end - start > MAX_WINDOW_DAYS * DAY_MS)
        throw bad(
          `khoảng thời gian tối đa ${MAX_WINDOW_DAYS} ngày`,
          `the window between start_date and end_date is at most ${MAX_WINDOW_DAYS} days`,
        )
      const fromDay: LocalDate = vietnamDate(new Date(start))
      const toDay: LocalDate = vietnamDate(new Date(end))
      const accept = (r: PublicRequestRow) => {
        const at = Date.parse(r.receivedAt)
        if (at < start || at > end) return false
        if (codes && !codes.includes(serviceCode(r.kind, r.topic))) return false
        if (statuses && !statuses.includes(publicStatus(r.status))) return false
        return true
      }
      const [rows, all] = await Promise.all([
        store.listPublicRequests(fromDay, toDay, MAX_REQUESTS, accept),
        committees(),
      ])
      return rows.map((r) => toGeoReportRequest(r, all, lang))
    },

    /** `requests/{id}.json`: a list of one, or a 404 in GeoReport's format. */
    async request(id: string, lang: Language): Promise<GeoReportRequest[]> {
      const row = PUBLIC_ID_PATTERN.test(id) ? await store.getPublicRequest(id) : undefined
      if (!row)
        throw new GeoReportError(404, {
          vi: `không có yêu cầu công khai '${id}'`,
          en: `there is no public request '${id}'`,
        })
      return [toGeoReportRequest(row, await committees(), lang)]
    },
  }
}

export type Open311Service = ReturnType<typeof createOpen311Service>
