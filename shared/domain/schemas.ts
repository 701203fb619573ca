/**
 * The zod schemas of the domain: what a petition and an action look like on the way in. Strict
 * objects, so an unknown field is an error rather than silently dropped. Rules that need the clock
 * (a receipt date in the future) are checked by the intake function, which is given `now`.
 */
import * as z from 'zod'
import { isLocalDate } from './dates.js'
import type { ACTIONS } from './lifecycle.js'
import { MAX_CONTENT_LENGTH } from './limits.js'
import { OUTCOME_CODES, REFUSAL_REASON_CODES } from './reasons.js'
import { TOPIC_CODES } from './routing.js'
import { normalizeTrackingCode } from './tracking-code.js'
import { ANONYMOUS_KINDS, COMPLEXITIES, KINDS, LANGUAGES, ROLES, STAFF_CHANNELS } from './vocabulary.js'

export { MAX_CONTENT_LENGTH }

/**
 * Words for the rules these schemas add on top of zod's own checks, keyed by the issue message.
 * The problem mapper shows them in the caller's language; zod's own issues use its locales.
 */
export const RULE_MESSAGES: Record<string, { vi: string; en: string }> = {
  local_date: { vi: 'phải là ngày hợp lệ dạng YYYY-MM-DD', en: 'must be a real date written YYYY-MM-DD' },
  tracking_code: { vi: 'không phải mã tra cứu hợp lệ', en: 'is not a valid tracking code' },
  id_number: { vi: 'phải có 9 hoặc 12 chữ số', en: 'must be 9 or 12 digits' },
  phone: { vi: 'phải là số điện thoại Việt Nam', en: 'must be a Vietnamese phone number' },
  anonymous_not_allowed: {
    vi: 'chỉ đơn tố cáo và phản ánh được gửi không ghi danh',
    en: 'only denunciations and feedback may be anonymous',
  },
  petitioner_with_anonymous: {
    vi: 'phải bỏ trống khi gửi không ghi danh',
    en: 'must be left out of an anonymous petition',
  },
  petitioner_required: {
    vi: 'bắt buộc, trừ đơn tố cáo hoặc phản ánh không ghi danh',
    en: 'is required unless the petition is an anonymous denunciation or feedback',
  },
  complaint_only: { vi: 'chỉ dùng cho đơn khiếu nại', en: 'applies to complaints only' },
  duplicate_reminder: {
    vi: 'không được lặp lại cùng một ngày nhắc hạn',
    en: 'must not list the same reminder day twice',
  },
  transfer_target: {
    vi: 'cần đúng một trong toCommitteeId hoặc toBody',
    en: 'give exactly one of toCommitteeId or toBody',
  },
  visitors_below_delegations: {
    vi: 'không được ít hơn tổng số người của các đoàn đông người',
    en: 'must be at least the number of people in the delegations',
  },
  owner_not_member: {
    vi: 'phải là tài khoản đảng viên đang hoạt động (không phải tài khoản cán bộ nghiệp vụ)',
    en: 'must be the account of an active member (not a staff account)',
  },
  owner_present: {
    vi: 'phải xác nhận đảng viên có mặt và đã xác minh danh tính',
    en: 'must confirm that the member is present and their identity was checked',
  },
  owner_in_person: {
    vi: 'đơn của đảng viên chỉ được vào sổ khi đảng viên trực tiếp đến nộp (in_person)',
    en: "a member's petition is recorded only when the member brings it in person (in_person)",
  },
}

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).optional()

export const localDate = z.string().refine(isLocalDate, { message: 'local_date' })

/** A tracking code as typed by a person, normalized; undefined-safe for route params. */
export const trackingCode = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const code = normalizeTrackingCode(value)
    if (!code) {
      ctx.addIssue({
        code: 'custom',
        message: 'tracking_code',
      })
      return z.NEVER
    }
    return code
  })

