import { type Action, transitionFor } from '../../../shared/domain/lifecycle.js'
import {
  OUTCOMES,
  OUTCOMES_BY_KIND,
  REFUSAL_REASON_CODES,
  REFUSAL_REASONS,
} from '../../../shared/domain/reasons.js'
import type { Kind } from '../../../shared/domain/vocabulary.js'
import { renderMessage } from '../../../shared/notifications/templates.js'
import { DeadlineList, errorFor, Facts, fieldId, TextField } from '../../components.js'
import { formatDate, formatInstant, label, outcomeLabel, t } from '../../i18n.js'
import type { DeadlineView, FieldError, Lang } from '../../types.js'
import { type Option, SelectField } from '../components.js'
import { StaffLayout, type StaffUserView } from '../layout.js'
import { AttachmentList, type AttachmentView } from './attachments.js'
import { CaseDocuments, type CaseDocumentsModel } from './case-documents.js'
import { type Rating, RatingView, RepeatSuggestions, type SuggestionView } from './case-extras.js'
import { PetitionerSection } from './case-petitioner.js'

export interface StaffCaseViewModel {
  trackingCode: string
  version: number
  kind: Kind
  status: string
  channel: string
  committee: { id: string; name: string }
  receivedAt: string
  receivedOn: string
  title: string
  content?: string
  anonymous: boolean
  petitioner?:
    | { fullName: string; idNumber?: string; address?: string; phone?: string; email?: string }
    | 'redacted'
  concerns?: { organization?: string; person?: string }
  topic?: string
  signatories: number
  language: Lang
  routing: { ruleId?: string; reason: string }
  answer?: { text: string; outcome: string; at: string }
  duplicateOf?: string
  deadlines: (DeadlineView & { startedOn?: string; limit?: number; unit?: string })[]
  history: readonly {
    seq: number
    at: string
    type: string
    actor: { kind: string; id?: string; role?: string }
    public: boolean
    publicNote?: string
    data: Record<string, unknown>
  }[]
  supplements: readonly { seq: number; at: string; text: string; by: string }[]
  allowedActions: readonly Action[]
  /** Earlier petitions this one may repeat, as the repeats service lets this user see them. */
  repeats?: readonly SuggestionView[]
  rating?: Rating
}

/** Actions with a form on the case page (escalate is the petitioner's; withdraw on paper is a form too). */
/** Every staff action; `escalate` is the petitioner's alone. */
export type PageAction = Exclude<Action, 'escalate'>

export const PAGE_ACTIONS: readonly PageAction[] = [
  'accept',
  'refuse',
  'transfer',
  'guide',
  'file',
  'mark_duplicate',
  'reroute',
  'start_verification',
  'extend',
  'suspend',
  'resume',
  'resolve',
  'close',
  'withdraw',
  'link_repeat',
  'chase',
]

export interface CasePageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  view: StaffCaseViewModel
  /** Display names of the staff in the history, by user id. */
  actorNames: Readonly<Record<string, string>>
  /** Committees a case may be transferred or re-routed to (all but its own). */
  committees: readonly Option[]
  canReveal: boolean
  revealed?: { fullName: string; idNumber?: string; address?: string; phone?: string; email?: string }
  attachments: readonly AttachmentView[]
  /** The case's documents (docs/documents.md): none when the documents are not wired. */
  documents?: CaseDocumentsModel
  /** The tracking page's address, as the petitioner's message gives it. */
  trackUrl: string
  /** The action just done (Post/Redirect/Get). */
  done?: string
  failed?: { action: string; errors: readonly FieldError[]; values: Record<string, string> }
  /** The version sent was stale: someone else changed the case first. */
  stale?: boolean
  /** An earlier case's code to prefill the link_repeat and mark_duplicate forms with (from a suggestion). */
  prefillOf?: string
}

function actorLabel(
  lang: Lang,
  actor: { kind: string; id?: string; role?: string },
  names: Readonly<Record<string, string>>,
) {
  if (actor.kind === 'petitioner') return t(lang, 'staff.actor.petitioner')
  if (actor.kind === 'system') return t(lang, 'staff.actor.system')
  const name = actor.id ? (names[actor.id] ?? actor.id) : t(lang, 'staff.actor.staff')
  return actor.role ? `${name} (${roleLabel(lang, actor.role)})` : name
}

export function roleLabel(lang: Lang, role: string): string {
  switch (role) {
    case 'member':
      return t(lang, 'staff.role.member')
    case 'reception_officer':
      return t(lang, 'staff.role.reception_officer')
    case 'committee_handler':
      return t(lang, 'staff.role.committee_handler')
    case 'committee_head':
      return t(lang, 'staff.role.committee_head')
    case 'supervisor':
      return t(lang, 'staff.role.supervisor')
    case 'admin':
      return t(lang, 'staff.role.admin')
    default:
      return role
  }
}

