/**
 * Staff authentication: a JWT verified by the app with `jose` (issuer, audience, expiry,
 * signature against a JWKS). In AWS the JWKS is the Cognito user pool's; on one machine the local
 * issuer's (local/identity.ts). There is one verification path for both.
 */
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { User, UserStore } from '../store/users.js'

export interface TokenVerifier {
  /** The user id the token was issued to; throws when the token is not valid. */
  verify(token: string): Promise<string>
}

export interface JwtVerifierOptions {
  readonly keys: JWTVerifyGetKey
  readonly issuer: string
  /** The app client: matched against `aud` (the local issuer) or `client_id` (Cognito access tokens). */
  readonly audience: string
  /** The claim holding the user id (`sub` locally, `username` or `sub` for Cognito). */
  readonly userIdClaim?: string
}

export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const claim = options.userIdClaim ?? 'sub'
  return {
    async verify(token) {
      const { payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        algorithms: ['ES256', 'RS256'],
        clockTolerance: 30,
        requiredClaims: ['exp'],
      })
      // Cognito access tokens name the app client in `client_id` and carry no `aud`.
      const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? [])
      if (!audiences.includes(options.audience) && payload.client_id !== options.audience)
        throw new Error('the token is for another audience')
      // A Cognito ID token is not an API credential: access tokens say token_use=access.
      if (payload.token_use !== undefined && payload.token_use !== 'access')
        throw new Error('not an access token')
      const id = payload[claim]
      if (typeof id !== 'string' || id.length === 0) throw new Error(`token has no ${claim}`)
      return id
    },
  }
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
    } catch {
      throw new HTTPException(401, { message: 'the token is not valid or has expired' })
    }
    const user = await users.getUser(userId)
    if (!user?.active) throw new HTTPException(401, { message: 'the account does not exist or is disabled' })
    c.set('user', user)
    await next()
  }
}
