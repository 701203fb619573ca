import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { sniffBytes } from '../../shared/domain/attachments.js'
import {
  checkDocumentStructure,
  MAX_ARCHIVE_ENTRIES,
  MAX_ARCHIVE_RATIO,
} from '../../shared/domain/document-structure.js'
import { checkFormFiles } from '../../shared/service/attachments.js'
import { docx, htmlPdf, jpeg, macroDocx, objectStream, padTo, pdf, png, zip } from '../fixtures/documents.js'

const text = (s: string) => new TextEncoder().encode(s)

/** The structure rule a whole file breaks, after its type was read from its first bytes. */
function verdict(bytes: Uint8Array) {
  const type = sniffBytes(bytes)
  if (!type) throw new Error('not even the right first bytes')
  return checkDocumentStructure(type, bytes)
}

describe('the structure of a PDF', () => {
  it('accepts a sound PDF, padded or not, and one with a link and an opening view', () => {
    expect(verdict(pdf())).toBeUndefined()
    expect(verdict(padTo(pdf(), 4096))).toBeUndefined()
    expect(
      verdict(
        pdf({
          catalog: ' /OpenAction [2 0 R /Fit]',
          objects: ['<</Type /Annot /Subtype /Link /A <</S /URI /URI (https://thuvienphapluat.vn)>>>>'],
        }),
      ),
    ).toBeUndefined()
  })

  it('refuses a PDF header over an HTML or SVG body', () => {
    expect(verdict(htmlPdf())).toBe('pdf_markup_body')
    expect(verdict(pdf({ body: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n' }))).toBe(
      'pdf_markup_body',
    )
    expect(verdict(pdf({ body: '<!DOCTYPE html>\n' }))).toBe('pdf_markup_body')
  })

  it('refuses the header alone, or a body without trailer, startxref or cross-reference', () => {
    expect(verdict(text('%PDF-1.4\n%%EOF\n'))).toBe('malformed_document')
    expect(verdict(text('%PDF-1.4\n<html><script>alert(1)</script></html>'))).toBe('malformed_document')
    const noXref = new TextDecoder().decode(pdf()).replace('xref\n0 3', 'nothing')
    expect(verdict(text(noXref))).toBe('malformed_document')
    const farXref = new TextDecoder().decode(pdf()).replace(/startxref\n\d+/, 'startxref\n99999999')
    expect(verdict(text(farXref))).toBe('malformed_document')
  })

  it('takes a cross-reference stream (PDF 1.5) for a table', () => {
    const withXrefStream = new TextDecoder()
      .decode(pdf({ objects: ['<</Type /XRef /Size 4>>'] }))
      .replace('xref\n0 4', 'xrfx\n0 4')
    expect(verdict(text(withXrefStream))).toBeUndefined()
  })

  it('refuses JavaScript, launch actions and embedded files, also spelt with #xx escapes', () => {
    const js = '<</Type /Action /S /JavaScript /JS (app.alert(1))>>'
    expect(verdict(pdf({ catalog: ' /OpenAction 3 0 R', objects: [js] }))).toBe('pdf_active_content')
    expect(verdict(pdf({ objects: ['<</S /Launch /F (cmd.exe)>>'] }))).toBe('pdf_active_content')
    expect(verdict(pdf({ objects: ['<</Type /EmbeddedFile /Length 0>>'] }))).toBe('pdf_active_content')
    expect(verdict(pdf({ objects: ['<</S /J#61vaScript /J#53 (x)>>'] }))).toBe('pdf_active_content')
  })

  it('does not take a longer name for an active one', () => {
    expect(verdict(pdf({ objects: ['<</Font /JSans /LaunchDate (2026)>>'] }))).toBeUndefined()
  })

  it('reads strings as a reader does: a `stream` in one hides nothing, a name in one is not a name', () => {
    const smuggled = '<</Title (see stream\n) /S /JavaScript /JS (app.alert(1))>>'
    const image = '<</Type /XObject /Subtype /Image /Length 3>>\nstream\nabc\nendstream'
    expect(verdict(pdf({ objects: [smuggled, image] }))).toBe('pdf_active_content')
    expect(verdict(pdf({ objects: ['<</Title (how /JS and \\( /Launch work)>>'] }))).toBeUndefined()
    expect(
      verdict(pdf({ objects: ['<</Subject (a title) % a comment naming /JavaScript\n>>'] })),
    ).toBeUndefined()
  })

  it('finds JavaScript hidden in a compressed object stream', () => {
    const hidden = objectStream(['<</S /JavaScript /JS (app.alert(1))>>'])
    expect(verdict(pdf({ objects: [hidden] }))).toBe('pdf_active_content')
    expect(verdict(pdf({ objects: [objectStream(['<</Type /Font /Subtype /Type1>>'])] }))).toBeUndefined()
  })

  it('refuses an object stream it cannot read', () => {
    const data = Array.from(zlibSync(text('<</S /JavaScript>>')), (b) => String.fromCharCode(b)).join('')
    const lzw = `<</Type /ObjStm /N 1 /First 4 /Filter /LZWDecode>>\nstream\n${data}\nendstream`
    expect(verdict(pdf({ objects: [lzw] }))).toBe('malformed_document')
    const broken = '<</Type /ObjStm /N 1 /First 4 /Filter /FlateDecode>>\nstream\nnot zlib\nendstream'
    expect(verdict(pdf({ objects: [broken] }))).toBe('malformed_document')
  })

  it('ignores markup and names inside ordinary (image, page) streams', () => {
    const image = `<</Type /XObject /Subtype /Image /Length 20>>\nstream\n${'<html> /JS \u00ff\u0000'}\nendstream`
    expect(verdict(pdf({ objects: [image] }))).toBeUndefined()
  })
})

describe('the structure of a DOCX', () => {
  it('accepts a sound document, stored or deflated', () => {
    expect(verdict(docx())).toBeUndefined()
    const deflated = zip([
      { name: '[Content_Types].xml', data: '<Types/>', deflate: true },
      { name: 'word/document.xml', data: `<w:document>${'<w:p/>'.repeat(5000)}</w:document>`, deflate: true },
    ])
    expect(verdict(deflated)).toBeUndefined()
  })

  it('refuses a document with a VBA project, under any folder or case', () => {
    expect(verdict(macroDocx())).toBe('docx_macros')
    expect(verdict(docx([{ name: 'word/VBAPROJECT.BIN', data: 'x' }]))).toBe('docx_macros')
    expect(verdict(docx([{ name: 'word/activeX/activeX1.xml', data: '<ax/>' }]))).toBe('docx_macros')
  })

  it('refuses a macro-enabled content type without the part, and an external attached template', () => {
    const macroType = zip([
      {
        name: '[Content_Types].xml',
        data: '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      },
      { name: 'word/document.xml', data: '<w:document/>' },
    ])
    expect(verdict(macroType)).toBe('docx_macros')
    const template = docx([
      {
        name: 'word/_rels/settings.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/></Relationships>',
        deflate: true,
      },
    ])
    expect(verdict(template)).toBe('docx_macros')
  })

  it(`refuses a zip bomb that owns up to its size (ratio above ${MAX_ARCHIVE_RATIO}×)`, () => {
    const zeros = new Uint8Array(20 * 1024 * 1024)
    const bomb = docx([{ name: 'word/media/image1.png', data: zeros, deflate: true }])
    expect(zeros.length / bomb.length).toBeGreaterThan(900)
    expect(verdict(bomb)).toBe('archive_bomb')
  })

  it('refuses a zip bomb that lies about its size, stopped at the size it declares', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024)
    const bomb = docx([{ name: 'word/media/image1.png', data: zeros, deflate: true, declaredSize: 1000 }])
    expect(verdict(bomb)).toBe('archive_bomb')
  })

  it('refuses an entry that inflates to less than it declares', () => {
    const short = docx([{ name: 'word/styles.xml', data: '<w:styles/>', deflate: true, declaredSize: 5000 }])
    expect(verdict(short)).toBe('malformed_document')
  })

  it(`refuses more than ${MAX_ARCHIVE_ENTRIES} entries`, () => {
    const many = Array.from({ length: MAX_ARCHIVE_ENTRIES }, (_, i) => ({ name: `word/p${i}.xml`, data: '' }))
    expect(verdict(docx(many))).toBe('archive_bomb')
  })

  it('refuses names that climb out of the folder', () => {
    for (const name of ['../../etc/cron.d/x', 'word/../../x', '/etc/passwd', 'C:/Windows/x', 'word\\..\\x'])
      expect(verdict(docx([{ name, data: 'x' }])), name).toBe('archive_unsafe_name')
  })

  it('refuses a ZIP without the main document, with two entries of one name, or encrypted', () => {
    expect(
      verdict(
        zip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'word/x.xml', data: '' },
        ]),
      ),
    ).toBe('malformed_document')
    expect(verdict(docx([{ name: 'word/document.xml', data: '<w:document/>' }]))).toBe('malformed_document')
    const encrypted = docx().slice()
    const view = new DataView(encrypted.buffer)
    const directory = view.getUint32(encrypted.length - 6, true)
    view.setUint16(directory + 8, 1, true)
    expect(verdict(encrypted)).toBe('malformed_document')
  })
})

