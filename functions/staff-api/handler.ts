/** Lambda entry of the staff function: the same app the local runtime mounts. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { handle } from 'hono/aws-lambda'
import { createRemoteJWKSet } from 'jose'
import { createJwtVerifier } from '../../shared/http/auth.js'
import { s3Attachments } from '../attachments-runtime.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { createStaffApp } from './app.js'

const { config, logger, services, petitions } = lambdaRuntime('staff-api')
if (!config.AUTH_ISSUER || !config.AUTH_AUDIENCE)
  throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required')
const verifier = createJwtVerifier({
  keys: createRemoteJWKSet(new URL(`${config.AUTH_ISSUER}/.well-known/jwks.json`)),
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  userIdClaim: config.AUTH_USER_CLAIM,
})
const app = createStaffApp({
  services,
  petitions,
  verifier,
  attachments: s3Attachments(config, services, petitions),
})

export const handler = middy(handle(app)).use(injectLambdaContext(logger, { resetKeys: true }))
