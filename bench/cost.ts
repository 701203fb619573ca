/**
 * The true bill of one petition's life, counted by driving the real code (both apps, the sweep,
 * the outbox) on dynalite with the capacity meter that bills like DynamoDB (shared/store/meter.ts),
 * then priced service by service at ap-southeast-1 list prices; and the fixed monthly floor, item
 * by item, counted from the synthesized production templates.
 *
 * The life (a complaint to the Ministry of Construction's committee, filed online with a name,
 * address, identity number, e-mail and phone, ~2 KB of Vietnamese text):
 *   - intake: POST /api/v1/petitions (the case, its content, its repeat keys);
 *   - 5 tracking lookups by the petitioner (GET /api/v1/petitions/{code} with the PIN);
 *   - 10 staff page views of the case (GET /staff/cases/{code}; the first one runs the repeat
 *     search, an online petition's first staff read);
 *   - 6 actions through the pages (POST /staff/cases/{code}/act → 303 → GET the case page):
 *     accept, start_verification, suspend, resume, resolve, close;
 *   - the deadline sweep every day over 46 days (at 07:00, then the morning digest), with the
 *     messages it sends (each passes through the outbox);
 *   - 5 queue pages of a committee holding 25 open cases (measured apart, after the life, so the
 *     background cases' own sweeps do not land on this petition).
 * Lambda time is the wall time of each request on this machine (an upper bound: the machine is
 * shared and loaded); INIT is billed on the share of requests assumed cold (see ASSUMPTIONS).
 *
 * Run: npm run bench:cost   → prints the bill, writes bench/results/petition-life.json
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LocalServer } from '../local/server.js'
import { addDays, type LocalDate } from '../shared/domain/dates.js'
import type { OutgoingMessage } from '../shared/notifications/senders.js'
import type { CapacityRecord } from '../shared/store/client.js'
import { resourcesOf, synthDeployment } from '../test/infra/deployment.js'
import { startBenchServer } from './lib/server.js'

/** AWS list prices, ap-southeast-1 (Singapore), as published on the AWS pricing pages in 2025. */
const PRICES = {
  date: 'AWS list prices for ap-southeast-1 as published in 2025 (DynamoDB on-demand after the 1 November 2024 reduction); written from the pricing pages, not re-fetched from this machine: check the AWS Pricing Calculator before relying on them',
  lambdaPerRequest: 0.2 / 1e6,
  lambdaArmPerGbSecond: 0.0000133334,
  httpApiPerRequest: 1.0 / 1e6,
  cloudFrontPerRequest: 0.012 / 10_000, // HTTPS, Asia Pacific edge
  wafPerRequest: 0.6 / 1e6,
  logIngestionPerGb: 0.7, // CloudWatch Logs ingestion (standard), also WAF's vended logs' first tier
  dynamoPerWriteUnit: 0.7125 / 1e6,
  dynamoPerReadUnit: 0.1425 / 1e6,
  kmsPerRequest: 0.03 / 10_000,
  sesPerEmail: 0.1 / 1_000,
  smsPerSegmentVietnam: 0.0752, // End User Messaging SMS, transactional, Viet Nam (varies by carrier)
  schedulerPerInvocation: 1.0 / 1e6,
  wafPerAclMonth: 5,
  wafPerRuleMonth: 1,
  kmsPerKeyMonth: 1,
  alarmPerMonth: 0.1,
  secretPerMonth: 0.4,
  metricPerMonth: 0.3,
  hostedZonePerMonth: 0.5,
}

const ORGANISATION = { committees: 61, petitionsPerYear: 10_000 }
const ASSUMPTIONS = {
  /** A quiet service (tens of petitions a day): the share of requests that find a cold instance. */
  coldShare: { public: 0.25, staff: 0.1 },
  /** INIT billed per cold start (ms), from bench/results/cold-start.json's order of magnitude. */
  initMs: 400,
  memoryGb: { public: 1, staff: 1 },
  /** Bytes a Lambda invocation writes to CloudWatch Logs: START/END/REPORT lines and one request line. */
  lambdaLogBytesPerInvocation: 700,
  /** Bytes of one WAF log record (every request is logged today: no filter on blocked/counted). */
  wafLogBytesPerRequest: 1_500,
  /** Bytes of one HTTP API access-log line (the JSON format in infra/constructs/http-api.ts). */
  accessLogBytesPerRequest: 350,
  /** The origin-guard authorizer's result is cached an hour on its header: ~0 invocations per request. */
  authorizerInvocationsPerRequest: 0,
}

