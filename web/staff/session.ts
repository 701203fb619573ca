/**
 * The staff pages' session: the access token (the same JWT the staff API takes as a Bearer token)
 * kept in a `__Host-` cookie, HttpOnly, Secure, SameSite=Strict, Path=/, and verified on every
 * request by the same verifier as the API. The only server-side state is the list of sessions
 * ended by signing out (shared/store/sessions.ts), read by that verifier.
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/** The access token. `__Host-` makes the browser refuse it unless Secure, host-only and Path=/. */
export const SESSION_COOKIE = '__Host-staff-session'
/** The PKCE verifier, the state and where to go back to, for one Cognito sign-in round trip. */
export const PKCE_COOKIE = '__Host-staff-pkce'

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined
}

/**
 * Sets the session cookie. Chromium accepts Secure cookies from http://localhost (a secure
 * context), so the local runtime uses the same attributes as AWS.
 */
export function setSessionToken(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: Math.max(60, Math.floor(maxAgeSeconds)),
  })
}

export function clearSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true })
}

/** Seconds until the JWT's `exp` (the cookie lives no longer than the token); 3600 if unreadable. */
export function tokenLifetime(token: string, nowMs: number): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: number
    }
    if (typeof payload.exp === 'number') return payload.exp - Math.floor(nowMs / 1000)
  } catch {
    // fall through
  }
  return 3600
}

/** Only same-site paths under /staff may be a return address (no open redirect). */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/staff') || value.startsWith('//') || /[\\\r\n]/.test(value)) return '/staff'
  return value
}