/** What the petitioner will be told: the same template the sweep sends, in the petitioner's language. */
function petitionerMessage(view: StaffCaseViewModel, action: PageAction, trackUrl: string): string {
  const { body } = renderMessage('citizen.event', view.language, {
    code: view.trackingCode,
    event: transitionFor(action).event,
    trackUrl,
  })
  return body
}

/** The status after the action, in words (the transition table decides). */
function nextStatusText(lang: Lang, view: StaffCaseViewModel, action: PageAction): string {
  const to = transitionFor(action).to
  if (to === 'same') return t(lang, 'staff.action.statusSame', { status: label(lang, 'status', view.status) })
  if (to === 'previous') return t(lang, 'staff.action.statusPrevious')
  if (typeof to === 'function')
    return t(lang, `staff.action.${action}.statusVaries` as 'staff.action.transfer.statusVaries')
  return t(lang, 'staff.action.statusBecomes', { status: label(lang, 'status', to) })
}

function ActionForm(props: CasePageProps & { action: PageAction }) {
  const { lang, view, action, failed } = props
  const errors = failed?.action === action ? failed.errors : []
  const values =
    failed?.action === action
      ? failed.values
      : (action === 'link_repeat' || action === 'mark_duplicate') && props.prefillOf
        ? { of: props.prefillOf }
        : {}
  const err = (field: string) => errorFor(errors, `${action}.${field}`)
  const text = (
    field: string,
    labelKey: Parameters<typeof t>[1],
    opts: { required?: boolean; multiline?: boolean; max?: number; hint?: string } = {},
  ) => (
    <TextField
      lang={lang}
      name={`${action}.${field}`}
      label={t(lang, labelKey)}
      value={values[field]}
      error={err(field)}
      required={opts.required}
      multiline={opts.multiline}
      rows={opts.multiline ? 4 : undefined}
      maxLength={opts.max}
      hint={opts.hint}
    />
  )
  const select = (
    field: string,
    labelKey: Parameters<typeof t>[1],
    options: Option[],
    required = true,
    empty?: string,
  ) => (
    <SelectField
      lang={lang}
      name={`${action}.${field}`}
      label={t(lang, labelKey)}
      options={options}
      value={values[field]}
      error={err(field)}
      required={required}
      empty={empty}
    />
  )
  let fields: unknown
  switch (action) {
    case 'refuse':
      fields = (
        <>
          {select(
            'reason',
            'staff.action.refuse.reason',
            REFUSAL_REASON_CODES.map((code) => ({
              value: code,
              label: `${REFUSAL_REASONS[code][lang]} (${REFUSAL_REASONS[code].basis})`,
            })),
            true,
            t(lang, 'staff.form.choose'),
          )}
          {text('note', 'staff.action.note', { multiline: true, max: 2000 })}
        </>
      )
      break
    case 'transfer':
      fields = (
        <>
          {select(
            'toCommitteeId',
            'staff.action.transfer.toCommittee',
            [...props.committees],
            false,
            t(lang, 'staff.action.transfer.outside'),
          )}
          {text('toBody', 'staff.action.transfer.toBody', {
            max: 300,
            hint: t(lang, 'staff.action.transfer.hint'),
          })}
          {text('note', 'staff.action.note', { multiline: true, max: 2000 })}
        </>
      )
      break
    case 'reroute':
      fields = (
        <>
          {select(
            'toCommitteeId',
            'staff.action.reroute.to',
            [...props.committees],
            true,
            t(lang, 'staff.form.choose'),
          )}
          {text('note', 'staff.action.note', { multiline: true, max: 2000 })}
        </>
      )
      break
    case 'guide':
      fields = text('guidance', 'staff.action.guide.guidance', { required: true, multiline: true, max: 2000 })
      break
    case 'mark_duplicate':
      fields = (
        <>
          {text('of', 'staff.action.mark_duplicate.of', { required: true, max: 40 })}
          {text('note', 'staff.action.note', { multiline: true, max: 2000 })}
        </>
      )
      break
    case 'link_repeat':
      fields = (
        <>
          {text('of', 'staff.action.link_repeat.of', { required: true, max: 40 })}
          {text('note', 'staff.action.note', { multiline: true, max: 2000 })}
        </>
      )
      break
    case 'chase':
      fields = text('note', 'staff.action.chase.note', { required: true, multiline: true, max: 2000 })
      break
    case 'extend':
      fields = (
        <>
          {select(
            'complexity',
            'staff.action.extend.complexity',
            (['complex', 'especially_complex'] as const).map((c) => ({
              value: c,
              label: t(lang, `staff.complexity.${c}`),
            })),
            true,
            t(lang, 'staff.form.choose'),
          )}
          {view.kind === 'denunciation' && (
            <TextField
              lang={lang}
              name="extend.days"
              label={t(lang, 'staff.action.extend.days')}
              value={values.days}
              error={err('days')}
              type="number"
              inputmode="numeric"
              min={1}
              required
            />
          )}
          {text('reason', 'staff.action.extend.reason', { required: true, multiline: true, max: 2000 })}
        </>
      )
      break
    case 'suspend':
      fields = text('reason', 'staff.action.suspend.reason', { required: true, multiline: true, max: 2000 })
      break
    case 'resolve':
      fields = (
        <>
          {select(
            'outcome',
            'staff.action.resolve.outcome',
            OUTCOMES_BY_KIND[view.kind].map((o) => ({ value: o, label: OUTCOMES[o][lang] })),
            true,
            t(lang, 'staff.form.choose'),
          )}
          {text('answer', 'staff.action.resolve.answer', {
            required: true,
            multiline: true,
            max: 20000,
            hint: t(lang, 'staff.action.resolve.hint'),
          })}
        </>
      )
      break
    case 'withdraw':
      fields = (
        <>
          {select(
            'scope',
            'staff.action.withdraw.scope',
            (['full', 'partial'] as const).map((s) => ({
              value: s,
              label: t(lang, `staff.action.withdraw.${s}`),
            })),
          )}
          {text('reason', 'staff.action.withdraw.reason', { required: true, multiline: true, max: 2000 })}
        </>
      )
      break
    default:
      fields = text('note', 'staff.action.note', { multiline: true, max: 2000 })
  }
  return (
    <form
      novalidate
      method="post"
      action={`/staff/cases/${view.trackingCode}/act`}
      class="action-form"
      id={`action-${action}`}
      data-action={action}
    >
      <h3>{t(lang, `staff.action.${action}`)}</h3>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={String(view.version)} />
      {fields as never}
      <div class="consequence">
        <p>
          <strong>{`${t(lang, 'staff.action.willHappen')} `}</strong>
          {`${t(lang, `staff.action.${action}.effect`)} ${nextStatusText(lang, view, action)}`}
        </p>
        {transitionFor(action).public ? (
          <>
            <p>
              <strong>
                {t(lang, 'staff.action.petitionerTold', {
                  language: t(lang, view.language === 'vi' ? 'staff.language.vi' : 'staff.language.en'),
                })}
              </strong>
            </p>
            <pre lang={view.language}>{petitionerMessage(view, action, props.trackUrl)}</pre>
          </>
        ) : (
          <p>{t(lang, 'staff.action.petitionerNotTold')}</p>
        )}
      </div>
      <button
        type="submit"
        class={['refuse', 'file', 'mark_duplicate', 'withdraw'].includes(action) ? 'warning' : undefined}
      >
        {t(lang, `staff.action.${action}.submit`)}
      </button>
    </form>
  )
}

