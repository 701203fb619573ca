import { existsSync } from 'node:fs'
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { Key } from 'aws-cdk-lib/aws-kms'
import { RetentionDays } from 'aws-cdk-lib/aws-logs'
import { describe, expect, it } from 'vitest'
import { DataTable } from '../../infra/constructs/data-table.js'
import { DeadlineSweep, OVERDUE_CASES_METRIC } from '../../infra/constructs/deadline-sweep.js'
import { Notifications } from '../../infra/constructs/notifications.js'
import { OperationsAlarms } from '../../infra/constructs/operations-alarms.js'
import { ENTRIES, repoPath } from '../../infra/paths.js'
import { actionsOf, deploymentOf, resourcesOf, statementsOfRole } from './deployment.js'

const alarmMetrics = (template: Template) =>
  Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => ({
    name: (a.Properties!.MetricName as string | undefined) ?? 'expression',
    actions: a.Properties!.AlarmActions as unknown[],
  }))

describe('the alarms', () => {
  it('watch API 5xx, throttles and errors of every function, and DynamoDB throttling', () => {
    const metrics = alarmMetrics(deploymentOf('prod').templates.stateless).map((m) => m.name)

    expect(metrics.filter((m) => m === '5xx')).toHaveLength(1)
    expect(metrics.filter((m) => m === 'Throttles')).toHaveLength(3)
    expect(metrics.filter((m) => m === 'Errors')).toHaveLength(3)
    // DynamoDB throttles summed over the operations: a math expression.
    expect(metrics.filter((m) => m === 'expression')).toHaveLength(1)
  })

  it('all notify the alarm topic, which e-mails the operator when an address is set', () => {
    const template = deploymentOf('prod').templates.stateless

    for (const alarm of alarmMetrics(template))
      expect(alarm.actions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }])
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@tiepdan.example',
    })
  })

  it('wait for the sweep until its handler exists', () => {
    const { stateless } = deploymentOf('dev')

    expect(stateless.deadlineSweep !== undefined).toBe(existsSync(repoPath(ENTRIES.deadlineSweep)))
  })
})

describe('the deadline sweep', () => {
  function sweepStack() {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Sweep', {
      env: { region: 'ap-southeast-1' },
    })
    const alarms = new OperationsAlarms(stack, 'Alarms', { topicName: 'alarms' })
    new DeadlineSweep(stack, 'DeadlineSweep', {
      entry: 'test/infra/fixtures/sweep-handler.ts',
      functionName: 'test-deadline-sweep',
      schedule: 'rate(1 hour)',
      metricsNamespace: 'tiepdan/test',
      table: new DataTable(stack, 'Data', { protectData: false }),
      notifications: new Notifications(stack, 'Notifications', { emailSender: 'no-reply@example.org' }),
      alarms,
      environment: { LOG_LEVEL: 'INFO' },
      environmentKey: new Key(stack, 'Key'),
      logRetention: RetentionDays.ONE_MONTH,
      logRemovalPolicy: RemovalPolicy.DESTROY,
    })
    return Template.fromStack(stack)
  }

  it('runs on a schedule in Vietnam time, retrying into a dead-letter queue', () => {
    sweepStack().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: Match.objectLike({
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetters'), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      }),
    })
  })

  it('alarms on failures, on dead letters and on overdue cases', () => {
    const metrics = alarmMetrics(sweepStack()).map((m) => m.name)

    expect(metrics).toEqual(
      expect.arrayContaining([
        'Errors',
        'Throttles',
        'ApproximateNumberOfMessagesVisible',
        OVERDUE_CASES_METRIC,
      ]),
    )
  })

  it('reads due cases from the deadline-watch index only', () => {
    const statements = statementsOfRole(sweepStack(), 'DeadlineSweepRole')
    const indexes = statements.filter((s) => JSON.stringify(s.Resource).includes('/index/'))

    expect(indexes).toHaveLength(1)
    expect(JSON.stringify(indexes[0]!.Resource)).toContain('/index/deadlineWatch')
    expect(statements.flatMap(actionsOf).filter((a) => /Scan|DeleteItem|\*/.test(a))).toEqual([])
  })
})
