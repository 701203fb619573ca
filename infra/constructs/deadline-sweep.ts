/**
 * The scheduled deadline sweep (functions/deadline-sweep/handler.ts). Two EventBridge Scheduler
 * schedules invoke the one function, each with its task as the payload:
 *   sweep   `{ "task": "sweep" }`  every 15 minutes: due steps on cases, then the outbox delivered
 *   digest  `{ "task": "digest" }` each morning: each committee's counts to its handlers and head
 * Both read their expressions in Asia/Ho_Chi_Minh and share one retry policy and one dead-letter
 * queue. Scheduler invokes Lambda asynchronously, so its own retries and dead-letter queue cover
 * only delivery (throttling, a missing function); a run that fails inside the function is retried by
 * Lambda's asynchronous invocation and then sent to the same queue, whose first message alarms.
 *
 * Contract with the sweep:
 *   - it publishes `OverdueCases` (count, Powertools metrics/EMF) in the namespace given by
 *     POWERTOOLS_METRICS_NAMESPACE with the dimension `service` = POWERTOOLS_SERVICE_NAME;
 *   - it logs (Powertools JSON) `message failed permanently` once for each message it gives up on;
 *     a metric filter counts those lines as `FailedMessages` in the same namespace.
 */
import { Duration, type RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib'
import { Metric } from 'aws-cdk-lib/aws-cloudwatch'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { IDestination } from 'aws-cdk-lib/aws-lambda'
import { FilterPattern, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { SEALING_PURPOSES } from '../../shared/sealing.js'
import { DEADLINE_SWEEP_ACCESS } from '../access.js'
import { AppFunction } from './app-function.js'
import type { DataTable } from './data-table.js'
import type { IdentityKey } from './identity-key.js'
import type { Notifications } from './notifications.js'
import type { OperationsAlarms } from './operations-alarms.js'

export const SWEEP_SERVICE_NAME = 'deadline-sweep'
export const OVERDUE_CASES_METRIC = 'OverdueCases'
export const FAILED_MESSAGES_METRIC = 'FailedMessages'
/** The log line the sweep writes for each message it stops retrying (shared/service/sweep.ts). */
export const FAILED_MESSAGE_LOG_LINE = 'message failed permanently'

/** The handler's tasks: the payload each schedule sends. */
export const SWEEP_TASKS = { sweep: { task: 'sweep' }, digest: { task: 'digest' } } as const

/** Retries of one scheduled run, both at delivery (Scheduler) and inside the function (Lambda). */
const RETRY_ATTEMPTS = 2
// An hour-old sweep is superseded by the runs after it, and a digest an hour late is still a
// morning digest; past that, the dead-letter queue and its alarm say what was missed.
const MAX_EVENT_AGE = Duration.hours(1)

export interface DeadlineSweepProps {
  /** The sweep's entry file, relative to the repository root. */
  readonly entry: string
  readonly functionName: string
  /** Scheduler expression of the sweep, e.g. `rate(15 minutes)` (cron read in Asia/Ho_Chi_Minh). */
  readonly sweepSchedule: string
  /** Scheduler expression of the morning digest, e.g. `cron(0 7 * * ? *)` (Asia/Ho_Chi_Minh). */
  readonly digestSchedule: string
  /** The site's public https address, for the links in messages. */
  readonly siteUrl: string
  readonly metricsNamespace: string
  readonly table: DataTable
  /** Opens petitioners' identities for their address and seals the address again for the outbox. */
  readonly identityKey: IdentityKey
  readonly notifications: Notifications
  readonly alarms: OperationsAlarms
  /** Environment shared with the API functions (configuration, identity key). */
  readonly environment: Record<string, string>
  /** Encrypts the environment when it carries a secret. */
  readonly environmentKey?: IKey
  readonly logRetention: RetentionDays
  readonly logRemovalPolicy: RemovalPolicy
}

export class DeadlineSweep extends Construct {
  readonly sweep: AppFunction
  readonly deadLetters: Queue
  readonly schedule: Schedule
  readonly digestSchedule: Schedule

  constructor(scope: Construct, id: string, props: DeadlineSweepProps) {
    super(scope, id)
    this.sweep = new AppFunction(this, 'Sweep', {
      entry: props.entry,
      functionName: props.functionName,
      description: 'Deadline sweep: reminders, escalation, the outbox, the morning digest',
      timeout: Duration.minutes(5),
      environment: {
        ...props.environment,
        ...props.notifications.environment,
        SITE_URL: props.siteUrl,
        POWERTOOLS_SERVICE_NAME: SWEEP_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
      },
      environmentKey: props.environmentKey,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    })
    const fn = this.sweep.function
    this.sweep.useTable(props.table, DEADLINE_SWEEP_ACCESS)
    // Identities only: the sweep never touches an idempotent receipt.
    props.identityKey.grantOpen(fn, SEALING_PURPOSES.identity)
    props.identityKey.grantSeal(fn, SEALING_PURPOSES.identity)
    props.notifications.grantSend(fn)

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the sweep and digest schedules and of the sweep function’s failed runs; an alarm fires on its first message.',
    })

    // Runs that fail inside the function: Lambda retries them, then records them here. A destination
    // of our own grants SendMessage alone (SqsDestination would add GetQueueAttributes/GetQueueUrl).
    const deadLetterArn = this.deadLetters.queueArn
    const failedRuns: IDestination = {
      bind: (_scope, target) => {
        target.addToRolePolicy(
          new PolicyStatement({
            sid: 'DeadLetterFailedRuns',
            actions: ['sqs:SendMessage'],
            resources: [deadLetterArn],
          }),
        )
        return { destination: deadLetterArn }
      },
    }
    fn.configureAsyncInvoke({
      retryAttempts: RETRY_ATTEMPTS,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: failedRuns,
    })

    // The target's own grants would add `<function>:*` (every version); the schedules invoke $LATEST
    // only, so the role gets exactly that and the dead-letter queue, and nothing is granted behind it.
    const scheduleRole = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Invokes the deadline sweep and dead-letters what still fails',
    })
    scheduleRole.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'InvokeSweep',
        actions: ['lambda:InvokeFunction'],
        resources: [fn.functionArn],
      }),
    )
    scheduleRole.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'DeadLetter', actions: ['sqs:SendMessage'], resources: [deadLetterArn] }),
    )
    const scheduled = (scheduleId: string, description: string, expression: string, task: object) =>
      new Schedule(this, scheduleId, {
        description,
        schedule: ScheduleExpression.expression(expression, TimeZone.ASIA_HO_CHI_MINH),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject(task),
          role: scheduleRole.withoutPolicyUpdates(),
          deadLetterQueue: this.deadLetters,
          retryAttempts: RETRY_ATTEMPTS,
          maxEventAge: MAX_EVENT_AGE,
        }),
      })
    this.schedule = scheduled('Schedule', 'Runs the deadline sweep', props.sweepSchedule, SWEEP_TASKS.sweep)
    this.digestSchedule = scheduled(
      'DigestSchedule',
      'Sends the morning digest to committee handlers and heads',
      props.digestSchedule,
      SWEEP_TASKS.digest,
    )

    props.alarms.watchFunction('DeadlineSweep', fn)
    props.alarms.watch(
      'SweepDeadLetters',
      this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      { description: 'A deadline sweep or digest run failed after its retries (see the dead-letter queue)' },
    )
    props.alarms.watch(
      'OverdueCases',
      new Metric({
        namespace: props.metricsNamespace,
        metricName: OVERDUE_CASES_METRIC,
        dimensionsMap: { service: SWEEP_SERVICE_NAME },
        statistic: 'Maximum',
        period: Duration.hours(1),
      }),
      { description: 'Cases past a legal deadline: chase them (đôn đốc)' },
    )
    const failedMessages = this.sweep.logGroup.addMetricFilter('FailedMessages', {
      filterPattern: FilterPattern.stringValue('$.message', '=', FAILED_MESSAGE_LOG_LINE),
      metricNamespace: props.metricsNamespace,
      metricName: FAILED_MESSAGES_METRIC,
      metricValue: '1',
    })
    props.alarms.watch(
      'FailedMessages',
      failedMessages.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
      {
        description:
          'A notification failed permanently after its retries (SES or SMS refused it): the outbox item says why, the case counts it',
      },
    )
  }
}
