/**
 * Everything that can be replaced by a deploy: the functions, the HTTP API, CloudFront, the alarms
 * and (once its handler exists) the deadline sweep. It reads the stateful stack's resources and the
 * edge stack's web ACL through stack outputs.
 */
import { existsSync } from 'node:fs'
import {
  CfnOutput,
  Duration,
  Lazy,
  ReferenceStrength,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
} from 'aws-cdk-lib'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito'
import type { Construct } from 'constructs'
import { SEALING_PURPOSES } from '../../shared/sealing.js'
import { PUBLIC_API_ACCESS, REPORT_EXPORT_ACCESS, STAFF_API_ACCESS } from '../access.js'
import { type DeploymentConfig, resourcePrefix } from '../config.js'
import { AppFunction } from '../constructs/app-function.js'
import { DeadlineSweep } from '../constructs/deadline-sweep.js'
import { EdgeDistribution } from '../constructs/edge-distribution.js'
import { GeneratedSecret } from '../constructs/generated-secret.js'
import { PetitionApi } from '../constructs/http-api.js'
import { Notifications } from '../constructs/notifications.js'
import { OperationsAlarms } from '../constructs/operations-alarms.js'
import { OriginGuard } from '../constructs/origin-guard.js'
import { STAFF_CALLBACK_PATH, STAFF_USER_CLAIM } from '../constructs/staff-directory.js'
import { ENTRIES, repoPath } from '../paths.js'
import type { StatefulStack } from './stateful-stack.js'

export interface StatelessStackProps extends StackProps {
  readonly config: DeploymentConfig
  readonly stateful: StatefulStack
  /** ARN of the CloudFront web ACL from the edge stack (us-east-1). */
  readonly webAclArn: string
  /**
   * Whether to build the deadline sweep. Default: when its entry file exists (it does since the
   * watch issue; the switch stays for builds of trees without it).
   */
  readonly includeDeadlineSweep?: boolean
}

export class StatelessStack extends Stack {
  readonly publicApi: AppFunction
  readonly staffApi: AppFunction
  /** The staff pages' Cognito app client (its callback is this stack's distribution). */
  readonly staffWebClient: UserPoolClient
  readonly reportExport: AppFunction
  readonly originGuard: OriginGuard
  readonly api: PetitionApi
  readonly edge: EdgeDistribution
  readonly alarms: OperationsAlarms
  readonly notifications: Notifications
  readonly deadlineSweep?: DeadlineSweep

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    const { config, stateful } = props
    super(scope, id, {
      description: `Petition system (${config.stage}): functions, API, CDN, alarms`,
      ...props,
    })
    const prefix = resourcePrefix(config)
    const logRemovalPolicy = config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY
    const logRetention = config.logRetentionDays
    const identity = stateful.identityKey

    // Identity fields are sealed with data keys from the identity KMS key (shared/kms-sealer.ts).
    // A deployment still running local-key sealing names its key's secret in context; the key then
    // reaches the functions as a Secrets Manager dynamic reference, resolved by CloudFormation at
    // deploy time (never in the template or cdk.out), in an environment encrypted with the KMS key.
    const legacyKey = config.identityKeySecretName
      ? { IDENTITY_KEY: SecretValue.secretsManager(config.identityKeySecretName).unsafeUnwrap() }
      : undefined
    const environment = {
      LOG_LEVEL: config.logLevel,
      ORG_NAME_VI: config.orgNameVi,
      ORG_NAME_EN: config.orgNameEn,
      IDENTITY_KMS_KEY_ID: identity.key.keyArn,
      ...legacyKey,
    }
    const functionDefaults = {
      environmentKey: legacyKey ? identity.key : undefined,
      logRetention,
      logRemovalPolicy,
    }

    this.notifications = new Notifications(this, 'Notifications', {
      emailSender: config.emailSender,
      smsOrigin: config.smsOrigin,
    })
    this.alarms = new OperationsAlarms(this, 'Alarms', {
      topicName: `${prefix}-alarms`,
      alarmEmail: config.alarmEmail,
    })

