import type { Action } from '../../../shared/domain/lifecycle.js'
import type { Kind } from '../../../shared/domain/vocabulary.js'
import { DeadlineList, Facts, fieldId } from '../../components.js'
import { formatDate, formatInstant, label, outcomeLabel, t } from '../../i18n.js'
import type { DeadlineView, FieldError, Lang } from '../../types.js'
import type { Option } from '../components.js'
import { roleLabel } from '../labels.js'
import { StaffLayout, type StaffUserView } from '../layout.js'

export { roleLabel }

import { AttachmentList, type AttachmentView } from './attachments.js'
import { ActionForm } from './case-action-form.js'
import { CaseDocuments, type CaseDocumentsModel } from './case-documents.js'
import { type Rating, RatingView, RepeatSuggestions, type SuggestionView } from './case-extras.js'
import { PetitionerSection } from './case-petitioner.js'
import { DossierForm } from './dossier-form.js'

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
    | 'hidden'
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
  /** A finished case and a head over it or a supervisor: the archive dossier is offered. */
  canTakeDossier?: boolean
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

export function CasePage(props: CasePageProps) {
  const { lang, view } = props
  const title = t(lang, 'staff.case.title', { code: view.trackingCode })
  const actions = view.allowedActions.filter((a): a is PageAction =>
    (PAGE_ACTIONS as readonly string[]).includes(a),
  )
  const linkable = props.failed ? props.failed.errors.map((e) => e.field) : []
  const identity =
    props.revealed ??
    (view.petitioner === 'redacted' || view.petitioner === 'hidden' ? undefined : view.petitioner)
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
          {props.canTakeDossier && (
            <DossierForm lang={lang} trackingCode={view.trackingCode} complete={props.canReveal} />
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
