/**
 * The context a document is rendered from, built for one addressee (docs/documents.md#fields).
 * The source may carry the petitioner's full identity (the staff case page has it); the context
 * copies the name and address out of it only for a document addressed to the petitioner, and
 * never the contact details or the identity number, which no document prints.
 */
import { type LocalDate, vietnamDate } from '../dates.js'
import { OUTCOMES, REFUSAL_REASONS } from '../reasons.js'
import type { ActionInput } from '../schemas.js'
import type { Kind } from '../vocabulary.js'
import { documentDate } from './dates.js'
import { DocumentError } from './templates.js'
import type {
  Addressee,
  CommonValues,
  DocumentContext,
  HeaderStyle,
  IssuingCommittee,
  RegisterEntry,
} from './types.js'

/** The petitioner as the case file holds them (after unsealing); only name and address are ever printed. */
export interface PetitionerIdentity {
  readonly fullName: string
  readonly address?: string
  readonly phone?: string
  readonly email?: string
  readonly idNumber?: string
}

/** Everything a document may draw on. A `CaseRecord` fits `case`; an `ActionInput` is the `decision`. */
export interface DocumentSource {
  readonly case: {
    readonly code: string
    readonly kind: Kind
    readonly receivedOn: LocalDate
    readonly facts: { readonly instance: 1 | 2 }
    readonly history: readonly { readonly type: string; readonly at: string }[]
  }
  /** The decision the document records: the action's input as the action form sends it. */
  readonly decision: ActionInput
  readonly style: HeaderStyle
  readonly committee: IssuingCommittee
  /** Absent on a preview before the document is numbered. */
  readonly register?: RegisterEntry
  /** The date a preview prints (the day of the preview), when there is no register entry. */
  readonly draftOn: LocalDate
  /** The deadline the document announces (resolution, or the extended one) and its legal basis. */
  readonly deadline?: { readonly dueDate: LocalDate; readonly basis: string }
  /** Name of the receiving committee of an internal transfer (`toCommitteeId`). */
  readonly transferTarget?: string
  /** The handler's summary of a denunciation's content, for the accused (never the petition's text). */
  readonly contentSummary?: string
  /** The body or person a document to someone other than the petitioner goes to. */
  readonly recipient?: { readonly name: string }
  /** The petitioner's identity, when the caller holds it. Copied only into the petitioner's context. */
  readonly petitioner?: PetitionerIdentity
}

export const KIND_NAMES: Record<Kind, string> = {
  complaint: 'khiếu nại',
  denunciation: 'tố cáo',
  recommendation: 'kiến nghị',
  feedback: 'phản ánh',
}

const COMPLEXITY_NAMES = { complex: 'vụ việc phức tạp', especially_complex: 'vụ việc đặc biệt phức tạp' }

function missing(field: string): never {
  throw new DocumentError(
    'document_field_missing',
    `the document needs '${field}', which the case does not have`,
    422,
    {
      field,
    },
  )
}

/** The day the case was accepted: the issue day when the document records the acceptance itself. */
function acceptedOn(source: DocumentSource): LocalDate | undefined {
  if (source.decision.action === 'accept') return source.register?.issuedOn ?? source.draftOn
  const accepted = source.case.history.filter((e) => e.type === 'accepted').at(-1)
  return accepted ? vietnamDate(accepted.at) : undefined
}

function decisionValues(source: DocumentSource): CommonValues {
  const d = source.decision
  switch (d.action) {
    case 'refuse': {
      const reason = REFUSAL_REASONS[d.reason]
      return { 'decision.reason': reason.vi, 'decision.reasonBasis': reason.basis }
    }
    case 'transfer': {
      const target = d.toBody ?? source.transferTarget
      return target ? { 'decision.target': target } : {}
    }
    case 'guide':
      return { 'decision.guidance': d.guidance }
    case 'extend':
      return {
        'decision.extensionReason': `${COMPLEXITY_NAMES[d.complexity]}: ${d.reason}`,
        ...(d.days !== undefined ? { 'decision.extensionDays': String(d.days) } : {}),
      }
    case 'resolve':
      return { 'decision.answer': d.answer, 'decision.outcome': OUTCOMES[d.outcome].vi }
    default:
      return {}
  }
}

function commonValues(source: DocumentSource): CommonValues {
  const accepted = acceptedOn(source)
  const issuedOn = source.register?.issuedOn ?? source.draftOn
  return {
    'case.code': source.case.code,
    'case.kindName': KIND_NAMES[source.case.kind],
    'case.instance': source.case.facts.instance === 2 ? 'lần hai' : 'lần đầu',
    'case.receivedOn': documentDate(source.case.receivedOn),
    ...(accepted ? { 'case.acceptedOn': documentDate(accepted) } : {}),
    ...(source.deadline
      ? {
          'case.deadline': documentDate(source.deadline.dueDate),
          'case.deadlineBasis': source.deadline.basis,
        }
      : {}),
    'committee.name': source.committee.name,
    ...(source.committee.superior ? { 'committee.superior': source.committee.superior } : {}),
    ...(source.contentSummary ? { 'decision.contentSummary': source.contentSummary } : {}),
    'register.issuedOn': documentDate(issuedOn),
    ...decisionValues(source),
  }
}

/**
 * The context of a document to `addressee`. Only the petitioner's context names the petitioner
 * (and only by name and address); a document to the petitioner of an anonymous case, or to a
 * recipient the caller did not name, → `document_field_missing` (422).
 */
export function contextFor<A extends Addressee>(source: DocumentSource, addressee: A): DocumentContext<A> {
  const base = {
    style: source.style,
    committee: source.committee,
    ...(source.register ? { register: source.register } : {}),
    draftOn: source.draftOn,
    caseCode: source.case.code,
    values: commonValues(source),
  }
  const context = ((): DocumentContext => {
    switch (addressee) {
      case 'petitioner': {
        const who = source.petitioner ?? missing('petitioner')
        const petitioner = who.address ? { name: who.fullName, address: who.address } : { name: who.fullName }
        return { ...base, addressee: 'petitioner', petitioner }
      }
      case 'archive':
        return { ...base, addressee: 'archive' }
      default: {
        const target = source.decision.action === 'transfer' ? base.values['decision.target'] : undefined
        const name = source.recipient?.name ?? target ?? missing('recipient')
        return { ...base, addressee: addressee as 'other_body' | 'accused', recipient: { name } }
      }
    }
  })()
  // The switch above builds the context of `addressee` itself; TypeScript cannot narrow a generic by it.
  return context as DocumentContext<A>
}
