/**
 * The whole staff function as Lambda runs it: the API app with the staff pages behind its CSRF
 * check and security headers, the same apps the local runtime mounts. The handler imports this on
 * the first request that needs it (functions/staff-api/handler.ts).
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { LambdaConfig } from '../../shared/config.js'
import type { SignInProvider } from '../../web/staff/sign-in.js'
import { s3Attachments } from '../attachments-runtime.js'
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
  const attachments = s3Attachments(config, services, petitions)
  const app = createStaffApp({ services, petitions, verifier, attachments })
  app.route(
    '/',
    buildStaffPages({
      services,
      petitions,
      verifier,
      attachments,
      siteUrl: () => config.SITE_URL,
      signIn: auth.signIn,
    }),
  )
  return app
}
