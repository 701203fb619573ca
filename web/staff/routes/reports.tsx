/** The supervisor's dashboard and the periodic report of a committee, with its charts and exports. */
import { Hono } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { tetScheduleWarning, WorkingCalendar } from '../../../shared/domain/calendar.js'
import { vietnamDate } from '../../../shared/domain/dates.js'
import { DomainError } from '../../../shared/domain/errors.js'
import { PERIOD_KINDS, type PeriodKind, type Report } from '../../../shared/domain/reports.js'
import { canReadReport } from '../../../shared/service/reports.js'
import type { User } from '../../../shared/store/users.js'
import { t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import {
  committeeName,
  committeeOptions,
  domainMessage,
  layout,
  messagePage,
  refusedField,
  render,
  rolesOf,
} from '../http.js'
import { OwedReports } from '../pages/accountability.js'
import { OwnCommitteeRequests } from '../pages/accountability-request.js'
import { AuditSamples } from '../pages/audit.js'
import { DashboardPage, ReportPage, type ReportRow } from '../pages/dashboard.js'
import { ReportCharts, ReportExports } from '../pages/report-extras.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

export function reportView(
  lang: Lang,
  report: Pick<Report, 'from' | 'to' | 'total'>,
  committeeId: string,
  name: string,
) {
  const r = report.total
  const n = (v: number) => String(v)
  const rate =
    r.resolution.onTimeRate === null
      ? t(lang, 'staff.dashboard.noFigure')
      : `${Math.round(r.resolution.onTimeRate * 1000) / 10} %`
  const drill = `/staff/queue?committee=${encodeURIComponent(committeeId)}&due=overdue`
  const row = (key: Parameters<typeof t>[1], value: number, href?: string): ReportRow => ({
    label: t(lang, key),
    value: n(value),
    href,
  })
  const groups: { title: string; rows: ReportRow[] }[] = [
    {
      title: t(lang, 'staff.report.caseload'),
      rows: [
        row('staff.report.total', r.caseload.total),
        row('staff.report.carriedOver', r.caseload.carriedOver.total),
        row('staff.report.received', r.caseload.received.total),
      ],
    },
    {
      title: t(lang, 'staff.report.processing'),
      rows: [
        row('staff.report.processed', r.processing.processed),
        row('staff.report.onTime', r.processing.onTime),
        row('staff.report.late', r.processing.late),
      ],
    },
    {
      title: t(lang, 'staff.report.resolution'),
      rows: [
        row('staff.report.toResolve', r.resolution.toResolve),
        row('staff.report.resolved', r.resolution.resolved),
        row('staff.report.onTime', r.resolution.onTime),
        row('staff.report.late', r.resolution.overdue),
        { label: t(lang, 'staff.report.onTimeRate'), value: rate },
      ],
    },
    {
      title: t(lang, 'staff.report.overdueOpen'),
      rows: [
        row('staff.report.overdueTotal', r.overdueOpen.total, r.overdueOpen.total > 0 ? drill : undefined),
        row('staff.report.awaitingDecision', r.overdueOpen.awaitingDecision),
        row('staff.report.inResolution', r.overdueOpen.inResolution),
        row('staff.report.extensions', r.extensions.decisions),
        row('staff.report.suspensions', r.suspensions.started),
      ],
    },
  ]
  return { title: t(lang, 'staff.report.of', { committee: name }), from: report.from, to: report.to, groups }
}

export function reportRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  /** A committee head's section: every request to the committees they head (empty for others). */
  async function ownRequests(user: User, lang: Lang) {
    const headed = user.memberships.filter((m) => m.role === 'committee_head' && m.committeeId)
    if (headed.length === 0) return []
    const lists = await Promise.all(
      headed.map((m) => deps.accountability.list(user, { committeeId: m.committeeId!, limit: 50 }, lang)),
    )
    return [<OwnCommitteeRequests lang={lang} items={lists.flatMap((l) => l.items)} />]
  }

  app.get('/staff/dashboard', async (c) => {
    const lang = c.get('lang')
    const user = c.get('user')
    const [board, overrides] = await Promise.all([
      deps.workspace.dashboard(user),
      deps.settings.getCalendarOverrides(),
    ])
    const tetWarning = tetScheduleWarning(new WorkingCalendar(overrides.value), board.today)
    const named = <T extends { committeeId: string }>(x: T) => ({
      ...x,
      committeeName: committeeName(board.scope, x.committeeId, lang),
    })
    return render(
      c,
      <DashboardPage
        {...layout(c, org)}
        today={board.today}
        tetWarning={tetWarning}
        year={board.year}
        overdue={board.overdue.map(named)}
        atRisk={board.atRisk.map(named)}
        standings={board.standings.map((s) => ({
          ...s,
          name: committeeName(board.scope, s.committeeId, lang),
        }))}
        sections={[
          <OwedReports
            lang={lang}
            items={(await deps.accountability.list(user, { limit: 100 }, lang)).items}
            done={c.req.query('done') === 'accountability'}
          />,
          ...(await ownRequests(user, lang)),
        ]}
      />,
    )
  })

  app.get('/staff/reports', async (c) => {
    const lang = c.get('lang')
    const user = c.get('user')
    const committees = (await deps.settings.getCommittees()).value
    const readable = committees.filter((x) => canReadReport(user, x.id, committees))
    if (readable.length === 0) return messagePage(c, org, 403)
    const query = {
      committee: c.req.query('committee') ?? readable[0]!.id,
      period: c.req.query('period') ?? 'year',
      year: c.req.query('year') ?? vietnamDate(deps.now()).slice(0, 4),
      index: c.req.query('index') ?? '',
    }
    const errors: FieldError[] = []
    let report: ReturnType<typeof reportView> | undefined
    let sections: JSX.Element[] | undefined
    if (c.req.query('committee')) {
      try {
        if (!(PERIOD_KINDS as readonly string[]).includes(query.period))
          throw new DomainError('invalid_period', 'period', 422, { field: 'period' })
        const figures = await deps.reports.report(user, query.committee, {
          period: query.period as PeriodKind,
          year: Number(query.year),
          index: query.index ? Number(query.index) : undefined,
        })
        const name = committeeName(committees, query.committee, lang)
        report = reportView(lang, figures, query.committee, name)
        // The charts of the same scope: four quarters up to the period's end, and the backlog then.
        const [points, backlog, samples] = await Promise.all([
          deps.audit.onTimeTrend(user, query.committee, 'quarter', 4, figures.to),
          deps.audit.backlog(user, query.committee, { from: figures.from, to: figures.to }),
          deps.audit.listSamples(user, query.committee),
        ])
        sections = [
          <ReportExports lang={lang} query={query} />,
          <ReportCharts lang={lang} committee={name} points={points} backlog={backlog} />,
          <AuditSamples
            lang={lang}
            samples={samples}
            query={query}
            canDraw={rolesOf(user).includes('supervisor')}
            drawError={!!c.req.query('sampleError')}
          />,
        ]
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        if (error.status === 403) return messagePage(c, org, 403)
        errors.push({ field: refusedField(error, 'committee'), message: domainMessage(error, lang) })
      }
    }
    return render(
      c,
      <ReportPage
        {...layout(c, org)}
        committees={committeeOptions(readable, lang)}
        query={query}
        errors={errors}
        report={report}
        sections={sections}
      />,
      errors.length > 0 ? 422 : 200,
    )
  })
  return app
}
