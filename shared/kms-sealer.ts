/**
 * Envelope encryption of identity fields with AWS KMS: a data key from GenerateDataKey seals the
 * fields with AES-256-GCM; the KMS-encrypted data key travels with the ciphertext. Data keys are
 * reused for a bounded time and number of messages (as the AWS Encryption SDK's caching does), so
 * a submission does not pay a KMS call, and decrypted keys are cached for reading.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { KMSClient } from '@aws-sdk/client-kms'
import { onFirstUse } from './lazy.js'
import type { SealingPurpose } from './sealing.js'
import type { Sealer } from './security.js'

const KEY_REUSE_MS = 5 * 60_000
const KEY_REUSE_MESSAGES = 1_000
const OPEN_CACHE_ENTRIES = 256

export interface KmsSealerOptions {
  readonly keyId: string
  /** The encryption context's purpose: data keys of one purpose never open another's values. */
  readonly purpose: SealingPurpose
  readonly client?: KMSClient
  readonly now?: () => number
}

export function createKmsSealer(options: KmsSealerOptions): Sealer {
  // The KMS client module loads on the first seal or open, not at start: most requests do neither
  // (data keys are reused and opened keys cached), and a cold start should not parse it for them.
  const kmsSdk = onFirstUse(async () => {
    const sdk = await import('@aws-sdk/client-kms')
    return { sdk, kms: options.client ?? new sdk.KMSClient({}) }
  })
  const now = options.now ?? Date.now
  const CONTEXT = { purpose: options.purpose }
  const AAD = Buffer.from(options.purpose)
  let current: { key: Buffer; encrypted: string; createdAt: number; uses: number } | undefined
  const opened = new Map<string, Buffer>()

  async function dataKey() {
    if (!current || current.uses >= KEY_REUSE_MESSAGES || now() - current.createdAt > KEY_REUSE_MS) {
      const { sdk, kms } = await kmsSdk()
      const out = await kms.send(
        new sdk.GenerateDataKeyCommand({
          KeyId: options.keyId,
          KeySpec: 'AES_256',
          EncryptionContext: CONTEXT,
        }),
      )
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key')
      current = {
        key: Buffer.from(out.Plaintext),
        encrypted: Buffer.from(out.CiphertextBlob).toString('base64url'),
        createdAt: now(),
        uses: 0,
      }
      // What this instance sealed it opens without asking KMS to decrypt its own data key.
      remember(current.encrypted, current.key)
    }
    current.uses++
    return current
  }

  async function keyFor(encrypted: string): Promise<Buffer> {
    const hit = opened.get(encrypted)
    if (hit) return hit
    const { sdk, kms } = await kmsSdk()
    const out = await kms.send(
      new sdk.DecryptCommand({
        CiphertextBlob: Buffer.from(encrypted, 'base64url'),
        EncryptionContext: CONTEXT,
        KeyId: options.keyId,
      }),
    )
    if (!out.Plaintext) throw new Error('KMS returned no plaintext key')
    const key = Buffer.from(out.Plaintext)
    remember(encrypted, key)
    return key
  }

  function remember(encrypted: string, key: Buffer) {
    if (opened.size >= OPEN_CACHE_ENTRIES) opened.delete(opened.keys().next().value as string)
    opened.set(encrypted, key)
  }

  return {
    async seal(plaintext) {
      const { key, encrypted } = await dataKey()
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(AAD)
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [
        'k1',
        encrypted,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        ct.toString('base64url'),
      ].join('.')
    },
    async open(sealed) {
      const [version, encrypted, iv, tag, ct] = sealed.split('.')
      if (version !== 'k1' || !encrypted || !iv || !tag || ct === undefined)
        throw new Error('not a KMS-sealed value')
      const decipher = createDecipheriv('aes-256-gcm', await keyFor(encrypted), Buffer.from(iv, 'base64url'))
      decipher.setAAD(AAD)
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}
