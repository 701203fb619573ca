/**
 * The middleware every Hono app shares (correlation id, security headers, CSRF check, CORS, body
 * limit, error mapper), apart from the OpenAPI app class so a page-only app can have it without
 * @hono/zod-openapi (shared/http/app-base.ts builds the API apps with it).
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { withCorrelationId } from '../observability.js'
import { errorMapper, problemResponse } from './problem.js'

export const MAX_BODY_BYTES = 128 * 1024

/** Accepted correlation ids from callers (API Gateway's and UUIDs fit). */
const CORRELATION_ID = /^[\w.:-]{1,128}$/

/** Headers every response carries; a page may set its own stricter or looser CSP first. */
const SECURITY_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
}
/** JSON and problem responses render nothing: the strictest policy there is. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

export interface AppOptions {
  /** Origins allowed to call the JSON API from a browser. Empty: CORS closed. */
  readonly corsOrigins?: readonly string[]
  /**
   * The origins the site's pages are served from. Behind CloudFront the request's host is API
   * Gateway's (the origin request policy drops the viewer's Host), so a form's Origin is checked
   * against these, never against the request URL. Unset (one machine): the request's own origin.
   */
  readonly publicOrigins?: readonly string[]
}

/**
 * Installs what every app shares on `app` (a plain Hono or an OpenAPIHono): the page-only entry of
 * the public function uses it without loading the OpenAPI registry (functions/public-api/handler.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: any app's Env and schema, as Hono's own helpers take.
export function withAppBase<A extends Hono<any, any, any>>(
  app: A,
  logger: Logger,
  options: AppOptions = {},
): A {
  app.use('*', async (c, next) => {
    // A caller's id is kept only when it is a plain token: it goes into logs and back out.
    const given = c.req.header('x-correlation-id')
    const correlationId = given && CORRELATION_ID.test(given) ? given : crypto.randomUUID()
    c.set('correlationId' as never, correlationId as never)
    // Problem `type` URIs are absolute under the site's first public origin (SITE_URL in AWS).
    if (options.publicOrigins?.[0]) c.set('siteUrl' as never, options.publicOrigins[0] as never)
    c.header('x-correlation-id', correlationId)
    // Per request, not on the shared logger: concurrent requests must not swap ids (observability.ts).
    await withCorrelationId(correlationId, next)
    // An error's response is built anew by the mapper: it must carry the id too.
    if (!c.res.headers.has('x-correlation-id')) c.res.headers.set('x-correlation-id', correlationId)
  })
  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!c.res.headers.has(name)) c.res.headers.set(name, value)
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', API_CSP)
    if (isApiPath(c.req.path) && !c.res.headers.has('cache-control'))
      c.res.headers.set('cache-control', 'no-store')
  })
  // Form posts (the pages) must come from our own pages: Sec-Fetch-Site or Origin. JSON calls
  // from another site need CORS, which stays closed unless origins are configured. Browsers that
  // send no Sec-Fetch-Site (older ones, in-app webviews) are judged by Origin alone.
  const publicOrigins = options.publicOrigins?.length ? options.publicOrigins : undefined
  app.use(
    '*',
    csrf({
      origin: (origin, c) =>
        publicOrigins ? publicOrigins.includes(origin) : origin === new URL(c.req.url).origin,
    }),
  )
  if (options.corsOrigins?.length)
    app.use(
      '/api/v1/petitions/*',
      cors({
        origin: [...options.corsOrigins],
        allowHeaders: ['content-type', 'idempotency-key', 'x-tracking-pin'],
        maxAge: 600,
      }),
    )
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: `the body is larger than ${MAX_BODY_BYTES} bytes` })
      },
    }),
  )
  app.onError(errorMapper(logger))
  app.notFound(apiNotFound)
  return app
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}

export function apiNotFound(c: Context): Response {
  return problemResponse(c, 404, 'not_found', `no resource at ${c.req.path}`)
}
