/** The administration pages' frame, their index and the text field every admin form uses. */
import type { Child } from 'hono/jsx'
import { bindFields, TextField } from '../../../components.js'
import { t } from '../../../i18n.js'
import type { FieldError, Lang } from '../../../types.js'
import { chromeOf, StaffLayout, type StaffUserView } from '../../layout.js'
import { ErrorSummaryFocus } from '../case.js'

export interface Base {
  lang: Lang
  organizationName: { vi: string; en: string }
  user: StaffUserView
  langHref: string
  done?: string
  errors: readonly FieldError[]
  values: Record<string, string>
  /** The configuration item's version the forms carry (a stale one is refused). */
  version: number
}

export function AdminFrame(p: Base & { title: string; children?: Child; linkable: string[] }) {
  return (
    <StaffLayout {...chromeOf(p)} title={p.title} current="admin">
      <p>
        <a href="/staff/admin">{t(p.lang, 'staff.admin.title')}</a>
      </p>
      <h1>{p.title}</h1>
      {p.done && (
        <div class="notice" role="status" data-testid="notice" tabindex={-1} autofocus>
          {t(p.lang, 'staff.admin.saved')}
        </div>
      )}
      <ErrorSummaryFocus lang={p.lang} errors={p.errors} linkable={p.linkable} />
      {p.children}
    </StaffLayout>
  )
}

const SECTIONS = ['committees', 'routing', 'users', 'deadlines', 'calendar', 'retention'] as const

export function AdminIndexPage(p: Omit<Base, 'errors' | 'values' | 'version'>) {
  const { lang } = p
  const title = t(lang, 'staff.admin.title')
  return (
    <StaffLayout {...chromeOf(p)} title={title} current="admin">
      <h1>{title}</h1>
      <ul>
        {SECTIONS.map((s) => (
          <li>
            <a href={`/staff/admin/${s}`} id={`admin-${s}`}>
              {t(lang, `staff.admin.${s}`)}
            </a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  )
}

export function tf(
  p: Base,
  name: string,
  key: Parameters<typeof t>[1],
  o: {
    required?: boolean
    multiline?: boolean
    hint?: string
    type?: 'text' | 'number' | 'email'
    max?: number
  } = {},
) {
  return (
    <TextField
      {...bindFields(p.lang, p).field(name)}
      label={t(p.lang, key)}
      required={o.required}
      multiline={o.multiline}
      rows={o.multiline ? 4 : undefined}
      hint={o.hint}
      type={o.type}
      maxLength={o.max}
    />
  )
}
