/** The attachment service on AWS: the private bucket through presigned requests (ATTACHMENTS_BUCKET). */
import { S3Client } from '@aws-sdk/client-s3'
import { createS3BlobStore } from '../shared/blobs/s3.js'
import type { LambdaConfig } from '../shared/config.js'
import { type AttachmentServiceDeps, createAttachmentService } from '../shared/service/attachments.js'
import type { Services } from '../shared/service/context.js'

export function s3Attachments(
  config: LambdaConfig,
  services: Services,
  petitions: AttachmentServiceDeps['petitions'],
) {
  if (!config.ATTACHMENTS_BUCKET) return undefined
  const client = new S3Client({
    region: config.AWS_REGION,
    // No SDK-added checksum in presigned PUTs: a browser cannot compute the CRC the URL would demand.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return createAttachmentService({
    services,
    petitions,
    blobs: createS3BlobStore({ client, bucket: config.ATTACHMENTS_BUCKET, now: services.now }),
  })
}
