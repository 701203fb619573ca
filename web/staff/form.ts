/**
 * One mechanism for every staff form. A form is declared once: its fields, how the posted values
 * become the input the domain schema checks, and how a schema path or a refusal maps to one of its
 * fields. `submitForm` then does read → validate → run: on success Post/Redirect/Get (or the page
 * the step answers with), on a refusal the same form again with its values and errors (422, or
 * 409 for a state or version conflict).
 */
import { getCookie } from 'hono/cookie'
import type { ZodType } from 'zod'
import { DomainError } from '../../shared/domain/errors.js'
import { type FormBody, field, multiline, ticked } from '../form.js'
import { isLang, t } from '../i18n.js'
import type { FieldError, Lang } from '../types.js'
import { domainMessage, refusedField, type StaffContext, zodErrors } from './http.js'

/** How a field is read: trimmed text, a textarea (CRLF → LF; `lines` also trimmed), a checkbox. */
export type FieldKind = 'text' | 'multiline' | 'lines' | 'check'

export type FormValues = Record<string, string>

/** What a view needs to show a form: the values as typed and the errors per field. */
export interface FormState {
  readonly values: FormValues
  readonly errors: FieldError[]
  /** Someone else changed the record since the form was rendered. */
  readonly stale?: boolean
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: [] })

export interface FormDefinition<Input> {
  readonly fields: Readonly<Record<string, FieldKind>>
  /** The posted values as the schema's input (empty optional fields left out). */
  readonly input: (values: FormValues, lang: Lang) => unknown
  /** Checked before running; without it the input goes to the step as built. */
  readonly schema?: ZodType<Input>
  /** A schema path or a refusal's field as the form's field name (default: as is). */
  readonly fieldOf?: (path: string) => string
  /** The field a refusal that names none points at (as is, without `prefix`). */
  readonly fallback: string
  /** Prefix of the field names in errors (the case page's action forms: `accept.`). */
  readonly prefix?: string
}

/** A text field of the posted form, trimmed; '' when absent or a file. */
export const text = field

/**
 * The posted form. Its hidden `language` field (the language the form was rendered in) becomes the
 * page's language unless `?lang=` or the cookie already chose one.
 */
export async function readBody(c: StaffContext): Promise<FormBody> {
  const body = await c.req.parseBody()
  const posted = text(body, 'language')
  if (isLang(posted) && !c.req.query('lang') && !isLang(getCookie(c, 'lang'))) c.set('lang', posted)
  return body
}

export function readValues(body: FormBody, fields: Readonly<Record<string, FieldKind>>): FormValues {
  const values: FormValues = {}
  for (const [name, kind] of Object.entries(fields))
    values[name] =
      kind === 'text'
        ? text(body, name)
        : kind === 'check'
          ? ticked(body, name)
            ? 'true'
            : ''
          : kind === 'lines'
            ? multiline(body, name).trim()
            : multiline(body, name)
  return values
}

/** A refusal of the domain as the form's state and status (409 for a conflict, else 422). */
export function refusal<I>(
  form: FormDefinition<I>,
  error: DomainError,
  values: FormValues,
  lang: Lang,
): { state: FormState; status: 409 | 422 } {
  if (error.code === 'version_conflict') return { state: { values, errors: [], stale: true }, status: 409 }
  const named = refusedField(error, '')
  const name = named ? `${form.prefix ?? ''}${(form.fieldOf ?? ((p: string) => p))(named)}` : form.fallback
  return {
    state: { values, errors: [{ field: name, message: domainMessage(error, lang) }] },
    status: error.status === 422 ? 422 : 409,
  }
}

export interface FormHandlers<Input> {
  /** The step; its answer is where to go (Post/Redirect/Get) or the response itself. */
  readonly run: (input: Input, values: FormValues, body: FormBody) => Promise<string | Response>
  /** The page with the form again: the input was invalid (schema, precheck) or the step refused it. */
  readonly again: (state: FormState, status: 409 | 422, cause: 'invalid' | 'refused') => Promise<Response>
  /** Checks the schema cannot express (an id's shape, a required choice), before the schema. */
  readonly precheck?: (values: FormValues, lang: Lang) => FieldError[]
  /** A 404 of the step is shown on the form (removing what someone else removed first). */
  readonly notFoundOnForm?: boolean
}

export async function submitForm<Input>(
  c: StaffContext,
  form: FormDefinition<Input>,
  handlers: FormHandlers<Input>,
  given?: FormBody,
): Promise<Response> {
  const body = given ?? (await readBody(c))
  const lang = c.get('lang')
  const values = readValues(body, form.fields)
  const early = handlers.precheck?.(values, lang) ?? []
  if (early.length > 0) return handlers.again({ values, errors: early }, 422, 'invalid')
  const input = form.input(values, lang)
  let checked = input as Input
  if (form.schema) {
    const parsed = form.schema.safeParse(input)
    if (!parsed.success) {
      const fieldOf = form.fieldOf ?? ((p: string) => p)
      const errors = zodErrors(parsed.error, lang).map((e) => ({
        ...e,
        field: `${form.prefix ?? ''}${fieldOf(e.field)}`,
      }))
      return handlers.again({ values, errors }, 422, 'invalid')
    }
    checked = parsed.data
  }
  try {
    const next = await handlers.run(checked, values, body)
    return typeof next === 'string' ? c.redirect(next, 303) : next
  } catch (error) {
    if (!(error instanceof DomainError) || error.status === 403) throw error
    if (error.status === 404 && !handlers.notFoundOnForm) throw error
    const { state, status } = refusal(form, error, values, lang)
    return handlers.again(state, status, 'refused')
  }
}

/** The stale-version words of the configuration forms. */
export function staleError(lang: Lang): FieldError {
  return { field: 'form', message: t(lang, 'staff.admin.stale') }
}
