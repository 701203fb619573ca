/**
 * The public function's JSON API app and the services behind every page action, as the handler
 * loads them on the first request that needs them (functions/public-api/handler.ts): a chunk of
 * its own with zod's schemas, the OpenAPI routes, the petition service and the DynamoDB client.
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { Context } from 'aws-lambda'
import type { LambdaConfig } from '../../shared/config.js'
import { onFirstUse } from '../../shared/lazy.js'
import type { IdempotentSubmit } from '../../shared/service/idempotency.js'
import { createPetitionerDocuments } from '../../shared/service/petitioner-documents.js'
import { s3Attachments, s3Blobs } from '../attachments-runtime.js'
import { handleHttp } from '../lambda-http.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { createPublicApp } from './app.js'
import { buildCitizenPages, citizenPageActions } from './pages.js'

/** `invocation`: the Lambda context of the request being handled (for the idempotency records). */
export function createApiApp(config: LambdaConfig, logger: Logger, invocation: () => Context | undefined) {
  const { services, receiptSealer, petitions } = lambdaRuntime('public-api', { config, logger })
  // Powertools idempotency and its own DynamoDB client load with the first keyed submission: the
  // other requests (pages, lookups) never need them, so a cold start does not parse them.
  const idempotency = onFirstUse(async () =>
    (await import('../../shared/service/idempotency.js')).createIdempotentSubmit({
      tableName: config.TABLE_NAME,
      region: config.AWS_REGION,
      sealer: receiptSealer,
    }),
  )
  const idempotentSubmit: IdempotentSubmit = Object.assign(
    async <T>(key: string, body: T, submit: (b: T) => ReturnType<IdempotentSubmit>) => {
      const real = await idempotency()
      const context = invocation()
      if (context) real.registerLambdaContext(context)
      return real(key, body, submit)
    },
    // The handler keeps the invocation's context itself (see `invocation`).
    { registerLambdaContext() {} },
  )
  const attachments = s3Attachments(config, services, petitions)
  const blobs = s3Blobs(config, services)
  const documents = blobs ? createPetitionerDocuments({ services, petitions, blobs }) : undefined
  const app = createPublicApp({
    services,
    petitions,
    idempotentSubmit,
    attachments,
    pages: buildCitizenPages(services, petitions, attachments, documents),
    corsOrigins: config.CORS_ORIGINS,
  })
  return {
    app,
    handle: handleHttp(app),
    actions: citizenPageActions(services, petitions, attachments, documents),
  }
}
