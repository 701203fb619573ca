/**
 * One staff page as an HTML response, and the address of the same page in the other language:
 * apart from web/staff/http.tsx (forms, problems, schemas), so the sign-in page renders from a
 * cold start without them (functions/staff-api/handler.ts).
 */
import type { Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { otherLang } from '../i18n.js'
import { CITIZEN_CSP } from '../page-lang.js'
import type { Lang } from '../types.js'

export async function render(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Content-Security-Policy', CITIZEN_CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  // Staff pages carry case files and identities: never stored by any cache.
  c.header('Cache-Control', 'no-store')
  return c.html(`<!DOCTYPE html>${await page}`, status)
}

/** This GET address in the other language (without the one-off `done` notice). */
export function switchHref(c: Context, lang: Lang): string {
  const url = new URL(c.req.url)
  url.searchParams.set('lang', otherLang(lang))
  url.searchParams.delete('done')
  return `${url.pathname}${url.search}`
}
