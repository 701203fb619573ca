/**
 * The open-data files (served by web/transparency-pages.tsx on the staff function), described for
 * the OpenAPI document: public, no sign-in, small numbers suppressed.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { problems } from '../../shared/http/schemas.js'
import { OPEN_DATA_CSV_PATH, OPEN_DATA_JSON_PATH } from '../../web/transparency-pages.js'

const bilingual = z.object({ vi: z.string(), en: z.string() })
/** A published figure: a number, or null when suppressed (fewer cases than the threshold). */
const figures = z.record(
  z.string(),
  z.union([
    z.number(),
    z.null(),
    z.string(),
    z.boolean(),
    // `suppressed`: which figures were withheld and why.
    z.array(z.object({ field: z.string(), reason: z.string() })),
  ]),
)

const committeeFiguresSchema = z
  .object({
    title: bilingual,
    publisher: bilingual,
    generatedAt: z.string().meta({ description: 'when the figures were computed (UTC)' }),
    asOf: z.string().meta({ description: 'the day open cases are measured at (Vietnam)' }),
    licence: z.object({ name: z.string(), url: z.string(), note: bilingual }),
    suppression: z.object({ threshold: z.number().int(), rule: bilingual }),
    fields: z.record(z.string(), bilingual).meta({ description: 'every field, described in both languages' }),
    quarters: z.array(
      z
        .object({
          year: z.number().int(),
          quarter: z.number().int(),
          from: z.string(),
          to: z.string(),
          toDate: z.boolean(),
          committees: z.array(figures),
          total: figures,
        })
        .loose(),
    ),
  })
  .meta({ id: 'CommitteeFigures' })

export const committeeFiguresJsonRoute = createRoute({
  operationId: 'getCommitteeFigures',
  method: 'get',
  path: OPEN_DATA_JSON_PATH,
  tags: ['open-data'],
  security: [],
  summary:
    'Figures per committee for the last four quarters, with field descriptions and licence (CC BY 4.0)',
  responses: {
    200: {
      description: 'The open-data document',
      content: { 'application/json': { schema: committeeFiguresSchema } },
    },
    ...problems({ 404: 'Not found' }),
  },
})

export const committeeFiguresCsvRoute = createRoute({
  operationId: 'getCommitteeFiguresCsv',
  method: 'get',
  path: OPEN_DATA_CSV_PATH,
  tags: ['open-data'],
  security: [],
  summary: 'The same figures as CSV (UTF-8 with BOM, one row per committee and quarter)',
  responses: {
    200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
    ...problems({ 404: 'Not found' }),
  },
})

export const OPEN_DATA_ROUTES = [committeeFiguresJsonRoute, committeeFiguresCsvRoute]
