import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../shared/domain/case.js'
import { TransitionError } from '../../shared/domain/errors.js'
import {
  geoReportServices,
  publicDay,
  publicDeadline,
  publicIdDate,
  publicStatus,
  toGeoReportRequest,
} from '../../shared/domain/open311.js'
import type { CaseMetrics } from '../../shared/domain/reports.js'
import type { Committee } from '../../shared/domain/routing.js'
import { decideRating, ratingOf, ratingRefusal, ratingSchema } from '../../shared/domain/satisfaction.js'
import { newPublicId, publicRequestAttributes, withPublicId } from '../../shared/store/public-requests.js'

const metrics = (m: Partial<CaseMetrics>): CaseMetrics =>
  ({
    v: 1,
    at: '2026-11-26',
    k: 'recommendation',
    ch: 'online',
    mp: false,
    r: '2026-11-26',
    c: 'bxd',
    s: 'received',
    ...m,
  }) as CaseMetrics

const answered = {
  status: 'resolved' as const,
  answer: { text: 'Trả lời', outcome: 'answered', at: '2026-11-30T03:00:00Z' },
  history: [] as CaseRecord['history'],
}
const event = (type: string, data: Record<string, unknown> = {}) =>
  ({
    seq: 1,
    at: '2026-12-01T03:00:00Z',
    type,
    actor: { kind: 'petitioner' },
    public: true,
    data,
    prevHash: '',
    hash: '',
  }) as const

describe('rating the answer', () => {
  it('is possible once the case is resolved or closed with an answer, and only then', () => {
    expect(ratingRefusal(answered)).toBeUndefined()
    expect(ratingRefusal({ ...answered, status: 'closed' })).toBeUndefined()
    expect(ratingRefusal({ ...answered, status: 'accepted' })?.code).toBe('no_answer_yet')
    expect(ratingRefusal({ ...answered, status: 'not_accepted', answer: undefined })?.code).toBe(
      'no_answer_yet',
    )
    expect(ratingRefusal({ ...answered, history: [event('rated', { score: 3 })] })?.code).toBe(
      'already_rated',
    )
  })

  it('records the score and the trimmed comment as a rated event, and refuses a second with the rule', () => {
    const e = decideRating(answered, { score: 4, comment: '  tốt  ' }, new Date('2026-12-01T03:00:00Z'))

    expect(e).toMatchObject({
      type: 'rated',
      actor: { kind: 'petitioner' },
      data: { score: 4, comment: 'tốt' },
    })
    expect(() =>
      decideRating({ ...answered, history: [event('rated', { score: 4 })] }, { score: 5 }, new Date()),
    ).toThrow(TransitionError)
    expect(ratingOf({ history: [event('rated', { score: 2 }), event('rated', { score: 5 })] })?.score).toBe(2)
  })

  it('takes whole scores 1 to 5 and a comment of at most 1000 characters', () => {
    expect(ratingSchema.safeParse({ score: 5, comment: 'x'.repeat(1000) }).success).toBe(true)
    for (const bad of [
      { score: 0 },
      { score: 6 },
      { score: 2.5 },
      { score: '3' },
      { score: 3, comment: 'x'.repeat(1001) },
    ])
      expect(ratingSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 40)).toBe(false)
  })
})

