/** The case dossier for the archive (shared/service/dossier.ts): made on request, handed out as a link. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { StaffEnv } from '../../shared/http/auth.js'
import { problemResponses, problems } from '../../shared/http/schemas.js'
import type { DossierService } from '../../shared/service/dossier.js'
import { archiveEventName } from '../../web/i18n.js'

const codeParam = z.object({ trackingCode: z.string().max(40) })

export const dossierLinkSchema = z.object({
  url: z.string().meta({ description: 'a download link for the ZIP that works for 5 minutes' }),
  expiresAt: z.string(),
  fileName: z.string(),
  sha256: z.string().meta({ description: 'SHA-256 of the ZIP (hex)' }),
  bytes: z.number().int(),
  scope: z.enum(['full', 'content']).meta({
    description: "full: every piece; content: the pieces carrying the petitioner's identity left out",
  }),
  withheld: z.number().int().meta({ description: 'how many pieces a content dossier leaves out' }),
  files: z.number().int(),
})

export const exportDossierRoute = createRoute({
  operationId: 'exportCaseDossier',
  method: 'post',
  path: '/api/v1/cases/{trackingCode}/dossier',
  tags: ['staff'],
  security: [{ bearerAuth: [] }],
  summary:
    'The dossier of a finished case for the archive (ZIP: petition, documents, attachments, table of contents, history, manifest with SHA-256); recorded in the history',
  request: { params: codeParam },
  responses: {
    201: {
      description: 'The dossier, stored, and a link to it',
      content: { 'application/json': { schema: dossierLinkSchema } },
    },
    ...problemResponses,
    ...problems({
      401: 'Not signed in',
      403: 'Not a head over the case or a supervisor',
      409: 'The case is still being handled',
    }),
  },
})

export const DOSSIER_ROUTES = [exportDossierRoute]

export function staffDossierRoutes(app: OpenAPIHono<StaffEnv>, dossiers: DossierService) {
  app.openapi(exportDossierRoute, async (c) => {
    const link = await dossiers.exportDossier(c.get('user'), c.req.valid('param').trackingCode, {
      eventName: archiveEventName,
    })
    c.header('cache-control', 'no-store')
    return c.json(link, 201)
  })
}
