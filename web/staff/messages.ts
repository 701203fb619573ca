/**
 * The staff workspace's messages, Vietnamese first. Spread into web/messages/vi.ts and en.ts so
 * that `t()` and the i18n test cover them like every other key; `staffEn` must have exactly these
 * keys (the type says so). One module per section in messages/, each a Vietnamese and an English
 * record with the same keys.
 */
import { accountabilityEn, accountabilityVi } from './messages/accountability.js'
import { adminEn, adminVi } from './messages/admin.js'
import { caseEn, caseVi } from './messages/case.js'
import { commonEn, commonVi } from './messages/common.js'
import { receptionEn, receptionVi } from './messages/reception.js'
import { reportsEn, reportsVi } from './messages/reports.js'

export const staffVi = {
  ...commonVi,
  ...caseVi,
  ...receptionVi,
  ...accountabilityVi,
  ...reportsVi,
  ...adminVi,
} as const

export const staffEn: Record<keyof typeof staffVi, string> = {
  ...commonEn,
  ...caseEn,
  ...receptionEn,
  ...accountabilityEn,
  ...reportsEn,
  ...adminEn,
}
