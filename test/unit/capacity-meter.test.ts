/**
 * The capacity meter bills like DynamoDB: hand-worked examples of item sizes (UTF-8 bytes, not
 * characters), writes on the larger image, index writes from the entries before and after, and
 * the minimum charge of an empty read.
 */
import { marshall } from '@aws-sdk/util-dynamodb'
import { describe, expect, it } from 'vitest'
import { getItemUnits, indexWriteUnits, itemBytes, queryUnits, writeBill } from '../../shared/store/meter.js'
import { INDEXES } from '../../shared/store/table.js'

const item = (value: Record<string, unknown>) => marshall(value, { removeUndefinedValues: true })

describe('item sizes', () => {
  it('counts Vietnamese text in UTF-8 bytes: "Kiến nghị" is 13 bytes, not 9 characters', () => {
    // pk (2) + "CASE#1" (6) + sk (2) + "CASE" (4) + title (5) + 13 = 32
    expect(itemBytes(item({ pk: 'CASE#1', sk: 'CASE', title: 'Kiến nghị' }))).toBe(32)
  })

  it('sizes numbers by significant digits, and lists and maps with their overhead', () => {
    // version (7) + 12345 → 3 + 1 = 4; a (1) + list: 3 + (1 + "x" 1) = 5; m (1) + map: 3 + (1 + k 1 + 1) = 6
    expect(itemBytes(item({ version: 12345 }))).toBe(11)
    expect(itemBytes(item({ a: ['x'] }))).toBe(6)
    expect(itemBytes(item({ m: { k: true } }))).toBe(7)
  })

  it('bills a write of Vietnamese text that crosses 1 KB in bytes though not in characters', () => {
    // 80 × "Kiến nghị " = 80 × 14 B = 1,120 B (800 UTF-16 characters) + pk/sk 14 + title 5 = 1,139 B
    const big = item({ pk: 'CASE#1', sk: 'CASE', title: 'Kiến nghị '.repeat(80) })
    expect(itemBytes(big)).toBe(1139)
    expect(writeBill(undefined, big, []).table).toBe(2)
  })
})

describe('write bills', () => {
  const openCase = {
    pk: 'CASE#A',
    sk: 'CASE',
    code: 'A',
    status: 'accepted',
    history: ['e1'],
    queuePk: 'Q#btc',
    queueSk: '2026-12-01#A',
    reportPk: 'R#btc',
    reportSk: '9999-12-31#A',
  }

  it('bills an update on the larger of the item before and after', () => {
    const before = item({ ...openCase, history: ['x'.repeat(1500)] })
    const after = item({ ...openCase, history: [] })
    expect(writeBill(before, after, []).table).toBe(2)
  })

  it('bills a queue key change as a delete and a put of the index entry', () => {
    const before = item(openCase)
    const after = item({ ...openCase, queueSk: '2026-12-15#A' })
    expect(indexWriteUnits(before, after, [INDEXES.committeeQueue])).toBe(2)
    // The reporting entry did not change (same key, same projected values): nothing to write there.
    expect(indexWriteUnits(before, after, [INDEXES.reporting])).toBe(0)
  })

  it('bills an index entry that appears or disappears once, and one whose projection changes once', () => {
    const { queuePk: _p, queueSk: _s, ...closed } = openCase
    expect(
      indexWriteUnits(item(openCase), item({ ...closed, status: 'closed' }), [INDEXES.committeeQueue]),
    ).toBe(1)
    expect(indexWriteUnits(undefined, item(openCase), [INDEXES.committeeQueue])).toBe(1)
    expect(
      indexWriteUnits(item(openCase), item({ ...openCase, status: 'resolved' }), [INDEXES.reporting]),
    ).toBe(1)
  })

  it('does not bill an index for a change to an attribute it does not project', () => {
    expect(indexWriteUnits(item(openCase), item({ ...openCase, history: ['e1', 'e2'] }))).toBe(0)
  })

  it('bills every index a new case enters', () => {
    // committeeQueue and reporting: one write each; the rest are sparse and absent.
    expect(writeBill(undefined, item(openCase))).toEqual({ table: 1, index: 2 })
  })
})

describe('read bills', () => {
  it('bills an empty read at the minimum: 0.5 eventually consistent, 1 strongly consistent', () => {
    expect(getItemUnits(undefined, false)).toBe(0.5)
    expect(getItemUnits(undefined, true)).toBe(1)
    expect(queryUnits([], false)).toBe(0.5)
    expect(queryUnits([], true)).toBe(1)
  })

  it('bills a Query on the summed size of the items read, rounded up to 4 KB', () => {
    // pk 2 + P 1 + sk 2 + S 1 + t 1 = 7 B of names and keys. Three items of 2,000 B each: 6,000 B → 2 × 4 KB → 1 unit eventually consistent.
    const one = item({ pk: 'P', sk: 'S', t: 'x'.repeat(2000 - 7) })
    expect(itemBytes(one)).toBe(2000)
    expect(queryUnits([one, one, one], false)).toBe(1)
    // As three GetItems the same items would cost 3 × 0.5.
    expect(3 * getItemUnits(one, false)).toBe(1.5)
  })
})
