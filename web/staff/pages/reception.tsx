import { KINDS, STAFF_CHANNELS } from '../../../shared/domain/vocabulary.js'
import { bindFields, DeadlineList, Facts, TextField } from '../../components.js'
import { PETITION_DETAIL_FIELDS } from '../../form.js'
import { formatDate, formatInstant, label, t } from '../../i18n.js'
import type { DeadlineView, FieldError, Lang } from '../../types.js'
import { CheckboxField, type Option, SelectField, UrgencyBadge } from '../components.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../layout.js'
import { ErrorSummaryFocus } from './case.js'
import type { QueueRow } from './queue.js'

/** The register form's fields, as typed (strings), so a failed post shows them again. */
export type IntakeValues = Record<string, string>

export const INTAKE_FIELDS = [
  'kind',
  'channel',
  'receivedAt',
  'title',
  'content',
  ...PETITION_DETAIL_FIELDS,
  'committeeId',
  'anonymous',
  'severalPlaces',
  'ownerId',
  'ownerPresent',
] as const

export interface ReceptionPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  committees: readonly Option[]
  topics: readonly Option[]
  values: IntakeValues
  errors: readonly FieldError[]
}

export function ReceptionPage(p: ReceptionPageProps) {
  const { lang, values, errors } = p
  const { field, check } = bindFields(lang, p)
  const title = t(lang, 'staff.reception.title')
  const text = (
    name: string,
    key: Parameters<typeof t>[1],
    o: {
      required?: boolean
      multiline?: boolean
      max?: number
      hint?: string
      type?: 'text' | 'email' | 'tel' | 'number'
      autocomplete?: string
    } = {},
  ) => (
    <TextField
      {...field(name)}
      label={t(lang, key)}
      required={o.required}
      multiline={o.multiline}
      maxLength={o.max}
      hint={o.hint}
      type={o.type}
      autocomplete={o.autocomplete ?? 'off'}
    />
  )
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="reception">
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'staff.reception.lead')}</p>
      <p>
        <a href="/staff/reception/register">{t(lang, 'staff.register.link')}</a>
      </p>
      <ErrorSummaryFocus lang={lang} errors={errors} linkable={[...INTAKE_FIELDS]} />
      <form method="post" action="/staff/reception" novalidate>
        <SelectField
          {...field('channel')}
          label={t(lang, 'staff.field.channel')}
          options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(lang, `staff.channel.${c}`) }))}
          required
          empty={t(lang, 'staff.form.choose')}
        />
        {text('receivedAt', 'staff.reception.receivedAt', {
          required: true,
          max: 10,
          hint: t(lang, 'staff.reception.receivedAt.hint'),
        })}
        <SelectField
          {...field('kind')}
          label={t(lang, 'staff.field.kind')}
          options={KINDS.map((k) => ({ value: k, label: label(lang, 'kind', k) }))}
          required
          empty={t(lang, 'staff.form.choose')}
        />
        {text('title', 'staff.field.title', { required: true, max: 300 })}
        {text('content', 'staff.field.content', { required: true, multiline: true, max: 20000 })}
        <fieldset>
          <legend>{t(lang, 'staff.case.petitioner')}</legend>
          <CheckboxField {...check('anonymous')} label={t(lang, 'staff.reception.anonymous')} />
          {text('petitioner.fullName', 'staff.field.fullName', { max: 200 })}
          {text('petitioner.idNumber', 'staff.field.idNumber', { max: 12 })}
          {text('petitioner.address', 'staff.field.address', { max: 500 })}
          {text('petitioner.phone', 'staff.field.phone', { type: 'tel', max: 20 })}
          {text('petitioner.email', 'staff.field.email', { type: 'email', max: 254 })}
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'staff.case.concerns')}</legend>
          {text('concerns.organization', 'staff.field.organization', { max: 300 })}
          {text('concerns.person', 'staff.field.person', { max: 200 })}
        </fieldset>
        <SelectField
          {...field('topic')}
          label={t(lang, 'staff.field.topic')}
          options={p.topics}
          empty={t(lang, 'staff.form.none')}
        />
        {text('signatories', 'staff.field.signatories', { type: 'number', max: 6 })}
        <SelectField
          {...field('committeeId')}
          label={t(lang, 'staff.reception.committee')}
          hint={t(lang, 'staff.reception.committee.hint')}
          options={p.committees}
          empty={t(lang, 'staff.reception.committee.auto')}
        />
        <CheckboxField
          lang={lang}
          name="severalPlaces"
          label={t(lang, 'staff.reception.severalPlaces')}
          checked={values.severalPlaces === 'true'}
        />
        <fieldset>
          <legend>{t(lang, 'staff.reception.owner')}</legend>
          {text('ownerId', 'staff.reception.ownerId', {
            max: 64,
            hint: t(lang, 'staff.reception.ownerId.hint'),
          })}
          <CheckboxField {...check('ownerPresent')} label={t(lang, 'staff.reception.ownerPresent')} />
        </fieldset>
        <div class="consequence">
          <p>{t(lang, 'staff.reception.effect')}</p>
        </div>
        <button type="submit" id="register">
          {t(lang, 'staff.reception.submit')}
        </button>
      </form>
    </StaffLayout>
  )
}

