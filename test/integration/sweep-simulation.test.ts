/**
 * Two months of the deadline watch on a fixed, moving clock: a few hundred petitions of every kind
 * and channel arrive over real HTTP and are handled by staff (accepted, verified, extended,
 * suspended and resumed, answered, closed, refused, guided, filed, transferred out, withdrawn)
 * from Fri 1 January to Tue 2 March 2027, across New Year, Tết 2027 (Fri 5 – Tue 9 Feb) and its
 * two substitute days (Wed 10 and Thu 11 Feb). The sweep runs as the schedule would run it.
 *
 * Schedule: every 15 simulated minutes from 08:00 to 17:00 (working hours), hourly otherwise.
 * Running it every 15 minutes around the clock (5,856 sweeps) takes well over 3 minutes on two
 * cores; outside working hours nothing but the clock changes, so hourly sweeps there lose nothing
 * the test can see: the 00:00 sweep is still the first of each day. Intake happens at 09:05 and
 * staff act at 10:05; the morning digest runs after the 07:00, 08:00 and 12:00 sweeps.
 *
 * The oracle: after every write and at the start of every day, the case's plan is computed with the
 * deadline engine (`watchPlanOf` → `plannedSteps`) from the case as stored. A step is expected to be
 * recorded by the first sweep on or after its day while it is in the plan: on its own day, or on the
 * day it first entered the plan (a late intake, a decision that starts a new clock). For a sample of
 * four cases the expected days are also worked out by hand (see `HAND_WORKED`).
 *
 * One simulation runs in `beforeAll`; each `it` checks one property of what it left behind.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMITTEES } from '../../local/demo-data.js'
import { type LocalServer, startLocalServer } from '../../local/server.js'
import { seededRandom } from '../../shared/domain/audit.js'
import type { WorkingCalendar } from '../../shared/domain/calendar.js'
import { addDays, type LocalDate, vietnamDate } from '../../shared/domain/dates.js'
import type { DeadlineContext } from '../../shared/domain/deadlines.js'
import { FINAL_STATUSES, isOpen } from '../../shared/domain/lifecycle.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import type { Channel, Kind, Language } from '../../shared/domain/vocabulary.js'
import { CITIZEN_NOTIFIED_EVENTS, DEFAULT_WATCH_SETTINGS, type WatchStep } from '../../shared/domain/watch.js'
import type { OutgoingMessage } from '../../shared/notifications/senders.js'
import { renderMessage } from '../../shared/notifications/templates.js'
import { watchPlanOf } from '../../shared/service/watch-plan.js'
import type { StoredCase } from '../../shared/store/cases.js'
import { messageId, type OutboxMessage } from '../../shared/store/outbox.js'
import { allOutboxMessages } from './harness.js'

const FIRST_DAY = '2027-01-01'
const LAST_DAY = '2027-03-02'
const GENERATED_CASES = 200

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`)
const pad = (n: number) => String(n).padStart(2, '0')

/** The day's sweep times: every 15 minutes in working hours, hourly otherwise. */
const SWEEP_TIMES = Array.from(
  { length: 24 * 4 },
  (_, i) => `${pad(Math.floor(i / 4))}:${pad((i % 4) * 15)}`,
).filter((t) => t.endsWith(':00') || (t >= '08:00' && t < '17:00'))
const DIGEST_TIMES = ['07:00', '08:00', '12:00']
const INTAKE_TIME = '09:05'
const ACTION_TIME = '10:05'

/** The demo bloc's ministries: the organisation a petition names routes it to their committee. */
const MINISTRIES = COMMITTEES.filter((c) => c.type === 'subordinate').map((c) => ({
  id: c.id,
  organization: c.organizations[0]!,
}))

interface PlannedAction {
  readonly day: LocalDate
  readonly as: 'handler' | 'head'
  readonly input: Record<string, unknown>
}

interface CaseSpec {
  readonly name: string
  readonly kind: Kind
  readonly channel: Channel
  readonly day: LocalDate
  readonly committee: string
  readonly anonymous: boolean
  readonly language: Language
  readonly contact: { email?: string; phone?: string }
  readonly actions: PlannedAction[]
}

