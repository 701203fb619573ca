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
 *   getRetentionSettings()   GetItem  CONFIG / RETENTION
 *   put…(value, version)     PutItem  conditional on the version read (admins editing at once)
 *
 * Reads are cached in the process for a short time: configuration changes rarely, and every
 * request needs it.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { CalendarOverride } from '../domain/calendar.js'
import type { DeadlineSettings } from '../domain/deadline-rules.js'
import { DEFAULT_DEADLINE_SETTINGS } from '../domain/deadline-rules.js'
import { DomainError, RuleViolation } from '../domain/errors.js'
import { DEFAULT_RETENTION_YEARS, type RetentionSettings } from '../domain/retention.js'
import type { Committee, RoutingRule } from '../domain/routing.js'
import { RULE_MESSAGES } from '../domain/schemas.js'
import { DEFAULT_WATCH_SETTINGS, type WatchSettings, watchSettingsSchema } from '../domain/watch.js'
import type { Db } from './client.js'

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
  retention: DEFAULT_RETENTION_YEARS,
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
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'CONFIG', sk: ITEMS[name] } }),
    )
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
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: 'CONFIG', sk: ITEMS[name], value, version: version + 1 },
          ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ExpressionAttributeValues: version === 0 ? undefined : { ':v': version },
        }),
      )
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException')
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
    /** Years a finished case's dossier is kept, by kind (docs/documents.md#dossier). */
    getRetentionSettings: () => read('retention'),
    putRetentionSettings: (value: RetentionSettings, version: number) => write('retention', value, version),
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
    /** Forget cached values (tests, and after a local seed). */
    clearCache: () => cache.clear(),
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
