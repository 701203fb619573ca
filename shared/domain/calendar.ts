/**
 * The Vietnamese working-day calendar (Labour Code 45/2019/QH14 Art. 111–112): Monday to Friday,
 * less public holidays (`holiday-rules.ts`, versioned by the law in force), the substitute days
 * they give when they fall on a weekend, and the yearly government notices that fix each break
 * (which five days Tết takes, bridge days off, Saturdays worked in exchange). The announced
 * notices ship as data (`holiday-notices.ts`) and replace the computed days of their break; an
 * admin can record a notice not yet shipped, and an admin's single-day overrides win over all.
 *
 * Lunar holidays come from the Vietnamese lunar calendar (`@dqcai/vn-lunar`, computed for UTC+7;
 * it differs from the Chinese one in some years), which covers the years 1900–2199.
 */
import { dayNumber, formatVietnamese, fromDayNumber, type LocalDate } from './dates.js'
import { DomainError } from './errors.js'
import {
  HOLIDAY_NOTICES,
  type HolidayNotice,
  OCCASION_HOLIDAYS,
  OCCASIONS,
  type Occasion,
} from './holiday-notices.js'
import { HOLIDAY_RULES, type HolidayRule, ruleInForce } from './holiday-rules.js'

/** A text in both languages of the system. */
export interface LocalizedText {
  vi: string
  en: string
}

/** The public holidays of Labour Code Art. 112(1), by a stable code. */
export const HOLIDAYS = [
  'new_year',
  'tet',
  'hung_kings',
  'victory_day',
  'labour_day',
  'national_day',
] as const
export type Holiday = (typeof HOLIDAYS)[number]

/**
 * Why a day is not a working day. `notice` = a day of a break the government's notice gave beyond
 * the statutory days (a bridge or swapped day); `override` = listed as a day off by an admin.
 */
export type DayOffReason = 'weekend' | 'holiday' | 'substitute' | 'notice' | 'override'

/** The explanation of one day off, for the calendar page and for deadline explanations. */
export interface DayOffInfo {
  date: LocalDate
  reason: DayOffReason
  name: LocalizedText
  /** Set for public holidays, their substitutes and notice days (the holiday of the break). */
  holiday?: Holiday | (string & {})
  /** For a substitute day: the holiday date (on a weekend) it makes up for. */
  substituteFor?: LocalDate
  /** The notice that set the day (a holiday break fixed by the government's notice). */
  basis?: string
}

/** One date in an admin override; a plain string name is used for both languages. */
export interface DayOverride {
  date: LocalDate
  name?: string | LocalizedText
}

/**
 * The government's notice for one year, as entered by an admin: extra days off (bridge days, the
 * real Tết days when they differ from the default) and extra working days (a Saturday worked in
 * exchange, or a computed holiday that the notice moved). Both win over the computed calendar.
 */
export interface CalendarOverride {
  year: number
  daysOff?: readonly DayOverride[]
  workingDays?: readonly DayOverride[]
  /**
   * Holiday schedules the admin recorded from a notice not yet shipped in `holiday-notices.ts`
   * (the coming Tết, typically): each replaces the shipped or computed days of its break.
   */
  notices?: readonly HolidayNotice[]
}

/** Options of a calendar; tests and a future law pass their own lists, production the shipped ones. */
export interface CalendarOptions {
  /** The announced schedules; defaults to {@link HOLIDAY_NOTICES}. */
  notices?: readonly HolidayNotice[]
  /** The statutory holidays; defaults to {@link HOLIDAY_RULES}. */
  rules?: readonly HolidayRule[]
}

/** From this year on, every year's Tết is expected to come from a notice (shipped or recorded). */
export const NOTICES_FIRST_YEAR = 2019

/** The first and last years the lunar calendar package can compute. */
export const CALENDAR_FIRST_YEAR = 1900
export const CALENDAR_LAST_YEAR = 2199

export type CalendarErrorCode = 'year_out_of_range' | 'invalid_override' | 'invalid_argument'

/** A calendar request that cannot be answered (bad override, year out of range), with a stable `code`. */
export class CalendarError extends DomainError {
  declare readonly code: CalendarErrorCode
  constructor(code: CalendarErrorCode, message: string) {
    super(code, message, 422)
  }
}

