/**
 * The tamper-evident history: each event carries the SHA-256 of the one before it, so editing,
 * removing or reordering an entry is found by `verifyChain`.
 */
import { describe, expect, it } from 'vitest'
import type { CaseEvent, NewEvent } from '../../shared/domain/case.js'
import { chainEvent, GENESIS_HASH, verifyChain } from '../../shared/store/history.js'

const newEvent = (type: string, at: string, data: Record<string, unknown> = {}): NewEvent => ({
  at,
  type,
  actor: { kind: 'staff', id: 'btc.canbo', role: 'committee_handler' },
  public: true,
  data,
})

/** Submitted, accepted, verification started, extended, resolved: five chained events. */
function chainOfFive(): CaseEvent[] {
  const steps: NewEvent[] = [
    {
      ...newEvent('submitted', '2026-07-01T02:00:00.000Z', { channel: 'post' }),
      actor: { kind: 'petitioner' },
    },
    newEvent('accepted', '2026-07-03T03:00:00.000Z', { note: 'Đủ điều kiện thụ lý' }),
    newEvent('verification_started', '2026-07-06T03:00:00.000Z'),
    newEvent('extended', '2026-07-20T03:00:00.000Z', {
      days: 30,
      complexity: 'complex',
      reason: 'Nhiều nơi',
    }),
    {
      ...newEvent('resolved', '2026-08-10T03:00:00.000Z', { outcome: 'founded' }),
      publicNote: 'Tố cáo đúng',
    },
  ]
  const history: CaseEvent[] = []
  for (const step of steps) history.push(chainEvent(history, step))
  return history
}

describe('chainEvent', () => {
  it('links the first event to the genesis hash and numbers it 1', () => {
    // Act
    const first = chainEvent([], newEvent('submitted', '2026-07-01T02:00:00.000Z'))

    // Assert
    expect(first.seq).toBe(1)
    expect(first.prevHash).toBe(GENESIS_HASH)
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(first.hash).not.toBe(GENESIS_HASH)
  })

  it('links each later event to the hash of the one before it', () => {
    // Act
    const history = chainOfFive()

    // Assert
    for (let i = 1; i < history.length; i++) {
      expect(history[i]?.prevHash).toBe(history[i - 1]?.hash)
      expect(history[i]?.seq).toBe(i + 1)
    }
  })

  it('keeps what the event says', () => {
    const event = newEvent('accepted', '2026-07-03T03:00:00.000Z', { note: 'Đủ điều kiện' })

    const chained = chainEvent([], event)

    expect(chained).toMatchObject(event)
  })

  it('hashes the same event the same whatever the order of its keys, at every level', () => {
    // Arrange
    const one: NewEvent = {
      at: '2026-07-03T03:00:00.000Z',
      type: 'transferred',
      actor: { kind: 'staff', id: 'vanphong.canbo', role: 'committee_handler' },
      public: true,
      data: { fromCommitteeId: 'vanphong', toCommitteeId: 'btc', note: 'Đúng thẩm quyền' },
    }
    const reordered: NewEvent = {
      data: { note: 'Đúng thẩm quyền', toCommitteeId: 'btc', fromCommitteeId: 'vanphong' },
      public: true,
      actor: { role: 'committee_handler', id: 'vanphong.canbo', kind: 'staff' },
      type: 'transferred',
      at: '2026-07-03T03:00:00.000Z',
    }

    // Act & Assert
    expect(chainEvent([], reordered).hash).toBe(chainEvent([], one).hash)
  })

  it('hashes an absent field and an undefined one the same, and drops the undefined one', () => {
    // Arrange
    const without = newEvent('accepted', '2026-07-03T03:00:00.000Z', {})
    const withUndefined = newEvent('accepted', '2026-07-03T03:00:00.000Z', { note: undefined })

    // Act
    const chained = chainEvent([], withUndefined)

    // Assert
    expect(chained.hash).toBe(chainEvent([], without).hash)
    expect(Object.hasOwn(chained.data, 'note')).toBe(false)
  })

  it('gives different events different hashes', () => {
    const a = chainEvent([], newEvent('accepted', '2026-07-03T03:00:00.000Z', { note: 'A' }))
    const b = chainEvent([], newEvent('accepted', '2026-07-03T03:00:00.000Z', { note: 'B' }))

    expect(a.hash).not.toBe(b.hash)
  })
})

