/**
 * The contract between the citizen pages and whatever serves them (the public Lambda, the local
 * server). The pages render these shapes and never touch the store: `CitizenPageDeps` does the work.
 */
import type { Context } from 'hono'

export type Lang = 'vi' | 'en'

/** The submit form as the citizen sent it: raw-ish values; the deps validate. */
export interface PetitionForm {
  kind: string
  title: string
  content: string
  anonymous: boolean
  petitioner?: { fullName?: string; idNumber?: string; address?: string; phone?: string; email?: string }
  concerns?: { organization?: string; person?: string }
  topic?: string
  signatories?: number
  language: Lang
}

export interface FieldError {
  /** The form field name, e.g. 'petitioner.fullName', 'content'. */
  field: string
  /** Already in the user's language. */
  message: string
}

export interface DeadlineView {
  clock: string
  /** YYYY-MM-DD */
  dueDate: string
  dayType: 'working' | 'calendar'
  basis: string
  /** In the user's language. */
  explanation: string
  state: 'running' | 'paused' | 'met' | 'missed'
}

export interface Receipt {
  trackingCode: string
  pin: string
  kind: string
  status: string
  /** ISO instant */
  receivedAt: string
  committee: { id: string; name: string }
  routing: { reason: string }
  deadlines: DeadlineView[]
  anonymous: boolean
}

export interface TimelineEntry {
  /** ISO instant */
  at: string
  /** e.g. submitted, accepted, refused, transferred, guided, filed, extended, suspended, resumed,
   * verification_started, resolved, closed, withdrawn, supplement_added, marked_duplicate, rerouted, escalated */
  type: string
  /** Public text, already safe to show. */
  note?: string
}

export interface CitizenView {
  trackingCode: string
  kind: string
  title: string
  status: string
  receivedAt: string
  committee: { id: string; name: string }
  timeline: TimelineEntry[]
  deadlines: DeadlineView[]
  answer?: { text: string; outcome: string; at: string }
  canWithdraw: boolean
  canSupplement: boolean
  /** A named denunciation past its resolution time limit: the denouncer may ask the superior (Art. 38). */
  canEscalate?: boolean
  /** The answer may be rated now (resolved, not rated yet). */
  canRate?: boolean
  /** The petitioner's rating of the answer, once given. */
  rating?: { score: number; comment?: string; at: string }
}

/** A file chosen in a form (no JavaScript: posted as multipart/form-data with the form). */
export interface FormFile {
  name: string
  mediaType: string
  bytes: Uint8Array
  /** The citizen ticked "these documents do not identify me". */
  contentOnly?: boolean
}

export type SubmitOutcome =
  | {
      ok: true
      receipt: Receipt
      /** Names of the documents stored with the petition. */
      attached?: string[]
      /** The petition is stored but its documents could not be: add them later from tracking. */
      attachmentsFailed?: boolean
    }
  | {
      ok: false
      errors: FieldError[]
      /** Refused by the submission limit (429): seconds until the client may file again. */
      retryAfterSeconds?: number
    }
/** A document issued to the petitioner, listed on the tracking page (docs/documents.md#delivery). */
export interface TrackedDocument {
  readonly ref: string
  readonly symbol: string
  readonly name: { readonly vi: string; readonly en: string }
  readonly issuedOn: string
}

export type TrackOutcome =
  | { ok: true; view: CitizenView; documents?: readonly TrackedDocument[] }
  | { ok: false; reason: 'not_found' | 'locked' }

export interface Topic {
  value: string
  label: { vi: string; en: string }
}

export interface CitizenPageDeps {
  organizationName: { vi: string; en: string }
  topics: Topic[]
  submit(
    form: PetitionForm,
    lang: Lang,
    clientKey: string,
    files?: readonly FormFile[],
  ): Promise<SubmitOutcome>
  /** Whether the submit form takes documents (the attachment store is configured). */
  acceptsFiles?: boolean
  track(code: string, pin: string, lang: Lang, clientKey: string): Promise<TrackOutcome>
  /** A short-lived link to a document issued to the petitioner, after the PIN check; undefined: none such. */
  documentLink?(code: string, pin: string, ref: string, clientKey: string): Promise<string | undefined>
  withdraw?(code: string, pin: string, reason: string, lang: Lang, clientKey: string): Promise<TrackOutcome>
  supplement?(code: string, pin: string, text: string, lang: Lang, clientKey: string): Promise<TrackOutcome>
  escalate?(code: string, pin: string, reason: string, lang: Lang, clientKey: string): Promise<TrackOutcome>
  /** Rates the answer (score 1–5, already checked by the page; the deps check again). */
  rate?(
    code: string,
    pin: string,
    rating: { score: number; comment?: string },
    lang: Lang,
    clientKey: string,
  ): Promise<TrackOutcome>
  /**
   * Called with an unexpected error before the generic error page is rendered (log it here: the
   * page itself never shows the error).
   */
  onError?(error: unknown, c: Context): void
  /**
   * Who is asking, for rate limits: given by the app that mounts the pages (shared/http's
   * `clientAddress`, which believes only what the runtime knows), never read from a header here.
   */
  clientKey(c: Context): string
}
