/** Lambda entry of the staff function: the same app the local runtime mounts. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { createRemoteJWKSet } from 'jose'
import { createJwtVerifier } from '../../shared/http/auth.js'
import { createDocumentService } from '../../shared/service/documents.js'
import { createDossierService } from '../../shared/service/dossier.js'
import { s3Attachments, s3Blobs } from '../attachments-runtime.js'
import { handleHttp } from '../lambda-http.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { createStaffApp } from './app.js'
import { buildStaffPages } from './pages.js'

const { config, logger, services, petitions } = lambdaRuntime('staff-api')
if (!config.AUTH_ISSUER || !config.AUTH_AUDIENCE)
  throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required')
const verifier = createJwtVerifier({
  keys: createRemoteJWKSet(new URL(`${config.AUTH_ISSUER}/.well-known/jwks.json`)),
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  userIdClaim: config.AUTH_USER_CLAIM,
  revoked: services.sessions,
})
const attachments = s3Attachments(config, services, petitions)
// Official documents are stored in the same bucket (cases/<code>/<sha256>).
const blobs = s3Blobs(config, services)
const documents = blobs ? createDocumentService({ services, petitions, blobs }) : undefined
const dossier = blobs ? createDossierService({ services, blobs }) : undefined
const app = createStaffApp({ services, petitions, verifier, attachments })
// The staff pages, behind the same app's CSRF check and security headers.
app.route(
  '/',
  buildStaffPages({
    services,
    petitions,
    verifier,
    attachments,
    documents,
    dossier,
    siteUrl: () => config.SITE_URL,
    signIn:
      config.AUTH_DOMAIN && config.STAFF_CALLBACK_URL
        ? {
            kind: 'cognito',
            domain: config.AUTH_DOMAIN,
            clientId: config.AUTH_AUDIENCE,
            redirectUri: config.STAFF_CALLBACK_URL,
            logoutUri: config.STAFF_CALLBACK_URL.replace(/\/staff\/auth\/callback$/, '/staff/sign-in'),
          }
        : undefined,
  }),
)

export const handler = middy(handleHttp(app)).use(injectLambdaContext(logger, { resetKeys: true }))
