/**
 * Fault injection with aws-sdk-client-mock on every store command each endpoint sends: the
 * services' document client and the idempotency layer's client are mocked so that every call goes
 * through to the real (embedded) table except the one chosen to fail. For every call position of
 * every operation:
 *   - throttling (after the SDK's own bounded retries)   → 503 problem+json with Retry-After
 *   - a conditional check failing on a conditional write → 409/412 problem+json (or a clean retry);
 *     on a wrong-PIN guard's update, 429 with Retry-After (the limit is reached)
 *   - an internal error                                  → 500 problem+json: a correlation id, no internals
 * and the stored state is never half-changed: what the response denies did not happen, what it
 * acknowledges is whole.
 */

import { isDeepStrictEqual } from 'node:util'
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  ThrottlingException,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { type AwsStub, mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { createCaseStore, recordedSupplements } from '../../shared/store/cases.js'
import { createDocumentClient } from '../../shared/store/client.js'
import { verifyChain } from '../../shared/store/history.js'
import { type Harness, petition, startHarness } from '../integration/harness.js'
import { caseCodesOf } from './helpers.js'

type FaultKind = 'throttled' | 'throttling' | 'conditional' | 'internal'
const TABLE_WORDS = ['tiep-dan', 'arn:aws', 'dynamodb', 'DynamoDB', 'Exception', 'stack', '    at ']

function faultError(kind: FaultKind): Error {
  const $metadata = { httpStatusCode: 400, requestId: 'REQ-SECRET-1', attempts: 4, totalRetryDelay: 900 }
  switch (kind) {
    case 'throttled':
      return new ProvisionedThroughputExceededException({
        message: 'The level of configured provisioned throughput for the table tiep-dan was exceeded.',
        $metadata,
      })
    case 'throttling':
      return new ThrottlingException({
        message: 'Rate of requests exceeds the allowed throughput.',
        $metadata,
      })
    case 'conditional':
      return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata })
    case 'internal':
      return new InternalServerError({
        message: 'Internal server error at arn:aws:dynamodb:ap-southeast-1:123456789012:table/tiep-dan',
        $metadata: { ...$metadata, httpStatusCode: 500 },
      })
  }
}

interface Call {
  readonly client: 'doc' | 'idempotency'
  readonly command: string
  readonly conditional: boolean
  /**
   * A conditional update of a wrong-PIN guard (the client's window or the code's): its condition
   * failing means the limit is reached, answered 429 with Retry-After, not a conflict.
   */
  readonly guard?: boolean
}

const isGuard = (input: Record<string, unknown>) => {
  const key = input.Key as { pk?: unknown; sk?: unknown } | undefined
  return String(key?.pk ?? '').startsWith('RATE#') || key?.sk === 'PIN_GUARD'
}

let h: Harness
let docMock: AwsStub<any, any, any>
let rawMock: AwsStub<any, any, any>
/** What the current operation sent, and which call (0-based) must fail, with what. */
const plan: { calls: Call[]; failAt?: number; fault?: FaultKind; injected: number } = {
  calls: [],
  injected: 0,
}
let store: ReturnType<typeof createCaseStore>
let realDb: ReturnType<typeof createDocumentClient>

