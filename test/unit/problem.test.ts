/**
 * `fieldProblems`: zod issues as one entry per offending field, worded in the caller's language.
 * The errors come from the real schemas, as a route would see them.
 */
import { describe, expect, it } from 'vitest'
import type { ZodError } from 'zod'
import {
  actionSchema,
  petitionInputSchema,
  RULE_MESSAGES,
  staffIntakeSchema,
} from '../../shared/domain/schemas.js'
import { fieldProblems } from '../../shared/http/field-problems.js'

const petitioner = { fullName: 'Nguyễn Văn An' }
const complaint = (overrides: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  title: 'Khiếu nại kết quả xét tuyển viên chức',
  content: 'Đề nghị phúc khảo và công khai kết quả.',
  petitioner,
  ...overrides,
})

function errorOf(result: { success: boolean; error?: ZodError }): ZodError {
  if (result.success || !result.error) throw new Error('the input should have been refused')
  return result.error
}

/** Vietnamese letters with diacritics that English text never has. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i

describe('fieldProblems', () => {
  it('reports each unknown key under its own name with the rule unknown_field', () => {
    // Arrange
    const error = errorOf(petitionInputSchema.safeParse(complaint({ priority: 'urgent', channel: 'online' })))

    // Act
    const problems = fieldProblems(error, 'en')

    // Assert
    expect(problems).toEqual([
      { field: 'priority', rule: 'unknown_field', message: 'is not an accepted field' },
      { field: 'channel', rule: 'unknown_field', message: 'is not an accepted field' },
    ])
  })

  it('reports an unknown key inside an object under its full path, in Vietnamese', () => {
    const error = errorOf(
      petitionInputSchema.safeParse(complaint({ petitioner: { ...petitioner, nickname: 'An' } })),
    )

    expect(fieldProblems(error, 'vi')).toEqual([
      { field: 'petitioner.nickname', rule: 'unknown_field', message: 'trường không được chấp nhận' },
    ])
  })

  it('words the rules the schemas add in the caller’s language, with the rule as the code', () => {
    // Arrange
    const error = errorOf(
      petitionInputSchema.safeParse(
        complaint({ petitioner: { fullName: 'An', phone: '12345', idNumber: '123' } }),
      ),
    )

    // Act
    const vi = fieldProblems(error, 'vi')
    const en = fieldProblems(error, 'en')

    // Assert
    expect(vi).toEqual([
      { field: 'petitioner.idNumber', rule: 'id_number', message: 'phải có 9 hoặc 12 chữ số' },
      { field: 'petitioner.phone', rule: 'phone', message: 'phải là số điện thoại Việt Nam' },
    ])
    expect(en).toEqual([
      { field: 'petitioner.idNumber', rule: 'id_number', message: 'must be 9 or 12 digits' },
      { field: 'petitioner.phone', rule: 'phone', message: 'must be a Vietnamese phone number' },
    ])
  })

  it('words the anonymity rules in both languages', () => {
    const error = errorOf(petitionInputSchema.safeParse(complaint({ anonymous: true })))

    expect(fieldProblems(error, 'vi')).toEqual([
      { field: 'anonymous', rule: 'anonymous_not_allowed', message: RULE_MESSAGES.anonymous_not_allowed?.vi },
      {
        field: 'petitioner',
        rule: 'petitioner_with_anonymous',
        message: 'phải bỏ trống khi gửi không ghi danh',
      },
    ])
    expect(fieldProblems(error, 'en')[0]?.message).toBe('only denunciations and feedback may be anonymous')
  })

  it('words the transfer target rule in both languages', () => {
    const error = errorOf(actionSchema.safeParse({ action: 'transfer' }))

    expect(fieldProblems(error, 'vi')).toEqual([
      {
        field: 'toCommitteeId',
        rule: 'transfer_target',
        message: 'cần đúng một trong toCommitteeId hoặc toBody',
      },
    ])
    expect(fieldProblems(error, 'en')[0]?.message).toBe('give exactly one of toCommitteeId or toBody')
  })

  it('words a bad tracking code in both languages', () => {
    const error = errorOf(actionSchema.safeParse({ action: 'mark_duplicate', of: 'ABC' }))

    expect(fieldProblems(error, 'vi')).toEqual([
      { field: 'of', rule: 'tracking_code', message: 'không phải mã tra cứu hợp lệ' },
    ])
    expect(fieldProblems(error, 'en')[0]?.message).toBe('is not a valid tracking code')
  })

  it('words zod’s own checks in Vietnamese for vi and in English for en, with zod’s code as the rule', () => {
    // Arrange: an empty title and content over the limit.
    const error = errorOf(
      petitionInputSchema.safeParse(complaint({ title: '', content: 'a'.repeat(20_001) })),
    )

    // Act
    const vi = fieldProblems(error, 'vi')
    const en = fieldProblems(error, 'en')

    // Assert
    expect(vi.map((p) => [p.field, p.rule])).toEqual([
      ['title', 'too_small'],
      ['content', 'too_big'],
    ])
    expect(en.map((p) => [p.field, p.rule])).toEqual(vi.map((p) => [p.field, p.rule]))
    for (const p of vi) expect(p.message, p.field).toMatch(VIETNAMESE)
    for (const p of en) expect(p.message, p.field).not.toMatch(VIETNAMESE)
    expect(en[0]?.message).toMatch(/too small/i)
    expect(en[1]?.message).toMatch(/20000/)
    expect(vi[1]?.message).toMatch(/20000/)
  })

  it('words a missing field and a value outside a list in the caller’s language', () => {
    // Arrange: no title; a channel the staff form does not offer.
    const { title: _left, ...withoutTitle } = complaint({ channel: 'online', receivedAt: '2026-07-01' })
    const error = errorOf(staffIntakeSchema.safeParse(withoutTitle))

    // Act
    const vi = fieldProblems(error, 'vi')
    const en = fieldProblems(error, 'en')

    // Assert
    expect(en.map((p) => p.field).sort()).toEqual(['channel', 'title'])
    expect(en.find((p) => p.field === 'channel')).toMatchObject({ rule: 'invalid_value' })
    for (const p of vi) expect(p.message, p.field).toMatch(VIETNAMESE)
    for (const p of en) expect(p.message, p.field).not.toMatch(VIETNAMESE)
  })

  it('reports a body that is not an object under (body)', () => {
    const error = errorOf(petitionInputSchema.safeParse('Tôi muốn khiếu nại'))

    expect(fieldProblems(error, 'en')).toEqual([
      expect.objectContaining({ field: '(body)', rule: 'invalid_type' }),
    ])
  })

  it('reports an impossible date under the rule local_date, in the caller’s language', () => {
    // Arrange: 30 February does not exist.
    const error = errorOf(petitionInputSchema.safeParse(complaint({ knownOn: '2026-02-30' })))

    // Act
    const vi = fieldProblems(error, 'vi')
    const en = fieldProblems(error, 'en')

    // Assert
    expect(vi).toEqual([
      { field: 'knownOn', rule: 'local_date', message: 'phải là ngày hợp lệ dạng YYYY-MM-DD' },
    ])
    expect(en).toEqual([
      { field: 'knownOn', rule: 'local_date', message: 'must be a real date written YYYY-MM-DD' },
    ])
  })

  it('gives a field that breaks two rules one entry', () => {
    // Arrange: an impossible date, on feedback, where a date does not belong at all.
    const error = errorOf(
      petitionInputSchema.safeParse({
        kind: 'feedback',
        title: 'Phản ánh Cổng dịch vụ công thường xuyên bị lỗi',
        content: 'Trang thanh toán báo lỗi liên tục.',
        petitioner,
        knownOn: '2026-02-30',
      }),
    )

    // Act
    const problems = fieldProblems(error, 'en')

    // Assert
    expect(problems.map((p) => p.field)).toEqual(['knownOn'])
  })
})
