/**
 * The blob-store port: where attachment bytes live. S3 in AWS (presigned requests), a folder on one
 * machine (HMAC-signed URLs on the same port). Keys are opaque ids (`pending/<code>/<id>`,
 * `cases/<code>/<id>`), never a person's name.
 */

/** A presigned upload: the client sends exactly these headers and exactly `size` bytes. */
export interface PresignedUpload {
  readonly url: string
  readonly method: 'PUT'
  readonly headers: Record<string, string>
  readonly expiresAt: string
}

export interface BlobStore {
  /** A URL that accepts one PUT of exactly `contentLength` bytes of `contentType` until it expires. */
  presignPut(
    key: string,
    options: { contentType: string; contentLength: number; expiresInSeconds: number },
  ): Promise<PresignedUpload>
  /** A URL that downloads the blob as an attachment named `filename` until it expires. */
  presignGet(
    key: string,
    options: { filename: string; contentType: string; expiresInSeconds: number },
  ): Promise<string>
  /** The blob's size in bytes, or undefined when there is none. */
  size(key: string): Promise<number | undefined>
  /** Bytes `start` to `end` inclusive (clipped to the blob). */
  readRange(key: string, start: number, end: number): Promise<Uint8Array>
  /** Stores bytes directly (the no-JavaScript form posts through the server). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** Moves a verified upload out of `pending/` (where abandoned uploads expire). */
  move(from: string, to: string): Promise<void>
  /** Deletes; deleting what is not there is not an error. */
  delete(key: string): Promise<void>
}

/** A whole blob's bytes (the store reads ranges); undefined when there is none. */
export async function readBlob(blobs: BlobStore, key: string): Promise<Uint8Array | undefined> {
  const size = await blobs.size(key)
  if (size === undefined) return undefined
  return size === 0 ? new Uint8Array() : blobs.readRange(key, 0, size - 1)
}

/** Only these characters in a key: no path tricks on disk, nothing odd in a URL. */
export const BLOB_KEY_PATTERN = /^(pending|cases|outgoing)\/[0-9A-Z]{4,40}\/[0-9a-z-]{8,64}$/

export function assertBlobKey(key: string): void {
  if (!BLOB_KEY_PATTERN.test(key)) throw new Error('invalid blob key')
}

/** RFC 6266 Content-Disposition for a download: an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
