/**
 * The shapes of an official document (docs/documents.md): who it is addressed to, under which
 * legal track, the fields it may print and the blocks of its body. Pure data, no rendering.
 *
 * Confidentiality by construction (docs/documents.md#confidentiality): the fields that identify the
 * petitioner (`petitioner.*`) exist only in the context of a document addressed to the petitioner,
 * and a template addressed to anyone else cannot name them, because its blocks are typed over the
 * fields of its addressee.
 */
import type { LocalDate } from '../dates.js'
import type { Action } from '../lifecycle.js'
import type { Kind } from '../vocabulary.js'

/** Who a document goes to. `other_body`: a competent or concerned body; `archive`: the file only. */
export const ADDRESSEES = ['petitioner', 'other_body', 'accused', 'archive'] as const
export type Addressee = (typeof ADDRESSEES)[number]

/**
 * The legal track a case runs on: the law that governs its documents. A complaint or a
 * denunciation about a breach of Party rules or discipline runs on the Party track.
 */
export const TRACKS = ['complaint', 'denunciation', 'recommendation_feedback', 'party_discipline'] as const
export type Track = (typeof TRACKS)[number]

/** Party bodies (Đảng Cộng sản Việt Nam header) or State bodies (national motto, Decree 30/2020/NĐ-CP). */
export const HEADER_STYLES = ['party', 'state'] as const
export type HeaderStyle = (typeof HEADER_STYLES)[number]

/**
 * Kinds of official document, each with the abbreviation of its number/symbol (`TB` in
 * `12/TB-ĐUK`). A letter (công văn) has no title and carries its subject (`V/v …`) under its number.
 */
export const DOCUMENT_TYPES = {
  notice: { name: 'THÔNG BÁO', abbreviation: 'TB' },
  decision: { name: 'QUYẾT ĐỊNH', abbreviation: 'QĐ' },
  conclusion: { name: 'KẾT LUẬN', abbreviation: 'KL' },
  transfer_slip: { name: 'PHIẾU CHUYỂN ĐƠN', abbreviation: 'PC' },
  guidance_slip: { name: 'PHIẾU HƯỚNG DẪN', abbreviation: 'PHD' },
  letter: { name: 'CÔNG VĂN', abbreviation: 'CV' },
} as const
export type DocumentType = keyof typeof DOCUMENT_TYPES

/** Fields every document may print: the case, the decision, the committee, the register. */
export const COMMON_FIELDS = [
  'case.code',
  'case.kindName',
  'case.instance',
  'case.receivedOn',
  'case.acceptedOn',
  'case.deadline',
  'case.deadlineBasis',
  'committee.name',
  'committee.superior',
  'decision.reason',
  'decision.reasonBasis',
  'decision.target',
  'decision.guidance',
  'decision.extensionDays',
  'decision.extensionReason',
  'decision.answer',
  'decision.outcome',
  'decision.contentSummary',
  'register.issuedOn',
] as const
export type CommonField = (typeof COMMON_FIELDS)[number]

/** The petitioner's name and address: only in a document addressed to the petitioner. */
export const PETITIONER_FIELDS = ['petitioner.name', 'petitioner.address'] as const
export type PetitionerField = (typeof PETITIONER_FIELDS)[number]

/** The body or person a document to someone other than the petitioner is addressed to. */
export const RECIPIENT_FIELDS = ['recipient.name'] as const
export type RecipientField = (typeof RECIPIENT_FIELDS)[number]

export type FieldKey = CommonField | PetitionerField | RecipientField

/** The fields a document to this addressee may print. */
export type FieldsFor<A extends Addressee> = A extends 'petitioner'
  ? CommonField | PetitionerField
  : A extends 'archive'
    ? CommonField
    : CommonField | RecipientField

/** A placeholder for one field. `optional`: printed as nothing when the case has no value. */
export interface FieldRef<K extends FieldKey = FieldKey> {
  readonly field: K
  readonly optional?: true
}

/** Running text: literal words and field placeholders, in order. */
export type Inline<K extends FieldKey = FieldKey> = string | FieldRef<K>