beforeAll(async () => {
  h = await startHarness()
  realDb = createDocumentClient({ endpoint: h.server.endpoint })
  store = createCaseStore(realDb, h.server.services.tableName)
  const db = await h.server.services.db.documentClient()
  const docSend = db.send.bind(db) as (command: unknown) => Promise<unknown>
  const rawSend = DynamoDBClient.prototype.send as (
    this: DynamoDBClient,
    command: unknown,
  ) => Promise<unknown>
  const rawTarget = new DynamoDBClient({
    endpoint: h.server.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const gate = async (call: Call, forward: () => Promise<unknown>) => {
    const index = plan.calls.push(call) - 1
    if (index === plan.failAt && plan.fault) {
      plan.injected++
      throw faultError(plan.fault)
    }
    return forward()
  }
  docMock = mockClient(db)
  for (const Command of [
    GetCommand,
    PutCommand,
    UpdateCommand,
    DeleteCommand,
    QueryCommand,
    BatchGetCommand,
    BatchWriteCommand,
  ] as const)
    docMock.on(Command as never).callsFake((input: Record<string, unknown>) =>
      gate(
        {
          client: 'doc',
          command: Command.name,
          conditional: Boolean(input.ConditionExpression),
          guard: isGuard(input),
        },
        () => docSend(new (Command as any)(input)),
      ),
    )
  // Powertools idempotency builds its own client: mock every instance of the class.
  rawMock = mockClient(DynamoDBClient)
  for (const Command of [GetItemCommand, PutItemCommand, UpdateItemCommand, DeleteItemCommand] as const)
    rawMock
      .on(Command as never)
      .callsFake((input: Record<string, unknown>) =>
        gate(
          { client: 'idempotency', command: Command.name, conditional: Boolean(input.ConditionExpression) },
          () => rawSend.call(rawTarget, new (Command as any)(input)),
        ),
      )
})
afterAll(async () => {
  docMock?.restore()
  rawMock?.restore()
  realDb?.destroy()
  await h?.close()
})

interface Response {
  status: number
  headers: Headers
  text: string
  body: any
}

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; as?: string; client?: string } = {},
): Promise<Response> {
  const auth: Record<string, string> = options.as
    ? { authorization: `Bearer ${await h.tokenFor(options.as)}` }
    : {}
  const res = await h.server.app.request(
    path,
    {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...auth,
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    },
    // In process there is no socket: `client` plays the one @hono/node-server would give (headers
    // never name the client, shared/http/client-address.ts).
    options.client ? { incoming: { socket: { remoteAddress: options.client } } } : undefined,
  )
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: res.status, headers: res.headers, text, body }
}

/** Files a petition with no fault (setup). */
async function filed(kind = 'complaint') {
  plan.failAt = undefined
  const res = await call('POST', '/api/v1/petitions', { body: petition({ kind }) })
  expect(res.status).toBe(201)
  return { code: normalizeTrackingCode(res.body.trackingCode)!, pin: res.body.pin as string }
}

/** Everything a case consists of, read with the unmocked client. */
async function snapshot(code: string | undefined) {
  const committee = await caseCodesOf(realDb, h.server.services.tableName, 'bxd')
  if (!code) return { cases: committee.length }
  const [c, supplements] = await Promise.all([store.getCase(code), store.listSupplements(code)])
  // What anyone can see: the supplements the history records.
  return {
    cases: committee.length,
    case: c,
    supplements: recordedSupplements(supplements, c?.history ?? []).length,
  }
}

interface Operation {
  readonly name: string
  /** Arranges what the operation needs (no faults) and returns the code it works on, if any. */
  readonly arrange: () => Promise<{ code?: string; pin?: string }>
  readonly run: (ctx: { code?: string; pin?: string }, attempt: number) => Promise<Response>
  /** Whether the operation writes (its failure must leave the snapshot unchanged). */
  readonly writes: boolean
  /** Its answer when nothing fails. */
  readonly status: number
}

