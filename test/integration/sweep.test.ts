/**
 * The deadline sweep over real HTTP and embedded dynalite, with a clock the test moves: petitions
 * are filed and handled through the API, the sweep runs as the scheduler would run it (several
 * times a day), and what it did is read back from the case items, the outbox and a sender that
 * records every delivery attempt (and fails on the addresses a test names).
 *
 * Dates are worked out by hand beside each test (docs/domain.md#clocks; default watch settings,
 * docs/domain.md#escalation: reminders 3 and 1 working days before, overdue the day after, the head
 * 2 working days later, the parent committee and the supervisors past 1.5 × the limit). December
 * 2026 has no holiday; Fri 1 Jan 2027 is New Year; Tết 2027 is Fri 5 – Thu 11 Feb (substitute days
 * Wed 10 and Thu 11).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startLocalServer } from '../../local/server.js'
import { addDays, vietnamDate } from '../../shared/domain/dates.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { DEFAULT_WATCH_SETTINGS, type WatchSettings } from '../../shared/domain/watch.js'
import type { OutgoingMessage } from '../../shared/notifications/senders.js'
import { renderMessage } from '../../shared/notifications/templates.js'
import { type StoredCase, VersionConflictError } from '../../shared/store/cases.js'
import { messageId, type OutboxMessage } from '../../shared/store/outbox.js'
import { allCaseItems, allOutboxMessages, petition } from './harness.js'

/** A local date and time in Vietnam (UTC+7): `vn('2026-12-23 00:05')`. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`)
const day = (iso: string) => vietnamDate(iso)
const staffAddress = (userId: string) => `${userId}@dukhoi.example.vn`

/** When the sweep runs each simulated day (Vietnam time): several times, as the schedule would. */
const SWEEP_TIMES = ['00:05', '09:30', '16:45']

interface Attempt extends OutgoingMessage {
  readonly at: string
  readonly delivered: boolean
}

interface Filed {
  /** The stored code (CASE#<code>, the outbox's `code`). */
  readonly code: string
  /** The code as people read it (in subjects and URLs). */
  readonly display: string
}

/**
 * One local server on a fresh data folder, with a clock the test moves and a sender that records
 * every attempt and throws for the addresses in `failing` (as SES would on a bad address).
 */
