import type { Child } from 'hono/jsx'
import type { TetScheduleWarning } from '../../../shared/domain/calendar.js'
import { formatDate, formatNumber, t } from '../../i18n.js'
import type { Lang } from '../../types.js'
import { type Option, SelectField, TetWarning } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'
import { type QueueRow, QueueTable } from './queue.js'

export interface CommitteeStanding {
  readonly committeeId: string
  readonly name: string
  readonly open: number
  readonly overdue: number
  readonly dueSoon: number
  /** Decisions and resolutions within the period that met their time limit, and all that were timed. */
  readonly onTime: number
  readonly timed: number
}

export function onTimeRate(s: Pick<CommitteeStanding, 'onTime' | 'timed'>): number | null {
  return s.timed === 0 ? null : s.onTime / s.timed
}

export interface DashboardPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  today: string
  year: number
  overdue: readonly QueueRow[]
  atRisk: readonly QueueRow[]
  standings: readonly CommitteeStanding[]
  /** Next Tết has no recorded schedule yet (from 1 October). */
  tetWarning?: TetScheduleWarning
  /**
   * Sections other features add (charts, chase, sample review, owed reports): each a `<section>`
   * with its own heading, shown after the figures in the order given.
   */
  sections?: Child[]
}

function percent(lang: Lang, rate: number | null): string {
  if (rate === null) return t(lang, 'staff.dashboard.noFigure')
  return `${formatNumber(lang, Math.round(rate * 1000) / 10)} %`
}

