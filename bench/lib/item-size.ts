/**
 * DynamoDB item sizes by the published rules (attribute names count; strings in UTF-8 bytes;
 * numbers about one byte per two significant digits plus one; booleans and nulls one byte; lists
 * and maps 3 bytes plus one per element), and the capacity units an item of that size must cost:
 * these are the "minimum the item sizes allow" the capacity bench compares each operation to.
 */
import { INDEXES } from '../../shared/store/table.js'

export function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1
  if (typeof value === 'string') return Buffer.byteLength(value)
  if (typeof value === 'number') {
    const digits =
      String(Math.abs(value))
        .replace(/[.-]|e.*$/g, '')
        .replace(/^0+/, '').length || 1
    return Math.ceil(digits / 2) + 1
  }
  if (value instanceof Uint8Array) return value.byteLength
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0)
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0)
  if (typeof value === 'object')
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [k, v]) => sum + 1 + Buffer.byteLength(k) + valueSize(v),
        0,
      )
    )
  return 0
}

/** Size of a whole item (top-level attribute names plus values). */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + valueSize(v), 0)
}

/** The entry a GSI keeps for an item: its keys, the table's keys and the projected attributes. */
export function indexEntrySize(item: Record<string, unknown>, index: keyof typeof INDEXES): number {
  const def = INDEXES[index] as {
    partitionKey: string
    sortKey?: string
    projectedAttributes?: readonly string[]
  }
  const keep = new Set(['pk', 'sk', def.partitionKey, def.sortKey ?? '', ...(def.projectedAttributes ?? [])])
  return itemSize(Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k))))
}

/** Write units of a PutItem/UpdateItem of an item this size (the larger of before and after). */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024))
/** Read units of a GetItem: 4 KB per unit, half for an eventually consistent read. */
export const readUnits = (bytes: number, consistent = true) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5)
/** Read units of a Query: the sizes of all items read summed, then rounded up to 4 KB. */
export const queryUnits = (totalBytes: number, consistent = false) =>
  Math.max(1, Math.ceil(totalBytes / 4096)) * (consistent ? 1 : 0.5)
