/**
 * What every staff section shares: the response headers, the message page, the layout props of
 * the request, and the words for a refusal. The sections only ask their deps and render.
 */
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
import { DomainError } from '../../shared/domain/errors.js'
import { type Committee, TOPICS } from '../../shared/domain/routing.js'
import { RULE_MESSAGES } from '../../shared/domain/schemas.js'
import { fieldProblems } from '../../shared/http/field-problems.js'
import type { User } from '../../shared/store/users.js'
import { t } from '../i18n.js'
import type { FieldError, Lang } from '../types.js'
import type { Option } from './components.js'
import { rolesOf } from './labels.js'
import type { StaffUserView } from './layout.js'
import { StaffMessagePage } from './pages/sign-in.js'
import { render, switchHref } from './render.js'
import type { StaffEnv } from './types.js'

export { render, rolesOf, switchHref }

export type StaffContext = Context<StaffEnv>

const MAX_FORM_BYTES = 256 * 1024

/** Every form post: a body larger than any staff form is refused before it is read. */
export const formLimit = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: () => {
    throw new HTTPException(413, { message: 'the form is too large' })
  },
})

export function userView(user: User): StaffUserView {
  return { displayName: user.displayName, roles: rolesOf(user) }
}

/** The props every signed-in page's layout takes, from the request. */
export function layout(c: StaffContext, organizationName: { vi: string; en: string }) {
  const lang = c.get('lang')
  return { lang, organizationName, user: userView(c.get('user')), langHref: switchHref(c, lang) }
}

export function messagePage(
  c: StaffContext,
  organizationName: { vi: string; en: string },
  status: 403 | 404 | 500 | 413 | 400,
) {
  const lang = c.get('lang')
  const user = c.get('user') as User | undefined
  return render(
    c,
    <StaffMessagePage
      lang={lang}
      organizationName={organizationName}
      langHref={switchHref(c, lang)}
      user={user ? userView(user) : undefined}
      status={status}
    />,
    status,
  )
}

/** dd/mm/yyyy (as staff write it) or yyyy-mm-dd → yyyy-mm-dd; anything else as typed (the schema refuses it). */
export function parseVietnameseDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim())
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return text.trim()
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function zodErrors(error: ZodError, lang: Lang, prefix = ''): FieldError[] {
  return fieldProblems(error, lang).map((e) => ({
    field: `${prefix}${e.field}`,
    message: capitalize(e.message),
  }))
}

/** A domain refusal as words for the form: the rule's words where the domain has them in both languages. */
export function domainMessage(error: DomainError, lang: Lang): string {
  const words = RULE_MESSAGES[error.code]?.[lang]
  if (words) return capitalize(words)
  return lang === 'vi' ? `${t(lang, 'staff.error.refused')} (${error.message})` : capitalize(error.message)
}

/** The field a refusal names (`details.field`), else `fallback`. */
export function refusedField(error: DomainError, fallback: string): string {
  return typeof error.details?.field === 'string' ? error.details.field : fallback
}

/** A refusal the page shows on its form (not a 403/404, which are the message page's). */
export function isFormRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.status !== 403 && error.status !== 404
}

export function committeeName(committees: readonly Committee[], id: string, lang: Lang): string {
  const c = committees.find((x) => x.id === id)
  return c ? (lang === 'en' && c.nameEn ? c.nameEn : c.name) : id
}

export function committeeOptions(committees: readonly Committee[], lang: Lang): Option[] {
  return committees.map((c) => ({ value: c.id, label: lang === 'en' && c.nameEn ? c.nameEn : c.name }))
}

export function topicOptions(lang: Lang): Option[] {
  return Object.entries(TOPICS).map(([value, l]) => ({ value, label: l[lang] }))
}

export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}
