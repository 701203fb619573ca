import { MAX_CONTENT_LENGTH } from '../../shared/domain/limits.js'
import {
  DeadlineList,
  describedBy,
  ErrorSummary,
  errorFor,
  Facts,
  FieldErrorText,
  fieldId,
  TextField,
} from '../components.js'
import { formatInstant, label, outcomeLabel, t } from '../i18n.js'
import { Layout } from '../layout.js'
import type { CitizenView, FieldError, Lang, TrackedDocument } from '../types.js'
import { RatingPanel } from './rating.js'
import { TrackedDocuments } from './tracked-documents.js'

/** The longest withdrawal reason the domain takes (`withdrawalSchema`). */
export const WITHDRAW_REASON_MAX_CHARS = 2_000

/** The two small actions a citizen may take on their own petition. */
export type CitizenAction = 'withdraw' | 'supplement' | 'escalate' | 'rate'

export interface TrackingPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  view: CitizenView
  /** Carried in hidden fields of the action forms so they can re-render this page; never in a URL. */
  pin: string
  /** Which actions the deployment offers (the view also has to allow them). */
  actions: readonly CitizenAction[]
  /** The action that just succeeded. */
  done?: CitizenAction
  /** Problems with the action form just sent, on its field names (`withdraw.confirm`, `supplement.text`…). */
  failed?: {
    action: CitizenAction
    errors: readonly FieldError[]
    values: { reason?: string; text?: string; score?: string; comment?: string }
  }
  langHref: string
  /** The documents issued to the petitioner (downloaded by a form that carries the PIN, never a URL). */
  documents?: readonly TrackedDocument[]
}

/** The citizen's view of their petition: status, time limits, history, the answer, and the actions. */
export function TrackingPage(props: TrackingPageProps) {
  const { lang, view, failed } = props
  const showWithdraw = view.canWithdraw && props.actions.includes('withdraw')
  const showSupplement = view.canSupplement && props.actions.includes('supplement')
  const showEscalate = view.canEscalate === true && props.actions.includes('escalate')
  const errors = failed?.errors ?? []
  return (
    <Layout
      lang={lang}
      organizationName={props.organizationName}
      title={t(lang, 'tracking.title', { code: view.trackingCode })}
      current="track"
      langHref={props.langHref}
    >
      <h1>{t(lang, 'tracking.title', { code: view.trackingCode })}</h1>
      {failed && (
        <ErrorSummary
          lang={lang}
          errors={errors}
          linkable={[
            'withdraw.reason',
            'withdraw.confirm',
            'supplement.text',
            'escalate.reason',
            'rate.score',
            'rate.comment',
          ]}
          anchor={(field) => (field === 'rate.score' ? 'f-rate-score-1' : fieldId(field))}
        />
      )}
      {props.done && (
        <p class="notice" role="status" id="action-done">
          {t(
            lang,
            props.done === 'withdraw'
              ? 'tracking.withdraw.done'
              : props.done === 'escalate'
                ? 'tracking.escalate.done'
                : props.done === 'rate'
                  ? 'tracking.rate.done'
                  : 'tracking.supplement.done',
          )}
        </p>
      )}
      <Facts
        rows={[
          [t(lang, 'tracking.petitionTitle'), <span class="user-text">{view.title}</span>, 'title'],
          [t(lang, 'tracking.kind'), label(lang, 'kind', view.kind), 'kind'],
          [t(lang, 'tracking.status'), <strong>{label(lang, 'status', view.status)}</strong>, 'status'],
          [
            t(lang, 'tracking.receivedAt'),
            <time datetime={view.receivedAt}>{formatInstant(view.receivedAt)}</time>,
          ],
          [t(lang, 'tracking.committee'), view.committee.name, 'committee'],
        ]}
      />

      <h2>{t(lang, 'tracking.answer')}</h2>
      {view.answer ? (
        <div id="answer">
          <Facts
            rows={[
              [t(lang, 'tracking.answer.outcome'), outcomeLabel(lang, view.answer.outcome), 'outcome'],
              [
                t(lang, 'tracking.answer.at'),
                <time datetime={view.answer.at}>{formatInstant(view.answer.at)}</time>,
              ],
            ]}
          />
          <p class="prewrap">{view.answer.text}</p>
        </div>
      ) : (
        <p id="answer">{t(lang, 'tracking.answer.none')}</p>
      )}

      {view.answer && (view.rating || (view.canRate && props.actions.includes('rate'))) && (
        <RatingPanel {...props} />
      )}

      <h2>{t(lang, 'tracking.deadlines')}</h2>
      <DeadlineList lang={lang} deadlines={view.deadlines} />

      <h2>{t(lang, 'tracking.timeline')}</h2>
      <ol class="timeline" data-testid="timeline">
        {view.timeline.map((entry) => (
          <li data-event={entry.type}>
            <time datetime={entry.at}>{formatInstant(entry.at)}</time>
            <strong>{label(lang, 'event', entry.type)}</strong>
            {entry.note && <p class="prewrap">{entry.note}</p>}
          </li>
        ))}
      </ol>

      <TrackedDocuments lang={lang} code={view.trackingCode} pin={props.pin} documents={props.documents} />

      {showSupplement && (
        <section class="panel" aria-labelledby="supplement-title">
          <h2 id="supplement-title">{t(lang, 'tracking.supplement')}</h2>
          <form method="post" action="/track/supplement" id="supplement-form" accept-charset="utf-8">
            <input type="hidden" name="code" value={view.trackingCode} />
            <input type="hidden" name="pin" value={props.pin} />
            <TextField
              lang={lang}
              name="supplement.text"
              label={t(lang, 'tracking.supplement.text')}
              value={failed?.action === 'supplement' ? failed.values.text : ''}
              error={errorFor(errors, 'supplement.text')}
              required
              multiline
              rows={6}
              maxLength={MAX_CONTENT_LENGTH}
            />
            <button type="submit" class="secondary" id="supplement-button">
              {t(lang, 'tracking.supplement.button')}
            </button>
          </form>
        </section>
      )}

      {showEscalate && <EscalateForm {...props} />}
      {showWithdraw && <WithdrawForm {...props} />}
    </Layout>
  )
}

