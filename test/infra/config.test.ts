import { describe, expect, it } from 'vitest'
import { readDeploymentConfig } from '../../infra/config.js'
import { CDK_JSON_CONTEXT } from './deployment.js'

/** A context as the CLI would build it: cdk.json plus `-c` flags. */
const context = (flags: Record<string, unknown>) => ({
  tryGetContext: (key: string) => (key in flags ? flags[key] : CDK_JSON_CONTEXT[key]),
})

describe('the deployment configuration', () => {
  it('refuses to guess the stage', () => {
    expect(() => readDeploymentConfig(context({}), {})).toThrow(/-c stage=dev or -c stage=prod/)
  })

  it('takes the organisation from cdk.json and the stage policy from code', () => {
    const config = readDeploymentConfig(context({ stage: 'prod' }), {})

    expect(config).toMatchObject({
      orgNameEn: 'Party Committee of the Central Agencies Bloc',
      protectData: true,
      logRetentionDays: 365,
    })
    // The site's own callback is registered by the stack; these are only the extra ones.
    expect(config.staffCallbackUrls).toEqual([])
    expect(config.account).toBeUndefined()
  })

  it('sweeps every 15 minutes and sends the digest at 07:00 (read in Vietnam time) unless told otherwise', () => {
    expect(readDeploymentConfig(context({ stage: 'dev' }), {})).toMatchObject({
      sweepSchedule: 'rate(15 minutes)',
      digestSchedule: 'cron(0 7 * * ? *)',
    })
    expect(
      readDeploymentConfig(context({ stage: 'prod', digestSchedule: 'cron(30 6 ? * MON-FRI *)' }), {})
        .digestSchedule,
    ).toBe('cron(30 6 ? * MON-FRI *)')
    expect(() => readDeploymentConfig(context({ stage: 'dev', digestSchedule: '7am' }), {})).toThrow(
      /digestSchedule/,
    )
  })

  it('lets a -c flag win over cdk.json, converting its string', () => {
    const config = readDeploymentConfig(
      context({ stage: 'dev', orgNameEn: 'Another Committee', protectData: 'true', apiRateLimit: '75' }),
      {},
    )

    expect(config).toMatchObject({ orgNameEn: 'Another Committee', protectData: true, apiRateLimit: 75 })
  })

  it('deploys to the account the CLI resolved, when it resolved one', () => {
    expect(
      readDeploymentConfig(context({ stage: 'dev' }), { CDK_DEFAULT_ACCOUNT: '123456789012' }).account,
    ).toBe('123456789012')
  })

  it('names the bad key when a value is wrong', () => {
    expect(() => readDeploymentConfig(context({ stage: 'dev', emailSender: 'nobody' }), {})).toThrow(
      /emailSender/,
    )
    expect(() => readDeploymentConfig(context({ stage: 'dev', logRetentionDays: 42 }), {})).toThrow(
      /logRetentionDays/,
    )
  })

  it('wants a us-east-1 certificate with a custom domain', () => {
    expect(() =>
      readDeploymentConfig(context({ stage: 'dev', domainName: 'petitions.example.org' }), {}),
    ).toThrow(/certificateArn/)
    expect(() =>
      readDeploymentConfig(
        context({
          stage: 'dev',
          domainName: 'petitions.example.org',
          certificateArn: 'arn:aws:acm:ap-southeast-1:123456789012:certificate/x',
        }),
        {},
      ),
    ).toThrow(/certificateArn/)
  })
})
