/**
 * A template and a context become one resolved document (docs/documents.md#layout): the header of
 * the chosen style, the title, the body with every placeholder filled, the copies and the
 * signature. The DOCX and the HTML preview both render this model and nothing else, so the two
 * cannot disagree.
 */
import type { LocalDate } from '../dates.js'
import { placeAndDate } from './dates.js'
import { DocumentError } from './templates.js'
import {
  type AnyTemplate,
  type Block,
  type CommonField,
  DOCUMENT_TYPES,
  type DocumentContext,
  type DocumentType,
  type FieldKey,
  type HeaderStyle,
  type Inline,
  PETITIONER_FIELDS,
} from './types.js'

/** One resolved block of the body. */
export interface ComposedBlock {
  readonly kind: 'recipient' | 'basis' | 'paragraph' | 'heading'
  readonly text: string
}

export interface DocumentModel {
  readonly templateId: string
  readonly style: HeaderStyle
  /** No register entry yet: the number is blank and the date is the preview's. */
  readonly draft: boolean
  /** The document's date: the issue date, or the preview's. */
  readonly date: LocalDate
  readonly header: {
    /** The issuing side: the superior body, the issuing body, the number/symbol, a letter's subject. */
    readonly superior?: string
    readonly issuer: string
    readonly reference: string
    readonly letterSubject?: string
    /** The Party's header or the national motto, first line bold, last line underlined. */
    readonly motto: readonly string[]
    readonly placeDate: string
  }
  /** Title and subject; a letter has neither (its subject is in the header). */
  readonly title?: { readonly name: string; readonly subject: string }
  readonly body: readonly ComposedBlock[]
  /** "Nơi nhận:" lines. */
  readonly copies: readonly string[]
  readonly signature: { readonly authority?: string; readonly title: string; readonly name: string }
}

const MOTTO: Record<HeaderStyle, readonly string[]> = {
  party: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
  state: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
}

/**
 * The number/symbol of a document. Party (the Party's format guidance): `12-TB/ĐUK`; State
 * (Decree 30/2020/NĐ-CP): `12/TB-ĐUK`, and a letter (công văn) `12/ĐUK`. Without a number
 * (a preview), the number is left as `…`.
 */
export function numberSymbol(
  style: HeaderStyle,
  type: DocumentType,
  issuerCode: string,
  number: number | undefined,
): string {
  const n = number === undefined ? '…' : String(number)
  const abbreviation = DOCUMENT_TYPES[type].abbreviation
  if (style === 'party') return `${n}-${abbreviation}/${issuerCode}`
  return type === 'letter' ? `${n}/${issuerCode}` : `${n}/${abbreviation}-${issuerCode}`
}

const IDENTITY_FIELDS: ReadonlySet<FieldKey> = new Set(PETITIONER_FIELDS)

function fieldValue(context: DocumentContext, key: FieldKey): string | undefined {
  if (IDENTITY_FIELDS.has(key)) {
    // Unreachable through the typed templates; kept so hand-built data cannot print an identity.
    if (context.addressee !== 'petitioner')
      throw new DocumentError('template_not_applicable', `'${key}' is printed only to the petitioner`, 409)
    return key === 'petitioner.name' ? context.petitioner.name : context.petitioner.address
  }
  if (key === 'recipient.name') return 'recipient' in context ? context.recipient.name : undefined
  return context.values[key as CommonField]
}

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

/** The text of a run of inlines, or undefined when an optional field in it has no value. */
function resolve(context: DocumentContext, inlines: readonly Inline[]): string | undefined {
  let out = ''
  for (const part of inlines) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    const value = fieldValue(context, part.field)
    if (value === undefined || value.trim() === '') {
      if (part.optional) return undefined
      missing(part.field)
    }
    out += value
  }
  return out
}

function composeBlock(context: DocumentContext, block: Block): ComposedBlock[] {
  if (block.type === 'text') {
    const value = fieldValue(context, block.field.field)
    const lines = (value ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
    if (lines.length === 0 && !block.field.optional) missing(block.field.field)
    return lines.map((text) => ({ kind: 'paragraph', text }))
  }
  const text = resolve(context, block.text)
  return text === undefined ? [] : [{ kind: block.type, text }]
}

/**
 * The resolved document. A template for another addressee than the context's →
 * `template_not_applicable` (409); a required field the case lacks → `document_field_missing` (422).
 */
export function composeDocument(template: AnyTemplate, context: DocumentContext): DocumentModel {
  if (template.addressee !== context.addressee)
    throw new DocumentError(
      'template_not_applicable',
      `template '${template.id}' is addressed to ${template.addressee}, not ${context.addressee}`,
      409,
      { templateId: template.id },
    )
  const { committee, register, style } = context
  const type = DOCUMENT_TYPES[template.type]
  const subject = resolve(context, template.subject) ?? ''
  const reference = numberSymbol(style, template.type, committee.issuerCode, register?.number)
  const keep = `- Lưu: Văn thư, hồ sơ ${context.caseCode}.`
  const date = register?.issuedOn ?? context.draftOn
  return {
    templateId: template.id,
    style,
    draft: register === undefined,
    date,
    header: {
      ...(committee.superior ? { superior: committee.superior.toLocaleUpperCase('vi') } : {}),
      issuer: committee.name.toLocaleUpperCase('vi'),
      reference: style === 'party' ? `Số ${reference}` : `Số: ${reference}`,
      ...(template.type === 'letter' ? { letterSubject: subject } : {}),
      motto: MOTTO[style],
      placeDate: placeAndDate(committee.place, date),
    },
    ...(template.type === 'letter' ? {} : { title: { name: type.name, subject } }),
    body: template.body.flatMap((b) => composeBlock(context, b as Block)),
    copies: context.addressee === 'archive' ? [keep] : ['- Như trên;', keep],
    signature: committee.signer,
  }
}
