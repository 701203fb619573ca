/**
 * The tamper-evident history: each event carries the SHA-256 of the one before it, so editing or
 * deleting an old entry breaks every hash after it.
 */
import { createHash } from 'node:crypto'
import type { CaseEvent, NewEvent } from '../domain/case.js'

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with keys sorted at every level, so the same event always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export function chainEvent(previous: readonly CaseEvent[], event: NewEvent): CaseEvent {
  const last = previous.at(-1)
  const body = stripUndefined({ ...event, seq: previous.length + 1, prevHash: last?.hash ?? GENESIS_HASH })
  const hash = createHash('sha256').update(canonical(body)).digest('hex')
  return { ...body, hash }
}

/** The index of the first event whose hash does not match, or -1 when the chain is intact. */
export function verifyChain(history: readonly CaseEvent[]): number {
  let prev = GENESIS_HASH
  for (let i = 0; i < history.length; i++) {
    const { hash, ...body } = history[i]!
    if (body.prevHash !== prev || body.seq !== i + 1) return i
    if (createHash('sha256').update(canonical(body)).digest('hex') !== hash) return i
    prev = hash
  }
  return -1
}

export interface HistoryVerification {
  readonly intact: boolean
  readonly events: number
  /** Sequence number (1-based) of the first event that does not match its hash or its place. */
  readonly firstBrokenSeq?: number
  readonly problem?: 'hash_mismatch' | 'truncated'
}

/**
 * Verifies a case's history: every link of the chain, and that no event was cut off the end
 * (each transition adds exactly one event and one version, so their counts must agree).
 */
export function verifyCaseHistory(c: {
  readonly history: readonly CaseEvent[]
  readonly version: number
}): HistoryVerification {
  const broken = verifyChain(c.history)
  if (broken >= 0)
    return { intact: false, events: c.history.length, firstBrokenSeq: broken + 1, problem: 'hash_mismatch' }
  if (c.history.length !== c.version)
    return {
      intact: false,
      events: c.history.length,
      firstBrokenSeq: c.history.length + 1,
      problem: 'truncated',
    }
  return { intact: true, events: c.history.length }
}
