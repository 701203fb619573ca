/**
 * The structure of an accepted document, beyond its first bytes: a file that starts like a PDF
 * or a ZIP is read through before it is kept, because the first bytes are what an attacker
 * chooses first (a PDF header over an HTML page, a DOCX that carries macros, a ZIP that inflates
 * a thousand times). Pure: bytes in, the rule broken (or nothing) out.
 *
 * What is refused, and why:
 * - PDF: no `%PDF-x.y` header, no `%%EOF` and `startxref` near the end, no cross-reference table
 *   or stream → `malformed_document` (offsets are not checked exactly: readers repair them, and
 *   cheap scanners get them wrong). HTML or SVG markup outside the streams → `pdf_markup_body`
 *   (no PDF syntax starts with `<h`, `<s`, `<i`…: hex strings hold hex digits only). Names that
 *   run code, open programs or carry other files (`/JavaScript`, `/JS`, `/Launch`,
 *   `/EmbeddedFile(s)`, `/RichMedia`, `/ImportData`, `/GoToE`), also spelt with `#xx` escapes and
 *   inside compressed object streams, never inside a string or a comment → `pdf_active_content`. Links (`/URI`) and an opening view
 *   (`/OpenAction` to a page) stay: petitions cite laws by link, and neither runs code. An object
 *   stream that cannot be decoded (an unknown filter, an encrypted file) cannot be inspected, so
 *   it is refused as `malformed_document`.
 * - DOCX: read as a ZIP from its central directory. Multi-disk, ZIP64 or encrypted entries,
 *   duplicate names, entries outside the file, or a missing `[Content_Types].xml` or
 *   `word/document.xml` → `malformed_document`; a name with `..`, a leading `/`, a drive or a
 *   backslash → `archive_unsafe_name`; more than `MAX_ARCHIVE_ENTRIES` entries, more than
 *   `MAX_ARCHIVE_INFLATED_BYTES` declared, a ratio above `MAX_ARCHIVE_RATIO`, or an entry that
 *   inflates beyond its declared size (every entry is inflated, in small steps, and stopped at its
 *   declared size) → `archive_bomb`; a VBA project, ActiveX controls, a macro-enabled content type
 *   or an external attached template (which fetches macros when opened) → `docx_macros`.
 * - Images: a PNG without its IHDR, or an image above `MAX_IMAGE_PIXELS` (a decompression bomb
 *   when a viewer or a thumbnailer decodes it) → `malformed_document` / `image_too_large`.
 */
import { Inflate, Unzlib } from 'fflate'
import { type AttachmentType, locateZipDirectory, ZIP_TAIL_BYTES } from './attachments.js'

export const STRUCTURE_RULES = [
  'malformed_document',
  'pdf_markup_body',
  'pdf_active_content',
  'docx_macros',
  'archive_bomb',
  'archive_unsafe_name',
  'image_too_large',
] as const
export type StructureRule = (typeof STRUCTURE_RULES)[number]

/** A Word document has tens of parts, a few hundred with many images. */
export const MAX_ARCHIVE_ENTRIES = 1000
/** What all the parts of a DOCX may inflate to together. */
export const MAX_ARCHIVE_INFLATED_BYTES = 100 * 1024 * 1024
/** Inflated ÷ compressed, over the whole archive (Word's XML compresses ~10×, images ~1×). */
export const MAX_ARCHIVE_RATIO = 100
/** Below this many inflated bytes the ratio does not matter: nothing small is a bomb. */
const RATIO_FLOOR_BYTES = 1024 * 1024
/** What a PDF's object streams may inflate to together. */
export const MAX_PDF_OBJECT_STREAM_BYTES = 64 * 1024 * 1024
/** Pixels of a photo or a scan (a 48 MP phone photo passes). */
export const MAX_IMAGE_PIXELS = 100_000_000

/** Input is fed to the inflater this many bytes at a time, so no single step outputs more than ~4 MB. */
const INFLATE_STEP = 4096

/**
 * The rule a file of this type breaks by its structure, or undefined when it is sound.
 * `type` is what `sniffBytes` found.
 */
export function checkDocumentStructure(type: AttachmentType, bytes: Uint8Array): StructureRule | undefined {
  switch (type) {
    case 'pdf':
      return checkPdf(bytes)
    case 'docx':
      return checkDocx(bytes)
    case 'png':
      return checkPng(bytes)
    case 'jpeg':
      return checkJpeg(bytes)
  }
}

