/**
 * The synthesized cloud assembly, read the way CloudFormation would deploy it: every stack's
 * template, with a resolver for the intrinsics (Ref, Fn::GetAtt, Fn::Join, Fn::Sub,
 * Fn::GetStackOutput, Fn::ImportValue, secretsmanager dynamic references) that gives each resource
 * a stable fake physical id in one account and region. Nothing here knows a logical id: functions,
 * roles, routes and the table are found by type, so a change of construct ids or of bundling (an
 * asset path from the template's metadata or the asset manifest) does not break the suite.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ACCOUNT = '000000000000'

export interface Resource {
  readonly Type: string
  readonly Properties?: Record<string, unknown>
  readonly Metadata?: Record<string, unknown>
}
export interface StackTemplate {
  readonly name: string
  readonly region: string
  readonly Resources: Record<string, Resource>
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>
}

export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny'
  readonly Action: string | string[]
  readonly Resource: unknown
  readonly Condition?: Record<string, Record<string, unknown>>
  readonly Sid?: string
}

/** A Lambda function of the assembly, with what it needs to run and what it may do. */
export interface FunctionSpec {
  readonly logicalId: string
  readonly stack: StackTemplate
  readonly name: string
  readonly roleLogicalId: string
  readonly codeDirectory: string
  readonly handler: string
  readonly environment: Record<string, string>
  readonly statements: ResolvedStatement[]
}

export interface ResolvedStatement {
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
  readonly actions: string[]
  readonly resources: string[]
  readonly conditions: Record<string, Record<string, string[]>>
}

const hash = (s: string, n = 12) => createHash('sha256').update(s).digest('hex').slice(0, n)

export class Assembly {
  readonly stacks: StackTemplate[]
  /** Values of secretsmanager dynamic references, by secret (stable within one assembly). */
  readonly secrets = new Map<string, string>()

  constructor(readonly directory: string) {
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as {
      artifacts: Record<
        string,
        { type: string; environment?: string; properties?: { templateFile?: string } }
      >
    }
    this.stacks = Object.entries(manifest.artifacts)
      .filter(([, a]) => a.type === 'aws:cloudformation:stack')
      .map(([name, a]) => {
        const template = JSON.parse(readFileSync(join(directory, a.properties!.templateFile!), 'utf8'))
        const region = a.environment?.split('/').pop() ?? 'ap-southeast-1'
        return { name, region: region === 'unknown-region' ? 'ap-southeast-1' : region, ...template }
      })
  }

  stack(name: string): StackTemplate {
    const found = this.stacks.find((s) => s.name === name)
    if (!found) throw new Error(`no stack ${name}`)
    return found
  }

  /** Every resource of a type, across stacks. */
  resources(type: string): { stack: StackTemplate; logicalId: string; resource: Resource }[] {
    return this.stacks.flatMap((stack) =>
      Object.entries(stack.Resources)
        .filter(([, r]) => r.Type === type)
        .map(([logicalId, resource]) => ({ stack, logicalId, resource })),
    )
  }

