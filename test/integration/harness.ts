/**
 * Real HTTP against the real apps on embedded dynalite: one local server per test file, in a
 * fresh temporary data folder, with the demo organisation (committees, routing, users) and a
 * clock the test controls.
 *
 * Every request goes through the client generated from the OpenAPI document (openapi-fetch over
 * test/api/schema.d.ts), and every response from the server, by whatever path a test reaches it,
 * is checked against the document (test/api/contract.ts): an undeclared status or a body that does
 * not match its schema fails the test.
 */
import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import createClient, { type Client } from 'openapi-fetch'
import { expect } from 'vitest'
import { type LocalServer, startLocalServer } from '../../local/server.js'
import type { VirusScanner } from '../../shared/scanning/virus-scanner.js'
import type { CapacityRecord } from '../../shared/store/client.js'
import { messageId, type OutboxMessage } from '../../shared/store/outbox.js'
import type { SubmissionLimits } from '../../shared/store/rate-limits.js'
import { type ContractCounter, checkResponse } from '../api/contract.js'
import type { paths } from '../api/schema.js'

export interface Harness {
  readonly server: LocalServer
  readonly clock: { now: Date }
  request(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string; headers?: Record<string, string>; as?: string },
  ): Promise<{ status: number; headers: Headers; body: any }>
  /** The typed client generated from the OpenAPI document. */
  readonly api: Client<paths>
  /** Responses checked against the document so far. */
  readonly contract: ContractCounter
  tokenFor(userId: string): Promise<string>
  /**
   * A staff page as a browser asks for it: the session cookie of `as` (or `token`), a form posted
   * same-origin (or from `origin`), redirects not followed.
   */
  page(path: string, options?: PageOptions): Promise<PageResponse>
  close(): Promise<void>
}

export interface PageOptions {
  readonly as?: string
  readonly token?: string
  readonly form?: Record<string, string>
  readonly origin?: string
}

export interface PageResponse {
  readonly status: number
  readonly location: string | null
  readonly html: string
  readonly headers: Headers
}

/** A problem `type`: the absolute URI of the code's page. */
export function problemType(code: string) {
  return expect.stringMatching(new RegExp(`^https?://[^/]+/problems/${code}$`))
}

/**
 * Tests also call `fetch` directly (forms, uploads, raw bodies): while a harness runs, responses
 * from its server are checked whichever way they were asked for.
 */
function checkingFetch(origin: string, counter: ContractCounter, inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init)
    const url = new URL(input instanceof Request ? input.url : String(input))
    const method = (input instanceof Request ? input.method : (init?.method ?? 'GET')).toUpperCase()
    if (url.origin === origin) await checkResponse(method, url, response, counter)
    return response
  }
}

