/**
 * Staff authentication: a JWT verified by the app with `jose` (issuer, audience, expiry,
 * signature against a JWKS). In AWS the JWKS is the Cognito user pool's; on one machine the local
 * issuer's (local/identity.ts). There is one verification path for both, and it also refuses a
 * token whose session was ended by signing out (shared/store/sessions.ts), so the cookie pages,
 * the Bearer API and the export function all honour a sign-out.
 */
import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { RevokedSessions } from '../store/sessions.js'
import type { User, UserStore } from '../store/users.js'

/** Seconds a token's `exp` may have passed, by the issuer's clock against ours. */
export const EXPIRY_TOLERANCE_SECONDS = 30
/** Seconds a token's `iat` may lie ahead of our clock; further ahead, it was not issued by a sane clock. */
export const ISSUED_AT_SKEW_SECONDS = 60

/**
 * The token does not open a session: bad signature, issuer, audience or claims, expired, issued in
 * the future, or its session ended. Any other error from `verify` is the revocation list's store
 * failing (throttling, an outage): it must surface as such (503/500), never as a sign-in problem.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError'
}

export interface TokenVerifier {
  /**
   * The user id the token was issued to. Throws `InvalidTokenError` when the token is not valid or
   * its session has ended; any other error is the store's.
   */
  verify(token: string): Promise<string>
  /**
   * Ends the token's session: from now until the token expires, `verify` refuses it (and any other
   * token of the same sign-in). A token that does not verify is left alone: it opens nothing, and a
   * stranger's junk must cost no write.
   */
  revoke(token: string): Promise<void>
}

export interface JwtVerifierOptions {
  readonly keys: JWTVerifyGetKey
  readonly issuer: string
  /** The app client: matched against `aud` (the local issuer) or `client_id` (Cognito access tokens). */
  readonly audience: string
  /** The claim holding the user id (`sub` locally, `username` or `sub` for Cognito). */
  readonly userIdClaim?: string
  /** Sessions ended by signing out: one GetItem per verification. */
  readonly revoked: RevokedSessions
}

/**
 * The session a token belongs to: Cognito's `origin_jti` (shared by every access token of one
 * authentication), else `jti`, else the token itself; hashed with the issuer so the key is short,
 * uniform and names nothing.
 */
function sessionIdOf(payload: JWTPayload, token: string): string {
  const origin = typeof payload.origin_jti === 'string' ? payload.origin_jti : undefined
  const id = origin ?? (typeof payload.jti === 'string' && payload.jti ? payload.jti : `token:${token}`)
  return createHash('sha256').update(`${payload.iss}\n${id}`).digest('base64url')
}

export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const claim = options.userIdClaim ?? 'sub'
  async function check(token: string): Promise<{ userId: string; sessionId: string; exp: number }> {
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        algorithms: ['ES256', 'RS256'],
        clockTolerance: EXPIRY_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat'],
      }))
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'the token does not verify')
    }
    // jose checks `iat` only against a maximum age; a token from the future is refused here.
    if ((payload.iat as number) > Date.now() / 1000 + ISSUED_AT_SKEW_SECONDS)
      throw new InvalidTokenError('the token was issued in the future')
    // Cognito access tokens name the app client in `client_id` and carry no `aud`.
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? [])
    if (!audiences.includes(options.audience) && payload.client_id !== options.audience)
      throw new InvalidTokenError('the token is for another audience')
    // A Cognito ID token is not an API credential: access tokens say token_use=access.
    if (payload.token_use !== undefined && payload.token_use !== 'access')
      throw new InvalidTokenError('not an access token')
    const id = payload[claim]
    if (typeof id !== 'string' || id.length === 0) throw new InvalidTokenError(`token has no ${claim}`)
    return { userId: id, sessionId: sessionIdOf(payload, token), exp: payload.exp as number }
  }
  return {
    async verify(token) {
      const { userId, sessionId } = await check(token)
      if (await options.revoked.isRevoked(sessionId)) throw new InvalidTokenError('the session has ended')
      return userId
    },
    async revoke(token) {
      const session = await check(token).catch(ignoreInvalidToken)
      if (!session) return
      // Kept past `exp` by the tolerance the check allows, so the token is never valid unrecorded.
      await options.revoked.revoke(session.sessionId, session.exp + EXPIRY_TOLERANCE_SECONDS + 1, Date.now())
    },
  }
}

/** For `.catch`: an invalid token becomes `undefined`; a store failure is thrown on. */
export function ignoreInvalidToken(error: unknown): undefined {
  if (error instanceof InvalidTokenError) return undefined
  throw error
}

export type StaffEnv = { Variables: { user: User } }

/** Rejects the request with 401 unless it carries a valid token of an active user. */
export function requireUser(verifier: TokenVerifier, users: UserStore): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match) throw new HTTPException(401, { message: 'a Bearer token is required' })
    let userId: string
    try {
      userId = await verifier.verify(match[1]!)
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error
      throw new HTTPException(401, { message: 'the token is not valid or has expired' })
    }
    const user = await users.getUser(userId)
    if (!user?.active) throw new HTTPException(401, { message: 'the account does not exist or is disabled' })
    c.set('user', user)
    await next()
  }
}