type Phase = 'intake' | 'lookups' | 'staff views' | 'actions' | 'sweeps' | 'digests' | 'queue pages'
interface Tally {
  read: number
  write: number
  indexWrite: number
  calls: number
  requests: { public: number; staff: number }
  lambdaMs: { public: number; staff: number; sweep: number }
}
const tallies = new Map<Phase, Tally>()
let phase: Phase | undefined
const tally = (p: Phase): Tally => {
  const found = tallies.get(p)
  if (found) return found
  const fresh: Tally = {
    read: 0,
    write: 0,
    indexWrite: 0,
    calls: 0,
    requests: { public: 0, staff: 0 },
    lambdaMs: { public: 0, staff: 0, sweep: 0 },
  }
  tallies.set(p, fresh)
  return fresh
}
const onCapacity = (r: CapacityRecord) => {
  if (!phase) return
  const t = tally(phase)
  t.read += r.readCapacityUnits ?? 0
  t.write += (r.writeCapacityUnits ?? 0) - (r.indexWriteUnits ?? 0)
  t.indexWrite += r.indexWriteUnits ?? 0
  t.calls++
}
const messages: OutgoingMessage[] = []
const clock = { now: new Date('2026-12-07T02:00:00Z') } // Monday 09:00 in Hà Nội
const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-cost-'))
const server: LocalServer = await startBenchServer(dataDir, {
  now: () => clock.now,
  onCapacity,
  sender: { send: async (m) => void messages.push(m) },
})
// Identity opened or sealed: one KMS call each when no data key is cached (a quiet service's cold
// instance); the local sealer stands for the KMS one.
let kmsCalls = 0
const sealer = server.services.sealer as {
  seal: (s: string) => Promise<string>
  open: (s: string) => Promise<string>
}
for (const method of ['seal', 'open'] as const) {
  const original = sealer[method].bind(sealer)
  sealer[method] = async (value: string) => {
    if (phase) kmsCalls++
    return original(value)
  }
}

const at = (day: number, time: string) => {
  const date = addDays('2026-12-07' as LocalDate, day)
  clock.now = new Date(`${date}T${time}:00+07:00`)
}
async function request(p: Phase, fn: 'public' | 'staff', path: string, init: RequestInit = {}) {
  phase = p
  const started = performance.now()
  const res = await fetch(server.url + path, { redirect: 'manual', ...init })
  const text = await res.text()
  const t = tally(p)
  t.requests[fn]++
  t.lambdaMs[fn] += performance.now() - started
  phase = undefined
  return { status: res.status, location: res.headers.get('location'), text }
}

const text =
  'Gia đình tôi có thửa đất tại xã Đông Anh, thành phố Hà Nội, sử dụng ổn định từ năm 1995. Năm 2025, cơ quan cấp phép xây dựng ra quyết định từ chối cấp giấy phép xây dựng nhà ở với lý do không phù hợp quy hoạch, trong khi các hộ liền kề vẫn được cấp phép. '.repeat(
    6,
  )
const petition = {
  kind: 'complaint',
  title: 'Khiếu nại quyết định từ chối cấp giấy phép xây dựng nhà ở',
  content: text,
  petitioner: {
    fullName: 'Trần Thị Bích Ngọc',
    idNumber: '001190012345',
    phone: '0912345678',
    email: 'ngoc.tran@example.vn',
    address: 'Số 8 ngõ 12 đường Cao Lỗ, xã Đông Anh, Hà Nội',
  },
  concerns: { organization: 'Bộ Xây dựng' },
  topic: 'land',
}
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

// Warm the settings cache (a steady state, not the process's first request), unmetered; a
// warm-up petition would be a second case the sweeps and messages would count.
await Promise.all([
  server.services.settings.getCommittees(),
  server.services.settings.getRoutingRules(),
  server.services.settings.getWatchSettings(),
  server.services.deadlineContext(),
])

