import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { actionsOf, deploymentOf, resourcesOf, statementsOfRole } from './deployment.js'

function attachmentsBucket(stage: 'dev' | 'prod') {
  const buckets = resourcesOf(deploymentOf(stage).templates.stateful, 'AWS::S3::Bucket')
  const entry = Object.entries(buckets).find(([id]) => id.startsWith('FilesAttachments'))
  expect(entry, 'the attachments bucket').toBeDefined()
  return entry![1].Properties as Record<string, any>
}

/** S3 grants of a function's role, as `action → resources` (JSON of the ARN expressions). */
function s3Grants(rolePrefix: string): Record<string, string[]> {
  const grants: Record<string, string[]> = {}
  for (const s of statementsOfRole(deploymentOf('prod').templates.stateless, rolePrefix))
    for (const action of actionsOf(s).filter((a) => a.startsWith('s3:'))) {
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource]
      grants[action] = [
        ...(grants[action] ?? []),
        ...resources.map(
          (r) => /(pending|cases|outgoing)\/\*/.exec(JSON.stringify(r))?.[0] ?? JSON.stringify(r),
        ),
      ].sort()
    }
  return grants
}

describe('the attachments bucket', () => {
  it.each(['dev', 'prod'] as const)('is private, encrypted and refuses plain HTTP (%s)', (stage) => {
    const bucket = attachmentsBucket(stage)

    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    })
    expect(
      bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
    ).toEqual({
      SSEAlgorithm: 'AES256',
    })
    deploymentOf(stage).templates.stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^FilesAttachments') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
  })

  it('expires abandoned uploads under pending/ after a day, with their old versions in prod', () => {
    const rules = attachmentsBucket('prod').LifecycleConfiguration.Rules as Record<string, unknown>[]

    expect(rules).toContainEqual(
      expect.objectContaining({
        Id: 'ExpirePendingUploads',
        Prefix: 'pending/',
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      }),
    )
    expect(attachmentsBucket('dev').LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'pending/', ExpirationInDays: 1 }),
    )
  })

  it('allows only PUT and GET with a Content-Type from the site origin (CORS)', () => {
    const rules = attachmentsBucket('prod').CorsConfiguration.CorsRules

    expect(rules).toHaveLength(1)
    expect([...rules[0].AllowedMethods].sort()).toEqual(['GET', 'PUT'])
    expect(rules[0].AllowedHeaders).toEqual(['content-type'])
    expect(rules[0].AllowedOrigins).toHaveLength(1)
    expect(rules[0].AllowedOrigins[0]).toMatch(/^https:\/\//)
    expect(rules[0].AllowedOrigins).not.toContain('*')
  })
})

describe('attachment grants', () => {
  it('let the public function upload, check and refuse, and read only the documents issued to petitioners, never a verified attachment', () => {
    expect(s3Grants('PublicApiRole')).toEqual({
      's3:PutObject': ['cases/*', 'pending/*'],
      's3:GetObject': ['outgoing/*', 'pending/*'],
      's3:DeleteObject': ['pending/*'],
    })
  })

  it('let the staff function do the same and read verified documents for links, nothing bucket-wide', () => {
    expect(s3Grants('StaffApiRole')).toEqual({
      's3:PutObject': ['cases/*', 'outgoing/*', 'pending/*'],
      's3:GetObject': ['cases/*', 'outgoing/*', 'pending/*'],
      's3:DeleteObject': ['pending/*'],
    })
  })

  it('tell both functions the bucket', () => {
    const fns = resourcesOf(deploymentOf('prod').templates.stateless, 'AWS::Lambda::Function')
    const withBucket = Object.entries(fns)
      .filter(([, f]) => (f.Properties?.Environment as any)?.Variables?.ATTACHMENTS_BUCKET)
      .map(([id]) => /^(PublicApi|StaffApi)/.exec(id)?.[1] ?? id)
      .sort()
    expect(withBucket).toEqual(['PublicApi', 'StaffApi'])
  })
})
