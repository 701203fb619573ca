import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { TIME_TO_LIVE_ATTRIBUTE } from '../../infra/constructs/data-table.js'
import { ROLES } from '../../shared/domain/vocabulary.js'
import { createTableInput } from '../../shared/store/bootstrap.js'
import { deploymentOf, resourcesOf } from './deployment.js'

const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: T[]) =>
  [...items].sort((a, b) =>
    String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
  )

function theTable(stage: 'dev' | 'prod') {
  const tables = resourcesOf(deploymentOf(stage).templates.stateful, 'AWS::DynamoDB::Table')
  expect(Object.keys(tables)).toHaveLength(1)
  return Object.values(tables)[0]!
}

describe('the table', () => {
  it('has the same keys, attributes and indexes as the table the local runtime creates', () => {
    const properties = theTable('dev').Properties as {
      KeySchema: unknown
      AttributeDefinitions: { AttributeName: string }[]
      GlobalSecondaryIndexes: { IndexName: string }[]
      BillingMode: string
    }
    const local = createTableInput('any')

    expect(properties.KeySchema).toEqual(local.KeySchema)
    expect(byName(properties.AttributeDefinitions)).toEqual(byName(local.AttributeDefinitions))
    expect(byName(properties.GlobalSecondaryIndexes)).toEqual(byName(local.GlobalSecondaryIndexes))
    expect(properties.BillingMode).toBe(local.BillingMode)
  })

  it('projects only the listed attributes into each index', () => {
    const indexes = theTable('prod').Properties!.GlobalSecondaryIndexes as {
      IndexName: string
      Projection: unknown
    }[]

    expect(indexes.map((i) => i.IndexName).sort()).toEqual([
      'caseDocuments',
      'committeeQueue',
      'deadlineWatch',
      'myPetitions',
      'outbox',
      'owedReports',
      'publicRequests',
      'reporting',
    ])
    for (const index of indexes) expect(index.Projection).toMatchObject({ ProjectionType: 'INCLUDE' })
  })

  it('keeps point-in-time recovery and encryption at rest in every stage', () => {
    for (const stage of ['dev', 'prod'] as const) {
      deploymentOf(stage).templates.stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      })
    }
  })

  it('is protected from deletion and retained in prod', () => {
    const table = theTable('prod')

    expect(table.Properties!.DeletionProtectionEnabled).toBe(true)
    expect(table.DeletionPolicy).toBe('Retain')
    expect(table.UpdateReplacePolicy).toBe('Retain')
  })

  it('may be destroyed in dev', () => {
    const table = theTable('dev')

    expect(table.Properties!.DeletionProtectionEnabled).toBe(false)
    expect(table.DeletionPolicy).toBe('Delete')
  })

  it('expires idempotency records by their Powertools expiry attribute', () => {
    expect(theTable('dev').Properties!.TimeToLiveSpecification).toEqual({
      AttributeName: TIME_TO_LIVE_ATTRIBUTE,
      Enabled: true,
    })
  })
})

describe('the buckets', () => {
  it('block all public access and refuse plain HTTP', () => {
    const template = deploymentOf('prod').templates.stateful
    const buckets = resourcesOf(template, 'AWS::S3::Bucket')
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'))

    expect(Object.keys(buckets)).toHaveLength(2)
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      })
      const policy = policies.find((p) => (p.Properties!.Bucket as { Ref: string }).Ref === id)
      expect(policy?.Properties?.PolicyDocument).toMatchObject({
        Statement: expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      })
    }
  })

  it('log every access to the attachments into the access-log bucket, and keep versions in prod', () => {
    deploymentOf('prod').templates.stateful.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: {
        DestinationBucketName: { Ref: Match.stringLikeRegexp('^FilesAccessLogs') },
        LogFilePrefix: 's3/attachments/',
      },
      VersioningConfiguration: { Status: 'Enabled' },
    })
  })

  it('are retained in prod', () => {
    for (const bucket of Object.values(
      resourcesOf(deploymentOf('prod').templates.stateful, 'AWS::S3::Bucket'),
    ))
      expect(bucket.DeletionPolicy).toBe('Retain')
  })
})

describe('the identity key', () => {
  it('rotates and survives the stack in prod', () => {
    const keys = Object.values(resourcesOf(deploymentOf('prod').templates.stateful, 'AWS::KMS::Key'))

    expect(keys).toHaveLength(1)
    expect(keys[0]!.Properties!.EnableKeyRotation).toBe(true)
    expect(keys[0]!.DeletionPolicy).toBe('Retain')
  })
})

describe('staff sign-in', () => {
  it('requires an authenticator-app second factor and a strong password, and lets nobody sign up', () => {
    deploymentOf('prod').templates.stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
    })
  })

  it('has one group per role', () => {
    const groups = Object.values(
      resourcesOf(deploymentOf('dev').templates.stateful, 'AWS::Cognito::UserPoolGroup'),
    )

    expect(groups.map((g) => g.Properties!.GroupName).sort()).toEqual([...ROLES].sort())
  })

  it('gives the staff web client no secret and only the authorization code flow', () => {
    // The client lives beside the distribution it calls back to (the stateless stack).
    deploymentOf('dev').templates.stateless.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      PreventUserExistenceErrors: 'ENABLED',
    })
  })
})
