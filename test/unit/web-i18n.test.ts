import { describe, expect, it } from 'vitest'
import { CLOCK_NAMES } from '../../shared/domain/deadline-rules.js'
import { STATUSES, TRANSITIONS } from '../../shared/domain/lifecycle.js'
import { KINDS } from '../../shared/domain/vocabulary.js'
import { formatDate, formatInstant, LANGS, label, messages, outcomeLabel, t } from '../../web/i18n.js'

describe('citizen page messages', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort())
  })

  it.each(LANGS)('has no empty message in %s', (lang) => {
    const empty = Object.entries(messages[lang]).filter(([, text]) => text.trim() === '')
    expect(empty).toEqual([])
  })

  it.each(LANGS)('uses the same placeholders in %s as in Vietnamese', (lang) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of Object.entries(messages.vi))
      expect(placeholders(messages[lang][key as keyof typeof messages.vi]), key).toEqual(placeholders(text))
  })

  it.each(LANGS)('labels every status, kind, clock and public timeline event of the domain in %s', (lang) => {
    const unlabelled = [
      ...STATUSES.filter((code) => label(lang, 'status', code) === code),
      ...KINDS.filter((code) => label(lang, 'kind', code) === code),
      ...CLOCK_NAMES.filter((code) => label(lang, 'clock', code) === code),
      ...[...TRANSITIONS.map((tr) => tr.event), 'submitted', 'supplement_added']
        .filter((code) => label(lang, 'event', code) === code)
        .map((code) => `event ${code}`),
    ]
    expect(unlabelled).toEqual([])
  })

  it('shows the raw code for a code it has no label for', () => {
    expect(label('vi', 'clock', 'new_clock_from_the_domain')).toBe('new_clock_from_the_domain')
    expect(outcomeLabel('en', 'brand_new_outcome')).toBe('brand_new_outcome')
  })

  it('puts the Vietnamese status first and the English one on the switch', () => {
    expect(label('vi', 'status', 'accepted')).toBe('Đã thụ lý')
    expect(label('en', 'status', 'accepted')).toBe('Accepted')
    expect(outcomeLabel('vi', 'partly_upheld')).toBe('Khiếu nại đúng một phần')
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'tracking.title', { code: 'AB12' })).toBe('Petition AB12')
    expect(t('en', 'tracking.title')).toBe('Petition {code}')
  })

  it('writes dates dd/mm/yyyy, and instants in Vietnam time', () => {
    expect(formatDate('2026-07-01')).toBe('01/07/2026')
    // 17:30 UTC on 1 July is 00:30 on 2 July in Hà Nội.
    expect(formatInstant('2026-07-01T17:30:00Z')).toBe('02/07/2026 00:30')
  })
})
