/** Lambda entry of the export function: the same app the local runtime mounts. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { createRemoteJWKSet } from 'jose'
import { createJwtVerifier } from '../../shared/http/auth.js'
import { handleHttp } from '../lambda-http.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { createReportExportApp } from './app.js'
import { buildExportPages } from './pages.js'

const { config, logger, services } = lambdaRuntime('report-export')
if (!config.AUTH_ISSUER || !config.AUTH_AUDIENCE)
  throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required')
const verifier = createJwtVerifier({
  keys: createRemoteJWKSet(new URL(`${config.AUTH_ISSUER}/.well-known/jwks.json`)),
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  userIdClaim: config.AUTH_USER_CLAIM,
  revoked: services.sessions,
})
const app = createReportExportApp({ services, verifier })
// The staff pages' download links (cookie session), routed here by infra/routes.ts.
app.route('/', buildExportPages({ services, verifier }))

export const handler = middy(handleHttp(app)).use(injectLambdaContext(logger, { resetKeys: true }))
