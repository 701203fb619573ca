/**
 * How staff sign in: the Cognito hosted UI with the authorization-code flow and PKCE (AWS), or the
 * dev sign-in (one machine: pick a demo user). Either way the result is an access token that the
 * same verifier checks; the pages never trust anything else.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { User } from '../../shared/store/users.js'

export interface CognitoSignIn {
  readonly kind: 'cognito'
  /** The hosted UI's base address, e.g. https://tiep-dan-dev.auth.ap-southeast-1.amazoncognito.com */
  readonly domain: string
  readonly clientId: string
  /** This site's /staff/auth/callback, exactly as registered on the app client. */
  readonly redirectUri: string
  /** Where the browser lands after signing out (registered as a sign-out URL), if any. */
  readonly logoutUri?: string
  /** The token endpoint call; a test passes its own. */
  readonly fetch?: typeof fetch
}

export interface DevSignIn {
  readonly kind: 'dev'
  listUsers(): Promise<readonly User[]>
  /** Issues a token for the user (the local issuer). */
  issue(userId: string): Promise<string>
}

export type SignInProvider = CognitoSignIn | DevSignIn

export interface PkceStart {
  readonly url: string
  /** Kept in a short-lived cookie until the callback: verifier, state, return path. */
  readonly cookie: string
}

const b64url = (bytes: Buffer) => bytes.toString('base64url')

/** The hosted UI address for a new sign-in, and what to keep until the callback. */
export function startCognitoSignIn(p: CognitoSignIn, returnTo: string, lang: 'vi' | 'en'): PkceStart {
  const verifier = b64url(randomBytes(32))
  const state = b64url(randomBytes(16))
  const challenge = b64url(createHash('sha256').update(verifier).digest())
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    lang,
  })
  return {
    url: `${p.domain.replace(/\/$/, '')}/oauth2/authorize?${query}`,
    cookie: JSON.stringify({ v: verifier, s: state, r: returnTo }),
  }
}

export function readPkceCookie(value: string | undefined): { v: string; s: string; r: string } | undefined {
  if (!value) return undefined
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>
    if (typeof parsed.v === 'string' && typeof parsed.s === 'string' && typeof parsed.r === 'string')
      return { v: parsed.v, s: parsed.s, r: parsed.r }
  } catch {
    // a damaged cookie is no cookie
  }
  return undefined
}

/** Exchanges the code at the token endpoint; the access token is what the staff API verifies. */
export async function exchangeCognitoCode(p: CognitoSignIn, code: string, verifier: string): Promise<string> {
  const res = await (p.fetch ?? fetch)(`${p.domain.replace(/\/$/, '')}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: p.clientId,
      code,
      redirect_uri: p.redirectUri,
      code_verifier: verifier,
    }).toString(),
  })
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`)
  const body = (await res.json()) as { access_token?: unknown }
  if (typeof body.access_token !== 'string') throw new Error('no access token in the answer')
  return body.access_token
}

export function cognitoLogoutUrl(p: CognitoSignIn): string | undefined {
  if (!p.logoutUri) return undefined
  return `${p.domain.replace(/\/$/, '')}/logout?${new URLSearchParams({ client_id: p.clientId, logout_uri: p.logoutUri })}`
}
