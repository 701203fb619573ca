/**
 * The alarms an operator must hear about, all publishing to one SNS topic (with an e-mail
 * subscription when `alarmEmail` is set): server errors at the API, throttling anywhere on the
 * request path, and whatever later constructs add through `watch` (sweep failures, overdue cases).
 */
import { Duration } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { Construct } from 'constructs'

export interface OperationsAlarmsProps {
  readonly topicName: string
  readonly alarmEmail?: string
}

export interface WatchOptions {
  readonly description: string
  /** Alarm when the metric reaches this value. @default 1 */
  readonly threshold?: number
  /** Consecutive 5-minute periods. @default 1 */
  readonly periods?: number
}

export class OperationsAlarms extends Construct {
  readonly topic: Topic
  readonly alarms: Alarm[] = []

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id)
    this.topic = new Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'Petition system alarms',
      enforceSSL: true,
    })
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail))
  }

  /** An alarm on `metric` (summed over 5 minutes unless the metric says otherwise) that notifies the topic. */
  watch(id: string, metric: IMetric, options: WatchOptions): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: options.description,
      metric,
      threshold: options.threshold ?? 1,
      evaluationPeriods: options.periods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    })
    alarm.addAlarmAction(new SnsAction(this.topic))
    alarm.addOkAction(new SnsAction(this.topic))
    this.alarms.push(alarm)
    return alarm
  }

  /** 5xx answered by the HTTP API (function errors, timeouts, integration failures). */
  watchApi(api: HttpApi): void {
    this.watch('Api5xx', api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), {
      description: 'The HTTP API answered 5xx: a function failed, timed out or was throttled',
      threshold: 5,
    })
  }

  /** Throttled invocations and errors of a function (errors also show as 5xx; this names the function). */
  watchFunction(name: string, fn: IFunction): void {
    this.watch(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), {
      description: `${name}: invocations throttled (account or reserved concurrency reached)`,
    })
    this.watch(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), {
      description: `${name}: invocations failed`,
      threshold: 5,
    })
  }

  /** Requests DynamoDB throttled, on the operations the functions use. */
  watchTable(table: ITable): void {
    const metric = table.metricThrottledRequestsForOperations({
      operations: [
        Operation.GET_ITEM,
        Operation.PUT_ITEM,
        Operation.UPDATE_ITEM,
        Operation.DELETE_ITEM,
        Operation.QUERY,
      ],
      period: Duration.minutes(5),
    })
    this.watch('TableThrottles', metric, {
      description: 'DynamoDB throttled requests (on-demand limits or a hot partition)',
    })
  }
}
