/**
 * The staff workspace: one sub-app per section, composed here behind the session check. Every
 * check of who may see or do what is the deps' (the services and shared/domain/policy.ts); a route
 * only asks and renders. Forms follow Post/Redirect/Get (web/staff/form.ts).
 */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DomainError } from '../../shared/domain/errors.js'
import { InvalidTokenError, ignoreInvalidToken } from '../../shared/http/auth.js'
import { pageLang } from '../citizen-pages.js'
import { STAFF_CSS } from './assets.js'
import { messagePage, rolesOf } from './http.js'
import { accountabilityRoutes } from './routes/accountability.js'
import { adminRoutes } from './routes/admin.js'
import { auditRoutes } from './routes/audit.js'
import { caseRoutes } from './routes/case.js'
import { documentRoutes, retentionRoutes } from './routes/documents.js'
import { queueRoutes } from './routes/queue.js'
import { receptionRoutes } from './routes/reception.js'
import { registerRoutes } from './routes/register.js'
import { reportRoutes } from './routes/reports.js'
import { signInRoutes } from './routes/sign-in.js'
import { clearSession, readSessionToken } from './session.js'
import type { StaffEnv, StaffPageDeps } from './types.js'

/** Open without a session: signing in, the identity provider's callback, the style sheet, signing out. */
const OPEN = ['/staff/sign-in', '/staff/auth/', '/staff/assets/', '/staff/sign-out']

/** The page a user lands on at `/staff`, by their roles. */
function homeOf(roles: readonly string[]): string {
  if (roles.includes('admin')) return '/staff/admin'
  if (roles.includes('supervisor')) return '/staff/dashboard'
  if (roles.includes('reception_officer')) return '/staff/reception'
  return '/staff/queue'
}

export function staffPages(deps: StaffPageDeps): Hono<StaffEnv> {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  app.get('/staff/assets/staff.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header(
      'Cache-Control',
      c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    )
    return c.body(STAFF_CSS)
  })

  // The page's language, once per request (a posted form's own language is read with its body).
  app.use('/staff', async (c, next) => {
    c.set('lang', pageLang(c))
    return next()
  })
  app.use('/staff/*', async (c, next) => {
    c.set('lang', pageLang(c))
    return next()
  })

  app.route('/', signInRoutes(deps))

  // ---- Everything else needs a signed-in, active user
  app.use('/staff/*', async (c, next) => {
    if (OPEN.some((p) => c.req.path === p || (p.endsWith('/') && c.req.path.startsWith(p)))) return next()
    const token = readSessionToken(c)
    const back = encodeURIComponent(
      c.req.method === 'GET' ? `${c.req.path}${new URL(c.req.url).search}` : '/staff',
    )
    if (!token) return c.redirect(`/staff/sign-in?return=${back}`, 303)
    let userId: string
    try {
      userId = await deps.verifier.verify(token)
    } catch (error) {
      // A store failure is an error page, not a sign-out.
      if (!(error instanceof InvalidTokenError)) throw error
      clearSession(c)
      return c.redirect(`/staff/sign-in?reason=expired&return=${back}`, 303)
    }
    const user = await deps.users.getUser(userId)
    if (!user?.active) {
      clearSession(c)
      return c.redirect('/staff/sign-in?reason=failed', 303)
    }
    c.set('user', user)
    return next()
  })

  app.get('/staff', async (c) => {
    const token = readSessionToken(c)
    if (!token) return c.redirect('/staff/sign-in', 303)
    const userId = await deps.verifier.verify(token).catch(ignoreInvalidToken)
    const user = userId ? await deps.users.getUser(userId) : undefined
    if (!user?.active) return c.redirect('/staff/sign-in?reason=expired', 303)
    return c.redirect(homeOf(rolesOf(user)), 303)
  })

  app.route('/', queueRoutes(deps))
  app.route('/', documentRoutes(deps))
  app.route('/', caseRoutes(deps))
  app.route('/', receptionRoutes(deps))
  app.route('/', registerRoutes(deps))
  app.route('/', reportRoutes(deps))
  app.route('/', auditRoutes(deps))
  app.route('/', accountabilityRoutes(deps))
  app.route('/', adminRoutes(deps))
  app.route('/', retentionRoutes(deps))

  app.onError((error, c) => {
    if (error instanceof DomainError && (error.status === 404 || error.status === 403))
      return messagePage(c, org, error.status)
    if (error instanceof HTTPException && error.status < 500)
      return messagePage(
        c,
        org,
        error.status === 413 ? 413 : error.status === 403 ? 403 : error.status === 404 ? 404 : 400,
      )
    deps.logger.error('staff page error', {
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    })
    return messagePage(c, org, 500)
  })
  return app
}