interface SimCase {
  readonly spec: CaseSpec
  readonly code: string
  record: StoredCase
  plan: WatchStep[]
  /** Step id → the sweep that must record it, and the step as planned then. */
  readonly expected: Map<string, { at: string; step: WatchStep }>
  /** Step id → when it first appeared in the plan. */
  readonly firstPlanned: Map<string, string>
}

// ---------------------------------------------------------------------------------------------------
// The hand-worked sample. Working days used: Jan 4–8, 11–15, 18–22, 25–29; Feb 1–4, [5–11 off: Tết
// eve, mùng 1–4, substitutes Wed 10 and Thu 11], 12, 15–19, 22–26; Mar 1–2.

const HAND_WORKED: { spec: CaseSpec; steps: Record<string, LocalDate>; only?: string }[] = [
  {
    // A complaint received by post Mon 4/01/2027, accepted Tue 12/01, never resolved.
    // Acceptance (7 WD): 5, 6, 7, 8, 11, 12, 13 → Wed 13/01; reminders Fri 8/01 (12, 11, 8) and Tue 12/01
    //   (recorded at 00:00, before the acceptance at 10:05).
    // Resolution: 12/01 + 30 = Thu 11/02, a substitute day → Fri 12/02. Reminders 3 WD before: Thu 4 (1),
    //   Wed 3 (2), Tue 2/02 (3); 1 WD before: Thu 4/02. Overdue Sat 13/02; head 2 WD after: Mon 15, Tue 16;
    //   very overdue: 15 days after 12/02 = Sat 27/02, the day after: Sun 28/02.
    spec: {
      name: 'H1',
      kind: 'complaint',
      channel: 'post',
      day: '2027-01-04',
      committee: 'btc',
      anonymous: false,
      language: 'vi',
      contact: { email: 'h1@example.vn' },
      actions: [{ day: '2027-01-12', as: 'handler', input: { action: 'accept' } }],
    },
    steps: {
      'acceptance@2027-01-13:reminder-3': '2027-01-08',
      'acceptance@2027-01-13:reminder-1': '2027-01-12',
      'resolution@2027-02-12:reminder-3': '2027-02-02',
      'resolution@2027-02-12:reminder-1': '2027-02-04',
      'resolution@2027-02-12:overdue': '2027-02-13',
      'resolution@2027-02-12:head': '2027-02-16',
      'resolution@2027-02-12:very-overdue': '2027-02-28',
    },
  },
  {
    // A named denunciation filed online Mon 1/02/2027, never decided.
    // Transfer (5 WD): 2, 3, 4, 12, 15 → Mon 15/02: reminders Wed 3/02 (12, 4, 3) and Fri 12/02; overdue
    //   Tue 16; head Wed 17, Thu 18; very: ⌈5 × 0.5⌉ = 3 WD after 15/02 = Thu 18, the day after: Fri 19.
    // Acceptance (7 WD): … 16, 17 → Wed 17/02: reminders Fri 12/02 (16, 15, 12) and Tue 16/02; overdue
    //   Thu 18; head Fri 19, Mon 22; very: ⌈7 × 0.5⌉ = 4 WD after 17/02 = Tue 23, the day after: Wed 24.
    spec: {
      name: 'H2',
      kind: 'denunciation',
      channel: 'online',
      day: '2027-02-01',
      committee: 'byt',
      anonymous: false,
      language: 'en',
      contact: { email: 'h2@example.vn' },
      actions: [],
    },
    steps: {
      'transfer@2027-02-15:reminder-3': '2027-02-03',
      'transfer@2027-02-15:reminder-1': '2027-02-12',
      'transfer@2027-02-15:overdue': '2027-02-16',
      'transfer@2027-02-15:head': '2027-02-18',
      'transfer@2027-02-15:very-overdue': '2027-02-19',
      'acceptance@2027-02-17:reminder-3': '2027-02-12',
      'acceptance@2027-02-17:reminder-1': '2027-02-16',
      'acceptance@2027-02-17:overdue': '2027-02-18',
      'acceptance@2027-02-17:head': '2027-02-22',
      'acceptance@2027-02-17:very-overdue': '2027-02-24',
    },
  },
  {
    // A denunciation received by e-mail Tue 5/01/2027, accepted Thu 7/01, extended by 20 days Wed 3/02.
    // Transfer (5 WD) due Tue 12/01: its 3-WD reminder falls on Thu 7/01 (11, 8, 7) and is recorded at
    //   00:00 that day, before the acceptance ends the clock.
    // Resolution: 7/01 + 30 = Sat 6/02 (Tết) → Fri 12/02: reminder Tue 2/02 (4, 3, 2). The extension on
    //   3/02 makes it 7/01 + 50 = Fri 26/02: reminders Tue 23/02 (25, 24, 23) and Thu 25/02; overdue Sat
    //   27/02; head Mon 1/03, Tue 2/03. The old reminder for 12/02 due on Thu 4/02 never happens.
    spec: {
      name: 'H3',
      kind: 'denunciation',
      channel: 'email',
      day: '2027-01-05',
      committee: 'bxd',
      anonymous: false,
      language: 'vi',
      contact: { email: 'h3@example.vn' },
      actions: [
        { day: '2027-01-07', as: 'handler', input: { action: 'accept' } },
        {
          day: '2027-02-03',
          as: 'head',
          input: { action: 'extend', complexity: 'complex', days: 20, reason: 'Cần xác minh nhiều nơi' },
        },
      ],
    },
    steps: {
      'transfer@2027-01-12:reminder-3': '2027-01-07',
      'resolution@2027-02-12:reminder-3': '2027-02-02',
      'resolution@2027-02-26:reminder-3': '2027-02-23',
      'resolution@2027-02-26:reminder-1': '2027-02-25',
      'resolution@2027-02-26:overdue': '2027-02-27',
      'resolution@2027-02-26:head': '2027-03-02',
    },
  },
  {
    // A complaint received in person Mon 4/01/2027, accepted Wed 6/01 (which also answers the
    // visitor and ends the acceptance clock before any of its reminders), suspended Mon 18/01, resumed
    // Mon 1/02. Resolution: 6/01 + 30 = Fri 5/02 (Tết eve) → Fri 12/02, paused on 18/01 after 12 days
    // (7–18 Jan); 18 days left from 1/02 → Fri 19/02. Reminders Tue 16/02 (18, 17, 16) and Thu 18/02;
    // overdue Sat 20/02; head Mon 22, Tue 23/02. Nothing on 2 or 4 Feb (the old reminders) while paused.
    spec: {
      name: 'H4',
      kind: 'complaint',
      channel: 'in_person',
      day: '2027-01-04',
      committee: 'btp',
      anonymous: false,
      language: 'en',
      contact: { email: 'h4@example.vn' },
      actions: [
        { day: '2027-01-06', as: 'handler', input: { action: 'accept' } },
        { day: '2027-01-18', as: 'handler', input: { action: 'suspend', reason: 'Chờ kết quả giám định' } },
        { day: '2027-02-01', as: 'handler', input: { action: 'resume' } },
      ],
    },
    steps: {
      'resolution@2027-02-19:reminder-3': '2027-02-16',
      'resolution@2027-02-19:reminder-1': '2027-02-18',
      'resolution@2027-02-19:overdue': '2027-02-20',
      'resolution@2027-02-19:head': '2027-02-23',
    },
    only: 'resolution@',
  },
]

