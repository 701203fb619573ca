/** Audit samples of a report: drawing one, reviewing its cases and recording a finding per case. */
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { FINDINGS, type Finding } from '../../../shared/domain/audit.js'
import { DomainError } from '../../../shared/domain/errors.js'
import { PERIOD_KINDS, type PeriodKind } from '../../../shared/domain/reports.js'
import { t } from '../../i18n.js'
import type { FieldError } from '../../types.js'
import { type FormDefinition, type FormState, readBody, submitForm, text } from '../form.js'
import {
  committeeName,
  formLimit,
  layout,
  refusedField,
  render,
  rolesOf,
  type StaffContext,
} from '../http.js'
import { AuditSamplePage, type SampleView } from '../pages/audit.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

/** One case's finding: a finding from the list and a note (checked here; the service checks again). */
function findingForm(code: string): FormDefinition<{ finding: Finding; note: string }> {
  return {
    fields: { finding: 'text', note: 'lines' },
    input: (values) => ({ finding: values.finding, note: values.note }),
    fallback: `${code}.note`,
  }
}

export function auditRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  async function samplePage(
    c: StaffContext,
    id: string,
    extra: { done?: boolean; failed?: { code: string } & FormState },
    status: ContentfulStatusCode = 200,
  ) {
    const user = c.get('user')
    const lang = c.get('lang')
    const [sample, committees] = await Promise.all([
      deps.audit.getSample(user, id) as Promise<SampleView>,
      deps.settings.getCommittees().then((x) => x.value),
    ])
    return render(
      c,
      <AuditSamplePage
        {...layout(c, org)}
        committeeName={committeeName(committees, sample.committeeId, lang)}
        sample={sample}
        canRecord={rolesOf(user).includes('supervisor')}
        done={extra.done}
        failed={extra.failed}
      />,
      status,
    )
  }

  app.post('/staff/audit-samples', formLimit, async (c) => {
    const body = await readBody(c)
    const committee = text(body, 'committeeId')
    const period = text(body, 'period')
    const back = (error: string) =>
      c.redirect(
        `/staff/reports?${new URLSearchParams({ committee, period, year: text(body, 'year'), index: text(body, 'index'), sampleError: error }).toString()}#samples-title`,
        303,
      )
    const size = Number(text(body, 'size') || '10')
    if (!Number.isInteger(size) || size < 1 || size > 100) return back('size')
    if (!(PERIOD_KINDS as readonly string[]).includes(period)) return back('period')
    try {
      const sample = await deps.audit.drawSample(c.get('user'), {
        committeeId: committee,
        period: {
          period: period as PeriodKind,
          year: Number(text(body, 'year')),
          index: text(body, 'index') ? Number(text(body, 'index')) : undefined,
        },
        size,
      })
      return c.redirect(`/staff/audit-samples/${encodeURIComponent(sample.id)}?lang=${c.get('lang')}`, 303)
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 404) throw error
      return back(refusedField(error, 'period'))
    }
  })

  app.get('/staff/audit-samples/:id', (c) =>
    samplePage(c, c.req.param('id'), { done: c.req.query('done') === '1' }),
  )

  app.post('/staff/audit-samples/:id/findings/:code', formLimit, (c) => {
    const id = c.req.param('id')
    const code = c.req.param('code')
    return submitForm(c, findingForm(code), {
      precheck: (values, lang) => {
        const errors: FieldError[] = []
        if (!(FINDINGS as readonly string[]).includes(values.finding ?? ''))
          errors.push({ field: `${code}.finding`, message: t(lang, 'staff.audit.finding.missing') })
        if (!values.note || values.note.length > 2000)
          errors.push({ field: `${code}.note`, message: t(lang, 'staff.audit.note.missing') })
        return errors
      },
      run: async (input) => {
        await deps.audit.recordFinding(c.get('user'), id, code, input)
        return `/staff/audit-samples/${encodeURIComponent(id)}?done=1#f-${code}-finding`
      },
      again: (form, status) => samplePage(c, id, { failed: { code, ...form } }, status),
    })
  })
  return app
}