at(0, '09:05')
const filed = await request('intake', 'public', '/api/v1/petitions', json(petition))
if (filed.status !== 201) throw new Error(`submission refused: ${filed.status} ${filed.text}`)
const { trackingCode, pin } = JSON.parse(filed.text) as { trackingCode: string; pin: string }

const handler = await server.identity.issue('bxd.canbo', 3600 * 24 * 60)
const head = await server.identity.issue('bxd.truong', 3600 * 24 * 60)
const cookie = (token: string) => ({ cookie: `__Host-staff-session=${token}` })
const lookup = () =>
  request('lookups', 'public', `/api/v1/petitions/${trackingCode}`, { headers: { 'x-tracking-pin': pin } })
const view = (token = handler) =>
  request('staff views', 'staff', `/staff/cases/${trackingCode}`, { headers: cookie(token) })
let version = 1
async function act(form: Record<string, string>) {
  const res = await request('actions', 'staff', `/staff/cases/${trackingCode}/act`, {
    method: 'POST',
    headers: {
      ...cookie(head),
      'content-type': 'application/x-www-form-urlencoded',
      origin: server.url,
    },
    body: new URLSearchParams({ ...form, version: String(version) }).toString(),
  })
  if (res.status !== 303 || !res.location) throw new Error(`${form.action} refused: ${res.status}`)
  version++
  const page = await request('actions', 'staff', res.location, { headers: cookie(head) })
  if (page.status !== 200) throw new Error(`${form.action}: the page after it answered ${page.status}`)
}

// The days of the life: what happens on each, before that day's sweep.
const EVENTS: Record<number, (() => Promise<unknown>)[]> = {
  0: [view, lookup],
  1: [view, () => act({ action: 'accept' })],
  2: [lookup],
  3: [view, () => act({ action: 'start_verification' })],
  8: [view],
  10: [() => act({ action: 'suspend', 'suspend.reason': 'Chờ kết quả đo đạc địa chính' })],
  12: [lookup],
  15: [view, () => act({ action: 'resume' })],
  25: [view],
  30: [lookup, view],
  38: [view],
  40: [
    () =>
      act({
        action: 'resolve',
        'resolve.answer': 'Đã xem xét hồ sơ, chấp nhận một phần nội dung khiếu nại.',
        'resolve.outcome': 'partly_upheld',
      }),
  ],
  41: [lookup, view],
  45: [view, () => act({ action: 'close' })],
}
const LIFE_DAYS = 46
let sweepRuns = 0
for (let day = 0; day <= LIFE_DAYS; day++) {
  at(day, '07:00')
  phase = 'sweeps'
  const started = performance.now()
  await server.sweep.sweep()
  tally('sweeps').lambdaMs.sweep += performance.now() - started
  phase = 'digests'
  const digestStarted = performance.now()
  await server.sweep.digest()
  tally('digests').lambdaMs.sweep += performance.now() - digestStarted
  phase = undefined
  sweepRuns++
  at(day, day === 0 ? '09:10' : '10:00')
  for (const step of EVENTS[day] ?? []) await step()
}
const lifeMessages = messages.length

// The sweep's fixed cost: a run with nothing due (paid every 15 minutes whatever the load).
phase = 'sweeps'
const emptyBefore = { ...tally('sweeps'), lambdaMs: { ...tally('sweeps').lambdaMs } }
at(LIFE_DAYS + 30, '03:00')
const emptyStarted = performance.now()
await server.sweep.sweep()
const emptySweepMs = performance.now() - emptyStarted
const emptySweep = {
  read: tally('sweeps').read - emptyBefore.read,
  write: tally('sweeps').write - emptyBefore.write,
  calls: tally('sweeps').calls - emptyBefore.calls,
}
// Every run pays the empty sweep's reads whatever is due: that part is in the floor (per run), the
// petition pays what its own steps add.
const sweeps = tally('sweeps')
sweeps.read = Math.max(0, emptyBefore.read - sweepRuns * emptySweep.read)
sweeps.write = Math.max(0, emptyBefore.write - sweepRuns * emptySweep.write)
sweeps.calls = Math.max(0, emptyBefore.calls - sweepRuns * emptySweep.calls)
sweeps.lambdaMs.sweep = Math.max(0, emptyBefore.lambdaMs.sweep - sweepRuns * emptySweepMs)
phase = undefined

