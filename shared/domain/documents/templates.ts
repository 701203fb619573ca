/**
 * The document templates (docs/documents.md#templates): one per decision and legal track, each
 * with the action it records, its addressee, its legal basis and the form it follows. The body is
 * data (blocks with typed placeholders); the layout around it (header, signature, copies) is the
 * same for every template and comes from docs/documents.md#layout.
 *
 * Every form number is marked `confirm`: none could be checked against the instrument's own
 * appendix in this repository's material.
 *
 * One module per legal track in templates/ (complaints, denunciations, proposals, party, routing),
 * written with the builders of templates/builders.ts.
 */
import { DomainError } from '../errors.js'
import type { Action } from '../lifecycle.js'
import type { Kind } from '../vocabulary.js'
import { complaintTemplates } from './templates/complaints.js'
import { denunciationTemplates } from './templates/denunciations.js'
import { partyTemplates } from './templates/party.js'
import { proposalTemplates } from './templates/proposals.js'
import { routingTemplates } from './templates/routing.js'
import type { Addressee, AnyTemplate, Track } from './types.js'

/** A template is unknown, or does not record this action for this case and addressee. */
export class DocumentError extends DomainError {}

/** Every template, in the order the documents table lists them. */
export const TEMPLATES: readonly AnyTemplate[] = [
  ...complaintTemplates,
  ...denunciationTemplates,
  ...proposalTemplates,
  ...partyTemplates,
  ...routingTemplates,
]

/** What a case is doing when a document is wanted: the action, its track and kind, and the addressee. */
export interface DocumentOccasion {
  readonly action: Action
  readonly track: Track
  readonly kind: Kind
  readonly addressee?: Addressee
}

/** The templates that apply to an action on a case of this track and kind (and addressee, when given). */
export function templatesFor(occasion: DocumentOccasion): readonly AnyTemplate[] {
  return TEMPLATES.filter(
    (t) =>
      t.actions.includes(occasion.action) &&
      t.tracks.includes(occasion.track) &&
      t.kinds.includes(occasion.kind) &&
      (occasion.addressee === undefined || t.addressee === occasion.addressee),
  )
}

/** The template with this id. Unknown → `unknown_template` (422). */
export function templateById(id: string): AnyTemplate {
  const t = TEMPLATES.find((x) => x.id === id)
  if (!t)
    throw new DocumentError('unknown_template', `no document template '${id}'`, 422, { field: 'templateId' })
  return t
}

/**
 * The template with this id, checked against the occasion: a template that does not record this
 * action on this track and kind (or is for another addressee) → `template_not_applicable` (409).
 */
export function templateFor(id: string, occasion: DocumentOccasion): AnyTemplate {
  const t = templateById(id)
  if (!templatesFor(occasion).includes(t))
    throw new DocumentError(
      'template_not_applicable',
      `template '${id}' is not for '${occasion.action}' on a ${occasion.kind} of the ${occasion.track} track` +
        (occasion.addressee ? ` addressed to ${occasion.addressee}` : ''),
      409,
      { templateId: id, action: occasion.action, track: occasion.track },
    )
  return t
}

/** The legal track of a case: Party discipline for complaints and denunciations on that topic. */
export function trackOf(c: { readonly kind: Kind; readonly topic?: string }): Track {
  if ((c.kind === 'complaint' || c.kind === 'denunciation') && c.topic === 'party_discipline')
    return 'party_discipline'
  if (c.kind === 'recommendation' || c.kind === 'feedback') return 'recommendation_feedback'
  return c.kind
}
