/**
 * The issued documents a case's history shows (shared/service/petitioner-documents.ts): a
 * cancellation takes out the document of its own register number only, so the same number/symbol
 * of another year (the register restarts each January) stays listed.
 */
import { describe, expect, it } from 'vitest'
import type { CaseEvent } from '../../../shared/domain/case.js'
import { liveIssuedEvents, petitionerDocumentsOf } from '../../../shared/service/petitioner-documents.js'

let seq = 0
function event(type: string, at: string, data: Record<string, unknown>): CaseEvent {
  seq++
  return {
    seq,
    at,
    type,
    actor: { kind: 'staff', id: 'btc.truong' },
    public: false,
    data,
    prevHash: '',
    hash: '',
  }
}
const issued = (year: number, number: number, addressee = 'petitioner') =>
  event('document_issued', `${year}-12-30T03:00:00Z`, {
    templateId: 'complaint.acceptance',
    committeeId: 'btc',
    year,
    number,
    symbol: `${number}-TB/ĐUBTC`,
    addressee,
    sha256: `${year}${number}`.padEnd(64, '0'),
    decisionSeq: 1,
  })

describe('issued documents from the history', () => {
  it('a cancellation removes its own number, not the same symbol of another year', () => {
    const history = [
      issued(2026, 1),
      event('document_cancelled', '2026-12-31T03:00:00Z', {
        committeeId: 'btc',
        year: 2026,
        number: 1,
        symbol: '1-TB/ĐUBTC',
      }),
      issued(2027, 1),
      issued(2027, 2, 'other_body'),
    ]
    expect(liveIssuedEvents(history).map((e) => `${e.data.year}.${e.data.number}`)).toEqual([
      '2027.1',
      '2027.2',
    ])
    expect(petitionerDocumentsOf({ history }).map((d) => d.ref)).toEqual(['btc.2027.1'])
  })
})
