/**
 * The zod schemas of the domain: the public petition, the staff intake and the staff actions.
 * Each refusal is checked by the path and the message key the problem mapper words.
 */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  actionSchema,
  MAX_CONTENT_LENGTH,
  petitionInputSchema,
  staffIntakeSchema,
} from '../../shared/domain/schemas.js'
import { STAFF_CHANNELS } from '../../shared/domain/vocabulary.js'

const petitioner = { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001085012345' }

const complaint = (overrides: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  title: 'Khiếu nại việc không được nâng bậc lương đúng hạn',
  content: 'Tôi đủ điều kiện nâng bậc lương từ tháng 3 nhưng đến nay chưa có quyết định.',
  petitioner,
  ...overrides,
})

const anonymousDenunciation = (overrides: Record<string, unknown> = {}) => ({
  kind: 'denunciation',
  title: 'Tố cáo việc sử dụng xe công sai mục đích',
  content: 'Xe công được dùng đưa đón người nhà lãnh đạo vào cuối tuần.',
  anonymous: true,
  ...overrides,
})

const intake = (overrides: Record<string, unknown> = {}) => ({
  ...complaint(),
  channel: 'in_person',
  receivedAt: '2026-07-01',
  ...overrides,
})

/** The issues of a failed parse as "path: message", for readable assertions. */
function issuesOf(result: { success: boolean; error?: z.ZodError }): string[] {
  expect(result.success, 'the input should have been refused').toBe(false)
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('petitionInputSchema', () => {
  it('accepts a complaint with a named petitioner and fills in the defaults', () => {
    // Act
    const parsed = petitionInputSchema.parse(complaint())

    // Assert
    expect(parsed).toMatchObject({ anonymous: false, signatories: 1, language: 'vi', instance: 1 })
  })

  it('refuses a field it does not know rather than dropping it', () => {
    // Act
    const result = petitionInputSchema.safeParse(complaint({ priority: 'urgent' }))

    // Assert
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['priority'], path: [] }),
    ])
  })

  it('refuses an unknown field inside the petitioner too', () => {
    const result = petitionInputSchema.safeParse(complaint({ petitioner: { ...petitioner, nickname: 'An' } }))

    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['nickname'], path: ['petitioner'] }),
    ])
  })

  it('accepts an anonymous denunciation and anonymous feedback without a petitioner', () => {
    expect(petitionInputSchema.safeParse(anonymousDenunciation()).success).toBe(true)
    expect(petitionInputSchema.safeParse(anonymousDenunciation({ kind: 'feedback' })).success).toBe(true)
  })

  it('refuses an anonymous complaint and an anonymous recommendation', () => {
    for (const kind of ['complaint', 'recommendation']) {
      // Act
      const result = petitionInputSchema.safeParse(anonymousDenunciation({ kind }))

      // Assert
      expect(issuesOf(result), kind).toEqual(['anonymous: anonymous_not_allowed'])
    }
  })

  it('requires the petitioner of a petition that is not anonymous', () => {
    // Arrange
    const { petitioner: _left, ...withoutPetitioner } = complaint()

    // Act & Assert
    expect(issuesOf(petitionInputSchema.safeParse(withoutPetitioner))).toEqual([
      'petitioner: petitioner_required',
    ])
  })

  it('requires the petitioner of a denunciation that is not marked anonymous', () => {
    expect(issuesOf(petitionInputSchema.safeParse(anonymousDenunciation({ anonymous: false })))).toEqual([
      'petitioner: petitioner_required',
    ])
  })

  it('refuses a petitioner on an anonymous petition, so no identity is kept by mistake', () => {
    expect(issuesOf(petitionInputSchema.safeParse(anonymousDenunciation({ petitioner })))).toEqual([
      'petitioner: petitioner_with_anonymous',
    ])
  })

  it('accepts content of exactly 20,000 characters and refuses one more', () => {
    // Arrange
    const longest = 'a'.repeat(MAX_CONTENT_LENGTH)

    // Act
    const atLimit = petitionInputSchema.safeParse(complaint({ content: longest }))
    const overLimit = petitionInputSchema.safeParse(complaint({ content: `${longest}a` }))

    // Assert
    expect(MAX_CONTENT_LENGTH).toBe(20_000)
    expect(atLimit.success).toBe(true)
    expect(overLimit.error?.issues).toEqual([
      expect.objectContaining({ code: 'too_big', path: ['content'], maximum: 20_000 }),
    ])
  })

  it('refuses content that is only white space', () => {
    expect(issuesOf(petitionInputSchema.safeParse(complaint({ content: '  \n ' })))[0]).toMatch(/^content: /)
  })

  it('writes a phone number typed with spaces, dots or dashes as digits only', () => {
    const cases: [string, string][] = [
      ['0912 345 678', '0912345678'],
      ['0912.345.678', '0912345678'],
      ['0912-345-678', '0912345678'],
      ['+84 912 345 678', '+84912345678'],
    ]
    for (const [typed, stored] of cases) {
      // Act
      const parsed = petitionInputSchema.parse(complaint({ petitioner: { fullName: 'An', phone: typed } }))

      // Assert
      expect(parsed.petitioner?.phone, typed).toBe(stored)
    }
  })

  it('refuses a phone number that is not Vietnamese', () => {
    for (const phone of ['12345', '0912 345 67', '+1 212 555 0100', 'không có']) {
      const result = petitionInputSchema.safeParse(complaint({ petitioner: { fullName: 'An', phone } }))

      expect(issuesOf(result), phone).toEqual(['petitioner.phone: phone'])
    }
  })

  it('accepts an identity number of 9 digits (old ID card) or 12 digits (citizen ID card)', () => {
    for (const idNumber of ['012345678', '001085012345']) {
      const result = petitionInputSchema.safeParse(complaint({ petitioner: { fullName: 'An', idNumber } }))

      expect(result.success, idNumber).toBe(true)
    }
  })

  it('refuses an identity number of any other length or with letters', () => {
    for (const idNumber of ['01234567', '0123456789', '00108501234', '0010850123456', 'C01234567']) {
      const result = petitionInputSchema.safeParse(complaint({ petitioner: { fullName: 'An', idNumber } }))

      expect(issuesOf(result), idNumber).toEqual(['petitioner.idNumber: id_number'])
    }
  })

  it('accepts the day a complainant learned of the decision', () => {
    const parsed = petitionInputSchema.parse(complaint({ knownOn: '2026-06-15' }))

    expect(parsed.knownOn).toBe('2026-06-15')
  })

  it('refuses a day the complainant learned of the decision that does not exist', () => {
    for (const knownOn of ['2026-02-29', '2026-06-31', '15/06/2026', '2026-6-15']) {
      const result = petitionInputSchema.safeParse(complaint({ knownOn }))

      expect(
        result.error?.issues.map((i) => i.path.join('.')),
        knownOn,
      ).toEqual(['knownOn'])
    }
  })

  it('refuses that day on a petition that is not a complaint', () => {
    // Act
    const result = petitionInputSchema.safeParse(anonymousDenunciation({ knownOn: '2026-06-15' }))

    // Assert
    expect(issuesOf(result)).toEqual(['knownOn: complaint_only'])
  })

  it('refuses a second instance on a petition that is not a complaint', () => {
    const result = petitionInputSchema.safeParse(anonymousDenunciation({ instance: 2 }))

    expect(issuesOf(result)).toEqual(['instance: complaint_only'])
  })

  it('refuses a topic that is not in the list', () => {
    const result = petitionInputSchema.safeParse(complaint({ topic: 'weather' }))

    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['topic'])
  })
})

