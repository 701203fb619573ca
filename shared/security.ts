/**
 * Secrets of the citizen surface: tracking codes, PINs and the sealing of identity fields.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  randomInt,
  scrypt,
  timingSafeEqual,
} from 'node:crypto'
import { promisify } from 'node:util'
import { TRACKING_CODE_RANDOM_BYTES, trackingCodeFromBytes } from './domain/tracking-code.js'

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>

export function newTrackingCode(): string {
  return trackingCodeFromBytes(randomBytes(TRACKING_CODE_RANDOM_BYTES))
}

/** 8 digits: easy to write down, 10^8 possibilities behind a lock-out (store/pin-guard.ts). */
export function newPin(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0')
}

// The scheme of before: scrypt, N=2^14, r=8 (~30–50 ms, 16 MiB per check). Slow for a stolen table,
// yet 10^8 PINs are searched offline anyway; kept to verify old hashes and where no key is set.
const SCRYPT = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const HASH_LENGTH = 32

/** `scrypt$N$r$p$salt$hash`: the old scheme (see createPinHasher). */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(pin, salt, HASH_LENGTH, SCRYPT)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`
}

/** A well-formed hash of no PIN: verifying against it costs the same as a real check. */
export const DECOY_PIN_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(HASH_LENGTH).toString('base64url')}`

/** Constant-time comparison; always does the full scrypt work, even for a malformed stored hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  const valid = parts.length === 6 && parts[0] === 'scrypt'
  const [, n, r, p, saltText, hashText] = valid ? parts : DECOY_PIN_HASH.split('$')
  const expected = Buffer.from(hashText!, 'base64url')
  const actual = await scryptAsync(pin, Buffer.from(saltText!, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  })
  return valid && actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * PINs hashed with a key the table does not hold: `hmac$<salt>$<HMAC-SHA256(key, salt ‖ pin)>`.
 * A stolen table alone reveals no PIN (an offline search needs the key, which lives in the
 * function's KMS-encrypted environment or, on one machine, is derived from the local key file),
 * and a check costs microseconds instead of scrypt's tens of milliseconds per request.
 *
 * Hashes of the old scheme (scrypt) keep verifying; a successful check of one returns `upgrade`,
 * the new hash to store in its place. Without a key, the hasher keeps to scrypt: a random key per
 * process would make every PIN unverifiable after a restart.
 */
export interface PinHasher {
  hash(pin: string): Promise<string>
  /** Whether `pin` matches `stored` (undefined: no such case, checked against a decoy alike). */
  verify(pin: string, stored: string | undefined): Promise<{ ok: boolean; upgrade?: string }>
}

const HMAC_SCHEME = 'hmac'
const PIN_SALT_BYTES = 16

export function createPinHasher(key?: Uint8Array): PinHasher {
  if (!key) {
    return {
      hash: hashPin,
      verify: async (pin, stored) => ({ ok: await verifyPin(pin, stored ?? DECOY_PIN_HASH) }),
    }
  }
  if (key.length < 32) throw new RangeError('the PIN key must be at least 32 bytes')
  const secret = Buffer.from(key)
  const tag = (salt: Buffer, pin: string) => createHmac('sha256', secret).update(salt).update(pin).digest()
  const keyed = (salt: Buffer, pin: string) =>
    `${HMAC_SCHEME}$${salt.toString('base64url')}$${tag(salt, pin).toString('base64url')}`
  const decoy = keyed(Buffer.alloc(PIN_SALT_BYTES), '')

  async function hash(pin: string): Promise<string> {
    return keyed(randomBytes(PIN_SALT_BYTES), pin)
  }
  return {
    hash,
    async verify(pin, stored) {
      if (stored?.startsWith('scrypt$')) {
        const ok = await verifyPin(pin, stored)
        return ok ? { ok, upgrade: await hash(pin) } : { ok }
      }
      const parts = (stored ?? decoy).split('$')
      const valid = stored !== undefined && parts.length === 3 && parts[0] === HMAC_SCHEME
      const [, saltText, tagText] = valid ? parts : decoy.split('$')
      const expected = Buffer.from(tagText!, 'base64url')
      const actual = tag(Buffer.from(saltText!, 'base64url'), pin)
      return { ok: valid && actual.length === expected.length && timingSafeEqual(actual, expected) }
    },
  }
}

/**
 * Seals and opens identity fields. On one machine a local AES-256-GCM key; in AWS the same
 * interface over KMS data keys (envelope encryption).
 */
export interface Sealer {
  seal(plaintext: string): Promise<string>
  open(sealed: string): Promise<string>
}

/** AES-256-GCM with a 32-byte key: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function createLocalSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new RangeError('the identity key must be 32 bytes')
  return {
    async seal(plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        ct.toString('base64url'),
      ].join('.')
    },
    async open(sealed) {
      const [version, iv, tag, ct] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}
