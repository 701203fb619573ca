/** Lambda entry of the public function: the same app the local runtime mounts. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { createIdempotentSubmit } from '../../shared/service/idempotency.js'
import { s3Attachments } from '../attachments-runtime.js'
import { handleHttp } from '../lambda-http.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { createPublicApp } from './app.js'
import { buildCitizenPages } from './pages.js'

const { config, logger, services, receiptSealer, petitions } = lambdaRuntime('public-api')
const idempotentSubmit = createIdempotentSubmit({
  tableName: config.TABLE_NAME,
  region: config.AWS_REGION,
  sealer: receiptSealer,
})
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
