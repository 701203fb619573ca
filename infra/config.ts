/**
 * What differs between deployments, read once from CDK context and validated, so a typo fails the
 * synth with the key's name instead of producing a half-configured stack.
 *
 * Sources, later ones winning:
 *   1. the stage's policy defaults below (what dev and prod differ in: retention, protection, limits)
 *   2. the `tiepdan:<stage>` object in cdk.json (or cdk.context.json): one organisation's deployment
 *   3. single `-c key=value` flags on the command line
 * Nothing deployment-specific lives in code: an organisation changes cdk.json, never a construct.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs'
import { z } from 'zod'

export const STAGES = ['dev', 'prod'] as const
export type Stage = (typeof STAGES)[number]

/** Where WAF web ACLs for CloudFront must live (an AWS rule, not a choice). */
export const EDGE_REGION = 'us-east-1'

const positiveInt = z.coerce.number().int().positive()

const deploymentShape = z.object({
  stage: z.enum(STAGES),
  /** Prefix of stack and resource names; lower case so it fits every naming rule on the way. */
  appName: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/),
  /** Account to deploy to; absent for offline synth (the stacks are then account-agnostic). */
  account: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** Region of the application (data stays here); the WAF alone goes to us-east-1. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  orgNameVi: z.string().min(1),
  orgNameEn: z.string().min(1),
  /** Custom domain of the site (CloudFront alternate name); needs `certificateArn` in us-east-1. */
  domainName: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)
    .optional(),
  certificateArn: z.string().startsWith(`arn:aws:acm:${EDGE_REGION}:`).optional(),
  /** The From address of notification e-mail; its domain must be a verified SES identity. */
  emailSender: z.email(),
  /** ARN of the End User Messaging SMS origination identity (sender ID, phone number or pool). */
  smsOrigin: z.string().startsWith('arn:aws:sms-voice:').optional(),
  /** Where alarm notifications go; without it alarms only show in the console. */
  alarmEmail: z.email().optional(),
  /**
   * Transition only: Secrets Manager name of a 32-byte base64 key for builds whose functions still
   * seal identities with a local key (IDENTITY_KEY) instead of KMS. Created by the operator, never
   * by the stack (a replaced key makes every sealed identity unreadable). Unset: KMS only.
   */
  identityKeySecretName: z.string().min(1).optional(),
  /**
   * Sign-in redirect URLs of the staff web client allowed in addition to the site's own
   * (`<site>/staff/auth/callback`, always registered), e.g. http://localhost for development.
   */
  staffCallbackUrls: z.array(z.url()).default([]),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
  logRetentionDays: positiveInt.refine((d) => (Object.values(RetentionDays) as number[]).includes(d), {
    message:
      'must be a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, …)',
  }),
  /** HTTP API stage throttling: steady requests per second and burst. */
  apiRateLimit: positiveInt,
  apiBurstLimit: positiveInt,
  /** WAF rate-based limits, requests per IP per 5 minutes. */
  wafLimitAll: positiveInt.min(10),
  wafLimitPublicWrites: positiveInt.min(10),
  wafLimitTracking: positiveInt.min(10),
  /** How often the deadline sweep runs (EventBridge Scheduler expression; cron in Vietnam time). */
  sweepSchedule: z.string().regex(/^(rate|cron)\(.+\)$/),
  /** When the morning digest goes out (EventBridge Scheduler expression; cron in Vietnam time). */
  digestSchedule: z.string().regex(/^(rate|cron)\(.+\)$/),
  /** Keep data on stack deletion, turn on deletion protection. */
  protectData: z.boolean(),
})

const deploymentSchema = deploymentShape.refine(
  (c) => (c.domainName === undefined) === (c.certificateArn === undefined),
  {
    message: 'domainName and certificateArn go together (the certificate must be in us-east-1)',
    path: ['certificateArn'],
  },
)

export type DeploymentConfig = z.infer<typeof deploymentSchema>

/** Policy defaults: what a stage is, as opposed to who deploys it. */
const STAGE_DEFAULTS: Record<Stage, Partial<DeploymentConfig>> = {
  dev: {
    logLevel: 'INFO',
    logRetentionDays: 30,
    apiRateLimit: 50,
    apiBurstLimit: 100,
    wafLimitAll: 2000,
    wafLimitPublicWrites: 200,
    wafLimitTracking: 500,
    protectData: false,
  },
  prod: {
    logLevel: 'INFO',
    logRetentionDays: 365,
    apiRateLimit: 200,
    apiBurstLimit: 400,
    wafLimitAll: 2000,
    // Vietnamese mobile networks put many subscribers behind one address (CGNAT): generous, not tight.
    wafLimitPublicWrites: 100,
    wafLimitTracking: 300,
    protectData: true,
  },
}

const COMMON_DEFAULTS = {
  appName: 'tiepdan',
  region: 'ap-southeast-1',
  sweepSchedule: 'rate(15 minutes)',
  // 07:00 Asia/Ho_Chi_Minh, every day: the schedules read cron expressions in Vietnam time.
  digestSchedule: 'cron(0 7 * * ? *)',
} as const

/** Reads one context value; `-c key=value` gives strings, cdk.json gives typed values. */
export interface ContextReader {
  tryGetContext(key: string): unknown
}

const FLAT_KEYS = Object.keys(deploymentShape.shape).filter((k) => k !== 'stage')

function fromFlag(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value
  if (key === 'protectData') return value === 'true'
  if (key === 'staffCallbackUrls') return value.split(',').map((s) => s.trim())
  return value
}

/**
 * The deployment's configuration from context. `env` supplies CDK_DEFAULT_ACCOUNT (set by the CLI
 * when credentials are present); without it the stacks stay account-agnostic.
 */
export function readDeploymentConfig(
  node: ContextReader,
  env: Record<string, string | undefined> = process.env,
): DeploymentConfig {
  const stage = node.tryGetContext('stage')
  if (stage !== 'dev' && stage !== 'prod')
    throw new Error(`set the stage: -c stage=dev or -c stage=prod (got ${JSON.stringify(stage)})`)
  const appName = (node.tryGetContext('appName') as string | undefined) ?? COMMON_DEFAULTS.appName
  const perDeployment = (node.tryGetContext(`${appName}:${stage}`) ?? {}) as Record<string, unknown>
  const flags = Object.fromEntries(
    FLAT_KEYS.map((k) => [k, fromFlag(k, node.tryGetContext(k))] as const).filter(([, v]) => v !== undefined),
  )
  const merged = {
    ...COMMON_DEFAULTS,
    ...STAGE_DEFAULTS[stage],
    account: env.CDK_DEFAULT_ACCOUNT,
    ...perDeployment,
    ...flags,
    stage,
  }
  const parsed = deploymentSchema.safeParse(merged)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`)
      .join('; ')
    throw new Error(`invalid deployment configuration for stage '${stage}': ${problems}`)
  }
  return parsed.data
}

/** `tiepdan-dev`: the prefix of physical names that must be chosen up front. */
export function resourcePrefix(config: DeploymentConfig): string {
  return `${config.appName}-${config.stage}`
}