// Queue pages of a committee with 25 open cases (filed unmetered, after the life).
for (let i = 0; i < 25; i++)
  await fetch(
    `${server.url}/api/v1/petitions`,
    json({
      ...petition,
      title: `${petition.title} (${i})`,
      petitioner: { fullName: `Người khiếu nại ${i}` },
    }),
  )
for (let i = 0; i < 5; i++)
  await request('queue pages', 'staff', '/staff/queue', { headers: cookie(handler) })

await server.close()
await rm(dataDir, { recursive: true, force: true })

// ─── The bill ───────────────────────────────────────────────────────────────────────────────────

// The digest is one message a committee a day, shared by the cases it lists: this petition pays
// its share of the digest runs (their queue reads, outbox writes and time).
const averageOpenPerCommittee = (ORGANISATION.petitionsPerYear / ORGANISATION.committees) * (LIFE_DAYS / 365)
const digestTally = tally('digests')
for (const k of ['read', 'write', 'indexWrite', 'calls'] as const) digestTally[k] /= averageOpenPerCommittee
digestTally.lambdaMs.sweep /= averageOpenPerCommittee
const all = [...tallies.values()]
const sum = (f: (t: Tally) => number) => all.reduce((s, t) => s + f(t), 0)
const readUnits = sum((t) => t.read)
const writeUnits = sum((t) => t.write + t.indexWrite)
const publicRequests = sum((t) => t.requests.public)
const staffRequests = sum((t) => t.requests.staff)
const httpRequests = publicRequests + staffRequests
const lambdaInvocations = httpRequests * (1 + ASSUMPTIONS.authorizerInvocationsPerRequest)
const gbSeconds =
  (sum((t) => t.lambdaMs.public) / 1000) * ASSUMPTIONS.memoryGb.public +
  (sum((t) => t.lambdaMs.staff) / 1000) * ASSUMPTIONS.memoryGb.staff
const initGbSeconds =
  ((publicRequests * ASSUMPTIONS.coldShare.public * ASSUMPTIONS.memoryGb.public +
    staffRequests * ASSUMPTIONS.coldShare.staff * ASSUMPTIONS.memoryGb.staff) *
    ASSUMPTIONS.initMs) /
  1000
const isDigest = (m: OutgoingMessage) => /^(Tình hình đơn thư ngày|Petitions on )/.test(m.subject)
const own = messages.slice(0, lifeMessages).filter((m) => !isDigest(m))
const digests = messages.slice(0, lifeMessages).filter(isDigest)
const digestShare = digests.length / averageOpenPerCommittee
const emails = own.filter((m) => m.channel === 'email').length + digestShare
const smsSegments = own
  .filter((m) => m.channel === 'sms')
  .reduce((s, m) => s + Math.max(1, Math.ceil(m.body.length / (m.body.length > 70 ? 67 : 70))), 0)
const logGb =
  (lambdaInvocations * ASSUMPTIONS.lambdaLogBytesPerInvocation +
    httpRequests * (ASSUMPTIONS.wafLogBytesPerRequest + ASSUMPTIONS.accessLogBytesPerRequest)) /
  1e9
const sweepLambdaSeconds = sum((t) => t.lambdaMs.sweep) / 1000