  /** The physical name or id CloudFormation would give a resource (its name property if set). */
  physicalId(stack: StackTemplate, logicalId: string): string {
    const r = stack.Resources[logicalId]
    if (!r) throw new Error(`${stack.name} has no resource ${logicalId}`)
    const p = r.Properties ?? {}
    const named = (key: string) => (p[key] !== undefined ? this.resolve(stack, p[key]) : undefined)
    switch (r.Type) {
      case 'AWS::DynamoDB::Table':
        return (named('TableName') as string) ?? `${stack.name}-${logicalId}-${hash(logicalId, 6)}`
      case 'AWS::Lambda::Function':
        return (named('FunctionName') as string) ?? `${stack.name}-${logicalId}`
      case 'AWS::Cognito::UserPool':
        return `${stack.region}_${hash(logicalId, 9)}`
      case 'AWS::Cognito::UserPoolClient':
        return hash(`client:${logicalId}`, 26)
      case 'AWS::Cognito::UserPoolDomain':
        return (named('Domain') as string) ?? logicalId.toLowerCase()
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${stack.region}:${ACCOUNT}:secret:${logicalId}-${hash(logicalId, 6)}`
      case 'AWS::KMS::Key':
        return `${hash(logicalId, 8)}-0000-4000-8000-${hash(logicalId, 12)}`
      case 'AWS::ApiGatewayV2::Api':
        return hash(logicalId, 10)
      case 'AWS::CloudFront::Distribution':
        return `E${hash(logicalId, 13).toUpperCase()}`
      default:
        return `${logicalId}-${hash(logicalId, 8)}`
    }
  }

  attribute(stack: StackTemplate, logicalId: string, attribute: string): string {
    const r = stack.Resources[logicalId]!
    const id = this.physicalId(stack, logicalId)
    const arn = (service: string, resource: string) =>
      `arn:aws:${service}:${stack.region}:${ACCOUNT}:${resource}`
    switch (`${r.Type}.${attribute}`) {
      case 'AWS::DynamoDB::Table.Arn':
        return arn('dynamodb', `table/${id}`)
      case 'AWS::KMS::Key.Arn':
        return arn('kms', `key/${id}`)
      case 'AWS::Lambda::Function.Arn':
        return arn('lambda', `function:${id}`)
      case 'AWS::IAM::Role.Arn':
        return `arn:aws:iam::${ACCOUNT}:role/${id}`
      case 'AWS::CloudFront::Distribution.DomainName':
        return `d${hash(logicalId, 13)}.cloudfront.net`
      case 'AWS::Cognito::UserPool.Arn':
        return arn('cognito-idp', `userpool/${id}`)
      case 'AWS::S3::Bucket.Arn':
        return `arn:aws:s3:::${id}`
      case 'AWS::SQS::Queue.Arn':
        return arn('sqs', id)
      default:
        return `${id}.${attribute}`
    }
  }

  /** Resolves an intrinsic value the way CloudFormation would at deploy time. */
  resolve(stack: StackTemplate, value: unknown): unknown {
    if (typeof value === 'string') return this.dynamicReferences(value)
    if (Array.isArray(value)) return value.map((v) => this.resolve(stack, v))
    if (!value || typeof value !== 'object') return value
    const o = value as Record<string, unknown>
    if ('Ref' in o) {
      const ref = o.Ref as string
      if (ref === 'AWS::AccountId') return ACCOUNT
      if (ref === 'AWS::Region') return stack.region
      if (ref === 'AWS::Partition') return 'aws'
      if (ref === 'AWS::URLSuffix') return 'amazonaws.com'
      if (ref === 'AWS::StackName') return stack.name
      return this.physicalId(stack, ref)
    }
    if ('Fn::GetAtt' in o) {
      const [id, attr] = o['Fn::GetAtt'] as [string, string]
      return this.attribute(stack, id, attr)
    }
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]]
      return this.dynamicReferences((this.resolve(stack, parts) as unknown[]).join(sep))
    }
    if ('Fn::Select' in o) {
      const [i, list] = o['Fn::Select'] as [number, unknown]
      return (this.resolve(stack, list) as unknown[])[Number(i)]
    }
    if ('Fn::Split' in o) {
      const [sep, s] = o['Fn::Split'] as [string, unknown]
      return (this.resolve(stack, s) as string).split(sep)
    }
    if ('Fn::Sub' in o) {
      const arg = o['Fn::Sub']
      const [text, vars] = Array.isArray(arg)
        ? (arg as [string, Record<string, unknown>])
        : [arg as string, {}]
      return this.dynamicReferences(
        text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
          if (name in vars) return String(this.resolve(stack, vars[name]))
          if (name.includes('.')) {
            const [id, attr] = name.split('.') as [string, string]
            return this.attribute(stack, id, attr)
          }
          return String(this.resolve(stack, { Ref: name }))
        }),
      )
    }
    if ('Fn::GetStackOutput' in o) {
      const { StackName, OutputName } = o['Fn::GetStackOutput'] as { StackName: string; OutputName: string }
      const source = this.stack(StackName)
      return this.resolve(source, source.Outputs![OutputName]!.Value)
    }
    if ('Fn::ImportValue' in o) {
      const name = this.resolve(stack, o['Fn::ImportValue'])
      for (const s of this.stacks)
        for (const out of Object.values(s.Outputs ?? {}))
          if (out.Export && this.resolve(s, out.Export.Name) === name) return this.resolve(s, out.Value)
      throw new Error(`no export ${String(name)}`)
    }
    if ('Fn::If' in o || 'Fn::Equals' in o) throw new Error(`unsupported intrinsic ${Object.keys(o)[0]}`)
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, this.resolve(stack, v)]))
  }

  /** `{{resolve:secretsmanager:<arn>:SecretString:::}}` → that secret's (generated) value. */
  private dynamicReferences(text: string): string {
    return text.replace(
      /\{\{resolve:secretsmanager:([^}]*?):SecretString:[^}]*\}\}/g,
      (_, secret: string) => {
        let v = this.secrets.get(secret)
        if (!v) {
          v = createHash('sha256').update(`secret:${secret}:${this.directory}`).digest('base64url')
          v = `${v}${v}`.slice(0, 64)
          this.secrets.set(secret, v)
        }
        return v
      },
    )
  }

  /** The role statements (inline policies) attached to a role, resolved. */
  statementsOf(stack: StackTemplate, roleLogicalId: string): ResolvedStatement[] {
    const out: ResolvedStatement[] = []
    for (const [, policy] of Object.entries(stack.Resources)) {
      if (policy.Type !== 'AWS::IAM::Policy') continue
      const roles = (policy.Properties?.Roles ?? []) as { Ref?: string }[]
      if (!roles.some((r) => r.Ref === roleLogicalId)) continue
      const doc = policy.Properties!.PolicyDocument as { Statement: PolicyStatement[] }
      for (const st of doc.Statement) out.push(this.resolveStatement(stack, st))
    }
    const role = stack.Resources[roleLogicalId]
    for (const p of (role?.Properties?.Policies ?? []) as {
      PolicyDocument: { Statement: PolicyStatement[] }
    }[])
      for (const st of p.PolicyDocument.Statement) out.push(this.resolveStatement(stack, st))
    if (((role?.Properties?.ManagedPolicyArns as unknown[]) ?? []).length)
      throw new Error(`${roleLogicalId} has managed policies: the suite cannot evaluate them`)
    return out
  }

  private resolveStatement(stack: StackTemplate, st: PolicyStatement): ResolvedStatement {
    const list = (v: unknown) => ([] as unknown[]).concat(this.resolve(stack, v)).map(String)
    const conditions: Record<string, Record<string, string[]>> = {}
    for (const [op, keys] of Object.entries(st.Condition ?? {}))
      conditions[op] = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, list(v)]))
    return {
      sid: st.Sid,
      effect: st.Effect,
      actions: list(st.Action),
      resources: list(st.Resource),
      conditions,
    }
  }

  /** Every Lambda function with its code directory, resolved environment and role statements. */
  functions(): FunctionSpec[] {
    return this.resources('AWS::Lambda::Function').map(({ stack, logicalId, resource }) => {
      const p = resource.Properties!
      const role = p.Role as { 'Fn::GetAtt': [string, string] }
      const roleLogicalId = role['Fn::GetAtt'][0]
      const env = ((p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ??
        {}) as Record<string, unknown>
      return {
        logicalId,
        stack,
        name: this.physicalId(stack, logicalId),
        roleLogicalId,
        codeDirectory: this.codeDirectory(stack, resource),
        handler: p.Handler as string,
        environment: Object.fromEntries(
          Object.entries(env).map(([k, v]) => [k, String(this.resolve(stack, v))]),
        ),
        statements: this.statementsOf(stack, roleLogicalId),
      }
    })
  }

  /** The code asset: the template's asset metadata, else the asset manifest entry of its S3 key. */
  private codeDirectory(stack: StackTemplate, fn: Resource): string {
    const fromMetadata = fn.Metadata?.['aws:asset:path'] as string | undefined
    if (fromMetadata) return join(this.directory, fromMetadata)
    const key = String((fn.Properties!.Code as { S3Key?: unknown }).S3Key ?? '')
    for (const file of readdirSync(this.directory).filter((f) => f.endsWith('.assets.json'))) {
      const assets = JSON.parse(readFileSync(join(this.directory, file), 'utf8')) as {
        files?: Record<
          string,
          { source: { path: string }; destinations: Record<string, { objectKey: string }> }
        >
      }
      for (const a of Object.values(assets.files ?? {}))
        if (Object.values(a.destinations).some((d) => d.objectKey === key)) {
          const dir = join(this.directory, a.source.path)
          if (existsSync(dir)) return dir
        }
    }
    throw new Error(`no code asset for ${stack.name} ${String(fn.Properties!.FunctionName)}`)
  }
}
