/**
 * Fuzzing with fast-check: at least 10,000 generated requests across every route of both APIs and
 * the citizen pages' forms, in process (`app.request()`) against the real apps on dynalite.
 * Malformed JSON, wrong types, huge and empty strings, Unicode edge cases, unknown fields and
 * hostile headers: never a 5xx; every 4xx of the JSON API is problem+json, every 4xx of a page
 * is an HTML page (or problem+json from the shared guards: CSRF, body limit).
 *
 * The seed is printed; `FUZZ_SEED=<seed> npm run test:reliability` replays a run.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUBLIC_ROUTES } from '../../functions/public-api/routes.js'
import { STAFF_ROUTES } from '../../functions/staff-api/routes.js'
import { USERS } from '../../local/demo-data.js'
import { type Harness, petition, startHarness } from '../integration/harness.js'

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
/** FUZZ_SCALE=0.1 for a quick local look; the suite's own runs total 10,000. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const RUNS = {
  public: Math.ceil(3_500 * SCALE),
  staff: Math.ceil(4_500 * SCALE),
  pages: Math.ceil(2_000 * SCALE),
}

let h: Harness
let tokens: string[] = []
const known: { code: string; pin: string; formatted: string }[] = []
let sent = 0

beforeAll(async () => {
  console.info(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays it)`)
  h = await startHarness()
  tokens = await Promise.all(USERS.map((u) => h.tokenFor(u.id)))
  for (const kind of ['complaint', 'denunciation', 'recommendation']) {
    const res = await h.request('POST', '/api/v1/petitions', { body: petition({ kind }) })
    expect(res.status).toBe(201)
    known.push({
      code: res.body.trackingCode.replaceAll('-', ''),
      pin: res.body.pin,
      formatted: res.body.trackingCode,
    })
  }
})
afterAll(async () => h?.close())

// ---- building blocks -------------------------------------------------------------------------

/** Strings that break things: empty, huge, control and bidi characters, lone surrogates, emoji. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\u202E\u0041\u202C',
    '\uD800',
    '\uDFFF',
    '👩🏽‍⚖️',
    'Nguyễn Văn A\u0301\u0302\u0303',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '$' + '{7*7}',
    '__proto__',
    'constructor',
    'NaN',
    '-0',
    '1e309',
    'null',
    '%00',
    '%ZZ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'ạ'.repeat(n)),
)

/** Any JSON value, with nasty strings and numbers inside. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value

/** A valid body with one field replaced by something of the wrong type or size, or an extra field. */
function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid)
  return fc.oneof(
    fc.constant(valid),
    fc
      .record({ key: fc.constantFrom(...keys), value: anyJson })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.record({ key: nastyString, value: anyJson }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _drop, ...rest } = valid
      return rest
    }),
  )
}

/** Bodies: malformed JSON text, any JSON, or a valid shape bent out of shape. */
function bodyFor(valid: Record<string, unknown> | undefined) {
  return fc.oneof(
    fc.constant<string | undefined>(undefined),
    fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      'null',
      '"',
      '{"kind":"complaint",}',
      '\uFEFF{}',
      '{}'.repeat(50_000),
    ),
    nastyString,
    anyJson.map((v) => JSON.stringify(v)),
    ...(valid
      ? [mutated(valid).map((v) => JSON.stringify(v)), mutated(valid).map((v) => JSON.stringify(v))]
      : []),
  )
}

/** A header value a client could really send (Fetch refuses CR, LF and NUL outright). */
const headerValue = fc.oneof(
  nastyString.map((s) => s.replace(/[^\x20-\x7e\x80-\xff]/g, '')),
  fc.constantFrom('', '0', '-1', '999999999999', 'W/"1"', '"1"', '*', 'Bearer', 'Bearer ', 'Basic YTpi'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)),
)

function headersArb(extra: Record<string, fc.Arbitrary<string>>) {
  return fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/problem+json',
        '',
        'garbage/;;;',
      ),
      'accept-language': fc.oneof(headerValue, fc.constantFrom('vi', 'en', 'en-US,en;q=0.9', 'zz')),
      'x-correlation-id': headerValue,
      'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none'),
      origin: fc.constantFrom('http://localhost', 'https://evil.example', 'null'),
      cookie: headerValue,
      'x-forwarded-for': headerValue,
      // Ignored in process (no edge vouches for it, shared/http/client-address.ts): every request
      // is one client, so the per-client PIN limit is exercised rather than dodged.
      'cloudfront-viewer-address': fc.oneof(
        { weight: 9, arbitrary: fc.constant('203.0.113.7:443') },
        headerValue,
      ),
      ...extra,
    },
    { requiredKeys: ['content-type'] },
  )
}