const DAY_MS = 86_400_000
/** dates.ts `weekday` uses `%` and goes negative before 1970; the calendar reaches back to 1900. */
const weekdayOf = (dn: number): number => (((dn + 4) % 7) + 7) % 7
const isWeekendDn = (dn: number): boolean => {
  const wd = weekdayOf(dn)
  return wd === 0 || wd === 6
}
const dnOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS
const yearOfDn = (dn: number): number => new Date(dn * DAY_MS).getUTCFullYear()

const WEEKEND_NAMES: Record<0 | 6, LocalizedText> = {
  0: { vi: 'Chủ nhật', en: 'Sunday' },
  6: { vi: 'Thứ Bảy', en: 'Saturday' },
}
const DEFAULT_OVERRIDE_OFF: LocalizedText = {
  vi: 'Ngày nghỉ theo thông báo',
  en: 'Day off by official notice',
}
const DEFAULT_OVERRIDE_WORKING: LocalizedText = {
  vi: 'Ngày làm việc theo thông báo',
  en: 'Working day by official notice',
}

const localized = (name: string | LocalizedText | undefined, fallback: LocalizedText): LocalizedText =>
  name === undefined ? fallback : typeof name === 'string' ? { vi: name, en: name } : name

interface ComputedHoliday {
  dn: number
  holiday: string
  name: LocalizedText
}

/** Public holidays of a Gregorian year with their default dates (before substitutes and notices). */
function computedHolidays(year: number, rules: readonly HolidayRule[]): ComputedHoliday[] {
  const list: ComputedHoliday[] = []
  for (const rule of rules) {
    for (const day of rule.days(year)) {
      if (ruleInForce(rule, day.date))
        list.push({ dn: dayNumber(day.date), holiday: rule.holiday, name: day.name })
    }
  }
  return list.sort((a, b) => a.dn - b.dn)
}

const OCCASION_NAMES: Record<Occasion, LocalizedText> = {
  new_year: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', en: 'Tết' },
  hung_kings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  victory_labour: { vi: 'Ngày Chiến thắng và Quốc tế lao động', en: 'Reunification Day and Labour Day' },
  national_day: { vi: 'Quốc khánh', en: 'National Day' },
}

const occasionOf = (holiday: string | undefined): Occasion | undefined =>
  holiday === undefined ? undefined : OCCASIONS.find((o) => OCCASION_HOLIDAYS[o].includes(holiday as Holiday))

interface YearTable {
  firstDn: number
  lastDn: number
  /** 1 = working day, indexed by `dn - firstDn`. */
  working: Uint8Array
  /** Days off that are more than a plain weekend (holidays, also on weekends; substitutes; overrides). */
  daysOff: Map<number, DayOffInfo>
  extraWorkingDays: { date: LocalDate; name: LocalizedText }[]
}

/**
 * Working days for Vietnamese public bodies. Build one per organisation (its overrides) and reuse
 * it: each year is computed once, on first use, and answers from a lookup table afterwards.
 *
 * @example
 * // The shipped notices already hold, for instance, the 2025 swap of Friday 2 May for Saturday
 * // 26 April (Công văn 8726/VPCP-KGVX); an admin's override for a day wins over them:
 * const calendar = new WorkingCalendar([{ year: 2026, daysOff: [{ date: '2026-12-31', name: 'Nghỉ theo quyết định của cơ quan' }] }])
 * calendar.addWorkingDays('2025-01-27', 7) // '2025-02-11': 27–31 Jan 2025 are the announced Tết days
 */
export class WorkingCalendar {
  readonly #overrides = new Map<
    number,
    { off: Map<number, DayOverride>; working: Map<number, DayOverride> }
  >()
  /** The schedule of each (year, occasion): shipped notices, replaced by those an admin recorded. */
  readonly #notices = new Map<string, HolidayNotice>()
  readonly #rules: readonly HolidayRule[]
  readonly #years = new Map<number, YearTable>()
  readonly #unconfirmedCache = new Map<number, { days: readonly LocalDate[]; window: readonly LocalDate[] }>()
  #last: YearTable | undefined

