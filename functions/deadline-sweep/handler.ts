/**
 * Lambda entry of the deadline sweep: EventBridge Scheduler invokes it every 15 minutes
 * (`{ "task": "sweep" }`) and each morning (`{ "task": "digest" }`). One line of work each.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { awsSender } from '../../shared/notifications/senders.js'
import { createSweep } from '../../shared/service/sweep.js'
import { lambdaRuntime } from '../lambda-runtime.js'

const { config, logger, services } = lambdaRuntime('deadline-sweep')
const site = config.SITE_URL.replace(/\/$/, '')
const sweep = createSweep(services, {
  siteUrl: () => site,
  sender: awsSender({
    from: config.EMAIL_SENDER ?? `no-reply@${new URL(site).hostname}`,
    smsOrigin: config.SMS_ORIGIN,
  }),
})

export const handler = middy(async (event: { task?: 'sweep' | 'digest' }) => {
  const report = event?.task === 'digest' ? { digests: await sweep.digest() } : await sweep.sweep()
  logger.info('sweep done', { task: event?.task ?? 'sweep', ...report, table: config.TABLE_NAME })
  return report
}).use(injectLambdaContext(logger, { resetKeys: true }))
