/**
 * The Lambda functions' configuration, read from the environment once at cold start and
 * validated, so a missing setting fails the deployment's first request loudly, not a later one.
 */
import * as z from 'zod'

const lambdaEnv = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** Issuer and audience of staff tokens (the Cognito user pool and its app client). */
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** The Cognito hosted UI's base address and this site's callback (the staff pages' sign-in). */
  AUTH_DOMAIN: z.string().url().optional(),
  STAFF_CALLBACK_URL: z.string().url().optional(),
  /** The KMS key that wraps the data keys sealing identity fields (envelope encryption). */
  IDENTITY_KMS_KEY_ID: z.string().min(1),
  /** Claim holding the user id in staff tokens: Cognito access tokens carry it in `username`. */
  AUTH_USER_CLAIM: z.string().min(1).default('username'),
  /** Secret salt for hashing client addresses in rate-limit items. */
  RATE_LIMIT_SALT: z.string().min(16).optional(),
  /** Secret salt of the repeat index's keys (hashed identity numbers, names, contents). */
  REPEAT_KEY_SALT: z.string().min(16).optional(),
  /** Origins allowed to call the public JSON API from a browser (CORS); none by default. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
        : [],
    ),
  /** The public address of the site (links in messages; the origin form posts must come from). */
  SITE_URL: z.string().url().default('https://localhost'),
  /** Further origins the pages are served from (e.g. the distribution's own name beside the custom domain). */
  SITE_ORIGINS: z.string().optional(),
  /** Verified SES sender and End User Messaging origination identity (the sweep). */
  EMAIL_SENDER: z.string().email().optional(),
  SMS_ORIGIN: z.string().min(1).optional(),
  ORG_NAME_VI: z.string().default('Đảng ủy Khối các cơ quan Trung ương'),
  ORG_NAME_EN: z.string().default('Party Committee of the Central Agencies Bloc'),
  /** The private bucket holding attachments (the API functions; presigned requests only). */
  ATTACHMENTS_BUCKET: z.string().min(3).optional(),
  /**
   * The virus scanner documents pass before they leave `pending/` (shared/scanning/virus-scanner.ts):
   * e.g. `clamd:tcp://clamav.internal:3310` for a clamd service in the VPC. Unset: none, each
   * document kept unscanned with a warning.
   */
  VIRUS_SCANNER: z.string().optional(),
})

export type LambdaConfig = z.infer<typeof lambdaEnv>

export function loadLambdaConfig(env: Record<string, string | undefined> = process.env): LambdaConfig {
  const parsed = lambdaEnv.safeParse(env)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid configuration: ${fields}`)
  }
  return parsed.data
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
