import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Language } from '../domain/vocabulary.js'

/** `?lang=`, then the `lang` cookie, then Accept-Language; Vietnamese unless English is asked for. */
export function requestLanguage(c: Context): Language {
  const query = c.req.query('lang')
  if (query === 'en' || query === 'vi') return query
  const cookie = getCookie(c, 'lang')
  if (cookie === 'en' || cookie === 'vi') return cookie
  const header = c.req.header('accept-language')?.trim().toLowerCase() ?? ''
  return header.startsWith('en') ? 'en' : 'vi'
}
