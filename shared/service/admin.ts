/**
 * The admins' writes to the organisation's configuration: committees, routing rules, deadline
 * settings and the yearly calendar overrides. Each checks the role (policy.ts), validates the whole
 * new value (a 422 naming the field), and writes it conditionally on the version the admin read.
 */

import * as z from 'zod'
import { type CalendarOverride, type LocalizedText, WorkingCalendar } from '../domain/calendar.js'
import { isLocalDate, type LocalDate } from '../domain/dates.js'
import { type DeadlineSettings, LIMIT_SETTING_KEYS } from '../domain/deadline-rules.js'
import { HEADER_STYLES } from '../domain/documents/types.js'
import { type RetentionSettings, retentionSettingsSchema } from '../domain/dossier.js'
import { DomainError, RuleViolation } from '../domain/errors.js'
import { type HolidayNotice, OCCASIONS } from '../domain/holiday-notices.js'
import type { ActingUser } from '../domain/policy.js'
import { canManageConfiguration } from '../domain/policy.js'
import { COMMITTEE_TYPES, type Committee, type RoutingRule, TOPIC_CODES } from '../domain/routing.js'
import { KINDS } from '../domain/vocabulary.js'
import { type CalendarChangeReport, recordCalendarChange } from './calendar-change.js'
import type { Services } from './context.js'

function requireAdmin(user: ActingUser): void {
  if (!canManageConfiguration(user))
    throw new DomainError('forbidden', 'only admins change the configuration', 403)
}

const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { message: 'identifier' })
const name = z.string().trim().min(1).max(300)

export const committeeInputSchema = z.strictObject({
  id,
  name,
  nameEn: z.string().trim().max(300).optional(),
  parentId: z.string().trim().min(1).max(64).optional(),
  type: z.enum(COMMITTEE_TYPES),
  organizations: z.array(z.string().trim().min(1).max(300)).max(50),
  remoteArea: z.boolean().optional(),
  /** How its documents are headed and signed (docs/documents.md#issuing); each has a default. */
  documents: z
    .strictObject({
      headerStyle: z.enum(HEADER_STYLES).optional(),
      issuerCode: z
        .string()
        .trim()
        .regex(/^[A-ZĐ0-9]{1,20}$/u)
        .optional(),
      place: z.string().trim().min(1).max(100).optional(),
      signerAuthority: z.string().trim().min(1).max(100).optional(),
      signerTitle: z.string().trim().min(1).max(100).optional(),
    })
    .optional(),
})

export const routingRuleInputSchema = z.strictObject({
  id,
  priority: z.number().int().min(1).max(100_000),
  description: z.strictObject({ vi: name, en: name }),
  kinds: z.array(z.enum(KINDS)).optional(),
  topics: z.array(z.enum(TOPIC_CODES)).optional(),
  submitterTypes: z.array(z.enum(['member', 'citizen'])).optional(),
  organizations: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  target: z.union([
    z.strictObject({ committeeId: z.string().min(1).max(64) }),
    z.strictObject({ byConcernedOrganization: z.literal(true) }),
  ]),
})

const localDate = z.string().refine(isLocalDate, { message: 'local_date' })

/** A holiday schedule an admin records from the government's notice (calendar.ts `HolidayNotice`). */
export const holidayNoticeInputSchema = z.strictObject({
  year: z.number().int().min(2019).max(2199),
  occasion: z.enum(OCCASIONS),
  daysOff: z.array(localDate).min(1).max(15),
  workingDays: z.array(localDate).max(5).optional(),
  basis: z.string().trim().min(5).max(300),
})

export const deadlineSettingsSchema = z.strictObject({
  daysMode: z.enum(['calendar', 'working']),
  limits: z.partialRecord(z.enum(LIMIT_SETTING_KEYS), z.number().int().min(1).max(365)).optional(),
  complaintSuspensionAllowed: z.boolean().optional(),
})

/** A zod failure as the 422 every writer gives: the first problem's field and rule. */
function parse<T>(schema: z.ZodType<T>, value: unknown, code: string): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const field = issue.path.join('.')
  throw new RuleViolation(code, `${field || 'value'}: ${issue.message}`, field || 'value')
}

