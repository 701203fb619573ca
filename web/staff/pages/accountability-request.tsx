/**
 * One accountability request on the staff pages: what was required, of whom, by when and on what
 * legal basis, its history and submissions, and a form for each step the service allows the viewer
 * now (`allowedActions`, from the transition table of shared/domain/accountability.ts). Each form
 * carries the version it was shown at; a stale one is refused with a clear message.
 */
import { bindFields, errorFor, TextField } from '../../components.js'
import { formatDate, t } from '../../i18n.js'
import type { FieldError, Lang } from '../../types.js'
import { LangField } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'
import { RequestTable } from './accountability.js'
import { ErrorSummaryFocus } from './case.js'

export interface RequestPageView {
  readonly id: string
  readonly version: number
  readonly kind: string
  readonly committeeName: string
  readonly state: string
  readonly late: boolean
  readonly subject: string
  readonly note?: string
  readonly trackingCode?: string
  readonly period?: { readonly from: string; readonly to: string }
  readonly requestedOn: string
  readonly requestedBy: { readonly id: string; readonly role: string }
  readonly dueOn: string
  readonly basis: string
  readonly explanation: string
  readonly submissions: readonly {
    readonly on: string
    readonly by: string
    readonly explanation: string
    readonly figures?: Record<string, unknown>
  }[]
  readonly history: readonly {
    readonly on: string
    readonly type: string
    readonly actor: { readonly id: string; readonly role: string }
    readonly note?: string
    readonly dueOn?: string
  }[]
  readonly allowedActions: readonly string[]
  readonly draft?: { readonly text: { readonly vi: string; readonly en: string } }
}

/** The form fields of each step, prefixed by the step (`submit.explanation`). */
export const STEP_FIELDS = ['submit.explanation', 'accept.note', 'return.reason'] as const

function figure(key: string, v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (key === 'onTimeRate' && typeof v === 'number') return `${Math.round(v * 100)}%`
  return String(v)
}

function Figures(props: { lang: Lang; figures: Record<string, unknown> }) {
  return (
    <dl class="figures">
      {Object.entries(props.figures).map(([k, v]) => (
        <>
          <dt>{t(props.lang, `staff.accountability.figure.${k as 'received'}`)}</dt>
          <dd>{figure(k, v)}</dd>
        </>
      ))}
    </dl>
  )
}

