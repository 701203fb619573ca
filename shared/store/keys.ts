/** Key builders shared by the entity modules (each entity owns its own; these are the common ones). */
import { WATCH_SHARDS } from './table.js'

export const casePk = (code: string) => `CASE#${code}`

/** A stable shard for a case code: spreads the deadline-watch index over a few partitions. */
export function watchShard(code: string): number {
  let h = 0
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0
  return h % WATCH_SHARDS
}