export const petitionerSchema = z.strictObject({
  fullName: text(200),
  // Chứng minh nhân dân (9 digits) or căn cước công dân (12 digits).
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{9}|\d{12})$/, { message: 'id_number' })
    .optional(),
  address: optionalText(500),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^(\+84|0)\d{9,10}$/, { message: 'phone' }))
    .optional(),
  email: z.email().max(254).optional(),
})

export const concernsSchema = z.strictObject({
  organization: optionalText(300),
  person: optionalText(200),
})

const petitionFields = {
  kind: z.enum(KINDS),
  title: text(300),
  content: text(MAX_CONTENT_LENGTH),
  anonymous: z.boolean().optional().default(false),
  petitioner: petitionerSchema.optional(),
  concerns: concernsSchema.optional(),
  topic: z.enum(TOPIC_CODES).optional(),
  signatories: z.number().int().min(1).max(100_000).optional().default(1),
  language: z.enum(LANGUAGES).optional().default('vi'),
  /** Complaint: the day the complainant learned of the decision or act (limitation period). */
  knownOn: localDate.optional(),
  /** Complaint: first or second instance. */
  instance: z
    .union([z.literal(1), z.literal(2)])
    .optional()
    .default(1),
}

type PetitionShape = {
  kind: (typeof KINDS)[number]
  anonymous: boolean
  petitioner?: unknown
  knownOn?: string
  instance: 1 | 2
}

function petitionRules(value: PetitionShape, ctx: z.RefinementCtx) {
  if (value.anonymous && !ANONYMOUS_KINDS.includes(value.kind))
    ctx.addIssue({
      code: 'custom',
      path: ['anonymous'],
      message: 'anonymous_not_allowed',
    })
  if (value.anonymous && value.petitioner !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['petitioner'],
      message: 'petitioner_with_anonymous',
    })
  if (!value.anonymous && value.petitioner === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['petitioner'],
      message: 'petitioner_required',
    })
  if (value.kind !== 'complaint' && (value.knownOn !== undefined || value.instance !== 1))
    ctx.addIssue({
      code: 'custom',
      path: [value.knownOn !== undefined ? 'knownOn' : 'instance'],
      message: 'complaint_only',
    })
}

/** Body of `POST /api/v1/petitions` (the public submission). */
export const petitionInputSchema = z.strictObject(petitionFields).superRefine(petitionRules)
export type PetitionInput = z.infer<typeof petitionInputSchema>

export const REFERRAL_SOURCES = ['press', 'authority', 'deputy', 'agency'] as const

/** Body of `POST /api/v1/cases`: a petition recorded by a reception officer. */
export const staffIntakeSchema = z
  .strictObject({
    ...petitionFields,
    channel: z.enum(STAFF_CHANNELS),
    /** The calendar date the petition was actually received (Vietnam time); deadlines run from it. */
    receivedAt: localDate,
    /** Who referred or transferred the petition in (press, an authority, a deputy, another body). */
    referral: z.strictObject({ source: z.enum(REFERRAL_SOURCES), name: text(300) }).optional(),
    /** Several places must be checked: a denunciation's initial processing may take 10 working days. */
    severalPlaces: z.boolean().optional().default(false),
    /** Overrides the automatic routing (the officer knows better). */
    committeeId: z.string().min(1).max(64).optional(),
    /**
     * The member account that owns the petition (it appears in their `/me/petitions`): an active
     * account holding only the member role, present at the desk.
     */
    ownerId: z.string().min(1).max(64).optional(),
    /** With `ownerId`: the officer confirms the member is present and checked their identity. */
    ownerPresent: z.boolean().optional(),
  })
  .superRefine(petitionRules)
  .superRefine((v, ctx) => {
    if (v.ownerId === undefined) return
    // Owning a petition is for the member themselves: never on an officer's word alone.
    if (v.ownerPresent !== true)
      ctx.addIssue({ code: 'custom', path: ['ownerPresent'], message: 'owner_present' })
    if (v.channel !== 'in_person')
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'owner_in_person' })
  })
