/**
 * The sign-in page (`GET /staff/sign-in`): what the staff function serves from a cold start without
 * loading the workspace (functions/staff-api/handler.ts), and what web/staff/routes/sign-in.tsx
 * serves inside it.
 */
import type { Context } from 'hono'
import type { Lang } from '../../types.js'
import { rolesOf } from '../labels.js'
import { SignInPage } from '../pages/sign-in.js'
import { render, switchHref } from '../render.js'
import { safeReturnPath } from '../session.js'
import type { SignInProvider } from '../sign-in.js'

export const SIGN_IN_PATH = '/staff/sign-in'

export async function signInPage(
  c: Context,
  lang: Lang,
  deps: { readonly organizationName: { vi: string; en: string }; readonly signIn?: SignInProvider },
) {
  const signIn = deps.signIn
  const reason = c.req.query('reason')
  const users =
    signIn?.kind === 'dev'
      ? (await signIn.listUsers())
          .filter((u) => u.active)
          .map((u) => ({ id: u.id, displayName: u.displayName, roles: rolesOf(u) }))
      : undefined
  return render(
    c,
    <SignInPage
      lang={lang}
      organizationName={deps.organizationName}
      langHref={switchHref(c, lang)}
      returnTo={safeReturnPath(c.req.query('return'))}
      reason={reason === 'expired' || reason === 'failed' || reason === 'signed_out' ? reason : undefined}
      mode={signIn?.kind ?? 'none'}
      users={users}
    />,
  )
}
