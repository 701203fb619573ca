import { App, Stack } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { describe, expect, it } from 'vitest'
import { DEADLINE_SWEEP_ACCESS, PUBLIC_API_ACCESS, STAFF_API_ACCESS } from '../../infra/access.js'
import { DataTable } from '../../infra/constructs/data-table.js'
import { IDENTITY_ENCRYPTION_CONTEXT } from '../../infra/constructs/identity-key.js'
import { SEALING_PURPOSES } from '../../shared/sealing.js'
import {
  actionsOf,
  deploymentOf,
  type PolicyStatementJson,
  resourcesOf,
  statementsOfRole,
} from './deployment.js'

const dynamoStatements = (rolePrefix: string) =>
  statementsOfRole(deploymentOf('prod').templates.stateless, rolePrefix).filter((s) =>
    actionsOf(s).some((a) => a.startsWith('dynamodb:')),
  )

const mentionsIndex = (statement: PolicyStatementJson) =>
  JSON.stringify(statement.Resource).includes('/index/')

describe('the public function', () => {
  it('may get, put, update and delete items, and nothing else on the table', () => {
    const actions = new Set(dynamoStatements('PublicApiRole').flatMap(actionsOf))

    expect([...actions].sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ])
  })

  it('can neither query nor scan, nor touch any index', () => {
    const statements = dynamoStatements('PublicApiRole')

    expect(statements.flatMap(actionsOf).filter((a) => /Query|Scan|Batch|PartiQL|\*/.test(a))).toEqual([])
    expect(statements.filter(mentionsIndex)).toEqual([])
  })

  it('reaches only cases, configuration, idempotency records and rate-limit windows, by partition key', () => {
    const statements = dynamoStatements('PublicApiRole')

    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      expect(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toBeDefined()
      expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' })
    }
    const keysFor = (action: string) =>
      statements
        .filter((s) => actionsOf(s).includes(action))
        .flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[])
    expect(keysFor('dynamodb:GetItem').sort()).toEqual(['CASE#*', 'CONFIG', 'IDEMPOTENCY', 'RATE#*'])
    expect(keysFor('dynamodb:PutItem').sort()).toEqual(['CASE#*', 'IDEMPOTENCY'])
    expect(keysFor('dynamodb:UpdateItem').sort()).toEqual(['CASE#*', 'IDEMPOTENCY', 'RATE#*'])
    expect(keysFor('dynamodb:DeleteItem')).toEqual(['IDEMPOTENCY'])
  })
})

describe('the staff function', () => {
  it('queries the queue and my-petitions indexes and no other', () => {
    const indexResources = dynamoStatements('StaffApiRole')
      .filter(mentionsIndex)
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
      .map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])

    expect(indexResources.sort()).toEqual(['committeeQueue', 'myPetitions'])
  })

  it('cannot scan or delete, and creates only cases and accounts', () => {
    const statements = dynamoStatements('StaffApiRole')
    const writes = statements.filter((s) => actionsOf(s).includes('dynamodb:PutItem'))

    expect(statements.flatMap(actionsOf).filter((a) => /Scan|DeleteItem|\*/.test(a))).toEqual([])
    expect(
      writes.flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[]),
    ).toEqual(['CASE#*', 'USERS'])
  })

  it('sends e-mail only from the configured sender', () => {
    const ses = statementsOfRole(deploymentOf('prod').templates.stateless, 'StaffApiRole').find((s) =>
      actionsOf(s).includes('ses:SendEmail'),
    )

    expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@tiepdan.example' } })
  })
})

