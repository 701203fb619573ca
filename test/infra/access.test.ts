import { App, Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { describe, expect, it } from 'vitest'
import {
  DEADLINE_SWEEP_ACCESS,
  PUBLIC_API_ACCESS,
  REPORT_EXPORT_ACCESS,
  STAFF_API_ACCESS,
} from '../../infra/access.js'
import { DataTable } from '../../infra/constructs/data-table.js'
import { IDENTITY_ENCRYPTION_CONTEXT } from '../../infra/constructs/identity-key.js'
import { SEALING_PURPOSES } from '../../shared/sealing.js'
import {
  actionsOf,
  deploymentOf,
  type PolicyStatementJson,
  resourcesOf,
  statementsOfRole,
  synthDeployment,
} from './deployment.js'

const dynamoStatements = (rolePrefix: string) =>
  statementsOfRole(deploymentOf('prod').templates.stateless, rolePrefix).filter((s) =>
    actionsOf(s).some((a) => a.startsWith('dynamodb:')),
  )

const mentionsIndex = (statement: PolicyStatementJson) =>
  JSON.stringify(statement.Resource).includes('/index/')

describe('the public function', () => {
  it('may get, put, update and delete items, query one index, and nothing else on the table', () => {
    const actions = new Set(dynamoStatements('PublicApiRole').flatMap(actionsOf))

    expect([...actions].sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ])
  })

  it('queries only the public-requests index (public facts only), and never scans', () => {
    const statements = dynamoStatements('PublicApiRole')
    const queries = statements.filter((s) => actionsOf(s).includes('dynamodb:Query'))

    expect(statements.flatMap(actionsOf).filter((a) => /Scan|Batch|PartiQL|\*/.test(a))).toEqual([])
    expect(queries).toHaveLength(1)
    expect(actionsOf(queries[0]!)).toEqual(['dynamodb:Query'])
    expect([queries[0]!.Resource].flat().map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])).toEqual([
      'publicRequests',
    ])
  })

  it('reaches only cases, configuration, idempotency records, rate-limit windows and repeat keys, by partition key', () => {
    const statements = dynamoStatements('PublicApiRole').filter((s) => !mentionsIndex(s))

    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      expect(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toBeDefined()
      expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' })
    }
    const keysFor = (action: string) =>
      statements
        .filter((s) => actionsOf(s).includes(action))
        .flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[])
    expect(keysFor('dynamodb:GetItem').sort()).toEqual(['CASE#*', 'CONFIG', 'IDEMPOTENCY'])
    expect(keysFor('dynamodb:PutItem').sort()).toEqual(['CASE#*', 'IDEMPOTENCY', 'REPEAT#*'])
    expect(keysFor('dynamodb:UpdateItem').sort()).toEqual(['CASE#*', 'IDEMPOTENCY', 'RATE#*'])
    expect(keysFor('dynamodb:DeleteItem')).toEqual(['IDEMPOTENCY'])
  })
})

describe('the staff function', () => {
  it('queries the queue, my-petitions, reporting, owed-reports and case-documents indexes and no other', () => {
    const indexResources = dynamoStatements('StaffApiRole')
      .filter(mentionsIndex)
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
      .map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])

    expect(indexResources.sort()).toEqual([
      'caseDocuments',
      'committeeQueue',
      'myPetitions',
      'owedReports',
      'reporting',
    ])
  })

  it('cannot scan or delete, and creates only cases, accounts, configuration, repeat keys, report requests, register entries, audit samples, ended sessions and outgoing-register entries', () => {
    const statements = dynamoStatements('StaffApiRole')
    const writes = statements.filter((s) => actionsOf(s).includes('dynamodb:PutItem'))

    expect(statements.flatMap(actionsOf).filter((a) => /Scan|DeleteItem|\*/.test(a))).toEqual([])
    expect(
      writes.flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[]),
    ).toEqual([
      'CASE#*',
      'USERS',
      'CONFIG',
      'REPEAT#*',
      'ACCOUNTABILITY#*',
      'RECEPTION#*',
      'AUDITS',
      'SESSION#*',
      'DOCREG#*',
    ])
  })

  it('reads and records ended sessions by key, and never updates, deletes or queries them', () => {
    const statements = dynamoStatements('StaffApiRole').filter((s) => !mentionsIndex(s))
    const actionsOnSessions = statements
      .filter((s) =>
        (
          s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[] | undefined
        )?.includes('SESSION#*'),
      )
      .flatMap(actionsOf)

    expect(actionsOnSessions.sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem'])
  })

  it('sends e-mail only from the configured sender', () => {
    const ses = statementsOfRole(deploymentOf('prod').templates.stateless, 'StaffApiRole').find((s) =>
      actionsOf(s).includes('ses:SendEmail'),
    )

    expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@tiepdan.example' } })
  })
})

describe('the report export function', () => {
  it('only reads: accounts, settings and ended sessions by key, and the reporting index', () => {
    const statements = dynamoStatements('ReportExportRole')
    const actions = statements.flatMap(actionsOf)
    const indexResources = statements
      .filter(mentionsIndex)
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
      .map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])

    expect(actions.filter((a) => /Put|Update|Delete|Scan|Batch|\*/.test(a))).toEqual([])
    expect(indexResources).toEqual(['reporting'])
    expect(
      statements
        .filter((s) => actionsOf(s).includes('dynamodb:GetItem'))
        .flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[])
        .sort(),
    ).toEqual(['CONFIG', 'SESSION#*', 'USERS'])
  })
})

