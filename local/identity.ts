/**
 * The one-machine token issuer: an ES256 key pair kept in the data folder, a local JWKS, and
 * tokens for the seeded users. The staff app verifies these exactly as it verifies Cognito's, and
 * each carries its own `jti` (as Cognito's do), so signing out ends that session and no other.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose'
import { createJwtVerifier, type TokenVerifier } from '../shared/http/auth.js'
import type { RevokedSessions } from '../shared/store/sessions.js'

export const LOCAL_ISSUER = 'urn:tiep-dan:local-issuer'
export const LOCAL_AUDIENCE = 'tiep-dan-staff'

export interface LocalIdentity {
  readonly verifier: TokenVerifier
  issue(userId: string, ttlSeconds?: number): Promise<string>
}

export async function loadLocalIdentity(dataDir: string, revoked: RevokedSessions): Promise<LocalIdentity> {
  const file = join(dataDir, 'auth-key.json')
  let privateJwk: JWK
  let publicJwk: JWK
  if (existsSync(file)) {
    ;({ privateJwk, publicJwk } = JSON.parse(await readFile(file, 'utf8')) as {
      privateJwk: JWK
      publicJwk: JWK
    })
  } else {
    const pair = await generateKeyPair('ES256', { extractable: true })
    privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'local-1', alg: 'ES256' }
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'local-1', alg: 'ES256', use: 'sig' }
    await mkdir(dataDir, { recursive: true })
    await writeFile(file, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 })
  }
  const privateKey = await importJWK(privateJwk, 'ES256')
  const verifier = createJwtVerifier({
    keys: createLocalJWKSet({ keys: [publicJwk] }),
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    revoked,
  })
  return {
    verifier,
    issue: (userId, ttlSeconds = 12 * 3600) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'local-1' })
        .setSubject(userId)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey),
  }
}

/** The local identity-field key (32 random bytes), created once in the data folder. */
export async function loadLocalIdentityKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'identity.key')
  if (existsSync(file)) return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')
  const { randomBytes } = await import('node:crypto')
  const key = randomBytes(32)
  await mkdir(dataDir, { recursive: true })
  await writeFile(file, key.toString('base64'), { mode: 0o600 })
  return key
}