// ---------------------------------------------------------------------------------------------
// PDF

/** Markup a browser would render: never PDF syntax outside a stream. */
const MARKUP = /<\s*(?:!doctype\s+html|html|head|body|svg|script|iframe|object|embed|meta|img|a\s)/i
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'ImportData',
  'GoToE',
])
/** A PDF name: `/` and regular characters up to a delimiter or white space (ISO 32000-1 §7.3.5). */
const NAME = /\/([^\s/<>[\](){}%]*)/g

/**
 * One byte per character, so offsets in the text are offsets in the file. `apply` on 8 KB slices,
 * joined once: ~100 ms for 10 MB, where spreading 32 KB slices into a growing string took ~1.2 s.
 */
function latin1(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += 8192) {
    // Reflect.apply takes the typed array as it is (an array-like), as Function#apply does.
    const chunk: string = Reflect.apply(String.fromCharCode, null, bytes.subarray(i, i + 8192))
    parts.push(chunk)
  }
  return parts.join('')
}

function hasActiveName(text: string): boolean {
  for (const m of text.matchAll(NAME)) {
    const raw = m[1] ?? ''
    const name = raw.includes('#')
      ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      : raw
    if (ACTIVE_NAMES.has(name)) return true
  }
  return false
}

interface PdfStream {
  /** The syntax between the previous stream (or the start) and the `stream` keyword: holds its dictionary. */
  readonly before: string
  readonly start: number
  readonly end: number
}

/** White space and delimiters end a keyword or a name (ISO 32000-1 §7.2.2). */
const isRegular = (c: number) => !(Number.isNaN(c) || /[\s\0()<>[\]{}/%]/.test(String.fromCharCode(c)))

/**
 * Reads a PDF as a reader does, enough to tell where names are: literal strings `( … )` (nested,
 * with backslash escapes) and comments are not syntax, so a `(stream` in a string hides nothing;
 * the keyword `stream` starts binary data up to `endstream`. Returns what lies outside the stream
 * data (`outside`, where markup is looked for), the syntax alone (`syntax`, where names are), and
 * the streams; undefined when a stream has no end.
 */
function scanPdf(text: string): { outside: string; syntax: string; streams: PdfStream[] } | undefined {
  const outside: string[] = []
  const syntax: string[] = []
  const streams: PdfStream[] = []
  let run: string[] = [] // syntax since the previous stream
  let outsideFrom = 0
  let syntaxFrom = 0
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x28) {
      run.push(text.slice(syntaxFrom, i), ' ')
      let depth = 1
      i++
      while (i < n && depth > 0) {
        const d = text.charCodeAt(i)
        if (d === 0x5c) i += 2
        else {
          if (d === 0x28) depth++
          else if (d === 0x29) depth--
          i++
        }
      }
      syntaxFrom = i
      continue
    }
    if (c === 0x25) {
      run.push(text.slice(syntaxFrom, i), ' ')
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++
      syntaxFrom = i
      continue
    }
    if (c === 0x73 && text.startsWith('stream', i) && !isRegular(text.charCodeAt(i - 1))) {
      const after = i + 'stream'.length
      const eol = text.startsWith('\r\n', after) ? 2 : text[after] === '\n' || text[after] === '\r' ? 1 : 0
      if (eol > 0) {
        const start = after + eol
        const end = text.indexOf('endstream', start)
        if (end < 0) return undefined
        run.push(text.slice(syntaxFrom, i))
        const before = run.join('')
        syntax.push(before, '\n')
        outside.push(text.slice(outsideFrom, i), '\n')
        streams.push({ before: before.slice(before.lastIndexOf('obj')), start, end })
        run = []
        i = end + 'endstream'.length
        outsideFrom = i
        syntaxFrom = i
        continue
      }
    }
    i++
  }
  run.push(text.slice(syntaxFrom))
  syntax.push(run.join(''))
  outside.push(text.slice(outsideFrom))
  return { outside: outside.join(''), syntax: syntax.join(''), streams }
}

/**
 * Inflates a zlib (or, `raw`, a bare deflate) stream, at most `budget` bytes: 'too_large' beyond,
 * undefined when it is not such a stream. `keep: false` only counts (the parts nobody reads).
 */
