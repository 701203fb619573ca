/**
 * Lambda entry of the staff function: the same app the local runtime mounts
 * (functions/staff-api/lambda-app.ts), imported by the first request that needs it. A cold start
 * that only shows the sign-in page (where every session starts, and where an expired one lands)
 * renders it with the shared middleware and the page alone: no services, no DynamoDB client, no
 * zod schemas, no OpenAPI routes.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { Hono } from 'hono'
import { loadLambdaConfig, publicOrigins } from '../../shared/config.js'
import { withAppBase } from '../../shared/http/app-middleware.js'
import { onFirstUse } from '../../shared/lazy.js'
import { createLogger } from '../../shared/observability.js'
import { pageLang } from '../../web/page-lang.js'
import { SIGN_IN_PATH, signInPage } from '../../web/staff/routes/sign-in-page.js'
import type { SignInProvider } from '../../web/staff/sign-in.js'
import { handleHttp } from '../lambda-http.js'

const config = loadLambdaConfig()
const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = config
if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required')
const logger = createLogger({ serviceName: 'staff-api', level: config.LOG_LEVEL })
const signIn: SignInProvider | undefined =
  config.AUTH_DOMAIN && config.STAFF_CALLBACK_URL
    ? {
        kind: 'cognito',
        domain: config.AUTH_DOMAIN,
        clientId: audience,
        redirectUri: config.STAFF_CALLBACK_URL,
        logoutUri: config.STAFF_CALLBACK_URL.replace(/\/staff\/auth\/callback$/, '/staff/sign-in'),
      }
    : undefined
const workspace = onFirstUse(async () =>
  (await import('./lambda-app.js')).createStaffLambdaApp(config, logger, { issuer, audience, signIn }),
)

const app = new Hono()
// Everything but the sign-in page is the whole app's, with its own shared middleware.
app.use('*', async (c, next) =>
  c.req.method === 'GET' && c.req.path === SIGN_IN_PATH
    ? next()
    : (await workspace()).fetch(c.req.raw, c.env as object),
)
withAppBase(app, logger, { publicOrigins: publicOrigins(config) })
const organizationName = { vi: config.ORG_NAME_VI, en: config.ORG_NAME_EN }
app.get(SIGN_IN_PATH, (c) => signInPage(c, pageLang(c), { organizationName, signIn }))

export const handler = middy(handleHttp(app)).use(injectLambdaContext(logger, { resetKeys: true }))