export interface StaffReceipt {
  trackingCode: string
  pin: string
  kind: string
  receivedAt: string
  committee: { id: string; name: string }
  routing: { reason: string }
  deadlines: DeadlineView[]
}

/** After registering: the code and PIN to hand to the petitioner, the routing and the clocks. */
export function IntakeReceiptPage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  receipt: StaffReceipt
}) {
  const { lang, receipt } = p
  const title = t(lang, 'staff.receipt.title')
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="reception">
      <h1>{title}</h1>
      <div class="notice" role="status" data-testid="notice">
        {t(lang, 'staff.receipt.lead')}
      </div>
      <dl class="code-box">
        <dt>{t(lang, 'staff.field.code')}</dt>
        <dd>
          <span class="code" data-testid="tracking-code">
            {receipt.trackingCode}
          </span>
        </dd>
        <dt>{t(lang, 'staff.receipt.pin')}</dt>
        <dd>
          <span class="code" data-testid="pin">
            {receipt.pin}
          </span>
        </dd>
      </dl>
      <p class="pin-warning">{t(lang, 'staff.receipt.pinWarning')}</p>
      <Facts
        rows={[
          [t(lang, 'staff.field.kind'), label(lang, 'kind', receipt.kind)],
          [t(lang, 'staff.field.received'), formatInstant(receipt.receivedAt)],
          [t(lang, 'staff.field.committee'), receipt.committee.name],
          [t(lang, 'staff.field.routing'), receipt.routing.reason],
        ]}
      />
      <h2>{t(lang, 'staff.case.clocks')}</h2>
      <DeadlineList lang={lang} deadlines={receipt.deadlines} />
      <div class="actions">
        <a class="button" href={`/staff/cases/${receipt.trackingCode}`} id="open-case">
          {t(lang, 'staff.receipt.open')}
        </a>
        <a class="button secondary" href="/staff/reception">
          {t(lang, 'staff.receipt.another')}
        </a>
      </div>
    </StaffLayout>
  )
}

export interface TriageRow extends QueueRow {
  readonly version: number
  readonly routingReason: string
  readonly committeeId: string
}

/** The intake queue: each new case with the routing suggestion, its reason, and a re-route form. */
export function TriagePage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  rows: readonly TriageRow[]
  committees: readonly Option[]
  done?: boolean
  committeeName: string
}) {
  const { lang } = p
  const title = t(lang, 'staff.triage.title')
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="triage">
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'staff.triage.lead', { committee: p.committeeName })}</p>
      {p.done && (
        <div class="notice" role="status" data-testid="notice" tabindex={-1} autofocus>
          {t(lang, 'staff.triage.done')}
        </div>
      )}
      {p.rows.length === 0 && <p data-testid="queue-empty">{t(lang, 'staff.queue.empty')}</p>}
      {p.rows.map((r) => (
        <section class="action-form" aria-labelledby={`triage-${r.trackingCode}`} data-code={r.trackingCode}>
          <h2 id={`triage-${r.trackingCode}`}>
            <a href={`/staff/cases/${r.trackingCode}`}>{r.trackingCode}</a> –{' '}
            <span class="user-text">{r.title}</span>
          </h2>
          <p>
            {label(lang, 'kind', r.kind)} · {t(lang, `staff.channel.${r.channel}` as 'staff.channel.post')} ·{' '}
            {formatDate(r.receivedOn)} <UrgencyBadge lang={lang} urgency={r.urgency} />
          </p>
          <p>
            <strong>{`${t(lang, 'staff.triage.suggestion')}: `}</strong>
            {r.committeeName} – {r.routingReason}
          </p>
          <form method="post" action={`/staff/cases/${r.trackingCode}/act`}>
            <input type="hidden" name="action" value="reroute" />
            <input type="hidden" name="version" value={String(r.version)} />
            <input type="hidden" name="return" value="triage" />
            <SelectField
              lang={lang}
              id={`reroute-${r.trackingCode}`}
              name="reroute.toCommitteeId"
              label={t(lang, 'staff.action.reroute.to')}
              options={p.committees.filter((c) => c.value !== r.committeeId)}
              value={undefined}
              required
              empty={t(lang, 'staff.form.choose')}
            />
            <button type="submit" class="secondary">
              {t(lang, 'staff.action.reroute.submit')}
            </button>
          </form>
        </section>
      ))}
    </StaffLayout>
  )
}