/** Law 25/2018 Art. 38: the denouncer's right to ask the superior when the time limit has passed. */
function EscalateForm({ lang, view, pin, failed }: TrackingPageProps) {
  const mine = failed?.action === 'escalate' ? failed : undefined
  return (
    <section class="panel" aria-labelledby="escalate-title" data-testid="escalate">
      <h2 id="escalate-title">{t(lang, 'tracking.escalate')}</h2>
      <p>{t(lang, 'tracking.escalate.hint')}</p>
      <form method="post" action="/track/escalate" id="escalate-form" accept-charset="utf-8">
        <input type="hidden" name="code" value={view.trackingCode} />
        <input type="hidden" name="pin" value={pin} />
        <TextField
          lang={lang}
          name="escalate.reason"
          label={t(lang, 'tracking.escalate.reason')}
          value={mine?.values.reason}
          error={mine ? errorFor(mine.errors, 'escalate.reason') : undefined}
          required
          multiline
          rows={4}
          maxLength={WITHDRAW_REASON_MAX_CHARS}
        />
        <button type="submit" id="escalate-button">
          {t(lang, 'tracking.escalate.button')}
        </button>
      </form>
    </section>
  )
}

function WithdrawForm({ lang, view, pin, failed }: TrackingPageProps) {
  const mine = failed?.action === 'withdraw' ? failed : undefined
  const confirmError = mine ? errorFor(mine.errors, 'withdraw.confirm') : undefined
  return (
    <section class="panel" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t(lang, 'tracking.withdraw')}</h2>
      <p>{t(lang, 'tracking.withdraw.hint')}</p>
      <form method="post" action="/track/withdraw" id="withdraw-form" accept-charset="utf-8">
        <input type="hidden" name="code" value={view.trackingCode} />
        <input type="hidden" name="pin" value={pin} />
        <TextField
          lang={lang}
          name="withdraw.reason"
          label={t(lang, 'tracking.withdraw.reason')}
          value={mine?.values.reason}
          error={mine ? errorFor(mine.errors, 'withdraw.reason') : undefined}
          required
          multiline
          rows={4}
          maxLength={WITHDRAW_REASON_MAX_CHARS}
        />
        <div class={confirmError ? 'field has-error' : 'field'}>
          <FieldErrorText lang={lang} id="f-withdraw-confirm-error" message={confirmError} />
          <div class="choice">
            <input
              type="checkbox"
              id="f-withdraw-confirm"
              name="withdraw.confirm"
              value="true"
              required
              aria-invalid={confirmError ? 'true' : undefined}
              aria-describedby={describedBy(confirmError && 'f-withdraw-confirm-error')}
            />
            <label for="f-withdraw-confirm">{t(lang, 'tracking.withdraw.confirm')}</label>
          </div>
        </div>
        <button type="submit" class="warning" id="withdraw-button">
          {t(lang, 'tracking.withdraw.button')}
        </button>
      </form>
    </section>
  )
}
