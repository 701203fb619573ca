import { t } from '../../i18n.js'
import type { Lang } from '../../types.js'
import { roleLabel } from '../labels.js'
import { chromeOf, StaffLayout } from '../layout.js'

export interface SignInPageProps {
  lang: Lang
  organizationName: { vi: string; en: string }
  langHref: string
  /** Where to go back to after signing in. */
  returnTo: string
  /** The session ended (expired token) or the sign-in failed. */
  reason?: 'expired' | 'failed' | 'signed_out'
  mode: 'cognito' | 'dev' | 'none'
  /** Dev sign-in only: the demo users to pick from. */
  users?: readonly { id: string; displayName: string; roles: string[] }[]
}

export function SignInPage(p: SignInPageProps) {
  const { lang } = p
  const title = t(lang, 'staff.signIn.title')
  return (
    <StaffLayout lang={lang} organizationName={p.organizationName} title={title} langHref={p.langHref}>
      <h1>{title}</h1>
      {p.reason && (
        <div
          class={p.reason === 'failed' ? 'warning-box' : 'notice'}
          role="status"
          data-testid="sign-in-reason"
        >
          {t(lang, `staff.signIn.${p.reason}`)}
        </div>
      )}
      {p.mode === 'cognito' && (
        <>
          <p class="lead">{t(lang, 'staff.signIn.cognito.lead')}</p>
          <p>
            <a
              class="button"
              id="sign-in-cognito"
              href={`/staff/auth/login?return=${encodeURIComponent(p.returnTo)}`}
            >
              {t(lang, 'staff.signIn.cognito.button')}
            </a>
          </p>
        </>
      )}
      {p.mode === 'none' && <p>{t(lang, 'staff.signIn.unavailable')}</p>}
      {p.mode === 'dev' && (
        <form method="post" action="/staff/sign-in">
          <input type="hidden" name="return" value={p.returnTo} />
          <p class="note">{t(lang, 'staff.signIn.dev.lead')}</p>
          <fieldset>
            <legend>{t(lang, 'staff.signIn.dev.user')}</legend>
            {(p.users ?? []).map((u, i) => (
              <div class="choice">
                <input
                  type="radio"
                  name="userId"
                  id={`user-${u.id.replace(/[^A-Za-z0-9_-]/g, '-')}`}
                  value={u.id}
                  checked={i === 0}
                />
                <label for={`user-${u.id.replace(/[^A-Za-z0-9_-]/g, '-')}`}>
                  {u.displayName}
                  <span class="hint">{`${u.id} – ${u.roles.map((r) => roleLabel(lang, r)).join(', ')}`}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" id="sign-in-dev">
            {t(lang, 'staff.signIn.dev.button')}
          </button>
        </form>
      )}
    </StaffLayout>
  )
}

/** A short page with one message and a way on (not found, forbidden, a failure). */
export function StaffMessagePage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  langHref: string
  user?: { displayName: string; roles: readonly import('../../../shared/domain/vocabulary.js').Role[] }
  status: number
}) {
  const { lang } = p
  const key = p.status === 404 ? 'notFound' : p.status === 403 ? 'forbidden' : 'failed'
  const title = t(lang, `staff.error.${key}.title`)
  return (
    <StaffLayout {...chromeOf(p)} title={title}>
      <h1>{title}</h1>
      <p>{t(lang, `staff.error.${key}.text`)}</p>
      <p>
        <a href="/staff">{t(lang, 'staff.error.home')}</a>
      </p>
    </StaffLayout>
  )
}

/** After the Cognito callback: a same-site page that moves on, so the SameSite=Strict cookie is sent. */
export function SignedInPage(p: {
  lang: Lang
  organizationName: { vi: string; en: string }
  langHref: string
  next: string
}) {
  const { lang } = p
  const title = t(lang, 'staff.signIn.done')
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content={`0;url=${p.next}`} />
        <title>{title}</title>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <p>
            <a href={p.next}>{t(lang, 'staff.signIn.continue')}</a>
          </p>
        </main>
      </body>
    </html>
  )
}
