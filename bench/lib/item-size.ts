/**
 * DynamoDB item sizes and the capacity units they must cost, for the "minimum the item sizes
 * allow" the capacity bench compares each operation to: the same rules as the meter that bills
 * every operation (shared/store/meter.ts), applied to items as the application holds them.
 */
import { marshall } from '@aws-sdk/util-dynamodb'
import { indexEntry, itemBytes } from '../../shared/store/meter.js'
import { INDEXES } from '../../shared/store/table.js'

const marshalled = (item: Record<string, unknown>) =>
  marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true })

/** Size of a whole item (top-level attribute names plus values). */
export function itemSize(item: Record<string, unknown>): number {
  return itemBytes(marshalled(item))
}

/** The entry a GSI keeps for an item: its keys, the table's keys and the projected attributes. */
export function indexEntrySize(item: Record<string, unknown>, index: keyof typeof INDEXES): number {
  return itemBytes(indexEntry(marshalled(item), INDEXES[index]))
}

/** Read units of a Query: the sizes of all items read summed, then rounded up to 4 KB. */
export const queryUnits = (totalBytes: number, consistent = false) =>
  Math.max(1, Math.ceil(totalBytes / 4096)) * (consistent ? 1 : 0.5)
