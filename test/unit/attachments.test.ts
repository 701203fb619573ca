import { describe, expect, it } from 'vitest'
import { attachmentDisposition } from '../../shared/blobs/blob-store.js'
import { signBlobRequest, verifyBlobRequest } from '../../shared/blobs/local.js'
import {
  isDocxDirectory,
  locateZipDirectory,
  sanitizeFilename,
  sniffBytes,
  sniffHead,
  typeOfMediaType,
  zipEntryNames,
} from '../../shared/domain/attachments.js'
import { attachmentIdentityRestricted, canOpenAttachment } from '../../shared/domain/policy.js'
import type { Committee } from '../../shared/domain/routing.js'
import { checkFormFiles } from '../../shared/service/attachments.js'
import { docx, exe, jpeg, pdf, plainZip, png, xlsx, zip } from '../fixtures/documents.js'

describe('reading the type from the content', () => {
  it.each([
    ['a PDF', pdf(), 'pdf'],
    ['a JPEG', jpeg(), 'jpeg'],
    ['a PNG', png(), 'png'],
    ['a Word document', docx(), 'docx'],
  ] as const)('recognises %s', (_name, bytes, type) => {
    expect(sniffBytes(bytes)).toBe(type)
  })

  it.each([
    ['a Windows program named .pdf', exe()],
    ['a ZIP of notes named .docx', plainZip()],
    ['a spreadsheet (XLSX) named .docx', xlsx()],
    ['a text file named .png', new TextEncoder().encode('just text, not a picture')],
    ['HTML named .pdf', new TextEncoder().encode('<html><script>alert(1)</script></html>')],
    ['an empty file', new Uint8Array(0)],
    ['a truncated PNG signature', png().subarray(0, 5)],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffBytes(bytes)).toBeUndefined()
  })

  it('tells a ZIP apart from the first bytes only, leaving DOCX to the central directory', () => {
    expect(sniffHead(docx().subarray(0, 16))).toBe('zip')
    expect(sniffHead(xlsx().subarray(0, 16))).toBe('zip')
  })

  it('finds the central directory behind an archive comment', () => {
    const bytes = zip(
      [
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w:document/>' },
      ],
      'a comment at the end of the archive',
    )
    const where = locateZipDirectory(bytes, bytes.length)
    expect(where?.entries).toBe(2)
    const names = zipEntryNames(bytes.subarray(where!.offset, where!.offset + where!.size))
    expect(names).toEqual(['[Content_Types].xml', 'word/document.xml'])
    expect(isDocxDirectory(names)).toBe(true)
  })

  it('refuses a ZIP whose end record points outside the file', () => {
    const bytes = docx()
    const broken = bytes.slice()
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true)
    expect(sniffBytes(broken)).toBeUndefined()
  })

  it('maps declared media types and refuses others', () => {
    expect(typeOfMediaType('application/pdf')).toBe('pdf')
    expect(typeOfMediaType('image/jpg')).toBe('jpeg')
    expect(typeOfMediaType('IMAGE/PNG; charset=binary')).toBe('png')
    expect(typeOfMediaType('application/x-msdownload')).toBeUndefined()
    expect(typeOfMediaType('application/msword')).toBeUndefined()
  })
})

describe('checking files posted with a form', () => {
  it('accepts up to five real documents and refuses the sixth, a large one and an impostor', () => {
    const file = (bytes: Uint8Array, name = 'x.pdf') => ({ name, mediaType: 'application/pdf', bytes })
    expect(checkFormFiles([file(pdf()), file(png())], 'en')).toEqual({ ok: true, types: ['pdf', 'png'] })
    expect(
      checkFormFiles(
        Array.from({ length: 6 }, () => file(pdf())),
        'en',
      ),
    ).toMatchObject({
      ok: false,
      rule: 'too_many_attachments',
    })
    expect(checkFormFiles([file(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25))], 'vi')).toMatchObject({
      ok: false,
      rule: 'too_large',
    })
    expect(checkFormFiles([file(exe(), 'hoa-don.pdf')], 'vi')).toMatchObject({
      ok: false,
      rule: 'type_not_allowed',
      message: expect.stringContaining('PDF'),
    })
  })
})

describe('filenames', () => {
  it('keeps a Vietnamese name, drops the path and control characters, and takes the real extension', () => {
    expect(sanitizeFilename('C:\\Users\\an\\Đơn khiếu nại.pdf', 'pdf')).toBe('Đơn khiếu nại.pdf')
    expect(sanitizeFilename('../../etc/passwd', 'png')).toBe('passwd.png')
    expect(sanitizeFilename('ảnh\u202egpj.exe', 'jpeg')).toBe('ảnhgpj.jpg')
    expect(sanitizeFilename('"; rm -rf /.docx', 'docx')).toBe('tai-lieu.docx')
    expect(sanitizeFilename('a'.repeat(300), 'pdf')).toHaveLength(120)
  })

  it('offers the download under an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Đơn "số 1".pdf')).toBe(
      `attachment; filename="Don _so 1_.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn "số 1".pdf')}`,
    )
  })
})

