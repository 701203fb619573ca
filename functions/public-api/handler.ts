/** Lambda entry of the public function: the same app the local runtime mounts. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import type { Context } from 'aws-lambda'
import { onFirstUse } from '../../shared/lazy.js'
import type { IdempotentSubmit } from '../../shared/service/idempotency.js'
import { s3Attachments } from '../attachments-runtime.js'
import { handleHttp } from '../lambda-http.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { createPublicApp } from './app.js'
import { buildCitizenPages } from './pages.js'

const { config, logger, services, receiptSealer, petitions } = lambdaRuntime('public-api')
// Powertools idempotency and its own DynamoDB client load with the first keyed submission: the
// other requests (pages, lookups) never need them, so a cold start does not parse them.
const idempotency = onFirstUse(async () =>
  (await import('../../shared/service/idempotency.js')).createIdempotentSubmit({
    tableName: config.TABLE_NAME,
    region: config.AWS_REGION,
    sealer: receiptSealer,
  }),
)
let invocation: Context | undefined
const idempotentSubmit: IdempotentSubmit = Object.assign(
  async <T>(key: string, body: T, submit: (b: T) => ReturnType<IdempotentSubmit>) => {
    const real = await idempotency()
    if (invocation) real.registerLambdaContext(invocation)
    return real(key, body, submit)
  },
  {
    registerLambdaContext(context: Context) {
      invocation = context
    },
  },
)
const attachments = s3Attachments(config, services, petitions)
const app = createPublicApp({
  services,
  petitions,
  idempotentSubmit,
  attachments,
  pages: buildCitizenPages(services, petitions, attachments),
  corsOrigins: config.CORS_ORIGINS,
})

export const handler = middy(handleHttp(app))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .before((request) => idempotentSubmit.registerLambdaContext(request.context))
