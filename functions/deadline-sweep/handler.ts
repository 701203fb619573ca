/**
 * Lambda entry of the deadline sweep: EventBridge Scheduler invokes it every 15 minutes
 * (`{ "task": "sweep" }`) and each morning (`{ "task": "digest" }`). One line of work each.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import middy from '@middy/core'
import { awsSender } from '../../shared/notifications/senders.js'
import { createSweep } from '../../shared/service/sweep.js'
import { lambdaRuntime } from '../lambda-runtime.js'

const { config, logger, services } = lambdaRuntime('deadline-sweep')
const site = config.SITE_URL.replace(/\/$/, '')
const sweep = createSweep(services, {
  siteUrl: () => site,
  smsEnabled: config.SMS_ORIGIN !== undefined,
  sender: awsSender({
    from: config.EMAIL_SENDER ?? `no-reply@${new URL(site).hostname}`,
    smsOrigin: config.SMS_ORIGIN,
  }),
})

// Namespace and service come from POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME.
const metrics = new Metrics()

export const handler = middy(async (event: { task?: 'sweep' | 'digest' }) => {
  if (event?.task === 'digest') {
    const digests = await sweep.digest()
    logger.info('digest done', { digests })
    return { digests }
  }
  const report = await sweep.sweep()
  // The overdue alarm watches this: cases past a legal deadline found by this run.
  metrics.addMetric('OverdueCases', MetricUnit.Count, report.overdueCases)
  metrics.publishStoredMetrics()
  logger.info('sweep done', { ...report, table: config.TABLE_NAME })
  return report
}).use(injectLambdaContext(logger, { resetKeys: true }))
