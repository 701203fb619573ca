/**
 * Response-time audit (docs/domain.md#reports; docs/architecture.md#roles, supervisors): the cases
 * behind any figure of a report, the trend of on-time resolution and the ageing of the overdue
 * backlog for the charts, and random samples of finished cases for quality review with a finding
 * on each.
 *
 * Everything reads the rows a report reads ({@link reportInputs}) and selects with the report's
 * own predicates (shared/domain/reports.ts), so a drill-down always adds up to its figure.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { DEFAULT_SAMPLE_SIZE, drawSample, type Finding, sampleProgress } from '../domain/audit.js'
import { type LocalDate, vietnamDate } from '../domain/dates.js'
import { DomainError, NotFoundError } from '../domain/errors.js'
import type { ActingUser } from '../domain/policy.js'
import {
  buildReport,
  type OverdueBucket,
  type PeriodKind,
  periodRange,
  type ReportPart,
  reportCases,
  resolutionSeries,
} from '../domain/reports.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import { type AuditSample, createAuditStore, type SampledCase } from '../store/audits.js'
import type { Services } from './context.js'
import {
  canReadReport,
  checkedReportRequest,
  type ReportPeriod,
  reportInputs,
  type ScopeRow,
  scopeRows,
} from './reports.js'

const isSupervisor = (user: ActingUser) => user.memberships.some((m) => m.role === 'supervisor')

/** One point of the on-time trend: a period's resolutions and how many were on time. */
export interface TrendPoint {
  readonly from: LocalDate
  readonly to: LocalDate
  /** `MM/YYYY` for a month, `Qn/YYYY` for a quarter. */
  readonly label: string
  readonly resolved: number
  readonly onTime: number
  readonly overdue: number
  readonly onTimeRate: number | null
}

/** The `count` periods of `kind` ending with the one that holds `until`, oldest first. */
export function periodsEndingAt(kind: 'month' | 'quarter', count: number, until: LocalDate) {
  const year = Number(until.slice(0, 4))
  const month = Number(until.slice(5, 7))
  const per = kind === 'month' ? 12 : 4
  let index = kind === 'month' ? month : Math.ceil(month / 3)
  let y = year
  const out: { year: number; index: number; label: string; from: LocalDate; to: LocalDate }[] = []
  for (let i = 0; i < count; i++) {
    const { from, to } = periodRange(kind, y, index)
    out.unshift({
      year: y,
      index,
      from,
      to,
      label: kind === 'month' ? `${String(index).padStart(2, '0')}/${y}` : `Q${index}/${y}`,
    })
    index--
    if (index === 0) {
      index = per
      y--
    }
  }
  return out
}

