/**
 * The HTTP API: explicit routes (infra/routes.ts) to the two functions, the Cognito JWT authorizer
 * on the staff JSON routes, the origin-verify authorizer on everything else, stage throttling, and
 * access logs without personal data (the route key, never the path with its tracking code).
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import {
  HttpApi,
  type HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2'
import {
  HttpLambdaAuthorizer,
  HttpLambdaResponseType,
  HttpUserPoolAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { ROUTES, type RouteGate, type RouteTarget } from '../routes.js'
import { ORIGIN_VERIFY_HEADER } from '../runtime/origin-header.js'

export interface PetitionApiProps {
  readonly apiName: string
  readonly publicApi: IFunction
  readonly staffApi: IFunction
  /** The report exports (functions/report-export/). */
  readonly reportExport: IFunction
  /** The origin-verify authorizer function (infra/runtime/origin-verify.ts). */
  readonly originVerify: IFunction
  readonly userPool: IUserPool
  readonly userPoolClient: IUserPoolClient
  /** Steady requests per second and burst for the whole stage. */
  readonly rateLimit: number
  readonly burstLimit: number
  readonly logRetention: RetentionDays
  readonly logRemovalPolicy: RemovalPolicy
}

/** One JSON line per request: enough to trace and to measure, nothing that identifies a petition. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTimeEpoch',
    sourceIp: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
)

export class PetitionApi extends Construct {
  readonly api: HttpApi
  readonly stage: HttpStage
  readonly accessLogs: LogGroup

  constructor(scope: Construct, id: string, props: PetitionApiProps) {
    super(scope, id)
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: 'Citizen reception and petition handling: reachable through CloudFront only',
      createDefaultStage: false,
    })

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    })

    const gates: Record<RouteGate, IHttpRouteAuthorizer> = {
      staffJwt: new HttpUserPoolAuthorizer('StaffJwt', props.userPool, {
        userPoolClients: [props.userPoolClient],
      }),
      originVerify: new HttpLambdaAuthorizer('OriginVerify', props.originVerify, {
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: [`$request.header.${ORIGIN_VERIFY_HEADER}`],
        resultsCacheTtl: Duration.hours(1),
      }),
    }
    const integrations: Record<RouteTarget, HttpLambdaIntegration> = {
      publicApi: new HttpLambdaIntegration('PublicApi', props.publicApi),
      staffApi: new HttpLambdaIntegration('StaffApi', props.staffApi),
      reportExport: new HttpLambdaIntegration('ReportExport', props.reportExport),
    }
    for (const route of ROUTES) {
      this.api.addRoutes({
        path: route.path,
        methods: route.methods as HttpMethod[],
        integration: integrations[route.target],
        authorizer: gates[route.gate],
      })
    }
  }

  /** `<id>.execute-api.<region>.amazonaws.com`: CloudFront's origin. */
  get originDomainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.env.region}.amazonaws.com`
  }
}
