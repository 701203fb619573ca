/**
 * The Vietnamese working-day calendar. Every expected date below was worked out by hand from a
 * printed calendar (weekday and lunar date), never by the code under test.
 */
import { describe, expect, it } from 'vitest'
import { CalendarError, WorkingCalendar } from '../../shared/domain/calendar.js'

/** The computed defaults alone, without the announced schedules (holiday-notices.test.ts covers those). */
const computedOnly = () => new WorkingCalendar([], { notices: [] })
const datesOff = (calendar: WorkingCalendar, year: number) => calendar.holidays(year).map((d) => d.date)

describe('public holidays as computed when no notice fixes the break', () => {
  it('computes Tết 2025 from lunar New Year’s Eve (Tue 28 Jan) to the 4th (Sat 1 Feb), with Monday 3 Feb in lieu', () => {
    // Arrange: the default the announced schedule (27–31 Jan) replaced.
    const calendar = computedOnly()

    // Act
    const off = calendar.holidays(2025).filter((d) => d.holiday === 'tet')

    // Assert: 1/1 Ất Tỵ = Wed 29 Jan 2025; the eve (29 tháng Chạp) is Tue 28 Jan.
    expect(off.map((d) => [d.date, d.reason])).toEqual([
      ['2025-01-28', 'holiday'],
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
      ['2025-02-01', 'holiday'],
      ['2025-02-03', 'substitute'],
    ])
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true)
    expect(calendar.isWorkingDay('2025-02-04')).toBe(true)
  })

  it('gives Tết 2026 from Monday 16 Feb to Friday 20 Feb, with no substitute day', () => {
    const calendar = new WorkingCalendar()

    const off = calendar.holidays(2026).filter((d) => d.holiday === 'tet')

    // 1/1 Bính Ngọ = Tue 17 Feb 2026: eve Mon 16, mùng 1–4 Tue 17 to Fri 20.
    expect(off.map((d) => d.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ])
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true)
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true)
  })

  it('pushes the substitutes of Tết 2027 past the whole block when mùng 1 and 2 fall on the weekend', () => {
    const calendar = new WorkingCalendar()

    const off = calendar.holidays(2027).filter((d) => d.holiday === 'tet')

    // 1/1 Đinh Mùi = Sat 6 Feb 2027: Fri 5 (eve) … Tue 9; Sat 6 and Sun 7 give Wed 10 and Thu 11.
    expect(off.map((d) => [d.date, d.reason, d.substituteFor])).toEqual([
      ['2027-02-05', 'holiday', undefined],
      ['2027-02-06', 'holiday', undefined],
      ['2027-02-07', 'holiday', undefined],
      ['2027-02-08', 'holiday', undefined],
      ['2027-02-09', 'holiday', undefined],
      ['2027-02-10', 'substitute', '2027-02-06'],
      ['2027-02-11', 'substitute', '2027-02-07'],
    ])
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true)
  })

  it('follows the Vietnamese lunar calendar, not the Chinese one, for Tết 1985 (Monday 21 January)', () => {
    const calendar = new WorkingCalendar()

    const tet = calendar.holidays(1985).filter((d) => d.holiday === 'tet')

    // China celebrated on 20 Feb 1985. Eve Sun 20 Jan → in lieu after the block: Fri 25 Jan.
    expect(tet.map((d) => d.date)).toEqual([
      '1985-01-20',
      '1985-01-21',
      '1985-01-22',
      '1985-01-23',
      '1985-01-24',
      '1985-01-25',
    ])
  })

  it('gives Hùng Kings’ day on the 10th of the 3rd lunar month: Monday 7 April 2025', () => {
    const calendar = new WorkingCalendar()

    expect(calendar.dayOff('2025-04-07')).toMatchObject({ reason: 'holiday', holiday: 'hung_kings' })
    expect(calendar.isWorkingDay('2025-04-08')).toBe(true)
  })

  it('gives Monday 27 April 2026 in lieu of Hùng Kings’ day on Sunday 26 April', () => {
    const calendar = new WorkingCalendar()

    const info = calendar.dayOff('2026-04-27')

    expect(info).toMatchObject({ reason: 'substitute', holiday: 'hung_kings', substituteFor: '2026-04-26' })
    expect(info?.name.vi).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch) (26/04/2026)')
  })

  it('gives 30 April and 1 May 2026 (Thursday and Friday) off, and Monday 4 May is a working day', () => {
    const calendar = new WorkingCalendar()

    expect(calendar.dayOff('2026-04-30')?.holiday).toBe('victory_day')
    expect(calendar.dayOff('2026-05-01')?.holiday).toBe('labour_day')
    expect(calendar.isWorkingDay('2026-05-04')).toBe(true)
  })

  it('gives Monday 2 and Tuesday 3 May 2022 in lieu of 30 April (Saturday) and 1 May (Sunday)', () => {
    const calendar = new WorkingCalendar()

    expect(calendar.dayOff('2022-05-02')).toMatchObject({ reason: 'substitute', substituteFor: '2022-04-30' })
    expect(calendar.dayOff('2022-05-03')).toMatchObject({ reason: 'substitute', substituteFor: '2022-05-01' })
    expect(calendar.isWorkingDay('2022-05-04')).toBe(true)
  })

  it('gives Monday 3 January 2028 in lieu of New Year’s Day on Saturday', () => {
    const calendar = new WorkingCalendar()

    expect(calendar.dayOff('2028-01-01')).toMatchObject({ reason: 'holiday', holiday: 'new_year' })
    expect(calendar.dayOff('2028-01-03')).toMatchObject({ reason: 'substitute', substituteFor: '2028-01-01' })
  })

  it.each([
    // year, weekday of 2 Sep, the days off around it as the notices gave them
    [2021, 'Thursday → Friday 3 Sep', ['2021-09-02', '2021-09-03']],
    [2022, 'Friday → Thursday 1 Sep', ['2022-09-01', '2022-09-02']],
    [2023, 'Saturday → Friday 1 Sep, Monday 4 Sep in lieu', ['2023-09-01', '2023-09-02', '2023-09-04']],
    [2024, 'Monday → Tuesday 3 Sep', ['2024-09-02', '2024-09-03']],
    [2025, 'Tuesday → Monday 1 Sep', ['2025-09-01', '2025-09-02']],
    [2026, 'Wednesday → Tuesday 1 Sep', ['2026-09-01', '2026-09-02']],
    [2029, 'Sunday → Monday 3 Sep, Tuesday 4 Sep in lieu', ['2029-09-02', '2029-09-03', '2029-09-04']],
  ])('gives National Day %i its adjacent day (%s)', (year, _why, expected) => {
    const calendar = new WorkingCalendar()

    const off = calendar.holidays(year).filter((d) => d.holiday === 'national_day')

    expect(off.map((d) => d.date)).toEqual(expected)
  })

  it('lists every computed day off of 2026 other than plain weekends, in date order', () => {
    const calendar = computedOnly()

    expect(datesOff(calendar, 2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ])
  })

  it('says a plain Saturday is a weekend day off', () => {
    const calendar = new WorkingCalendar()

    expect(calendar.dayOff('2026-03-07')).toEqual({
      date: '2026-03-07',
      reason: 'weekend',
      name: { vi: 'Thứ Bảy', en: 'Saturday' },
    })
    expect(calendar.dayOff('2026-03-06')).toBeUndefined()
  })

  it('handles the first and last years of the lunar calendar and refuses the years beyond', () => {
    const calendar = new WorkingCalendar()

    // 1 Jan 1900 was a Monday; 6 Jan 1900 a Saturday.
    expect(calendar.dayOff('1900-01-01')?.holiday).toBe('new_year')
    expect(calendar.dayOff('1900-01-06')?.reason).toBe('weekend')
    expect(calendar.isWorkingDay('2199-12-31')).toBe(true)
    expect(() => calendar.isWorkingDay('2200-01-01')).toThrow(
      expect.objectContaining({ code: 'year_out_of_range' }),
    )
  })
})

