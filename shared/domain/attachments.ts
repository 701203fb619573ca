/**
 * Attachments, the pure part: which documents are accepted, how their type is read from the
 * content (never from the name), and how a filename is made safe to store and show.
 *
 * Accepted: PDF, JPEG, PNG, DOCX; at most 5 files per case, 10 MB each (the limits).
 */

export const ATTACHMENT_TYPES = ['pdf', 'jpeg', 'png', 'docx'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

export const MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

export const EXTENSIONS: Record<AttachmentType, string> = {
  pdf: 'pdf',
  jpeg: 'jpg',
  png: 'png',
  docx: 'docx',
}

/** Files per case, counting every upload in flight. */
export const MAX_ATTACHMENTS = 5
/** Bytes per file. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
/**
 * The whole submit form with its files when posted without JavaScript (multipart): in AWS the
 * body reaches the function base64-encoded inside a Lambda event of at most 6 MB (6,291,456
 * bytes), so 4/3 of the body plus the event's headers must fit: 4.4 MB leaves ~420 KB of headroom.
 * One constant for the form's hint, the early refusal and the README. Larger files go through the
 * upload links (`POST /api/v1/petitions/{code}/attachments`), straight to storage.
 */
export const MAX_FORM_UPLOAD_BYTES = 4_400_000
/** The limit as people read it, e.g. "4,4 MB" / "4.4 MB". */
export function formUploadLimitText(lang: 'vi' | 'en'): string {
  const mb = (MAX_FORM_UPLOAD_BYTES / 1_000_000).toFixed(1)
  return `${lang === 'vi' ? mb.replace('.', ',') : mb} MB`
}
/** Characters kept of an original filename. */
export const MAX_FILENAME_CHARS = 120

/** The attachment type of a media type as a browser or a client declares it. */
export function typeOfMediaType(mediaType: string): AttachmentType | undefined {
  const base = mediaType.split(';')[0]?.trim().toLowerCase()
  if (base === 'image/jpg' || base === 'image/pjpeg') return 'jpeg'
  return ATTACHMENT_TYPES.find((t) => MEDIA_TYPES[t] === base)
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04] // PK\3\4

/** Bytes a caller reads from the start of a file for `sniffHead`. */
export const HEAD_BYTES = 16

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)
}

/**
 * What the first bytes say: a PDF, JPEG or PNG for sure; 'zip' when it may be a DOCX (the
 * central directory decides, see `isDocxDirectory`); undefined for anything else (an .exe starts
 * with MZ, a renamed text file with text).
 */
export function sniffHead(head: Uint8Array): AttachmentType | 'zip' | undefined {
  if (startsWith(head, PDF)) return 'pdf'
  if (startsWith(head, JPEG)) return 'jpeg'
  if (startsWith(head, PNG)) return 'png'
  if (startsWith(head, ZIP_LOCAL)) return 'zip'
  return undefined
}

/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
export const ZIP_TAIL_BYTES = 22 + 0xffff
/** A DOCX's central directory is a few KB; more than this is not a document we accept. */
export const MAX_ZIP_DIRECTORY_BYTES = 1024 * 1024

export interface ZipDirectoryLocation {
  /** Offset of the central directory from the start of the file. */
  readonly offset: number
  readonly size: number
  readonly entries: number
  /** Offset of the end-of-central-directory record. */
  readonly end: number
}

/**
 * Finds the end-of-central-directory record in the last bytes of a ZIP file (`tail`, which ends at
 * the file's end) and returns where the central directory is. Undefined when there is none or it
 * points outside the file.
 */
export function locateZipDirectory(tail: Uint8Array, fileSize: number): ZipDirectoryLocation | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue
    const commentLength = view.getUint16(i + 20, true)
    if (i + 22 + commentLength !== tail.length) continue
    const entries = view.getUint16(i + 10, true)
    const size = view.getUint32(i + 12, true)
    const offset = view.getUint32(i + 16, true)
    const eocdAt = fileSize - tail.length + i
    if (offset + size > eocdAt || size > MAX_ZIP_DIRECTORY_BYTES) return undefined
    return { offset, size, entries, end: eocdAt }
  }
  return undefined
}

/** The entry names of a ZIP central directory (stops at the first malformed record). */
export function zipEntryNames(directory: Uint8Array): string[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength)
  const names: string[] = []
  const decoder = new TextDecoder('utf-8', { fatal: false })
  let at = 0
  while (at + 46 <= directory.length && view.getUint32(at, true) === 0x02014b50) {
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > directory.length) break
    names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}

/** A Word document: a ZIP whose directory holds `[Content_Types].xml` and the `word/` part. */
export function isDocxDirectory(names: readonly string[]): boolean {
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'))
}

/**
 * The type of a whole file held in memory (the no-JavaScript upload path and tests); the stores
 * use the same steps with range reads.
 */
export function sniffBytes(bytes: Uint8Array): AttachmentType | undefined {
  const head = sniffHead(bytes.subarray(0, HEAD_BYTES))
  if (head !== 'zip') return head
  const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL_BYTES))
  const where = locateZipDirectory(tail, bytes.length)
  if (!where) return undefined
  return isDocxDirectory(zipEntryNames(bytes.subarray(where.offset, where.offset + where.size)))
    ? 'docx'
    : undefined
}

/**
 * A filename safe to store and to show: no path, no control or bidi characters, no characters
 * that mean something to a shell or a header, at most 120 characters, and the extension of the
 * type found in the content (a `.pdf` that is a PNG is stored as `.png`).
 */
export function sanitizeFilename(original: string, type: AttachmentType): string {
  const base = original.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["<>:|?*;`$\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  const stem = cleaned
    .replace(/\.[^.]{1,8}$/, '')
    .replace(/^\.+/, '')
    .trim()
  const ext = EXTENSIONS[type]
  const kept = (stem || 'tai-lieu').slice(0, MAX_FILENAME_CHARS - ext.length - 1)
  return `${kept}.${ext}`
}

/**
 * The name of a document that may identify a denouncer (Law 25/2018 Arts. 8, 9): its original
 * name often is the denouncer's own ("Nguyễn Văn An - đơn.pdf"), so it is treated as identity and
 * the document is known by its ordinal on the case and its type everywhere it is listed or linked.
 */
export function neutralFilename(type: AttachmentType, ordinal?: number): string {
  if (ordinal === undefined) return `Tài liệu hạn chế.${EXTENSIONS[type]}`
  return `Tài liệu ${Math.max(1, Math.trunc(ordinal))}.${EXTENSIONS[type]}`
}

/** One file a client is about to upload (validated by http/attachment-schemas.ts). */
export interface AttachmentDeclaration {
  readonly name: string
  /** The media type the client will send (must be one of the accepted four). */
  readonly type: string
  /** Exact size in bytes: the upload URL is signed for it. */
  readonly size: number
  /**
   * The uploader says the document does not identify them (a photo of the site, a public record):
   * only then is a denouncer's document open to every handler of the case. Default: it does.
   */
  readonly contentOnly?: boolean
}