export function CasePage(props: CasePageProps) {
  const { lang, view } = props
  const title = t(lang, 'staff.case.title', { code: view.trackingCode })
  const actions = view.allowedActions.filter((a): a is PageAction =>
    (PAGE_ACTIONS as readonly string[]).includes(a),
  )
  const linkable = props.failed ? props.failed.errors.map((e) => e.field) : []
  const identity = props.revealed ?? (view.petitioner === 'redacted' ? undefined : view.petitioner)
  return (
    <StaffLayout
      lang={lang}
      organizationName={props.organizationName}
      title={title}
      user={props.user}
      current="queue"
      langHref={props.langHref}
    >
      <p>
        <a href={`/staff/queue?committee=${encodeURIComponent(view.committee.id)}`}>
          {t(lang, 'staff.case.back')}
        </a>
      </p>
      <h1>{title}</h1>
      {props.done && (
        <div class="notice" role="status" data-testid="notice" autofocus tabindex={-1}>
          {t(lang, 'staff.case.done', {
            action: t(
              lang,
              props.done === 'reveal' ? 'staff.action.reveal' : `staff.action.${props.done as PageAction}`,
            ),
          })}
        </div>
      )}
      {props.stale && (
        <div class="warning-box" role="alert" data-testid="stale" autofocus tabindex={-1}>
          {t(lang, 'staff.case.stale')}
        </div>
      )}
      {props.failed && props.failed.errors.length > 0 && (
        <ErrorSummaryFocus lang={lang} errors={props.failed.errors} linkable={linkable} />
      )}
      <div class="case-grid">
        <div>
          <Facts
            rows={
              [
                [t(lang, 'staff.field.title'), <span class="user-text">{view.title}</span>],
                [t(lang, 'staff.field.kind'), label(lang, 'kind', view.kind)],
                [
                  t(lang, 'staff.field.status'),
                  <span data-testid="case-status">{label(lang, 'status', view.status)}</span>,
                ],
                [t(lang, 'staff.field.committee'), view.committee.name],
                [
                  t(lang, 'staff.field.channel'),
                  t(lang, `staff.channel.${view.channel}` as 'staff.channel.post'),
                ],
                [
                  t(lang, 'staff.field.received'),
                  <time datetime={view.receivedOn}>{formatDate(view.receivedOn)}</time>,
                ],
                [t(lang, 'staff.field.routing'), view.routing.reason],
                ...(view.signatories > 1
                  ? [[t(lang, 'staff.field.signatories'), String(view.signatories)] as [string, string]]
                  : []),
                ...(view.duplicateOf
                  ? [
                      [
                        t(lang, 'staff.field.duplicateOf'),
                        <a href={`/staff/cases/${view.duplicateOf}`}>{view.duplicateOf}</a>,
                      ] as [string, unknown],
                    ]
                  : []),
              ] as never
            }
          />
          <PetitionerSection {...props} identity={identity} />
          {view.concerns && (view.concerns.organization || view.concerns.person) && (
            <>
              <h2>{t(lang, 'staff.case.concerns')}</h2>
              <Facts
                rows={[
                  ...(view.concerns.organization
                    ? [[t(lang, 'staff.field.organization'), view.concerns.organization] as [string, string]]
                    : []),
                  ...(view.concerns.person
                    ? [[t(lang, 'staff.field.person'), view.concerns.person] as [string, string]]
                    : []),
                ]}
              />
            </>
          )}
          <h2>{t(lang, 'staff.case.content')}</h2>
          <p class="prewrap user-text" data-testid="case-content">
            {view.content ?? ''}
          </p>
          {view.supplements.length > 0 && (
            <>
              <h2>{t(lang, 'staff.case.supplements')}</h2>
              <ul>
                {view.supplements.map((s) => (
                  <li>
                    <time datetime={s.at}>{formatInstant(s.at)}</time>
                    <p class="prewrap user-text">{s.text}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <AttachmentList lang={lang} trackingCode={view.trackingCode} attachments={props.attachments} />
          <CaseDocuments lang={lang} trackingCode={view.trackingCode} documents={props.documents} />
          <RepeatSuggestions
            lang={lang}
            trackingCode={view.trackingCode}
            repeats={view.repeats ?? []}
            actions={(['link_repeat', 'mark_duplicate'] as const).filter((a) => actions.includes(a))}
          />
          {view.answer && (
            <>
              <h2>{t(lang, 'staff.case.answer')}</h2>
              <p>
                <strong>{outcomeLabel(lang, view.answer.outcome)}</strong> –{' '}
                <time datetime={view.answer.at}>{formatInstant(view.answer.at)}</time>
              </p>
              <p class="prewrap user-text" data-testid="case-answer">
                {view.answer.text}
              </p>
            </>
          )}
          <RatingView lang={lang} rating={view.rating} />
          <h2>{t(lang, 'staff.case.timeline')}</h2>
          <ol class="timeline" data-testid="staff-timeline">
            {view.history.map((e) => (
              <li data-event={e.type}>
                <time datetime={e.at}>{formatInstant(e.at)}</time>
                <strong>{label(lang, 'event', e.type)}</strong>
                {` – ${actorLabel(lang, e.actor, props.actorNames)}`}
                {!e.public && ` (${t(lang, 'staff.case.internal')})`}
                {e.publicNote && <p class="user-text">{e.publicNote}</p>}
                {typeof e.data.note === 'string' && e.data.note && (
                  <p class="user-text">{`${t(lang, 'staff.action.note')}: ${e.data.note}`}</p>
                )}
                {typeof e.data.reason === 'string' && e.data.reason && e.type !== 'refused' && (
                  <p class="user-text">{`${t(lang, 'staff.case.reason')}: ${e.data.reason}`}</p>
                )}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h2>{t(lang, 'staff.case.clocks')}</h2>
          <DeadlineList lang={lang} deadlines={view.deadlines} />
          <h2 id="actions-title">{t(lang, 'staff.case.actions')}</h2>
          {actions.length === 0 ? (
            <p data-testid="no-actions">{t(lang, 'staff.case.noActions')}</p>
          ) : (
            actions.map((action) => <ActionForm {...props} action={action} />)
          )}
        </div>
      </div>
    </StaffLayout>
  )
}

/** The error summary, focused when the page loads (no script needed: `autofocus`). */
export function ErrorSummaryFocus(props: {
  lang: Lang
  errors: readonly FieldError[]
  linkable: readonly string[]
}) {
  if (props.errors.length === 0) return null
  return (
    <div
      class="error-summary"
      id="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      autofocus
    >
      <h2 id="error-summary-title">{t(props.lang, 'form.errorSummary')}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            {props.linkable.includes(e.field) ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
