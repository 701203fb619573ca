import { describe, expect, it } from 'vitest'
import {
  checkSession,
  headReceptionDays,
  RECEPTION_DEFAULTS,
  type ReceptionSession,
  receptionFigures,
  receptionSessionSchema,
  requiredDaysPerMonth,
} from '../../shared/domain/reception.js'

const session = (date: string, type: ReceptionSession['type'], hostUserId = 'btc.truong') => ({
  date,
  type,
  hostUserId,
})

describe("a head's minimum reception days", () => {
  it('is met month by month by distinct days hosted, not by regular sessions nor by someone else', () => {
    const sessions = [
      session('2026-09-10', 'periodic'),
      session('2026-09-10', 'ad_hoc'), // same day: one day
      session('2026-10-05', 'regular'), // the duty officer's reception does not count
      session('2026-10-06', 'periodic', 'byt.truong'),
      session('2026-11-03', 'online'),
    ]

    const days = headReceptionDays(
      'btc.truong',
      sessions,
      { from: '2026-09-01', to: '2026-11-30', asOf: '2026-11-30' },
      1,
    )

    expect(days.months.map((m) => [m.month, m.held, m.met])).toEqual([
      ['2026-09', 1, true],
      ['2026-10', 0, false],
      ['2026-11', 1, true],
    ])
    expect(days).toMatchObject({ required: 3, held: 2, met: false })
  })

  it('does not judge a month still running until it is met', () => {
    const period = { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-26' }

    expect(headReceptionDays('h', [], period, 1)).toMatchObject({ met: undefined, held: 0 })
    expect(headReceptionDays('h', [session('2026-11-02', 'periodic', 'h')], period, 1).met).toBe(true)
  })

  it('asks two days a month of a commune-level head', () => {
    const rules = { ...RECEPTION_DEFAULTS, communeCommitteeIds: ['xa-an-binh'] }
    const commune = {
      id: 'xa-an-binh',
      name: 'Đảng ủy xã An Bình',
      type: 'subordinate' as const,
      organizations: [],
    }

    expect(requiredDaysPerMonth(commune, rules)).toBe(2)
    expect(requiredDaysPerMonth({ ...commune, id: 'btc' }, rules)).toBe(1)
    const oneDay = headReceptionDays(
      'h',
      [session('2026-10-02', 'periodic', 'h')],
      { from: '2026-10-01', to: '2026-10-31', asOf: '2026-11-26' },
      2,
    )
    expect(oneDay.met).toBe(false)
  })
})

describe('a reception session', () => {
  const valid = {
    committeeId: 'btc',
    date: '2026-11-20',
    type: 'periodic',
    hostUserId: 'btc.truong',
    visitors: 12,
    delegations: [{ people: 8, representatives: 2, subject: 'Bồi thường giải phóng mặt bằng' }],
  }

  it('refuses fewer visitors than the delegations hold, naming the field', () => {
    const parsed = receptionSessionSchema.safeParse({ ...valid, visitors: 5 })

    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['visitors'],
      message: 'visitors_below_delegations',
    })
  })

  it('refuses a delegation of fewer than five people', () => {
    expect(
      receptionSessionSchema.safeParse({
        ...valid,
        delegations: [{ people: 4, representatives: 1, subject: 'x' }],
      }).success,
    ).toBe(false)
  })

  it('refuses online reception before 1 July 2026 and a session in the future', () => {
    const parsed = receptionSessionSchema.parse({ ...valid, type: 'online', date: '2026-06-30' })

    expect(() => checkSession(parsed, '2026-11-26')).toThrow(
      expect.objectContaining({ code: 'online_not_yet', field: 'type' }),
    )
    expect(() => checkSession({ ...parsed, type: 'regular', date: '2026-11-27' }, '2026-11-26')).toThrow(
      expect.objectContaining({ code: 'future_date' }),
    )
  })

  it('counts sessions by type, visitors, distinct cases and delegations', () => {
    const base = {
      id: 'a',
      committeeId: 'btc',
      hostName: '',
      hostIsHead: true,
      recordedBy: 'x',
      recordedAt: '',
      hostUserId: 'h',
    }
    const f = receptionFigures([
      { ...base, date: '2026-11-02', type: 'regular', visitors: 3, delegations: [], caseCodes: ['A', 'B'] },
      {
        ...base,
        date: '2026-11-10',
        type: 'periodic',
        visitors: 10,
        delegations: [{ people: 7, representatives: 2, subject: 's' }],
        caseCodes: ['B'],
      },
    ])

    expect(f).toEqual({
      sessions: 2,
      byType: { regular: 1, periodic: 1, ad_hoc: 0, online: 0 },
      visitors: 13,
      cases: 2,
      delegations: 1,
      delegationPeople: 7,
    })
  })
})
