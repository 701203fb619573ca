/**
 * The HTML preview of an official document, shown on the staff case page before the action is
 * confirmed (docs/documents.md#preview). It renders the same composed model as the DOCX
 * (shared/domain/documents/compose.ts), block for block, so what the officer reads is what is
 * issued. No inline style (CSP `style-src 'self'`): the rules are DOCUMENT_PREVIEW_CSS, served
 * with the staff stylesheet.
 */
import type { DocumentModel } from '../../../shared/domain/documents/index.js'
import type { Lang } from '../../types.js'

const WORDS = {
  vi: {
    label: 'Xem trước văn bản',
    draft: 'Bản xem trước: văn bản chưa được cấp số; số và ngày được ghi khi ban hành.',
    copies: 'Nơi nhận:',
  },
  en: {
    label: 'Document preview',
    draft: 'Preview: the document has no number yet; the number and date are set when it is issued.',
    copies: 'Nơi nhận:',
  },
} as const

/** The document as it will be printed, in the layout of its header style. */
export function DocumentPreview(props: { lang: Lang; model: DocumentModel }) {
  const { model } = props
  const words = WORDS[props.lang]
  const h = model.header
  return (
    <section class="doc-preview-wrap" aria-label={words.label} data-testid="document-preview">
      {model.draft && <p class="doc-draft">{words.draft}</p>}
      <article class={`doc-page doc-${model.style}`} lang="vi" data-template={model.templateId}>
        <div class="doc-header">
          <div class="doc-issuer">
            {h.superior && <p>{h.superior}</p>}
            <p class="doc-b">{h.issuer}</p>
            {model.style === 'party' ? <p>*</p> : <hr class="doc-rule" />}
            <p>{h.reference}</p>
            {h.letterSubject && <p class="doc-small">{h.letterSubject}</p>}
          </div>
          <div class="doc-motto">
            {h.motto.map((line) => (
              <p class="doc-b">{line}</p>
            ))}
            <hr class="doc-rule" />
            <p class="doc-i">{h.placeDate}</p>
          </div>
        </div>
        {model.title && (
          <div class="doc-title">
            <p class="doc-b">{model.title.name}</p>
            <p class="doc-b">{model.title.subject}</p>
          </div>
        )}
        {model.body.map((block) => (
          <p class={`doc-${block.kind}`}>{block.text}</p>
        ))}
        <div class="doc-closing">
          <div class="doc-copies">
            <p class="doc-b doc-i">{words.copies}</p>
            {model.copies.map((c) => (
              <p>{c}</p>
            ))}
          </div>
          <div class="doc-signature">
            {model.signature.authority && <p class="doc-b">{model.signature.authority}</p>}
            <p class="doc-b">{model.signature.title}</p>
            <p class="doc-sign-space" />
            <p class="doc-b">{model.signature.name}</p>
          </div>
        </div>
      </article>
    </section>
  )
}

/** The preview's rules: an A4-proportioned sheet in Times New Roman, the header in two columns. */
export const DOCUMENT_PREVIEW_CSS = `
.doc-draft{border-left:5px solid #594d00;background:#fff7bf;padding:.5rem 1rem;margin:0 0 1rem}
.doc-page{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.3;color:#000;background:#fff;border:1px solid #b1b4b6;max-width:210mm;padding:20mm 15mm 20mm 30mm;box-sizing:border-box;margin:0 0 1.5rem}
.doc-page p{margin:0}
.doc-header,.doc-closing{display:grid;grid-template-columns:44fr 56fr;gap:0 1rem}
.doc-issuer,.doc-motto,.doc-title,.doc-signature,.doc-recipient,.doc-heading{text-align:center}
.doc-issuer,.doc-motto{font-size:13pt}
.doc-rule{width:40%;margin:.15rem auto .5rem;border:0;border-top:1px solid #000}
.doc-title{margin:1.5rem 0 .5rem}
.doc-b{font-weight:700}
.doc-i,.doc-basis{font-style:italic}
.doc-small{font-size:12pt;margin-top:.25rem}
.doc-paragraph,.doc-basis{text-align:justify;text-indent:10mm;margin-top:.4rem}
.doc-recipient{margin:.5rem 0}
.doc-heading{font-weight:700;margin-top:.5rem}
.doc-closing{margin-top:1rem}
.doc-copies{font-size:11pt}
.doc-copies .doc-b{font-size:12pt}
.doc-sign-space{height:5rem}
`