const lines: { item: string; quantity: string; dollars: number; message?: boolean }[] = [
  {
    item: 'Lambda requests',
    quantity: `${lambdaInvocations}`,
    dollars: lambdaInvocations * PRICES.lambdaPerRequest,
  },
  {
    item: 'Lambda GB-seconds (requests)',
    quantity: gbSeconds.toFixed(2),
    dollars: gbSeconds * PRICES.lambdaArmPerGbSecond,
  },
  {
    item: 'Lambda billed INIT',
    quantity: `${initGbSeconds.toFixed(2)} GB-s`,
    dollars: initGbSeconds * PRICES.lambdaArmPerGbSecond,
  },
  {
    item: 'Lambda GB-seconds (its share of sweep work)',
    quantity: sweepLambdaSeconds.toFixed(2),
    dollars: sweepLambdaSeconds * PRICES.lambdaArmPerGbSecond,
  },
  { item: 'HTTP API', quantity: `${httpRequests}`, dollars: httpRequests * PRICES.httpApiPerRequest },
  {
    item: 'origin-guard authorizer',
    quantity: `${httpRequests * ASSUMPTIONS.authorizerInvocationsPerRequest} (cached 1 h on its header)`,
    dollars: 0,
  },
  {
    item: 'CloudFront requests',
    quantity: `${httpRequests}`,
    dollars: httpRequests * PRICES.cloudFrontPerRequest,
  },
  { item: 'WAF requests', quantity: `${httpRequests}`, dollars: httpRequests * PRICES.wafPerRequest },
  {
    item: 'log ingestion (Lambda, WAF, access logs)',
    quantity: `${(logGb * 1e6).toFixed(1)} KB`,
    dollars: logGb * PRICES.logIngestionPerGb,
  },
  {
    item: 'DynamoDB writes (index writes included)',
    quantity: writeUnits.toFixed(1),
    dollars: writeUnits * PRICES.dynamoPerWriteUnit,
  },
  { item: 'DynamoDB reads', quantity: readUnits.toFixed(1), dollars: readUnits * PRICES.dynamoPerReadUnit },
  { item: 'KMS requests', quantity: `${kmsCalls}`, dollars: kmsCalls * PRICES.kmsPerRequest },
  {
    item: 'EventBridge Scheduler',
    quantity: '0 (the schedule is fixed: in the floor)',
    dollars: 0,
  },
  {
    item: 'SES e-mails',
    quantity: `${emails.toFixed(2)} (${digests.length} digests ÷ ${averageOpenPerCommittee.toFixed(0)} open cases each)`,
    dollars: emails * PRICES.sesPerEmail,
    message: true,
  },
  {
    item: 'SMS segments (UCS-2: 70 characters, 67 when split)',
    quantity: `${smsSegments}`,
    dollars: smsSegments * PRICES.smsPerSegmentVietnam,
    message: true,
  },
]
const variable = lines.filter((l) => !l.message).reduce((s, l) => s + l.dollars, 0)
const withMessages = lines.reduce((s, l) => s + l.dollars, 0)

// ─── The fixed monthly floor, from the production templates ─────────────────────────────────────

const prod = synthDeployment('prod')
const templates = Object.values(prod.templates)
const count = (type: string) => templates.reduce((s, t) => s + Object.keys(resourcesOf(t, type)).length, 0)
const wafRules = templates.reduce(
  (s, t) =>
    s +
    Object.values(resourcesOf(t, 'AWS::WAFv2::WebACL')).reduce(
      (r, acl) => r + ((acl.Properties?.Rules as unknown[] | undefined)?.length ?? 0),
      0,
    ),
  0,
)
const sweepRunsPerMonth = (30 * 24 * 60) / 15 + 30
const floor = [
  { item: 'WAF web ACLs', quantity: count('AWS::WAFv2::WebACL'), dollars: count('AWS::WAFv2::WebACL') * 5 },
  { item: 'WAF rules', quantity: wafRules, dollars: wafRules * PRICES.wafPerRuleMonth },
  {
    item: 'KMS keys',
    quantity: count('AWS::KMS::Key'),
    dollars: count('AWS::KMS::Key') * PRICES.kmsPerKeyMonth,
  },
  {
    item: 'CloudWatch alarms',
    quantity: count('AWS::CloudWatch::Alarm'),
    dollars: count('AWS::CloudWatch::Alarm') * PRICES.alarmPerMonth,
  },
  {
    item: 'Secrets Manager secrets',
    quantity: count('AWS::SecretsManager::Secret'),
    dollars: count('AWS::SecretsManager::Secret') * PRICES.secretPerMonth,
  },
  {
    item: 'custom metrics (Powertools EMF: ~2 per function)',
    quantity: 2 * count('AWS::Lambda::Function'),
    dollars: 2 * count('AWS::Lambda::Function') * PRICES.metricPerMonth,
  },
  {
    item: 'Route 53 hosted zones',
    quantity: count('AWS::Route53::HostedZone'),
    dollars: count('AWS::Route53::HostedZone') * PRICES.hostedZonePerMonth,
  },
  {
    item: `sweep runs (every 15 min + digest), reads of an empty sweep ${emptySweep.read} RCU`,
    quantity: sweepRunsPerMonth,
    dollars:
      sweepRunsPerMonth *
      (PRICES.schedulerPerInvocation +
        PRICES.lambdaPerRequest +
        emptySweep.read * PRICES.dynamoPerReadUnit +
        ((ASSUMPTIONS.initMs + emptySweepMs) / 1000) * PRICES.lambdaArmPerGbSecond),
  },
]
const floorMonthly = floor.reduce((s, l) => s + l.dollars, 0)
const petitionsPerMonth = ORGANISATION.petitionsPerYear / 12

