/**
 * The AWS blob store: a private S3 bucket reached only through presigned requests. The upload URL
 * signs the exact Content-Type and Content-Length (S3 refuses anything else); the download URL
 * lives minutes and makes the browser save the file, never render it inline on our origin.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { assertBlobKey, attachmentDisposition, type BlobStore } from './blob-store.js'

export interface S3BlobOptions {
  readonly client: S3Client
  readonly bucket: string
  readonly now?: () => Date
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  // Without s3:ListBucket (not granted: least privilege) S3 answers a HEAD on a missing key with
  // 403, not 404, so as not to reveal what exists: for HeadObject both mean "not uploaded".
  return (
    e.name === 'NotFound' ||
    e.name === 'NoSuchKey' ||
    e.$metadata?.httpStatusCode === 404 ||
    e.$metadata?.httpStatusCode === 403
  )
}

export function createS3BlobStore({ client, bucket, now = () => new Date() }: S3BlobOptions): BlobStore {
  return {
    async presignPut(key, { contentType, contentLength, expiresInSeconds }) {
      assertBlobKey(key)
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: contentLength,
      })
      const url = await getSignedUrl(client, command, {
        expiresIn: expiresInSeconds,
        // Both headers are part of the signature: a different type or size is refused by S3.
        signableHeaders: new Set(['content-type', 'content-length']),
      })
      return {
        url,
        method: 'PUT',
        headers: { 'content-type': contentType },
        expiresAt: new Date(now().getTime() + expiresInSeconds * 1000).toISOString(),
      }
    },
    async presignGet(key, { filename, contentType, expiresInSeconds }) {
      assertBlobKey(key)
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: attachmentDisposition(filename),
        ResponseContentType: contentType,
        ResponseCacheControl: 'private, no-store',
      })
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds })
    },
    async size(key) {
      assertBlobKey(key)
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        return head.ContentLength
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
    async readRange(key, start, end) {
      assertBlobKey(key)
      const out = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }),
      )
      if (!out.Body) return new Uint8Array(0)
      return out.Body.transformToByteArray()
    },
    async put(key, bytes, contentType) {
      assertBlobKey(key)
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
      )
    },
    async move(from, to) {
      assertBlobKey(from)
      assertBlobKey(to)
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: to,
          CopySource: `${bucket}/${from}`,
          MetadataDirective: 'COPY',
        }),
      )
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: from }))
    },
    async delete(key) {
      assertBlobKey(key)
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    },
  }
}