/** A path parameter: a real code, a near miss or junk. */
const codeParam = fc.oneof(
  fc.constantFrom(...[0, 1, 2].map((i) => () => known[i]!.formatted)).map((f) => f()),
  fc.constantFrom('0000-0000-0000', 'ABCD', ''),
  nastyString,
)

// ---- the routes ------------------------------------------------------------------------------

interface RouteCase {
  readonly method: string
  readonly path: string
  readonly valid?: Record<string, unknown>
  readonly headers: Record<string, fc.Arbitrary<string>>
  readonly query?: fc.Arbitrary<string>
}

const pinHeader = {
  'x-tracking-pin': fc.oneof(headerValue, fc.constantFrom(...[0, 1, 2].map((i) => i))) as never,
}
const tokenHeader = {
  authorization: fc.oneof(
    fc.nat({ max: 100 }).map((i) => `Bearer ${tokens[i % tokens.length]}`),
    fc.nat({ max: 100 }).map((i) => `Bearer ${tokens[i % tokens.length]!.slice(0, -3)}abc`),
    headerValue,
  ),
}

/** Percent-encodes like a client would; a lone surrogate goes as U+FFFD, as `fetch` sends it. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
const encode = (text: string) => encodeURIComponent(wellFormed(text))

function fill(path: string) {
  return fc
    .tuple(codeParam, fc.oneof(fc.constantFrom('btc', 'bxd', 'admin', 'giamsat', 'dangvien'), nastyString))
    .map(([code, other]) => path.replace('{trackingCode}', encode(code)).replace('{id}', encode(other)))
}

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom(
        'limit',
        'cursor',
        'committeeId',
        'period',
        'year',
        'index',
        'lang',
        'kind',
        'code',
        'x',
      ),
      fc.oneof(
        nastyString,
        fc.constantFrom('0', '-1', '5', '1e3', 'month', 'quarter', 'year', 'btc', '2026'),
      ),
      { maxKeys: 4 },
    )
    .map(
      (q) =>
        `?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, wellFormed(v)])).toString()}`,
    ),
)

const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/petitions': petition(),
  'POST /api/v1/petitions/{trackingCode}/withdrawal': { scope: 'full', reason: 'Đã giải quyết' },
  'POST /api/v1/petitions/{trackingCode}/supplements': { text: 'Bổ sung' },
  'POST /api/v1/petitions/{trackingCode}/escalation': { reason: 'Quá hạn' },
  'POST /api/v1/cases': { ...petition(), channel: 'post', receivedAt: '2026-11-25' },
  'POST /api/v1/cases/{trackingCode}/actions': { action: 'accept', note: 'ok' },
  'POST /api/v1/cases/{trackingCode}/reveal': { reason: 'Cần xác minh' },
  'PUT /api/v1/users/{id}': { displayName: 'A', memberships: [{ role: 'handler', committeeId: 'btc' }] },
}

function apiRoutes(routes: readonly { method: string; path: string }[], staff: boolean): RouteCase[] {
  return routes.map((r) => {
    const key = `${r.method.toUpperCase()} ${r.path}`
    return {
      method: r.method.toUpperCase(),
      path: r.path,
      valid: VALID_BODIES[key],
      headers: {
        ...(staff ? tokenHeader : pinHeader),
        'idempotency-key': headerValue,
        'if-match': fc.oneof(headerValue, fc.constantFrom('1', '2', '"1"', 'W/"1"')),
      },
    }
  })
}

interface Sample {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

function requestArb(cases: readonly RouteCase[]): fc.Arbitrary<Sample> {
  return fc.constantFrom(...cases).chain((rc) =>
    fc
      .record({
        path: fill(rc.path),
        query: rc.query ?? query,
        headers: headersArb(rc.headers),
        body: rc.method === 'GET' ? fc.constant(undefined) : bodyFor(rc.valid),
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant(rc.method) },
          fc.constantFrom('PUT', 'DELETE', 'PATCH', 'GET'),
        ),
      })
      .map(({ path, query: q, headers, body, method }) => {
        const all = { ...headers } as Record<string, unknown>
        if (typeof all['x-tracking-pin'] === 'number')
          all['x-tracking-pin'] = known[all['x-tracking-pin']]!.pin
        return {
          method,
          path: path + q,
          headers: all as Record<string, string>,
          body: method === 'GET' ? undefined : body,
        }
      }),
  )
}

async function send(sample: Sample) {
  sent++
  const init: RequestInit = { method: sample.method, headers: sample.headers }
  if (sample.body !== undefined && !['GET', 'HEAD'].includes(sample.method)) init.body = sample.body
  const res = await h.server.app.request(`http://localhost${sample.path}`, init)
  const text = await res.text()
  return { status: res.status, type: res.headers.get('content-type') ?? '', text }
}

function describeSample(sample: Sample, res: { status: number; type: string; text: string }) {
  return `${sample.method} ${sample.path.slice(0, 200)} → ${res.status} ${res.type}: ${res.text.slice(0, 300)}`
}

async function checkApi(sample: Sample) {
  const res = await send(sample)
  const label = describeSample(sample, res)
  expect(res.status, label).toBeLessThan(500)
  if (res.status >= 400) {
    expect(res.type, label).toContain('application/problem+json')
    const problem = JSON.parse(res.text) as { status: number; type: string; title: string }
    expect(problem.status, label).toBe(res.status)
    expect(problem.type, label).toMatch(/^https?:\/\/[^/]+\/problems\/[a-z_]+$/)
    expect(problem.title, label).toBeTruthy()
  }
}

async function checkPage(sample: Sample) {
  const res = await send(sample)
  const label = describeSample(sample, res)
  expect(res.status, label).toBeLessThan(500)
  if (res.status >= 400) {
    // The pages answer with a page; the shared guards (CSRF, body limit) answer with a problem.
    expect(res.type, label).toMatch(/^(text\/html|application\/problem\+json)/)
    expect(res.text.length, label).toBeGreaterThan(0)
  }
}

// ---- the properties --------------------------------------------------------------------------

const PAGE_FIELDS = {
  '/submit': [
    'language',
    'kind',
    'title',
    'content',
    'anonymous',
    'petitioner.fullName',
    'petitioner.phone',
    'petitioner.email',
    'petitioner.idNumber',
    'petitioner.address',
    'concerns.organization',
    'concerns.person',
    'signatories',
    'topic',
  ],
  '/track': ['code', 'pin'],
  '/track/withdraw': ['code', 'pin', 'withdraw.reason', 'withdraw.confirm'],
  '/track/supplement': ['code', 'pin', 'supplement.text'],
  '/track/escalate': ['code', 'pin', 'escalate.reason'],
} as const

const formArb = fc
  .constantFrom(...(Object.keys(PAGE_FIELDS) as (keyof typeof PAGE_FIELDS)[]))
  .chain((path) =>
    fc.record({
      path: fc.constant(path),
      fields: fc.array(
        fc.tuple(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PAGE_FIELDS[path]) }, nastyString),
          fc.oneof(
            nastyString,
            fc.constantFrom('complaint', 'denunciation', 'on', 'vi', 'en', '0', '-5', '1000000'),
            fc.nat({ max: 2 }).map((i) => known[i]!.formatted),
            fc.nat({ max: 2 }).map((i) => known[i]!.pin),
          ),
        ),
        { maxLength: 12 },
      ),
      encoding: fc.constantFrom('urlencoded', 'multipart', 'json', 'raw'),
      raw: nastyString,
      headers: headersArb({}),
      query: fc.constantFrom('', '?lang=en', '?lang=zz', '?lang=%ZZ'),
    }),
  )
  .map(({ path, fields, encoding, raw, headers, query: q }): Sample => {
    const h2: Record<string, string> = { ...headers }
    let body: string
    if (encoding === 'urlencoded') {
      body = new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString()
      h2['content-type'] = 'application/x-www-form-urlencoded'
    } else if (encoding === 'multipart') {
      const boundary = 'fuzzboundary'
      body = `${fields.map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')}--${boundary}--\r\n`
      h2['content-type'] = `multipart/form-data; boundary=${boundary}`
    } else if (encoding === 'json') body = JSON.stringify(Object.fromEntries(fields))
    else body = raw
    return { method: 'POST', path: path + q, headers: h2, body }
  })

const pageGets = fc
  .record({
    path: fc.constantFrom('/', '/submit', '/track', '/assets/site.css', '/nope', '/track/x'),
    query: query,
    headers: headersArb({}),
  })
  .map(({ path, query: q, headers }): Sample => ({ method: 'GET', path: path + q, headers }))

describe('fuzzing', () => {
  it(`public API: ${RUNS.public} requests, no 5xx, every 4xx problem+json`, async () => {
    await fc.assert(fc.asyncProperty(requestArb(apiRoutes(PUBLIC_ROUTES, false)), checkApi), {
      seed: SEED,
      numRuns: RUNS.public,
    })
  }, 1_200_000)

  it(`staff API: ${RUNS.staff} requests, no 5xx, every 4xx problem+json`, async () => {
    await fc.assert(fc.asyncProperty(requestArb(apiRoutes(STAFF_ROUTES, true)), checkApi), {
      seed: SEED + 1,
      numRuns: RUNS.staff,
    })
  }, 1_200_000)

  it(`citizen pages: ${RUNS.pages} form posts and page requests, no 5xx, every 4xx a page`, async () => {
    await fc.assert(fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: formArb }, pageGets), checkPage), {
      seed: SEED + 2,
      numRuns: RUNS.pages,
    })
  }, 1_200_000)

  it('sent at least 10,000 requests', () => {
    expect(sent).toBeGreaterThanOrEqual(Math.floor(10_000 * SCALE))
  })
})