describe('staffIntakeSchema', () => {
  it('accepts every channel a reception officer records', () => {
    for (const channel of STAFF_CHANNELS) {
      expect(staffIntakeSchema.safeParse(intake({ channel })).success, channel).toBe(true)
    }
  })

  it('refuses the online channel, which belongs to the public form', () => {
    // Act
    const result = staffIntakeSchema.safeParse(intake({ channel: 'online' }))

    // Assert
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['channel'], code: 'invalid_value' }),
    ])
  })

  it('refuses a date of receipt that is not a real YYYY-MM-DD date', () => {
    for (const receivedAt of ['2026-02-30', '2026-13-01', '01/07/2026', '2026-07-01T08:00:00Z']) {
      const result = staffIntakeSchema.safeParse(intake({ receivedAt }))

      expect(
        result.error?.issues.map((i) => i.path.join('.')),
        receivedAt,
      ).toEqual(['receivedAt'])
    }
  })

  it('requires the date of receipt', () => {
    const { receivedAt: _left, ...withoutDate } = intake()

    expect(staffIntakeSchema.safeParse(withoutDate).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'receivedAt',
    ])
  })

  it('keeps the public rules: a petitioner on an anonymous denunciation is refused', () => {
    const result = staffIntakeSchema.safeParse(
      anonymousDenunciation({ channel: 'post', receivedAt: '2026-07-01', petitioner }),
    )

    expect(issuesOf(result)).toEqual(['petitioner: petitioner_with_anonymous'])
  })

  it('takes a referral from the press and assumes one place to check unless told', () => {
    const parsed = staffIntakeSchema.parse(intake({ referral: { source: 'press', name: 'Báo Nhân Dân' } }))

    expect(parsed.referral).toEqual({ source: 'press', name: 'Báo Nhân Dân' })
    expect(parsed.severalPlaces).toBe(false)
  })
})

