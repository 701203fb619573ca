/** Shapes of the attachment routes (public and staff), for validation and the OpenAPI document. */
import * as z from 'zod'
import { ATTACHMENT_TYPES } from '../domain/attachments.js'

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
