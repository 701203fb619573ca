import type { Child } from 'hono/jsx'
import { formatDate, label, type MessageKey, t } from './i18n.js'
import type { DeadlineView, FieldError, Lang } from './types.js'

/** The element id of a form field: `petitioner.fullName` → `f-petitioner-fullName` (no dots, so CSS selectors work). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

/** All messages for one field, joined: the summary and the field show the same words. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  const mine = errors.filter((e) => e.field === field).map((e) => e.message)
  return mine.length > 0 ? mine.join(' ') : undefined
}

/** A form's state as its fields read it: the values as typed and the errors per field. */
export interface FieldSource {
  readonly values: Readonly<Record<string, string | undefined>>
  readonly errors: readonly FieldError[]
}

/**
 * The props a field takes from its form's state, so a view names each field once:
 * `<TextField {...field('year')} label={…} />` gets the name, the value as typed and its error;
 * `<CheckboxField {...check('anonymous')} label={…} />` the same with the box ticked or not.
 */
export function bindFields(lang: Lang, form: FieldSource) {
  const error = (name: string) => errorFor(form.errors, name)
  return {
    field: (name: string) => ({ lang, name, value: form.values[name], error: error(name) }),
    check: (name: string) => ({ lang, name, checked: form.values[name] === 'true', error: error(name) }),
  }
}

/**
 * The box at the top of a form listing every problem, each linking to its field. `linkable` names
 * the fields that exist on the page; an error on any other field is listed without a link.
 * `anchor` maps a field to a different element id (a radio group links to its first option).
 */
export function ErrorSummary(props: {
  lang: Lang
  errors: readonly FieldError[]
  linkable: readonly string[]
  anchor?: (field: string) => string
}) {
  if (props.errors.length === 0) return null
  return (
    <div
      class="error-summary"
      id="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
    >
      <h2 id="error-summary-title">{t(props.lang, 'form.errorSummary')}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            {props.linkable.includes(e.field) ? (
              <a href={`#${props.anchor ? props.anchor(e.field) : fieldId(e.field)}`}>{e.message}</a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The error line under a label; its id is what the input's `aria-describedby` points at. */
export function FieldErrorText(props: { lang: Lang; id: string; message: string | undefined }) {
  if (!props.message) return null
  return (
    <span class="error-message" id={props.id}>
      <span class="vh">{`${t(props.lang, 'form.errorPrefix')} `}</span>
      {props.message}
    </span>
  )
}

/** Space-separated ids for `aria-describedby`, or undefined when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0)
  return present.length > 0 ? present.join(' ') : undefined
}

export interface TextFieldProps {
  lang: Lang
  name: string
  label: string
  value: string | undefined
  error: string | undefined
  hint?: string
  required?: boolean
  type?: 'text' | 'email' | 'tel' | 'number'
  autocomplete?: string
  inputmode?: 'text' | 'numeric' | 'tel' | 'email'
  min?: number
  spellcheck?: boolean
  multiline?: boolean
  maxLength?: number
  rows?: number
}

/**
 * What every labelled field shows around its control: the label (marked when required), the hint
 * and the error, tied to the control by `id` and `hintId`.
 */
export function FieldFrame(p: {
  lang: Lang
  id: string
  hintId: string | undefined
  label: string
  hint?: string
  error?: string
  required?: boolean
  children?: Child
}) {
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={p.id}>
        {p.label}
        {p.required && <span class="req">{` ${t(p.lang, 'form.required')}`}</span>}
      </label>
      {p.hint && (
        <span class="hint" id={p.hintId}>
          {p.hint}
        </span>
      )}
      <FieldErrorText lang={p.lang} id={`${p.id}-error`} message={p.error} />
      {p.children}
    </div>
  )
}

/** A labelled input or textarea with its hint and error tied to it for screen readers. */
export function TextField(p: TextFieldProps) {
  const id = fieldId(p.name)
  const hintId = p.hint ? `${id}-hint` : undefined
  const errorId = p.error ? `${id}-error` : undefined
  const common = {
    id,
    name: p.name,
    'aria-invalid': p.error ? 'true' : undefined,
    'aria-describedby': describedBy(hintId, errorId),
    required: p.required,
    maxlength: p.maxLength,
    spellcheck: p.spellcheck === false ? false : undefined,
  }
  return (
    <FieldFrame {...p} id={id} hintId={hintId}>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 8}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          min={p.min}
        />
      )}
    </FieldFrame>
  )
}

/** A stack of definitions (label: value) for a petition's facts. */
export function Facts(props: { rows: [string, Child, string?][] }) {
  return (
    <dl class="facts">
      {props.rows.map(([term, value, testId]) => (
        <>
          <dt>{term}</dt>
          <dd data-testid={testId}>{value}</dd>
        </>
      ))}
    </dl>
  )
}

/** Each legal time limit with its due date, state, explanation and legal basis. */
export function DeadlineList(props: { lang: Lang; deadlines: readonly DeadlineView[] }) {
  const { lang } = props
  if (props.deadlines.length === 0) return <p>{t(lang, 'deadline.none')}</p>
  return (
    <ul class="deadlines" data-testid="deadlines">
      {props.deadlines.map((d) => (
        <li class="deadline" data-clock={d.clock}>
          <h3>
            {label(lang, 'clock', d.clock)}{' '}
            <span class={`badge state-${d.state}`} data-testid="deadline-state">
              {label(lang, 'state', d.state)}
            </span>
          </h3>
          <p>
            <strong>{`${t(lang, 'deadline.due')}: `}</strong>
            <time datetime={d.dueDate}>{formatDate(d.dueDate)}</time>
            {` (${t(lang, 'deadline.counted')} ${t(lang, d.dayType === 'working' ? 'dayType.working' : 'dayType.calendar')})`}
          </p>
          <p>{d.explanation}</p>
          <p>
            <strong>{`${t(lang, 'deadline.basis')}: `}</strong>
            {d.basis}
          </p>
        </li>
      ))}
    </ul>
  )
}

/** The message keys under `P.`, without the prefix (`'staff.admin'` → `'id' | 'roles' | …`). */
type KeysUnder<P extends string> = MessageKey extends infer K
  ? K extends `${P}.${infer R}`
    ? R
    : never
  : never

/**
 * A table's column headings: each a message under `of` (`cols={['date', 'type']}`), or any other
 * message as `{ key }`.
 */
export function ColumnHeads<P extends string>(p: {
  lang: Lang
  of: P
  cols: readonly (KeysUnder<P> | { readonly key: MessageKey })[]
}) {
  return (
    <thead>
      <tr>
        {p.cols.map((c) => (
          <th scope="col">{t(p.lang, typeof c === 'string' ? (`${p.of}.${c}` as MessageKey) : c.key)}</th>
        ))}
      </tr>
    </thead>
  )
}
