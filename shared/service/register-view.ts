/**
 * The outgoing register as staff read it (docs/documents.md#register): an entry's view and a
 * committee's register of a period. Apart from the document service so that the export function
 * (XLSX) reads the register without carrying the DOCX renderer.
 */
import type { LocalDate } from '../domain/dates.js'
import { templateById } from '../domain/documents/templates.js'
import { DomainError } from '../domain/errors.js'
import { type ActingUser, committeeRolesFor } from '../domain/policy.js'
import { createRegisterStore, type IssuedDocument } from '../store/register.js'
import type { Services } from './context.js'

/** One issued document as staff and the register list it. */
export interface DocumentView {
  readonly ref: string
  readonly committeeId: string
  readonly year: number
  readonly number: number
  readonly symbol: string
  readonly templateId: string
  readonly name: { readonly vi: string; readonly en: string }
  readonly caseCode: string
  readonly addressee: IssuedDocument['addressee']
  readonly recipientName?: string
  readonly summary: string
  readonly issuedOn: LocalDate
  readonly sha256: string
  readonly size: number
  readonly status: IssuedDocument['status']
  readonly cancelled?: IssuedDocument['cancelled']
}

/** The stable reference of an entry in links: `<committee>.<year>.<number>`. */
export const documentRef = (e: Pick<IssuedDocument, 'committeeId' | 'year' | 'number'>) =>
  `${e.committeeId}.${e.year}.${e.number}`

export function parseRef(ref: string): { committeeId: string; year: number; number: number } {
  const m = /^([a-z0-9_-]{1,64})\.(\d{4})\.(\d{1,6})$/.exec(ref)
  if (!m) throw new DomainError('document_not_found', 'no such document on this case', 404)
  return { committeeId: m[1]!, year: Number(m[2]), number: Number(m[3]) }
}

export function documentView(e: IssuedDocument): DocumentView {
  const template = templateById(e.templateId)
  return {
    ref: documentRef(e),
    committeeId: e.committeeId,
    year: e.year,
    number: e.number,
    symbol: e.symbol,
    templateId: e.templateId,
    name: { vi: template.name.vi, en: template.name.en },
    caseCode: e.caseCode,
    addressee: e.addressee,
    ...(e.recipientName ? { recipientName: e.recipientName } : {}),
    summary: e.summary,
    issuedOn: e.issuedOn,
    sha256: e.sha256,
    size: e.size,
    status: e.status,
    ...(e.cancelled ? { cancelled: e.cancelled } : {}),
  }
}

/**
 * A committee's register of a period (within one year: the register restarts each year): heads of
 * the committee or of one above it, and supervisors. Also the export function's (XLSX).
 */
export async function readRegister(
  s: Services,
  user: ActingUser,
  committeeId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<DocumentView[]> {
  const committees = (await s.settings.getCommittees()).value
  if (!committees.some((x) => x.id === committeeId))
    throw new DomainError('unknown_committee', `there is no committee '${committeeId}'`, 404)
  const reads =
    user.memberships.some((m) => m.role === 'supervisor') ||
    committeeRolesFor(user, committeeId, committees).has('committee_head')
  if (!reads)
    throw new DomainError(
      'not_allowed_for_role',
      "only heads and supervisors read a committee's register",
      403,
    )
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(to) ||
    from.slice(0, 4) !== to.slice(0, 4) ||
    from > to
  )
    throw new DomainError('invalid_period', 'a register period lies within one year, from ≤ to', 422, {
      field: 'from',
    })
  const register = createRegisterStore(s.db, s.tableName)
  return (await register.listYear(committeeId, Number(from.slice(0, 4)), from, to)).map(documentView)
}
