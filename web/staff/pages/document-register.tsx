/**
 * The outgoing register of a committee for a period (docs/documents.md#register): every number in
 * order, cancelled ones included and marked; the XLSX download of the same rows.
 */
import type { DocumentView } from '../../../shared/service/documents.js'
import { TextField } from '../../components.js'
import { formatDate, t } from '../../i18n.js'
import { LangField, type Option, SelectField } from '../components.js'
import { StaffLayout, type StaffLayoutProps } from '../layout.js'

export interface DocumentRegisterProps extends Omit<StaffLayoutProps, 'title' | 'children'> {
  readonly committees: readonly Option[]
  readonly committee: { readonly id: string; readonly name: string }
  /** The period as typed (dd/mm/yyyy) and as dates. */
  readonly period: {
    readonly from: string
    readonly to: string
    readonly fromText: string
    readonly toText: string
  }
  readonly rows: readonly DocumentView[]
  readonly error?: string
}

export function DocumentRegisterPage(p: DocumentRegisterProps) {
  const { lang } = p
  const title = t(lang, 'register.title')
  const query = new URLSearchParams({ committee: p.committee.id, from: p.period.from, to: p.period.to })
  return (
    <StaffLayout {...p} title={title} current="reports">
      <h1>{title}</h1>
      <p>{t(lang, 'register.lead', { committee: p.committee.name })}</p>
      <form method="get" action="/staff/documents/register" class="action-form">
        <LangField lang={lang} />
        <SelectField
          lang={lang}
          name="committee"
          label={t(lang, 'register.committee')}
          options={[...p.committees]}
          value={p.committee.id}
        />
        <TextField
          lang={lang}
          name="from"
          label={t(lang, 'register.from')}
          value={p.period.fromText}
          error={undefined}
        />
        <TextField
          lang={lang}
          name="to"
          label={t(lang, 'register.to')}
          value={p.period.toText}
          error={undefined}
        />
        <button type="submit">{t(lang, 'register.show')}</button>
      </form>
      {p.error && (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <p>{p.error}</p>
        </div>
      )}
      <p>
        <a href={`/staff/documents/register.xlsx?${query}`} data-testid="register-export">
          {t(lang, 'register.export')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p>{t(lang, 'register.none')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="document-register">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'register.col.number')}</th>
                <th scope="col">{t(lang, 'register.col.date')}</th>
                <th scope="col">{t(lang, 'register.col.summary')}</th>
                <th scope="col">{t(lang, 'register.col.to')}</th>
                <th scope="col">{t(lang, 'register.col.case')}</th>
                <th scope="col">{t(lang, 'register.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-number={r.number}>
                  <td>{r.symbol}</td>
                  <td>{formatDate(r.issuedOn)}</td>
                  <td>{`${r.name[lang]}: ${r.summary}`}</td>
                  <td>{r.recipientName ?? t(lang, `documents.addressee.${r.addressee}`)}</td>
                  <td>
                    <a href={`/staff/cases/${encodeURIComponent(r.caseCode)}`}>{r.caseCode}</a>
                  </td>
                  <td>
                    {t(lang, `register.status.${r.status}`)}
                    {r.cancelled ? `: ${r.cancelled.reason}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  )
}
