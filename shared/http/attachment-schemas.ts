/** Shapes of the attachment routes (public and staff), for validation and the OpenAPI document. */
import * as z from 'zod'
import {
  ATTACHMENT_TYPES,
  type AttachmentDeclaration,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from '../domain/attachments.js'

export const attachmentIdParam = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  .meta({ description: 'attachment id' })

export const uploadSlotsSchema = z.object({
  uploads: z.array(
    z.object({
      id: z.string(),
      name: z.string().meta({ description: 'the stored (sanitised) filename' }),
      url: z
        .string()
        .meta({ description: 'PUT the bytes here, with exactly these headers, before expiresAt' }),
      method: z.literal('PUT'),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  ),
})

export const petitionerAttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  uploadedAt: z.string(),
})

export const staffAttachmentSchema = z.object({
  id: z.string(),
  name: z.string().meta({
    description:
      "the sanitised filename; for a document that may identify a denouncer a neutral one ('Tài liệu 2.pdf'), whoever reads: the original only with the audited link",
  }),
  type: z.enum(ATTACHMENT_TYPES),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ kind: z.enum(['petitioner', 'staff']), role: z.string().optional() }),
  identityRestricted: z.boolean(),
  canOpen: z.boolean(),
})

export const attachmentLinkSchema = z.object({
  url: z.string().meta({ description: 'a download link that works for 5 minutes' }),
  name: z.string().meta({
    description:
      'the original filename (of an identity-restricted document: unsealed after the opening was recorded); the link names the file neutrally',
  }),
  expiresAt: z.string(),
})

/** Slot records as the API returns them. */
export function slotsOut(
  slots: readonly {
    id: string
    name: string
    upload: { url: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string }
  }[],
) {
  return { uploads: slots.map((s) => ({ id: s.id, name: s.name, ...s.upload })) }
}

/** One file a client is about to upload (shared/domain/attachments.ts's AttachmentDeclaration). */
export const attachmentDeclarationSchema = z.strictObject({
  name: z.string().min(1).max(255),
  /** The media type the client will send (must be one of the accepted four). */
  type: z.string().min(1).max(120),
  /** Exact size in bytes: the upload URL is signed for it. */
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  /**
   * The uploader says the document does not identify them (a photo of the site, a public record):
   * only then is a denouncer's document open to every handler of the case. Default: it does.
   */
  contentOnly: z.boolean().optional(),
}) satisfies z.ZodType<AttachmentDeclaration>

export const uploadRequestSchema = z.strictObject({
  files: z.array(attachmentDeclarationSchema).min(1).max(MAX_ATTACHMENTS),
})