function inflateCapped(
  data: Uint8Array,
  budget: number,
  { raw = false, keep = true }: { raw?: boolean; keep?: boolean } = {},
): { bytes: Uint8Array[]; size: number } | 'too_large' | undefined {
  const chunks: Uint8Array[] = []
  let size = 0
  let over = false
  const onData = (chunk: Uint8Array) => {
    size += chunk.length
    if (size > budget) over = true
    else if (keep) chunks.push(chunk)
  }
  const inflater = raw ? new Inflate(onData) : new Unzlib(onData)
  try {
    if (data.length === 0) inflater.push(data, true)
    for (let i = 0; i < data.length && !over; i += INFLATE_STEP)
      inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length)
  } catch {
    return over ? 'too_large' : undefined
  }
  return over ? 'too_large' : { bytes: chunks, size }
}

function checkPdf(bytes: Uint8Array): StructureRule | undefined {
  const text = latin1(bytes)
  if (!/^%PDF-[12]\.\d/.test(text)) return 'malformed_document'
  // ISO 32000 puts `%%EOF` on the last line; readers look in the last 1 KB after any padding
  // (white space, NULs) that uploaders and mail gateways leave behind.
  let last = text.length
  while (last > 0 && /[\s\0]/.test(text[last - 1]!)) last--
  const tail = text.slice(Math.max(0, last - 2048), last)
  const startxref = tail.lastIndexOf('startxref')
  if (startxref < 0 || !tail.includes('%%EOF', startxref)) return 'malformed_document'
  const offset = /^startxref\s+(\d+)\s/.exec(tail.slice(startxref))?.[1]
  if (offset === undefined || Number(offset) >= bytes.length) return 'malformed_document'
  const scanned = scanPdf(text)
  if (!scanned) return 'malformed_document'
  const { outside, syntax, streams } = scanned
  if (!/(?<![a-z])xref\b/.test(syntax) && !/\/Type\s*\/XRef\b/.test(syntax)) return 'malformed_document'
  if (MARKUP.test(outside)) return 'pdf_markup_body'
  if (hasActiveName(syntax)) return 'pdf_active_content'
  // Object streams (PDF 1.5) hold dictionaries compressed: what is hidden there is looked for too.
  let budget = MAX_PDF_OBJECT_STREAM_BYTES
  for (const s of streams) {
    const dict = s.before
    if (!/\/Type\s*\/ObjStm\b/.test(dict)) continue
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]]+)/.exec(dict)?.[1]
    const data = bytes.subarray(s.start, s.end)
    let content: string
    if (filter === undefined) content = latin1(data)
    else if (filter.replace(/[[\]\s]/g, '') === '/FlateDecode') {
      const inflated = inflateCapped(data, budget)
      if (inflated === 'too_large') return 'archive_bomb'
      if (!inflated) return 'malformed_document'
      budget -= inflated.size
      content = inflated.bytes.map(latin1).join('')
    } else return 'malformed_document'
    const objects = scanPdf(content)
    if (!objects) return 'malformed_document'
    if (hasActiveName(objects.syntax)) return 'pdf_active_content'
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// DOCX (a ZIP)

interface ZipEntry {
  readonly name: string
  readonly flags: number
  readonly method: number
  readonly compressedSize: number
  readonly size: number
  readonly localOffset: number
}

