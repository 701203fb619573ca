/**
 * Everything a request needs, built once per process: the stores, the sealer, the clock. The
 * Lambda entries and the local runtime build it from config; tests build it by hand.
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import { WorkingCalendar } from '../domain/calendar.js'
import type { DeadlineContext } from '../domain/deadlines.js'
import { createPinHasher, type Sealer } from '../security.js'
import { createCaseStore } from '../store/cases.js'
import type { Db } from '../store/client.js'
import { createCursorCodec, PROCESS_CURSORS } from '../store/cursor.js'
import { createPinGuard } from '../store/pin-guard.js'
import { createClientRateLimit, createSubmissionLimit, type SubmissionLimits } from '../store/rate-limits.js'
import { createRepeatStore } from '../store/repeats.js'
import { createRevokedSessions } from '../store/sessions.js'
import { createSettingsStore } from '../store/settings.js'
import { createUserStore } from '../store/users.js'

export interface ServiceOptions {
  readonly db: Db
  readonly tableName: string
  readonly sealer: Sealer
  readonly logger: Logger
  /** The clock: `() => new Date()` in production, a fixed or moving clock in tests. */
  readonly now?: () => Date
  /** Organisation name shown on pages and in messages. */
  readonly organizationName?: { vi: string; en: string }
  readonly settingsCacheMs?: number
  /** Secret salt for hashing client addresses in rate-limit items. */
  readonly rateLimitSalt?: string
  /** Online submissions per client address (default SUBMISSION_LIMITS, shared/store/rate-limits.ts). */
  readonly submissionLimits?: SubmissionLimits | false
  /** Secret salt of the repeat index's keys (identity numbers, names, contents: hashed only). */
  readonly repeatKeySalt?: string
  /**
   * Key of the paging cursors' signatures (shared/store/cursor.ts): the same in every instance of
   * a function, so a cursor opens its next page anywhere. Without it, a random key per process.
   */
  readonly cursorKey?: Uint8Array | string
  /**
   * Key of the PIN hashes (shared/security.ts `createPinHasher`, at least 32 bytes): the same for
   * every function that files or checks a PIN. Without it, PINs are hashed with scrypt.
   */
  readonly pinKey?: Uint8Array
  /**
   * The site's public origins (`https://<SITE_URL host>`, the custom domain): what a form post's
   * Origin must be. Unset on one machine, where the request's own host is the site's.
   */
  readonly publicOrigins?: readonly string[]
}

export function createServices(options: ServiceOptions) {
  const settings = createSettingsStore(options.db, options.tableName, { cacheMs: options.settingsCacheMs })
  let calendarCache: { version: number; calendar: WorkingCalendar } | undefined

  /** The calendar with the admins' overrides and the deadline settings, rebuilt when they change. */
  async function deadlineContext(): Promise<DeadlineContext> {
    const [overrides, deadlineSettings] = await Promise.all([
      settings.getCalendarOverrides(),
      settings.getDeadlineSettings(),
    ])
    if (!calendarCache || calendarCache.version !== overrides.version)
      calendarCache = { version: overrides.version, calendar: new WorkingCalendar(overrides.value) }
    return { calendar: calendarCache.calendar, settings: deadlineSettings.value }
  }

  const cursors = options.cursorKey ? createCursorCodec(options.cursorKey) : PROCESS_CURSORS
  return {
    db: options.db,
    tableName: options.tableName,
    cursors,
    cases: createCaseStore(options.db, options.tableName, { cursors }),
    users: createUserStore(options.db, options.tableName),
    /** Staff sessions ended by signing out (the token verifier reads it on every request). */
    sessions: createRevokedSessions(options.db, options.tableName),
    pinGuard: createPinGuard(options.db, options.tableName),
    pins: createPinHasher(options.pinKey),
    clientRateLimit: createClientRateLimit(
      options.db,
      options.tableName,
      options.rateLimitSalt ?? options.tableName,
    ),
    submissionLimit: createSubmissionLimit(
      options.db,
      options.tableName,
      options.rateLimitSalt ?? options.tableName,
      options.submissionLimits,
    ),
    settings,
    repeats: createRepeatStore(
      options.db,
      options.tableName,
      // Both API functions must hash alike: one salt for both, never a per-function fallback.
      options.repeatKeySalt ?? options.tableName,
    ),
    sealer: options.sealer,
    logger: options.logger,
    now: options.now ?? (() => new Date()),
    organizationName: options.organizationName ?? { vi: 'Đảng ủy Khối', en: 'Bloc Party Committee' },
    deadlineContext,
    publicOrigins: options.publicOrigins,
  }
}

export type Services = ReturnType<typeof createServices>
