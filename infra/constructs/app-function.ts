/**
 * One Lambda function of this app, the same way every time: Node 22 on arm64, an ESM bundle built by
 * the local esbuild (no Docker), its own role with nothing attached but what it is granted, its own
 * log group with retention. `useTable` grants the function's access patterns and sets TABLE_NAME in
 * one call, so a grant and the setting it goes with cannot drift apart.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda'
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { REPO_ROOT, repoPath } from '../paths.js'
import type { DataTable, TableAccess } from './data-table.js'

/**
 * ESM output has no `require`; a few dependencies still call it for Node built-ins. The alias keeps
 * the name from clashing with anything the bundle declares.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);"

/**
 * Import paths the bundles resolve elsewhere: zod without its locales and JSON-Schema code, which
 * @hono/zod-openapi would otherwise pull in whole (functions/zod-lean.ts: ~300 KB off each API bundle).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = { zod: repoPath('functions/zod-lean.ts') }

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
  readonly function: NodejsFunction
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

    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      description: props.description,
      entry: repoPath(props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: repoPath('package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      environmentEncryption: props.environmentKey,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        // DomainError names itself after its class (`new.target.name`); minified names would garble codes in logs.
        keepNames: true,
        sourceMap: true,
        sourcesContent: false,
        // The SDK version the code was tested with, tree-shaken, instead of whatever the runtime carries.
        bundleAwsSDK: true,
        tsconfig: repoPath('tsconfig.json'),
        // INFO makes esbuild print each bundle and its size during synth.
        logLevel: LogLevel.INFO,
        forceDockerBundling: false,
        esbuildArgs: Object.fromEntries(
          Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to]),
        ),
      },
    })

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the handlers, middy 6, Powertools 2.35 and the test toolchain are verified on it (TOOLCHAIN.md) and it is in AWS standard support; moving to a newer runtime is a tested change, not a silent one.',
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