async function startWatchHarness(start: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-sweep-'))
  const clock = { now: vn(start) }
  const attempts: Attempt[] = []
  const failing = new Set<string>()
  const server = await startLocalServer({
    port: 0,
    dataDir,
    seed: { petitions: 0 },
    quiet: true,
    now: () => clock.now,
    // Every petition of the run comes from this one address under a simulated clock.
    submissionLimits: false,
    sender: {
      async send(message) {
        const delivered = !failing.has(message.to)
        attempts.push({ ...message, at: clock.now.toISOString(), delivered })
        if (!delivered) throw new Error('SES throttled')
      },
    },
  })
  const tokens = new Map<string, string>()

  async function request(
    method: string,
    path: string,
    options: { body?: unknown; as?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.as) {
      let token = tokens.get(options.as)
      if (!token) {
        token = await server.identity.issue(options.as)
        tokens.set(options.as, token)
      }
      headers.authorization = `Bearer ${token}`
    }
    const res = await fetch(server.url + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }

  const filed = (res: { status: number; body: any }): Filed => {
    if (res.status !== 201) throw new Error(`intake refused: ${res.status} ${JSON.stringify(res.body)}`)
    return { code: normalizeTrackingCode(res.body.trackingCode)!, display: res.body.trackingCode }
  }

  async function sweepAt(at: Date) {
    clock.now = at
    return server.sweep.sweep()
  }

  /** Every message in the outbox (optionally about one case), read from the table itself. */
  async function messages(c?: Filed): Promise<OutboxMessage[]> {
    const items = await allOutboxMessages(server)
    return c ? items.filter((m) => m.code === c.code) : items
  }

  return {
    server,
    clock,
    attempts,
    failing,
    request,

    /** Sets the clock to a Vietnam local time. */
    at(local: string) {
      clock.now = vn(local)
    },

    /** Moves the clock forward by some minutes. */
    later(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000)
    },

    /** A petition filed online now. */
    async file(overrides: Record<string, unknown> = {}): Promise<Filed> {
      return filed(await request('POST', '/api/v1/petitions', { body: petition(overrides) }))
    },

    /** A petition recorded at the desk now, received on `receivedAt` (it may be backdated). */
    async intake(overrides: Record<string, unknown>, channel: string, receivedAt: string): Promise<Filed> {
      return filed(
        await request('POST', '/api/v1/cases', {
          as: 'tiepdan',
          body: { ...petition(overrides), channel, receivedAt },
        }),
      )
    },

    /** A staff action now, with the version just read (If-Match). */
    async act(c: Filed, as: string, body: Record<string, unknown>) {
      const current = await request('GET', `/api/v1/cases/${c.display}`, { as })
      const res = await request('POST', `/api/v1/cases/${c.display}/actions`, {
        as,
        body,
        headers: { 'if-match': String(current.body.version) },
      })
      if (res.status !== 200)
        throw new Error(`${body.action} refused: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body
    },

    /** One sweep now. */
    sweep: () => server.sweep.sweep(),

    /** Every scheduled sweep (SWEEP_TIMES each day) from now until `local`, then the clock at `local`. */
    async runUntil(local: string) {
      const end = vn(local)
      for (let d = vietnamDate(clock.now); vn(`${d} 00:00`) < end; d = addDays(d, 1))
        for (const time of SWEEP_TIMES) {
          const at = vn(`${d} ${time}`)
          if (at > clock.now && at < end) await sweepAt(at)
        }
      clock.now = end
    },

    async stored(c: Filed): Promise<StoredCase> {
      const found = await server.services.cases.getCase(c.code)
      if (!found) throw new Error(`no case ${c.display}`)
      return found
    },

    /** The steps recorded on the case: step id → the Vietnamese date it was recorded. */
    async stepDays(c: Filed): Promise<Record<string, string>> {
      const steps = (await server.services.cases.getCase(c.code))?.steps ?? {}
      return Object.fromEntries(Object.entries(steps).map(([id, at]) => [id, day(at)]))
    },

    messages,

    /** The citizen notices written for a case, in the order they were written. */
    async petitionerEvents(c: Filed): Promise<string[]> {
      const all = await messages(c)
      return all
        .filter((m) => m.recipient.kind === 'petitioner')
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
        .map((m) => String(m.params.event))
    },

    /** Delivered messages about a case (its code in the subject): [Vietnam date, to, subject]. */
    deliveredAbout(c: Filed): [string, string, string][] {
      return attempts
        .filter((a) => a.delivered && a.subject.includes(c.display))
        .map((a): [string, string, string] => [day(a.at), a.to, a.subject])
        .sort((x, y) => (x.join('|') < y.join('|') ? -1 : 1))
    },

    async close() {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
type WatchHarness = Awaited<ReturnType<typeof startWatchHarness>>

/** The total number of steps recorded over every case in the table. */
async function stepsRecorded(h: WatchHarness): Promise<number> {
  let total = 0
  for (const item of await allCaseItems(h.server))
    total += Object.keys((item.steps as object | undefined) ?? {}).length
  return total
}

const named = (name: string, email: string) => ({ petitioner: { fullName: name, email } })

describe('the escalation ladder', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2026-11-26 10:00')
  })
  afterAll(async () => h.close())

  it('reminds, marks overdue, tells the head, then the parent committee and the supervisors: each once, on its day', async () => {
    // Arrange: a complaint filed on Thursday 26/11/2026 and accepted at once. Resolution: 26/11 + 30
    // = Sat 26/12 → Mon 28/12. Reminders Wed 23/12 (25, 24, 23) and Fri 25/12; overdue Tue 29/12;
    // head Thu 31/12 (30, 31); very overdue: 15 days after 28/12 = 12/01, the day after: Wed 13/01/2027.
    h.at('2026-11-26 10:00')
    const c = await h.file({
      kind: 'complaint',
      concerns: { organization: 'Bộ Xây dựng' },
      ...named('Trần Văn Bình', 'binh.ladder@example.vn'),
    })
    h.later(5)
    await h.act(c, 'bxd.canbo', { action: 'accept' })

    // Act: the sweep three times a day for seven weeks.
    await h.runUntil('2027-01-15 00:00')

    // Assert: each step once, recorded by the first sweep of its day (00:05).
    const steps = (await h.stored(c)).steps ?? {}
    expect(steps).toEqual({
      'resolution@2026-12-28:reminder-3': vn('2026-12-23 00:05').toISOString(),
      'resolution@2026-12-28:reminder-1': vn('2026-12-25 00:05').toISOString(),
      'resolution@2026-12-28:overdue': vn('2026-12-29 00:05').toISOString(),
      'resolution@2026-12-28:head': vn('2026-12-31 00:05').toISOString(),
      'resolution@2026-12-28:very-overdue': vn('2027-01-13 00:05').toISOString(),
    })
    // The reminders are recorded, not sent: the morning digest names the cases due soon.
    const veryOverdue = `Quá hạn nghiêm trọng: đơn ${c.display} tại Đảng ủy Bộ Xây dựng`
    expect(h.deliveredAbout(c).filter(([, to]) => to.endsWith('@dukhoi.example.vn'))).toEqual([
      ['2026-12-29', staffAddress('bxd.canbo'), `Quá hạn: đơn ${c.display} (giải quyết)`],
      ['2026-12-31', staffAddress('bxd.truong'), `Báo cáo người đứng đầu: đơn ${c.display} quá hạn`],
      ['2027-01-13', staffAddress('dukhoi.truong'), veryOverdue],
      ['2027-01-13', staffAddress('giamsat'), veryOverdue],
    ])
    expect((await h.stored(c)).escalationLevel).toBe(3)
  }, 120_000)

  it('records a reminder found only after its due date, and sends it to nobody', async () => {
    // Arrange: a recommendation received by post on Thu 1/10/2026 and recorded late, on 26/11.
    // Transfer (5 WD) was due Thu 8/10 and processing (10 WD) Thu 15/10: every step is past.
    h.at('2026-11-26 11:00')
    const c = await h.intake({ concerns: { organization: 'Bộ Khoa học và Công nghệ' } }, 'post', '2026-10-01')

    // Act
    await h.sweep()

    // Assert: ten steps (two clocks × five), all today; no "due soon" message for a date already past.
    expect(Object.values(await h.stepDays(c))).toEqual(Array(10).fill('2026-11-26'))
    const subjects = h.deliveredAbout(c).map(([, to, subject]) => `${to} ${subject}`)
    expect(subjects.filter((s) => s.includes('Sắp đến hạn'))).toEqual([])
    expect(subjects).toEqual(
      expect.arrayContaining([
        `${staffAddress('bkhcn.canbo')} Quá hạn: đơn ${c.display} (chuyển đơn)`,
        `${staffAddress('bkhcn.canbo')} Quá hạn: đơn ${c.display} (thụ lý / quyết định ban đầu)`,
      ]),
    )
  })

  it('shows the rung of the ladder reached to staff, on the case and in the committee queue', async () => {
    // Arrange: a recommendation received by post on 1/10/2026 and recorded on 26/11: very overdue.
    h.at('2026-11-26 11:30')
    const c = await h.intake({ concerns: { organization: 'Bộ Công Thương' } }, 'post', '2026-10-01')
    await h.sweep()
    expect((await h.stored(c)).escalationLevel).toBe(3)

    // Act
    const file = await h.request('GET', `/api/v1/cases/${c.display}`, { as: 'bct.truong' })
    const queue = await h.request('GET', '/api/v1/committees/bct/queue', { as: 'bct.truong' })

    // Assert
    expect(file.body.escalationLevel).toBe(3)
    expect(
      queue.body.items.find((i: { trackingCode: string }) => i.trackingCode === c.display),
    ).toMatchObject({
      escalationLevel: 3,
    })
  })
})

describe('overlapping, repeated and interrupted sweeps', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2027-01-18 10:00')
  })
  afterAll(async () => h.close())

  /** Backdated cases: on their first sweep every step of their first-decision clocks is due at once. */
  let petitioners = 0
  async function overdueCases(organizations: string[], receivedAt = '2026-12-01') {
    const out: Filed[] = []
    for (const [i, organization] of organizations.entries())
      out.push(
        await h.intake(
          {
            kind: i % 2 === 0 ? 'recommendation' : 'complaint',
            concerns: { organization },
            ...named('Lê Thị Hoa', `hoa.${++petitioners}@example.vn`),
          },
          'post',
          receivedAt,
        ),
      )
    return out
  }

  it('two sweeps at once record each step once and deliver each message once', async () => {
    // Arrange: six overdue cases and four fresh ones (a notice each for their petitioners).
    h.at('2027-01-18 10:00')
    const cases = await overdueCases([
      'Bộ Nội vụ',
      'Bộ Tư pháp',
      'Bộ Nội vụ',
      'Bộ Tư pháp',
      'Bộ Y tế',
      'Bộ Y tế',
    ])
    for (let i = 0; i < 4; i++) cases.push(await h.file({ concerns: { organization: 'Bộ Nội vụ' } }))
    h.later(5)
    const before = await stepsRecorded(h)
    const attemptsBefore = h.attempts.length
    const store = h.server.services.cases
    const recordWatch = store.recordWatch
    let refused = 0
    const spy = vi.spyOn(store, 'recordWatch').mockImplementation(async (current, update) => {
      try {
        return await recordWatch(current, update)
      } catch (error) {
        if (error instanceof VersionConflictError) refused++
        throw error
      }
    })

    // Act
    const [first, second] = await Promise.all([h.sweep(), h.sweep()])
    spy.mockRestore()

    // Assert: the sweeps did overlap on the same cases (the store refused the second writer)…
    expect(first.casesRead).toBe(10)
    expect(second.casesRead).toBe(10)
    expect(refused).toBeGreaterThan(0)
    // …and the two reports together count every step recorded, once.
    const recorded = (await stepsRecorded(h)) - before
    expect(recorded).toBeGreaterThanOrEqual(6 * 6)
    expect(first.stepsDone + second.stepsDone).toBe(recorded)
    // Each message written once and delivered once.
    const sends = h.attempts.slice(attemptsBefore)
    const written = (await h.messages()).filter((m) => m.createdAt === h.clock.now.toISOString())
    expect(sends.every((s) => s.delivered)).toBe(true)
    expect(sends).toHaveLength(written.length)
    expect(new Set(sends.map((s) => `${s.to}|${s.subject}|${s.body}`)).size).toBe(sends.length)
    // None is left due: each case's next look is after today, or it has left the watch index.
    const today = day(h.clock.now.toISOString())
    for (const c of cases) expect((await h.stored(c)).nextWatch ?? '9999-12-31').not.toBe(today)

    // And a third sweep finds nothing left to do.
    h.later(15)
    const third = await h.sweep()
    expect(third).toMatchObject({ stepsDone: 0, citizenMessages: 0, staffMessages: 0, delivered: 0 })
  })

  it('a sweep that crashes before recording the steps does them on the next run, without sending twice', async () => {
    // Arrange: an overdue case, and a store that fails once when the sweep records its steps.
    h.at('2027-01-19 10:00')
    const [c] = await overdueCases(['Bộ Tài chính'])
    const cases = h.server.services.cases
    const recordWatch = cases.recordWatch
    let crashed = false
    const spy = vi.spyOn(cases, 'recordWatch').mockImplementation(async (current, update) => {
      if (current.code === c!.code && !crashed) {
        crashed = true
        throw new Error('Task timed out after 60.00 seconds')
      }
      return recordWatch(current, update)
    })

    // Act
    h.later(5)
    await h.sweep()
    const afterCrash = { steps: await h.stepDays(c!), delivered: h.deliveredAbout(c!) }
    h.later(15)
    await h.sweep()
    spy.mockRestore()

    // Assert: nothing recorded by the crashed run, but its messages went out; the next run
    // recorded every step (the same day) and sent nothing again.
    expect(crashed).toBe(true)
    expect(afterCrash.steps).toEqual({})
    expect(afterCrash.delivered.length).toBeGreaterThan(0)
    const steps = await h.stepDays(c!)
    expect(Object.keys(steps)).toHaveLength(10)
    expect(new Set(Object.values(steps))).toEqual(new Set(['2027-01-19']))
    expect(h.deliveredAbout(c!)).toEqual(afterCrash.delivered)
  })

  it('a sweep that crashes half-way through writing the messages writes the rest on the next run', async () => {
    // Arrange: an overdue case, and an outbox that fails on the third message about it.
    h.at('2027-01-20 10:00')
    const [c] = await overdueCases(['Bộ Ngoại giao'])
    const outbox = h.server.sweep.outbox
    const put = outbox.put
    let puts = 0
    const spy = vi.spyOn(outbox, 'put').mockImplementation(async (message, options) => {
      if (message.code === c!.code && message.recipient.kind === 'staff' && ++puts === 3)
        throw new Error('ProvisionedThroughputExceededException')
      return put(message, options)
    })

    // Act
    h.later(5)
    await h.sweep()
    const afterCrash = h.deliveredAbout(c!)
    h.later(15)
    await h.sweep()
    spy.mockRestore()

    // Assert: two messages went out in the first run; the next one wrote and sent the other six
    // (overdue ×2 to the handler, head ×2, very overdue ×2 to the bloc's head and the supervisor).
    expect(afterCrash).toHaveLength(2)
    const delivered = h.attempts.filter(
      (a) => a.delivered && a.subject.includes(c!.display) && a.to.endsWith('@dukhoi.example.vn'),
    )
    expect(delivered.map((a) => a.to).sort()).toEqual(
      [
        ...Array(2).fill(staffAddress('bng.canbo')),
        ...Array(2).fill(staffAddress('bng.truong')),
        ...Array(2).fill(staffAddress('dukhoi.truong')),
        ...Array(2).fill(staffAddress('giamsat')),
      ].sort(),
    )
    expect(new Set(delivered.map((a) => `${a.to}|${a.subject}|${a.body}`)).size).toBe(8)
    expect(Object.keys(await h.stepDays(c!))).toHaveLength(10)
  })

  it('records the step even when its message cannot be delivered', async () => {
    // Arrange: the handler's mailbox refuses everything.
    h.at('2027-01-21 10:00')
    h.failing.add(staffAddress('bvhttdl.canbo'))
    const [c] = await overdueCases(['Bộ Văn hóa, Thể thao và Du lịch'])

    // Act
    h.later(5)
    const report = await h.sweep()

    // Assert
    expect(report.retried).toBeGreaterThanOrEqual(2)
    expect(Object.keys(await h.stepDays(c!))).toHaveLength(10)
    expect(h.attempts.some((a) => a.to === staffAddress('bvhttdl.canbo') && !a.delivered)).toBe(true)
  })
})

describe('re-planning on extension, suspension and resumption', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2026-11-30 10:00')
  })
  afterAll(async () => h.close())

  it('an extension replaces the reminders: none for the old due date after it, the new ones on their days', async () => {
    // Arrange: a denunciation filed Mon 30/11/2026, accepted Tue 1/12: due 1/12 + 30 = Thu 31/12,
    // reminders Mon 28/12 (30, 29, 28) and Wed 30/12. The head extends it by 20 days on Tue 29/12:
    // due 1/12 + 50 = Wed 20/01/2027, reminders Fri 15/01 (19, 18, 15) and Tue 19/01, overdue Thu 21/01.
    h.at('2026-11-30 10:00')
    const c = await h.file({ kind: 'denunciation', concerns: { organization: 'Bộ Y tế' } })
    await h.runUntil('2026-12-01 10:05')
    await h.act(c, 'byt.canbo', { action: 'accept' })
    await h.runUntil('2026-12-29 10:05')
    await h.act(c, 'byt.truong', { action: 'extend', complexity: 'complex', days: 20, reason: 'Nhiều nơi' })

    // Act
    await h.runUntil('2027-01-23 00:00')

    // Assert
    expect(await h.stepDays(c)).toEqual({
      'resolution@2026-12-31:reminder-3': '2026-12-28',
      'resolution@2027-01-20:reminder-3': '2027-01-15',
      'resolution@2027-01-20:reminder-1': '2027-01-19',
      'resolution@2027-01-20:overdue': '2027-01-21',
    })
    // The reminders are recorded only (the digest names cases due soon): the overdue mark is told.
    expect(h.deliveredAbout(c).filter(([, to]) => to === staffAddress('byt.canbo'))).toEqual([
      ['2027-01-21', staffAddress('byt.canbo'), `Quá hạn: đơn ${c.display} (giải quyết)`],
    ])
  }, 120_000)

  it('a suspension stops the reminders and a resumption plans them for the new due date', async () => {
    // Arrange: a complaint accepted Tue 1/12/2026 (due Thu 31/12), suspended Fri 11/12 after 10 days,
    // resumed Mon 11/01/2027: 20 days left → Sun 31/01 → Mon 1/02. Reminders Wed 27/01 (29, 28, 27)
    // and Fri 29/01; overdue Tue 2/02. Nothing on 28 or 30 Dec (the old reminders) while suspended.
    h.at('2026-11-30 10:00')
    const c = await h.file({ kind: 'complaint', concerns: { organization: 'Bộ Tư pháp' } })
    await h.runUntil('2026-12-01 10:05')
    await h.act(c, 'btp.canbo', { action: 'accept' })
    await h.runUntil('2026-12-11 10:05')
    await h.act(c, 'btp.canbo', { action: 'suspend', reason: 'Chờ kết quả giám định' })
    await h.runUntil('2027-01-11 10:05')
    const whileSuspended = await h.stepDays(c)
    await h.act(c, 'btp.canbo', { action: 'resume' })

    // Act
    await h.runUntil('2027-02-03 00:00')

    // Assert
    expect(whileSuspended).toEqual({})
    const resolutionSteps = Object.entries(await h.stepDays(c)).filter(([id]) => id.startsWith('resolution@'))
    expect(Object.fromEntries(resolutionSteps)).toEqual({
      'resolution@2027-02-01:reminder-3': '2027-01-27',
      'resolution@2027-02-01:reminder-1': '2027-01-29',
      'resolution@2027-02-01:overdue': '2027-02-02',
    })
  }, 120_000)

  it('does not chase the committee for the continuation notice the system itself sent the petitioner', async () => {
    // Arrange: a complaint accepted Tue 5/01/2027, suspended Wed 6/01, resumed Thu 7/01. The petitioner
    // is told of the suspension and of the resumption by message; the suspension's message completes
    // the notice clock, so the resumption's should too (Decree 155/2026: decision sent in 3 WD).
    h.at('2027-01-04 10:00')
    const c = await h.file({ kind: 'complaint', concerns: { organization: 'Bộ Giáo dục và Đào tạo' } })
    await h.runUntil('2027-01-05 10:05')
    await h.act(c, 'bgddt.canbo', { action: 'accept' })
    await h.runUntil('2027-01-06 10:05')
    await h.act(c, 'bgddt.canbo', { action: 'suspend', reason: 'Chờ kết quả giám định' })
    await h.runUntil('2027-01-07 10:05')
    await h.act(c, 'bgddt.canbo', { action: 'resume' })

    // Act: two weeks of sweeps (a 3-WD clock from 7/01 would be due Tue 12/01).
    await h.runUntil('2027-01-21 00:00')

    // Assert: the petitioner was told of both; nobody is chased for a notice already given.
    expect(await h.petitionerEvents(c)).toEqual(['submitted', 'accepted', 'suspended', 'resumed'])
    expect(Object.keys(await h.stepDays(c)).filter((id) => id.startsWith('suspension_notice@'))).toEqual([])
  }, 60_000)
})

describe('what the petitioner is told', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2026-11-30 10:00')
  })
  afterAll(async () => h.close())

  /** Acts, then moves on a minute and sweeps, so each notice is written on its own. */
  async function step(c: Filed, as: string, body: Record<string, unknown>) {
    h.later(1)
    await h.act(c, as, body)
    h.later(1)
    await h.sweep()
  }

  it('tells the petitioner of each step of the resolution, in their language, at their own address', async () => {
    // Arrange: an English-speaking complainant and a Vietnamese-speaking one.
    h.at('2026-11-30 10:00')
    const jane = await h.file({
      kind: 'complaint',
      language: 'en',
      concerns: { organization: 'Bộ Nội vụ' },
      ...named('Jane Nguyen', 'jane.nguyen@example.vn'),
    })
    const an = await h.file({
      kind: 'complaint',
      concerns: { organization: 'Bộ Nội vụ' },
      ...named('Nguyễn Văn An', 'an.nguyen@example.vn'),
    })

    // Act
    await h.sweep()
    await step(jane, 'bnv.canbo', { action: 'accept' })
    await step(an, 'bnv.canbo', { action: 'accept' })
    await step(jane, 'bnv.truong', { action: 'extend', complexity: 'complex', reason: 'Nhiều nội dung' })
    await step(jane, 'bnv.canbo', { action: 'suspend', reason: 'Chờ kết quả giám định' })
    await step(jane, 'bnv.canbo', { action: 'resume' })
    await step(jane, 'bnv.canbo', {
      action: 'resolve',
      answer: 'We reviewed the decision.',
      outcome: 'rejected',
    })

    // Assert: one e-mail per public step, in English, to Jane's own address…
    const toJane = h.attempts.filter((a) => a.to === 'jane.nguyen@example.vn')
    expect(toJane.map((a) => [a.channel, a.delivered, a.subject])).toEqual(
      [
        'has been received',
        'has been accepted for resolution',
        'has its time limit extended',
        'has been suspended',
        'has been resumed',
        'has been resolved',
      ].map((words) => ['email', true, `Petition ${jane.display} ${words}`]),
    )
    // …and in Vietnamese to An's.
    expect(h.attempts.filter((a) => a.to === 'an.nguyen@example.vn').map((a) => a.subject)).toEqual([
      `Đơn ${an.display} đã được tiếp nhận`,
      `Đơn ${an.display} đã được thụ lý giải quyết`,
    ])
    // The address is sealed at rest in the outbox.
    const notices = (await h.messages(jane)).filter((m) => m.recipient.kind === 'petitioner')
    expect(notices).toHaveLength(6)
    for (const m of notices) expect(m).toMatchObject({ language: 'en', toSealed: true, state: 'sent' })
    expect(notices.some((m) => m.to.includes('jane'))).toBe(false)
  })

  it('tells the petitioner the time limit that now applies when it is accepted and when it is extended', async () => {
    // Arrange: a denunciation accepted Mon 4/01/2027: due 4/01 + 30 = Wed 3/02. Extended by 20 days
    // on Tue 5/01: due 4/01 + 50 = Tue 23/02/2027.
    h.at('2027-01-04 10:00')
    const c = await h.file({ kind: 'denunciation', concerns: { organization: 'Bộ Công Thương' } })
    await h.sweep()

    // Act
    await step(c, 'bct.canbo', { action: 'accept' })
    h.at('2027-01-05 10:00')
    await step(c, 'bct.truong', { action: 'extend', complexity: 'complex', days: 20, reason: 'Nhiều nơi' })

    // Assert
    const dueIn = async (event: string) =>
      (await h.messages(c)).find((m) => m.recipient.kind === 'petitioner' && m.params.event === event)?.params
        .due
    expect(await dueIn('accepted')).toBe('2027-02-03')
    expect(await dueIn('extended')).toBe('2027-02-23')
  })

  it('tells the petitioner when the case ends: refused, guided, withdrawn, or resolved (not again when closed)', async () => {
    // Arrange
    h.at('2027-01-06 10:00')
    const organization = { concerns: { organization: 'Bộ Nông nghiệp và Môi trường' } }
    const refused = await h.file(organization)
    const guided = await h.file({ ...organization, kind: 'feedback' })
    const withdrawn = await h.file({ ...organization, kind: 'complaint' })
    const closed = await h.file(organization)
    await h.sweep()

    // Act
    await step(refused, 'bnnmt.canbo', { action: 'refuse', reason: 'sent_to_several_bodies' })
    await step(guided, 'bnnmt.canbo', { action: 'guide', guidance: 'Xin gửi đơn đến UBND phường.' })
    await step(withdrawn, 'bnnmt.canbo', { action: 'withdraw', scope: 'full', reason: 'Đã được giải quyết' })
    await step(closed, 'bnnmt.canbo', { action: 'accept' })
    await step(closed, 'bnnmt.canbo', { action: 'resolve', answer: 'Đã tiếp thu.', outcome: 'adopted' })
    await step(closed, 'bnnmt.canbo', { action: 'close' })
    await h.runUntil('2027-01-08 00:00')

    // Assert
    expect({
      refused: await h.petitionerEvents(refused),
      guided: await h.petitionerEvents(guided),
      withdrawn: await h.petitionerEvents(withdrawn),
      closed: await h.petitionerEvents(closed),
    }).toEqual({
      refused: ['submitted', 'refused'],
      guided: ['submitted', 'guided'],
      withdrawn: ['submitted', 'withdrawn'],
      // Closing follows the result the petitioner was already sent: no second message for it.
      closed: ['submitted', 'accepted', 'resolved'],
    })
    expect((await h.stored(closed)).history.filter((e) => e.public).map((e) => e.type)).toContain('closed')
  })

  it('sends no message when verification starts (an internal step), and shows it on the timeline', async () => {
    // Arrange
    h.at('2027-01-07 10:00')
    const c = await h.file({ kind: 'complaint', concerns: { organization: 'Bộ Tài chính' } })
    await h.sweep()
    await step(c, 'btc.canbo', { action: 'accept' })

    // Act
    await step(c, 'btc.canbo', { action: 'start_verification' })

    // Assert
    const timeline = (await h.stored(c)).history.filter((e) => e.public).map((e) => e.type)
    expect(timeline).toEqual(['submitted', 'accepted', 'verification_started'])
    expect(await h.petitionerEvents(c)).toEqual(['submitted', 'accepted'])
  })

  it('writes by SMS, in E.164, to a petitioner who gave only a phone number', async () => {
    // Arrange
    h.at('2027-01-08 10:00')
    const c = await h.file({
      concerns: { organization: 'Ngân hàng Nhà nước' },
      petitioner: { fullName: 'Phạm Thị Lan', phone: '0903 111 222' },
    })

    // Act
    await h.sweep()

    // Assert
    expect(h.attempts.filter((a) => a.to === '+84903111222').map((a) => [a.channel, a.subject])).toEqual([
      ['sms', `Đơn ${c.display} đã được tiếp nhận`],
    ])
  })

  it('writes to the petitioner from the contact sealed at intake, never opening their identity', async () => {
    // Arrange: the sealer counts what it is asked to open.
    h.at('2027-01-08 11:00')
    const c = await h.file({
      concerns: { organization: 'Ngân hàng Nhà nước' },
      ...named('Đinh Văn Hùng', 'hung.dinh@example.vn'),
    })
    const stored = await h.stored(c)
    const sealer = h.server.services.sealer as { open: (sealed: string) => Promise<string> }
    const open = vi.spyOn(sealer, 'open')

    // Act
    await h.sweep()

    // Assert: the channel is in the clear on the case, the address only sealed; the sweep opened
    // only that address, to hand it to the sender.
    expect(stored.contact?.channel).toBe('email')
    expect(JSON.stringify(stored)).not.toContain('hung.dinh')
    expect(open.mock.calls.map(([sealed]) => sealed)).toEqual([stored.contact?.sealed])
    expect(h.attempts.filter((a) => a.to === 'hung.dinh@example.vn').map((a) => a.subject)).toEqual([
      `Đơn ${c.display} đã được tiếp nhận`,
    ])
    open.mockRestore()
  })

  it('never writes to an anonymous petitioner, even as the case goes overdue and is handled', async () => {
    // Arrange: an anonymous denunciation filed online, and anonymous feedback received by post
    // on 1/12/2026 and recorded on 11/01/2027, long overdue.
    h.at('2027-01-11 10:00')
    const denunciation = await h.file({
      kind: 'denunciation',
      anonymous: true,
      petitioner: undefined,
      concerns: { organization: 'Bộ Ngoại giao' },
    })
    const feedback = await h.intake(
      {
        kind: 'feedback',
        anonymous: true,
        petitioner: undefined,
        concerns: { organization: 'Bộ Ngoại giao' },
      },
      'post',
      '2026-12-01',
    )

    // Act
    await h.sweep()
    await step(denunciation, 'bng.canbo', { action: 'accept' })
    await h.runUntil('2027-01-14 00:00')

    // Assert: staff were told (so the sweep did see both cases), the petitioners never.
    expect(Object.keys(await h.stepDays(feedback)).length).toBeGreaterThan(0)
    expect(h.deliveredAbout(feedback).length).toBeGreaterThan(0)
    for (const c of [denunciation, feedback])
      expect((await h.messages(c)).filter((m) => m.recipient.kind !== 'staff')).toEqual([])
  })

  it("keeps a denouncer's identity out of every message to anyone else", async () => {
    // Arrange: a named denunciation received by post on 1/12/2026, recorded on 12/01/2027 (its first
    // clocks long overdue: handler, head, the bloc's head and the supervisor are all told), then accepted.
    h.at('2027-01-12 10:00')
    const identity = {
      fullName: 'Đinh Thị Bímật',
      idNumber: '001099012345',
      address: 'Số 99 ngõ Bímật, Hà Nội',
      phone: '0987 654 321',
      email: 'bimat.tocao@example.vn',
    }
    const c = await h.intake(
      {
        kind: 'denunciation',
        petitioner: identity,
        concerns: { organization: 'Bộ Tài chính', person: 'Ông X' },
      },
      'post',
      '2026-12-01',
    )
    await h.sweep()
    await step(c, 'btc.canbo', { action: 'accept' })
    h.at('2027-01-13 07:00')
    await h.server.sweep.digest()

    // Act
    const all = await h.messages()

    // Assert: the petitioner's notices reach them (sealed at rest); no other message, rendered or
    // stored, carries anything that identifies them.
    const markers = ['Bímật', '001099012345', '0987654321', '987654321', 'bimat.tocao']
    const toPetitioner = all.filter((m) => m.code === c.code && m.recipient.kind === 'petitioner')
    expect(toPetitioner.map((m) => m.params.event)).toEqual(expect.arrayContaining(['submitted', 'accepted']))
    expect(h.attempts.filter((a) => a.to === identity.email).length).toBe(toPetitioner.length)
    const others = all.filter((m) => m.recipient.kind !== 'petitioner')
    expect(others.filter((m) => m.code === c.code).length).toBeGreaterThanOrEqual(8)
    for (const m of [...others, ...toPetitioner]) {
      const stored = JSON.stringify(m)
      for (const marker of markers) expect(stored).not.toContain(marker)
    }
    for (const m of others) {
      const { subject, body } = renderMessage(m.template, m.language, m.params)
      for (const marker of markers) expect(`${m.to} ${subject} ${body}`).not.toContain(marker)
    }
  })
})

describe('delivery: retries, failures and the others', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2027-01-18 10:00')
  })
  afterAll(async () => h.close())

  const noticeId = (c: Filed) => messageId(c.code, 'event-1', 'petitioner')

  it('one failing message does not stop the others in the same run', async () => {
    // Arrange: two petitioners; one mailbox refuses everything.
    h.at('2027-01-18 10:00')
    h.failing.add('hong.loi@example.vn')
    const failing = await h.file({ ...named('Vũ Thị Hồng', 'hong.loi@example.vn') })
    const fine = await h.file({ ...named('Đỗ Văn Tốt', 'tot.ok@example.vn') })

    // Act
    const report = await h.sweep()

    // Assert
    expect(report).toMatchObject({ retried: 1, failed: 0 })
    expect(await h.server.sweep.outbox.get(noticeId(failing))).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Error: SES throttled',
    })
    expect(await h.server.sweep.outbox.get(noticeId(fine))).toMatchObject({ state: 'sent', attempts: 1 })
  })

  it('retries with growing, jittered delays and, after five attempts, records the failure on the case', async () => {
    // Arrange
    h.at('2027-01-19 10:00')
    h.failing.add('mai.loi@example.vn')
    const c = await h.file({ ...named('Phan Thị Mai', 'mai.loi@example.vn') })
    const outbox = h.server.sweep.outbox
    await h.sweep()

    // Act: at one second before each retry is due nothing happens; at the due time it is tried again.
    const delays: number[] = []
    for (let attempt = 1; attempt <= 4; attempt++) {
      const pending = await outbox.get(noticeId(c))
      expect(pending).toMatchObject({ state: 'pending', attempts: attempt })
      const due = Date.parse(pending!.nextAttemptAt!)
      delays.push(due - h.clock.now.getTime())
      h.clock.now = new Date(due - 1_000)
      await h.server.sweep.deliver()
      expect((await outbox.get(noticeId(c)))?.attempts).toBe(attempt)
      h.clock.now = new Date(due)
      await h.server.sweep.deliver()
    }

    // Assert: delay k is 1, 2, 4, 8 minutes × a jitter between 0.5 and 1.5.
    delays.forEach((delay, k) => {
      expect(delay).toBeGreaterThanOrEqual(0.5 * 60_000 * 2 ** k)
      expect(delay).toBeLessThanOrEqual(1.5 * 60_000 * 2 ** k)
    })
    expect(delays.some((delay, k) => delay !== 60_000 * 2 ** k)).toBe(true)
    const failed = await outbox.get(noticeId(c))
    expect(failed).toMatchObject({ state: 'failed', attempts: 5, lastError: 'Error: SES throttled' })
    expect(failed?.nextAttemptAt).toBeUndefined()
    expect((await h.stored(c)).deliveryFailures).toBe(1)
    // Never tried again.
    h.later(24 * 60)
    await h.sweep()
    expect(h.attempts.filter((a) => a.to === 'mai.loi@example.vn')).toHaveLength(5)
  })

  it('shows a failed delivery to the staff handling the case', async () => {
    // Arrange: a notice that can never be delivered, taken through all its attempts.
    h.at('2027-01-20 10:00')
    h.failing.add('khong.toi@example.vn')
    const c = await h.file({ ...named('Hà Văn Xa', 'khong.toi@example.vn') })
    await h.sweep()
    for (let m = await h.server.sweep.outbox.get(noticeId(c)); m?.state === 'pending'; ) {
      h.clock.now = new Date(m.nextAttemptAt!)
      await h.server.sweep.deliver()
      m = await h.server.sweep.outbox.get(noticeId(c))
    }
    expect((await h.stored(c)).deliveryFailures).toBe(1)

    // Act
    const file = await h.request('GET', `/api/v1/cases/${c.display}`, { as: 'bxd.canbo' })

    // Assert
    expect(file.status).toBe(200)
    expect(file.body.deliveryFailures).toBe(1)
  })
})

describe('the morning digest', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2027-01-18 06:00')
  })
  afterAll(async () => h.close())

  const digestsTo = (userId: string) =>
    h.attempts.filter((a) => a.to === staffAddress(userId) && a.subject.startsWith('Tình hình đơn thư'))

  it('gives each handler and head of a committee with open cases one digest a day, however often it runs', async () => {
    // Arrange at Mon 18/01/2027 06:00, three open cases at the Ministry of Foreign Affairs' committee:
    // one overdue (received 1/12/2026), one due soon (received Wed 13/01: transfer due in 5 WD on
    // Wed 20/01, within 3 days), one fresh (filed today: transfer due Mon 25/01).
    h.at('2027-01-18 06:00')
    const organization = { concerns: { organization: 'Bộ Ngoại giao' } }
    await h.intake(organization, 'post', '2026-12-01')
    const dueSoon = await h.intake(organization, 'post', '2027-01-13')
    await h.file(organization)

    // Act: two runs at once at 07:00, again at 07:15 and at noon, and the next morning.
    h.at('2027-01-18 07:00')
    const together = await Promise.all([h.server.sweep.digest(), h.server.sweep.digest()])
    h.at('2027-01-18 07:15')
    const again = await h.server.sweep.digest()
    h.at('2027-01-18 12:00')
    const noon = await h.server.sweep.digest()
    h.at('2027-01-19 07:00')
    const nextDay = await h.server.sweep.digest()

    // Assert: the two runs at once wrote each digest once between them; later runs that day wrote none.
    expect(together[0] + together[1]).toBeGreaterThanOrEqual(2)
    expect(together[0] + together[1]).toBe(nextDay)
    expect([again, noon]).toEqual([0, 0])
    for (const userId of ['bng.canbo', 'bng.truong'])
      expect(digestsTo(userId).map((a) => [day(a.at), a.subject, a.body.split('\n')[0]])).toEqual([
        [
          '2027-01-18',
          'Tình hình đơn thư ngày 18/01/2027: 1 quá hạn, 1 sắp đến hạn',
          'Đảng ủy Bộ Ngoại giao: 3 đơn đang xử lý, 1 quá hạn, 1 sắp đến hạn trong 3 ngày.',
        ],
        [
          '2027-01-19',
          'Tình hình đơn thư ngày 19/01/2027: 1 quá hạn, 1 sắp đến hạn',
          'Đảng ủy Bộ Ngoại giao: 3 đơn đang xử lý, 1 quá hạn, 1 sắp đến hạn trong 3 ngày.',
        ],
      ])
    const perRecipientAndDay = new Map<string, number>()
    for (const a of h.attempts.filter((x) => x.subject.startsWith('Tình hình đơn thư'))) {
      const key = `${a.to} ${day(a.at)}`
      perRecipientAndDay.set(key, (perRecipientAndDay.get(key) ?? 0) + 1)
    }
    expect(new Set(perRecipientAndDay.values())).toEqual(new Set([1]))
    // The due-soon reminders are folded in: the digest names the case due soon by its code.
    expect(digestsTo('bng.canbo')[0]!.body.split('\n')[1]).toBe(`Sắp đến hạn: ${dueSoon.display}.`)
  })

  it('a digest run that crashes half-way is finished by the next run', async () => {
    // Arrange: open cases at two committees; reading the second committee's queue fails once.
    h.at('2027-01-25 06:00')
    await h.file({ concerns: { organization: 'Bộ Tài chính' } })
    await h.file({ concerns: { organization: 'Ngân hàng Nhà nước' } })
    const cases = h.server.services.cases
    const listCommitteeQueue = cases.listCommitteeQueue
    let crashed = false
    const spy = vi.spyOn(cases, 'listCommitteeQueue').mockImplementation(async (committeeId, page) => {
      if (committeeId === 'nhnn' && !crashed) {
        crashed = true
        throw new Error('socket hang up')
      }
      return listCommitteeQueue(committeeId, page)
    })

    // Act
    h.at('2027-01-25 07:00')
    await expect(h.server.sweep.digest()).rejects.toThrow('socket hang up')
    h.at('2027-01-25 07:15')
    await h.sweep()
    await h.server.sweep.digest()
    spy.mockRestore()

    // Assert: the next run (the sweep, then the digest, as the schedule runs them) delivers the
    // digests the crashed run wrote and writes the ones it never reached.
    expect(digestsTo('btc.canbo').filter((a) => day(a.at) === '2027-01-25')).toHaveLength(1)
    expect(digestsTo('nhnn.canbo').filter((a) => day(a.at) === '2027-01-25')).toHaveLength(1)
  })

  it('gives a member of two committees the figures of both queues', async () => {
    // Arrange: a handler at two committees, each with an open case.
    h.at('2027-01-26 06:00')
    const admin = await h.request('PUT', '/api/v1/users/hai.donvi', {
      as: 'admin',
      body: {
        displayName: 'Cán bộ hai đơn vị',
        email: 'hai.donvi@dukhoi.example.vn',
        memberships: [
          { role: 'committee_handler', committeeId: 'btp' },
          { role: 'committee_handler', committeeId: 'bnnmt' },
        ],
      },
    })
    expect(admin.status).toBe(200)
    await h.file({ concerns: { organization: 'Bộ Tư pháp' } })
    await h.file({ concerns: { organization: 'Bộ Nông nghiệp và Môi trường' } })

    // Act
    h.at('2027-01-26 07:00')
    await h.server.sweep.digest()

    // Assert
    const text = digestsTo('hai.donvi')
      .map((a) => a.body)
      .join('\n')
    expect(text).toContain('Đảng ủy Bộ Tư pháp')
    expect(text).toContain('Đảng ủy Bộ Nông nghiệp và Môi trường')
  })
})

describe('watch settings', () => {
  let h: WatchHarness
  beforeAll(async () => {
    h = await startWatchHarness('2026-11-26 10:00')
  })
  afterAll(async () => h.close())

  async function replaceWatchSettings(value: WatchSettings) {
    const settings = h.server.services.settings
    return settings.putWatchSettings(value, (await settings.getWatchSettings()).version)
  }

  it("reminds on the working days configured for the petition's kind", async () => {
    // Arrange: recommendations are reminded 5 working days before. A recommendation filed Thu
    // 26/11/2026: processing (10 WD) due Thu 10/12; 5 WD before it is Thu 3/12 (10, 9, 8, 7, 4, 3 → 5th
    // back is Thu 3/12). The transfer clock (5 WD, due Thu 3/12) is too short for such a reminder.
    await replaceWatchSettings({
      ...DEFAULT_WATCH_SETTINGS,
      reminderWorkingDays: { ...DEFAULT_WATCH_SETTINGS.reminderWorkingDays, recommendation: [5] },
    })
    try {
      h.at('2026-11-26 10:00')
      const c = await h.file({ concerns: { organization: 'Bộ Giáo dục và Đào tạo' } })

      // Act
      await h.runUntil('2026-12-04 00:00')

      // Assert
      expect(await h.stepDays(c)).toEqual({ 'acceptance@2026-12-10:reminder-5': '2026-12-03' })
    } finally {
      await replaceWatchSettings(DEFAULT_WATCH_SETTINGS)
    }
  })

  it('refuses to save a misconfigured reminder setting, and keeps the one in force', async () => {
    // Arrange
    const before = await h.server.services.settings.getWatchSettings()
    const negative: WatchSettings = {
      ...DEFAULT_WATCH_SETTINGS,
      reminderWorkingDays: { ...DEFAULT_WATCH_SETTINGS.reminderWorkingDays, complaint: [-3] },
    }

    // Act
    const saving = h.server.services.settings.putWatchSettings(negative, before.version)

    // Assert
    try {
      await expect(saving).rejects.toMatchObject({ status: 422 })
      expect((await h.server.services.settings.getWatchSettings()).value).toEqual(before.value)
    } finally {
      const now = await h.server.services.settings.getWatchSettings()
      if (now.version !== before.version)
        await h.server.services.settings.putWatchSettings(DEFAULT_WATCH_SETTINGS, now.version)
    }
  })
})