describe('the Open311 facts of a case', () => {
  it('take the first decision’s due date, then the resolution’s, then none', () => {
    expect(publicDeadline(metrics({ da: '2026-12-10' }))).toBe('2026-12-10')
    expect(publicDeadline(metrics({ d: 'accepted', da: '2026-12-10', rd: '2026-12-24' }))).toBe('2026-12-24')
    expect(publicDeadline(metrics({ d: 'accepted', rd: '2026-12-24', rv: '2026-12-01' }))).toBeUndefined()
    expect(publicDeadline(metrics({ d: 'guided', da: '2026-12-10' }))).toBeUndefined()
    expect(publicDeadline(metrics({ da: '2026-12-10', wf: '2026-12-01' }))).toBeUndefined()
  })

  it('are open while the answer is awaited and closed after', () => {
    expect(['received', 'accepted', 'verifying', 'suspended'].map((s) => publicStatus(s as never))).toEqual([
      'open',
      'open',
      'open',
      'open',
    ])
    expect(['resolved', 'closed', 'guided', 'withdrawn'].map((s) => publicStatus(s as never))).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
    ])
  })

  it('read in exactly the GeoReport v2 fields', () => {
    const committees: Committee[] = [
      {
        id: 'bxd',
        name: 'Đảng ủy Bộ Xây dựng',
        nameEn: 'Ministry of Construction',
        type: 'subordinate',
        organizations: [],
      },
    ]
    const r = toGeoReportRequest(
      {
        publicId: '20261126-7K3M9Q7XZ2',
        kind: 'feedback',
        committeeId: 'bxd',
        status: 'received',
        receivedAt: '2026-11-26T03:00:00.000Z',
        publicDue: '2026-12-10',
      },
      committees,
      'en',
    )

    expect(r).toEqual({
      service_request_id: '20261126-7K3M9Q7XZ2',
      status: 'open',
      status_notes: 'Received; being processed',
      service_name: 'Feedback: Other',
      service_code: 'feedback.other',
      agency_responsible: 'Ministry of Construction',
      requested_datetime: '2026-11-26T00:00:00+07:00',
      updated_datetime: '2026-11-26T00:00:00+07:00',
      expected_datetime: '2026-12-10T23:59:59+07:00',
    })
    expect(geoReportServices('vi')).toHaveLength(16)
  })

  it('give recommendations and feedback a public id unrelated to the tracking code, and nothing to other kinds', () => {
    const id = newPublicId('2026-11-26')
    const given: { kind: 'recommendation'; receivedOn: string; code: string; publicId?: string } = {
      kind: 'recommendation',
      receivedOn: '2026-11-26',
      code: 'K7QM3XRT9ABC',
    }
    const rec = withPublicId(given)
    const complaint = withPublicId({ kind: 'complaint' as const, receivedOn: '2026-11-26' })

    expect(id).toMatch(/^20261126-[0-9A-HJKMNP-TV-Z]{10}$/)
    expect(publicIdDate(id)).toBe('2026-11-26')
    expect(rec.publicId).not.toContain('K7QM')
    expect(withPublicId(rec).publicId).toBe(rec.publicId)
    expect(complaint).not.toHaveProperty('publicId')
    expect(
      publicRequestAttributes(
        { kind: 'complaint', receivedOn: '2026-11-26', history: [], publicId: id },
        undefined,
      ),
    ).toEqual({ set: {}, remove: ['openPk', 'openSk', 'publicDue', 'publicUpdatedAt'] })
    expect(publicRequestAttributes({ ...rec, history: [] }, metrics({ da: '2026-12-10' })).set).toEqual({
      openPk: 'P#2026-11',
      openSk: `2026-11-26#${rec.publicId}`,
      publicId: rec.publicId,
      publicDue: '2026-12-10',
    })
  })
})

describe('public timestamps', () => {
  it('are rounded to the Vietnam day: no hour, minute or millisecond of a filing is published', () => {
    expect(publicDay('2026-11-26T03:17:42.123Z')).toBe('2026-11-26T00:00:00+07:00')
    // 01:30 in Vietnam on the 27th is still the 26th in UTC.
    expect(publicDay('2026-11-26T18:30:00.000Z')).toBe('2026-11-27T00:00:00+07:00')
    const r = toGeoReportRequest(
      {
        publicId: '20261126-7K3M9Q7XZ2',
        kind: 'feedback',
        committeeId: 'x',
        status: 'received',
        receivedAt: '2026-11-26T09:41:07.512Z',
        publicUpdatedAt: '2026-11-28T16:59:59.999Z',
      },
      [],
      'vi',
    )
    expect(r.requested_datetime).toBe('2026-11-26T00:00:00+07:00')
    expect(r.updated_datetime).toBe('2026-11-28T00:00:00+07:00')
  })
})
