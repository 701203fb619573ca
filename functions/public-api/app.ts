/**
 * The public function: citizens file, track, withdraw and add to petitions. Its IAM role can only
 * write new cases, read one case by key and read the configuration; routes stay thin.
 */
import type { Context, Hono } from 'hono'
import { DomainError } from '../../shared/domain/errors.js'
import { apiNotFound, createApp, isApiPath } from '../../shared/http/app-base.js'
import { clientAddress } from '../../shared/http/client-address.js'
import { requestLanguage } from '../../shared/http/lang.js'
import type { AttachmentService } from '../../shared/service/attachments.js'
import type { Services } from '../../shared/service/context.js'
import type { IdempotentSubmit } from '../../shared/service/idempotency.js'
import type { PetitionService } from '../../shared/service/petitions.js'
import { publicAttachmentRoutes } from './attachment-routes.js'
import { open311App } from './open311.js'
import {
  escalatePetitionRoute,
  ratePetitionRoute,
  submitPetitionRoute,
  supplementPetitionRoute,
  trackPetitionRoute,
  withdrawPetitionRoute,
} from './routes.js'

export interface PublicAppDeps {
  readonly services: Services
  readonly petitions: PetitionService
  readonly idempotentSubmit?: IdempotentSubmit
  /** The citizen pages (web/), mounted at `/`, and their not-found page. */
  readonly pages?: { readonly app: Hono; readonly notFound: (c: Context) => Response | Promise<Response> }
  /** Origins allowed to call the public JSON API from a browser; none by default. */
  readonly corsOrigins?: readonly string[]
  /** Petitioners' documents (tracking code + PIN). */
  readonly attachments?: AttachmentService
}

/** Powertools idempotency errors, by class name of its stable error types (no instanceof across bundles). */
function idempotencyProblem(error: unknown): DomainError | undefined {
  const name = (error as { name?: string }).name
  if (name === 'IdempotencyValidationError')
    return new DomainError(
      'idempotency_key_reused',
      'this Idempotency-Key was already used with a different body',
      422,
    )
  // The first request with this key failed and let go of it (or its record expired) just as this
  // one found it: nothing was stored for the key, and a retry now runs afresh.
  if (
    name === 'IdempotencyAlreadyInProgressError' ||
    name === 'IdempotencyItemNotFoundError' ||
    name === 'IdempotencyInconsistentStateError'
  )
    return new DomainError(
      'request_in_progress',
      'a request with this Idempotency-Key is still being processed; retry shortly',
      409,
    )
  return undefined
}

export function createPublicApp(deps: PublicAppDeps) {
  const app = createApp(deps.services.logger, {
    corsOrigins: deps.corsOrigins,
    publicOrigins: deps.services.publicOrigins,
  })
  const { petitions } = deps

  app.openapi(submitPetitionRoute, async (c) => {
    const body = c.req.valid('json')
    const lang = requestLanguage(c)
    const key = c.req.valid('header')['idempotency-key']
    let receipt: Awaited<ReturnType<PetitionService['submit']>>
    const client = clientAddress(c)
    if (key && deps.idempotentSubmit) {
      try {
        // Inside the idempotent call: a replay is answered from its record and never counted.
        receipt = await deps.idempotentSubmit(key, body, (b) =>
          petitions.submit(b, lang, undefined, { client, keyed: true }),
        )
      } catch (error) {
        throw idempotencyProblem(error) ?? error
      }
    } else receipt = await petitions.submit(body, lang, undefined, { client, keyed: false })
    c.header('cache-control', 'no-store')
    return c.json(receipt, 201)
  })

  app.openapi(trackPetitionRoute, async (c) => {
    const view = await petitions.track(
      c.req.valid('param').trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      requestLanguage(c),
      clientAddress(c),
    )
    c.header('cache-control', 'no-store')
    return c.json(view, 200)
  })

  app.openapi(withdrawPetitionRoute, async (c) => {
    const { trackingCode } = c.req.valid('param')
    const view = await petitions.withdraw(
      trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      c.req.valid('json'),
      requestLanguage(c),
      clientAddress(c),
    )
    return c.json(view, 200)
  })

  app.openapi(supplementPetitionRoute, async (c) => {
    const { trackingCode } = c.req.valid('param')
    const view = await petitions.supplement(
      trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      c.req.valid('json').text,
      requestLanguage(c),
      clientAddress(c),
    )
    return c.json(view, 201)
  })

  app.openapi(escalatePetitionRoute, async (c) => {
    const view = await petitions.escalate(
      c.req.valid('param').trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      c.req.valid('json').reason,
      requestLanguage(c),
      clientAddress(c),
    )
    return c.json(view, 200)
  })

  app.openapi(ratePetitionRoute, async (c) => {
    const view = await petitions.rate(
      c.req.valid('param').trackingCode,
      c.req.valid('header')['x-tracking-pin'],
      c.req.valid('json'),
      requestLanguage(c),
      clientAddress(c),
    )
    return c.json(view, 201)
  })

  // Open311 GeoReport v2, read only (functions/public-api/open311.ts).
  app.route('/', open311App(deps.services))
  if (deps.attachments) publicAttachmentRoutes(app, deps.attachments)

  if (deps.pages) {
    const pages = deps.pages
    app.route('/', pages.app)
    app.notFound((c) => (isApiPath(c.req.path) ? apiNotFound(c) : pages.notFound(c)))
  }
  return app
}
