/**
 * The organisation's configuration: a few small items read by key (the public function may read
 * them; nothing else about the organisation is reachable from it).
 *
 * Access patterns:
 *   getCommittees()          GetItem  CONFIG / COMMITTEES
 *   getRoutingRules()        GetItem  CONFIG / ROUTING
 *   getCalendarOverrides()   GetItem  CONFIG / CALENDAR
 *   getDeadlineSettings()    GetItem  CONFIG / DEADLINES
 *   getWatchSettings()       GetItem  CONFIG / WATCH
 *   getRetention()           GetItem  CONFIG / RETENTION
 *   put…(value, version)     PutItem  conditional on the version read (admins editing at once)
 *
 * Reads are cached in the process for a short time: configuration changes rarely, and every
 * request needs it.
 */
import type { CalendarOverride } from '../domain/calendar.js'
import type { DeadlineSettings } from '../domain/deadline-rules.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../domain/deadline-rules.js'
import { DEFAULT_RETENTION, type RetentionSettings, retentionSettingsSchema } from '../domain/dossier.js'
import { DomainError, RuleViolation } from '../domain/errors.js'
import type { Committee, RoutingRule } from '../domain/routing.js'
import { RULE_MESSAGES } from '../domain/schemas.js'
import { DEFAULT_WATCH_SETTINGS, type WatchSettings, watchSettingsSchema } from '../domain/watch.js'
import { type Db, isConditionalCheckFailed } from './client.js'

const ITEMS = {
  committees: 'COMMITTEES',
  routing: 'ROUTING',
  calendar: 'CALENDAR',
  deadlines: 'DEADLINES',
  watch: 'WATCH',
  retention: 'RETENTION',
} as const
type ConfigName = keyof typeof ITEMS

interface ConfigValues {
  committees: Committee[]
  routing: RoutingRule[]
  calendar: CalendarOverride[]
  deadlines: DeadlineSettings
  watch: WatchSettings
  retention: RetentionSettings
}

const DEFAULTS: ConfigValues = {
  committees: [],
  routing: [],
  calendar: [],
  deadlines: DEFAULT_DEADLINE_SETTINGS,
  watch: DEFAULT_WATCH_SETTINGS,
  retention: DEFAULT_RETENTION,
}

export interface Versioned<T> {
  readonly value: T
  readonly version: number
}

export function createSettingsStore(
  db: Db,
  tableName: string,
  options: { cacheMs?: number; now?: () => number } = {},
) {
  const cacheMs = options.cacheMs ?? 30_000
  const now = options.now ?? Date.now
  const cache = new Map<ConfigName, { at: number; value: Versioned<unknown> }>()

  async function read<N extends ConfigName>(name: N): Promise<Versioned<ConfigValues[N]>> {
    const hit = cache.get(name)
    if (hit && now() - hit.at < cacheMs) return hit.value as Versioned<ConfigValues[N]>
    const out = await db.get({ TableName: tableName, Key: { pk: 'CONFIG', sk: ITEMS[name] } })
    const value: Versioned<ConfigValues[N]> = out.Item
      ? { value: out.Item.value as ConfigValues[N], version: out.Item.version as number }
      : { value: DEFAULTS[name] as ConfigValues[N], version: 0 }
    cache.set(name, { at: now(), value })
    return value
  }

  /** Replaces a configuration item if nobody changed it since `version` was read. */
  async function write<N extends ConfigName>(
    name: N,
    value: ConfigValues[N],
    version: number,
  ): Promise<Versioned<ConfigValues[N]>> {
    try {
      await db.put({
        TableName: tableName,
        Item: { pk: 'CONFIG', sk: ITEMS[name], value, version: version + 1 },
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ExpressionAttributeValues: version === 0 ? undefined : { ':v': version },
      })
    } catch (error) {
      if (isConditionalCheckFailed(error))
        throw new DomainError(
          'version_conflict',
          `the ${name} settings were changed by someone else; reload them`,
          412,
        )
      throw error
    }
    cache.delete(name)
    return { value, version: version + 1 }
  }

  return {
    getCommittees: () => read('committees'),
    getRoutingRules: () => read('routing'),
    getCalendarOverrides: () => read('calendar'),
    getDeadlineSettings: () => read('deadlines'),
    getWatchSettings: () => read('watch'),
    /** How long the archive keeps a finished case's file, by kind (shared/domain/dossier.ts). */
    getRetention: () => read('retention'),
    putCommittees: (value: Committee[], version: number) => write('committees', value, version),
    putRoutingRules: (value: RoutingRule[], version: number) => write('routing', value, version),
    putCalendarOverrides: (value: CalendarOverride[], version: number) => write('calendar', value, version),
    putDeadlineSettings: (value: DeadlineSettings, version: number) => write('deadlines', value, version),
    /** Refuses settings that break the rules (negative, beyond the limits, repeated days) with a 422. */
    putWatchSettings: async (value: WatchSettings, version: number) => {
      const parsed = watchSettingsSchema.safeParse(value)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        const words = RULE_MESSAGES[issue.message]?.en ?? issue.message
        throw new RuleViolation(
          'invalid_watch_settings',
          `${issue.path.join('.')}: ${words}`,
          issue.path.join('.'),
        )
      }
      return write('watch', parsed.data, version)
    },
    /** Refuses a period that is not whole years from 1 to 100, or `permanent`, with a 422. */
    putRetention: async (value: RetentionSettings, version: number) => {
      const parsed = retentionSettingsSchema.safeParse(value)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new RuleViolation(
          'invalid_setting',
          `${issue.path.join('.')}: ${issue.message}`,
          issue.path.join('.'),
        )
      }
      return write('retention', parsed.data, version)
    },
    /** Forget cached values (tests, and after a local seed). */
    clearCache: () => cache.clear(),
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