const OPERATIONS: Operation[] = [
  {
    name: 'public submission',
    status: 201,
    writes: true,
    arrange: async () => ({}),
    run: () => call('POST', '/api/v1/petitions', { body: petition() }),
  },
  {
    name: 'public submission with Idempotency-Key',
    status: 201,
    writes: true,
    arrange: async () => ({}),
    run: (_ctx, attempt) =>
      call('POST', '/api/v1/petitions', {
        body: petition({ title: `Kiến nghị ${attempt}` }),
        headers: { 'idempotency-key': `fault-${attempt}-${crypto.randomUUID()}` },
      }),
  },
  {
    name: 'tracking with the PIN',
    status: 200,
    writes: false,
    arrange: () => filed(),
    run: ({ code, pin }) => call('GET', `/api/v1/petitions/${code}`, { headers: { 'x-tracking-pin': pin! } }),
  },
  {
    name: 'tracking with a wrong PIN',
    status: 404,
    writes: false,
    arrange: () => filed(),
    // Its own client address: its wrong PINs must not lock the client the later operations use.
    run: ({ code }) =>
      call('GET', `/api/v1/petitions/${code}`, {
        headers: { 'x-tracking-pin': '000000' },
        client: '203.0.113.7',
      }),
  },
  {
    name: 'supplement by the petitioner',
    status: 201,
    writes: true,
    arrange: () => filed(),
    run: ({ code, pin }) =>
      call('POST', `/api/v1/petitions/${code}/supplements`, {
        body: { text: 'Bổ sung bản sao quyết định.' },
        headers: { 'x-tracking-pin': pin! },
      }),
  },
  {
    name: 'withdrawal by the petitioner',
    status: 200,
    writes: true,
    arrange: () => filed(),
    run: ({ code, pin }) =>
      call('POST', `/api/v1/petitions/${code}/withdrawal`, {
        body: { scope: 'full', reason: 'Đã được giải quyết ngoài.' },
        headers: { 'x-tracking-pin': pin! },
      }),
  },
  {
    name: 'staff accept (If-Match)',
    status: 200,
    writes: true,
    arrange: () => filed(),
    run: ({ code }) =>
      call('POST', `/api/v1/cases/${code}/actions`, {
        as: 'bxd.canbo',
        body: { action: 'accept' },
        headers: { 'if-match': '1' },
      }),
  },
  {
    name: 'staff case view',
    status: 200,
    writes: false,
    arrange: async () => {
      const arranged = await filed()
      // The first staff read records the repeat suggestions on the case, once; later views only read.
      const first = await call('GET', `/api/v1/cases/${arranged.code}`, { as: 'bxd.canbo' })
      expect(first.status, first.text).toBe(200)
      return arranged
    },
    run: ({ code }) => call('GET', `/api/v1/cases/${code}`, { as: 'bxd.canbo' }),
  },
  {
    name: 'committee queue',
    status: 200,
    writes: false,
    arrange: async () => ({}),
    run: () => call('GET', '/api/v1/committees/bxd/queue?limit=5', { as: 'bxd.canbo' }),
  },
  {
    name: 'desk intake',
    status: 201,
    writes: true,
    arrange: async () => ({}),
    run: () =>
      call('POST', '/api/v1/cases', {
        as: 'tiepdan',
        body: { ...petition(), channel: 'post', receivedAt: '2026-11-25', committeeId: 'bxd' },
      }),
  },
  {
    name: 'history verification',
    status: 200,
    writes: false,
    arrange: () => filed(),
    run: ({ code }) => call('GET', `/api/v1/cases/${code}/history/verification`, { as: 'giamsat' }),
  },
  {
    name: 'report',
    status: 200,
    writes: false,
    arrange: async () => ({}),
    run: () =>
      call('GET', '/api/v1/reports?committeeId=bxd&period=month&year=2026&index=11', { as: 'giamsat' }),
  },
]

function expectProblem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(res.body?.status).toBe(res.status)
}

function expectNoInternals(res: Response) {
  for (const word of [...TABLE_WORDS, 'REQ-SECRET-1', 'throughput', 'conditional request'])
    expect(res.text).not.toContain(word)
}

const FAULTS: FaultKind[] = ['throttled', 'throttling', 'conditional', 'internal']

