/**
 * Real HTTP against the real apps on embedded dynalite: one local server per test file, in a
 * fresh temporary data folder, with the demo organisation (committees, routing, users) and a
 * clock the test controls.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type LocalServer, startLocalServer } from '../../local/server.js'
import type { CapacityRecord } from '../../shared/store/client.js'

export interface Harness {
  readonly server: LocalServer
  readonly clock: { now: Date }
  request(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string; headers?: Record<string, string>; as?: string },
  ): Promise<{ status: number; headers: Headers; body: any }>
  tokenFor(userId: string): Promise<string>
  close(): Promise<void>
}

export async function startHarness(
  options: { now?: string; petitions?: number; onCapacity?: (record: CapacityRecord) => void } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiep-dan-it-'))
  const clock = { now: new Date(options.now ?? '2026-11-26T03:00:00Z') }
  const server = await startLocalServer({
    port: 0,
    dataDir,
    seed: { petitions: options.petitions ?? 0 },
    quiet: true,
    now: () => clock.now,
    onCapacity: options.onCapacity,
  })
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
    async request(method, path, { body, raw, headers = {}, as } = {}) {
      const auth: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {}
      const res = await fetch(server.url + path, {
        method,
        headers: {
          ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
          ...auth,
          ...headers,
        } as Record<string, string>,
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed }
    },
    async close() {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
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
