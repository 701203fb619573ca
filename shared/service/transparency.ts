/**
 * The public transparency figures: the accountability report's figures (reports.ts buildReport)
 * per committee for the last four quarters, suppressed (domain/transparency.ts), with their field
 * documentation and licence: the page and the open-data files are drawn from this one document.
 *
 * Reads: one Query of the reporting index per committee (cases not finished before the oldest
 * quarter starts), then everything is computed in memory and kept for `cacheMs`: past quarters do
 * not change, and the current one is labelled "to date". Never a Scan, never a case item.
 */
import { vietnamDate } from '../domain/dates.js'
import { buildReport, type CaseMetrics } from '../domain/reports.js'
import type { Committee } from '../domain/routing.js'
import {
  lastFourQuarters,
  type PublishedFigures,
  type Quarter,
  rawFigures,
  SUPPRESSION_NOTE,
  SUPPRESSION_THRESHOLD,
  suppressTable,
} from '../domain/transparency.js'
import type { Services } from './context.js'

export interface CommitteeFiguresDocument {
  readonly title: { vi: string; en: string }
  readonly publisher: { vi: string; en: string }
  /** When these figures were computed (UTC). */
  readonly generatedAt: string
  /** The day open cases are measured at (Vietnam). */
  readonly asOf: string
  readonly licence: { readonly name: string; readonly url: string; readonly note: { vi: string; en: string } }
  readonly suppression: { readonly threshold: number; readonly rule: { vi: string; en: string } }
  readonly fields: Record<string, { vi: string; en: string }>
  readonly quarters: readonly {
    readonly year: number
    readonly quarter: number
    readonly from: string
    readonly to: string
    readonly toDate: boolean
    readonly committees: readonly ({
      readonly committeeId: string
      readonly name: string
      readonly nameEn: string
    } & PublishedFigures)[]
    readonly total: PublishedFigures
  }[]
}

export const FIELD_DOCS: CommitteeFiguresDocument['fields'] = {
  year: { vi: 'Năm', en: 'Year' },
  quarter: { vi: 'Quý (1–4)', en: 'Quarter (1–4)' },
  from: { vi: 'Ngày đầu quý (YYYY-MM-DD)', en: 'First day of the quarter (YYYY-MM-DD)' },
  to: { vi: 'Ngày cuối quý (YYYY-MM-DD)', en: 'Last day of the quarter (YYYY-MM-DD)' },
  toDate: {
    vi: 'true: quý đang diễn ra, số liệu tính đến ngày asOf',
    en: 'true: the quarter is still running; figures as of asOf',
  },
  committeeId: { vi: 'Mã đơn vị', en: 'Committee code' },
  name: { vi: 'Tên đơn vị', en: 'Committee name (Vietnamese)' },
  nameEn: { vi: 'Tên đơn vị bằng tiếng Anh', en: 'Committee name (English)' },
  received: {
    vi: 'Số đơn nhận trong quý (kể cả đơn chuyển đến); null khi bị ẩn',
    en: 'Petitions received in the quarter (transfers in included); null when suppressed',
  },
  resolved: {
    vi: 'Số đơn đã giải quyết trong quý; null khi bị ẩn',
    en: 'Petitions resolved in the quarter; null when suppressed',
  },
  onTimePercent: {
    vi: 'Tỷ lệ đơn giải quyết đúng hạn trên số đơn đã giải quyết (%); null khi bị ẩn',
    en: 'Resolved on time among those resolved, in percent; null when suppressed',
  },
  medianDaysToResolution: {
    vi: 'Trung vị số ngày từ khi nhận đến khi giải quyết (ngày dương lịch, không tính thời gian tạm đình chỉ); null khi bị ẩn',
    en: 'Median calendar days from receipt to resolution, suspended time excluded; null when suppressed',
  },
  suppressed: {
    vi: 'Các trường bị ẩn và lý do: under_threshold (dưới ngưỡng), complementary (ẩn bổ sung để không suy ra bằng phép trừ), small_base (cơ số nhỏ)',
    en: 'Suppressed fields and why: under_threshold, complementary (hidden so no cell can be found by subtraction), small_base',
  },
  total: {
    vi: 'Toàn tổ chức: mỗi đơn tính một lần (đơn chuyển giữa hai đơn vị được tính ở cả hai đơn vị)',
    en: 'The whole organisation: each petition once (a petition moved between two committees counts at both)',
  },
}