describe.each(OPERATIONS)('$name', (op) => {
  it('answers every injected store fault correctly and never half-applies a change', async () => {
    // A first clean run fills the caches (settings, committees): the recorded run below must send
    // what every later run sends, or the planned positions are off by the cached reads.
    expect((await op.run(await op.arrange(), 0)).status).toBe(op.status)
    // Record the calls a clean run sends.
    const ctx = await op.arrange()
    plan.calls = []
    plan.failAt = undefined
    const clean = await op.run(ctx, 0)
    expect(clean.status, clean.text).toBe(op.status)
    // A copy: the first attempt's `arrange()` below would otherwise add its own calls to this list,
    // planning faults at positions the operation never reaches (runs that then test nothing).
    const calls = [...plan.calls]
    expect(calls.length).toBeGreaterThan(0)

    let attempt = 0
    let committedAfterwards = 0
    /** Runs in which the planned fault was actually thrown, by kind: what the checks below ran on. */
    const injectedRuns = new Map<FaultKind, number>()
    for (let at = 0; at < calls.length; at++)
      for (const fault of FAULTS) {
        // A conditional failure can only come from a conditional write.
        if (fault === 'conditional' && !calls[at]!.conditional) continue
        attempt++
        const arranged = await op.arrange()
        const before = await snapshot(arranged.code)
        plan.calls = []
        plan.failAt = at
        plan.fault = fault
        plan.injected = 0
        const res = await op.run(arranged, attempt)
        plan.failAt = undefined
        const label = `${op.name}: ${fault} at call ${at + 1} (${calls[at]!.client} ${calls[at]!.command}) → ${res.status} ${res.text.slice(0, 200)}`
        if (plan.injected === 0) continue // this run took another path (e.g. a cached read)
        injectedRuns.set(fault, (injectedRuns.get(fault) ?? 0) + 1)
        const after = await snapshot(arranged.code)

        if (res.status === op.status) {
          // Survived the fault (a clash on a new code is retried with another): whole and readable.
          expect(fault, label).toBe('conditional')
          if (op.writes) expect(after.cases, label).toBeGreaterThanOrEqual(before.cases)
          continue
        }
        expectProblem(res)
        if (fault === 'throttled' || fault === 'throttling') {
          expect(res.status, label).toBe(503)
          expect(Number(res.headers.get('retry-after')), label).toBeGreaterThan(0)
        } else if (fault === 'conditional' && calls[at]!.guard) {
          expect(res.status, label).toBe(429)
          expect(Number(res.headers.get('retry-after')), label).toBeGreaterThan(0)
        } else if (fault === 'conditional') {
          expect([409, 412], label).toContain(res.status)
        } else {
          expect(res.status, label).toBe(500)
          expect(res.body.type, label).toMatch(/\/problems\/internal_error$/)
          expect(res.body.correlationId, label).toBe(res.headers.get('x-correlation-id'))
          expect(res.body.correlationId, label).toMatch(/^[\w.:-]{8,}$/)
        }
        expectNoInternals(res)
        if (after.case) {
          expect(verifyChain(after.case.history), label).toBe(-1)
          expect(after.case.history, label).toHaveLength(after.case.version)
          expect(after.supplements, label).toBe(
            after.case.history.filter((e) => e.type === 'supplement_added').length,
          )
        }
        // The fault came before the change was committed: nothing of it happened. It came after
        // the one conditional write that commits it (reading the answer back): the change is whole.
        const committedBefore = plan.calls.slice(0, at).some((c) => c.conditional && c.client === 'doc')
        if (!committedBefore || !op.writes) expect(after, label).toEqual(before)
        else if (after.case && before.case && !isDeepStrictEqual(after, before)) {
          committedAfterwards++
          expect(after.case.version, label).toBe(before.case.version + 1)
        }
      }
    // Planning attempts proves nothing: a broken gate (or a path that never reaches the store) would
    // pass every check above by skipping it. Each fault kind that could be planned was thrown at
    // least once, and faults were thrown at most positions of the clean run.
    expect(attempt).toBeGreaterThan(0)
    const planned = new Set(FAULTS.filter((f) => f !== 'conditional' || calls.some((c) => c.conditional)))
    for (const fault of planned)
      expect(injectedRuns.get(fault) ?? 0, `${op.name}: ${fault} runs`).toBeGreaterThan(0)
    const injected = [...injectedRuns.values()].reduce((a, b) => a + b, 0)
    expect(injected * 2, `${op.name}: ${injected} of ${attempt} runs injected`).toBeGreaterThanOrEqual(
      attempt,
    )
    if (committedAfterwards) console.info(`${op.name}: ${committedAfterwards} faults after the commit`)
  })
})