// ---------------------------------------------------------------------------------------------------
// The generated cases.

function generateCases(calendar: WorkingCalendar): CaseSpec[] {
  const random = seededRandom(20270101)
  const pick = (list: readonly Record<string, unknown>[]) => list[Math.floor(random() * list.length)]!
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const afterWorkingDays = (from: LocalDate, n: number) => calendar.addWorkingDays(from, n)

  const workingDays: LocalDate[] = []
  for (let d = '2027-01-04'; d <= '2027-02-19'; d = addDays(d, 1))
    if (calendar.isWorkingDay(d)) workingDays.push(d)
  // Citizens file online on days off too: a Sunday, Tết's first day, a substitute day.
  const daysOff = ['2027-01-10', '2027-02-06', '2027-02-10', '2027-02-14']

  const specs: CaseSpec[] = []
  for (let i = 0; i < GENERATED_CASES; i++) {
    const kind = (['complaint', 'denunciation', 'recommendation', 'feedback'] as const)[i % 4]!
    const onDayOff = i % 25 === 7
    const day = onDayOff
      ? daysOff[((i / 25) % daysOff.length) | 0]!
      : workingDays[Math.floor((i * workingDays.length) / GENERATED_CASES)]!
    const r = random()
    const channel: Channel =
      onDayOff || r < 0.45 ? 'online' : r < 0.65 ? 'in_person' : r < 0.8 ? 'post' : 'email'
    const anonymous = (kind === 'denunciation' || kind === 'feedback') && random() < 0.15
    const ministry = MINISTRIES[i % MINISTRIES.length]!
    const statutory = kind === 'complaint' || kind === 'denunciation'
    const actions: PlannedAction[] = []
    const accept = afterWorkingDays(day, between(1, 9))
    const later = (from: LocalDate, min: number, max: number) => afterWorkingDays(from, between(min, max))
    const scenario = random()
    if (scenario < 0.15) {
      // Nobody decides: the first clocks run out.
    } else if (scenario < 0.3) {
      actions.push({
        day: accept,
        as: 'handler',
        input: pick(
          statutory
            ? [
                { action: 'refuse', reason: 'sent_to_several_bodies' },
                { action: 'transfer', toBody: 'Ủy ban nhân dân thành phố Hà Nội' },
                { action: 'withdraw', scope: 'full', reason: 'Người gửi đơn rút đơn' },
                { action: 'file' },
              ]
            : [
                { action: 'guide', guidance: 'Xin gửi đơn đến Ủy ban nhân dân phường nơi cư trú.' },
                { action: 'refuse', reason: 'sent_to_several_bodies' },
                { action: 'file' },
                { action: 'transfer', toBody: 'Sở Xây dựng Hà Nội' },
              ],
        ),
      })
    } else {
      actions.push({ day: accept, as: 'handler', input: { action: 'accept' } })
      const path = random()
      let last = accept
      let suspendedForGood = false
      if (statutory && path < 0.2) {
        last = later(accept, 2, 8)
        actions.push({ day: last, as: 'handler', input: { action: 'start_verification' } })
      } else if (statutory && path < 0.4) {
        // Decided well within the 30 days: at most 12 working days after acceptance, Tết included.
        last = later(accept, 3, 12)
        actions.push({
          day: last,
          as: 'head',
          input:
            kind === 'complaint'
              ? { action: 'extend', complexity: 'complex', reason: 'Vụ việc phức tạp' }
              : { action: 'extend', complexity: 'complex', days: between(10, 30), reason: 'Nhiều nơi' },
        })
      } else if (statutory && path < 0.6) {
        last = later(accept, 2, 10)
        actions.push({
          day: last,
          as: 'handler',
          input: { action: 'suspend', reason: 'Chờ kết quả giám định' },
        })
        if (random() < 0.8) {
          last = later(last, 3, 12)
          actions.push({ day: last, as: 'handler', input: { action: 'resume' } })
        } else suspendedForGood = true
      }
      if (!suspendedForGood && random() < 0.45) {
        last = later(last, 2, 12)
        actions.push({
          day: last,
          as: 'handler',
          input: { action: 'resolve', answer: 'Đã xem xét.', outcome: OUTCOME[kind] },
        })
        if (random() < 0.6)
          actions.push({ day: later(last, 1, 3), as: 'handler', input: { action: 'close' } })
      }
    }
    const language: Language = random() < 0.2 ? 'en' : 'vi'
    const contact =
      random() < 0.1
        ? { phone: `09${String(10_000_000 + i * 7919).slice(-8)}` }
        : { email: `p${i}@example.vn` }
    specs.push({
      name: `G${i}`,
      kind,
      // An anonymous petitioner does not come to the desk in person.
      channel: anonymous && channel === 'in_person' ? 'post' : channel,
      day,
      committee: ministry.id,
      anonymous,
      language,
      contact,
      actions: actions.filter((x) => x.day <= LAST_DAY),
    })
  }
  return specs
}

