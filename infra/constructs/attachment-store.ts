/**
 * The attachments bucket (petition documents, later uploaded through presigned requests) and the
 * bucket that receives access logs: the attachments bucket's server access logs and CloudFront's
 * standard logs. Both block public access and refuse plain HTTP.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface AttachmentStoreProps {
  /** Keep both buckets (and version attachments) when the stack goes (prod). */
  readonly protectData: boolean
  /** How long access logs are kept. */
  readonly logRetentionDays: number
}

export class AttachmentStore extends Construct {
  readonly attachments: Bucket
  readonly accessLogs: Bucket

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

    this.attachments = new Bucket(this, 'Attachments', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 's3/attachments/',
      // Documents are evidence: an overwrite or delete keeps the previous version in prod.
      versioned: props.protectData,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        ...(props.protectData ? [{ noncurrentVersionExpiration: Duration.days(90) }] : []),
      ],
      removalPolicy,
    })
  }
}
