import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { createJwtVerifier, type TokenVerifier } from '../../shared/http/auth.js'

const ISSUER = 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_TEST'
const CLIENT = 'staff-web-client'

let sign: (
  claims: Record<string, unknown>,
  options?: { issuer?: string; audience?: string; expiresIn?: string },
) => Promise<string>
let verifier: TokenVerifier

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }
  verifier = createJwtVerifier({
    keys: createLocalJWKSet({ keys: [jwk] }),
    issuer: ISSUER,
    audience: CLIENT,
    userIdClaim: 'username',
  })
  sign = (claims, options = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.issuer ?? ISSUER)
      .setIssuedAt()
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
})