export function createAdminService(s: Services) {
  return {
    /** Adds a committee or replaces the one with the same id. */
    async saveCommittee(user: ActingUser, input: unknown, version: number): Promise<Committee> {
      requireAdmin(user)
      const c = parse(committeeInputSchema, input, 'invalid_committee')
      const current = await s.settings.getCommittees()
      const others = current.value.filter((x) => x.id !== c.id)
      if (c.parentId && !others.some((x) => x.id === c.parentId))
        throw new RuleViolation('unknown_parent', `there is no committee '${c.parentId}'`, 'parentId')
      // A committee cannot sit under itself or under one of its own descendants.
      const byId = new Map([...others, c].map((x) => [x.id, x] as const))
      for (let at: Committee | undefined = c, steps = 0; at?.parentId; steps++) {
        if (at.parentId === c.id || steps > byId.size)
          throw new RuleViolation('committee_cycle', 'a committee cannot be placed under itself', 'parentId')
        at = byId.get(at.parentId)
      }
      const committee: Committee = { ...c, nameEn: c.nameEn || undefined }
      const list = current.value.some((x) => x.id === c.id)
        ? current.value.map((x) => (x.id === c.id ? committee : x))
        : [...current.value, committee]
      await s.settings.putCommittees(list, version)
      s.logger.info('committee saved', { committeeId: c.id, by: user.id })
      return committee
    },

    async saveRoutingRule(user: ActingUser, input: unknown, version: number): Promise<RoutingRule> {
      requireAdmin(user)
      const rule = parse(routingRuleInputSchema, input, 'invalid_routing_rule') as RoutingRule
      const committees = (await s.settings.getCommittees()).value
      if (
        'committeeId' in rule.target &&
        !committees.some((c) => c.id === (rule.target as { committeeId: string }).committeeId)
      )
        throw new RuleViolation(
          'unknown_committee',
          `there is no committee '${rule.target.committeeId}'`,
          'target.committeeId',
        )
      const current = await s.settings.getRoutingRules()
      const list = [...current.value.filter((r) => r.id !== rule.id), rule].sort(
        (a, b) => a.priority - b.priority,
      )
      await s.settings.putRoutingRules(list, version)
      s.logger.info('routing rule saved', { ruleId: rule.id, by: user.id })
      return rule
    },

    async deleteRoutingRule(user: ActingUser, ruleId: string, version: number): Promise<void> {
      requireAdmin(user)
      const current = await s.settings.getRoutingRules()
      if (!current.value.some((r) => r.id === ruleId))
        throw new DomainError('unknown_rule', `there is no routing rule '${ruleId}'`, 404)
      await s.settings.putRoutingRules(
        current.value.filter((r) => r.id !== ruleId),
        version,
      )
      s.logger.info('routing rule deleted', { ruleId, by: user.id })
    },

    async saveDeadlineSettings(user: ActingUser, input: unknown, version: number): Promise<DeadlineSettings> {
      requireAdmin(user)
      const settings = parse(deadlineSettingsSchema, input, 'invalid_deadline_settings') as DeadlineSettings
      await s.settings.putDeadlineSettings(settings, version)
      s.logger.info('deadline settings saved', { by: user.id })
      return settings
    },

    /** How long a finished case's dossier is kept, by kind (docs/documents.md#the-case-dossier). */
    async saveRetentionSettings(
      user: ActingUser,
      input: unknown,
      version: number,
    ): Promise<RetentionSettings> {
      requireAdmin(user)
      const settings = parse(retentionSettingsSchema, input, 'invalid_retention_settings')
      await s.settings.putRetention(settings, version)
      s.logger.info('retention settings saved', { by: user.id })
      return settings
    },

    /** Adds one day off or extra working day to a year's override (replacing that date's entry). */
    async addCalendarDay(
      user: ActingUser,
      day: { date: string; name: string; type: 'off' | 'working' },
      version: number,
    ): Promise<CalendarOverride[]> {
      requireAdmin(user)
      if (!isLocalDate(day.date)) throw new RuleViolation('local_date', `${day.date} is not a date`, 'date')
      const name = day.name.trim()
      if (!name || name.length > 200)
        throw new RuleViolation('calendar_day_name', 'give the day a name (up to 200 characters)', 'name')
      const year = Number(day.date.slice(0, 4))
      const current = await s.settings.getCalendarOverrides()
      const mine = current.value.find((o) => o.year === year) ?? { year }
      const without = (list: CalendarOverride['daysOff']) => (list ?? []).filter((d) => d.date !== day.date)
      const entry = { date: day.date as LocalDate, name }
      const updated: CalendarOverride = {
        ...mine,
        daysOff: [...without(mine.daysOff), ...(day.type === 'off' ? [entry] : [])],
        workingDays: [...without(mine.workingDays), ...(day.type === 'working' ? [entry] : [])],
      }
      const reason = {
        vi: `Lịch làm việc thay đổi: ${name} (${day.date}, ${day.type === 'off' ? 'ngày nghỉ' : 'ngày làm việc'})`,
        en: `Working calendar changed: ${name} (${day.date}, ${day.type === 'off' ? 'day off' : 'working day'})`,
      }
      const { list } = await saveCalendar(
        user,
        current.value,
        replaceYear(current.value, updated),
        version,
        reason,
      )
      s.logger.info('calendar override saved', { date: day.date, type: day.type, by: user.id })
      return list
    },

    async removeCalendarDay(user: ActingUser, date: string, version: number): Promise<CalendarOverride[]> {
      requireAdmin(user)
      if (!isLocalDate(date)) throw new RuleViolation('local_date', `${date} is not a date`, 'date')
      const current = await s.settings.getCalendarOverrides()
      const next = current.value.map((o) => ({
        ...o,
        daysOff: (o.daysOff ?? []).filter((d) => d.date !== date),
        workingDays: (o.workingDays ?? []).filter((d) => d.date !== date),
      }))
      const reason = {
        vi: `Lịch làm việc thay đổi: bỏ ngày ${date} khỏi điều chỉnh của cơ quan`,
        en: `Working calendar changed: ${date} removed from the organisation's overrides`,
      }
      const { list } = await saveCalendar(user, current.value, next, version, reason)
      s.logger.info('calendar override removed', { date, by: user.id })
      return list
    },

    /**
     * Records the government's schedule for one break of a year (typically the coming Tết, before
     * it is shipped in holiday-notices.ts): it replaces the computed days of that break, running
     * clocks are recomputed and each moved deadline is recorded on its case with the notice.
     */
    async recordHolidayNotice(
      user: ActingUser,
      input: unknown,
      version: number,
    ): Promise<{ list: CalendarOverride[]; report: CalendarChangeReport }> {
      requireAdmin(user)
      const checked = holidayNoticeInputSchema.safeParse(input)
      if (!checked.success) {
        const issue = checked.error.issues[0]!
        const field = String(issue.path[0] ?? 'value')
        // A date that is not one says so in the calendar's own rule (as the day form does).
        if (issue.message === 'local_date')
          throw new RuleViolation('local_date', `${field}: not a date (day/month/year)`, field)
        throw new RuleViolation(
          'invalid_holiday_notice',
          `${issue.path.join('.') || 'value'}: ${issue.message}`,
          field,
        )
      }
      const notice = checked.data as HolidayNotice
      for (const [field, dates] of [
        ['daysOff', notice.daysOff],
        ['workingDays', notice.workingDays ?? []],
      ] as const) {
        const stray = dates.find((d) => Math.abs(Number(d.slice(0, 4)) - notice.year) > 1)
        if (stray)
          throw new RuleViolation('notice_date_year', `${stray} is not near the year ${notice.year}`, field)
      }
      const current = await s.settings.getCalendarOverrides()
      const mine = current.value.find((o) => o.year === notice.year) ?? { year: notice.year }
      const updated: CalendarOverride = {
        ...mine,
        notices: [...(mine.notices ?? []).filter((n) => n.occasion !== notice.occasion), notice],
      }
      const reason = {
        vi: `Ghi nhận lịch nghỉ ${notice.occasion === 'tet' ? 'Tết Nguyên đán' : notice.occasion} ${notice.year} theo ${notice.basis}`,
        en: `Holiday schedule (${notice.occasion}) ${notice.year} recorded from ${notice.basis}`,
      }
      const saved = await saveCalendar(
        user,
        current.value,
        replaceYear(current.value, updated),
        version,
        reason,
      )
      s.logger.info('holiday notice recorded', { year: notice.year, occasion: notice.occasion, by: user.id })
      return saved
    },
  }

  /**
   * Writes the new overrides (conditional on the version read) and records on the open cases the
   * deadlines the change moves (calendar-change.ts).
   */
  async function saveCalendar(
    user: ActingUser,
    before: readonly CalendarOverride[],
    list: CalendarOverride[],
    version: number,
    reason: LocalizedText,
  ): Promise<{ list: CalendarOverride[]; report: CalendarChangeReport }> {
    assertCalendar(list)
    await s.settings.putCalendarOverrides(list, version)
    const report = await recordCalendarChange(
      s,
      new WorkingCalendar(before),
      new WorkingCalendar(list),
      reason,
    )
    s.logger.info('calendar saved', { by: user.id, ...report })
    return { list, report }
  }
}

const replaceYear = (list: readonly CalendarOverride[], updated: CalendarOverride): CalendarOverride[] =>
  [...list.filter((o) => o.year !== updated.year), updated].sort((a, b) => a.year - b.year)

/** The calendar refuses a malformed override (a date in another year, a day both off and working). */
function assertCalendar(list: readonly CalendarOverride[]): void {
  try {
    new WorkingCalendar(list)
  } catch (error) {
    throw new RuleViolation(
      'invalid_override',
      error instanceof Error ? error.message : String(error),
      'date',
    )
  }
}

export type AdminService = ReturnType<typeof createAdminService>
