/**
 * The public transparency page and its open-data files (JSON with field documentation and licence,
 * CSV). No sign-in; nothing personal: the figures are already suppressed by the service.
 *
 * Mounted by the staff function (functions/staff-api/app.ts), which already reads the reporting
 * index for reports: the public function's role stays without it (that index holds tracking codes
 * and titles).
 */
import { type Context, Hono } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { csvLine } from '../shared/http/csv.js'
import type { CommitteeFiguresDocument } from '../shared/service/transparency.js'
import { CITIZEN_CSP, pageLang } from './citizen-pages.js'
import { otherLang } from './i18n.js'
import { TransparencyPage } from './pages/transparency.js'

export const TRANSPARENCY_PATH = '/minh-bach'
export const OPEN_DATA_JSON_PATH = '/api/v1/open-data/committee-figures.json'
export const OPEN_DATA_CSV_PATH = '/api/v1/open-data/committee-figures.csv'

export interface TransparencyDeps {
  readonly organizationName: { vi: string; en: string }
  figures(): Promise<CommitteeFiguresDocument>
}

/** Open data may be read from anywhere and kept a few minutes. */
function openData(c: Context) {
  c.header('access-control-allow-origin', '*')
  c.header('cache-control', 'public, max-age=300')
}

const CSV_COLUMNS = [
  'year',
  'quarter',
  'from',
  'to',
  'to_date',
  'committee_id',
  'committee_name',
  'received',
  'resolved',
  'on_time_percent',
  'median_days_to_resolution',
  'suppressed',
] as const

export function toCsv(doc: CommitteeFiguresDocument): string {
  const lines: string[] = [CSV_COLUMNS.join(',')]
  for (const q of doc.quarters) {
    const rows = [
      ...q.committees,
      { committeeId: 'total', name: 'Toàn tổ chức / Total', nameEn: '', ...q.total },
    ]
    for (const r of rows)
      lines.push(
        csvLine([
          q.year,
          q.quarter,
          q.from,
          q.to,
          q.toDate,
          r.committeeId,
          r.name,
          r.received,
          r.resolved,
          r.onTimePercent,
          r.medianDaysToResolution,
          r.suppressed.map((s) => `${s.field}:${s.reason}`).join(' '),
        ]),
      )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export function transparencyPages(deps: TransparencyDeps): Hono {
  const app = new Hono()

  const render = async (c: Context, page: JSX.Element) => {
    c.header('Content-Security-Policy', CITIZEN_CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Vary', 'Cookie')
    // Not stored by shared caches: `?lang=` sets a cookie on this response.
    c.header('Cache-Control', 'no-cache')
    return c.html(`<!DOCTYPE html>${await page}`)
  }

  app.get(TRANSPARENCY_PATH, async (c) => {
    const lang = pageLang(c)
    const doc = await deps.figures()
    return render(
      c,
      <TransparencyPage
        lang={lang}
        organizationName={deps.organizationName}
        doc={doc}
        langHref={`${TRANSPARENCY_PATH}?lang=${otherLang(lang)}`}
        jsonHref={OPEN_DATA_JSON_PATH}
        csvHref={OPEN_DATA_CSV_PATH}
      />,
    )
  })

  app.get(OPEN_DATA_JSON_PATH, async (c) => {
    const doc = await deps.figures()
    openData(c)
    return c.json(doc)
  })

  app.get(OPEN_DATA_CSV_PATH, async (c) => {
    const doc = await deps.figures()
    openData(c)
    c.header('content-type', 'text/csv; charset=utf-8')
    c.header('content-disposition', 'attachment; filename="committee-figures.csv"')
    return c.body(toCsv(doc))
  })

  return app
}
