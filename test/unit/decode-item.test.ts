/**
 * `decodeItem`: an item read from the table comes back as its entity, without the table's or any
 * index's key attributes (derived from INDEXES, so a new index needs no edit in the store modules).
 */
import { describe, expect, it } from 'vitest'
import { decodeItem, INDEXES, KEY_ATTRIBUTES, TABLE_KEYS } from '../../shared/store/table.js'

interface Entity {
  readonly code: string
  readonly status: string
  readonly expiresAt?: number
}

describe('decodeItem', () => {
  it('strips the table keys and the keys of every index', () => {
    const keys = Object.fromEntries(
      [TABLE_KEYS, ...Object.values(INDEXES)].flatMap((k) => [
        [k.partitionKey, `${k.partitionKey}-value`],
        [k.sortKey, `${k.sortKey}-value`],
      ]),
    )

    const entity = decodeItem<Entity>({ ...keys, code: 'K7M2Q9', status: 'accepted' })

    expect(entity).toEqual({ code: 'K7M2Q9', status: 'accepted' })
  })

  it('derives the key attributes from the index definitions', () => {
    for (const index of Object.values(INDEXES)) {
      expect(KEY_ATTRIBUTES.has(index.partitionKey)).toBe(true)
      expect(KEY_ATTRIBUTES.has(index.sortKey)).toBe(true)
    }
    expect(KEY_ATTRIBUTES.size).toBe(2 + 2 * Object.keys(INDEXES).length)
  })

  it('keeps every attribute of the entity, the time to live included', () => {
    const item = { pk: 'CASE#K7M2Q9', sk: 'CASE', code: 'K7M2Q9', status: 'closed', expiresAt: 1_800_000_000 }

    expect(decodeItem<Entity>(item)).toEqual({ code: 'K7M2Q9', status: 'closed', expiresAt: 1_800_000_000 })
  })

  it('strips the storage-only attributes the store names, and leaves the item read untouched', () => {
    const item = { pk: 'AUDITS', sk: 'SAMPLE#1', code: 'K7M2Q9', status: 'open', codes: new Set(['K7M2Q9']) }

    expect(decodeItem<Entity>(item, ['codes'])).toEqual({ code: 'K7M2Q9', status: 'open' })
    expect(Object.keys(item)).toEqual(['pk', 'sk', 'code', 'status', 'codes'])
  })
})
