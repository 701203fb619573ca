/**
 * Sections of the staff report page: downloads of the report (XLSX with Biểu 01/XLD, CSV) through
 * page routes that sign in with the session cookie, and the charts drawn inline on the server
 * (on-time trend and overdue backlog), each with its table for screen readers.
 */
import {
  type Backlog,
  BacklogChart,
  BacklogTable,
  ChartFigure,
  OnTimeChart,
  type OnTimePoint,
  OnTimeTable,
} from '../../charts.js'
import { t } from '../../i18n.js'
import type { Lang } from '../../types.js'

/** The export page route's query for the report shown (the API's own query names). */
export function exportQuery(query: {
  committee: string
  period: string
  year: string
  index: string
}): string {
  const q = new URLSearchParams({ committeeId: query.committee, period: query.period, year: query.year })
  if (query.index) q.set('index', query.index)
  return q.toString()
}

export function ReportExports(props: {
  lang: Lang
  query: { committee: string; period: string; year: string; index: string }
}) {
  const q = exportQuery(props.query)
  return (
    <section aria-labelledby="exports-title" data-testid="report-exports">
      <h2 id="exports-title">{t(props.lang, 'staff.report.exports')}</h2>
      <ul>
        <li>
          <a href={`/staff/reports/export.xlsx?${q}`} download>
            {t(props.lang, 'staff.report.export.xlsx')}
          </a>
        </li>
        <li>
          <a href={`/staff/reports/export.csv?${q}`} download>
            {t(props.lang, 'staff.report.export.csv')}
          </a>
        </li>
      </ul>
    </section>
  )
}

export function ReportCharts(props: {
  lang: Lang
  committee: string
  points: readonly OnTimePoint[]
  backlog: Backlog
}) {
  const { lang } = props
  return (
    <section aria-labelledby="charts-title" data-testid="report-charts">
      <h2 id="charts-title">{t(lang, 'staff.report.charts')}</h2>
      <ChartFigure
        chart={<OnTimeChart points={props.points} lang={lang} committee={props.committee} />}
        table={<OnTimeTable points={props.points} lang={lang} />}
      />
      <ChartFigure
        chart={<BacklogChart backlog={props.backlog} lang={lang} committee={props.committee} />}
        table={<BacklogTable backlog={props.backlog} lang={lang} />}
      />
    </section>
  )
}