    // Client addresses are kept in rate-limit keys only as salted hashes; the salt is the secret part.
    const rateLimitSalt = new GeneratedSecret(this, 'RateLimitSalt', {
      description: 'Salt of the hashed client addresses in rate-limit items',
      withoutRotationBecause:
        'A new salt only starts every client’s wrong-PIN window afresh; it protects no data at rest. It is replaced by deleting the secret and redeploying, when the old one is suspected known.',
    })
    // The repeat index keeps identity numbers, names and contents only as salted hashes (HMAC):
    // without the salt, a hash cannot be tested against a guessed identity number.
    const repeatKeySalt = new GeneratedSecret(this, 'RepeatKeySalt', {
      description: 'Salt of the hashed keys of the repeat index (identity numbers, names, contents)',
      length: 64,
      withoutRotationBecause:
        'A new salt makes every earlier petition unfindable as a repeat; it is replaced only when the old one is suspected known, and the index is rebuilt then.',
    })
    // The site's address is the distribution's (or the custom domain), known once the distribution
    // exists below; the staff web client's callback and the functions' SITE_URL both come from it.
    let siteUrl = ''
    const lazySiteUrl = Lazy.string({ produce: () => siteUrl })
    this.staffWebClient = stateful.staff.addWebClient(this, 'StaffWebClient', {
      siteUrl: lazySiteUrl,
      extraCallbackUrls: config.staffCallbackUrls,
    })
    const staffAudience = this.staffWebClient.userPoolClientId

    this.publicApi = new AppFunction(this, 'PublicApi', {
      entry: ENTRIES.publicApi,
      functionName: `${prefix}-public-api`,
      description: 'Citizens: file, track, withdraw, add to a petition; the citizen pages',
      environment: {
        ...environment,
        RATE_LIMIT_SALT: rateLimitSalt.value,
        REPEAT_KEY_SALT: repeatKeySalt.value,
      },
      ...functionDefaults,
      // Its environment carries the salt: readable only to whoever may decrypt with the identity key.
      environmentKey: identity.key,
    })
    this.publicApi.useTable(stateful.data, PUBLIC_API_ACCESS)
    // Seal identities at intake, never open them; idempotent replays reopen only their own
    // receipts' PINs, sealed under a purpose of their own.
    identity.grantSeal(this.publicApi.function)
    identity.grantSeal(this.publicApi.function, SEALING_PURPOSES.receipt)
    identity.grantOpen(this.publicApi.function, SEALING_PURPOSES.receipt)

    this.staffApi = new AppFunction(this, 'StaffApi', {
      entry: ENTRIES.staffApi,
      functionName: `${prefix}-staff-api`,
      description: 'Staff: reception, committee queues, case handling',
      environment: {
        ...environment,
        ...this.notifications.environment,
        AUTH_ISSUER: stateful.staff.issuer,
        AUTH_AUDIENCE: staffAudience,
        // The staff pages' sign-in: the hosted UI and the callback registered on the app client.
        ...(stateful.staff.hostedUi ? { AUTH_DOMAIN: stateful.staff.hostedUi.baseUrl() } : {}),
        STAFF_CALLBACK_URL: `${lazySiteUrl}${STAFF_CALLBACK_PATH}`,
        AUTH_USER_CLAIM: STAFF_USER_CLAIM,
        REPEAT_KEY_SALT: repeatKeySalt.value,
      },
      ...functionDefaults,
      // Its environment carries the repeat-key salt: readable only with the identity key.
      environmentKey: identity.key,
    })
    this.staffApi.useTable(stateful.data, STAFF_API_ACCESS)
    // Attachments: presigned uploads and links; the grants follow shared/service/attachments.ts.
    stateful.files.grantPetitionerUploads(this.publicApi.function)
    stateful.files.grantStaffAccess(this.staffApi.function)
    for (const api of [this.publicApi, this.staffApi])
      api.function.addEnvironment('ATTACHMENTS_BUCKET', stateful.files.attachmentsBucketName)
    identity.grantSeal(this.staffApi.function)
    identity.grantOpen(this.staffApi.function)
    this.notifications.grantSend(this.staffApi.function)

