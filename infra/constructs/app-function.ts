/**
 * One Lambda function of this app, the same way every time: Node 22 on arm64, an ESM bundle built by
 * the local esbuild (no Docker; infra/constructs/bundle.ts), its own role with nothing attached but what it is granted, its own
 * log group with retention. `useTable` grants the function's access patterns and sets TABLE_NAME in
 * one call, so a grant and the setting it goes with cannot drift apart.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { Architecture, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { bundledCode } from './bundle.js'
import type { DataTable, TableAccess } from './data-table.js'

export { BUNDLE_ALIASES, ESM_REQUIRE_BANNER } from './bundle.js'

export interface AppFunctionProps {
  /** Entry file relative to the repository root; it exports `handler`. */
  readonly entry: string
  /** Physical name, `<app>-<stage>-<name>`: the environment key's encryption context names it. */
  readonly functionName: string
  readonly description: string
  /** @default 1024 (memory buys CPU: scrypt PIN checks and cold start both want it) */
  readonly memorySize?: number
  /** @default 10 seconds (API Gateway gives up at 30) */
  readonly timeout?: Duration
  readonly environment?: Record<string, string>
  readonly logRetention: RetentionDays
  readonly logRemovalPolicy: RemovalPolicy
  /**
   * Customer managed key for the environment variables. With it, only principals allowed to
   * decrypt with the key can read the environment (GetFunctionConfiguration), which matters while
   * a secret travels in it.
   */
  readonly environmentKey?: IKey
}

export class AppFunction extends Construct {
  readonly function: LambdaFunction
  readonly role: Role
  readonly logGroup: LogGroup

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id)
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    })
    // An explicit role keeps AWS managed policies (AWSLambdaBasicExecutionRole: logs on `*`) out.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.functionName}: only what its access patterns need`,
    })
    this.logGroup.grantWrite(this.role)

    this.function = new LambdaFunction(this, 'Function', {
      functionName: props.functionName,
      description: props.description,
      code: bundledCode(props.entry),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environmentEncryption: props.environmentKey,
      // No NODE_OPTIONS=--enable-source-maps: it parses every map at start (infra/constructs/bundle.ts).
      environment: props.environment,
    })

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the handlers, middy 6, Powertools 2.35 and the test toolchain are verified on it (.ci/run runs the deployed-shape suite under Node 22) and it is in AWS standard support; moving to a newer runtime is a tested change, not a silent one.',
    })

    if (props.environmentKey)
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'DecryptOwnEnvironment',
          actions: ['kms:Decrypt'],
          resources: [props.environmentKey.keyArn],
          // Lambda binds environment ciphertext to the function name: this grant opens nothing else.
          conditions: { StringEquals: { 'kms:EncryptionContext:LambdaFunctionName': props.functionName } },
        }),
      )
  }

  /** Grants exactly `access` on the table and tells the function which table it is. */
  useTable(table: DataTable, access: TableAccess): void {
    table.grantAccess(this.function, access)
    this.function.addEnvironment('TABLE_NAME', table.table.tableName)
  }
}