describe('signed blob URLs (one machine)', () => {
  const secret = 'a-local-secret-of-thirty-two-bytes!!'
  const key = 'pending/ABCD1234EFGH/0f8fad5b-d9cb-469f-a165-70867728950e'
  const now = Date.parse('2026-11-26T03:00:00Z')
  const exp = now / 1000 + 600
  const fields = { method: 'PUT' as const, key, exp, type: 'application/pdf', len: 1234, name: '' }
  const query = (over: Record<string, string> = {}) =>
    new URLSearchParams({
      exp: String(exp),
      t: 'application/pdf',
      n: '1234',
      sig: signBlobRequest(secret, fields),
      ...over,
    })

  it('accepts a request as signed, before it expires', () => {
    expect(verifyBlobRequest(secret, 'PUT', key, query(), now)).toMatchObject({ ok: true })
  })

  it('refuses it once expired', () => {
    expect(verifyBlobRequest(secret, 'PUT', key, query(), (exp + 1) * 1000)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it.each([
    ['a larger length', { n: '99999999' }],
    ['another type', { t: 'text/html' }],
    ['a later expiry', { exp: String(exp + 3600) }],
    ['a forged signature', { sig: 'A'.repeat(43) }],
    ['no signature', { sig: '' }],
  ])('refuses %s', (_name, over) => {
    expect(verifyBlobRequest(secret, 'PUT', key, query(over), now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
  })

  it('refuses the same signature for another key, another method or another secret', () => {
    const other = 'pending/ABCD1234EFGH/11111111-d9cb-469f-a165-70867728950e'
    expect(verifyBlobRequest(secret, 'PUT', other, query(), now)).toMatchObject({ ok: false })
    expect(verifyBlobRequest(secret, 'GET', key, query(), now)).toMatchObject({ ok: false })
    expect(verifyBlobRequest('another-secret', 'PUT', key, query(), now)).toMatchObject({ ok: false })
  })

  it('refuses keys outside the two prefixes (no path tricks)', () => {
    expect(verifyBlobRequest(secret, 'GET', '../db/000001.log', query(), now)).toEqual({
      ok: false,
      reason: 'bad_key',
    })
  })
})

describe("a denouncer's documents", () => {
  const committees: Committee[] = [
    {
      id: 'dukhoi',
      name: 'Đảng ủy Khối',
      type: 'party_committee',
      organizations: [],
    } as unknown as Committee,
    {
      id: 'btc',
      name: 'Ban Tổ chức',
      type: 'department',
      parentId: 'dukhoi',
      organizations: [],
    } as unknown as Committee,
  ]
  const denunciation = {
    kind: 'denunciation' as const,
    committeeId: 'btc',
    ownerId: undefined,
    history: [{ type: 'submitted', actor: {} }],
  }
  const user = (role: string, committeeId?: string) =>
    ({ id: `u-${role}`, displayName: role, memberships: [{ role, committeeId }] }) as never

  it('are restricted unless the uploader marked them content-only; other kinds never are', () => {
    expect(attachmentIdentityRestricted('denunciation', undefined)).toBe(true)
    expect(attachmentIdentityRestricted('denunciation', false)).toBe(true)
    expect(attachmentIdentityRestricted('denunciation', true)).toBe(false)
    expect(attachmentIdentityRestricted('complaint', undefined)).toBe(false)
  })

  it('open only to the head of the resolving committee and supervisors when restricted', () => {
    const restricted = { identityRestricted: true }
    const open = { identityRestricted: false }
    expect(canOpenAttachment(user('committee_head', 'btc'), denunciation, restricted, committees)).toBe(true)
    expect(canOpenAttachment(user('supervisor'), denunciation, restricted, committees)).toBe(true)
    expect(canOpenAttachment(user('committee_handler', 'btc'), denunciation, restricted, committees)).toBe(
      false,
    )
    expect(canOpenAttachment(user('committee_head', 'dukhoi'), denunciation, restricted, committees)).toBe(
      false,
    )
    expect(canOpenAttachment(user('committee_handler', 'btc'), denunciation, open, committees)).toBe(true)
    expect(canOpenAttachment(user('committee_handler', 'byt'), denunciation, open, committees)).toBe(false)
  })
})