  /** @throws CalendarError `invalid_override` for a malformed date, a date outside its year, or a date both off and working. */
  constructor(overrides: readonly CalendarOverride[] = [], options: CalendarOptions = {}) {
    this.#rules = options.rules ?? HOLIDAY_RULES
    const recorded = overrides.flatMap((o) => o.notices ?? [])
    for (const notice of [...(options.notices ?? HOLIDAY_NOTICES), ...recorded]) {
      for (const date of [...notice.daysOff, ...(notice.workingDays ?? [])]) parseOverrideDate(date)
      this.#notices.set(`${notice.year}#${notice.occasion}`, notice)
    }
    for (const o of overrides) {
      const entry = this.#overrides.get(o.year) ?? { off: new Map(), working: new Map() }
      this.#overrides.set(o.year, entry)
      for (const [list, target] of [
        [o.daysOff ?? [], entry.off],
        [o.workingDays ?? [], entry.working],
      ] as const) {
        for (const day of list) {
          const dn = parseOverrideDate(day.date)
          if (yearOfDn(dn) !== o.year) {
            throw new CalendarError(
              'invalid_override',
              `override for ${o.year} lists ${day.date} of another year`,
            )
          }
          target.set(dn, day)
        }
      }
      for (const dn of entry.off.keys()) {
        if (entry.working.has(dn)) {
          throw new CalendarError(
            'invalid_override',
            `${fromDayNumber(dn)} is listed both as a day off and as a working day`,
          )
        }
      }
    }
  }

  /** The announced schedule of one break, shipped or recorded by an admin; undefined when none is known. */
  notice(year: number, occasion: Occasion): HolidayNotice | undefined {
    return this.#notices.get(`${year}#${occasion}`)
  }

  /**
   * The computed default Tết days of `year` (weekdays off, substitutes included) when no notice
   * fixes that Tết and the year is one where a notice is expected; empty otherwise.
   */
  unconfirmedTetDays(year: number): LocalDate[] {
    return [...this.#unconfirmed(year).days]
  }

  /** Per year, once: the default Tết days no notice confirms, and the weekdays that may still move. */
  #unconfirmed(year: number): { days: readonly LocalDate[]; window: readonly LocalDate[] } {
    const cached = this.#unconfirmedCache.get(year)
    if (cached) return cached
    let result: { days: readonly LocalDate[]; window: readonly LocalDate[] } = { days: [], window: [] }
    if (year >= NOTICES_FIRST_YEAR && !this.notice(year, 'tet')) {
      const tet = this.holidays(year).filter((d) => d.holiday === 'tet')
      const days = tet
        .filter((d) => !isWeekendDn(dayNumber(d.date)) && !this.isWorkingDay(d.date))
        .map((d) => d.date)
      const eve = tet.find((d) => d.reason === 'holiday')
      const window: LocalDate[] = []
      if (eve) {
        // The announced breaks (2019–2026) lay between the 26th of the last lunar month and mùng 7.
        const eveDn = dayNumber(eve.date)
        for (let dn = eveDn - 3; dn <= eveDn + 7; dn++) if (!isWeekendDn(dn)) window.push(fromDayNumber(dn))
      }
      result = { days, window }
    }
    this.#unconfirmedCache.set(year, result)
    return result
  }

