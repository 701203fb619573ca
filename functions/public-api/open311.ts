/**
 * Open311 GeoReport v2 (read only): `services.json`, `requests.json`, `requests/{id}.json`, so
 * existing civic tools can follow recommendations and feedback. Errors use GeoReport's format
 * (`[{code, description}]`) with the same HTTP status. Open data: any origin may read it.
 */
import { type Context, Hono } from 'hono'
import { requestLanguage } from '../../shared/http/lang.js'
import type { Services } from '../../shared/service/context.js'
import { createOpen311Service, GeoReportError } from '../../shared/service/open311.js'
import { OPEN311_BASE } from './paths.js'

export { OPEN311_BASE }

function openData(c: Context) {
  c.header('access-control-allow-origin', '*')
  c.header('cache-control', 'public, max-age=60')
}

export function open311App(services: Services): Hono {
  const app = new Hono()
  const open311 = createOpen311Service(services)

  const answer = async (c: Context, run: () => Promise<unknown>) => {
    openData(c)
    try {
      return c.json(await run(), 200)
    } catch (error) {
      if (error instanceof GeoReportError) return c.json(error.body(requestLanguage(c)), error.status)
      throw error
    }
  }

  app.get(`${OPEN311_BASE}/services.json`, (c) => answer(c, async () => open311.services(requestLanguage(c))))

  app.get(`${OPEN311_BASE}/requests.json`, (c) =>
    answer(c, () =>
      open311.requests(
        {
          service_request_id: c.req.query('service_request_id'),
          service_code: c.req.query('service_code'),
          status: c.req.query('status'),
          start_date: c.req.query('start_date'),
          end_date: c.req.query('end_date'),
        },
        requestLanguage(c),
      ),
    ),
  )

  app.get(`${OPEN311_BASE}/requests/:file`, (c) =>
    answer(c, async () => {
      const file = c.req.param('file')
      if (!file.endsWith('.json'))
        throw new GeoReportError(404, {
          vi: 'chỉ có định dạng .json',
          en: 'only the .json format is served',
        })
      return open311.request(file.slice(0, -'.json'.length), requestLanguage(c))
    }),
  )

  return app
}
