/**
 * The one-machine blob store: files under `<DATA_DIR>/blobs`, uploaded and downloaded through URLs
 * on the same server port, each signed with an HMAC over the method, key, expiry and the exact
 * content type and length (as S3 signs them), and verified before any byte is read or written.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import { assertBlobKey, attachmentDisposition, BLOB_KEY_PATTERN, type BlobStore } from './blob-store.js'

export const LOCAL_BLOB_PREFIX = '/blobs/'

export interface LocalBlobOptions {
  /** The folder holding the blobs (`<DATA_DIR>/blobs`). */
  readonly dir: string
  /** The HMAC key (derived from the local identity key; never leaves the process). */
  readonly secret: Uint8Array | string
  /** The server's own address, known once it listens. */
  readonly baseUrl: () => string
  readonly now?: () => Date
}

export type SignedMethod = 'PUT' | 'GET'

export interface SignedFields {
  readonly method: SignedMethod
  readonly key: string
  /** Expiry, Unix seconds. */
  readonly exp: number
  /** PUT: the content type; GET: the content type to answer with. */
  readonly type: string
  /** PUT: the exact length; GET: 0. */
  readonly len: number
  /** GET: the download's filename; PUT: ''. */
  readonly name: string
}

export function signBlobRequest(secret: Uint8Array | string, f: SignedFields): string {
  return createHmac('sha256', secret)
    .update([f.method, f.key, String(f.exp), f.type, String(f.len), f.name].join('\n'))
    .digest('base64url')
}

export type BlobRefusal = 'bad_signature' | 'expired' | 'bad_key'

/** Checks a signed URL's query against the request; undefined when it may proceed. */
export function verifyBlobRequest(
  secret: Uint8Array | string,
  method: SignedMethod,
  key: string,
  query: URLSearchParams,
  nowMs: number,
): { ok: true; fields: SignedFields } | { ok: false; reason: BlobRefusal } {
  if (!BLOB_KEY_PATTERN.test(key)) return { ok: false, reason: 'bad_key' }
  const exp = Number(query.get('exp'))
  const len = Number(query.get('n') ?? '0')
  const fields: SignedFields = {
    method,
    key,
    exp,
    type: query.get('t') ?? '',
    len,
    name: query.get('d') ?? '',
  }
  const given = Buffer.from(query.get('sig') ?? '', 'base64url')
  const expected = Buffer.from(signBlobRequest(secret, fields), 'base64url')
  if (!Number.isSafeInteger(exp) || !Number.isSafeInteger(len) || given.length !== expected.length)
    return { ok: false, reason: 'bad_signature' }
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' }
  if (exp * 1000 <= nowMs) return { ok: false, reason: 'expired' }
  return { ok: true, fields }
}

export function createLocalBlobStore(options: LocalBlobOptions): BlobStore & { routes(): Hono } {
  const now = options.now ?? (() => new Date())
  const pathOf = (key: string) => {
    assertBlobKey(key)
    return join(options.dir, ...key.split('/'))
  }
  const signedUrl = (f: SignedFields) => {
    const q = new URLSearchParams({ exp: String(f.exp), t: f.type })
    if (f.method === 'PUT') q.set('n', String(f.len))
    else q.set('d', f.name)
    q.set('sig', signBlobRequest(options.secret, f))
    return `${options.baseUrl()}${LOCAL_BLOB_PREFIX}${f.key}?${q}`
  }
  const expiry = (seconds: number) => Math.floor(now().getTime() / 1000) + seconds

  const store: BlobStore & { routes(): Hono } = {
    async presignPut(key, { contentType, contentLength, expiresInSeconds }) {
      assertBlobKey(key)
      const exp = expiry(expiresInSeconds)
      return {
        url: signedUrl({ method: 'PUT', key, exp, type: contentType, len: contentLength, name: '' }),
        method: 'PUT',
        headers: { 'content-type': contentType },
        expiresAt: new Date(exp * 1000).toISOString(),
      }
    },
    async presignGet(key, { filename, contentType, expiresInSeconds }) {
      assertBlobKey(key)
      return signedUrl({
        method: 'GET',
        key,
        exp: expiry(expiresInSeconds),
        type: contentType,
        len: 0,
        name: filename,
      })
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size
      } catch {
        return undefined
      }
    },
    async readRange(key, start, end) {
      const handle = await open(pathOf(key), 'r')
      try {
        const size = (await handle.stat()).size
        const last = Math.min(end, size - 1)
        if (last < start) return new Uint8Array(0)
        const buffer = Buffer.alloc(last - start + 1)
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start)
        return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead)
      } finally {
        await handle.close()
      }
    },
    async put(key, bytes) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
      await writeFile(tmp, bytes)
      await rename(tmp, path)
    },
    async move(from, to) {
      const target = pathOf(to)
      await mkdir(dirname(target), { recursive: true })
      await rename(pathOf(from), target)
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
    routes() {
      const app = new Hono()
      const refuse = (status: 403 | 404 | 400 | 413, reason: string) =>
        new Response(JSON.stringify({ type: `/problems/${reason}`, status, detail: reason }), {
          status,
          headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
        })

      app.put(`${LOCAL_BLOB_PREFIX}*`, async (c) => {
        const key = c.req.path.slice(LOCAL_BLOB_PREFIX.length)
        const check = verifyBlobRequest(
          options.secret,
          'PUT',
          key,
          new URL(c.req.url).searchParams,
          now().getTime(),
        )
        if (!check.ok) return refuse(403, check.reason)
        // As S3 does with a signed Content-Type and Content-Length: the request must match.
        if ((c.req.header('content-type') ?? '') !== check.fields.type)
          return refuse(403, 'content_type_mismatch')
        const declared = c.req.header('content-length')
        if (declared !== undefined && Number(declared) !== check.fields.len)
          return refuse(403, 'content_length_mismatch')
        const body = c.req.raw.body
        if (!body) return refuse(400, 'empty_body')
        const path = pathOf(key)
        await mkdir(dirname(path), { recursive: true })
        const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
        const file = await open(tmp, 'w')
        let written = 0
        let tooLong = false
        try {
          for await (const chunk of body) {
            written += chunk.length
            if (written > check.fields.len) {
              tooLong = true
              break
            }
            await file.write(chunk)
          }
        } finally {
          await file.close()
        }
        if (tooLong || written !== check.fields.len) {
          await rm(tmp, { force: true })
          return refuse(tooLong ? 413 : 400, 'content_length_mismatch')
        }
        await rename(tmp, path)
        return c.body(null, 200)
      })

      app.get(`${LOCAL_BLOB_PREFIX}*`, async (c) => {
        const key = c.req.path.slice(LOCAL_BLOB_PREFIX.length)
        const check = verifyBlobRequest(
          options.secret,
          'GET',
          key,
          new URL(c.req.url).searchParams,
          now().getTime(),
        )
        if (!check.ok) return refuse(403, check.reason)
        const size = await store.size(key)
        if (size === undefined) return refuse(404, 'not_found')
        const stream = Readable.toWeb(createReadStream(pathOf(key)))
        return new Response(stream, {
          status: 200,
          headers: {
            'content-type': check.fields.type,
            'content-length': String(size),
            'content-disposition': attachmentDisposition(check.fields.name),
            'cache-control': 'private, no-store',
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'; sandbox",
          },
        })
      })
      return app
    },
  }
  return store
}