describe('admin overrides', () => {
  it('lets an admin add a swapped day off and the Saturday worked in exchange', () => {
    // Arrange: the real swap of 30/4–1/5/2025 (Friday 2 May off, Saturday 26 April worked,
    // Công văn 8726/VPCP-KGVX), entered by hand on a calendar without the shipped notices.
    const calendar = new WorkingCalendar(
      [
        {
          year: 2025,
          daysOff: [{ date: '2025-05-02', name: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' } }],
          workingDays: [{ date: '2025-04-26' }],
        },
      ],
      { notices: [] },
    )

    // Act / Assert
    expect(calendar.dayOff('2025-05-02')).toMatchObject({
      reason: 'override',
      name: { en: 'Swapped day off' },
    })
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true)
    expect(calendar.extraWorkingDays(2025).map((d) => d.date)).toEqual(['2025-04-26'])
  })

  it('lets an admin turn a computed holiday or substitute into a working day', () => {
    const calendar = new WorkingCalendar([{ year: 2025, workingDays: [{ date: '2025-02-03' }] }], {
      notices: [],
    })

    expect(calendar.isWorkingDay('2025-02-03')).toBe(true)
    expect(datesOff(calendar, 2025)).not.toContain('2025-02-03')
  })

  it('keeps the computed substitutes when an override lists them again as days off', () => {
    const calendar = new WorkingCalendar([
      { year: 2027, daysOff: [{ date: '2027-02-10' }, { date: '2027-02-11' }] },
    ])

    expect(calendar.dayOff('2027-02-10')?.reason).toBe('substitute')
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true)
  })

  it('counts an override working Saturday in working-day arithmetic', () => {
    const calendar = new WorkingCalendar([
      { year: 2027, workingDays: [{ date: '2027-03-06', name: 'Làm bù' }] },
    ])

    // Fri 5 Mar → Sat 6 Mar (worked) is the 1st working day after it.
    expect(calendar.addWorkingDays('2027-03-05', 1)).toBe('2027-03-06')
  })

  it('refuses an override that lists a date of another year, or one date both ways', () => {
    expect(() => new WorkingCalendar([{ year: 2026, daysOff: [{ date: '2027-01-02' }] }])).toThrow(
      CalendarError,
    )
    expect(
      () =>
        new WorkingCalendar([
          { year: 2026, daysOff: [{ date: '2026-05-04' }], workingDays: [{ date: '2026-05-04' }] },
        ]),
    ).toThrow(expect.objectContaining({ code: 'invalid_override' }))
    expect(() => new WorkingCalendar([{ year: 2026, daysOff: [{ date: '2026-02-30' }] }])).toThrow(
      expect.objectContaining({ code: 'invalid_override' }),
    )
  })
})

