/**
 * Audit samples on the staff pages: the samples of a committee under its report (with the form
 * drawing a new one, for supervisors), and a sample's page with the finding form for each case.
 * The service (shared/service/report-audit.ts) decides who may read, draw and record.
 */
import { FINDINGS } from '../../../shared/domain/audit.js'
import { errorFor, TextField } from '../../components.js'
import { formatDate, formatInstant, label, t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import { LangField, SelectField } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'
import { ErrorSummaryFocus } from './case.js'

export interface SampleSummary {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly populationSize: number
  readonly cases: number
  readonly createdAt: string
  readonly progress: { readonly reviewed: number; readonly size: number }
}

export interface SampleView {
  readonly id: string
  readonly committeeId: string
  readonly from: string
  readonly to: string
  readonly populationSize: number
  readonly createdAt: string
  readonly cases: readonly {
    readonly trackingCode: string
    readonly kind: string
    readonly status: string
    readonly receivedOn: string
    readonly doneOn: string
    readonly finding?: { readonly finding: string; readonly note: string; readonly at: string }
  }[]
  readonly progress: { readonly reviewed: number; readonly size: number; readonly remaining: number }
}

const findingLabel = (lang: Lang, f: string) => t(lang, `staff.audit.finding.${f as 'compliant'}`)

/** The committee's samples, newest first, and (for supervisors) the form drawing one for the period shown. */
export function AuditSamples(props: {
  lang: Lang
  samples: readonly SampleSummary[]
  query: { committee: string; period: string; year: string; index: string }
  canDraw: boolean
  /** The draw just posted was refused (the size or the period). */
  drawError?: boolean
}) {
  const { lang, query } = props
  return (
    <section aria-labelledby="samples-title" data-testid="audit-samples">
      <h2 id="samples-title">{t(lang, 'staff.audit.title')}</h2>
      {props.samples.length === 0 ? (
        <p>{t(lang, 'staff.audit.none')}</p>
      ) : (
        <ul>
          {props.samples.map((x) => (
            <li>
              <a href={`/staff/audit-samples/${encodeURIComponent(x.id)}`}>
                {t(lang, 'staff.audit.sampleOf', { from: formatDate(x.from), to: formatDate(x.to) })}
              </a>
              {` – ${t(lang, 'staff.audit.progress', {
                reviewed: String(x.progress.reviewed),
                size: String(x.progress.size),
                population: String(x.populationSize),
              })} (${formatInstant(x.createdAt)})`}
            </li>
          ))}
        </ul>
      )}
      {props.canDraw && (
        <form method="post" action="/staff/audit-samples" novalidate>
          <LangField lang={lang} />
          <input type="hidden" name="committeeId" value={query.committee} />
          <input type="hidden" name="period" value={query.period} />
          <input type="hidden" name="year" value={query.year} />
          <input type="hidden" name="index" value={query.index} />
          <TextField
            lang={lang}
            name="size"
            label={t(lang, 'staff.audit.size')}
            hint={t(lang, 'staff.audit.size.hint')}
            value="10"
            error={props.drawError ? t(lang, 'staff.audit.drawFailed') : undefined}
            maxLength={3}
          />
          <div class="actions">
            <button type="submit" id="draw-sample">
              {t(lang, 'staff.audit.draw')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

export function AuditSamplePage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  committeeName: string
  sample: SampleView
  canRecord: boolean
  done?: boolean
  failed?: { code: string; errors: readonly FieldError[]; values: Record<string, string> }
}) {
  const { lang, sample } = p
  const title = t(lang, 'staff.audit.sampleTitle', {
    committee: p.committeeName,
    from: formatDate(sample.from),
    to: formatDate(sample.to),
  })
  const failedFields = p.failed ? p.failed.errors.map((e) => e.field) : []
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="reports">
      <p>
        <a href={`/staff/reports?committee=${encodeURIComponent(sample.committeeId)}`}>
          {t(lang, 'staff.nav.reports')}
        </a>
      </p>
      <h1>{title}</h1>
      {p.done && (
        <p class="notice" role="status" data-testid="notice">
          {t(lang, 'staff.audit.saved')}
        </p>
      )}
      {p.failed && <ErrorSummaryFocus lang={lang} errors={p.failed.errors} linkable={failedFields} />}
      <p>
        {t(lang, 'staff.audit.progress', {
          reviewed: String(sample.progress.reviewed),
          size: String(sample.progress.size),
          population: String(sample.populationSize),
        })}
      </p>
      <ol class="samples" data-testid="sample-cases">
        {sample.cases.map((c) => {
          const mine = p.failed?.code === c.trackingCode ? p.failed : undefined
          const prefix = `f-${c.trackingCode}`
          return (
            <li data-case={c.trackingCode}>
              <h2>
                <a href={`/staff/cases/${encodeURIComponent(c.trackingCode)}`}>{c.trackingCode}</a>
              </h2>
              <p>
                {`${label(lang, 'kind', c.kind)}, ${label(lang, 'status', c.status)}, ${t(
                  lang,
                  'staff.audit.dates',
                  {
                    received: formatDate(c.receivedOn),
                    done: formatDate(c.doneOn),
                  },
                )}`}
              </p>
              {c.finding && (
                <p data-testid="finding">
                  <strong>{findingLabel(lang, c.finding.finding)}</strong>
                  {' – '}
                  <span class="user-text">{c.finding.note}</span>
                  {` (${formatInstant(c.finding.at)})`}
                </p>
              )}
              {p.canRecord && (
                <form
                  method="post"
                  action={`/staff/audit-samples/${encodeURIComponent(sample.id)}/findings/${encodeURIComponent(c.trackingCode)}`}
                  novalidate
                  class="action-form"
                >
                  <LangField lang={lang} />
                  <SelectField
                    lang={lang}
                    id={`${prefix}-finding`}
                    name="finding"
                    label={t(lang, 'staff.audit.finding')}
                    options={FINDINGS.map((f) => ({ value: f, label: findingLabel(lang, f) }))}
                    value={mine?.values.finding ?? c.finding?.finding}
                    error={mine ? errorFor(mine.errors, `${c.trackingCode}.finding`) : undefined}
                    required
                    empty={t(lang, 'staff.form.choose')}
                  />
                  <div
                    class={
                      mine && errorFor(mine.errors, `${c.trackingCode}.note`) ? 'field has-error' : 'field'
                    }
                  >
                    <label for={`${prefix}-note`}>{t(lang, 'staff.audit.note')}</label>
                    {mine && errorFor(mine.errors, `${c.trackingCode}.note`) && (
                      <span class="error-message" id={`${prefix}-note-error`}>
                        {errorFor(mine.errors, `${c.trackingCode}.note`)}
                      </span>
                    )}
                    <textarea
                      id={`${prefix}-note`}
                      name="note"
                      rows={3}
                      maxlength={2000}
                      required
                      aria-invalid={
                        mine && errorFor(mine.errors, `${c.trackingCode}.note`) ? 'true' : undefined
                      }
                      aria-describedby={
                        mine && errorFor(mine.errors, `${c.trackingCode}.note`)
                          ? `${prefix}-note-error`
                          : undefined
                      }
                    >
                      {mine?.values.note ?? c.finding?.note ?? ''}
                    </textarea>
                  </div>
                  <button type="submit">{t(lang, 'staff.audit.record')}</button>
                </form>
              )}
            </li>
          )
        })}
      </ol>
    </StaffLayout>
  )
}