export function DashboardPage(p: DashboardPageProps) {
  const { lang } = p
  const title = t(lang, 'staff.dashboard.title')
  const ranked = [...p.standings].sort(
    (a, b) => (onTimeRate(b) ?? -1) - (onTimeRate(a) ?? -1) || a.overdue - b.overdue,
  )
  const totalOverdue = p.standings.reduce((n, s) => n + s.overdue, 0)
  const totalOpen = p.standings.reduce((n, s) => n + s.open, 0)
  const totalSoon = p.standings.reduce((n, s) => n + s.dueSoon, 0)
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="dashboard">
      <h1>{title}</h1>
      <p>{t(lang, 'staff.dashboard.asOf', { date: formatDate(p.today) })}</p>
      <TetWarning lang={lang} warning={p.tetWarning} />
      <ul class="cards">
        <li>
          <span class="figure" data-testid="figure-open">
            {formatNumber(lang, totalOpen)}
          </span>
          {t(lang, 'staff.dashboard.open')}
        </li>
        <li>
          <span class="figure" data-testid="figure-overdue">
            {formatNumber(lang, totalOverdue)}
          </span>
          <a href="#overdue">{t(lang, 'staff.dashboard.overdue')}</a>
        </li>
        <li>
          <span class="figure">{formatNumber(lang, totalSoon)}</span>
          <a href="#at-risk">{t(lang, 'staff.dashboard.atRisk')}</a>
        </li>
      </ul>
      <h2 id="overdue">{t(lang, 'staff.dashboard.overdue')}</h2>
      <QueueTable
        lang={lang}
        rows={p.overdue}
        caption={t(lang, 'staff.dashboard.overdue.caption', { count: p.overdue.length })}
        showCommittee
      />
      <h2 id="at-risk">{t(lang, 'staff.dashboard.atRisk')}</h2>
      <QueueTable
        lang={lang}
        rows={p.atRisk}
        caption={t(lang, 'staff.dashboard.atRisk.caption', { count: p.atRisk.length })}
        showCommittee
      />
      <h2 id="ranking">{t(lang, 'staff.dashboard.ranking', { year: p.year })}</h2>
      <div class="table-wrap">
        <table data-testid="ranking">
          <caption>{t(lang, 'staff.dashboard.ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'staff.dashboard.rank')}</th>
              <th scope="col">{t(lang, 'staff.field.committee')}</th>
              <th scope="col" class="num">
                {t(lang, 'staff.dashboard.onTime')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'staff.dashboard.open')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'staff.dashboard.overdue')}
              </th>
              <th scope="col">{t(lang, 'staff.dashboard.report')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((s, i) => (
              <tr data-committee={s.committeeId}>
                <td>{String(i + 1)}</td>
                <th scope="row">{s.name}</th>
                <td class="num">{`${percent(lang, onTimeRate(s))} (${s.onTime}/${s.timed})`}</td>
                <td class="num">{String(s.open)}</td>
                <td class="num">
                  {s.overdue > 0 ? (
                    <a
                      href={`/staff/queue?committee=${encodeURIComponent(s.committeeId)}&due=overdue`}
                      class="drill-down"
                      aria-label={t(lang, 'staff.dashboard.drill', { count: s.overdue, committee: s.name })}
                    >
                      {String(s.overdue)}
                    </a>
                  ) : (
                    '0'
                  )}
                </td>
                <td>
                  <a
                    href={`/staff/reports?committee=${encodeURIComponent(s.committeeId)}&period=year&year=${p.year}`}
                    aria-label={t(lang, 'staff.dashboard.reportOf', { committee: s.name })}
                  >
                    {t(lang, 'staff.dashboard.report')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.sections}
    </StaffLayout>
  )
}

export interface ReportRow {
  readonly label: string
  readonly value: string
  /** A drill-down: the cases behind the figure. */
  readonly href?: string
}

export interface ReportPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  committees: readonly Option[]
  query: { committee: string; period: string; year: string; index: string }
  errors: readonly { field: string; message: string }[]
  /** Absent until a valid report was asked for. */
  report?: { title: string; from: string; to: string; groups: { title: string; rows: ReportRow[] }[] }
  sections?: Child[]
}

export function ReportPage(p: ReportPageProps) {
  const { lang, query } = p
  const title = t(lang, 'staff.report.title')
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="reports">
      <h1>{title}</h1>
      <form method="get" action="/staff/reports" class="filters">
        <SelectField
          lang={lang}
          name="committee"
          label={t(lang, 'staff.field.committee')}
          options={p.committees}
          value={query.committee}
          error={err('committee')}
        />
        <SelectField
          lang={lang}
          name="period"
          label={t(lang, 'staff.report.period')}
          options={(['year', 'half', 'quarter', 'month'] as const).map((k) => ({
            value: k,
            label: t(lang, `staff.report.period.${k}`),
          }))}
          value={query.period}
        />
        <div class="field">
          <label for="f-year">{t(lang, 'staff.report.year')}</label>
          {err('year') && (
            <span class="error-message" id="f-year-error">
              {err('year')}
            </span>
          )}
          <input
            type="number"
            id="f-year"
            name="year"
            value={query.year}
            inputmode="numeric"
            aria-describedby={err('year') ? 'f-year-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="f-index">{t(lang, 'staff.report.index')}</label>
          <span class="hint" id="f-index-hint">
            {t(lang, 'staff.report.index.hint')}
          </span>
          <input
            type="number"
            id="f-index"
            name="index"
            value={query.index}
            inputmode="numeric"
            aria-describedby="f-index-hint"
          />
        </div>
        <div class="actions">
          <button type="submit" id="show-report">
            {t(lang, 'staff.report.show')}
          </button>
        </div>
      </form>
      {p.errors.length > 0 && (
        <div class="warning-box" role="alert">
          {p.errors.map((e) => e.message).join(' ')}
        </div>
      )}
      {p.report && (
        <section aria-labelledby="report-title" data-testid="report">
          <h2 id="report-title">{`${p.report.title}: ${formatDate(p.report.from)} – ${formatDate(p.report.to)}`}</h2>
          {p.report.groups.map((g) => (
            <div class="table-wrap">
              <table>
                <caption>{g.title}</caption>
                <tbody>
                  {g.rows.map((r) => (
                    <tr>
                      <th scope="row">{r.label}</th>
                      <td class="num">
                        {r.href ? (
                          <a href={r.href} class="drill-down">
                            {r.value}
                          </a>
                        ) : (
                          r.value
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
      {p.sections}
    </StaffLayout>
  )
}