describe('working-day arithmetic', () => {
  it('counts the first working day after Friday 13 Feb 2026 as Monday 23 Feb, past Tết', () => {
    const calendar = new WorkingCalendar()

    // 14–15 weekend, 16–20 Tết, 21–22 weekend.
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23')
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27')
    expect(calendar.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13')
  })

  it('counts working days in (from, to] across Tết', () => {
    const calendar = new WorkingCalendar()

    // 23, 24, 25, 26, 27 Feb.
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5)
    expect(calendar.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(0)
  })

  it('finds the next working day on or after a day off', () => {
    const calendar = new WorkingCalendar()

    // Fri 5 Feb 2027 (Tết eve) … Thu 11 Feb (in lieu) are off.
    expect(calendar.nextWorkingDayOnOrAfter('2027-02-05')).toBe('2027-02-12')
    expect(calendar.nextWorkingDayOnOrAfter('2027-02-12')).toBe('2027-02-12')
  })

  it('crosses a year boundary and New Year’s Day', () => {
    const calendar = new WorkingCalendar()

    // Wed 30 Dec 2026 → Thu 31 (1), Fri 1 Jan off, Mon 4 Jan 2027 (2).
    expect(calendar.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04')
  })

  it('refuses a negative or fractional working-day count', () => {
    const calendar = new WorkingCalendar()

    expect(() => calendar.addWorkingDays('2026-01-05', -1)).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    )
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(CalendarError)
  })
})