export type StaffIntakeInput = z.infer<typeof staffIntakeSchema>

const note = optionalText(2_000)

/** Body of `POST /api/v1/cases/{code}/actions`, one shape per action. */
export const actionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), note }),
  z.strictObject({ action: z.literal('refuse'), reason: z.enum(REFUSAL_REASON_CODES), note }),
  z
    .strictObject({
      action: z.literal('transfer'),
      toCommitteeId: z.string().min(1).max(64).optional(),
      toBody: text(300).optional(),
      note,
    })
    .refine((v) => (v.toCommitteeId === undefined) !== (v.toBody === undefined), {
      path: ['toCommitteeId'],
      message: 'transfer_target',
    }),
  z.strictObject({ action: z.literal('guide'), guidance: text(2_000) }),
  z.strictObject({ action: z.literal('file'), note }),
  z.strictObject({ action: z.literal('mark_duplicate'), of: trackingCode, note }),
  z.strictObject({ action: z.literal('reroute'), toCommitteeId: z.string().min(1).max(64), note }),
  z.strictObject({ action: z.literal('start_verification'), note }),
  z.strictObject({
    action: z.literal('extend'),
    complexity: z.enum(COMPLEXITIES).exclude(['normal']),
    /** Denunciations: days added (at most 30 per extension). Complaints: ignored (the limit follows the complexity). */
    days: z.number().int().min(1).max(30).optional(),
    reason: text(2_000),
  }),
  z.strictObject({ action: z.literal('suspend'), reason: text(2_000) }),
  z.strictObject({ action: z.literal('resume'), note }),
  z.strictObject({
    action: z.literal('resolve'),
    answer: text(MAX_CONTENT_LENGTH),
    outcome: z.enum(OUTCOME_CODES),
  }),
  z.strictObject({ action: z.literal('close'), note }),
  z.strictObject({ action: z.literal('withdraw'), scope: z.enum(['full', 'partial']), reason: text(2_000) }),
  z.strictObject({ action: z.literal('escalate'), reason: text(2_000) }),
  z.strictObject({ action: z.literal('link_repeat'), of: trackingCode, note }),
  z.strictObject({ action: z.literal('chase'), note: text(2_000) }),
])
export type ActionInput = z.infer<typeof actionSchema>
// Every action of the transition table has a schema, and nothing else does.
type _AllActionsCovered = [ActionInput['action']] extends [(typeof ACTIONS)[number]]
  ? [(typeof ACTIONS)[number]] extends [ActionInput['action']]
    ? true
    : never
  : never
export const ACTIONS_COVERED: _AllActionsCovered = true

/** Body of the petitioner's withdrawal (`POST /api/v1/petitions/{code}/withdrawal`). */
export const withdrawalSchema = z.strictObject({ scope: z.enum(['full', 'partial']), reason: text(2_000) })
/** Body of the denouncer's escalation (`POST /api/v1/petitions/{code}/escalation`, Law 25/2018 Art. 38). */
export const escalationSchema = z.strictObject({ reason: text(2_000) })
/** Body of `POST /api/v1/petitions/{code}/supplements`. */
export const supplementSchema = z.strictObject({ text: text(MAX_CONTENT_LENGTH) })

/** Body of `PUT /api/v1/users/{id}` (admins). */
export const userInputSchema = z.strictObject({
  displayName: text(200),
  email: z.email().max(254).optional(),
  memberships: z
    .array(z.strictObject({ role: z.enum(ROLES), committeeId: z.string().min(1).max(64).optional() }))
    .min(1)
    .max(20),
  active: z.boolean().optional().default(true),
})
export type UserInput = z.infer<typeof userInputSchema>

/** Body of `POST /api/v1/cases/{code}/reveal`. */
export const revealSchema = z.strictObject({ reason: text(2_000) })
