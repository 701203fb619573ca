/**
 * Wires the citizen pages (web/) to the petition service: the pages render, the service decides.
 * Validation errors come back per field in the visitor's language.
 */
import { HTTPException } from 'hono/http-exception'
import { DomainError } from '../../shared/domain/errors.js'
import { ratingSchema } from '../../shared/domain/satisfaction.js'
import {
  escalationSchema,
  petitionInputSchema,
  supplementSchema,
  withdrawalSchema,
} from '../../shared/domain/schemas.js'
import { normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { fieldProblems } from '../../shared/http/field-problems.js'
import type { AttachmentService } from '../../shared/service/attachments.js'
import type { Services } from '../../shared/service/context.js'
import type { PetitionerDocuments } from '../../shared/service/petitioner-documents.js'
import type { PetitionService } from '../../shared/service/petitions.js'
import { citizenNotFound, citizenPages } from '../../web/citizen-pages.js'
import { t } from '../../web/i18n.js'
import type { CitizenPageDeps, FieldError, Lang, TrackOutcome } from '../../web/types.js'
import { type CitizenPageActions, citizenPageStatics } from './page-deps.js'

function parseOr422<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success)
    throw new HTTPException(422, { message: parsed.error.issues.map((i) => i.message).join('; ') })
  return parsed.data
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Turns the "no such case / locked" refusals into page outcomes; anything else is a real error. */
async function asTrackOutcome(run: () => Promise<TrackOutcome & { ok: true }>): Promise<TrackOutcome> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) return { ok: false, reason: 'not_found' }
    if (error instanceof DomainError && error.status === 429) return { ok: false, reason: 'locked' }
    if (error instanceof DomainError && error.status < 500)
      throw new HTTPException(error.status, { message: error.message })
    throw error
  }
}

export function buildCitizenPages(
  services: Services,
  petitions: PetitionService,
  attachments?: AttachmentService,
  documents?: PetitionerDocuments,
) {
  const deps: CitizenPageDeps = {
    ...citizenPageStatics(services.organizationName, attachments !== undefined, services.logger),
    ...citizenPageActions(services, petitions, attachments, documents),
  }
  return { app: citizenPages(deps), notFound: citizenNotFound(deps) }
}

/** What the pages' forms do: the schemas check, the petition service decides. */
export function citizenPageActions(
  services: Services,
  petitions: PetitionService,
  attachments?: AttachmentService,
  documents?: PetitionerDocuments,
): CitizenPageActions {
  return {
    async documentLink(code, pin, ref, client) {
      return documents ? documents.link(code, pin, client, ref) : undefined
    },
    async submit(form, lang, client, files = []) {
      const parsed = petitionInputSchema.safeParse(form)
      if (!parsed.success)
        return {
          ok: false,
          errors: fieldProblems(parsed.error, lang).map((e) => ({
            field: e.field,
            message: capitalize(e.message),
          })),
        }
      // The documents are checked (count, size, type and structure, virus scan) before anything is written.
      if (files.length > 0) {
        const checked = attachments
          ? await attachments.screenFormFiles(files, lang)
          : {
              ok: false as const,
              message: lang === 'vi' ? 'không nhận tài liệu' : 'documents are not accepted',
            }
        if (!checked.ok)
          return { ok: false, errors: [{ field: 'attachments', message: capitalize(checked.message) }] }
      }
      try {
        const receipt = await petitions.submit(parsed.data, lang, undefined, { client, keyed: false })
        if (files.length === 0 || !attachments) return { ok: true, receipt }
        try {
          const stored = await attachments.attachAtSubmission(
            normalizeTrackingCode(receipt.trackingCode) ?? receipt.trackingCode,
            files,
            lang,
          )
          return { ok: true, receipt, attached: stored.map((a) => a.name) }
        } catch (error) {
          // The petition is stored and its PIN must reach the citizen: the receipt says what failed.
          services.logger.error('attachments at submission failed', {
            error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
          })
          return { ok: true, receipt, attachmentsFailed: true }
        }
      } catch (error) {
        if (error instanceof DomainError && error.code === 'too_many_submissions') {
          const retryAfterSeconds = Number(error.details?.retryAfterSeconds ?? 60)
          const minutes = String(Math.max(1, Math.ceil(retryAfterSeconds / 60)))
          return {
            ok: false,
            errors: [{ field: 'form', message: t(lang, 'submit.tooMany', { minutes }) }],
            retryAfterSeconds,
          }
        }
        const field = error instanceof DomainError ? error.details?.field : undefined
        if (typeof field === 'string')
          return {
            ok: false,
            errors: [
              {
                field,
                message: capitalize(error instanceof Error ? error.message : ''),
              } satisfies FieldError,
            ],
          }
        throw error
      }
    },
    track: (code, pin, lang: Lang, client) =>
      asTrackOutcome(async () => {
        const view = await petitions.track(code, pin, lang, client)
        // Listed only once the PIN check above passed, in this request.
        return { ok: true, view, ...(documents ? { documents: await documents.listAfterTrack(code) } : {}) }
      }),
    withdraw: (code, pin, reason, lang: Lang, client) =>
      asTrackOutcome(async () => {
        const body = parseOr422(withdrawalSchema, { scope: 'full', reason })
        return { ok: true, view: await petitions.withdraw(code, pin, body, lang, client) }
      }),
    supplement: (code, pin, text, lang: Lang, client) =>
      asTrackOutcome(async () => {
        const body = parseOr422(supplementSchema, { text })
        return { ok: true, view: await petitions.supplement(code, pin, body.text, lang, client) }
      }),
    escalate: (code, pin, reason, lang: Lang, client) =>
      asTrackOutcome(async () => {
        const body = parseOr422(escalationSchema, { reason })
        return { ok: true, view: await petitions.escalate(code, pin, body.reason, lang, client) }
      }),
    rate: (code, pin, rating, lang: Lang, client) =>
      asTrackOutcome(async () => {
        const body = parseOr422(ratingSchema, rating)
        try {
          return { ok: true, view: await petitions.rate(code, pin, body, lang, client) }
        } catch (error) {
          // A form sent twice (a double click, the back button): the page shows the rating kept.
          if (error instanceof DomainError && error.code === 'already_rated')
            return { ok: true, view: await petitions.track(code, pin, lang, client) }
          throw error
        }
      }),
  }
}
