/**
 * The attachments bucket (petition documents, later uploaded through presigned requests) and the
 * bucket that receives access logs: the attachments bucket's server access logs and CloudFront's
 * standard logs. Both block public access and refuse plain HTTP.
 */
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib'
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js'
import { Construct } from 'constructs'

export interface AttachmentStoreProps {
  /** Keep both buckets (and version attachments) when the stack goes (prod). */
  readonly protectData: boolean
  /** How long access logs are kept. */
  readonly logRetentionDays: number
  /**
   * Origins of the site whose pages PUT uploads and GET downloads straight to S3 (CORS). Only
   * these two methods, only the Content-Type header.
   */
  readonly siteOrigins: readonly string[]
  /** `<app>-<stage>`: the bucket is named `<prefix>-attachments-<account>`. */
  readonly namePrefix: string
}

/** Uploads wait here until the server has checked them; abandoned ones expire (lifecycle). */
export const PENDING_PREFIX = 'pending/'
/** Verified documents, per case. */
export const CASES_PREFIX = 'cases/'
/** Issued documents addressed to the petitioner (docs/documents.md#delivery): the public function reads them after the PIN check. */
export const OUTGOING_PREFIX = 'outgoing/'
/** Abandoned or refused uploads are gone after this many days. */
export const PENDING_EXPIRY_DAYS = 1

export class AttachmentStore extends Construct {
  readonly attachments: Bucket
  readonly accessLogs: Bucket
  /**
   * The attachments bucket's name, built only from the prefix and the account pseudo-parameter:
   * the stateless stack uses it without a cross-stack reference, so the grants' resources read
   * the same at every phase of the synth and their cdk-nag acknowledgement can name them exactly.
   */
  readonly attachmentsBucketName: string

  constructor(scope: Construct, id: string, props: AttachmentStoreProps) {
    super(scope, id)
    const removalPolicy = props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logs need SSE-S3 and ACLs (the log delivery account writes objects).
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy,
    })
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the access-log sink of the attachments bucket and of CloudFront; logging it into itself would loop.',
    })

    this.attachmentsBucketName = `${props.namePrefix}-attachments-${Aws.ACCOUNT_ID}`
    this.attachments = new Bucket(this, 'Attachments', {
      bucketName: this.attachmentsBucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3, not KMS: every object is reached only through a presigned URL signed by one of the
      // two function roles; with SSE-KMS each browser upload and each 5-minute download link would
      // also need kms:GenerateDataKey/Decrypt for the signer and a KMS call per request, while the
      // sensitive part (who may open a denouncer's document) is decided and audited in the app
      // before a link is signed. Public access is blocked and plain HTTP refused either way.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 's3/attachments/',
      // Documents are evidence: an overwrite or delete keeps the previous version in prod.
      versioned: props.protectData,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Uploads never completed, and what is left of refused ones (a deleted file's noncurrent
        // version in prod): gone in a day, so a refused .exe does not linger as evidence.
        {
          id: 'ExpirePendingUploads',
          prefix: PENDING_PREFIX,
          expiration: Duration.days(PENDING_EXPIRY_DAYS),
          ...(props.protectData ? { noncurrentVersionExpiration: Duration.days(PENDING_EXPIRY_DAYS) } : {}),
        },
        ...(props.protectData ? [{ noncurrentVersionExpiration: Duration.days(90) }] : []),
      ],
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: [...props.siteOrigins],
          allowedHeaders: ['content-type'],
          maxAge: 600,
        },
      ],
      removalPolicy,
    })
  }

  /**
   * The public function: presign uploads into pending/ (PutObject), check them (GetObject for the
   * range reads and HeadObject), refuse or move them (DeleteObject on pending/), and store checked
   * ones under cases/ (PutObject: the copy's destination and the no-JavaScript form). It cannot
   * read cases/: a bug in the public surface cannot hand out anyone's documents.
   */
  grantPetitionerUploads(fn: IFunction): void {
    this.attachPolicy(fn, [...UPLOAD_GRANTS, ['s3:GetObject', `${OUTGOING_PREFIX}*`]])
  }

  /**
   * The staff function: as the public one (the reception officer uploads), plus reading cases/ for
   * links, and issuing documents (staged in pending/, then moved to cases/ or outgoing/).
   */
  grantStaffAccess(fn: IFunction): void {
    this.attachPolicy(fn, [
      ...UPLOAD_GRANTS,
      ['s3:GetObject', `${CASES_PREFIX}*`],
      ['s3:PutObject', `${OUTGOING_PREFIX}*`],
      ['s3:GetObject', `${OUTGOING_PREFIX}*`],
    ])
  }

  /**
   * One policy of its own per function, holding only these object-prefix grants, so the IAM5
   * acknowledgement below covers them and nothing else the role may get later.
   */
  private attachPolicy(fn: IFunction, grants: readonly (readonly [string, string])[]): void {
    if (!fn.role) throw new Error('the function needs a role')
    const arnOf = (prefix: string) => `arn:${Aws.PARTITION}:s3:::${this.attachmentsBucketName}/${prefix}`
    const byAction = new Map<string, string[]>()
    for (const [action, prefix] of grants)
      byAction.set(action, [...(byAction.get(action) ?? []), arnOf(prefix)])
    const policy = new Policy(fn, 'AttachmentAccess', {
      statements: [...byAction].map(
        ([action, resources]) => new PolicyStatement({ actions: [action], resources }),
      ),
    })
    policy.attachToRole(fn.role)
    const reason =
      'Object keys are pending/<case>/<id> and cases/<case>/<id>, created per upload: the grant can only name the prefix. Each action is limited to the prefixes the function’s code uses (no ListBucket, no bucket-wide action, no other bucket).'
    // One acknowledgement per prefix, named exactly as cdk-nag names the finding.
    for (const prefix of new Set(grants.map(([, p]) => p)))
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(fn).resolve(arnOf(prefix)))}]`,
        reason,
      })
  }
}

const UPLOAD_GRANTS = [
  ['s3:PutObject', `${PENDING_PREFIX}*`],
  ['s3:GetObject', `${PENDING_PREFIX}*`],
  ['s3:DeleteObject', `${PENDING_PREFIX}*`],
  ['s3:PutObject', `${CASES_PREFIX}*`],
] as const
