/**
 * The Lambda functions' configuration, read from the environment once at cold start and
 * validated, so a missing setting fails the deployment's first request loudly, not a later one.
 */
/**
 * One setting: `check` answers what is wrong with a value (undefined when it is fine); `fallback`
 * stands for an unset value. No zod here: the config is read at every cold start, before any route
 * needs a schema, and a handful of checks does not warrant loading the library for them.
 */
interface Setting<T> {
  readonly read: (value: string | undefined) => { value: T } | { error: string }
}

const isUrl = (v: string) => URL.canParse(v)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function text(rule: { min?: number; url?: boolean; email?: boolean } = {}) {
  return (v: string): string | undefined => {
    if (rule.min !== undefined && v.length < rule.min) return `at least ${rule.min} characters`
    if (rule.url && !isUrl(v)) return 'not a URL'
    if (rule.email && !EMAIL.test(v)) return 'not an e-mail address'
    return undefined
  }
}

const required = (check: (v: string) => string | undefined): Setting<string> => ({
  read: (v) => (v === undefined ? { error: 'required' } : errorOr(check(v), v)),
})
const optional = (
  check: (v: string) => string | undefined = () => undefined,
): Setting<string | undefined> => ({
  read: (v) => (v === undefined ? { value: undefined } : errorOr(check(v), v)),
})
const withDefault = <T extends string>(
  fallback: T,
  check: (v: string) => string | undefined = () => undefined,
): Setting<T> => ({
  read: (v) =>
    v === undefined ? { value: fallback } : (errorOr(check(v), v) as { value: T } | { error: string }),
})
const oneOf = <T extends string>(values: readonly T[], fallback: T): Setting<T> =>
  withDefault(fallback, (v) => (values.includes(v as T) ? undefined : `one of ${values.join(', ')}`))
const list: Setting<string[]> = {
  read: (v) => ({
    value: v
      ? v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : [],
  }),
}

function errorOr(error: string | undefined, value: string): { value: string } | { error: string } {
  return error === undefined ? { value } : { error }
}

const lambdaEnv = {
  TABLE_NAME: required(text({ min: 3 })),
  AWS_REGION: withDefault('ap-southeast-1', text({ min: 1 })),
  LOG_LEVEL: oneOf(['DEBUG', 'INFO', 'WARN', 'ERROR'] as const, 'INFO'),
  /** Issuer and audience of staff tokens (the Cognito user pool and its app client). */
  AUTH_ISSUER: optional(text({ url: true })),
  AUTH_AUDIENCE: optional(text({ min: 1 })),
  /** The Cognito hosted UI's base address and this site's callback (the staff pages' sign-in). */
  AUTH_DOMAIN: optional(text({ url: true })),
  STAFF_CALLBACK_URL: optional(text({ url: true })),
  /** The KMS key that wraps the data keys sealing identity fields (envelope encryption). */
  IDENTITY_KMS_KEY_ID: required(text({ min: 1 })),
  /** Claim holding the user id in staff tokens: Cognito access tokens carry it in `username`. */
  AUTH_USER_CLAIM: withDefault('username', text({ min: 1 })),
  /** Secret salt for hashing client addresses in rate-limit items. */
  RATE_LIMIT_SALT: optional(text({ min: 16 })),
  /** Secret salt of the repeat index's keys (hashed identity numbers, names, contents). */
  REPEAT_KEY_SALT: optional(text({ min: 16 })),
  /** Origins allowed to call the public JSON API from a browser (CORS); none by default. */
  CORS_ORIGINS: list,
  /** The public address of the site (links in messages; the origin form posts must come from). */
  SITE_URL: withDefault('https://localhost', text({ url: true })),
  /** Further origins the pages are served from (e.g. the distribution's own name beside the custom domain). */
  SITE_ORIGINS: optional(),
  /** Verified SES sender and End User Messaging origination identity (the sweep). */
  EMAIL_SENDER: optional(text({ email: true })),
  SMS_ORIGIN: optional(text({ min: 1 })),
  ORG_NAME_VI: withDefault('Đảng ủy Khối các cơ quan Trung ương'),
  ORG_NAME_EN: withDefault('Party Committee of the Central Agencies Bloc'),
  /** The private bucket holding attachments (the API functions; presigned requests only). */
  ATTACHMENTS_BUCKET: optional(text({ min: 3 })),
  /**
   * The virus scanner documents pass before they leave `pending/` (shared/scanning/virus-scanner.ts):
   * e.g. `clamd:tcp://clamav.internal:3310` for a clamd service in the VPC. Unset: none, each
   * document kept unscanned with a warning.
   */
  VIRUS_SCANNER: optional(),
}

type Settings = typeof lambdaEnv
export type LambdaConfig = {
  -readonly [K in keyof Settings]: Settings[K] extends Setting<infer T> ? T : never
}

export function loadLambdaConfig(env: Record<string, string | undefined> = process.env): LambdaConfig {
  const config: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, setting] of Object.entries(lambdaEnv) as [string, Setting<unknown>][]) {
    const read = setting.read(env[name])
    if ('error' in read) problems.push(`${name}: ${read.error}`)
    else config[name] = read.value
  }
  if (problems.length) throw new Error(`invalid configuration: ${problems.join('; ')}`)
  return config as LambdaConfig
}

/**
 * Where the site's pages live, as browsers name them in `Origin`: SITE_URL's origin and any listed
 * in SITE_ORIGINS. In AWS the request host is API Gateway's, so this, not the request, says which
 * origin is ours (shared/http/app-base.ts).
 */
export function publicOrigins(config: Pick<LambdaConfig, 'SITE_URL' | 'SITE_ORIGINS'>): string[] {
  const listed = (config.SITE_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  return [...new Set([config.SITE_URL, ...listed].map((u) => new URL(u).origin))]
}
