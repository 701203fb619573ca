/**
 * Lambda entry of the public function: the same apps the local runtime mounts, loaded by route
 * group. A cold start loads only what a citizen page needs to render (config, logger, Hono, the
 * pages); the JSON API and Open311 (zod schemas, the OpenAPI routes) and everything a page action
 * needs (the petition service, the DynamoDB client) are one chunk, imported by the first request
 * that calls for it (functions/public-api/api-app.ts).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import type { Context } from 'aws-lambda'
import { Hono } from 'hono'
import { loadLambdaConfig, publicOrigins } from '../../shared/config.js'
import { apiNotFound, isApiPath, withAppBase } from '../../shared/http/app-middleware.js'
import { onFirstUse } from '../../shared/lazy.js'
import { createLogger } from '../../shared/observability.js'
import { citizenNotFound, citizenPages } from '../../web/citizen-pages.js'
import { handleHttp } from '../lambda-http.js'
import { citizenPageStatics, lazyCitizenPageDeps } from './page-deps.js'
import { isApiAppPath } from './paths.js'

const config = loadLambdaConfig()
const logger = createLogger({ serviceName: 'public-api', level: config.LOG_LEVEL })
let invocation: Context | undefined
const api = onFirstUse(async () =>
  (await import('./api-app.js')).createApiApp(config, logger, () => invocation),
)

const deps = lazyCitizenPageDeps(
  citizenPageStatics(
    { vi: config.ORG_NAME_VI, en: config.ORG_NAME_EN },
    // As s3Attachments: documents only where the bucket is configured.
    Boolean(config.ATTACHMENTS_BUCKET),
    logger,
  ),
  async () => (await api()).actions,
)
const app = new Hono()
// The JSON API app has the shared middleware of its own: it answers its paths whole.
app.use('*', async (c, next) =>
  isApiAppPath(c.req.path) ? (await api()).app.fetch(c.req.raw, c.env as object) : next(),
)
withAppBase(app, logger, { corsOrigins: config.CORS_ORIGINS, publicOrigins: publicOrigins(config) })
app.route('/', citizenPages(deps))
const notFound = citizenNotFound(deps)
app.notFound((c) => (isApiPath(c.req.path) ? apiNotFound(c) : notFound(c)))

export const handler = middy(handleHttp(app))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .before((request) => {
    invocation = request.context
  })
