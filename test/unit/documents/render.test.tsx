/**
 * Every template renders, for every kind and track it declares, in both header styles: the DOCX
 * read back (unzipped, word/document.xml) holds the case's fields, the preview shows the same
 * paragraphs in the same order, and a document to anyone but the petitioner carries no identity.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkDocumentStructure } from '../../../shared/domain/document-structure.js'
import {
  composeDocument,
  contextFor,
  DocumentError,
  HEADER_STYLES,
  renderDocx,
  TEMPLATES,
  templateById,
} from '../../../shared/domain/documents/index.js'
import { DocumentPreview } from '../../../web/staff/components/document-preview.js'
import {
  ANSWER,
  CONTENT_SUMMARY,
  combinations,
  docxParagraphs,
  htmlParagraphs,
  IDENTITY,
  NEVER_PRINTED,
  sourceFor,
  unzipDocx,
} from './fixtures.js'

const CASES = TEMPLATES.flatMap((template) =>
  combinations(template).flatMap(({ track, kind }) =>
    HEADER_STYLES.map((style) => ({
      template,
      track,
      kind,
      style,
      name: `${template.id} · ${kind}/${track} · ${style}`,
    })),
  ),
)

/** Everything in the archive, every part: the core properties and the title too. */
function allText(files: Record<string, string>): string {
  return Object.values(files).join('\n')
}

describe('rendering every template', () => {
  it('covers every template with at least one kind and track a case can have', () => {
    for (const t of TEMPLATES) expect(combinations(t), t.id).not.toEqual([])
  })

  it.each(CASES)('$name: the DOCX holds the fields and the preview the same paragraphs', async (c) => {
    const source = sourceFor(c.template, c.kind, c.style)
    const model = composeDocument(c.template, contextFor(source, c.template.addressee))
    const { bytes, sha256 } = await renderDocx(model)

    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(checkDocumentStructure('docx', bytes)).toBeUndefined()
    const files = unzipDocx(bytes)
    const xml = files['word/document.xml']!
    const paragraphs = docxParagraphs(xml)
    const text = paragraphs.join('\n')

    expect(text).toContain('K7QM-2XP4')
    expect(text).toContain('Hà Nội, ngày 05 tháng 3 năm 2026')
    expect(text).toContain('ĐẢNG ỦY BỘ TÀI CHÍNH')
    expect(text).toContain('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG')
    expect(text).toContain('Lê Văn Ký')
    expect(text).toMatch(c.style === 'party' ? /^Số 12-[A-ZĐ]+\/ĐUBTC$/m : /^Số: 12\/([A-ZĐ]+-)?ĐUBTC$/m)
    if (c.style === 'party') {
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
      expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    } else {
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc')
    }
    if (c.template.actions.includes('resolve'))
      for (const line of ANSWER.split('\n')) expect(paragraphs).toContain(line)

    const html = String(<DocumentPreview lang="vi" model={model} />)
    expect(htmlParagraphs(html)).toEqual(paragraphs)
    expect(html).not.toMatch(/\sstyle=/)

    for (const marker of NEVER_PRINTED) {
      expect(allText(files)).not.toContain(marker)
      expect(html).not.toContain(marker)
    }
    if (c.template.addressee === 'petitioner') {
      expect(text).toContain(IDENTITY.fullName)
    } else {
      for (const marker of [IDENTITY.fullName, IDENTITY.address]) {
        expect(allText(files)).not.toContain(marker)
        expect(html).not.toContain(marker)
      }
    }
  })
})

