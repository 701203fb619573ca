/**
 * The staff pages' download links and what they answer without a session: the redirect to sign-in,
 * which the export function gives from a cold start without loading the report service or the
 * DynamoDB client (functions/report-export/handler.ts), and the download route gives the same way
 * (functions/report-export/pages.tsx).
 */
import type { Context } from 'hono'
import { readSessionToken } from '../../web/staff/session.js'

export const REPORT_PAGE_PATHS = ['/staff/reports/export.xlsx', '/staff/reports/export.csv'] as const
/** The outgoing register's download (docs/documents.md#register). */
export const REGISTER_EXPORT_PATH = '/staff/documents/register.xlsx'
export const EXPORT_PAGE_PATHS = [...REPORT_PAGE_PATHS, REGISTER_EXPORT_PATH] as const

export const isExportPagePath = (path: string) => (EXPORT_PAGE_PATHS as readonly string[]).includes(path)

/** Where to come back to after signing in: this download, with its query. */
export const returnPathOf = (c: Context) => encodeURIComponent(`${c.req.path}${new URL(c.req.url).search}`)

/** The session token, or the redirect to sign-in when the request has none. */
export function sessionOrSignIn(c: Context): { token: string } | { redirect: Response } {
  const token = readSessionToken(c)
  return token ? { token } : { redirect: c.redirect(`/staff/sign-in?return=${returnPathOf(c)}`, 303) }
}
