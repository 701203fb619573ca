/**
 * Lambda entry of the export function: the same app the local runtime mounts
 * (functions/report-export/lambda-app.ts), imported by the first request that needs it. A download
 * link followed without a session is redirected to sign-in from the shared middleware and
 * functions/report-export/page-paths.ts alone: no report service, no DynamoDB client, no schemas.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { Hono } from 'hono'
import { loadLambdaConfig, publicOrigins } from '../../shared/config.js'
import { withAppBase } from '../../shared/http/app-middleware.js'
import { onFirstUse } from '../../shared/lazy.js'
import { createLogger } from '../../shared/observability.js'
import { readSessionToken } from '../../web/staff/session.js'
import { handleHttp } from '../lambda-http.js'
import { isExportPagePath, sessionOrSignIn } from './page-paths.js'

const config = loadLambdaConfig()
const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = config
if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required')
const logger = createLogger({ serviceName: 'report-export', level: config.LOG_LEVEL })
const exporter = onFirstUse(async () =>
  (await import('./lambda-app.js')).createExportLambdaApp(config, logger, { issuer, audience }),
)

const app = new Hono()
// Only a download link without a session is answered here; everything else by the whole app.
app.use('*', async (c, next) =>
  c.req.method === 'GET' && isExportPagePath(c.req.path) && !readSessionToken(c)
    ? next()
    : (await exporter()).fetch(c.req.raw, c.env as object),
)
withAppBase(app, logger, { publicOrigins: publicOrigins(config) })
app.get('*', (c) => {
  const session = sessionOrSignIn(c)
  return 'redirect' in session ? session.redirect : c.notFound()
})

export const handler = middy(handleHttp(app)).use(injectLambdaContext(logger, { resetKeys: true }))