describe('the structure of an image', () => {
  it('accepts a real PNG and JPEG', () => {
    expect(verdict(png())).toBeUndefined()
    expect(verdict(jpeg())).toBeUndefined()
  })

  it('refuses a PNG or a JPEG that claims billions of pixels', () => {
    const huge = png().slice()
    new DataView(huge.buffer).setUint32(16, 100_000)
    new DataView(huge.buffer).setUint32(20, 100_000)
    expect(verdict(huge)).toBe('image_too_large')
    // SOI, then a baseline frame header of 65,000 × 65,000 pixels.
    const frame = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xfd, 0xe8, 0xfd, 0xe8, 0x03])
    expect(verdict(padTo(frame, 40))).toBe('image_too_large')
  })

  it('refuses a PNG whose first chunk is not its header', () => {
    const broken = png().slice()
    broken.set(text('IDAT'), 12)
    expect(verdict(broken)).toBe('malformed_document')
  })
})

describe('files posted with a form', () => {
  it('are refused for their structure, naming the rule', () => {
    const refused = checkFormFiles(
      [{ name: 'don.docx', mediaType: 'application/msword', bytes: macroDocx() }],
      'vi',
    )
    expect(refused).toMatchObject({ ok: false, rule: 'docx_macros' })
    expect(
      checkFormFiles([{ name: 'a.pdf', mediaType: 'application/pdf', bytes: htmlPdf() }], 'en'),
    ).toMatchObject({
      ok: false,
      rule: 'pdf_markup_body',
    })
    expect(
      checkFormFiles([{ name: 'a.pdf', mediaType: 'application/pdf', bytes: pdf() }], 'en'),
    ).toMatchObject({
      ok: true,
    })
  })
})
