/**
 * The Vietnamese working-day calendar (Labour Code 45/2019/QH14 Art. 111–112): Monday to Friday,
 * less public holidays, the substitute days they give when they fall on a weekend, and the yearly
 * government notices (bridge days off, Saturdays worked in exchange), which an admin enters as
 * overrides and which win over everything computed here.
 *
 * Lunar holidays come from the Vietnamese lunar calendar (`@dqcai/vn-lunar`, computed for UTC+7;
 * it differs from the Chinese one in some years), which covers the years 1900–2199.
 */
import { getSolarDate } from '@dqcai/vn-lunar'
import { dayNumber, formatVietnamese, fromDayNumber, type LocalDate } from './dates.js'
import { DomainError } from './errors.js'

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

/** Why a day is not a working day. `override` = listed as a day off in the admin's yearly notice. */
export type DayOffReason = 'weekend' | 'holiday' | 'substitute' | 'override'

/** The explanation of one day off, for the calendar page and for deadline explanations. */
export interface DayOffInfo {
  date: LocalDate
  reason: DayOffReason
  name: LocalizedText
  /** Set for public holidays and for their substitutes (the holiday they replace). */
  holiday?: Holiday
  /** For a substitute day: the holiday date (on a weekend) it makes up for. */
  substituteFor?: LocalDate
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
}

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
  holiday: Holiday
  name: LocalizedText
}

/** The day of 2 Sep's partner (Art. 112(1)(đ)); the rule reproduces the 2021–2025 notices. */
function nationalDayNeighbour(year: number): number {
  const sep1 = dnOf(year, 9, 1)
  const sep3 = dnOf(year, 9, 3)
  const wd1 = weekdayOf(sep1)
  const wd3 = weekdayOf(sep3)
  const sep1Weekday = wd1 >= 1 && wd1 <= 5
  const sep3Weekday = wd3 >= 1 && wd3 <= 5
  if (sep1Weekday !== sep3Weekday) return sep1Weekday ? sep1 : sep3
  // Both are weekdays: the one that joins the holiday to a weekend gives a longer break.
  if (wd3 === 5) return sep3
  return sep1
}

/** Public holidays of a Gregorian year with their default dates (before substitutes and overrides). */
function computedHolidays(year: number): ComputedHoliday[] {
  const tet = getSolarDate(1, 1, year)
  const hung = getSolarDate(10, 3, year)
  const tetDn = dnOf(tet.year, tet.month, tet.day)
  const list: ComputedHoliday[] = [
    { dn: dnOf(year, 1, 1), holiday: 'new_year', name: { vi: 'Tết Dương lịch', en: "New Year's Day" } },
    {
      // The last day of the lunar year is the day before the 1st of month 1, whether month 12 has 29 or 30 days.
      dn: tetDn - 1,
      holiday: 'tet',
      name: { vi: 'Tết Nguyên đán (ngày cuối năm Âm lịch)', en: "Tết (Lunar New Year's Eve)" },
    },
  ]
  for (let i = 1; i <= 4; i++) {
    list.push({
      dn: tetDn + i - 1,
      holiday: 'tet',
      name: { vi: `Tết Nguyên đán (mùng ${i})`, en: `Tết (Lunar New Year, day ${i})` },
    })
  }
  const neighbour = nationalDayNeighbour(year)
  list.push(
    {
      dn: dnOf(hung.year, hung.month, hung.day),
      holiday: 'hung_kings',
      name: { vi: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)', en: "Hùng Kings' Commemoration Day" },
    },
    {
      dn: dnOf(year, 4, 30),
      holiday: 'victory_day',
      name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
    },
    {
      dn: dnOf(year, 5, 1),
      holiday: 'labour_day',
      name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
    },
    { dn: dnOf(year, 9, 2), holiday: 'national_day', name: { vi: 'Quốc khánh', en: 'National Day' } },
    {
      dn: neighbour,
      holiday: 'national_day',
      name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
    },
  )
  return list.sort((a, b) => a.dn - b.dn)
}

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
 * const calendar = new WorkingCalendar([{ year: 2025, daysOff: [{ date: '2025-01-27' }], workingDays: [{ date: '2025-02-08' }] }])
 * calendar.addWorkingDays('2026-07-01', 7) // '2026-07-10'
 */
export class WorkingCalendar {
  readonly #overrides = new Map<
    number,
    { off: Map<number, DayOverride>; working: Map<number, DayOverride> }
  >()
  readonly #years = new Map<number, YearTable>()
  #last: YearTable | undefined

  /** @throws CalendarError `invalid_override` for a malformed date, a date outside its year, or a date both off and working. */
  constructor(overrides: readonly CalendarOverride[] = []) {
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

    const holidays = computedHolidays(year)
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
        extraWorkingDays.push({ date: day.date, name: localized(day.name, DEFAULT_OVERRIDE_WORKING) })
      }
      extraWorkingDays.sort((a, b) => (a.date < b.date ? -1 : 1))
    }

    const working = new Uint8Array(lastDn - firstDn + 1)
    for (let dn = firstDn; dn <= lastDn; dn++) {
      const isWorking = overrides?.working.has(dn) || (!isWeekendDn(dn) && !daysOff.has(dn))
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
