/** The dossier's rules as data: retention periods, the day a case ended, archive-safe names. */
import { describe, expect, it } from 'vitest'
import {
  archiveName,
  DEFAULT_RETENTION,
  endedOn,
  retentionSettingsSchema,
  retentionUntil,
} from '../../shared/domain/dossier.js'

describe('retention', () => {
  it('counts whole years from the year after the case ended', () => {
    expect(retentionUntil({ years: 10 }, '2026-03-05')).toBe('2036-12-31')
    expect(retentionUntil({ years: 15 }, '2026-12-31')).toBe('2041-12-31')
    expect(retentionUntil({ permanent: true }, '2026-03-05')).toBeUndefined()
  })

  it('has a period for every kind, and refuses a period that is not whole years from 1 to 100', () => {
    expect(retentionSettingsSchema.safeParse(DEFAULT_RETENTION).success).toBe(true)
    const bad = (value: unknown) =>
      retentionSettingsSchema.safeParse({ ...DEFAULT_RETENTION, complaint: value })
    expect(bad({ years: 0 }).success).toBe(false)
    expect(bad({ years: 2.5 }).success).toBe(false)
    expect(bad({ permanent: false }).success).toBe(false)
    expect(bad({ permanent: true }).success).toBe(true)
    const { feedback: _, ...missing } = DEFAULT_RETENTION
    expect(retentionSettingsSchema.safeParse(missing).success).toBe(false)
  })
})

describe('the day a case ended', () => {
  it('is its last lifecycle step in Vietnam, not a later record', () => {
    const c = {
      receivedAt: '2026-01-02T01:00:00Z',
      history: [
        { type: 'submitted', at: '2026-01-02T01:00:00Z' },
        // 23:30 UTC is already the next day in Vietnam.
        { type: 'filed', at: '2026-03-04T23:30:00Z' },
        { type: 'dossier_exported', at: '2027-01-10T02:00:00Z' },
        { type: 'identity_document_opened', at: '2027-02-10T02:00:00Z' },
      ],
    }
    expect(endedOn(c)).toBe('2026-03-05')
  })
})

describe('archive names', () => {
  it('folds Vietnamese letters and drops what an archive tool may not take', () => {
    expect(archiveName('Quyết định số 12/QĐ-ĐUK.docx')).toBe('Quyet-dinh-so-12-QD-DUK.docx')
    expect(archiveName('../../etc/passwd')).toBe('etc-passwd')
    expect(archiveName('***')).toBe('tep')
  })
})
