import { Hono } from 'hono'
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createJwtVerifier,
  InvalidTokenError,
  ISSUED_AT_SKEW_SECONDS,
  requireUser,
  type StaffEnv,
  type TokenVerifier,
} from '../../shared/http/auth.js'
import type { RevokedSessions } from '../../shared/store/sessions.js'

const ISSUER = 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST'
const CLIENT = 'staff-web-client'

let sign: (
  claims: Record<string, unknown>,
  options?: { issuer?: string; audience?: string; expiresIn?: string; issuedAt?: number },
) => Promise<string>
let verifier: TokenVerifier
let publicJwk: JWK
/** The revocation list the verifier reads: in memory, with every write it was asked to make. */
const ended = new Map<string, number>()
const writes: string[] = []
const revoked: RevokedSessions = {
  isRevoked: async (id) => ended.has(id),
  revoke: async (id, until) => {
    writes.push(id)
    ended.set(id, until)
  },
}
const nowSeconds = () => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }
  verifier = createJwtVerifier({
    keys: createLocalJWKSet({ keys: [publicJwk] }),
    issuer: ISSUER,
    audience: CLIENT,
    userIdClaim: 'username',
    revoked,
  })
  sign = (claims, options = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.issuer ?? ISSUER)
      .setIssuedAt(options.issuedAt)
      .setExpirationTime(options.expiresIn ?? '1h')
    if (options.audience) jwt.setAudience(options.audience)
    return jwt.sign(privateKey)
  }
})

describe('staff token verification', () => {
  it('accepts a Cognito access token for our app client and reads the user from its username', async () => {
    const token = await sign({ token_use: 'access', client_id: CLIENT, username: 'btc.canbo' })
    await expect(verifier.verify(token)).resolves.toBe('btc.canbo')
  })

  it('accepts a token whose audience is our client (the local issuer’s form)', async () => {
    const token = await sign({ username: 'btc.canbo' }, { audience: CLIENT })
    await expect(verifier.verify(token)).resolves.toBe('btc.canbo')
  })

  it.each([
    ['another app client', { token_use: 'access', client_id: 'someone-else', username: 'u' }, {}],
    ['another audience', { username: 'u' }, { audience: 'another-api' }],
    [
      'another issuer',
      { token_use: 'access', client_id: CLIENT, username: 'u' },
      { issuer: 'https://evil.example' },
    ],
    ['an ID token used as an API credential', { token_use: 'id', client_id: CLIENT, username: 'u' }, {}],
    ['an expired token', { token_use: 'access', client_id: CLIENT, username: 'u' }, { expiresIn: '-2m' }],
    ['a token without the user claim', { token_use: 'access', client_id: CLIENT }, {}],
  ] as const)('refuses %s', async (_name, claims, options) => {
    const token = await sign({ ...claims }, options)
    await expect(verifier.verify(token)).rejects.toThrow()
  })

  it('refuses a token signed with another key, and one that is not a JWT', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const forged = await new SignJWT({ token_use: 'access', client_id: CLIENT, username: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setExpirationTime('1h')
      .sign(privateKey)
    await expect(verifier.verify(forged)).rejects.toThrow()
    await expect(verifier.verify('not.a.jwt')).rejects.toThrow()
  })

  it('refuses a token issued in the future beyond the clock skew, and accepts one within it', async () => {
    const claims = { token_use: 'access', client_id: CLIENT, username: 'btc.canbo' }
    const ahead = await sign(claims, { issuedAt: nowSeconds() + ISSUED_AT_SKEW_SECONDS + 60 })
    const slightlyAhead = await sign(claims, { issuedAt: nowSeconds() + ISSUED_AT_SKEW_SECONDS - 30 })

    await expect(verifier.verify(ahead)).rejects.toThrow(/future/)
    await expect(verifier.verify(slightlyAhead)).resolves.toBe('btc.canbo')
  })

  it('refuses a token without an issue time', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' }
    const strict = createJwtVerifier({
      keys: createLocalJWKSet({ keys: [jwk] }),
      issuer: ISSUER,
      audience: CLIENT,
      revoked,
    })
    const token = await new SignJWT({ aud: CLIENT, sub: 'btc.canbo' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
      .setIssuer(ISSUER)
      .setExpirationTime('1h')
      .sign(privateKey)

    await expect(strict.verify(token)).rejects.toThrow()
  })
})

describe('ending a session', () => {
  it('refuses a revoked token from then on, and keeps the record past its expiry', async () => {
    const token = await sign({ token_use: 'access', client_id: CLIENT, username: 'btc.canbo', jti: 'a-1' })
    await expect(verifier.verify(token)).resolves.toBe('btc.canbo')

    await verifier.revoke(token)

    await expect(verifier.verify(token)).rejects.toThrow(/ended/)
    const [until] = [...ended.values()].slice(-1)
    expect(until).toBeGreaterThan(nowSeconds() + 3600)
  })

  it('ends every token of the same sign-in (origin_jti) and no other session of the same user', async () => {
    const claims = { token_use: 'access', client_id: CLIENT, username: 'btc.truong' }
    const first = await sign({ ...claims, jti: 'b-1', origin_jti: 'sign-in-b' })
    const refreshed = await sign({ ...claims, jti: 'b-2', origin_jti: 'sign-in-b' })
    const otherDevice = await sign({ ...claims, jti: 'c-1', origin_jti: 'sign-in-c' })

    await verifier.revoke(first)

    await expect(verifier.verify(refreshed)).rejects.toThrow(/ended/)
    await expect(verifier.verify(otherDevice)).resolves.toBe('btc.truong')
  })

  it('ends a token that carries no id by the token itself', async () => {
    const claims = { token_use: 'access', client_id: CLIENT, username: 'giamsat' }
    const token = await sign(claims)
    const another = await sign(claims, { expiresIn: '2h' })

    await verifier.revoke(token)

    await expect(verifier.verify(token)).rejects.toThrow(/ended/)
    await expect(verifier.verify(another)).resolves.toBe('giamsat')
  })

  it('writes nothing for a token that does not verify', async () => {
    const before = writes.length
    const expired = await sign(
      { token_use: 'access', client_id: CLIENT, username: 'u' },
      { expiresIn: '-2m' },
    )

    await verifier.revoke(expired)
    await verifier.revoke('not.a.jwt')

    expect(writes.length).toBe(before)
  })
})

describe('when the list of ended sessions cannot be read', () => {
  it('fails the request as a store failure, never as a bad token (no 401)', async () => {
    const outage = new Error('ThrottlingException')
    const failing = createJwtVerifier({
      keys: createLocalJWKSet({ keys: [publicJwk] }),
      issuer: ISSUER,
      audience: CLIENT,
      userIdClaim: 'username',
      revoked: { isRevoked: () => Promise.reject(outage), revoke: async () => {} },
    })
    const app = new Hono<StaffEnv>()
    app.use('*', requireUser(failing, { getUser: async () => undefined } as never))
    app.get('/x', (c) => c.text('ok'))
    app.onError((error, c) => c.text(error === outage ? 'store' : 'other', error === outage ? 503 : 500))
    const token = await sign({ token_use: 'access', client_id: CLIENT, username: 'btc.canbo' })

    await expect(failing.verify(token)).rejects.toBe(outage)
    await expect(failing.verify('not.a.jwt')).rejects.toBeInstanceOf(InvalidTokenError)
    const res = await app.request('/x', { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(503)
  })
})
