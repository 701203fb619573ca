/**
 * Demo accountability reports and reception sessions, seeded after the petitions through the real
 * services with the seeding clock: a few sessions of the reception register (the desk, the head's
 * periodic day, an ad hoc day), a report on an overdue case still owed, and last month's periodic
 * report submitted by the head and accepted.
 */

import { addDays, type LocalDate } from '../shared/domain/dates.js'
import { DomainError } from '../shared/domain/errors.js'
import type { ActingUser } from '../shared/domain/policy.js'
import { staffReachesCase } from '../shared/domain/policy.js'
import { normalizeTrackingCode } from '../shared/domain/tracking-code.js'
import { createAccountabilityService } from '../shared/service/accountability.js'
import type { Services } from '../shared/service/context.js'
import { createReceptionService } from '../shared/service/reception.js'
import { USERS } from './demo-data.js'

const userOf = (id: string): ActingUser => USERS.find((u) => u.id === id)!

export async function seedReportsAndReception(
  s: Services,
  today: LocalDate,
  trackingCodes: readonly string[],
  setClock: (on: LocalDate, minute: number) => void,
): Promise<void> {
  const reception = createReceptionService(s)
  const accountability = createAccountabilityService(s)
  const officer = userOf('tiepdan')

  // The desk's cases (only those the officer reaches may be linked), each to a session on or after its receipt.
  const committees = (await s.settings.getCommittees()).value
  const deskCases: { code: string; receivedOn: LocalDate }[] = []
  for (const code of trackingCodes) {
    const c = await s.cases.getCase(normalizeTrackingCode(code)!)
    if (c && c.channel !== 'online' && staffReachesCase(officer, c, committees))
      deskCases.push({ code, receivedOn: c.receivedOn })
  }
  const used = new Set<string>()
  const casesBy = (date: LocalDate, n: number) => {
    const picked = deskCases
      .filter((c) => c.receivedOn <= date && !used.has(c.code))
      .sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : -1))
      .slice(0, n)
      .map((c) => c.code)
    for (const code of picked) used.add(code)
    return picked
  }
  const sessions: [days: number, by: string, body: Record<string, unknown>, cases: number][] = [
    [16, 'tiepdan', { type: 'regular', hostUserId: 'tiepdan', visitors: 4 }, 2],
    // The desk keeps the register, the head's periodic day included.
    [
      12,
      'tiepdan',
      {
        type: 'periodic',
        hostUserId: 'vanphong.truong',
        visitors: 11,
        delegations: [
          { people: 8, representatives: 2, subject: 'Chế độ, chính sách đối với cán bộ nghỉ hưu' },
        ],
      },
      1,
    ],
    [9, 'tiepdan', { type: 'online', hostUserId: 'tiepdan', visitors: 2 }, 1],
    [2, 'tiepdan', { type: 'regular', hostUserId: 'tiepdan', visitors: 3 }, 2],
  ]
  for (const [days, by, body, cases] of sessions) {
    const date = addDays(today, -days)
    setClock(date, days)
    await reception.record(
      {
        committeeId: 'vanphong',
        date,
        location: 'Trụ sở Tiếp công dân',
        delegations: [],
        ...body,
        caseCodes: casesBy(date, cases),
      } as never,
      userOf(by),
    )
  }
  setClock(addDays(today, -20), 1)
  await reception.record(
    {
      committeeId: 'btc',
      date: addDays(today, -20),
      type: 'ad_hoc',
      hostUserId: 'btc.truong',
      visitors: 2,
      delegations: [],
      caseCodes: [],
      notes: 'Tiếp đột xuất theo đề nghị của công dân về chế độ hưu trí.',
    },
    userOf('btc.truong'),
  )

  // A report on the first overdue case the supervisor finds, three days ago: still owed.
  setClock(addDays(today, -3), 5)
  for (const trackingCode of trackingCodes) {
    try {
      await accountability.require(
        {
          kind: 'case',
          trackingCode,
          note: 'Đề nghị giải trình lý do chậm giải quyết và biện pháp khắc phục.',
        },
        userOf('giamsat'),
        'vi',
      )
      break
    } catch (error) {
      if (!(error instanceof DomainError)) throw error // not overdue, or not a case to report on
    }
  }

  // Last month's periodic report of btc: required by the bloc's head, submitted, accepted.
  const lastMonth = addDays(`${today.slice(0, 8)}01`, -1)
  const notAfterToday = (d: LocalDate) => (d > today ? today : d)
  setClock(addDays(lastMonth, -5), 6)
  const required = await accountability.require(
    {
      kind: 'periodic',
      committeeId: 'btc',
      period: 'month',
      year: Number(lastMonth.slice(0, 4)),
      index: Number(lastMonth.slice(5, 7)),
    },
    userOf('dukhoi.truong'),
    'vi',
  )
  setClock(notAfterToday(addDays(lastMonth, 3)), 7)
  const submitted = await accountability.act(
    required.id,
    'submit',
    required.version,
    {
      explanation:
        `${required.draft?.text.vi ?? ''}\nĐơn vị đã rà soát các đơn quá hạn và phân công cán bộ theo dõi từng vụ việc.`.trim(),
    },
    userOf('btc.truong'),
    'vi',
  )
  setClock(notAfterToday(addDays(lastMonth, 6)), 8)
  await accountability.act(
    required.id,
    'accept',
    submitted.version,
    { note: 'Đồng ý.' },
    userOf('dukhoi.truong'),
    'vi',
  )
}
