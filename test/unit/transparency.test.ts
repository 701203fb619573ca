import { describe, expect, it } from 'vitest'
import { lastFourQuarters, type RawFigures, suppressTable } from '../../shared/domain/transparency.js'

const row = (
  received: number,
  resolved: number,
  onTime = resolved,
  late = 0,
  medianDays: number | null = 7,
) => ({ received, resolved, onTime, late, medianDays }) satisfies RawFigures

describe('the last four quarters', () => {
  it('are the current quarter to date and the three before it, across a year boundary', () => {
    expect(lastFourQuarters('2027-02-10')).toEqual([
      { year: 2027, quarter: 1, from: '2027-01-01', to: '2027-03-31', toDate: true },
      { year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31', toDate: false },
      { year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30', toDate: false },
      { year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30', toDate: false },
    ])
  })
})

describe('suppressing small cells', () => {
  it('shows every figure when every count is at least 5', () => {
    const t = suppressTable([row(10, 8, 6, 2 + 0, 12), row(7, 5, 5, 0, 9)], row(17, 13, 11, 0, 10))

    // A: 6 of 8 on time = 75%; B: 5 of 5 = 100%.
    expect(t.rows[0]).toMatchObject({ received: 10, resolved: 8, medianDaysToResolution: 12 })
    expect(t.rows[0]!.onTimePercent).toBeNull() // 2 late: 1–4, the share would give them back
    expect(t.rows[1]).toMatchObject({ received: 7, resolved: 5, onTimePercent: 100, suppressed: [] })
  })

  it('hides a count under 5 and the figures derived from a resolved count under 5', () => {
    const t = suppressTable([row(12, 10), row(3, 2), row(9, 9)], row(24, 21))

    expect(t.rows[1]).toEqual({
      received: null,
      resolved: null,
      onTimePercent: null,
      medianDaysToResolution: null,
      suppressed: [
        { field: 'received', reason: 'under_threshold' },
        { field: 'resolved', reason: 'under_threshold' },
        { field: 'onTimePercent', reason: 'small_base' },
        { field: 'medianDaysToResolution', reason: 'small_base' },
      ],
    })
  })

  it('hides a second cell of the column when only one is hidden and the total would give it back', () => {
    // received: 12, 3, 9 with total 24 → 3 = 24 − 12 − 9; so the next smallest, 9, goes too.
    const t = suppressTable([row(12, 10), row(3, 6), row(9, 9)], row(24, 25))

    expect(t.rows.map((r) => r.received)).toEqual([12, null, null])
    expect(t.rows[2]!.suppressed).toContainEqual({ field: 'received', reason: 'complementary' })
    expect(t.total.received).toBe(24)
    // resolved: none under 5, nothing hidden.
    expect(t.rows.map((r) => r.resolved)).toEqual([10, 6, 9])
  })

  it('hides the total when a hidden cell has no other committee cell to pair with', () => {
    const t = suppressTable([row(3, 0)], row(8, 5))

    expect(t.rows[0]!.received).toBeNull()
    expect(t.total.received).toBeNull()
    expect(t.total.suppressed).toContainEqual({ field: 'received', reason: 'complementary' })
  })

  it('needs no complementary cell when two cells of a column are hidden already', () => {
    const t = suppressTable([row(12, 10), row(3, 6), row(1, 9)], row(16, 25))

    expect(t.rows.map((r) => r.received)).toEqual([12, null, null])
    expect(t.rows[2]!.suppressed).toContainEqual({ field: 'received', reason: 'under_threshold' })
  })

  it('hides the on-time share when the cases on time or late number 1 to 4, not when 0', () => {
    const t = suppressTable(
      [row(20, 10, 7, 3), row(20, 10, 10, 0), row(20, 10, 0, 10), row(20, 10, 5, 5)],
      row(80, 40, 22, 18),
    )

    expect(t.rows.map((r) => r.onTimePercent)).toEqual([null, 100, 0, 50])
    expect(t.total.onTimePercent).toBe(55)
  })

  it('shows no median when there is none', () => {
    const t = suppressTable([row(6, 6, 6, 0, null)], row(6, 6, 6, 0, null))

    expect(t.rows[0]!.medianDaysToResolution).toBeNull()
  })
})
