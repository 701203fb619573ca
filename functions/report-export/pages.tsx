/**
 * The report downloads for the staff pages: `GET /staff/reports/export.xlsx|csv`, signed in with
 * the session cookie (the browser cannot send the API's bearer token on a link). Served by the
 * export function (the spreadsheet library stays out of the staff bundle); the same report service
 * (and so the same policy) and the same file as `GET /api/v1/reports/export`.
 */
import { type Context, Hono } from 'hono'
import { DomainError, RuleViolation } from '../../shared/domain/errors.js'
import { ignoreInvalidToken, type TokenVerifier } from '../../shared/http/auth.js'
import { reportPeriodOf, reportQuerySchema } from '../../shared/http/report-query.js'
import type { Services } from '../../shared/service/context.js'
import { createReportService } from '../../shared/service/reports.js'
import { CITIZEN_CSP, pageLang } from '../../web/citizen-pages.js'
import { otherLang } from '../../web/i18n.js'
import { StaffMessagePage } from '../../web/staff/pages/sign-in.js'
import { exportFile } from './file.js'
import { EXPORT_PAGE_PATHS, returnPathOf, sessionOrSignIn } from './page-paths.js'

export { EXPORT_PAGE_PATHS }

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

  for (const path of EXPORT_PAGE_PATHS) {
    const format = path.endsWith('.csv') ? 'csv' : 'xlsx'
    app.get(path, async (c) => {
      const session = sessionOrSignIn(c)
      if ('redirect' in session) return session.redirect
      const userId = await verifier.verify(session.token).catch(ignoreInvalidToken)
      const user = userId ? await services.users.getUser(userId) : undefined
      if (!user?.active) return c.redirect(`/staff/sign-in?reason=expired&return=${returnPathOf(c)}`, 303)
      const parsed = reportQuerySchema.safeParse(c.req.query())
      if (!parsed.success) return message(c, 400)
      try {
        const { committeeId, ...q } = parsed.data
        const report = await reports.report(user, committeeId, reportPeriodOf(q))
        return await exportFile(services, report, committeeId, format)
      } catch (error) {
        if (error instanceof RuleViolation) return message(c, 400)
        if (error instanceof DomainError && (error.status === 403 || error.status === 404))
          return message(c, error.status)
        if (error instanceof DomainError && error.status < 500) return message(c, 400)
        throw error
      }
    })
  }
  return app
}
