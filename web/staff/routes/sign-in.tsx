/** Signing in and out: the dev picker or Cognito's authorization code with PKCE, and the session cookie. */
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { readBody, text } from '../form.js'
import { formLimit, messagePage, render } from '../http.js'
import { SignedInPage } from '../pages/sign-in.js'
import {
  clearSession,
  PKCE_COOKIE,
  readSessionToken,
  safeReturnPath,
  setSessionToken,
  tokenLifetime,
} from '../session.js'
import { cognitoLogoutUrl, exchangeCognitoCode, readPkceCookie, startCognitoSignIn } from '../sign-in.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'
import { SIGN_IN_PATH, signInPage } from './sign-in-page.js'

export function signInRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  app.get(SIGN_IN_PATH, (c) => signInPage(c, c.get('lang'), deps))

  app.post('/staff/sign-in', formLimit, async (c) => {
    const signIn = deps.signIn
    if (signIn?.kind !== 'dev') return messagePage(c, org, 404)
    const body = await readBody(c)
    const user = await deps.users.getUser(text(body, 'userId'))
    if (!user?.active) return c.redirect('/staff/sign-in?reason=failed', 303)
    const token = await signIn.issue(user.id)
    setSessionToken(c, token, tokenLifetime(token, deps.now().getTime()))
    return c.redirect(safeReturnPath(text(body, 'return')), 303)
  })

  app.get('/staff/auth/login', (c) => {
    const signIn = deps.signIn
    if (signIn?.kind !== 'cognito') return c.redirect('/staff/sign-in', 303)
    const start = startCognitoSignIn(signIn, safeReturnPath(c.req.query('return')), c.get('lang'))
    // Lax, not Strict: the callback is a top-level navigation from the Cognito domain.
    setCookie(c, PKCE_COOKIE, start.cookie, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: 600,
    })
    return c.redirect(start.url, 302)
  })

  app.get('/staff/auth/callback', async (c) => {
    const signIn = deps.signIn
    if (signIn?.kind !== 'cognito') return c.redirect('/staff/sign-in', 303)
    const saved = readPkceCookie(getCookie(c, PKCE_COOKIE))
    deleteCookie(c, PKCE_COOKIE, { path: '/', secure: true })
    const code = c.req.query('code')
    if (!saved || !code || c.req.query('state') !== saved.s)
      return c.redirect('/staff/sign-in?reason=failed', 303)
    let token: string
    try {
      token = await exchangeCognitoCode(signIn, code, saved.v)
      await deps.verifier.verify(token)
    } catch (error) {
      deps.logger.warn('staff sign-in failed', {
        error: error instanceof Error ? error.message : String(error),
      })
      return c.redirect('/staff/sign-in?reason=failed', 303)
    }
    setSessionToken(c, token, tokenLifetime(token, deps.now().getTime()))
    // A same-site page moves on: a redirect chain begun on Cognito's site would not carry a Strict cookie.
    return render(
      c,
      <SignedInPage
        lang={c.get('lang')}
        organizationName={org}
        langHref="/staff/sign-in"
        next={safeReturnPath(saved.r)}
      />,
    )
  })

  app.post('/staff/sign-out', async (c) => {
    // Recorded before the cookie goes: a token that only left the browser would still open the
    // pages and the API until it expires. If the record fails, the sign-out fails visibly.
    const token = readSessionToken(c)
    if (token) await deps.verifier.revoke(token)
    clearSession(c)
    const logout = deps.signIn?.kind === 'cognito' ? cognitoLogoutUrl(deps.signIn) : undefined
    return c.redirect(logout ?? '/staff/sign-in?reason=signed_out', 303)
  })
  return app
}
