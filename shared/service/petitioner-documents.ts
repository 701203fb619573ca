/**
 * The documents addressed to the petitioner, for the tracking page (docs/documents.md#delivery):
 * read from the case's own history (each issue and cancellation is an event), so the public
 * function needs no Query and no register grant; the file is read from `outgoing/`, the one prefix
 * of issued documents it may read, by a short-lived link given only after the PIN check.
 */
import type { BlobStore } from '../blobs/blob-store.js'
import type { CaseEvent, CaseRecord } from '../domain/case.js'
import { vietnamDate } from '../domain/dates.js'
import { templateById } from '../domain/documents/templates.js'
import { normalizeTrackingCode } from '../domain/tracking-code.js'
import type { Services } from './context.js'
import type { PetitionService } from './petitions.js'

/** What the petitioner sees of a document issued to them. */
export interface PetitionerDocument {
  readonly ref: string
  readonly symbol: string
  readonly name: { readonly vi: string; readonly en: string }
  readonly issuedOn: string
  readonly sha256: string
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const LINK_SECONDS = 5 * 60

/** Where a document to the petitioner is stored (others stay under `cases/`, staff-only). */
export const outgoingKey = (code: string, sha256: string) => `outgoing/${code}/${sha256}`

/** The register reference an issue or cancellation event names: `<committee>.<year>.<number>`. */
const eventRef = (e: CaseEvent) => `${e.data.committeeId}.${e.data.year}.${e.data.number}`

/** The case's `document_issued` events whose document was not cancelled since, in order. */
export function liveIssuedEvents(history: readonly CaseEvent[]): CaseEvent[] {
  const cancelled = new Set(history.filter((e) => e.type === 'document_cancelled').map(eventRef))
  return history.filter((e) => e.type === 'document_issued' && !cancelled.has(eventRef(e)))
}

/** The documents issued to the petitioner and not cancelled, from the case's history, in order. */
export function petitionerDocumentsOf(c: Pick<CaseRecord, 'history'>): PetitionerDocument[] {
  return liveIssuedEvents(c.history)
    .filter((e) => e.data.addressee === 'petitioner')
    .map((e) => ({
      ref: eventRef(e),
      symbol: String(e.data.symbol),
      name: templateById(String(e.data.templateId)).name,
      issuedOn: vietnamDate(e.at),
      sha256: String(e.data.sha256),
    }))
}

export function createPetitionerDocuments(deps: {
  services: Services
  petitions: Pick<PetitionService, 'openWithPin'>
  blobs: BlobStore
}) {
  const { services: s, petitions, blobs } = deps
  return {
    /** The list, for a tracking page whose PIN check just passed in this request (one GetItem). */
    async listAfterTrack(rawCode: string): Promise<PetitionerDocument[]> {
      const code = normalizeTrackingCode(rawCode)
      const c = code ? await s.cases.getCase(code) : undefined
      return c ? petitionerDocumentsOf(c) : []
    },

    /** A short-lived link to one of them, after the PIN check (the tracking page's guard); else undefined. */
    async link(rawCode: string, pin: string, client: string, ref: string): Promise<string | undefined> {
      const c = await petitions.openWithPin(rawCode, pin, client)
      const doc = petitionerDocumentsOf(c).find((d) => d.ref === ref)
      if (!doc) return undefined
      return blobs.presignGet(outgoingKey(c.code, doc.sha256), {
        filename: `${doc.symbol.replace(/\//g, '-')}_${c.code}.docx`,
        contentType: DOCX_TYPE,
        expiresInSeconds: LINK_SECONDS,
      })
    },
  }
}

export type PetitionerDocuments = ReturnType<typeof createPetitionerDocuments>
