/**
 * What every Hono app shares: validation errors become problems (never Hono's default body), a
 * correlation id per request, a body size limit, and the error mapper (shared/http/app-middleware.ts).
 */
import type { Logger } from '@aws-lambda-powertools/logger'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Env } from 'hono'
import { type AppOptions, withAppBase } from './app-middleware.js'
import { ValidationProblem } from './field-problems.js'

export { type AppOptions, apiNotFound, isApiPath, MAX_BODY_BYTES } from './app-middleware.js'

export function createApp<E extends Env>(logger: Logger, options: AppOptions = {}): OpenAPIHono<E> {
  return withAppBase(
    new OpenAPIHono<E>({
      defaultHook: (result) => {
        if (!result.success) throw new ValidationProblem(result.error, result.target)
      },
    }),
    logger,
    options,
  )
}
