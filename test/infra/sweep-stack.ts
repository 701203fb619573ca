/** The deadline sweep construct alone in a stack of its own, for the tests that look at it by itself. */
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib'
import { Key, type KeyProps } from 'aws-cdk-lib/aws-kms'
import { RetentionDays } from 'aws-cdk-lib/aws-logs'
import { DataTable } from '../../infra/constructs/data-table.js'
import { DeadlineSweep } from '../../infra/constructs/deadline-sweep.js'
import { IdentityKey } from '../../infra/constructs/identity-key.js'
import { Notifications } from '../../infra/constructs/notifications.js'
import { OperationsAlarms } from '../../infra/constructs/operations-alarms.js'

/** The sweep with the test handler (no bundling), its table, keys, notifications and alarms. */
export function sweepStack(options: {
  environment: Record<string, string>
  environmentKey?: KeyProps
}): Stack {
  const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Sweep', {
    env: { region: 'ap-southeast-1' },
  })
  new DeadlineSweep(stack, 'DeadlineSweep', {
    entry: 'test/infra/fixtures/sweep-handler.ts',
    functionName: 'test-deadline-sweep',
    sweepSchedule: 'rate(15 minutes)',
    digestSchedule: 'cron(0 7 * * ? *)',
    siteUrl: 'https://petitions.example.org',
    metricsNamespace: 'tiepdan/test',
    table: new DataTable(stack, 'Data', { protectData: false }),
    identityKey: new IdentityKey(stack, 'Identity', { alias: 'alias/test-identity', protectData: false }),
    notifications: new Notifications(stack, 'Notifications', { emailSender: 'no-reply@example.org' }),
    alarms: new OperationsAlarms(stack, 'Alarms', { topicName: 'alarms' }),
    environment: options.environment,
    environmentKey: new Key(stack, 'Key', options.environmentKey),
    logRetention: RetentionDays.ONE_MONTH,
    logRemovalPolicy: RemovalPolicy.DESTROY,
  })
  return stack
}
