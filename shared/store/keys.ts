/** Key builders shared by the entity modules (each entity owns its own; these are the common ones). */
import { WATCH_SHARDS } from './table.js'

export const casePk = (code: string) => `CASE#${code}`

/** A stable shard for a case code: spreads the deadline-watch index over a few partitions. */
export function watchShard(code: string): number {
  let h = 0
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0
  return h % WATCH_SHARDS
}

/** Opaque paging cursor: the LastEvaluatedKey, base64url-encoded JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined
}

export function decodeCursor(
  cursor: string | undefined,
  allowedKeys: readonly string[],
): Record<string, unknown> | undefined {
  if (!cursor) return undefined
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    const entries = Object.entries(value)
    // Only key attributes of the index, all strings: a cursor cannot smuggle anything else in.
    if (entries.length === 0 || entries.some(([k, v]) => !allowedKeys.includes(k) || typeof v !== 'string'))
      return undefined
    return value as Record<string, unknown>
  } catch {
    return undefined
  }
}
