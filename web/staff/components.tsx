import type { Child } from 'hono/jsx'
import type { TetScheduleWarning } from '../../shared/domain/calendar.js'
import { describedBy, FieldErrorText, FieldFrame, fieldId } from '../components.js'
import { formatDate, t } from '../i18n.js'
import type { Lang } from '../types.js'

export interface Option {
  readonly value: string
  readonly label: string
}

/** A labelled `<select>` with its hint and error tied to it. */
export function SelectField(p: {
  lang: Lang
  name: string
  label: string
  options: readonly Option[]
  value: string | undefined
  error?: string
  hint?: string
  required?: boolean
  /** A first empty choice ("any", "choose…"). */
  empty?: string
  /** An id of its own where one form of many on a page carries the same field name. */
  id?: string
}) {
  const id = p.id ?? fieldId(p.name)
  const hintId = p.hint ? `${id}-hint` : undefined
  const errorId = p.error ? `${id}-error` : undefined
  return (
    <FieldFrame {...p} id={id} hintId={hintId}>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {p.empty !== undefined && <option value="">{p.empty}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** A single checkbox with its label. */
export function CheckboxField(p: {
  name: string
  label: string
  checked: boolean
  hint?: string
  error?: string
  lang: Lang
}) {
  const id = fieldId(p.name)
  const hintId = p.hint ? `${id}-hint` : undefined
  const errorId = p.error ? `${id}-error` : undefined
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <FieldErrorText lang={p.lang} id={`${id}-error`} message={p.error} />
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={p.name}
          value="true"
          checked={p.checked}
          aria-describedby={describedBy(hintId, errorId)}
        />
        <label for={id}>{p.label}</label>
      </div>
      {p.hint && (
        <span class="hint" id={hintId}>
          {p.hint}
        </span>
      )}
    </div>
  )
}

/**
 * The coming Tết has no recorded schedule: deadlines across it are counted with the computed days
 * (shared/domain/calendar.ts `tetScheduleWarning`), shown on the admin and supervisor dashboards.
 */
export function TetWarning(props: { lang: Lang; warning: TetScheduleWarning | undefined }) {
  if (!props.warning) return null
  return (
    <p class="warning" role="status" data-testid="tet-warning">
      {t(props.lang, 'staff.calendar.tetWarning', {
        year: props.warning.year,
        days: props.warning.defaultDays.map((d) => formatDate(d)).join(', '),
      })}{' '}
      <a href={`/staff/admin/calendar?year=${props.warning.year}#notice-form-title`}>
        {t(props.lang, 'staff.calendar.tetWarning.record')}
      </a>
    </p>
  )
}

/** A green box saying what was just done (Post/Redirect/Get lands here with `?done=`). */
export function Notice(props: { children?: Child }) {
  return (
    <div class="notice" role="status" data-testid="notice">
      {props.children}
    </div>
  )
}

export type Urgency = 'none' | 'on_track' | 'due_soon' | 'overdue' | 'very_overdue'

/** The queue's badge for how close the nearest time limit is. */
export function UrgencyBadge(props: { lang: Lang; urgency: Urgency }) {
  if (props.urgency === 'none') return null
  const cls = props.urgency.replace('_', '-')
  return (
    <span class={`badge ${cls}`} data-urgency={props.urgency}>
      {t(props.lang, `staff.urgency.${props.urgency}`)}
    </span>
  )
}

/** The hidden fields every staff form carries: the page's language. */
export function LangField(props: { lang: Lang }) {
  return <input type="hidden" name="language" value={props.lang} />
}