export async function startHarness(
  options: {
    now?: string
    petitions?: number
    onCapacity?: (record: CapacityRecord) => void
    /** false: the server logs (a test captures them). */
    quiet?: boolean
    /**
     * Online submissions per client: every request of a test comes from one address under a
     * stopped clock, so by default none (and no counting, or a thousand concurrent submissions
     * queue on one counter); the limits' own tests set them (submission-limit.test.ts).
     */
    submissionLimits?: SubmissionLimits | false
    /** The documents' virus scanner (default none). */
    scanner?: VirusScanner
  } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-it-'))
  const clock = { now: new Date(options.now ?? '2026-11-26T03:00:00Z') }
  const server = await startLocalServer({
    port: 0,
    dataDir,
    seed: { petitions: options.petitions ?? 0 },
    quiet: options.quiet ?? true,
    now: () => clock.now,
    onCapacity: options.onCapacity,
    submissionLimits: options.submissionLimits ?? false,
    scanner: options.scanner,
  })
  const contract: ContractCounter = { validated: 0 }
  const origin = new URL(server.url).origin
  const outerFetch = globalThis.fetch
  const checked = checkingFetch(origin, contract, outerFetch)
  globalThis.fetch = checked
  const api = createClient<paths>({ baseUrl: server.url, fetch: (request) => checked(request) })
  const tokens = new Map<string, string>()
  async function tokenFor(userId: string) {
    let token = tokens.get(userId)
    if (!token) {
      token = await server.identity.issue(userId)
      tokens.set(userId, token)
    }
    return token
  }
  return {
    server,
    clock,
    tokenFor,
    api,
    contract,
    async request(method, path, { body, raw, headers = {}, as } = {}) {
      const auth: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {}
      // Through the generated client, untyped: tests give concrete paths and bodies that are
      // often wrong on purpose; the typed calls are `h.api.GET(…)` etc.
      const { data, error, response } = await (
        api.request as unknown as (
          method: string,
          url: string,
          init: Record<string, unknown>,
        ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
      )(method.toLowerCase(), path, {
        headers: { ...auth, ...headers },
        ...(raw !== undefined
          ? { body: raw, bodySerializer: (b: unknown) => b }
          : body !== undefined
            ? { body }
            : {}),
        parseAs: 'text',
      })
      let parsed: unknown = response.ok ? data : error
      if (typeof parsed === 'string') {
        try {
          parsed = parsed ? JSON.parse(parsed) : undefined
        } catch {
          // not JSON: keep the text
        }
      }
      if (parsed === '') parsed = undefined
      return { status: response.status, headers: response.headers, body: parsed }
    },
    async page(path, { as, token: given, form, origin: from } = {}) {
      const token = given ?? (as ? await tokenFor(as) : undefined)
      const res = await fetch(server.url + path, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          ...(token ? { cookie: `__Host-staff-session=${token}` } : {}),
          ...(form
            ? { 'content-type': 'application/x-www-form-urlencoded', origin: from ?? server.url }
            : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
      })
      return {
        status: res.status,
        location: res.headers.get('location'),
        html: await res.text(),
        headers: res.headers,
      }
    },
    async close() {
      if (globalThis.fetch === checked) globalThis.fetch = outerFetch
      // `API_CONTRACT_COUNT=<file>`: each harness adds how many responses it checked.
      if (process.env.API_CONTRACT_COUNT)
        await appendFile(process.env.API_CONTRACT_COUNT, `${contract.validated}\n`)
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The messages written about a case's history events of one type, looked up by their ids (each
 * id comes from the event and the recipient: every user and the petitioner). Sent messages have
 * left the outbox index, so this is how a test finds them: GetItems, no listing.
 */
export async function messagesAboutEvents(server: LocalServer, trackingCode: string, eventType: string) {
  const code = trackingCode.replaceAll('-', '')
  const [stored, users] = await Promise.all([
    server.services.cases.getCase(code),
    server.services.users.listUsers(),
  ])
  const recipients = [...users.map((u) => u.id), 'petitioner']
  const ids = (stored?.history ?? [])
    .filter((e) => e.type === eventType)
    .flatMap((e) => recipients.map((r) => messageId(code, `event-${e.seq}`, r)))
  const found = await Promise.all(ids.map((id) => server.sweep.outbox.get(id)))
  return found.filter((m) => m !== undefined)
}

/** A valid public petition body; override what the test is about. */
export function petition(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'recommendation',
    title: 'Kiến nghị đơn giản hóa thủ tục',
    content: 'Đề nghị bỏ yêu cầu nộp bản sao giấy tờ đã được số hóa.',
    petitioner: { fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' },
    concerns: { organization: 'Bộ Xây dựng' },
    topic: 'administration',
    ...overrides,
  }
}

/**
 * Every item of the table that `filter` keeps, read with a Scan: a test's look at all that was
 * written, which no code path of the system needs (it never scans).
 */
export async function scanItems<T = Record<string, unknown>>(
  server: LocalServer,
  filter: string,
  values: Record<string, unknown>,
): Promise<T[]> {
  const items: T[] = []
  let start: Record<string, unknown> | undefined
  do {
    const page = await (await server.services.db.documentClient()).send(
      new ScanCommand({
        TableName: server.services.tableName,
        FilterExpression: filter,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: start,
      }),
    )
    items.push(...((page.Items ?? []) as T[]))
    start = page.LastEvaluatedKey
  } while (start)
  return items
}

/** Every message the outbox holds. */
export const allOutboxMessages = (server: LocalServer) =>
  scanItems<OutboxMessage>(server, 'begins_with(pk, :msg)', { ':msg': 'MSG#' })

/** Every case item (the record, not its content or index rows). */
export const allCaseItems = (server: LocalServer) => scanItems(server, 'sk = :case', { ':case': 'CASE' })