describe('the layout of the DOCX', () => {
  it('is A4 with the margins of Decree 30/2020 and Times New Roman 14 pt', async () => {
    const t = templateById('complaint.acceptance')
    const model = composeDocument(t, contextFor(sourceFor(t, 'complaint', 'state'), t.addressee))
    const files = unzipDocx((await renderDocx(model)).bytes)
    const xml = files['word/document.xml']!
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!
    const twips = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margin)![1]) / (1440 / 25.4)
    expect(twips('top')).toBeGreaterThanOrEqual(19.9)
    expect(twips('top')).toBeLessThanOrEqual(25.1)
    expect(twips('bottom')).toBeGreaterThanOrEqual(19.9)
    expect(twips('bottom')).toBeLessThanOrEqual(25.1)
    expect(twips('left')).toBeGreaterThanOrEqual(29.9)
    expect(twips('left')).toBeLessThanOrEqual(35.1)
    expect(twips('right')).toBeGreaterThanOrEqual(14.9)
    expect(twips('right')).toBeLessThanOrEqual(20.1)
    expect(files['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Times New Roman"/)
    // Body runs at 13–14 pt (sizes are in half-points).
    const sizes = [...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(Math.max(...sizes)).toBe(28)
    expect(sizes.filter((s) => s === 28).length).toBeGreaterThan(sizes.length / 3)
  })

  it('gives the same bytes and hash for the same document, another hash for another number', async () => {
    const t = templateById('denunciation.conclusion_notice')
    const source = sourceFor(t, 'denunciation', 'party')
    const render = (s: typeof source) => renderDocx(composeDocument(t, contextFor(s, t.addressee)))
    const [a, b] = [await render(source), await render(source)]
    expect(b.sha256).toBe(a.sha256)
    const other = await render({ ...source, register: { number: 13, issuedOn: '2026-03-05' } })
    expect(other.sha256).not.toBe(a.sha256)
  })

  it('previews a document before it is numbered: blank number, the preview date, a draft notice', async () => {
    const t = templateById('proposal.answer')
    const { register: _, ...draft } = sourceFor(t, 'feedback', 'state')
    const model = composeDocument(t, contextFor(draft, t.addressee))
    expect(model.draft).toBe(true)
    expect(model.header.reference).toBe('Số: …/ĐUBTC')
    expect(model.header.placeDate).toBe('Hà Nội, ngày 04 tháng 3 năm 2026')
    expect(model.header.letterSubject).toBe('V/v trả lời phản ánh')
    const html = String(<DocumentPreview lang="en" model={model} />)
    expect(html).toContain('class="doc-draft"')
    expect(html).toContain('no number yet')
  })
})

describe('confidentiality of the denouncer', () => {
  const denunciationTemplates = TEMPLATES.filter((t) => t.kinds.includes('denunciation'))

  it('builds no identity into the context of any addressee but the petitioner', () => {
    for (const t of denunciationTemplates) {
      for (const addressee of ['other_body', 'accused', 'archive'] as const) {
        const json = JSON.stringify(contextFor(sourceFor(t, 'denunciation', 'state'), addressee))
        for (const marker of Object.values(IDENTITY))
          expect(json, `${t.id} → ${addressee}`).not.toContain(marker)
      }
    }
  })

  it('tells the accused the content the handler summarised, never the denouncer', async () => {
    const t = templateById('denunciation.content_notice')
    const model = composeDocument(t, contextFor(sourceFor(t, 'denunciation', 'state'), 'accused'))
    const text = docxParagraphs(unzipDocx((await renderDocx(model)).bytes)['word/document.xml']!).join('\n')
    expect(text).toContain(CONTENT_SUMMARY)
    expect(text).toContain('Kính gửi: Ông Trần Bị Tố')
    expect(text).not.toContain(IDENTITY.fullName)
  })

  it('refuses to print a document to the petitioner of an anonymous case', () => {
    const t = templateById('denunciation.acceptance')
    const { petitioner: _, ...anonymous } = sourceFor(t, 'denunciation', 'state')
    expect(() => contextFor(anonymous, 'petitioner')).toThrow(
      expect.objectContaining({ code: 'document_field_missing', status: 422 }),
    )
  })

  it('refuses a template for another addressee than the context', () => {
    const t = templateById('denunciation.conclusion_notice')
    const context = contextFor(sourceFor(t, 'denunciation', 'state'), 'accused')
    expect(() => composeDocument(t, context)).toThrow(DocumentError)
    expect(() => composeDocument(t, context)).toThrow(
      expect.objectContaining({ code: 'template_not_applicable' }),
    )
  })
})

describe('missing fields', () => {
  it('names the field a document needs and the case lacks', () => {
    const t = templateById('complaint.acceptance')
    const { deadline: _, ...noDeadline } = sourceFor(t, 'complaint', 'state')
    expect(() => composeDocument(t, contextFor(noDeadline, 'petitioner'))).toThrow(
      expect.objectContaining({ code: 'document_field_missing', details: { field: 'case.deadline' } }),
    )
  })

  it('leaves out the address line when the petitioner gave none', () => {
    const t = templateById('complaint.acceptance')
    const source = sourceFor(t, 'complaint', 'state', { petitioner: { fullName: IDENTITY.fullName } })
    const model = composeDocument(t, contextFor(source, 'petitioner'))
    expect(model.body.map((b) => b.text)).not.toContainEqual(expect.stringMatching(/^Địa chỉ/))
  })
})
