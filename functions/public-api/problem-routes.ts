/** The problem-type pages (web/citizen-pages.tsx), described for the OpenAPI document. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { PROBLEMS_PATH } from '../../shared/http/problem-types.js'

export const problemPageRoute = createRoute({
  operationId: 'getProblemType',
  method: 'get',
  path: `${PROBLEMS_PATH}/{code}`,
  tags: ['problems'],
  security: [],
  summary: 'What a problem type means and what to do: the page every problem `type` URI resolves to',
  request: {
    params: z.object({ code: z.string().meta({ example: 'action_not_in_state' }) }),
    query: z.object({ lang: z.enum(['vi', 'en']).optional() }),
  },
  responses: {
    200: {
      description: 'The page (HTML), in Vietnamese or English',
      content: { 'text/html': { schema: z.string() } },
    },
    404: { description: 'No such problem type', content: { 'text/html': { schema: z.string() } } },
  },
})