export function createReportAuditService(s: Services) {
  const audits = createAuditStore(s.db, s.tableName)

  /** The cases finished within the period in the scope: resolved, or ended without a resolution. */
  function finished(rows: ScopeRow[], request: Parameters<typeof reportCases>[2]): SampledCase[] {
    const metricsOf = (r: ScopeRow) => r.metrics
    const done = [
      ...reportCases(rows, metricsOf, request, 'resolution.resolved'),
      ...reportCases(rows, metricsOf, request, 'standing.endedWithoutResolution'),
    ]
    return done.map(({ row, dates }) => ({
      code: row.code,
      kind: row.metrics.k,
      committeeId: row.metrics.c,
      status: row.metrics.s,
      receivedOn: row.metrics.r,
      doneOn: (dates.resolvedOn ?? dates.doneOn) as LocalDate,
    }))
  }

  async function readableSample(user: ActingUser, id: string): Promise<AuditSample> {
    const sample = await audits.getSample(id)
    const committees = (await s.settings.getCommittees()).value
    if (!sample || !canReadReport(user, sample.committeeId, committees))
      throw new NotFoundError('sample_not_found', `there is no audit sample '${id}'`)
    return sample
  }

  const sampleOut = (sample: AuditSample) => ({
    ...sample,
    cases: sample.cases.map((c) => ({
      ...c,
      trackingCode: formatTrackingCode(c.code),
      finding: sample.findings[c.code],
    })),
    progress: sampleProgress(
      sample.cases.map((c) => c.code),
      sample.findings,
    ),
  })

  return {
    /** The cases behind one figure of the report, with the dates the figure read. */
    async cases(
      user: ActingUser,
      committeeId: string,
      period: ReportPeriod,
      indicator: string,
      part: ReportPart,
    ) {
      const { rows, request } = await reportInputs(s, user, committeeId, period)
      const found = reportCases(rows, (r) => r.metrics, request, indicator, part)
      return {
        committeeId,
        from: request.from,
        to: request.to,
        indicator,
        part: typeof part === 'object' ? part.child : part,
        figure: found.reduce((n, c) => n + c.count, 0),
        items: found.map(({ row, count, days, dates, decision }) => ({
          trackingCode: formatTrackingCode(row.code),
          kind: row.metrics.k,
          status: row.metrics.s,
          committeeId: row.metrics.c,
          receivedOn: row.metrics.r,
          due: row.metrics.rd ?? row.metrics.da,
          ...(row.metrics.od ? { overdueSince: row.metrics.od } : {}),
          count,
          ...(days === undefined ? {} : { days }),
          ...(decision === undefined ? {} : { decision }),
          dates,
        })),
      }
    },

    /** On-time resolution in each of the last `count` months or quarters up to `until` (default today). */
    async onTimeTrend(
      user: ActingUser,
      committeeId: string,
      kind: 'month' | 'quarter',
      count: number,
      until?: LocalDate,
    ): Promise<TrendPoint[]> {
      const today = vietnamDate(s.now())
      const last = until && until < today ? until : today
      const periods = periodsEndingAt(kind, count, last)
      const first = periods[0] as (typeof periods)[number]
      // The reader and the committee are checked as for the report of the first period (no rows read).
      const request = await checkedReportRequest(s, user, committeeId, {
        period: kind as PeriodKind,
        year: first.year,
        index: first.index,
      })
      // One read of the whole span (one Query per committee of the scope), one pass over the rows.
      const to = (periods[periods.length - 1] as (typeof periods)[number]).to
      const rows = await scopeRows(s, request.committees, committeeId, first.from, to)
      const series = resolutionSeries(
        rows.map((x) => x.metrics),
        request,
        periods,
      )
      return periods.map((p, i) => {
        const r = series[i] as (typeof series)[number]
        return {
          from: p.from,
          to: p.to,
          label: p.label,
          resolved: r.resolved,
          onTime: r.onTime,
          overdue: r.overdue,
          onTimeRate: r.onTimeRate,
        }
      })
    },

    /** Open overdue cases by days overdue, at the end of the period (or today). */
    async backlog(user: ActingUser, committeeId: string, period: ReportPeriod) {
      const { rows, request } = await reportInputs(s, user, committeeId, period)
      const report = buildReport(
        rows.map((x) => x.metrics),
        request,
      )
      return {
        committeeId,
        from: report.from,
        to: report.to,
        asOf: report.asOf,
        total: report.total.overdueOpen.total,
        byAge: report.total.overdueOpen.byAge as Record<OverdueBucket, number>,
      }
    },

    /** Draws a sample of the cases finished in the period (supervisors only). */
    async drawSample(
      user: ActingUser,
      input: { committeeId: string; period: ReportPeriod; size?: number; seed?: number },
    ) {
      if (!isSupervisor(user)) throw new DomainError('forbidden', 'only supervisors draw audit samples', 403)
      const { rows, request } = await reportInputs(s, user, input.committeeId, input.period)
      const population = finished(rows, request)
      const size = input.size ?? DEFAULT_SAMPLE_SIZE
      const seed = input.seed ?? randomInt(0, 0xffffffff)
      const cases = drawSample(population, size, seed)
      const now = s.now()
      const sample: AuditSample = {
        id: `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`,
        committeeId: input.committeeId,
        from: request.from,
        to: request.to,
        size,
        seed,
        populationSize: population.length,
        cases,
        findings: {},
        createdBy: user.id,
        createdAt: now.toISOString(),
      }
      await audits.putSample(sample)
      s.logger.info('audit sample drawn', { sampleId: sample.id, size: cases.length, userId: user.id })
      return sampleOut(sample)
    },

    /** The samples the user may read (of the committees whose reports they read), newest first. */
    async listSamples(user: ActingUser, committeeId?: string) {
      const committees = (await s.settings.getCommittees()).value
      const samples = (await audits.listSamples())
        .filter(
          (x) =>
            (committeeId === undefined || x.committeeId === committeeId) &&
            canReadReport(user, x.committeeId, committees),
        )
        .reverse()
      return samples.map((x) => {
        const { cases, findings: _f, ...rest } = sampleOut(x)
        return { ...rest, cases: cases.length }
      })
    },

    async getSample(user: ActingUser, id: string) {
      return sampleOut(await readableSample(user, id))
    },

    /** Records the finding on one sampled case (supervisors only); revising it replaces it. */
    async recordFinding(
      user: ActingUser,
      id: string,
      rawCode: string,
      input: { finding: Finding; note: string },
    ) {
      if (!isSupervisor(user)) throw new DomainError('forbidden', 'only supervisors record findings', 403)
      await readableSample(user, id)
      const code = normalizeTrackingCode(rawCode)
      if (!code) throw new NotFoundError('not_in_sample', `case ${rawCode} is not in audit sample ${id}`)
      const saved = await audits.recordFinding(id, code, {
        finding: input.finding,
        note: input.note,
        by: user.id,
        at: s.now().toISOString(),
      })
      return sampleOut(saved)
    },
  }
}

export type ReportAuditService = ReturnType<typeof createReportAuditService>