const LICENCE: CommitteeFiguresDocument['licence'] = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  note: {
    vi: 'Được tự do sử dụng, chia sẻ và chỉnh sửa, kể cả cho mục đích thương mại, với điều kiện ghi nguồn. Số liệu không chứa thông tin cá nhân.',
    en: 'Free to use, share and adapt, commercially too, with attribution. The figures hold no personal data.',
  },
}

/** How long computed figures are kept in memory. */
export const DEFAULT_TRANSPARENCY_CACHE_MS = 10 * 60_000

function byCode(rows: readonly { code: string; main: boolean; metrics: CaseMetrics }[]): CaseMetrics[] {
  const seen = new Map<string, { main: boolean; metrics: CaseMetrics }>()
  for (const row of rows) {
    const prior = seen.get(row.code)
    // A case moved between committees has two rows: the case's own is the fuller one.
    if (!prior || (row.main && !prior.main)) seen.set(row.code, row)
  }
  return [...seen.values()].map((r) => r.metrics)
}

export function createTransparencyService(s: Services, options: { cacheMs?: number } = {}) {
  const cacheMs = options.cacheMs ?? DEFAULT_TRANSPARENCY_CACHE_MS
  let cache: { at: number; asOf: string; doc: Promise<CommitteeFiguresDocument> } | undefined

  async function compute(now: Date): Promise<CommitteeFiguresDocument> {
    const today = vietnamDate(now)
    const quarters = lastFourQuarters(today)
    const oldest = quarters.at(-1)!.from
    const committees = (await s.settings.getCommittees()).value
    const perCommittee = await Promise.all(
      committees.map(async (c) => [c.id, await s.cases.listReportRows(c.id, oldest)] as const),
    )
    const own = new Map(perCommittee.map(([id, rows]) => [id, byCode(rows)]))
    const everything = byCode(perCommittee.flatMap(([, rows]) => rows))
    const roots = committees.filter((c) => !c.parentId || !committees.some((p) => p.id === c.parentId))
    return {
      title: {
        vi: 'Số liệu tiếp nhận và giải quyết đơn theo đơn vị, bốn quý gần nhất',
        en: 'Petitions received and resolved per committee, last four quarters',
      },
      publisher: s.organizationName,
      generatedAt: now.toISOString(),
      asOf: today,
      licence: LICENCE,
      suppression: { threshold: SUPPRESSION_THRESHOLD, rule: SUPPRESSION_NOTE },
      fields: FIELD_DOCS,
      quarters: quarters.map((q) => quarterTable(q, today, committees, own, everything, roots)),
    }
  }

  return {
    /** The figures document, computed at most once per `cacheMs` (and again when the day changes). */
    figures(): Promise<CommitteeFiguresDocument> {
      const now = s.now()
      const asOf = vietnamDate(now)
      if (!cache || now.getTime() - cache.at >= cacheMs || cache.asOf !== asOf) {
        const doc = compute(now)
        cache = { at: now.getTime(), asOf, doc }
        // A failure is not cached: the next request tries again.
        doc.catch(() => {
          if (cache?.doc === doc) cache = undefined
        })
      }
      return cache.doc
    },
    /** Forgets the cached figures (tests, or after a data correction). */
    clear() {
      cache = undefined
    },
  }
}

function quarterTable(
  q: Quarter,
  today: string,
  committees: readonly Committee[],
  own: ReadonlyMap<string, CaseMetrics[]>,
  everything: readonly CaseMetrics[],
  roots: readonly Committee[],
): CommitteeFiguresDocument['quarters'][number] {
  const request = (committeeId: string) => ({ committeeId, from: q.from, to: q.to, today, committees })
  const raws = committees.map((c) => rawFigures(buildReport(own.get(c.id) ?? [], request(c.id)).own))
  const totals = roots.map((r) => rawFigures(buildReport(everything, request(r.id)).total))
  const zero = { received: 0, resolved: 0, onTime: 0, late: 0, medianDays: null }
  const total = [zero, ...totals].reduce((a, b) => ({
    received: a.received + b.received,
    resolved: a.resolved + b.resolved,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    // The median of several trees is not the sum of theirs: only one tree has one.
    medianDays: totals.length === 1 ? b.medianDays : null,
  }))
  const table = suppressTable(raws, total)
  return {
    year: q.year,
    quarter: q.quarter,
    from: q.from,
    to: q.to,
    toDate: q.toDate,
    committees: committees.map((c, i) => ({
      committeeId: c.id,
      name: c.name,
      nameEn: c.nameEn ?? c.name,
      ...table.rows[i]!,
    })),
    total: table.total,
  }
}