export function AccountabilityRequestView(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  request: RequestPageView
  /** Display names of the people in the request, by account id. */
  names: Readonly<Record<string, string>>
  values: Record<string, string>
  errors: readonly FieldError[]
  stale?: boolean
  done?: boolean
}) {
  const { lang, request: r, values, errors } = p
  const { field } = bindFields(lang, p)
  const title = r.subject
  const state = (s: string) => t(lang, `staff.accountability.state.${s as 'requested'}`)
  const step = (s: string) => t(lang, `staff.accountability.event.${s as 'requested'}`)
  const action = `/staff/accountability/${encodeURIComponent(r.id)}`
  const who = (id: string) => p.names[id] ?? id
  const explanationDefault = values['submit.explanation'] ?? r.draft?.text[lang] ?? ''
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="dashboard">
      <p>
        <a href="/staff/dashboard#accountability">{t(lang, 'staff.nav.dashboard')}</a>
      </p>
      <h1 class="user-text">{title}</h1>
      {p.stale && (
        <div class="warning-box" role="alert" data-testid="stale" tabindex={-1}>
          {t(lang, 'staff.accountability.stale')}
        </div>
      )}
      {p.done && (
        <p class="notice" role="status">
          {t(lang, 'staff.accountability.saved')}
        </p>
      )}
      <ErrorSummaryFocus lang={lang} errors={errors} linkable={[...STEP_FIELDS]} />
      <dl class="facts" data-testid="request-facts">
        <dt>{t(lang, 'staff.accountability.kind')}</dt>
        <dd>{t(lang, `staff.accountability.kind.${r.kind as 'case'}`)}</dd>
        <dt>{t(lang, 'staff.field.committee')}</dt>
        <dd>{r.committeeName}</dd>
        {r.trackingCode && (
          <>
            <dt>{t(lang, 'staff.accountability.case')}</dt>
            <dd>
              <a href={`/staff/cases/${encodeURIComponent(r.trackingCode)}`}>{r.trackingCode}</a>
            </dd>
          </>
        )}
        {r.period && (
          <>
            <dt>{t(lang, 'staff.accountability.period')}</dt>
            <dd>{`${formatDate(r.period.from)} – ${formatDate(r.period.to)}`}</dd>
          </>
        )}
        <dt>{t(lang, 'staff.accountability.requestedOn')}</dt>
        <dd>{`${formatDate(r.requestedOn)} (${who(r.requestedBy.id)})`}</dd>
        <dt>{t(lang, 'staff.accountability.dueOn')}</dt>
        <dd>
          {formatDate(r.dueOn)}
          {r.late && <strong>{` (${t(lang, 'staff.accountability.late')})`}</strong>}
        </dd>
        <dt>{t(lang, 'staff.accountability.basis')}</dt>
        <dd>
          {r.basis}
          <br />
          {r.explanation}
        </dd>
        <dt>{t(lang, 'staff.accountability.state')}</dt>
        <dd data-testid="request-state">{state(r.state)}</dd>
        {r.note && (
          <>
            <dt>{t(lang, 'staff.accountability.note')}</dt>
            <dd class="user-text">{r.note}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t(lang, 'staff.accountability.history')}</h2>
        <ol>
          {r.history.map((e) => (
            <li>
              {`${formatDate(e.on)}: ${step(e.type)} (${who(e.actor.id)})`}
              {e.dueOn && ` — ${t(lang, 'staff.accountability.dueOn')} ${formatDate(e.dueOn)}`}
              {e.note && <span class="user-text">{` — ${e.note}`}</span>}
            </li>
          ))}
        </ol>
      </section>

      {r.submissions.length > 0 && (
        <section aria-labelledby="submissions-title">
          <h2 id="submissions-title">{t(lang, 'staff.accountability.submissions')}</h2>
          {r.submissions.map((s, i) => (
            <article data-testid="submission">
              <h3>
                {t(lang, 'staff.accountability.submission', { n: String(i + 1), on: formatDate(s.on) })}
              </h3>
              <p class="user-text" style="white-space: pre-line">
                {s.explanation}
              </p>
              {s.figures && <Figures lang={lang} figures={s.figures} />}
            </article>
          ))}
        </section>
      )}

      {r.allowedActions.includes('submit') && (
        <form method="post" action={`${action}/submit`} novalidate id="submit-form">
          <fieldset>
            <legend>{t(lang, 'staff.accountability.step.submit')}</legend>
            <LangField lang={lang} />
            <input type="hidden" name="version" value={String(r.version)} />
            <TextField
              lang={lang}
              name="submit.explanation"
              label={t(lang, 'staff.accountability.explanation')}
              hint={r.draft ? t(lang, 'staff.accountability.prefilled') : undefined}
              value={explanationDefault}
              error={errorFor(errors, 'submit.explanation')}
              required
              multiline
              rows={12}
              maxLength={20000}
            />
            <div class="actions">
              <button type="submit">{t(lang, 'staff.accountability.step.submit')}</button>
            </div>
          </fieldset>
        </form>
      )}
      {r.allowedActions.includes('accept') && (
        <form method="post" action={`${action}/accept`} novalidate id="accept-form">
          <fieldset>
            <legend>{t(lang, 'staff.accountability.step.accept')}</legend>
            <LangField lang={lang} />
            <input type="hidden" name="version" value={String(r.version)} />
            <TextField
              {...field('accept.note')}
              label={t(lang, 'staff.accountability.acceptNote')}
              multiline
              rows={3}
              maxLength={2000}
            />
            <div class="actions">
              <button type="submit">{t(lang, 'staff.accountability.step.accept')}</button>
            </div>
          </fieldset>
        </form>
      )}
      {r.allowedActions.includes('return') && (
        <form method="post" action={`${action}/return`} novalidate id="return-form">
          <fieldset>
            <legend>{t(lang, 'staff.accountability.step.return')}</legend>
            <LangField lang={lang} />
            <input type="hidden" name="version" value={String(r.version)} />
            <TextField
              {...field('return.reason')}
              label={t(lang, 'staff.accountability.reason')}
              required
              multiline
              rows={4}
              maxLength={2000}
            />
            <div class="actions">
              <button type="submit">{t(lang, 'staff.accountability.step.return')}</button>
            </div>
          </fieldset>
        </form>
      )}
    </StaffLayout>
  )
}

export interface CommitteeRequestRow {
  readonly id: string
  readonly committeeName: string
  readonly subject: string
  readonly state: string
  readonly dueOn: string
  readonly late: boolean
}

/** A committee head's own committee's requests in every state (newest first), with its register. */
export function OwnCommitteeRequests(props: { lang: Lang; items: readonly CommitteeRequestRow[] }) {
  const { lang } = props
  return (
    <section aria-labelledby="own-requests-title" data-testid="own-requests">
      <h2 id="own-requests-title">{t(lang, 'staff.accountability.own')}</h2>
      {props.items.length === 0 ? (
        <p>{t(lang, 'staff.accountability.own.none')}</p>
      ) : (
        <RequestTable
          lang={lang}
          caption={t(lang, 'staff.accountability.own.caption', { count: String(props.items.length) })}
          items={props.items}
        />
      )}
      <p>
        <a href="/staff/reception/register">{t(lang, 'staff.register.link')}</a>
      </p>
    </section>
  )
}
