import { createRemoteJWKSet } from 'jose'
import type { LambdaConfig } from '../shared/config.js'
import { createJwtVerifier } from '../shared/http/auth.js'
import type { Services } from '../shared/service/context.js'

/** The staff token check of the staff and export functions: Cognito's keys, revoked sessions refused. */
export function staffVerifier(
  config: Pick<LambdaConfig, 'AUTH_USER_CLAIM'>,
  services: Services,
  auth: { readonly issuer: string; readonly audience: string },
) {
  return createJwtVerifier({
    keys: createRemoteJWKSet(new URL(`${auth.issuer}/.well-known/jwks.json`)),
    issuer: auth.issuer,
    audience: auth.audience,
    userIdClaim: config.AUTH_USER_CLAIM,
    revoked: services.sessions,
  })
}