describe('actionSchema', () => {
  it('accepts each action in its own shape', () => {
    const valid = [
      { action: 'accept' },
      { action: 'refuse', reason: 'limitation_expired' },
      { action: 'transfer', toCommitteeId: 'byt' },
      { action: 'transfer', toBody: 'UBND thành phố Hà Nội' },
      { action: 'guide', guidance: 'Đề nghị gửi đơn đến Tòa án nhân dân.' },
      { action: 'file', note: 'Đơn không có nội dung' },
      { action: 'mark_duplicate', of: '7K3M-Q9XD-2HFJ' },
      { action: 'reroute', toCommitteeId: 'btc' },
      { action: 'start_verification' },
      { action: 'extend', complexity: 'complex', days: 30, reason: 'Nhiều nơi phải xác minh' },
      { action: 'suspend', reason: 'Chờ kết quả giám định' },
      { action: 'resume' },
      { action: 'resolve', answer: 'Tố cáo đúng.', outcome: 'founded' },
      { action: 'close' },
      { action: 'withdraw', scope: 'partial', reason: 'Rút một nội dung' },
    ]
    for (const input of valid) {
      expect(actionSchema.safeParse(input).success, JSON.stringify(input)).toBe(true)
    }
  })

  it('refuses an action that does not exist', () => {
    expect(actionSchema.safeParse({ action: 'approve' }).success).toBe(false)
  })

  it('refuses a field the action does not take', () => {
    const result = actionSchema.safeParse({ action: 'accept', reason: 'limitation_expired' })

    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['reason'] }),
    ])
  })

  it('refuses a refusal without a coded reason, or with a made-up one', () => {
    expect(actionSchema.safeParse({ action: 'refuse' }).success).toBe(false)
    expect(actionSchema.safeParse({ action: 'refuse', reason: 'no_time' }).success).toBe(false)
  })

  it('refuses a transfer that names neither a committee nor an outside body', () => {
    expect(issuesOf(actionSchema.safeParse({ action: 'transfer' }))).toEqual([
      'toCommitteeId: transfer_target',
    ])
  })

  it('refuses a transfer that names both a committee and an outside body', () => {
    const result = actionSchema.safeParse({ action: 'transfer', toCommitteeId: 'byt', toBody: 'UBND Hà Nội' })

    expect(issuesOf(result)).toEqual(['toCommitteeId: transfer_target'])
  })

  it('refuses a transfer to an outside body whose name is blank', () => {
    // A blank name would end the case as "transferred" to nobody.
    const result = actionSchema.safeParse({ action: 'transfer', toBody: '   ' })

    expect(result.success).toBe(false)
  })

  it('accepts extensions of 1 to 30 days and refuses 0, 31 and fractions', () => {
    const extend = (days: number) => ({ action: 'extend', complexity: 'complex', days, reason: 'Nhiều nơi' })

    expect(actionSchema.safeParse(extend(1)).success).toBe(true)
    expect(actionSchema.safeParse(extend(30)).success).toBe(true)
    expect(actionSchema.safeParse(extend(0)).success).toBe(false)
    expect(actionSchema.safeParse(extend(31)).success).toBe(false)
    expect(actionSchema.safeParse(extend(10.5)).success).toBe(false)
  })

  it('refuses an extension that declares the case normal', () => {
    const result = actionSchema.safeParse({ action: 'extend', complexity: 'normal', reason: 'Nhiều nơi' })

    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['complexity'])
  })

  it('refuses an extension without a reason', () => {
    expect(actionSchema.safeParse({ action: 'extend', complexity: 'complex' }).success).toBe(false)
  })

  it('writes the code a duplicate points at in its canonical form', () => {
    // Act
    const parsed = actionSchema.parse({ action: 'mark_duplicate', of: ' 7k3m-q9xd-2hfj ' })

    // Assert
    expect(parsed).toEqual({ action: 'mark_duplicate', of: '7K3MQ9XD2HFJ' })
  })

  it('refuses a duplicate of something that is not a tracking code', () => {
    expect(issuesOf(actionSchema.safeParse({ action: 'mark_duplicate', of: '7K3M-Q9XD-2HFK' }))).toEqual([
      'of: tracking_code',
    ])
  })

  it('refuses a withdrawal whose scope is neither full nor partial', () => {
    expect(actionSchema.safeParse({ action: 'withdraw', scope: 'some', reason: 'x' }).success).toBe(false)
  })

  it('refuses an outcome that is not in the list', () => {
    expect(actionSchema.safeParse({ action: 'resolve', answer: 'x', outcome: 'done' }).success).toBe(false)
  })
})
