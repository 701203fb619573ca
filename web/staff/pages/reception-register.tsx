/**
 * The reception register (sổ tiếp công dân) on the staff pages: a form recording one reception
 * session, the committee's sessions of a period and the period's summary, with each head's
 * required and held reception days. The service (shared/service/reception.ts) decides who records
 * and who reads; the schema (shared/domain/reception.ts) and its rules refuse bad input.
 */
import { bindFields, ColumnHeads, errorFor, TextField } from '../../components.js'
import { formatDate, t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import { LangField, type Option, SelectField } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'
import { ErrorSummaryFocus } from './case.js'

export const SESSION_FIELDS = [
  'committeeId',
  'date',
  'type',
  'hostUserId',
  'visitors',
  'delegationPeople',
  'delegationRepresentatives',
  'delegationSubject',
  'caseCodes',
  'location',
  'notes',
] as const

export const SESSION_TYPES = ['regular', 'periodic', 'ad_hoc', 'online'] as const

export interface SessionRow {
  readonly id: string
  readonly date: string
  readonly type: string
  readonly hostName: string
  readonly visitors: number
  readonly delegations: readonly { readonly people: number; readonly subject: string }[]
  readonly caseCodes: readonly string[]
  /** Cases of the session outside the reader's reach: counted, never named. */
  readonly casesOutsideReach?: number
}

export interface RegisterSummary {
  readonly from: string
  readonly to: string
  readonly sessions: number
  readonly visitors: number
  readonly cases: number
  readonly delegations: number
  readonly minimumDaysPerMonth: number
  readonly basis: { readonly vi: string; readonly en: string }
  readonly heads: readonly {
    readonly displayName: string
    readonly required: number
    readonly held: number
    readonly met: boolean | undefined
  }[]
}

export function ReceptionRegisterPage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  /** Committees whose register the user reads (the period filter). */
  readable: readonly Option[]
  /** Committees the user records sessions for (the form); empty hides the form. */
  recordable: readonly Option[]
  /** The staff who may host, as choices for the host field. */
  hosts: readonly Option[]
  committeeId: string
  period: { from: string; to: string }
  periodErrors: readonly FieldError[]
  sessions: readonly SessionRow[]
  summary?: RegisterSummary
  values: Record<string, string>
  errors: readonly FieldError[]
  done?: boolean
}) {
  const { lang, errors } = p
  const { field } = bindFields(lang, p)
  const title = t(lang, 'staff.register.title')
  const type = (s: string) => t(lang, `staff.register.type.${s as 'regular'}`)
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="reception">
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'staff.register.lead')}</p>
      {p.done && (
        <p class="notice" role="status">
          {t(lang, 'staff.register.done')}
        </p>
      )}
      <ErrorSummaryFocus
        lang={lang}
        errors={[...p.periodErrors, ...errors]}
        linkable={[...SESSION_FIELDS, 'from', 'to']}
      />
      <form method="get" action="/staff/reception/register" aria-labelledby="period-title">
        <h2 id="period-title">{t(lang, 'staff.register.period')}</h2>
        <SelectField
          lang={lang}
          name="committee"
          id="f-committee-filter"
          label={t(lang, 'staff.field.committee')}
          options={p.readable}
          value={p.committeeId}
        />
        <TextField
          lang={lang}
          name="from"
          label={t(lang, 'staff.register.from')}
          hint={t(lang, 'staff.register.dateHint')}
          value={p.period.from}
          error={errorFor(p.periodErrors, 'from')}
          maxLength={10}
        />
        <TextField
          lang={lang}
          name="to"
          label={t(lang, 'staff.register.to')}
          hint={t(lang, 'staff.register.dateHint')}
          value={p.period.to}
          error={errorFor(p.periodErrors, 'to')}
          maxLength={10}
        />
        <div class="actions">
          <button type="submit">{t(lang, 'staff.register.show')}</button>
        </div>
      </form>

      {p.summary && (
        <section aria-labelledby="summary-title" data-testid="register-summary">
          <h2 id="summary-title">
            {t(lang, 'staff.register.summary', {
              from: formatDate(p.summary.from),
              to: formatDate(p.summary.to),
            })}
          </h2>
          <dl class="facts">
            <dt>{t(lang, 'staff.register.sessions')}</dt>
            <dd>{String(p.summary.sessions)}</dd>
            <dt>{t(lang, 'staff.register.visitors')}</dt>
            <dd>{String(p.summary.visitors)}</dd>
            <dt>{t(lang, 'staff.register.cases')}</dt>
            <dd>{String(p.summary.cases)}</dd>
            <dt>{t(lang, 'staff.register.delegations')}</dt>
            <dd>{String(p.summary.delegations)}</dd>
          </dl>
          <table>
            <caption>{p.summary.basis[lang]}</caption>
            <ColumnHeads lang={lang} of="staff.register" cols={['head', 'required', 'held', 'met']} />
            <tbody>
              {p.summary.heads.map((h) => (
                <tr>
                  <th scope="row">{h.displayName}</th>
                  <td>{String(h.required)}</td>
                  <td>{String(h.held)}</td>
                  <td>
                    {t(
                      lang,
                      h.met === undefined
                        ? 'staff.register.met.pending'
                        : h.met
                          ? 'staff.register.met.yes'
                          : 'staff.register.met.no',
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t(lang, 'staff.register.list')}</h2>
        {p.sessions.length === 0 ? (
          <p>{t(lang, 'staff.register.none')}</p>
        ) : (
          <table data-testid="register-sessions">
            <caption>{t(lang, 'staff.register.list.caption', { count: String(p.sessions.length) })}</caption>
            <ColumnHeads
              lang={lang}
              of="staff.register"
              cols={['date', 'type', 'host', 'visitors', 'delegations', 'caseCodes']}
            />
            <tbody>
              {p.sessions.map((s) => (
                <tr>
                  <td>{formatDate(s.date)}</td>
                  <td>{type(s.type)}</td>
                  <td>{s.hostName}</td>
                  <td>{String(s.visitors)}</td>
                  <td class="user-text">
                    {s.delegations.map((d) => `${d.people}: ${d.subject}`).join('; ')}
                  </td>
                  <td>
                    {s.caseCodes.map((code, i) => (
                      <>
                        {i > 0 && ', '}
                        <a href={`/staff/cases/${encodeURIComponent(code)}`}>{code}</a>
                      </>
                    ))}
                    {s.casesOutsideReach ? (
                      <>
                        {s.caseCodes.length > 0 && '; '}
                        {t(lang, 'staff.register.outsideReach', { count: String(s.casesOutsideReach) })}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {p.recordable.length > 0 && (
        <form method="post" action="/staff/reception/register" novalidate id="session-form">
          <h2>{t(lang, 'staff.register.record')}</h2>
          <LangField lang={lang} />
          <SelectField
            {...field('committeeId')}
            label={t(lang, 'staff.field.committee')}
            options={p.recordable}
            required
          />
          <TextField
            {...field('date')}
            label={t(lang, 'staff.register.date')}
            hint={t(lang, 'staff.register.dateHint')}
            required
            maxLength={10}
          />
          <SelectField
            {...field('type')}
            label={t(lang, 'staff.register.type')}
            options={SESSION_TYPES.map((s) => ({ value: s, label: type(s) }))}
            required
          />
          <SelectField
            {...field('hostUserId')}
            label={t(lang, 'staff.register.host')}
            hint={t(lang, 'staff.register.hostHint')}
            options={p.hosts}
            required
            empty={t(lang, 'staff.form.choose')}
          />
          <TextField
            {...field('visitors')}
            label={t(lang, 'staff.register.visitors')}
            required
            maxLength={6}
          />
          <fieldset>
            <legend>{t(lang, 'staff.register.delegation')}</legend>
            <TextField
              {...field('delegationPeople')}
              label={t(lang, 'staff.register.delegationPeople')}
              maxLength={5}
            />
            <TextField
              {...field('delegationRepresentatives')}
              label={t(lang, 'staff.register.delegationRepresentatives')}
              maxLength={2}
            />
            <TextField
              {...field('delegationSubject')}
              label={t(lang, 'staff.register.delegationSubject')}
              maxLength={300}
            />
          </fieldset>
          <TextField
            {...field('caseCodes')}
            label={t(lang, 'staff.register.caseCodes')}
            hint={t(lang, 'staff.register.caseCodesHint')}
            multiline
            rows={3}
            maxLength={4000}
          />
          <TextField {...field('location')} label={t(lang, 'staff.register.location')} maxLength={200} />
          <TextField
            {...field('notes')}
            label={t(lang, 'staff.register.notes')}
            multiline
            rows={3}
            maxLength={4000}
          />
          <div class="actions">
            <button type="submit" id="record-session">
              {t(lang, 'staff.register.record')}
            </button>
          </div>
        </form>
      )}
    </StaffLayout>
  )
}
