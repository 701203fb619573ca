/** The attachment service on AWS: the private bucket through presigned requests (ATTACHMENTS_BUCKET). */
import type { BlobStore } from '../shared/blobs/blob-store.js'
import type { LambdaConfig } from '../shared/config.js'
import { onFirstUse } from '../shared/lazy.js'
import { createVirusScanner } from '../shared/scanning/clamav.js'
import { parseScannerSetting } from '../shared/scanning/virus-scanner.js'
import { type AttachmentServiceDeps, createAttachmentService } from '../shared/service/attachments.js'
import type { Services } from '../shared/service/context.js'

/** The private bucket as a blob store, its client loaded on first use; none without a bucket. */
export function s3Blobs(config: LambdaConfig, services: Services): BlobStore | undefined {
  const bucket = config.ATTACHMENTS_BUCKET
  if (!bucket) return undefined
  // The S3 client and presigner (~110 KB) load with the first attachment call, not at cold start.
  const store = onFirstUse(async () => {
    const [{ S3Client }, { createS3BlobStore }] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('../shared/blobs/s3.js'),
    ])
    return createS3BlobStore({
      client: new S3Client({
        region: config.AWS_REGION,
        // No SDK-added checksum in presigned PUTs: a browser cannot compute the CRC the URL would demand.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
      bucket,
      now: services.now,
    })
  })
  return {
    presignPut: async (...a) => (await store()).presignPut(...a),
    presignGet: async (...a) => (await store()).presignGet(...a),
    size: async (...a) => (await store()).size(...a),
    readRange: async (...a) => (await store()).readRange(...a),
    put: async (...a) => (await store()).put(...a),
    move: async (...a) => (await store()).move(...a),
    delete: async (...a) => (await store()).delete(...a),
  }
}

export function s3Attachments(
  config: LambdaConfig,
  services: Services,
  petitions: AttachmentServiceDeps['petitions'],
  blobs: BlobStore | undefined = s3Blobs(config, services),
) {
  if (!blobs) return undefined
  const scanner = createVirusScanner(parseScannerSetting(config.VIRUS_SCANNER))
  return createAttachmentService({ services, petitions, blobs, scanner })
}