describe('the deadline sweep', () => {
  const sweepStatements = () =>
    statementsOfRole(deploymentOf('prod').templates.stateless, 'DeadlineSweepRole')
  const keysFor = (statements: PolicyStatementJson[], action: string) =>
    statements
      .filter((s) => actionsOf(s).includes(action) && !mentionsIndex(s))
      .flatMap((s) => s.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys'] as string[])
      .sort()

  it('may do exactly what the sweep and the digest do, and nothing else', () => {
    expect([...new Set(sweepStatements().flatMap(actionsOf))].sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'ses:SendEmail',
      'ses:SendRawEmail',
      'sqs:SendMessage',
    ])
  })

  it('reaches cases, configuration, staff accounts, messages, digest markers and report requests, by partition key', () => {
    const statements = dynamoStatements('DeadlineSweepRole')

    for (const statement of statements.filter((s) => !mentionsIndex(s)))
      expect(statement.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' })
    expect(keysFor(statements, 'dynamodb:GetItem')).toEqual(['ACCOUNTABILITY#*', 'CASE#*', 'CONFIG'])
    expect(keysFor(statements, 'dynamodb:PutItem')).toEqual(['DIGEST#*', 'MSG#*'])
    expect(keysFor(statements, 'dynamodb:UpdateItem')).toEqual(['ACCOUNTABILITY#*', 'CASE#*', 'MSG#*'])
    expect(keysFor(statements, 'dynamodb:Query')).toEqual(['USERS'])
  })

  it('queries the deadline-watch, outbox, committee-queue and owed-reports indexes, and no other', () => {
    const indexes = dynamoStatements('DeadlineSweepRole')
      .filter(mentionsIndex)
      .flatMap((s) => [s.Resource].flat())
      .map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])

    expect(indexes.sort()).toEqual(['committeeQueue', 'deadlineWatch', 'outbox', 'owedReports'])
  })

  it('can neither scan, delete nor batch', () => {
    expect(
      dynamoStatements('DeadlineSweepRole')
        .flatMap(actionsOf)
        .filter((a) => /Scan|Delete|Batch|PartiQL|Transact|\*/.test(a)),
    ).toEqual([])
  })

  it('opens and seals identities under the identity purpose only, never a receipt', () => {
    const kms = sweepStatements().filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')))
    const grants = kms.flatMap((s) =>
      actionsOf(s).map(
        (a) =>
          `${a} ${(s.Condition as { StringEquals: Record<string, string> }).StringEquals['kms:EncryptionContext:purpose']}`,
      ),
    )

    expect(grants.sort()).toEqual([
      `kms:Decrypt ${SEALING_PURPOSES.identity}`,
      `kms:GenerateDataKey ${SEALING_PURPOSES.identity}`,
    ])
  })

  it('sends e-mail only from the configured sender, and dead-letters only into its own queue', () => {
    const statements = sweepStatements()
    const ses = statements.find((s) => actionsOf(s).includes('ses:SendEmail'))
    const sqs = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'))

    expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@tiepdan.example' } })
    expect(sqs.map((s) => s.Resource)).toEqual([
      { 'Fn::GetAtt': [expect.stringMatching(/^DeadlineSweepDeadLetters/), 'Arn'] },
    ])
  })

  it('sends SMS from the configured origination identity only, when there is one', () => {
    const origin = 'arn:aws:sms-voice:ap-southeast-1:000000000000:sender-id/TIEPDAN/VN'
    const { templates } = synthDeployment('dev', { context: { smsOrigin: origin } })

    for (const role of ['DeadlineSweepRole', 'StaffApiRole'])
      expect(
        statementsOfRole(templates.stateless, role)
          .filter((s) => actionsOf(s).some((a) => a.startsWith('sms-voice:')))
          .map((s) => [actionsOf(s), s.Resource]),
        role,
      ).toEqual([[['sms-voice:SendTextMessage'], origin]])
    templates.stateless.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'tiepdan-dev-deadline-sweep',
      Environment: { Variables: Match.objectLike({ SMS_ORIGIN: origin }) },
    })
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

  it('gives the sweep one index statement and keyed statements for the rest', () => {
    const statements = grant(DEADLINE_SWEEP_ACCESS)

    expect(statements.filter(mentionsIndex)).toHaveLength(1)
    expect(statements.map((s) => s.Sid)).toEqual([
      'GetItems',
      'PutItems',
      'UpdateItems',
      'QueryPartitions',
      'QueryIndexes',
    ])
  })

  it('lists profiles whose keys are all IAM patterns of known partitions', () => {
    for (const profile of [PUBLIC_API_ACCESS, STAFF_API_ACCESS, DEADLINE_SWEEP_ACCESS, REPORT_EXPORT_ACCESS])
      for (const key of [
        ...(profile.get ?? []),
        ...(profile.put ?? []),
        ...(profile.update ?? []),
        ...(profile.delete ?? []),
        ...(profile.query ?? []),
      ])
        expect(key).toMatch(
          /^(CASE#\*|CONFIG|USERS|IDEMPOTENCY|RATE#\*|MSG#\*|DIGEST#\*|REPEAT#\*|ACCOUNTABILITY#\*|RECEPTION#\*|AUDITS|SESSION#\*|DOCREG#\*)$/,
        )
  })
})
