import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { createS3BlobStore } from '../../shared/blobs/s3.js'

const client = new S3Client({
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
})
const s3 = mockClient(client)
const store = createS3BlobStore({ client, bucket: 'tiepdan-dev-attachments-123456789012' })
const key = 'pending/ABCD1234EFGH/0f8fad5b-d9cb-469f-a165-70867728950e'

afterEach(() => s3.reset())

describe('the S3 blob store', () => {
  it('presigns a PUT for exactly the declared type and size, for ten minutes', async () => {
    const upload = await store.presignPut(key, {
      contentType: 'application/pdf',
      contentLength: 1234,
      expiresInSeconds: 600,
    })
    const url = new URL(upload.url)

    expect(url.hostname).toBe('tiepdan-dev-attachments-123456789012.s3.ap-southeast-1.amazonaws.com')
    expect(url.pathname).toBe(`/${key}`)
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600')
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    )
    expect(url.searchParams.has('x-amz-checksum-crc32')).toBe(false)
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf' } })
  })

  it('presigns a 5-minute download that is saved as an attachment, never shown inline', async () => {
    const url = new URL(
      await store.presignGet(key.replace('pending', 'cases'), {
        filename: 'Đơn.pdf',
        contentType: 'application/pdf',
        expiresInSeconds: 300,
      }),
    )

    expect(url.searchParams.get('X-Amz-Expires')).toBe('300')
    expect(url.searchParams.get('response-content-disposition')).toMatch(/^attachment; filename="Don.pdf"/)
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf')
  })

  it('reads a byte range for the content check', async () => {
    s3.on(GetObjectCommand).resolves({
      // What the SDK's stream mixin offers; the store uses only this.
      Body: { transformToByteArray: async () => new TextEncoder().encode('%PDF-1.4') } as never,
    })

    const bytes = await store.readRange(key, 0, 15)

    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.4')
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toMatchObject({
      Key: key,
      Range: 'bytes=0-15',
    })
  })

  it('reports a missing upload (404, or 403 without ListBucket) as no size', async () => {
    s3.on(HeadObjectCommand)
      .rejectsOnce({ name: 'NotFound', $metadata: { httpStatusCode: 404 } })
      .rejectsOnce({ name: 'Forbidden', $metadata: { httpStatusCode: 403 } })
      .resolves({ ContentLength: 42 })

    expect(await store.size(key)).toBeUndefined()
    expect(await store.size(key)).toBeUndefined()
    expect(await store.size(key)).toBe(42)
  })

  it('deletes a refused upload, and moves a verified one out of pending/', async () => {
    s3.on(DeleteObjectCommand).resolves({})
    s3.on(CopyObjectCommand).resolves({})

    await store.delete(key)
    await store.move(key, key.replace('pending', 'cases'))

    const deletes = s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.Key)
    expect(deletes).toEqual([key, key])
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input).toMatchObject({
      Key: key.replace('pending', 'cases'),
      CopySource: `tiepdan-dev-attachments-123456789012/${key}`,
    })
  })

  it('refuses keys outside the two prefixes before calling S3', async () => {
    await expect(store.delete('../../etc')).rejects.toThrow('invalid blob key')
    expect(s3.calls()).toHaveLength(0)
  })
})
