/**
 * The scheduled deadline sweep: an EventBridge Scheduler schedule invokes the sweep function, with
 * retries and a dead-letter queue for invocations that still fail, and alarms on failures, on
 * anything in the dead-letter queue and on the overdue-cases metric the sweep publishes.
 *
 * Contract with the sweep (functions/deadline-sweep/handler.ts, a later issue): it publishes
 * `OverdueCases` (count, Powertools metrics/EMF) in the namespace given by
 * POWERTOOLS_METRICS_NAMESPACE with the dimension `service` = POWERTOOLS_SERVICE_NAME.
 */
import { Duration, type RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib'
import { Metric } from 'aws-cdk-lib/aws-cloudwatch'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { DEADLINE_SWEEP_ACCESS } from '../access.js'
import { AppFunction } from './app-function.js'
import type { DataTable } from './data-table.js'
import type { Notifications } from './notifications.js'
import type { OperationsAlarms } from './operations-alarms.js'

export const SWEEP_SERVICE_NAME = 'deadline-sweep'
export const OVERDUE_CASES_METRIC = 'OverdueCases'

export interface DeadlineSweepProps {
  /** The sweep's entry file, relative to the repository root. */
  readonly entry: string
  readonly functionName: string
  /** Scheduler expression, e.g. `rate(1 hour)` or `cron(5 0 * * ? *)` (read in Asia/Ho_Chi_Minh). */
  readonly schedule: string
  readonly metricsNamespace: string
  readonly table: DataTable
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

  constructor(scope: Construct, id: string, props: DeadlineSweepProps) {
    super(scope, id)
    this.sweep = new AppFunction(this, 'Sweep', {
      entry: props.entry,
      functionName: props.functionName,
      description: 'Deadline sweep: warns, escalates and records overdue clocks',
      timeout: Duration.minutes(5),
      environment: {
        ...props.environment,
        ...props.notifications.environment,
        POWERTOOLS_SERVICE_NAME: SWEEP_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
      },
      environmentKey: props.environmentKey,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    })
    this.sweep.useTable(props.table, DEADLINE_SWEEP_ACCESS)
    props.notifications.grantSend(this.sweep.function)

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the sweep schedule; an alarm fires on its first message.',
    })

    // The target's own grants would add `<function>:*` (every version); the schedule invokes $LATEST
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
        resources: [this.sweep.function.functionArn],
      }),
    )
    scheduleRole.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'DeadLetter',
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetters.queueArn],
      }),
    )

    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Runs the deadline sweep',
      schedule: ScheduleExpression.expression(props.schedule, TimeZone.ASIA_HO_CHI_MINH),
      target: new LambdaInvoke(this.sweep.function, {
        role: scheduleRole.withoutPolicyUpdates(),
        deadLetterQueue: this.deadLetters,
        retryAttempts: 2,
        // A sweep older than its interval is superseded by the next one.
        maxEventAge: Duration.hours(1),
      }),
    })

    props.alarms.watchFunction('DeadlineSweep', this.sweep.function)
    props.alarms.watch(
      'SweepDeadLetters',
      this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      {
        description: 'A deadline sweep invocation failed after its retries',
      },
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
  }
}