describe('every role in the application stack', () => {
  it('has no wildcard action and no AWS managed policy', () => {
    const template = deploymentOf('prod').templates.stateless
    const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    const actions = policies.flatMap((p) =>
      (p.Properties!.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement.flatMap(actionsOf),
    )

    expect(actions.length).toBeGreaterThan(0)
    expect(actions.filter((a) => a.includes('*'))).toEqual([])
    for (const role of Object.values(resourcesOf(template, 'AWS::IAM::Role')))
      expect(role.Properties!.ManagedPolicyArns).toBeUndefined()
  })

  it('decrypts a function environment only under its own function name', () => {
    const decrypts = statementsOfRole(
      deploymentOf('dev').templates.stateless,
      'OriginGuardAuthorizerRole',
    ).filter((s) => actionsOf(s).includes('kms:Decrypt'))

    expect(decrypts).toHaveLength(1)
    expect(decrypts[0]!.Condition).toEqual({
      StringEquals: { 'kms:EncryptionContext:LambdaFunctionName': 'tiepdan-dev-origin-verify' },
    })
  })
})

describe('the identity key', () => {
  it('lets the staff function seal and open identities, only under the identity encryption context', () => {
    const kms = statementsOfRole(deploymentOf('prod').templates.stateless, 'StaffApiRole').filter(
      (s) => actionsOf(s).some((a) => a.startsWith('kms:')) && s.Sid !== 'DecryptOwnEnvironment',
    )

    expect(kms.flatMap(actionsOf).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey'])
    for (const statement of kms)
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:EncryptionContext:purpose': IDENTITY_ENCRYPTION_CONTEXT.purpose },
      })
  })

  it('lets the public function seal identities but open only its idempotent receipts, never an identity', () => {
    const kms = statementsOfRole(deploymentOf('prod').templates.stateless, 'PublicApiRole').filter(
      (s) => actionsOf(s).some((a) => a.startsWith('kms:')) && s.Sid !== 'DecryptOwnEnvironment',
    )
    const grants = kms.flatMap((s) =>
      actionsOf(s).map(
        (a) =>
          `${a} ${(s.Condition as { StringEquals: Record<string, string> }).StringEquals['kms:EncryptionContext:purpose']}`,
      ),
    )

    expect(grants.sort()).toEqual([
      `kms:Decrypt ${SEALING_PURPOSES.receipt}`,
      `kms:GenerateDataKey ${SEALING_PURPOSES.receipt}`,
      `kms:GenerateDataKey ${SEALING_PURPOSES.identity}`,
    ])
  })

  it('is out of reach of the origin authorizer except for its own environment', () => {
    const kms = statementsOfRole(
      deploymentOf('prod').templates.stateless,
      'OriginGuardAuthorizerRole',
    ).filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')))

    expect(kms.map((s) => s.Condition)).toEqual([
      { StringEquals: { 'kms:EncryptionContext:LambdaFunctionName': 'tiepdan-prod-origin-verify' } },
    ])
  })
})

describe('granting table access', () => {
  function grant(access: Parameters<DataTable['grantAccess']>[1]) {
    const stack = new Stack(new App(), 'Test')
    const data = new DataTable(stack, 'Data', { protectData: false })
    const role = new Role(stack, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') })
    data.grantAccess(role, access)
    return statementsOfRole(Template.fromStack(stack), 'Role')
  }

  it('adds nothing for an empty profile', () => {
    expect(grant({})).toEqual([])
  })

  it('gives an index query its own statement, without a key condition IAM would not apply', () => {
    const [statement] = grant({ indexes: ['deadlineWatch'] })

    expect(actionsOf(statement!)).toEqual(['dynamodb:Query'])
    expect(JSON.stringify(statement!.Resource)).toContain('/index/deadlineWatch')
    expect(statement!.Condition).toBeUndefined()
  })

  it('keeps the sweep to the deadline-watch index, reads and case updates', () => {
    const statements = grant(DEADLINE_SWEEP_ACCESS)

    expect(statements.filter(mentionsIndex)).toHaveLength(1)
    expect(statements.flatMap(actionsOf).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ])
  })

  it('lists profiles whose keys are all IAM patterns of known partitions', () => {
    for (const profile of [PUBLIC_API_ACCESS, STAFF_API_ACCESS, DEADLINE_SWEEP_ACCESS])
      for (const key of [
        ...(profile.get ?? []),
        ...(profile.put ?? []),
        ...(profile.update ?? []),
        ...(profile.delete ?? []),
        ...(profile.query ?? []),
      ])
        expect(key).toMatch(/^(CASE#\*|CONFIG|USERS|IDEMPOTENCY|RATE#\*)$/)
  })
})