const OUTCOME: Record<Kind, string> = {
  complaint: 'rejected',
  denunciation: 'unfounded',
  recommendation: 'answered',
  feedback: 'adopted',
}

// ---------------------------------------------------------------------------------------------------
// The run.

interface Attempt extends OutgoingMessage {
  readonly at: string
}

interface SimulationResult {
  readonly ctx: DeadlineContext
  readonly cases: SimCase[]
  readonly sweeps: string[]
  readonly digestDays: Map<LocalDate, Set<string>>
  readonly messages: OutboxMessage[]
  readonly attempts: Attempt[]
  readonly seconds: number
}

async function simulate(
  server: LocalServer,
  clock: { now: Date },
  attempts: Attempt[],
): Promise<SimulationResult> {
  const started = Date.now()
  const ctx: DeadlineContext = await server.services.deadlineContext()
  const calendar = ctx.calendar
  const specs = [...HAND_WORKED.map((h) => h.spec), ...generateCases(calendar)]
  const cases: SimCase[] = []
  const sweeps: string[] = []
  const digestDays = new Map<LocalDate, Set<string>>()
  const tokens = new Map<string, string>()

  async function call(
    method: string,
    path: string,
    body: unknown,
    as?: string,
    headers: Record<string, string> = {},
  ) {
    if (as && !tokens.has(as)) tokens.set(as, await server.identity.issue(as))
    const res = await fetch(server.url + path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(as ? { authorization: `Bearer ${tokens.get(as)}` } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    })
    const parsed = (await res.json()) as any
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(parsed)}`)
    return parsed
  }

  function replan(c: SimCase) {
    const now = clock.now.toISOString()
    c.plan = watchPlanOf(c.record, ctx, DEFAULT_WATCH_SETTINGS, vietnamDate(clock.now)).planned
    for (const s of c.plan) if (!c.firstPlanned.has(s.id)) c.firstPlanned.set(s.id, now)
  }

  async function reload(c: SimCase) {
    c.record = (await server.services.cases.getCase(c.code))!
    replan(c)
  }

  async function intake(s: CaseSpec) {
    const petitioner = s.anonymous ? undefined : { fullName: `Người ${s.name}`, ...s.contact }
    const body = {
      kind: s.kind,
      title: `Đơn ${s.name}`,
      content: `Nội dung đơn ${s.name}.`,
      anonymous: s.anonymous,
      petitioner,
      language: s.language,
      concerns: { organization: MINISTRIES.find((m) => m.id === s.committee)!.organization },
    }
    const receipt =
      s.channel === 'online'
        ? await call('POST', '/api/v1/petitions', body)
        : await call('POST', '/api/v1/cases', { ...body, channel: s.channel, receivedAt: s.day }, 'tiepdan')
    const code = normalizeTrackingCode(receipt.trackingCode)!
    const c: SimCase = {
      spec: s,
      code,
      record: undefined as unknown as StoredCase,
      plan: [],
      expected: new Map(),
      firstPlanned: new Map(),
    }
    await reload(c)
    if (c.record.committeeId !== s.committee) throw new Error(`${s.name} routed to ${c.record.committeeId}`)
    cases.push(c)
  }

  async function act(c: SimCase, a: PlannedAction) {
    const user = `${c.spec.committee}.${a.as === 'head' ? 'truong' : 'canbo'}`
    await call('POST', `/api/v1/cases/${c.code}/actions`, a.input, user, {
      'if-match': String(c.record.version),
    })
    await reload(c)
  }

  async function sweepNow() {
    const at = clock.now.toISOString()
    const today = vietnamDate(clock.now)
    // The oracle first: what this sweep must record.
    for (const c of cases)
      for (const s of c.plan)
        if (s.on <= today && !c.expected.has(s.id)) c.expected.set(s.id, { at, step: s })
    await server.sweep.sweep()
    sweeps.push(at)
  }

  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    const moments = [
      ...SWEEP_TIMES.map((time) => ({ time, what: 'sweep' as const })),
      { time: INTAKE_TIME, what: 'intake' as const },
      { time: ACTION_TIME, what: 'act' as const },
    ].sort((a, b) => (a.time < b.time ? -1 : 1))
    for (const { time, what } of moments) {
      clock.now = vn(`${day} ${time}`)
      if (time === '00:00') for (const c of cases) replan(c)
      if (what === 'intake') for (const s of specs.filter((x) => x.day === day)) await intake(s)
      if (what === 'act')
        for (const c of cases) for (const a of c.spec.actions.filter((x) => x.day === day)) await act(c, a)
      if (what !== 'sweep') continue
      await sweepNow()
      if (DIGEST_TIMES.includes(time)) {
        if (time === DIGEST_TIMES[0])
          digestDays.set(
            day,
            new Set(cases.filter((c) => isOpen(c.record.status)).map((c) => c.spec.committee)),
          )
        await server.sweep.digest()
      }
    }
  }

  const messages = await allOutboxMessages(server)
  for (const c of cases) c.record = (await server.services.cases.getCase(c.code))!
  return { ctx, cases, sweeps, digestDays, messages, attempts, seconds: (Date.now() - started) / 1000 }
}

/** Who hears of a step (the demo bloc: one handler and one head per committee; every ministry's parent is the bloc). */
function recipientsOf(step: WatchStep, committee: string): string[] {
  if (step.audience === 'committee') return [`${committee}.canbo`]
  if (step.audience === 'head') return [`${committee}.truong`]
  return ['dukhoi.truong', 'giamsat']
}

const TEMPLATE_OF: Record<Exclude<WatchStep['step'], 'reminder'>, string> = {
  overdue: 'staff.overdue',
  escalate_head: 'staff.escalate_head',
  very_overdue: 'staff.very_overdue',
}

// ---------------------------------------------------------------------------------------------------

describe('two months of the deadline watch, Jan–Mar 2027', () => {
  let dataDir: string
  let server: LocalServer
  let sim: SimulationResult
  const clock = { now: vn(`${FIRST_DAY} 00:00`) }
  const attempts: Attempt[] = []

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-sim-'))
    server = await startLocalServer({
      port: 0,
      dataDir,
      seed: { petitions: 0 },
      quiet: true,
      now: () => clock.now,
      // Every petition of the run comes from this one address under a simulated clock.
      submissionLimits: false,
      sender: {
        async send(message) {
          attempts.push({ ...message, at: clock.now.toISOString() })
        },
      },
    })
    sim = await simulate(server, clock, attempts)
    const steps = sim.cases.reduce((n, c) => n + Object.keys(c.record.steps ?? {}).length, 0)
    const kinds = (k: string) => sim.messages.filter((m) => m.template.startsWith(k)).length
    console.log(
      `sweep simulation: ${sim.cases.length} cases, ${sim.sweeps.length} sweeps, ${steps} steps, ` +
        `${sim.messages.length} messages (${kinds('staff.') - kinds('staff.digest')} staff, ` +
        `${kinds('citizen.')} citizen, ${kinds('staff.digest')} digests), ${sim.seconds.toFixed(1)} s`,
    )
  }, 300_000)

  afterAll(async () => {
    await server?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  const sentence = (c: SimCase) => `${c.spec.name} (${c.spec.kind}, ${c.spec.channel})`

  it('covers every kind, channel and ending, and the holidays', () => {
    const seen = (f: (c: SimCase) => string) => new Set(sim.cases.map(f))
    expect(sim.cases.length).toBeGreaterThanOrEqual(200)
    expect(seen((c) => c.spec.kind)).toEqual(
      new Set(['complaint', 'denunciation', 'recommendation', 'feedback']),
    )
    expect(seen((c) => c.spec.channel)).toEqual(new Set(['online', 'in_person', 'post', 'email']))
    const events = new Set(sim.cases.flatMap((c) => c.record.history.map((e) => e.type)))
    for (const e of [
      'accepted',
      'verification_started',
      'extended',
      'suspended',
      'resumed',
      'resolved',
      'closed',
    ])
      expect(events).toContain(e)
    for (const e of ['refused', 'guided', 'filed', 'transferred', 'withdrawn']) expect(events).toContain(e)
    expect(sim.cases.some((c) => c.spec.anonymous)).toBe(true)
    // Steps fell due during Tết and its substitute days (the sweep runs on days off too), and on
    // the first working day after them; clocks ran across the block.
    const stepDays = sim.cases.flatMap((c) => [...c.expected.values()].map((e) => vietnamDate(e.at)))
    expect(stepDays.filter((d) => d >= '2027-02-05' && d <= '2027-02-11').length).toBeGreaterThan(5)
    expect(stepDays.filter((d) => d === '2027-02-12').length).toBeGreaterThan(5)
    const acrossTet = sim.cases.filter((c) =>
      c.plan.some((s) => s.on > '2027-02-11' && c.record.receivedOn < '2027-02-05'),
    )
    expect(acrossTet.length).toBeGreaterThan(10)
  })

  it('records the steps of the hand-worked sample on the days worked out by hand', () => {
    for (const { spec, steps, only } of HAND_WORKED) {
      const c = sim.cases.find((x) => x.spec === spec)!
      const recorded = Object.entries(c.record.steps ?? {})
        .filter(([id]) => !only || id.startsWith(only))
        .map(([id, at]) => [id, vietnamDate(at)])
      expect(Object.fromEntries(recorded), spec.name).toEqual(steps)
    }
  })

  it('records every planned step exactly once, by the first sweep on or after its day', () => {
    for (const c of sim.cases) {
      const expected = Object.fromEntries([...c.expected].map(([id, e]) => [id, e.at]))
      expect(c.record.steps ?? {}, sentence(c)).toEqual(expected)
    }
  })

  it("records each step on its own day, or on the day it first entered the case's plan", () => {
    let onTheirDay = 0
    for (const c of sim.cases)
      for (const [id, at] of Object.entries(c.record.steps ?? {})) {
        const step = c.expected.get(id)?.step
        const entered = vietnamDate(c.firstPlanned.get(id)!)
        const due = step && step.on > entered ? step.on : entered
        expect(vietnamDate(at), `${sentence(c)} ${id}`).toBe(due)
        if (step && vietnamDate(at) === step.on) onTheirDay++
      }
    // Most steps fall on their own day; the others belong to clocks that started late.
    expect(onTheirDay).toBeGreaterThan(0.8 * sim.cases.reduce((n, c) => n + c.expected.size, 0))
  })

  it('reaches the escalation rung the recorded steps call for', () => {
    for (const c of sim.cases.filter((x) => isOpen(x.record.status))) {
      const { planned } = watchPlanOf(c.record, sim.ctx, DEFAULT_WATCH_SETTINGS, LAST_DAY)
      const level = planned.reduce((max, s) => (c.record.steps?.[s.id] && s.level > max ? s.level : max), 0)
      expect(c.record.escalationLevel ?? 0, sentence(c)).toBe(level)
    }
    expect(sim.cases.filter((c) => c.record.escalationLevel === 3).length).toBeGreaterThan(10)
  })

  it('tells the right staff of each step once, in the sweep that records it (reminders only in the digest)', () => {
    const expected = new Map<string, string>()
    for (const c of sim.cases)
      for (const [, { at, step }] of c.expected) {
        if (step.step === 'reminder') continue
        for (const user of recipientsOf(step, c.spec.committee))
          expected.set(messageId(c.code, step.id, user), `${at} ${TEMPLATE_OF[step.step]} ${user}`)
      }
    const actual = new Map(
      sim.messages
        .filter((m) => m.recipient.kind === 'staff' && m.code !== undefined)
        .map((m) => [m.id, `${m.createdAt} ${m.template} ${m.recipient.userId}`]),
    )
    expect(actual.size).toBeGreaterThan(500)
    expect(actual).toEqual(expected)
  })

  /**
   * The notices a named petitioner is owed: one per public event the domain lists for them
   * (CITIZEN_NOTIFIED_EVENTS), written by the next sweep. `endings`: only the event that ended the
   * case, or only the others.
   */
  function owedNotices(endings: boolean) {
    const owed = new Map<string, string>()
    for (const c of sim.cases) {
      if (c.spec.anonymous) continue
      const told = c.record.history.filter((e) => e.public && CITIZEN_NOTIFIED_EVENTS.includes(e.type))
      const ending = FINAL_STATUSES.includes(c.record.status) ? told.at(-1) : undefined
      for (const e of told) {
        if ((e === ending) !== endings) continue
        const next = sim.sweeps.find((at) => at > e.at)
        if (next)
          owed.set(messageId(c.code, `event-${e.seq}`, 'petitioner'), `${next} ${e.type} ${c.spec.language}`)
      }
    }
    return owed
  }
  const notices = () =>
    new Map(
      sim.messages
        .filter((m) => m.recipient.kind === 'petitioner')
        .map((m) => [m.id, `${m.createdAt} ${m.params.event} ${m.language}`]),
    )

  it('tells every named petitioner of each public step while the case is open, in their language, at the next sweep', () => {
    const owed = owedNotices(false)
    const written = new Map([...notices()].filter(([id]) => owed.has(id)))
    expect(owed.size).toBeGreaterThan(300)
    expect(written).toEqual(owed)
  })

  it('tells every named petitioner of the step that ends their case', () => {
    const owed = owedNotices(true)
    const written = new Map([...notices()].filter(([id]) => owed.has(id)))
    expect(owed.size).toBeGreaterThan(20)
    expect(written).toEqual(owed)
  })

  it('writes no other message to a petitioner, and none ever to an anonymous one', () => {
    const owed = new Map([...owedNotices(false), ...owedNotices(true)])
    const anonymous = new Set(sim.cases.filter((c) => c.spec.anonymous).map((c) => c.code))
    const toPetitioners = sim.messages.filter((m) => m.recipient.kind === 'petitioner')
    expect(toPetitioners.filter((m) => anonymous.has(m.code!))).toEqual([])
    expect(toPetitioners.filter((m) => !owed.has(m.id))).toEqual([])
  })

  it('gives each handler and head one digest a day, from the 07:00 run, when their committee has open cases', () => {
    const expected = new Set<string>()
    for (const [day, committees] of sim.digestDays)
      for (const committee of committees)
        for (const user of [`${committee}.canbo`, `${committee}.truong`])
          expected.add(`${messageId('digest', day, user)} ${vn(`${day} 07:00`).toISOString()}`)
    const actual = new Set(
      sim.messages.filter((m) => m.template === 'staff.digest').map((m) => `${m.id} ${m.createdAt}`),
    )
    expect(actual.size).toBeGreaterThan(500)
    expect(actual).toEqual(expected)
  })

  it('delivers every message exactly once, in the sweep that wrote it', async () => {
    expect(sim.messages.filter((m) => m.state !== 'sent' || m.sentAt !== m.createdAt)).toEqual([])
    const fromOutbox: string[] = []
    for (const m of sim.messages) {
      const to = m.toSealed ? await server.services.sealer.open(m.to) : m.to
      const { subject, body } = renderMessage(m.template, m.language, m.params)
      fromOutbox.push(`${to}|${subject}|${body}`)
    }
    const fromSender = sim.attempts.map((a) => `${a.to}|${a.subject}|${a.body}`)
    expect(fromSender.sort()).toEqual(fromOutbox.sort())
  })
})
