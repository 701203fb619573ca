/**
 * What every page (citizen and staff) shares before it renders: the language it speaks and its
 * Content-Security-Policy. Apart from the page modules, so an entry that serves one page (the staff
 * sign-in on a cold start, functions/staff-api/handler.ts) loads only this.
 */
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { DEFAULT_LANG, isLang } from './i18n.js'
import type { Lang } from './types.js'

/** No script, no inline style, nothing from elsewhere: the pages need none of it. */
export const CITIZEN_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

const LANG_COOKIE = 'lang'
const ONE_YEAR_S = 365 * 24 * 3600

/**
 * The page's language: `?lang=` (which also sets the cookie), else the cookie, else `fallback`
 * (the language a posted form was rendered in), else Vietnamese.
 */
export function pageLang(c: Context, fallback?: string): Lang {
  const asked = c.req.query('lang')
  if (isLang(asked)) {
    setCookie(c, LANG_COOKIE, asked, {
      path: '/',
      maxAge: ONE_YEAR_S,
      sameSite: 'Lax',
      httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
    })
    return asked
  }
  const saved = getCookie(c, LANG_COOKIE)
  if (isLang(saved)) return saved
  return isLang(fallback) ? fallback : DEFAULT_LANG
}
