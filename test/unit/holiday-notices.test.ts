/**
 * The announced holiday schedules (shared/domain/holiday-notices.ts) against the days each notice
 * gave, worked out by hand from the notices as reported (weekdays from a printed calendar), and
 * the holidays versioned by the law in force (shared/domain/holiday-rules.ts).
 */
import { describe, expect, it } from 'vitest'
import { tetScheduleWarning, WorkingCalendar } from '../../shared/domain/calendar.js'
import { type ClockFacts, computeDeadlines } from '../../shared/domain/deadlines.js'
import { HOLIDAY_NOTICES, type HolidayNotice } from '../../shared/domain/holiday-notices.js'
import { HOLIDAY_RULES } from '../../shared/domain/holiday-rules.js'

const calendar = new WorkingCalendar()
/** Weekdays off in [from, to], the way an office's wall calendar shows a break. */
function weekdaysOff(c: WorkingCalendar, from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10)
    const wd = new Date(t).getUTCDay()
    if (wd !== 0 && wd !== 6 && !c.isWorkingDay(date)) out.push(date)
  }
  return out
}

describe('the announced Tết days', () => {
  it.each([
    [2019, ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08']],
    [2020, ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29']],
    [2021, ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']],
    [2022, ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']],
    [2023, ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']],
    [2024, ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']],
    [2025, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']],
  ])('gives Tết %i exactly the five weekdays of its notice, and no substitute beyond them', (year, days) => {
    // Act: every weekday off between mid-January and the end of February.
    const off = weekdaysOff(calendar, `${year}-01-15`, `${year}-02-28`)

    // Assert
    expect(off).toEqual(days)
  })

  it('makes Monday 3 February 2025 a working day and Monday 27 January a day off, as announced', () => {
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false)
    expect(calendar.dayOff('2025-01-27')).toMatchObject({ reason: 'notice', holiday: 'tet' })
    expect(calendar.dayOff('2025-01-27')?.basis).toContain('8726/VPCP-KGVX')
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true)
  })

  it('keeps the names of Tết days that fall on the weekend (mùng 1 and 2 of 2020 on Sat 25 and Sun 26 Jan)', () => {
    expect(calendar.dayOff('2020-01-25')).toMatchObject({ reason: 'holiday', holiday: 'tet' })
    expect(calendar.dayOff('2020-01-30')).toBeUndefined() // the computed substitute is not a day off
  })

  it('gives a denunciation received on 27 January 2025 11 February as its 7-working-day limit', () => {
    // Arrange: 27–31 Jan Tết, 1–2 Feb weekend; 3(1) 4(2) 5(3) 6(4) 7(5) 10(6) 11(7).
    const facts: ClockFacts = {
      kind: 'denunciation',
      channel: 'post',
      receivedOn: '2025-01-27',
      instance: 1,
      remoteArea: false,
      complexity: 'normal',
      severalPlaces: false,
      events: [],
    }

    // Act
    const deadlines = computeDeadlines(facts, { calendar, settings: { daysMode: 'calendar' } }, '2025-01-27')

    // Assert
    const acceptance = deadlines.find((d) => d.clock === 'acceptance')
    expect(acceptance?.dueDate).toBe('2025-02-11')
    expect(acceptance?.explanation.en).not.toContain('default Tết days')
  })
})

describe('the other announced breaks', () => {
  it('gives New Year 2019 its bridge on Monday 31 Dec 2018 and Saturday 5 Jan 2019 worked', () => {
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false)
    expect(calendar.dayOff('2018-12-31')?.basis).toContain('3238/TB-LĐTBXH')
    expect(calendar.isWorkingDay('2019-01-05')).toBe(true)
    expect(calendar.extraWorkingDays(2019).map((d) => d.date)).toContain('2019-01-05')
  })

  it.each([
    [2019, '2019-04-29', '2019-05-04'],
    [2024, '2024-04-29', '2024-05-04'],
    [2025, '2025-05-02', '2025-04-26'],
  ])('swaps a day of the 30/4–1/5 break of %i (%s off, Saturday %s worked)', (_year, off, worked) => {
    expect(calendar.isWorkingDay(off)).toBe(false)
    expect(calendar.isWorkingDay(worked)).toBe(true)
  })

  it('swaps Friday 2 January 2026 for Saturday 10 January 2026', () => {
    expect(weekdaysOff(calendar, '2026-01-01', '2026-01-09')).toEqual(['2026-01-01', '2026-01-02'])
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true)
  })

  it('lets an admin override win over a shipped notice', () => {
    const withOverride = new WorkingCalendar([{ year: 2025, workingDays: [{ date: '2025-01-27' }] }])

    expect(withOverride.isWorkingDay('2025-01-27')).toBe(true)
    expect(withOverride.isWorkingDay('2025-01-28')).toBe(false)
  })

  it('ships every notice with a basis, and every day of it a valid date', () => {
    for (const notice of HOLIDAY_NOTICES) {
      expect(notice.basis.length).toBeGreaterThan(10)
      expect(() =>
        new WorkingCalendar([], { notices: [notice] }).isWorkingDay(notice.daysOff[0]!),
      ).not.toThrow()
    }
  })
})

describe('holidays versioned by the law in force', () => {
  it('gives National Day one day before 2021 (Labour Code 2012) and two from 2021 (Labour Code 2019)', () => {
    // 2 Sep 2020 was a Wednesday: 1 and 3 Sep were working days.
    expect(weekdaysOff(calendar, '2020-08-31', '2020-09-04')).toEqual(['2020-09-02'])
    expect(weekdaysOff(calendar, '2021-08-30', '2021-09-03')).toEqual(['2021-09-02', '2021-09-03'])
  })

  it('adds a holiday by a new law from its start date without changing the years before it', () => {
    // Arrange: a hypothetical law making 24 November a holiday from 2027.
    const withCultureDay = new WorkingCalendar([], {
      rules: [
        ...HOLIDAY_RULES,
        {
          id: 'culture_day',
          holiday: 'culture_day',
          from: '2027-01-01',
          basis: 'a hypothetical amendment of the Labour Code',
          days: (year) => [
            { date: `${year}-11-24`, name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' } },
          ],
        },
      ],
    })

    // Assert: Tue 24 Nov 2026 is still worked; Wed 24 Nov 2027 is off.
    expect(withCultureDay.isWorkingDay('2026-11-24')).toBe(true)
    expect(withCultureDay.dayOff('2027-11-24')).toMatchObject({ reason: 'holiday', holiday: 'culture_day' })
  })
})

describe('a Tết no notice has fixed yet', () => {
  const tet2027: HolidayNotice = {
    year: 2027,
    occasion: 'tet',
    // A schedule as an admin would record it (illustrative, not an announced one).
    daysOff: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'],
    basis: 'Thông báo (ví dụ) về lịch nghỉ Tết Âm lịch 2027',
  }

  it('lists the default Tết days of 2027 as unconfirmed until a schedule is recorded', () => {
    expect(calendar.unconfirmedTetDays(2027)).toEqual([
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ])
    expect(calendar.unconfirmedTetDays(2026)).toEqual([])
    expect(calendar.unconfirmedTetDays(2010)).toEqual([]) // before the notices are expected

    const recorded = new WorkingCalendar([{ year: 2027, notices: [tet2027] }])
    expect(recorded.unconfirmedTetDays(2027)).toEqual([])
    expect(weekdaysOff(recorded, '2027-02-01', '2027-02-12')).toEqual(tet2027.daysOff)
  })

  it('says a clock across the unconfirmed days is counted with the default Tết days', () => {
    const facts: ClockFacts = {
      kind: 'denunciation',
      channel: 'post',
      receivedOn: '2027-02-01',
      instance: 1,
      remoteArea: false,
      complexity: 'normal',
      severalPlaces: false,
      events: [],
    }
    const settings = { daysMode: 'calendar' as const }

    const before = computeDeadlines(facts, { calendar, settings }, '2027-02-01').find(
      (d) => d.clock === 'acceptance',
    )
    const after = computeDeadlines(
      facts,
      { calendar: new WorkingCalendar([{ year: 2027, notices: [tet2027] }]), settings },
      '2027-02-01',
    ).find((d) => d.clock === 'acceptance')

    expect(before?.explanation.en).toContain(
      'counted with the default Tết days; the official schedule is not yet recorded',
    )
    expect(before?.explanation.vi).toContain('lịch nghỉ Tết chính thức chưa được ghi nhận')
    expect(after?.explanation.en).not.toContain('default Tết days')
  })
})

describe('the dashboards’ warning about the coming Tết', () => {
  it('appears on 1 October when next year’s Tết has no recorded schedule, not the day before', () => {
    expect(tetScheduleWarning(calendar, '2026-09-30')).toBeUndefined()
    expect(tetScheduleWarning(calendar, '2026-10-01')).toEqual({
      year: 2027,
      defaultDays: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
    })
    // Still there in January of the year itself, gone once that Tết is over.
    expect(tetScheduleWarning(calendar, '2027-01-15')?.year).toBe(2027)
    expect(tetScheduleWarning(calendar, '2027-02-12')).toBeUndefined()
  })

  it('disappears when the schedule is recorded, and never shows for a year already shipped', () => {
    const recorded = new WorkingCalendar([
      {
        year: 2027,
        notices: [{ year: 2027, occasion: 'tet', daysOff: ['2027-02-04'], basis: 'Thông báo (ví dụ) 2027' }],
      },
    ])

    expect(tetScheduleWarning(recorded, '2026-10-01')).toBeUndefined()
    expect(tetScheduleWarning(calendar, '2025-10-01')).toBeUndefined() // Tết 2026 is shipped
  })
})
