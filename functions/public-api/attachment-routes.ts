/** The petitioner's attachment routes (tracking code + PIN), described once. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Env } from 'hono'
import * as z from 'zod'
import {
  attachmentIdParam,
  petitionerAttachmentSchema,
  slotsOut,
  uploadRequestSchema,
  uploadSlotsSchema,
} from '../../shared/http/attachment-schemas.js'
import { clientAddress } from '../../shared/http/client-address.js'
import { requestLanguage } from '../../shared/http/lang.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'
import type { AttachmentService } from '../../shared/service/attachments.js'

const codeParam = z.object({ trackingCode: z.string().max(40) })
const pinHeader = z.object({ 'x-tracking-pin': z.string().min(1).max(32) })

export const requestPetitionUploadsRoute = createRoute({
  operationId: 'requestPetitionUploads',
  method: 'post',
  path: '/api/v1/petitions/{trackingCode}/attachments',
  tags: ['public'],
  security: [],
  summary: 'Ask for upload URLs (PDF, JPEG, PNG, DOCX; at most 5 files of 10 MB per petition)',
  request: {
    params: codeParam,
    headers: pinHeader,
    body: { required: true, content: { 'application/json': { schema: uploadRequestSchema } } },
  },
  responses: {
    201: {
      description: 'One presigned PUT per file; then confirm each with …/completion',
      content: { 'application/json': { schema: uploadSlotsSchema } },
    },
    ...problemResponses,
    ...problems({ 409: 'The case is closed', 429: 'Too many wrong PINs' }),
  },
})

export const completePetitionUploadRoute = createRoute({
  operationId: 'completePetitionUpload',
  method: 'post',
  path: '/api/v1/petitions/{trackingCode}/attachments/{id}/completion',
  tags: ['public'],
  security: [],
  summary: 'Confirm an upload: the server checks the type from the content and the size',
  request: { params: codeParam.extend({ id: attachmentIdParam }), headers: pinHeader },
  responses: {
    200: {
      description: 'Verified and attached',
      content: { 'application/json': { schema: z.object({ attachment: petitionerAttachmentSchema }) } },
    },
    ...problemResponses,
    ...problems({ 409: 'Nothing uploaded yet', 429: 'Too many wrong PINs' }),
  },
})

export const listPetitionAttachmentsRoute = createRoute({
  operationId: 'listPetitionAttachments',
  method: 'get',
  path: '/api/v1/petitions/{trackingCode}/attachments',
  tags: ['public'],
  security: [],
  summary: 'The documents the petitioner attached',
  request: { params: codeParam, headers: pinHeader },
  responses: {
    200: {
      description: 'Verified documents only',
      content: { 'application/json': { schema: z.object({ items: z.array(petitionerAttachmentSchema) }) } },
    },
    ...problemResponses,
    ...problems({ 429: 'Too many wrong PINs' }),
  },
})

export const PUBLIC_ATTACHMENT_ROUTES = [
  requestPetitionUploadsRoute,
  completePetitionUploadRoute,
  listPetitionAttachmentsRoute,
]

export function publicAttachmentRoutes<E extends Env>(app: OpenAPIHono<E>, attachments: AttachmentService) {
  app.openapi(requestPetitionUploadsRoute, async (c) => {
    const slots = await attachments.requestUploads(
      c.req.valid('param').trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      clientAddress(c),
      c.req.valid('json').files,
      requestLanguage(c),
    )
    c.header('cache-control', 'no-store')
    return c.json(slotsOut(slots), 201)
  })

  app.openapi(completePetitionUploadRoute, async (c) => {
    const { trackingCode, id } = c.req.valid('param')
    const attachment = await attachments.completeUpload(
      trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      clientAddress(c),
      id,
      requestLanguage(c),
    )
    return c.json({ attachment }, 200)
  })

  app.openapi(listPetitionAttachmentsRoute, async (c) => {
    const items = await attachments.listForPetitioner(
      c.req.valid('param').trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      clientAddress(c),
    )
    c.header('cache-control', 'no-store')
    return c.json({ items }, 200)
  })
}
