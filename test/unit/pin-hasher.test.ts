import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createPinHasher, hashPin } from '../../shared/security.js'

const key = randomBytes(32)

describe('PIN hashes under a key (createPinHasher)', () => {
  const pins = createPinHasher(key)

  it('verifies the right PIN and refuses any other, each hash salted', async () => {
    const a = await pins.hash('12345678')
    const b = await pins.hash('12345678')
    expect(a).toMatch(/^hmac\$[\w-]{22}\$[\w-]{43}$/)
    expect(a).not.toBe(b)
    expect(await pins.verify('12345678', a)).toEqual({ ok: true })
    expect(await pins.verify('12345679', a)).toEqual({ ok: false })
    expect(await pins.verify('', a)).toEqual({ ok: false })
  })

  it('reveals nothing to whoever holds the table but not the key', async () => {
    const stored = await pins.hash('00424242')
    const thief = createPinHasher(randomBytes(32))
    expect((await thief.verify('00424242', stored)).ok).toBe(false)
  })

  it('refuses unknown codes (no stored hash) and malformed hashes without throwing', async () => {
    for (const stored of [undefined, '', 'hmac$', 'hmac$x$y', 'plain', 'hmac$$$'])
      expect((await pins.verify('12345678', stored)).ok).toBe(false)
  })

  it('keeps verifying an old scrypt hash and hands back its replacement under the key', async () => {
    const old = await hashPin('87654321')
    const right = await pins.verify('87654321', old)
    expect(right.ok).toBe(true)
    expect(right.upgrade).toMatch(/^hmac\$/)
    expect(await pins.verify('87654321', right.upgrade)).toEqual({ ok: true })
    expect(await pins.verify('87654320', old)).toEqual({ ok: false })
  })

  it('refuses a short key', () => {
    expect(() => createPinHasher(randomBytes(16))).toThrow(/32 bytes/)
  })
})

describe('without a key', () => {
  it('keeps to scrypt, never a per-process random key', async () => {
    const pins = createPinHasher()
    const stored = await pins.hash('12345678')
    expect(stored).toMatch(/^scrypt\$/)
    expect(await pins.verify('12345678', stored)).toEqual({ ok: true })
  })
})
