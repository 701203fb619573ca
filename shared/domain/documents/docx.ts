/**
 * The DOCX of a composed document (docs/documents.md#layout): A4, margins within Decree
 * 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 pt for the
 * body, the header as a two-column borderless table, the copies and the signature as another.
 *
 * The bytes depend on the document only: the `docx` package stamps the packing time into the ZIP
 * entries and the core properties, so both are set to the document's own date before hashing, and
 * the same document always gives the same SHA-256 (what the history records).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { ComposedBlock, DocumentModel } from './compose.js'

/** A4 in twips (210 × 297 mm). */
const PAGE = { width: 11906, height: 16838 }
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const
const TEXT_WIDTH =
  PAGE.width - convertMillimetersToTwip(MARGINS_MM.left) - convertMillimetersToTwip(MARGINS_MM.right)
/** Share of the text width given to the issuing side of the header and to the copies. */
const LEFT_SHARE = 0.44
const FONT = 'Times New Roman'
/** Font sizes in half-points. */
const SIZE = { body: 28, header: 26, small: 24, copies: 22 } as const

interface RunStyle {
  readonly bold?: boolean
  readonly italics?: boolean
  readonly size?: number
}

function para(
  text: string,
  style: RunStyle & {
    readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType]
    readonly firstLine?: boolean
    readonly before?: number
    readonly after?: number
    /** A short rule under the line (the line under the issuer and under the motto). */
    readonly rule?: boolean
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    ...(style.firstLine ? { indent: { firstLine: convertMillimetersToTwip(10) } } : {}),
    children: [
      new TextRun({
        text,
        font: FONT,
        size: style.size ?? SIZE.body,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
      }),
    ],
  })
}

/** A centred rule about a third of the column wide, as the layout rules draw under the issuer and the motto. */
function rule(columnWidth: number): Paragraph {
  const side = Math.round(columnWidth * 0.3)
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  })
}

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const leftWidth = Math.round(TEXT_WIDTH * LEFT_SHARE)
  const widths = [leftWidth, TEXT_WIDTH - leftWidth]
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, widths[0]!), cell(right, widths[1]!)] })],
  })
}

function header(model: DocumentModel): Table {
  const h = model.header
  const leftWidth = Math.round(TEXT_WIDTH * LEFT_SHARE)
  const left: Paragraph[] = []
  if (h.superior) left.push(para(h.superior, { size: SIZE.header }))
  left.push(para(h.issuer, { size: SIZE.header, bold: true }))
  // Party documents mark the issuer with a star; State documents rule a line under it.
  left.push(model.style === 'party' ? para('*', { size: SIZE.header }) : rule(leftWidth))
  left.push(para(h.reference, { size: SIZE.header }))
  if (h.letterSubject) left.push(para(h.letterSubject, { size: SIZE.small, before: 60 }))
  const rightWidth = TEXT_WIDTH - leftWidth
  const right: Paragraph[] = h.motto.map((line, i) =>
    para(line, { bold: true, size: i === 0 && h.motto.length > 1 ? SIZE.small : SIZE.header }),
  )
  right.push(rule(rightWidth))
  right.push(para(h.placeDate, { italics: true, size: SIZE.header }))
  return twoColumns(left, right)
}

function bodyParagraph(block: ComposedBlock): Paragraph {
  switch (block.kind) {
    case 'recipient':
      return para(block.text, { before: 120, after: 120 })
    case 'heading':
      return para(block.text, { bold: true, before: 120, after: 60 })
    case 'basis':
      return para(block.text, { italics: true, align: AlignmentType.JUSTIFIED, firstLine: true, before: 60 })
    case 'paragraph':
      return para(block.text, { align: AlignmentType.JUSTIFIED, firstLine: true, before: 120 })
  }
}

function closing(model: DocumentModel): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: SIZE.small, align: AlignmentType.LEFT }),
    ...model.copies.map((c) => para(c, { size: SIZE.copies, align: AlignmentType.LEFT })),
  ]
  const s = model.signature
  const right = [
    ...(s.authority ? [para(s.authority, { bold: true })] : []),
    para(s.title, { bold: true }),
    // Room for the signature and the seal.
    para('', { after: 1200 }),
    para(s.name, { bold: true }),
  ]
  return twoColumns(left, right)
}

/** The Word document of a composed model, before packing. */
export function buildDocx(model: DocumentModel): Document {
  const children: (Paragraph | Table)[] = [header(model)]
  if (model.title) {
    children.push(para(model.title.name, { bold: true, before: 360 }))
    children.push(para(model.title.subject, { bold: true }))
  }
  children.push(...model.body.map(bodyParagraph))
  children.push(para('', { after: 240 }), closing(model))
  return new Document({
    creator: model.header.issuer,
    title: model.title ? `${model.title.name} ${model.title.subject}` : (model.header.letterSubject ?? ''),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
            },
          },
        },
        children,
      },
    ],
  })
}

/** The rendered file: its bytes and their SHA-256 in hex. */
export interface RenderedDocument {
  readonly bytes: Uint8Array
  readonly sha256: string
  readonly contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}

const CONTENT_TYPES = '[Content_Types].xml'
const W3CDTF = /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g

/** Repacks the archive with the document's date in place of the packing time. */
function stamp(bytes: Uint8Array, on: string): Uint8Array {
  const instant = `${on}T00:00:00Z`
  const files = unzipSync(bytes)
  const core = files['docProps/core.xml']
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(W3CDTF, `$1${instant}$2`))
  // ZIP stores local time without a zone; noon keeps the day whatever zone reads it.
  const mtime = new Date(`${on}T12:00:00Z`)
  // The content types first, as Word writes them: tools that sniff a DOCX read the first entry.
  const names = Object.keys(files).sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES))
  return zipSync(Object.fromEntries(names.map((name) => [name, [files[name]!, { mtime }]])), { level: 6 })
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The DOCX bytes of a composed document and their SHA-256. The document's date (the issue date,
 * or the preview's) is stamped into the file in place of the clock.
 */
export async function renderDocx(model: DocumentModel): Promise<RenderedDocument> {
  const packed = await Packer.pack(buildDocx(model), 'uint8array')
  const bytes = stamp(packed, model.date)
  return {
    bytes,
    sha256: await sha256Hex(bytes),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  }
}
