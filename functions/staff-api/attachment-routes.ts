/** Staff attachment routes: list, short-lived links, and uploads by the reception officer. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import {
  attachmentIdParam,
  attachmentLinkSchema,
  slotsOut,
  staffAttachmentSchema,
  uploadRequestSchema,
  uploadSlotsSchema,
} from '../../shared/http/attachment-schemas.js'
import type { StaffEnv } from '../../shared/http/auth.js'
import { requestLanguage } from '../../shared/http/lang.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'
import type { AttachmentService } from '../../shared/service/attachments.js'

const security = [{ bearerAuth: [] }]
const codeParam = z.object({ trackingCode: z.string().max(40) })

export const listAttachmentsRoute = createRoute({
  operationId: 'listCaseAttachments',
  method: 'get',
  path: '/api/v1/cases/{trackingCode}/attachments',
  tags: ['staff'],
  security,
  summary: "A case's verified documents (a denouncer's restricted ones without their filename)",
  request: { params: codeParam },
  responses: {
    200: {
      description: 'The documents',
      content: { 'application/json': { schema: z.object({ items: z.array(staffAttachmentSchema) }) } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in' }),
  },
})

export const attachmentLinkRoute = createRoute({
  operationId: 'getCaseAttachmentLink',
  method: 'get',
  path: '/api/v1/cases/{trackingCode}/attachments/{id}/link',
  tags: ['staff'],
  security,
  summary: 'A download link valid for 5 minutes (restricted documents: audited, reveal roles only)',
  request: { params: codeParam.extend({ id: attachmentIdParam }) },
  responses: {
    200: { description: 'The link', content: { 'application/json': { schema: attachmentLinkSchema } } },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: "May identify the denouncer: not the caller's to open" }),
  },
})

export const requestCaseUploadsRoute = createRoute({
  operationId: 'requestCaseUploads',
  method: 'post',
  path: '/api/v1/cases/{trackingCode}/attachments',
  tags: ['staff'],
  security,
  summary: 'The reception officer asks for upload URLs (PDF, JPEG, PNG, DOCX; ≤ 5 per case, ≤ 10 MB)',
  request: {
    params: codeParam,
    body: { required: true, content: { 'application/json': { schema: uploadRequestSchema } } },
  },
  responses: {
    201: {
      description: 'One presigned PUT per file; confirm each with …/completion',
      content: { 'application/json': { schema: uploadSlotsSchema } },
    },
    ...problemResponses,
    ...problems({ 401: 'Not signed in', 403: 'Not the reception officer of the case', 409: 'Case closed' }),
  },
})

export const completeCaseUploadRoute = createRoute({
  operationId: 'completeCaseUpload',
  method: 'post',
  path: '/api/v1/cases/{trackingCode}/attachments/{id}/completion',
  tags: ['staff'],
  security,
  summary: 'Confirm an upload: the type is checked from the content, the size against the declared one',
  request: { params: codeParam.extend({ id: attachmentIdParam }) },
  responses: {
    200: {
      description: 'Verified and attached',
      content: { 'application/json': { schema: z.object({ attachment: staffAttachmentSchema }) } },
    },
    ...problemResponses,
    ...problems({
      401: 'Not signed in',
      403: 'Not the reception officer of the case',
      409: 'Nothing uploaded',
    }),
  },
})

export const STAFF_ATTACHMENT_ROUTES = [
  listAttachmentsRoute,
  attachmentLinkRoute,
  requestCaseUploadsRoute,
  completeCaseUploadRoute,
]

export function staffAttachmentRoutes(app: OpenAPIHono<StaffEnv>, attachments: AttachmentService) {
  app.openapi(listAttachmentsRoute, async (c) => {
    const items = await attachments.listAttachments(c.get('user'), c.req.valid('param').trackingCode)
    return c.json({ items }, 200)
  })

  app.openapi(attachmentLinkRoute, async (c) => {
    const { trackingCode, id } = c.req.valid('param')
    const link = await attachments.attachmentLink(c.get('user'), trackingCode, id)
    c.header('cache-control', 'no-store')
    return c.json(link, 200)
  })

  app.openapi(requestCaseUploadsRoute, async (c) => {
    const slots = await attachments.requestStaffUploads(
      c.get('user'),
      c.req.valid('param').trackingCode,
      c.req.valid('json').files,
      requestLanguage(c),
    )
    return c.json(slotsOut(slots), 201)
  })

  app.openapi(completeCaseUploadRoute, async (c) => {
    const { trackingCode, id } = c.req.valid('param')
    const attachment = await attachments.completeStaffUpload(
      c.get('user'),
      trackingCode,
      id,
      requestLanguage(c),
    )
    return c.json({ attachment }, 200)
  })
}
