/**
 * The report downloads for the staff pages: `GET /staff/reports/export.xlsx|csv` (and the outgoing
 * register's, `GET /staff/documents/register.xlsx`), signed in with
 * the session cookie (the browser cannot send the API's bearer token on a link). Served by the
 * export function (the spreadsheet library stays out of the staff bundle); the same report service
 * (and so the same policy) and the same file as `GET /api/v1/reports/export`.
 */
import { type Context, Hono } from 'hono'
import { vietnamDate } from '../../shared/domain/dates.js'
import { DomainError, RuleViolation } from '../../shared/domain/errors.js'
import { ignoreInvalidToken, type TokenVerifier } from '../../shared/http/auth.js'
import { reportPeriodOf, reportQuerySchema } from '../../shared/http/report-query.js'
import type { Services } from '../../shared/service/context.js'
import { readRegister } from '../../shared/service/register-view.js'
import { createReportService } from '../../shared/service/reports.js'
import { CITIZEN_CSP, pageLang } from '../../web/citizen-pages.js'
import { otherLang } from '../../web/i18n.js'
import { StaffMessagePage } from '../../web/staff/pages/sign-in.js'
import { exportFile, XLSX_TYPE } from './file.js'

import {
  EXPORT_PAGE_PATHS,
  REGISTER_EXPORT_PATH,
  REPORT_PAGE_PATHS,
  returnPathOf,
  sessionOrSignIn,
} from './page-paths.js'

export { EXPORT_PAGE_PATHS, REGISTER_EXPORT_PATH }

export function buildExportPages(deps: { services: Services; verifier: TokenVerifier }): Hono {
  const { services, verifier } = deps
  const reports = createReportService(services)
  const app = new Hono()

  async function message(c: Context, status: 400 | 403 | 404) {
    const lang = pageLang(c)
    const url = new URL(c.req.url)
    url.searchParams.set('lang', otherLang(lang))
    c.header('Content-Security-Policy', CITIZEN_CSP)
    c.header('Cache-Control', 'no-store')
    const page = await (
      <StaffMessagePage
        lang={lang}
        organizationName={services.organizationName}
        langHref={`${url.pathname}${url.search}`}
        status={status}
      />
    )
    return c.html(`<!DOCTYPE html>${page}`, status)
  }

  /** The signed-in, active user of the session cookie, or the redirect to sign in. */
  async function sessionUser(c: Context) {
    const session = sessionOrSignIn(c)
    if ('redirect' in session) return session.redirect
    const userId = await verifier.verify(session.token).catch(ignoreInvalidToken)
    const user = userId ? await services.users.getUser(userId) : undefined
    if (!user?.active) return c.redirect(`/staff/sign-in?reason=expired&return=${returnPathOf(c)}`, 303)
    return user
  }

  /** A refusal as the message page; anything else is the error mapper's. */
  function refused(c: Context, error: unknown) {
    if (error instanceof RuleViolation) return message(c, 400)
    if (error instanceof DomainError && (error.status === 403 || error.status === 404))
      return message(c, error.status)
    if (error instanceof DomainError && error.status < 500) return message(c, 400)
    throw error
  }

  app.get(REGISTER_EXPORT_PATH, async (c) => {
    const user = await sessionUser(c)
    if (user instanceof Response) return user
    const committeeId = c.req.query('committee') ?? ''
    const from = c.req.query('from') ?? ''
    const to = c.req.query('to') ?? ''
    try {
      const rows = await readRegister(services, user, committeeId, from, to)
      const committee = (await services.settings.getCommittees()).value.find((x) => x.id === committeeId)
      const { registerWorkbookBytes } = await import('./register-workbook.js')
      const bytes = await registerWorkbookBytes(rows, {
        committeeName: committee?.name ?? committeeId,
        from,
        to,
        generatedOn: vietnamDate(services.now()),
      })
      return new Response(bytes, {
        headers: {
          'content-type': XLSX_TYPE,
          'content-disposition': `attachment; filename="so-van-ban-di-${committeeId}-${from}-${to}.xlsx"`,
          'cache-control': 'private, no-store',
        },
      })
    } catch (error) {
      return refused(c, error)
    }
  })

  for (const path of REPORT_PAGE_PATHS) {
    const format = path.endsWith('.csv') ? 'csv' : 'xlsx'
    app.get(path, async (c) => {
      const user = await sessionUser(c)
      if (user instanceof Response) return user
      const parsed = reportQuerySchema.safeParse(c.req.query())
      if (!parsed.success) return message(c, 400)
      try {
        const { committeeId, ...q } = parsed.data
        const report = await reports.report(user, committeeId, reportPeriodOf(q))
        return await exportFile(services, report, committeeId, format)
      } catch (error) {
        return refused(c, error)
      }
    })
  }
  return app
}
