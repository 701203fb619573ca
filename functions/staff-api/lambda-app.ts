/**
 * The whole staff function as Lambda runs it: the API app with the staff pages behind its CSRF
 * check and security headers, the same apps the local runtime mounts. The handler imports this on
 * the first request that needs it (functions/staff-api/handler.ts).
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { LambdaConfig } from '../../shared/config.js'
import { onFirstUse } from '../../shared/lazy.js'
import { createDocumentService, dossierDocuments } from '../../shared/service/documents.js'
import type { DossierService } from '../../shared/service/dossier.js'
import type { SignInProvider } from '../../web/staff/sign-in.js'
import { s3Attachments, s3Blobs } from '../attachments-runtime.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { staffVerifier } from '../staff-verifier.js'
import { createStaffApp } from './app.js'
import { buildStaffPages } from './pages.js'

export function createStaffLambdaApp(
  config: LambdaConfig,
  logger: Logger,
  auth: { readonly issuer: string; readonly audience: string; readonly signIn?: SignInProvider },
) {
  const { services, petitions } = lambdaRuntime('staff-api', { config, logger })
  const verifier = staffVerifier(config, services, auth)
  const blobs = s3Blobs(config, services)
  const attachments = s3Attachments(config, services, petitions, blobs)
  // Official documents are stored in the same bucket (cases/<code>/<sha256>).
  const documents = blobs ? createDocumentService({ services, petitions, blobs }) : undefined
  // The dossier (and its ZIP writer) loads with the first dossier asked for.
  const dossierService = onFirstUse(async () => {
    const { createDossierService } = await import('../../shared/service/dossier.js')
    const store = blobs!
    return createDossierService({
      services,
      petitions,
      blobs: store,
      documents: dossierDocuments(services, store),
    })
  })
  const dossiers: DossierService | undefined = blobs && {
    exportDossier: async (...a) => (await dossierService()).exportDossier(...a),
  }
  const app = createStaffApp({ services, petitions, verifier, attachments, dossiers })
  app.route(
    '/',
    buildStaffPages({
      services,
      petitions,
      verifier,
      attachments,
      documents,
      dossiers,
      siteUrl: () => config.SITE_URL,
      signIn: auth.signIn,
    }),
  )
  return app
}