    // Report exports: the spreadsheet library stays out of the staff bundle; reads only.
    this.reportExport = new AppFunction(this, 'ReportExport', {
      entry: ENTRIES.reportExport,
      functionName: `${prefix}-report-export`,
      description: 'Staff: accountability reports as XLSX (Biểu 01/XLD) and CSV',
      environment: {
        ...environment,
        AUTH_ISSUER: stateful.staff.issuer,
        AUTH_AUDIENCE: staffAudience,
        AUTH_USER_CLAIM: STAFF_USER_CLAIM,
      },
      ...functionDefaults,
      // A year's report of a large tree and its workbook: more time than a JSON answer.
      timeout: Duration.seconds(29),
    })
    this.reportExport.useTable(stateful.data, REPORT_EXPORT_ACCESS)

    this.originGuard = new OriginGuard(this, 'OriginGuard', {
      functionName: `${prefix}-origin-verify`,
      environmentKey: identity.key,
      logRetention,
      logRemovalPolicy,
    })

    this.api = new PetitionApi(this, 'Http', {
      apiName: prefix,
      publicApi: this.publicApi.function,
      staffApi: this.staffApi.function,
      reportExport: this.reportExport.function,
      originVerify: this.originGuard.authorizer.function,
      userPool: stateful.staff.userPool,
      userPoolClient: this.staffWebClient,
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
      logRetention,
      logRemovalPolicy,
    })

    this.edge = new EdgeDistribution(this, 'Edge', {
      comment: `${prefix}: citizen reception and petition handling`,
      originDomainName: this.api.originDomainName,
      originHeaderValue: this.originGuard.headerValue,
      // Cross-region: a weak reference (Fn::GetStackOutput) needs no custom resource.
      webAclArn: Stack.consumeReference(props.webAclArn, ReferenceStrength.WEAK),
      logBucket: stateful.files.accessLogs,
      domainName: config.domainName,
      certificate: config.certificateArn
        ? Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
        : undefined,
    })

    this.alarms.watchApi(this.api.api)
    this.alarms.watchFunction('PublicApi', this.publicApi.function)
    this.alarms.watchFunction('StaffApi', this.staffApi.function)
    this.alarms.watchFunction('ReportExport', this.reportExport.function)
    this.alarms.watchFunction('OriginVerify', this.originGuard.authorizer.function)
    this.alarms.watchTable(stateful.data.table)

    // Where citizens and staff go, and what links in messages point at. Without a custom domain it
    // is the distribution's own name, which the functions may read: the distribution depends on the
    // HTTP API alone (its origin is the API id), not on its routes, integrations or functions, so
    // there is no cycle (test/infra/stateless.test.ts loads the template with the cycle check on).
    siteUrl = `https://${config.domainName ?? this.edge.distribution.distributionDomainName}`
    // The export function too: its pages' form posts are checked against the site's origin.
    for (const api of [this.publicApi, this.staffApi, this.reportExport])
      api.function.addEnvironment('SITE_URL', siteUrl)

    if (props.includeDeadlineSweep ?? existsSync(repoPath(ENTRIES.deadlineSweep)))
      this.deadlineSweep = new DeadlineSweep(this, 'DeadlineSweep', {
        entry: ENTRIES.deadlineSweep,
        functionName: `${prefix}-deadline-sweep`,
        sweepSchedule: config.sweepSchedule,
        digestSchedule: config.digestSchedule,
        siteUrl,
        metricsNamespace: `${config.appName}/${config.stage}`,
        table: stateful.data,
        identityKey: identity,
        notifications: this.notifications,
        alarms: this.alarms,
        environment,
        ...functionDefaults,
      })

    new CfnOutput(this, 'SiteUrl', { description: 'Where citizens and staff go', value: siteUrl })
    new CfnOutput(this, 'DistributionDomainName', {
      description: 'CNAME target for the custom domain',
      value: this.edge.distribution.distributionDomainName,
    })
    new CfnOutput(this, 'UserPoolId', { value: stateful.staff.userPool.userPoolId })
    new CfnOutput(this, 'StaffWebClientId', { value: staffAudience })
    new CfnOutput(this, 'TableName', { value: stateful.data.table.tableName })
  }
}
