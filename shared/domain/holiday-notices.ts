/**
 * The holiday schedules the government announced, year by year, as data.
 *
 * The Labour Code gives the holidays (Art. 112) and the rule for one falling on a weekly rest day
 * (Art. 111(3)), but it does not fix which five days Tết takes, nor the bridge days and the
 * Saturdays worked in exchange: each year the Prime Minister decides them and the ministry in
 * charge of labour (Bộ Lao động – Thương binh và Xã hội until February 2025, Bộ Nội vụ since)
 * announces them for cán bộ, công chức, viên chức. Offices counted their deadlines with those
 * announced days, so the calendar uses them before its computed defaults
 * (`shared/domain/calendar.ts`); an admin's own override still wins over both.
 *
 * Each entry lists EVERY weekday off of its break (statutory days, substitute days and swapped
 * days) and every weekend day worked in exchange, with the notice as its basis. `confirm` marks an
 * entry whose official text could not be read here: its days agree with the press reports of the
 * notice, but the text itself should be checked before relying on the notice's number or date.
 * An occasion missing from a year (for example National Day 2026) is counted with the computed
 * defaults. `docs/holidays.md` lists the sources.
 */

import type { Holiday } from './calendar.js'
import type { LocalDate } from './dates.js'

/** The holiday breaks a notice can set; `victory_labour` is 30 April with 1 May. */
export const OCCASIONS = ['new_year', 'tet', 'hung_kings', 'victory_labour', 'national_day'] as const
export type Occasion = (typeof OCCASIONS)[number]

/** The statutory holidays each occasion's break is built around. */
export const OCCASION_HOLIDAYS: Record<Occasion, readonly Holiday[]> = {
  new_year: ['new_year'],
  tet: ['tet'],
  hung_kings: ['hung_kings'],
  victory_labour: ['victory_day', 'labour_day'],
  national_day: ['national_day'],
}

/** One announced break. */
export interface HolidayNotice {
  /** The year of the holiday (New Year 2019's notice may give 31 Dec 2018 off). */
  readonly year: number
  readonly occasion: Occasion
  /** Every weekday off of the break: statutory, substitute and swapped days. */
  readonly daysOff: readonly LocalDate[]
  /** Weekend days worked in exchange for a swapped day. */
  readonly workingDays?: readonly LocalDate[]
  /** The notice or decision, as cited in Vietnamese. */
  readonly basis: string
  /** True when the official text could not be checked (the days follow the press reports). */
  readonly confirm?: boolean
}

const range = (from: string, days: number): LocalDate[] => {
  const start = Date.parse(`${from}T00:00:00Z`)
  return Array.from(
    { length: days },
    (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10) as LocalDate,
  )
}
const d = (date: string) => date as LocalDate

/**
 * The shipped schedules, 2019 to the latest announced. Years and occasions where the announced
 * days equal the computed defaults are listed too, so that the year counts as confirmed.
 */