  /**
   * The weekdays whose status an unannounced Tết leaves open, in (fromExclusive, toInclusive]:
   * every weekday from three days before the computed eve to mùng 7 may still move.
   */
  unconfirmedDaysBetween(fromExclusive: LocalDate, toInclusive: LocalDate): LocalDate[] {
    const days: LocalDate[] = []
    const last = Number(toInclusive.slice(0, 4))
    for (let year = Number(fromExclusive.slice(0, 4)); year <= last; year++) {
      for (const date of this.#unconfirmed(year).window)
        if (date > fromExclusive && date <= toInclusive) days.push(date)
    }
    return days
  }

  /** True when public bodies work on `date`. */
  isWorkingDay(date: LocalDate): boolean {
    return this.#isWorkingDn(dayNumber(date))
  }

  /** Why `date` is not a working day, or undefined when it is one. */
  dayOff(date: LocalDate): DayOffInfo | undefined {
    const dn = dayNumber(date)
    const table = this.#table(dn)
    if (table.working[dn - table.firstDn] === 1) return undefined
    const info = table.daysOff.get(dn)
    if (info) return info
    return { date, reason: 'weekend', name: WEEKEND_NAMES[weekdayOf(dn) as 0 | 6] }
  }

  /**
   * Every day off of `year` other than a plain weekend, in date order: public holidays (also those
   * on a weekend), substitute days and override days off; holidays cancelled by an override are left out.
   */
  holidays(year: number): DayOffInfo[] {
    const table = this.#table(dnOf(year, 1, 1))
    return [...table.daysOff.entries()].sort((a, b) => a[0] - b[0]).map(([, info]) => info)
  }

  /** The working days listed in the overrides of `year` (Saturdays worked in exchange, cancelled holidays). */
  extraWorkingDays(year: number): { date: LocalDate; name: LocalizedText }[] {
    return [...this.#table(dnOf(year, 1, 1)).extraWorkingDays]
  }

  /** `date` itself when it is a working day, else the first working day after it (Civil Code Art. 148). */
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate {
    let dn = dayNumber(date)
    while (!this.#isWorkingDn(dn)) dn++
    return fromDayNumber(dn)
  }

  /** The `n`-th working day after `start` (`start` itself is never counted); `start` when n = 0. */
  addWorkingDays(start: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0)
      throw new CalendarError('invalid_argument', `not a working-day count: ${n}`)
    let dn = dayNumber(start)
    for (let counted = 0; counted < n; ) {
      dn++
      if (this.#isWorkingDn(dn)) counted++
    }
    return fromDayNumber(dn)
  }

  /** Working days in (fromExclusive, toInclusive]; 0 when `toInclusive` is not after `fromExclusive`. */
  workingDaysBetween(fromExclusive: LocalDate, toInclusive: LocalDate): number {
    const last = dayNumber(toInclusive)
    let count = 0
    for (let dn = dayNumber(fromExclusive) + 1; dn <= last; dn++) if (this.#isWorkingDn(dn)) count++
    return count
  }

  #isWorkingDn(dn: number): boolean {
    const table = this.#table(dn)
    return table.working[dn - table.firstDn] === 1
  }

  #table(dn: number): YearTable {
    const last = this.#last
    if (last && dn >= last.firstDn && dn <= last.lastDn) return last
    const year = yearOfDn(dn)
    let table = this.#years.get(year)
    if (!table) {
      table = this.#build(year)
      this.#years.set(year, table)
    }
    this.#last = table
    return table
  }

  /**
   * Replaces the computed days of each break a notice fixes: the notice's weekdays off are the
   * break's days off (a computed holiday or substitute on a weekday it does not list becomes a
   * working day; weekend holidays keep their names), and its weekend days worked become working.
   * Returns the day numbers the notices make working days.
   */
  #applyNotices(
    year: number,
    daysOff: Map<number, DayOffInfo>,
    extraWorkingDays: YearTable['extraWorkingDays'],
  ): Set<number> {
    const working = new Set<number>()
    const notices = [...this.#notices.values()]
    for (const notice of notices.filter((n) => n.year === year)) {
      const listed = new Set(notice.daysOff)
      for (const [dn, info] of daysOff) {
        if (occasionOf(info.holiday) !== notice.occasion) continue
        if (info.reason === 'substitute' || (!isWeekendDn(dn) && !listed.has(info.date))) daysOff.delete(dn)
        else if (!isWeekendDn(dn)) daysOff.set(dn, { ...info, basis: notice.basis })
      }
    }
    // A break's days may fall in the year before (New Year's bridge on 31 December).
    for (const notice of notices) {
      const name = OCCASION_NAMES[notice.occasion]
      for (const date of notice.daysOff) {
        const dn = dayNumber(date)
        if (yearOfDn(dn) !== year || daysOff.has(dn)) continue
        daysOff.set(dn, {
          date,
          reason: 'notice',
          name: { vi: `Nghỉ ${name.vi} theo thông báo`, en: `${name.en} break by official notice` },
          holiday: OCCASION_HOLIDAYS[notice.occasion][0],
          basis: notice.basis,
        })
      }
      for (const date of notice.workingDays ?? []) {
        const dn = dayNumber(date)
        if (yearOfDn(dn) !== year) continue
        daysOff.delete(dn)
        working.add(dn)
        extraWorkingDays.push({
          date,
          name: {
            vi: `Làm bù dịp ${name.vi} (${notice.basis})`,
            en: `Worked in exchange (${name.en} break)`,
          },
        })
      }
    }
    return working
  }

  #build(year: number): YearTable {
    if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
      throw new CalendarError(
        'year_out_of_range',
        `the working calendar covers ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}, not ${year}`,
      )
    }
    const firstDn = dnOf(year, 1, 1)
    const lastDn = dnOf(year, 12, 31)
    const overrides = this.#overrides.get(year)
    const daysOff = new Map<number, DayOffInfo>()

    const holidays = computedHolidays(year, this.#rules)
    for (const h of holidays) {
      daysOff.set(h.dn, { date: fromDayNumber(h.dn), reason: 'holiday', name: h.name, holiday: h.holiday })
    }
    // Art. 111(3): a holiday on a weekly rest day gives the next working day off. Walking the holidays
    // in date order and skipping days already off pushes Tết's substitutes past the whole block.
    // Override days off are not skipped: a notice usually lists the substitute days themselves, and
    // skipping them would add a second, spurious day off.
    for (const h of holidays) {
      if (!isWeekendDn(h.dn)) continue
      let dn = h.dn + 1
      while (isWeekendDn(dn) || daysOff.has(dn)) dn++
      const date = fromDayNumber(h.dn)
      daysOff.set(dn, {
        date: fromDayNumber(dn),
        reason: 'substitute',
        name: {
          vi: `Nghỉ bù ${h.name.vi} (${formatVietnamese(date)})`,
          en: `Day off in lieu of ${h.name.en} (${date})`,
        },
        holiday: h.holiday,
        substituteFor: date,
      })
    }

    const extraWorkingDays: YearTable['extraWorkingDays'] = []
    const noticeWorking = this.#applyNotices(year, daysOff, extraWorkingDays)
    if (overrides) {
      for (const [dn, day] of overrides.off) {
        // An unnamed override on a computed holiday keeps the holiday's more telling name.
        if (day.name === undefined && daysOff.has(dn)) continue
        daysOff.set(dn, {
          date: day.date,
          reason: 'override',
          name: localized(day.name, DEFAULT_OVERRIDE_OFF),
        })
      }
      for (const [dn, day] of overrides.working) {
        daysOff.delete(dn)
        const at = extraWorkingDays.findIndex((w) => w.date === day.date)
        if (at >= 0) extraWorkingDays.splice(at, 1)
        extraWorkingDays.push({ date: day.date, name: localized(day.name, DEFAULT_OVERRIDE_WORKING) })
      }
      for (const dn of overrides.off.keys()) {
        const at = extraWorkingDays.findIndex((w) => w.date === fromDayNumber(dn))
        if (at >= 0) extraWorkingDays.splice(at, 1)
      }
    }
    extraWorkingDays.sort((a, b) => (a.date < b.date ? -1 : 1))

    const working = new Uint8Array(lastDn - firstDn + 1)
    for (let dn = firstDn; dn <= lastDn; dn++) {
      const isWorking =
        overrides?.working.has(dn) ||
        (!overrides?.off.has(dn) && noticeWorking.has(dn)) ||
        (!isWeekendDn(dn) && !daysOff.has(dn))
      working[dn - firstDn] = isWorking ? 1 : 0
    }
    return { firstDn, lastDn, working, daysOff, extraWorkingDays }
  }
}

function parseOverrideDate(date: LocalDate): number {
  try {
    return dayNumber(date)
  } catch {
    throw new CalendarError('invalid_override', `not a calendar date: ${date}`)
  }
}

/** The coming Tết counted with computed days because no notice fixes it yet. */
export interface TetScheduleWarning {
  readonly year: number
  /** The default days the deadlines are counted with meanwhile. */
  readonly defaultDays: readonly LocalDate[]
}

/**
 * From 1 October, next year's Tết is expected to be announced; until a notice for it is shipped or
 * recorded (and until that Tết is over), the dashboards say its days are the computed defaults.
 */
export function tetScheduleWarning(
  calendar: WorkingCalendar,
  today: LocalDate,
): TetScheduleWarning | undefined {
  const year = Number(today.slice(0, 4))
  const candidates = today.slice(5) >= '10-01' ? [year, year + 1] : [year]
  for (const y of candidates) {
    const days = calendar.unconfirmedTetDays(y)
    if (days.length > 0 && today <= days[days.length - 1]!) return { year: y, defaultDays: days }
  }
  return undefined
}
