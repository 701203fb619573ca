/**
 * What every Hono app shares: validation errors become problems (never Hono's default body), a
 * correlation id per request, a body size limit, and the error mapper.
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, Env } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { errorMapper, problemResponse, ValidationProblem } from './problem.js'

/** JSON bodies: 20,000 characters of Vietnamese text (up to 3 bytes each) plus the other fields. */
export const MAX_BODY_BYTES = 128 * 1024

export function createApp<E extends Env>(logger: Logger): OpenAPIHono<E> {
  const app = new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationProblem(result.error, result.target)
    },
  })
  app.use('*', async (c, next) => {
    const correlationId = c.req.header('x-correlation-id') ?? crypto.randomUUID()
    logger.appendKeys({ correlationId })
    c.header('x-correlation-id', correlationId)
    try {
      await next()
    } finally {
      logger.removeKeys(['correlationId'])
    }
  })
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: `the body is larger than ${MAX_BODY_BYTES} bytes` })
      },
    }),
  )
  app.onError(errorMapper(logger))
  app.notFound(apiNotFound)
  return app
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}

export function apiNotFound(c: Context): Response {
  return problemResponse(c, 404, 'not_found', `no resource at ${c.req.path}`)
}