describe('verifyChain', () => {
  it('finds an intact chain intact (-1), and an empty one too', () => {
    expect(verifyChain(chainOfFive())).toBe(-1)
    expect(verifyChain([])).toBe(-1)
  })

  it('finds an intact chain intact after a round trip through JSON, as the store keeps it', () => {
    const stored = JSON.parse(JSON.stringify(chainOfFive())) as CaseEvent[]

    expect(verifyChain(stored)).toBe(-1)
  })

  it('points at the event whose field was changed, whichever field and whichever event', () => {
    const edits: [string, (e: CaseEvent) => CaseEvent][] = [
      ['at', (e) => ({ ...e, at: '2026-07-04T03:00:00.000Z' })],
      ['type', (e) => ({ ...e, type: 'refused' })],
      ['actor', (e) => ({ ...e, actor: { kind: 'staff', id: 'someone.else', role: 'committee_head' } })],
      ['public', (e) => ({ ...e, public: !e.public })],
      ['publicNote', (e) => ({ ...e, publicNote: 'Sửa lại' })],
      ['data', (e) => ({ ...e, data: { ...e.data, note: 'Sửa lại' } })],
      ['seq', (e) => ({ ...e, seq: e.seq + 10 })],
      ['prevHash', (e) => ({ ...e, prevHash: GENESIS_HASH.replace(/^0/, '1') })],
      ['hash', (e) => ({ ...e, hash: GENESIS_HASH })],
    ]
    for (const [field, edit] of edits) {
      for (let index = 0; index < 5; index++) {
        // Arrange
        const history = chainOfFive()
        history[index] = edit(history[index]!)

        // Act & Assert
        expect(verifyChain(history), `${field} of event ${index}`).toBe(index)
      }
    }
  })

  it('notices a number changed into a string that reads the same', () => {
    // Arrange
    const history = chainOfFive()
    history[3] = { ...history[3]!, data: { ...history[3]!.data, days: '30' } }

    // Act & Assert
    expect(verifyChain(history)).toBe(3)
  })

  it('catches a forger who recomputes the edited event’s hash at the next event', () => {
    // Arrange: event 1 is rewritten and re-chained to event 0, but event 2 still points at the old hash.
    const history = chainOfFive()
    const { seq: _seq, prevHash: _prev, hash: _hash, ...body } = history[1]!
    history[1] = chainEvent(history.slice(0, 1), { ...body, data: { note: 'Không đủ điều kiện' } })

    // Act & Assert
    expect(verifyChain(history)).toBe(2)
  })

  it('points at the place of an event that was removed', () => {
    for (let removed = 0; removed < 4; removed++) {
      // Arrange
      const history = chainOfFive()
      history.splice(removed, 1)

      // Act & Assert
      expect(verifyChain(history), `event ${removed} removed`).toBe(removed)
    }
  })

  it('points at the first of two events that were swapped', () => {
    for (let first = 0; first < 4; first++) {
      // Arrange
      const history = chainOfFive()
      const a = history[first]!
      history[first] = history[first + 1]!
      history[first + 1] = a

      // Act & Assert
      expect(verifyChain(history), `events ${first} and ${first + 1} swapped`).toBe(first)
    }
  })

  it('points at the first of two events far apart that were swapped', () => {
    const history = chainOfFive()
    const a = history[1]!
    history[1] = history[4]!
    history[4] = a

    expect(verifyChain(history)).toBe(1)
  })
})
