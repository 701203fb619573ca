/**
 * Official documents (docs/documents.md): the templates as data, the context a document is
 * rendered from (built per addressee, so a denouncer's identity reaches only the denouncer's
 * documents), the composed model, and its DOCX. The HTML preview of the same model is
 * `DocumentPreview` in web/staff/components/document-preview.tsx (the domain imports no JSX).
 *
 *     const template = templateFor(id, { action, track: trackOf(case), kind: case.kind, addressee })
 *     const model = composeDocument(template, contextFor(source, template.addressee))
 *     const { bytes, sha256 } = await renderDocx(model)
 */
export { type ComposedBlock, composeDocument, type DocumentModel, numberSymbol } from './compose.js'
export { contextFor, type DocumentSource, KIND_NAMES, type PetitionerIdentity } from './context.js'
export { documentDate, placeAndDate } from './dates.js'
export { buildDocx, MARGINS_MM, type RenderedDocument, renderDocx } from './docx.js'
export {
  DocumentError,
  type DocumentOccasion,
  TEMPLATES,
  templateById,
  templateFor,
  templatesFor,
  trackOf,
} from './templates.js'
export * from './types.js'
