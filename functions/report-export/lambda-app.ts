/**
 * The whole export function as Lambda runs it: the API's export route and the staff pages'
 * download links, the same apps the local runtime mounts. The handler imports this on the first
 * request that needs it (functions/report-export/handler.ts).
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import type { LambdaConfig } from '../../shared/config.js'
import { lambdaRuntime } from '../lambda-runtime.js'
import { staffVerifier } from '../staff-verifier.js'
import { createReportExportApp } from './app.js'
import { buildExportPages } from './pages.js'

export function createExportLambdaApp(
  config: LambdaConfig,
  logger: Logger,
  auth: { readonly issuer: string; readonly audience: string },
) {
  const { services } = lambdaRuntime('report-export', { config, logger })
  const verifier = staffVerifier(config, services, auth)
  const app = createReportExportApp({ services, verifier })
  // The staff pages' download links (cookie session), routed here by infra/routes.ts.
  app.route('/', buildExportPages({ services, verifier }))
  return app
}