/**
 * A block of the body. `recipient`: the "Kính gửi: …" line; `basis`: a "Căn cứ …" line of a
 * decision (italic); `paragraph`: running text; `text`: a multi-line field (the answer, the
 * reasons), one paragraph per line; `heading`: a centred bold line ("QUYẾT ĐỊNH:").
 */
export type Block<K extends FieldKey = FieldKey> =
  | { readonly type: 'recipient'; readonly text: readonly Inline<K>[] }
  | { readonly type: 'basis'; readonly text: readonly Inline<K>[] }
  | { readonly type: 'paragraph'; readonly text: readonly Inline<K>[] }
  | { readonly type: 'heading'; readonly text: readonly Inline<K>[] }
  | { readonly type: 'text'; readonly field: FieldRef<K> }

/** A legal source: the article and the instrument, in Vietnamese and English. */
export interface Citation {
  readonly vi: string
  readonly en: string
  /** The article could not be checked against the instrument's own text. */
  readonly confirm?: true
}

/**
 * The official form a template follows. `confirm: true` (docs/documents.md#templates): the
 * number could not be checked against the instrument's own text; check it before relying on it.
 */
export interface FormReference {
  readonly instrument: string
  readonly number?: string
  readonly confirm: boolean
}

/** One document template: when it applies, what it follows, and its body. */
export interface Template<A extends Addressee = Addressee> {
  readonly id: string
  /** Lifecycle actions (TRANSITIONS) whose decision this document records. */
  readonly actions: readonly Action[]
  readonly tracks: readonly Track[]
  /** The kinds of case it is written for (within its tracks). */
  readonly kinds: readonly Kind[]
  readonly addressee: A
  readonly type: DocumentType
  /** Vietnamese and English names, for lists and the register. */
  readonly name: Citation
  /** The subject line: "Về việc …" under the title, or "V/v …" under the number of a letter. */
  readonly subject: readonly Inline<FieldsFor<A>>[]
  readonly basis: readonly Citation[]
  readonly form: FormReference
  readonly body: readonly Block<FieldsFor<A>>[]
}

/** Any template, whatever its addressee. */
export type AnyTemplate = { [A in Addressee]: Template<A> }[Addressee]

/** The committee that issues a document, as its header and signature show it. */
export interface IssuingCommittee {
  /** Its name as written in a sentence ("Đảng ủy Khối các cơ quan Trung ương"). */
  readonly name: string
  /** The superior body printed above it in the header, when it has one. */
  readonly superior?: string
  /** The place written before the date ("Hà Nội"). */
  readonly place: string
  /** The abbreviation of the body in number/symbols (`ĐUK` in `12/TB-ĐUK`). */
  readonly issuerCode: string
  readonly signer: {
    /** "T/M BAN THƯỜNG VỤ", "K/T CHỦ NHIỆM", … when the signer signs on behalf of a body. */
    readonly authority?: string
    readonly title: string
    readonly name: string
  }
}

/** The document's place in the outgoing register; absent on a preview before issuing. */
export interface RegisterEntry {
  readonly number: number
  readonly issuedOn: LocalDate
}

/** Field values every document may print (strings already in the document's words). */
export type CommonValues = { readonly [K in CommonField]?: string }

interface ContextBase {
  readonly style: HeaderStyle
  readonly committee: IssuingCommittee
  readonly register?: RegisterEntry
  /** The date printed when the document has no register entry yet (a preview). */
  readonly draftOn: LocalDate
  readonly caseCode: string
  readonly values: CommonValues
}

/**
 * What a document may print, by addressee. Only the petitioner's context carries the
 * petitioner's name and address; the others have no field to put them in.
 */
export type DocumentContext<A extends Addressee = Addressee> = A extends 'petitioner'
  ? ContextBase & {
      readonly addressee: 'petitioner'
      readonly petitioner: { readonly name: string; readonly address?: string }
    }
  : A extends 'archive'
    ? ContextBase & { readonly addressee: 'archive' }
    : ContextBase & { readonly addressee: A; readonly recipient: { readonly name: string } }
