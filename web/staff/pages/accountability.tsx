/**
 * Accountability reports on the staff pages: the reports still owed (late ones first) as a
 * section of the supervisor's dashboard, and the form requiring a committee's periodic report.
 * The service (shared/service/accountability.ts) decides who may read and require them.
 */
import { bindFields, ColumnHeads, errorFor, TextField } from '../../components.js'
import { formatDate, t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import { LangField, type Option, SelectField } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'
import { ErrorSummaryFocus } from './case.js'

export interface OwedReport {
  readonly id: string
  readonly committeeName: string
  readonly subject: string
  readonly state: string
  readonly requestedOn: string
  readonly dueOn: string
  readonly late: boolean
}

/** One row of a table of accountability requests. */
export interface RequestTableRow {
  readonly id: string
  readonly committeeName: string
  readonly subject: string
  readonly requestedOn?: string
  readonly dueOn: string
  readonly late: boolean
  readonly state: string
}

/** A table of accountability requests: committee, subject (a link), requested on (when asked), due, state. */
export function RequestTable(p: {
  lang: Lang
  caption: string
  items: readonly RequestTableRow[]
  requestedOn?: boolean
}) {
  const { lang } = p
  return (
    <table>
      <caption>{p.caption}</caption>
      <ColumnHeads
        lang={lang}
        of="staff.accountability"
        cols={[
          { key: 'staff.field.committee' },
          'subject',
          ...(p.requestedOn ? ['requestedOn' as const] : []),
          'dueOn',
          'state',
        ]}
      />
      <tbody>
        {p.items.map((r) => (
          <tr data-late={r.late ? 'true' : 'false'}>
            <td>{r.committeeName}</td>
            <td class="user-text">
              <a href={`/staff/accountability/${encodeURIComponent(r.id)}`}>{r.subject}</a>
            </td>
            {p.requestedOn && <td>{formatDate(r.requestedOn ?? '')}</td>}
            <td>
              {formatDate(r.dueOn)}
              {r.late && <strong>{` (${t(lang, 'staff.accountability.late')})`}</strong>}
            </td>
            <td>{t(lang, `staff.accountability.state.${r.state as 'requested'}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The reports still owed, late ones first, then by due date. */
export function OwedReports(props: { lang: Lang; items: readonly OwedReport[]; done?: boolean }) {
  const { lang } = props
  const items = [...props.items].sort(
    (a, b) => Number(b.late) - Number(a.late) || a.dueOn.localeCompare(b.dueOn),
  )
  return (
    <section aria-labelledby="owed-title" data-testid="owed-reports" id="accountability">
      <h2 id="owed-title">{t(lang, 'staff.accountability.owed')}</h2>
      {props.done && (
        <p class="notice" role="status">
          {t(lang, 'staff.accountability.done')}
        </p>
      )}
      {items.length === 0 ? (
        <p>{t(lang, 'staff.accountability.none')}</p>
      ) : (
        <RequestTable
          lang={lang}
          caption={t(lang, 'staff.accountability.owed.caption', { count: String(items.length) })}
          items={items}
          requestedOn
        />
      )}
      <p>
        <a href="/staff/accountability/new">{t(lang, 'staff.accountability.new')}</a>
      </p>
    </section>
  )
}

export const REQUEST_FIELDS = ['committeeId', 'period', 'year', 'index', 'note'] as const

/** The form requiring a committee's periodic report (Biểu 01/XLD for a month, quarter, half or year). */
export function AccountabilityRequestPage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  committees: readonly Option[]
  values: Record<string, string>
  errors: readonly FieldError[]
}) {
  const { lang, values, errors } = p
  const { field } = bindFields(lang, p)
  const title = t(lang, 'staff.accountability.new')
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="dashboard">
      <p>
        <a href="/staff/dashboard#accountability">{t(lang, 'staff.nav.dashboard')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'staff.accountability.lead')}</p>
      <ErrorSummaryFocus lang={lang} errors={errors} linkable={[...REQUEST_FIELDS]} />
      <form method="post" action="/staff/accountability" novalidate>
        <LangField lang={lang} />
        <SelectField
          {...field('committeeId')}
          label={t(lang, 'staff.field.committee')}
          options={p.committees}
          required
          empty={t(lang, 'staff.form.choose')}
        />
        <SelectField
          lang={lang}
          name="period"
          label={t(lang, 'staff.report.period')}
          options={(['year', 'half', 'quarter', 'month'] as const).map((k) => ({
            value: k,
            label: t(lang, `staff.report.period.${k}`),
          }))}
          value={values.period}
          error={errorFor(errors, 'period')}
          required
        />
        <TextField {...field('year')} label={t(lang, 'staff.report.year')} required maxLength={4} />
        <TextField
          {...field('index')}
          label={t(lang, 'staff.report.index')}
          hint={t(lang, 'staff.report.index.hint')}
          maxLength={2}
        />
        <TextField
          {...field('note')}
          label={t(lang, 'staff.accountability.note')}
          multiline
          rows={4}
          maxLength={2000}
        />
        <div class="actions">
          <button type="submit" id="require-report">
            {t(lang, 'staff.accountability.submit')}
          </button>
        </div>
      </form>
    </StaffLayout>
  )
}
