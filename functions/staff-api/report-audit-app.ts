/**
 * Mounts the response-time audit on the staff app: the cases behind a figure, the charts as SVG,
 * and audit samples with their findings. Handlers only parse, call the service and map.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ReportPart } from '../../shared/domain/reports.js'
import { requireUser, type StaffEnv, type TokenVerifier } from '../../shared/http/auth.js'
import { requestLanguage } from '../../shared/http/lang.js'
import { reportPeriodOf } from '../../shared/http/report-query.js'
import type { Services } from '../../shared/service/context.js'
import { createReportAuditService } from '../../shared/service/report-audit.js'
import { BacklogChart, OnTimeChart, svgDocument } from '../../web/charts.js'
import {
  backlogChartRoute,
  drawSampleRoute,
  getSampleRoute,
  listSamplesRoute,
  onTimeChartRoute,
  recordFindingRoute,
  reportCasesRoute,
} from './report-audit-routes.js'

function partOf(part: string | undefined): ReportPart {
  if (part === undefined || part === 'total') return 'total'
  if (part === 'own') return 'own'
  return { child: part }
}

export function mountReportAudit(
  app: OpenAPIHono<StaffEnv>,
  deps: { services: Services; verifier: TokenVerifier },
) {
  const { services } = deps
  const audit = createReportAuditService(services)
  const auth = requireUser(deps.verifier, services.users)
  app.use('/api/v1/reports/*', auth)
  app.use('/api/v1/audit-samples', auth)
  app.use('/api/v1/audit-samples/*', auth)

  const committeeName = async (id: string, lang: 'vi' | 'en') => {
    const c = (await services.settings.getCommittees()).value.find((x) => x.id === id)
    return (lang === 'en' && c?.nameEn) || c?.name || id
  }
  const svgResponse = (body: string) =>
    new Response(body, {
      status: 200,
      headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, no-store' },
    })

  app.openapi(reportCasesRoute, async (c) => {
    const { committeeId, indicator, part, ...q } = c.req.valid('query')
    const result = await audit.cases(c.get('user'), committeeId, reportPeriodOf(q), indicator, partOf(part))
    return c.json(result, 200)
  })

  app.openapi(onTimeChartRoute, async (c) => {
    const q = c.req.valid('query')
    const lang = requestLanguage(c)
    const points = await audit.onTimeTrend(c.get('user'), q.committeeId, q.unit, q.count, q.until)
    const chart = OnTimeChart({ points, lang, committee: await committeeName(q.committeeId, lang) })
    return svgResponse(await svgDocument(chart)) as never
  })

  app.openapi(backlogChartRoute, async (c) => {
    const { committeeId, lang: _lang, ...q } = c.req.valid('query')
    const lang = requestLanguage(c)
    const backlog = await audit.backlog(c.get('user'), committeeId, reportPeriodOf(q))
    const chart = BacklogChart({ backlog, lang, committee: await committeeName(committeeId, lang) })
    return svgResponse(await svgDocument(chart)) as never
  })

  app.openapi(drawSampleRoute, async (c) => {
    const { committeeId, size, seed, ...q } = c.req.valid('json')
    const sample = await audit.drawSample(c.get('user'), {
      committeeId,
      period: reportPeriodOf(q),
      size,
      seed,
    })
    return c.json(sample, 201)
  })

  app.openapi(listSamplesRoute, async (c) => {
    const items = await audit.listSamples(c.get('user'), c.req.valid('query').committeeId)
    return c.json({ items } as Record<string, unknown>, 200)
  })

  app.openapi(getSampleRoute, async (c) => {
    const sample = await audit.getSample(c.get('user'), c.req.valid('param').id)
    return c.json(sample, 200)
  })

  app.openapi(recordFindingRoute, async (c) => {
    const { id, trackingCode } = c.req.valid('param')
    const sample = await audit.recordFinding(c.get('user'), id, trackingCode, c.req.valid('json'))
    return c.json(sample, 200)
  })
}