export const HOLIDAY_NOTICES: readonly HolidayNotice[] = [
  // 2019: Thông báo 3238/TB-LĐTBXH (2018).
  {
    year: 2019,
    occasion: 'new_year',
    daysOff: [d('2018-12-31'), d('2019-01-01')],
    workingDays: [d('2019-01-05')],
    basis: 'Thông báo 3238/TB-LĐTBXH của Bộ Lao động – Thương binh và Xã hội (2018)',
    confirm: true,
  },
  {
    year: 2019,
    occasion: 'tet',
    daysOff: range('2019-02-04', 5),
    basis: 'Thông báo 3238/TB-LĐTBXH của Bộ Lao động – Thương binh và Xã hội (2018)',
    confirm: true,
  },
  {
    year: 2019,
    occasion: 'victory_labour',
    daysOff: [d('2019-04-29'), d('2019-04-30'), d('2019-05-01')],
    workingDays: [d('2019-05-04')],
    basis: 'Thông báo 3238/TB-LĐTBXH của Bộ Lao động – Thương binh và Xã hội (2018)',
    confirm: true,
  },
  // 2020: Tết Canh Tý from 29 Chạp to mùng 5 (Thu 23 – Wed 29 Jan).
  {
    year: 2020,
    occasion: 'tet',
    daysOff: [d('2020-01-23'), d('2020-01-24'), d('2020-01-27'), d('2020-01-28'), d('2020-01-29')],
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2020',
    confirm: true,
  },
  // 2021: Tết Tân Sửu from 29 Chạp to mùng 5 (Wed 10 – Tue 16 Feb).
  {
    year: 2021,
    occasion: 'tet',
    daysOff: [d('2021-02-10'), d('2021-02-11'), d('2021-02-12'), d('2021-02-15'), d('2021-02-16')],
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2021',
    confirm: true,
  },
  {
    year: 2021,
    occasion: 'national_day',
    daysOff: [d('2021-09-02'), d('2021-09-03')],
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2021',
    confirm: true,
  },
  // 2022: Tết Nhâm Dần Mon 31 Jan – Fri 4 Feb; National Day Thu 1 – Fri 2 Sep.
  {
    year: 2022,
    occasion: 'tet',
    daysOff: range('2022-01-31', 5),
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2022',
    confirm: true,
  },
  {
    year: 2022,
    occasion: 'national_day',
    daysOff: [d('2022-09-01'), d('2022-09-02')],
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2022',
    confirm: true,
  },
  // 2023: Công văn 8056/VPCP-KGVX ngày 01/12/2022. Tết Quý Mão Fri 20 – Thu 26 Jan.
  {
    year: 2023,
    occasion: 'tet',
    daysOff: [d('2023-01-20'), d('2023-01-23'), d('2023-01-24'), d('2023-01-25'), d('2023-01-26')],
    basis: 'Công văn 8056/VPCP-KGVX ngày 01/12/2022 của Văn phòng Chính phủ',
    confirm: true,
  },
  {
    year: 2023,
    occasion: 'national_day',
    daysOff: [d('2023-09-01'), d('2023-09-04')],
    basis: 'Công văn 8056/VPCP-KGVX ngày 01/12/2022 của Văn phòng Chính phủ',
    confirm: true,
  },
  // 2024: Tết Giáp Thìn Thu 8 – Wed 14 Feb; 30/4–1/5 swapped Mon 29 Apr for Sat 4 May.
  {
    year: 2024,
    occasion: 'tet',
    daysOff: [d('2024-02-08'), d('2024-02-09'), d('2024-02-12'), d('2024-02-13'), d('2024-02-14')],
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2024',
    confirm: true,
  },
  {
    year: 2024,
    occasion: 'victory_labour',
    daysOff: [d('2024-04-29'), d('2024-04-30'), d('2024-05-01')],
    workingDays: [d('2024-05-04')],
    basis: 'Ý kiến của Thủ tướng Chính phủ về hoán đổi ngày làm việc dịp 30/4–1/5/2024',
    confirm: true,
  },
  {
    year: 2024,
    occasion: 'national_day',
    daysOff: [d('2024-09-02'), d('2024-09-03')],
    basis: 'Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch 2024',
    confirm: true,
  },
  // 2025: Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH (2024).
  // Tết Ất Tỵ Mon 27 – Fri 31 Jan, so Mon 3 Feb is a working day.
  {
    year: 2025,
    occasion: 'tet',
    daysOff: range('2025-01-27', 5),
    basis: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH',
    confirm: true,
  },
  {
    year: 2025,
    occasion: 'victory_labour',
    daysOff: [d('2025-04-30'), d('2025-05-01'), d('2025-05-02')],
    workingDays: [d('2025-04-26')],
    basis: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 (hoán đổi thứ Sáu 02/5 với thứ Bảy 26/4/2025)',
    confirm: true,
  },
  {
    year: 2025,
    occasion: 'national_day',
    daysOff: [d('2025-09-01'), d('2025-09-02')],
    basis: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH',
    confirm: true,
  },
  // 2026: New Year swapped Fri 2 Jan for Sat 10 Jan; Tết Bính Ngọ Mon 16 – Fri 20 Feb.
  {
    year: 2026,
    occasion: 'new_year',
    daysOff: [d('2026-01-01'), d('2026-01-02')],
    workingDays: [d('2026-01-10')],
    basis: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
    confirm: true,
  },
  {
    year: 2026,
    occasion: 'tet',
    daysOff: range('2026-02-16', 5),
    basis: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ',
    confirm: true,
  },
]
