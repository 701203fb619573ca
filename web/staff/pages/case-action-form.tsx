/**
 * One action's form on the case page: its fields, what will happen, and what the petitioner will
 * be told (the same template the sweep sends), split from the case page (pages/case.tsx).
 */
import { transitionFor } from '../../../shared/domain/lifecycle.js'
import {
  OUTCOMES,
  OUTCOMES_BY_KIND,
  REFUSAL_REASON_CODES,
  REFUSAL_REASONS,
} from '../../../shared/domain/reasons.js'
import { CITIZEN_NOTIFIED_EVENTS } from '../../../shared/domain/watch.js'
import { renderMessage } from '../../../shared/notifications/templates.js'
import { errorFor, TextField } from '../../components.js'
import { label, t } from '../../i18n.js'
import type { Lang } from '../../types.js'
import { type Option, SelectField } from '../components.js'
import type { CasePageProps, PageAction, StaffCaseViewModel } from './case.js'

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

export function ActionForm(props: CasePageProps & { action: PageAction }) {
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
        {CITIZEN_NOTIFIED_EVENTS.includes(transitionFor(action).event) ? (
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
        ) : transitionFor(action).public ? (
          <p>{t(lang, 'staff.action.petitionerSees')}</p>
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
