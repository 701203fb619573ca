/**
 * The public holidays the law gives, versioned by the day each rule took effect, like the deadline
 * rule sets: a law that adds or changes a holiday is a new entry with its start date, and the years
 * before it keep the holidays they had.
 *
 * - Labour Code 10/2012/QH13 Art. 115 (in force 1 May 2013): New Year 1 day, Tết 5 days, Hùng
 *   Kings 1, 30 April 1, 1 May 1, National Day 1 (2 September).
 * - Labour Code 45/2019/QH14 Art. 112 (in force 1 January 2021): National Day 2 days, 2 September
 *   and the day before or after it.
 *
 * The calendar does not model the law before 2013: earlier years are counted with the 2012 rules.
 * A future holiday (for example Ngày Văn hóa Việt Nam on 24 November, decided in principle by
 * Resolution 80-NQ/TW of the Politburo and awaiting the Labour Code's amendment) is added here with
 * its law and effective date once enacted.
 */
import { getSolarDate } from '@dqcai/vn-lunar'
import type { LocalizedText } from './calendar.js'
import type { LocalDate } from './dates.js'

/** One holiday the law gives, in force from `from` (inclusive) until `until` (inclusive). */
export interface HolidayRule {
  readonly id: string
  /** A stable code; the statutory ones are listed in calendar.ts `HOLIDAYS`. */
  readonly holiday: string
  readonly from?: LocalDate
  readonly until?: LocalDate
  /** The article of law, as cited in Vietnamese. */
  readonly basis: string
  /** The holiday's days in a Gregorian year, before substitutes, notices and overrides. */
  readonly days: (year: number) => readonly { readonly date: LocalDate; readonly name: LocalizedText }[]
}

const DAY_MS = 86_400_000
const iso = (dn: number) => new Date(dn * DAY_MS).toISOString().slice(0, 10) as LocalDate
const dnOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS
const weekdayOf = (dn: number) => (((dn + 4) % 7) + 7) % 7
const isWeekday = (dn: number) => {
  const wd = weekdayOf(dn)
  return wd >= 1 && wd <= 5
}

/** The day of 2 Sep's partner (Art. 112(1)(đ)); the rule reproduces the 2021–2025 notices. */
function nationalDayNeighbour(year: number): number {
  const sep1 = dnOf(year, 9, 1)
  const sep3 = dnOf(year, 9, 3)
  if (isWeekday(sep1) !== isWeekday(sep3)) return isWeekday(sep1) ? sep1 : sep3
  // Both are weekdays: the one that joins the holiday to a weekend gives a longer break.
  return weekdayOf(sep3) === 5 ? sep3 : sep1
}

function tetDays(year: number) {
  const tet = getSolarDate(1, 1, year)
  const first = dnOf(tet.year, tet.month, tet.day)
  // The last day of the lunar year is the day before the 1st of month 1, whether month 12 has 29 or 30 days.
  return [
    {
      date: iso(first - 1),
      name: { vi: 'Tết Nguyên đán (ngày cuối năm Âm lịch)', en: "Tết (Lunar New Year's Eve)" },
    },
    ...[1, 2, 3, 4].map((i) => ({
      date: iso(first + i - 1),
      name: { vi: `Tết Nguyên đán (mùng ${i})`, en: `Tết (Lunar New Year, day ${i})` },
    })),
  ]
}

const LC_2012 = 'Bộ luật Lao động 10/2012/QH13, Điều 115'
const LC_2019 = 'Bộ luật Lao động 45/2019/QH14, Điều 112'
const fixed = (month: number, day: number, name: LocalizedText) => (year: number) => [
  { date: iso(dnOf(year, month, day)), name },
]

/** The holidays in force, oldest law first. */
export const HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    id: 'new_year',
    holiday: 'new_year',
    basis: `${LC_2012}; ${LC_2019}`,
    days: fixed(1, 1, { vi: 'Tết Dương lịch', en: "New Year's Day" }),
  },
  { id: 'tet', holiday: 'tet', basis: `${LC_2012}; ${LC_2019}`, days: tetDays },
  {
    id: 'hung_kings',
    holiday: 'hung_kings',
    basis: `${LC_2012}; ${LC_2019}`,
    days: (year) => {
      const hung = getSolarDate(10, 3, year)
      return [
        {
          date: iso(dnOf(hung.year, hung.month, hung.day)),
          name: { vi: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)', en: "Hùng Kings' Commemoration Day" },
        },
      ]
    },
  },
  {
    id: 'victory_day',
    holiday: 'victory_day',
    basis: `${LC_2012}; ${LC_2019}`,
    days: fixed(4, 30, { vi: 'Ngày Chiến thắng', en: 'Reunification Day' }),
  },
  {
    id: 'labour_day',
    holiday: 'labour_day',
    basis: `${LC_2012}; ${LC_2019}`,
    days: fixed(5, 1, { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' }),
  },
  {
    id: 'national_day',
    holiday: 'national_day',
    basis: `${LC_2012}; ${LC_2019}`,
    days: fixed(9, 2, { vi: 'Quốc khánh', en: 'National Day' }),
  },
  {
    id: 'national_day_adjacent',
    holiday: 'national_day',
    from: '2021-01-01' as LocalDate,
    basis: `${LC_2019}, khoản 1 điểm đ`,
    days: (year) => [
      {
        date: iso(nationalDayNeighbour(year)),
        name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
      },
    ],
  },
]

/** Whether `rule` gives `date` (its effective window includes the day). */
export const ruleInForce = (rule: HolidayRule, date: LocalDate): boolean =>
  (rule.from === undefined || date >= rule.from) && (rule.until === undefined || date <= rule.until)
