import { existsSync, readFileSync } from 'node:fs'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import {
  FAILED_MESSAGE_LOG_LINE,
  FAILED_MESSAGES_METRIC,
  OVERDUE_CASES_METRIC,
} from '../../infra/constructs/deadline-sweep.js'
import { ENTRIES, repoPath } from '../../infra/paths.js'
import { actionsOf, deploymentOf, resourcesOf, statementsOfRole } from './deployment.js'
import { sweepStack } from './sweep-stack.js'

const alarmMetrics = (template: Template) =>
  Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => ({
    name: (a.Properties!.MetricName as string | undefined) ?? 'expression',
    actions: a.Properties!.AlarmActions as unknown[],
  }))

describe('the alarms', () => {
  it('watch API 5xx, throttles and errors of every function, and DynamoDB throttling', () => {
    const metrics = alarmMetrics(deploymentOf('prod').templates.stateless).map((m) => m.name)

    // The public, staff, report-export, origin-verify and sweep functions.
    expect(metrics.filter((m) => m === '5xx')).toHaveLength(1)
    expect(metrics.filter((m) => m === 'Throttles')).toHaveLength(5)
    expect(metrics.filter((m) => m === 'Errors')).toHaveLength(5)
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
  const sweepTemplate = () => Template.fromStack(sweepStack({ environment: { LOG_LEVEL: 'INFO' } }))

  it('runs the sweep and the digest on two schedules in Vietnam time, each with its task', () => {
    const schedules = Object.values(resourcesOf(sweepTemplate(), 'AWS::Scheduler::Schedule')).map((s) => {
      const p = s.Properties as {
        ScheduleExpression: string
        ScheduleExpressionTimezone: string
        Target: { Input: string }
      }
      return [p.ScheduleExpression, p.ScheduleExpressionTimezone, JSON.parse(p.Target.Input)]
    })

    expect(schedules).toEqual([
      ['rate(15 minutes)', 'Asia/Ho_Chi_Minh', { task: 'sweep' }],
      ['cron(0 7 * * ? *)', 'Asia/Ho_Chi_Minh', { task: 'digest' }],
    ])
  })

  it('retries both schedules into one dead-letter queue', () => {
    const targets = Object.values(resourcesOf(sweepTemplate(), 'AWS::Scheduler::Schedule')).map(
      (s) => s.Properties!.Target as Record<string, unknown>,
    )

    expect(targets).toHaveLength(2)
    for (const target of targets)
      expect(target).toMatchObject({
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [expect.stringMatching(/^DeadlineSweepDeadLetters/), 'Arn'] },
        },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      })
  })

  it('sends runs that fail inside the function to the same queue, after the same retries', () => {
    // Scheduler invokes Lambda asynchronously: its retry policy covers delivery only.
    const template = sweepTemplate()
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadlineSweepDeadLetters'), 'Arn'] },
        },
      },
    })
    const sqs = statementsOfRole(template, 'DeadlineSweepRole').filter((s) =>
      actionsOf(s).some((a) => a.startsWith('sqs:')),
    )
    expect(sqs.map((s) => [s.Sid, actionsOf(s)])).toEqual([['DeadLetterFailedRuns', ['sqs:SendMessage']]])
  })

  it('lets the schedules invoke the function and dead-letter, nothing else', () => {
    const statements = statementsOfRole(sweepTemplate(), 'DeadlineSweepScheduleRole')

    expect(statements.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage'])
  })

  it('tells the function where the site is and who sends', () => {
    sweepTemplate().hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SITE_URL: 'https://petitions.example.org',
          EMAIL_SENDER: 'no-reply@example.org',
          POWERTOOLS_SERVICE_NAME: 'deadline-sweep',
        }),
      },
    })
  })

  it('alarms on failures, on dead letters, on overdue cases and on messages that failed for good', () => {
    const metrics = alarmMetrics(sweepTemplate()).map((m) => m.name)

    expect(metrics).toEqual(
      expect.arrayContaining([
        'Errors',
        'Throttles',
        'ApproximateNumberOfMessagesVisible',
        OVERDUE_CASES_METRIC,
        FAILED_MESSAGES_METRIC,
      ]),
    )
  })

  it('counts the permanently failed messages from the sweep’s log line', () => {
    sweepTemplate().hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: `{ $.message = "${FAILED_MESSAGE_LOG_LINE}" }`,
      MetricTransformations: [
        { MetricNamespace: 'tiepdan/test', MetricName: FAILED_MESSAGES_METRIC, MetricValue: '1' },
      ],
    })
  })

  it('is the line the sweep writes when it gives up on a message', () => {
    const source = readFileSync(repoPath('shared/service/sweep.ts'), 'utf8')

    expect(source).toContain(`'${FAILED_MESSAGE_LOG_LINE}'`)
  })

  it('reads due cases, the outbox, committee queues and owed reports, and no other index', () => {
    const statements = statementsOfRole(sweepTemplate(), 'DeadlineSweepRole')
    const indexes = statements
      .filter((s) => JSON.stringify(s.Resource).includes('/index/'))
      .flatMap((s) => [s.Resource].flat())
      .map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])

    expect(indexes.sort()).toEqual(['committeeQueue', 'deadlineWatch', 'outbox', 'owedReports'])
    expect(statements.flatMap(actionsOf).filter((a) => /Scan|DeleteItem|Batch|PartiQL|\*/.test(a))).toEqual(
      [],
    )
  })
})