const TARGETS = { writeUnits: 100, readUnits: 80, variablePer1000: 0.25, kmsCalls: 8 }
const report = {
  measuredAt: new Date().toISOString(),
  prices: PRICES,
  organisation: ORGANISATION,
  assumptions: ASSUMPTIONS,
  life: { days: LIFE_DAYS, sweepRuns, messages: lifeMessages, trackingCode },
  phases: Object.fromEntries(tallies),
  perPetition: { readUnits, writeUnits, httpRequests, kmsCalls, emails, smsSegments },
  lines,
  variablePer1000: variable * 1000,
  withMessagesPer1000: withMessages * 1000,
  floor,
  floorMonthly,
  monthlyTotal: floorMonthly + withMessages * petitionsPerMonth,
  targets: TARGETS,
  met: {
    writeUnits: writeUnits <= TARGETS.writeUnits,
    readUnits: readUnits <= TARGETS.readUnits,
    variablePer1000: variable * 1000 <= TARGETS.variablePer1000,
    kmsCalls: kmsCalls <= TARGETS.kmsCalls,
  },
}

console.log(`\nOne petition's life (${LIFE_DAYS} days, ${sweepRuns} daily sweeps) — ${PRICES.date}\n`)
console.log('phase (digests: this petition’s share)  read   write  (of which index)  calls  requests')
for (const [name, t] of tallies)
  console.log(
    `${name.padEnd(37)} ${t.read.toFixed(1).padStart(6)} ${(t.write + t.indexWrite).toFixed(1).padStart(6)} ${t.indexWrite.toFixed(1).padStart(8)}          ${t.calls.toFixed(0).padStart(5)}  ${t.requests.public + t.requests.staff}`,
  )
console.log(
  `${'total'.padEnd(37)} ${readUnits.toFixed(1).padStart(6)} ${writeUnits.toFixed(1).padStart(6)}   targets ≤ ${TARGETS.readUnits} read, ≤ ${TARGETS.writeUnits} write`,
)
console.log(
  `\nmessages: ${own.length} own (${own.map((m) => `${m.channel}:${m.subject}`).join('; ')}), ${digests.length} digests`,
)
console.log(`KMS calls: ${kmsCalls} (target ≤ ${TARGETS.kmsCalls})\n`)
for (const l of lines)
  console.log(`${l.item.padEnd(52)} ${l.quantity.padEnd(40)} $${(l.dollars * 1000).toFixed(4)} / 1,000`)
console.log(
  `\nvariable without messages: $${(variable * 1000).toFixed(4)} per 1,000 petitions (target ≤ $${TARGETS.variablePer1000}); with messages $${(withMessages * 1000).toFixed(2)}`,
)
console.log('\nfixed monthly floor')
for (const l of floor)
  console.log(`${l.item.padEnd(70)} ${String(l.quantity).padStart(6)}  $${l.dollars.toFixed(2)}`)
console.log(
  `floor $${floorMonthly.toFixed(2)} a month; with ${petitionsPerMonth.toFixed(0)} petitions a month ≈ $${report.monthlyTotal.toFixed(2)} a month`,
)
await writeFile(
  join(import.meta.dirname, 'results', 'petition-life.json'),
  `${JSON.stringify(report, null, 2)}\n`,
)
