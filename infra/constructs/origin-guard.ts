/**
 * Keeps the HTTP API answering CloudFront only. CloudFront adds a secret header to every origin
 * request; the origin-verify authorizer compares it in constant time on every route that has no JWT
 * authorizer. HTTP APIs have no resource policy and cannot carry a WAF, so this is how the WAF in
 * front of CloudFront cannot be walked around.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { ENTRIES } from '../paths.js'
import { AppFunction } from './app-function.js'
import { GeneratedSecret } from './generated-secret.js'

export interface OriginGuardProps {
  readonly functionName: string
  readonly logRetention: RetentionDays
  readonly logRemovalPolicy: RemovalPolicy
  /** Encrypts the authorizer's environment, which holds the header value. */
  readonly environmentKey: IKey
}

export class OriginGuard extends Construct {
  readonly headerSecret: GeneratedSecret
  readonly authorizer: AppFunction

  constructor(scope: Construct, id: string, props: OriginGuardProps) {
    super(scope, id)
    this.headerSecret = new GeneratedSecret(this, 'HeaderValue', {
      description: 'Value of the x-origin-verify header CloudFront adds and the API authorizer expects',
      withoutRotationBecause:
        'The header value is read at deploy time into two places (the CloudFront origin header and the authorizer environment); rotation is a new value plus a deploy (infra/README.md). It grants no data access: it only proves a request came through CloudFront and its WAF.',
    })

    this.authorizer = new AppFunction(this, 'Authorizer', {
      entry: ENTRIES.originVerify,
      functionName: props.functionName,
      description: 'HTTP API authorizer: lets through requests that came through CloudFront',
      memorySize: 256,
      timeout: Duration.seconds(3),
      environment: { ORIGIN_VERIFY_SECRET: this.headerValue },
      environmentKey: props.environmentKey,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    })
  }

  /** A CloudFormation dynamic reference, resolved at deploy time: the value never appears in the template. */
  get headerValue(): string {
    return this.headerSecret.value
  }
}