/** The records of a central directory; undefined when one is malformed. */
function zipEntries(directory: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const entries: ZipEntry[] = []
  let at = 0
  while (at < directory.length) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== 0x02014b50) return undefined
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > directory.length) return undefined
    let name: string
    try {
      name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength))
    } catch {
      return undefined
    }
    entries.push({
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** A name that would land outside the folder it is extracted to, or that means a device. */
function unsafeName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return true
  if (/\p{Cc}/u.test(name)) return true
  return name.split('/').some((segment) => segment === '..')
}

/** Parts that are macros or controls, whatever the content types say. */
function macroPart(name: string): boolean {
  const lower = name.toLowerCase()
  const base = lower.slice(lower.lastIndexOf('/') + 1)
  return base === 'vbaproject.bin' || base === 'vbadata.xml' || lower.startsWith('word/activex/')
}

const MACRO_CONTENT_TYPE = /macroenabled|vbaproject|vbadata|activex/i

/** A relationship to an attached template outside the file: Word fetches it (and its macros) on opening. */
function externalTemplate(rels: string): boolean {
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const r = m[0]
    if (
      /Type\s*=\s*["'][^"']*\/attachedTemplate["']/i.test(r) &&
      /TargetMode\s*=\s*["']External["']/i.test(r)
    )
      return true
  }
  return false
}

function checkDocx(bytes: Uint8Array): StructureRule | undefined {
  const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL_BYTES))
  const where = locateZipDirectory(tail, bytes.length)
  if (!where) return 'malformed_document'
  // The directory ends where its end record starts: nothing is hidden between them.
  if (where.offset + where.size !== where.end) return 'malformed_document'
  const eocd = new DataView(bytes.buffer, bytes.byteOffset + where.end, 22)
  // One disk only; 0xFFFF / 0xFFFFFFFF mark a ZIP64 archive, which no 10 MB document needs.
  if (eocd.getUint16(4, true) !== 0 || eocd.getUint16(6, true) !== 0) return 'malformed_document'
  if (eocd.getUint16(8, true) !== where.entries || where.entries === 0xffff) return 'malformed_document'
  if (where.entries > MAX_ARCHIVE_ENTRIES) return 'archive_bomb'
  const entries = zipEntries(bytes.subarray(where.offset, where.offset + where.size))
  if (!entries || entries.length !== where.entries) return 'malformed_document'

  const names = new Set<string>()
  let declared = 0
  let compressed = 0
  for (const e of entries) {
    if (unsafeName(e.name)) return 'archive_unsafe_name'
    // Two entries of one name: readers disagree on which one counts, so what we inspect may not be what opens.
    if (names.has(e.name)) return 'malformed_document'
    names.add(e.name)
    if (e.flags & 0x1 || (e.method !== 0 && e.method !== 8)) return 'malformed_document'
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff)
      return 'malformed_document'
    if (e.method === 0 && e.size !== e.compressedSize) return 'malformed_document'
    declared += e.size
    compressed += e.compressedSize
  }
  if (declared > MAX_ARCHIVE_INFLATED_BYTES) return 'archive_bomb'
  if (declared > RATIO_FLOOR_BYTES && declared > MAX_ARCHIVE_RATIO * Math.max(1, compressed))
    return 'archive_bomb'
  if (entries.some((e) => macroPart(e.name))) return 'docx_macros'
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) return 'malformed_document'

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const kept = new Map<string, string>()
  for (const e of entries) {
    const local = e.localOffset
    if (local + 30 > where.offset || view.getUint32(local, true) !== 0x04034b50) return 'malformed_document'
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const dataEnd = dataStart + e.compressedSize
    if (dataEnd > where.offset) return 'malformed_document'
    const data = bytes.subarray(dataStart, dataEnd)
    const read = e.name === '[Content_Types].xml' || e.name.endsWith('.rels')
    let content: Uint8Array[]
    if (e.method === 0) content = [data]
    else {
      // The declared size is a claim: the entry is inflated and stopped as soon as it exceeds it.
      const inflated = inflateCapped(data, e.size, { raw: true, keep: read })
      if (inflated === 'too_large') return 'archive_bomb'
      if (!inflated || inflated.size !== e.size) return 'malformed_document'
      content = inflated.bytes
    }
    if (read)
      kept.set(e.name, content.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode())
  }
  if (MACRO_CONTENT_TYPE.test(kept.get('[Content_Types].xml') ?? '')) return 'docx_macros'
  for (const [name, rels] of kept) if (name.endsWith('.rels') && externalTemplate(rels)) return 'docx_macros'
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Images

function checkPng(bytes: Uint8Array): StructureRule | undefined {
  // The signature (8 bytes), then the IHDR chunk first: length 13, type, width, height.
  if (bytes.length < 33) return 'malformed_document'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== 0x49484452) return 'malformed_document'
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (width === 0 || height === 0) return 'malformed_document'
  return width * height > MAX_IMAGE_PIXELS ? 'image_too_large' : undefined
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic), not DHT/JPG/DAC. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function checkJpeg(bytes: Uint8Array): StructureRule | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 2
  // The segments up to the frame header; the scan data after it is not walked.
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return undefined
    const length = view.getUint16(at + 2)
    if (length < 2) return 'malformed_document'
    if (SOF.has(marker)) {
      if (at + 9 > bytes.length) return 'malformed_document'
      const height = view.getUint16(at + 5)
      const width = view.getUint16(at + 7)
      if (width === 0) return 'malformed_document'
      return width * height > MAX_IMAGE_PIXELS ? 'image_too_large' : undefined
    }
    at += 2 + length
  }
  return undefined
}
