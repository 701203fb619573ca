/**
 * Shared steps of the authorization, leak and tamper tests: filing and acting on cases, adding
 * users straight into the table, reading raw items, posting the citizen forms, and a harness whose
 * Powertools logger is switched on and captured.
 */
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import type { Role } from '../../shared/domain/vocabulary.js'
import type { VirusScanner } from '../../shared/scanning/virus-scanner.js'
import { type Harness, petition, startHarness } from './harness.js'

export const TODAY = '2026-11-26'

export interface Filed {
  readonly trackingCode: string
  readonly pin: string
}

/** A petition filed online, routed to the Ministry of Finance's committee (`btc`) unless overridden. */
export async function fileOnline(h: Harness, overrides: Record<string, unknown> = {}): Promise<Filed> {
  const res = await h.request('POST', '/api/v1/petitions', {
    body: petition({ kind: 'complaint', concerns: { organization: 'Bộ Tài chính' }, ...overrides }),
  })
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** A petition recorded at the desk by a reception officer (default `tiepdan`). */
export async function fileAtDesk(
  h: Harness,
  overrides: Record<string, unknown> = {},
  officer = 'tiepdan',
): Promise<Filed> {
  const res = await h.request('POST', '/api/v1/cases', {
    as: officer,
    body: {
      ...petition({ kind: 'complaint', concerns: { organization: 'Bộ Tài chính' } }),
      channel: 'post',
      receivedAt: TODAY,
      ...overrides,
    },
  })
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** A staff action with If-Match; the version is read as `as` unless given. */
export async function act(
  h: Harness,
  code: string,
  as: string,
  body: Record<string, unknown>,
  version?: number,
) {
  const current = version ?? (await storedCase(h, code)).version
  return h.request('POST', `/api/v1/cases/${code}/actions`, {
    as,
    body,
    headers: { 'if-match': String(current) },
  })
}

/** Acts and insists it worked (setting up a state, not testing it). */
export async function actOk(h: Harness, code: string, as: string, body: Record<string, unknown>) {
  const res = await act(h, code, as, body)
  if (res.status !== 200) throw new Error(`${body.action} as ${as} failed: ${res.status} ${res.body?.type}`)
  return res.body
}

/** The case as stored (bypassing every policy: for arranging and asserting only). */
export async function storedCase(h: Harness, code: string) {
  const stored = await h.server.services.cases.getCase(normalizeTrackingCode(code)!)
  if (!stored) throw new Error(`no case ${code}`)
  return stored
}

/** An account written straight into the table, so that shapes the admin API refuses can be tried too. */
export async function addUser(
  h: Harness,
  id: string,
  role: Role,
  committeeId: string | undefined,
  active = true,
): Promise<void> {
  await h.server.services.users.putUser({
    id,
    displayName: `Matrix ${id}`,
    memberships: [{ role, ...(committeeId ? { committeeId } : {}) }],
    active,
  })
}

/** Every item stored under a case's partition (the case, its content, its supplements). */
export async function rawCaseItems(h: Harness, code: string): Promise<Record<string, unknown>[]> {
  const out = await h.server.services.db.query({
    TableName: h.server.services.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `CASE#${normalizeTrackingCode(code)}` },
  })
  return out.Items ?? []
}

/** Hidden inputs of an HTML page (the language, code and PIN, and a CSRF token once there is one). */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    if (!/type="hidden"/.test(tag)) continue
    const name = /name="([^"]*)"/.exec(tag)?.[1]
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? ''
    if (name) fields[name] = value.replaceAll('&amp;', '&').replaceAll('&quot;', '"')
  }
  return fields
}

/**
 * Posts a citizen form the way a browser would after loading `fromPage`: same-origin, with the
 * page's hidden fields and cookies (so a CSRF token, when the pages get one, travels along).
 */
export async function postForm(
  h: Harness,
  path: string,
  fields: Record<string, string>,
  fromPage: { html: string; cookie?: string },
): Promise<{ status: number; html: string; cookie?: string }> {
  const res = await fetch(h.server.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: h.server.url,
      ...(fromPage.cookie ? { cookie: fromPage.cookie } : {}),
    },
    body: new URLSearchParams({ ...hiddenFields(fromPage.html), ...fields }).toString(),
  })
  return { status: res.status, html: await res.text(), cookie: cookieOf(res.headers) ?? fromPage.cookie }
}

export async function getPage(h: Harness, path: string): Promise<{ html: string; cookie?: string }> {
  const res = await fetch(h.server.url + path)
  return { html: await res.text(), cookie: cookieOf(res.headers) }
}

function cookieOf(headers: Headers): string | undefined {
  const cookies = headers.getSetCookie().map((c) => c.split(';')[0])
  return cookies.length > 0 ? cookies.join('; ') : undefined
}

export interface LoggingHarness extends Harness {
  /** Every line the server's Powertools logger wrote to stdout or stderr since it started. */
  readonly logs: string[]
}

/**
 * Like `startHarness`, but with the server's logger on (not `quiet`) and its output captured
 * instead of printed. Other output passes through untouched.
 */
export async function startLoggingHarness(
  now = '2026-11-26T03:00:00Z',
  options: { scanner?: VirusScanner } = {},
): Promise<LoggingHarness> {
  const logs: string[] = []
  const streams = [process.stdout, process.stderr]
  const originals = streams.map((s) => s.write)
  for (const [i, stream] of streams.entries()) {
    const original = originals[i]!
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
      if (text.startsWith('{"level"')) {
        logs.push(text)
        return true
      }
      return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest)
    }) as typeof stream.write
  }
  const restore = () => {
    for (const [i, stream] of streams.entries()) stream.write = originals[i]!
  }

  let harness: Harness
  try {
    harness = await startHarness({ now, quiet: false, scanner: options.scanner })
  } catch (error) {
    restore()
    throw error
  }
  return {
    ...harness,
    logs,
    async close() {
      try {
        await harness.close()
      } finally {
        restore()
      }
    },
  }
}
