/**
 * Official documents in the staff workspace (docs/documents.md#issuing): the preview of one
 * template with its confirm step, issuing (Post/Redirect/Get back to the case's documents), a
 * fresh download link per click, cancelling, and a committee's outgoing register of a period.
 */
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { formatVietnamese, vietnamDate } from '../../../shared/domain/dates.js'
import { type AnyTemplate, templateById } from '../../../shared/domain/documents/index.js'
import type { Retention } from '../../../shared/domain/dossier.js'
import { DomainError } from '../../../shared/domain/errors.js'
import { KINDS } from '../../../shared/domain/vocabulary.js'
import { multiline } from '../../form.js'
import { t } from '../../i18n.js'
import type { FieldError } from '../../types.js'
import { readBody, text } from '../form.js'
import {
  committeeOptions,
  domainMessage,
  formLimit,
  isFormRefusal,
  layout,
  messagePage,
  parseVietnameseDate,
  render,
  type StaffContext,
} from '../http.js'
import { RetentionPage } from '../pages/admin-documents.js'
import { DocumentIssuePage } from '../pages/case-documents.js'
import { DocumentRegisterPage } from '../pages/document-register.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

/** Which of the officer's extras a template prints (the rest come from the case). */
export function asksOf(template: AnyTemplate) {
  const body = JSON.stringify(template.body)
  return {
    recipient: template.addressee === 'other_body' || template.addressee === 'accused',
    contentSummary: body.includes('"decision.contentSummary"'),
  }
}

export function documentRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  async function issuePage(
    c: StaffContext,
    code: string,
    templateId: string,
    values: { recipient: string; contentSummary: string },
    failure: { error?: string; confirmError?: string } = {},
    status: ContentfulStatusCode = 200,
  ) {
    const documents = deps.documents
    if (!documents) return messagePage(c, org, 404)
    const lang = c.get('lang')
    const user = c.get('user')
    let template: AnyTemplate
    try {
      template = templateById(templateId)
    } catch {
      return messagePage(c, org, 404)
    }
    const asks = asksOf(template)
    const [applicable, preview] = await Promise.all([
      documents.applicable(user, code),
      documents.preview(user, code, templateId, values).then(
        (model) => ({ model }),
        (error: unknown) => {
          if (isFormRefusal(error)) return { error: domainMessage(error, lang), status: error.status }
          throw error
        },
      ),
    ])
    const trackingCode = code
    return render(
      c,
      <DocumentIssuePage
        {...layout(c, org)}
        trackingCode={trackingCode}
        template={{
          id: template.id,
          name: template.name,
          addressee: template.addressee,
          issued: false,
          basis: template.basis,
          form: template.form,
        }}
        model={'model' in preview ? preview.model : undefined}
        values={values}
        asks={asks}
        error={failure.error ?? ('error' in preview ? preview.error : undefined)}
        confirmError={failure.confirmError}
        canIssue={applicable.canIssue}
      />,
      'status' in preview && status === 200 ? (preview.status as ContentfulStatusCode) : status,
    )
  }

  app.get('/staff/cases/:code/documents/new', async (c) =>
    issuePage(c, c.req.param('code'), c.req.query('template') ?? '', {
      recipient: (c.req.query('recipient') ?? '').trim().slice(0, 300),
      contentSummary: (c.req.query('contentSummary') ?? '').trim().slice(0, 4000),
    }),
  )

  app.post('/staff/cases/:code/documents', formLimit, async (c) => {
    if (!deps.documents) return messagePage(c, org, 404)
    const code = c.req.param('code')
    const body = await readBody(c)
    const templateId = text(body, 'template')
    const values = {
      recipient: text(body, 'recipient'),
      contentSummary: multiline(body, 'contentSummary').trim(),
    }
    if (text(body, 'confirm') !== 'true')
      return issuePage(
        c,
        code,
        templateId,
        values,
        { confirmError: t(c.get('lang'), 'documents.confirmMissing') },
        422,
      )
    try {
      const issued = await deps.documents.issue(c.get('user'), code, templateId, values)
      return c.redirect(
        `/staff/cases/${encodeURIComponent(issued.caseCode)}?document=${encodeURIComponent(issued.ref)}#documents`,
        303,
      )
    } catch (error) {
      if (!isFormRefusal(error)) throw error
      return issuePage(
        c,
        code,
        templateId,
        values,
        { error: domainMessage(error, c.get('lang')) },
        error.status as ContentfulStatusCode,
      )
    }
  })

  // A fresh short-lived link on each click: a document to a denouncer is audited when opened.
  app.get('/staff/cases/:code/documents/:ref', async (c) => {
    if (!deps.documents) return messagePage(c, org, 404)
    const url = await deps.documents.link(c.get('user'), c.req.param('code'), c.req.param('ref'))
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.redirect(url, 302)
  })

  app.post('/staff/cases/:code/documents/:ref/cancel', formLimit, async (c) => {
    if (!deps.documents) return messagePage(c, org, 404)
    const code = c.req.param('code')
    const body = await readBody(c)
    // Each document's form names its field after it (one page, several forms, unique ids).
    const reason = text(body, `reason.${c.req.param('ref')}`).slice(0, 500)
    const back = `/staff/cases/${encodeURIComponent(code)}`
    if (!reason) return c.redirect(`${back}#documents`, 303)
    const cancelled = await deps.documents.cancel(c.get('user'), code, c.req.param('ref'), reason)
    return c.redirect(`${back}?document=${encodeURIComponent(cancelled.ref)}&cancelled=1#documents`, 303)
  })

  app.get('/staff/documents/register', async (c) => {
    if (!deps.documents) return messagePage(c, org, 404)
    const lang = c.get('lang')
    const user = c.get('user')
    const committees = (await deps.settings.getCommittees()).value
    const today = vietnamDate(deps.now())
    const own = user.memberships.find((m) => m.committeeId)?.committeeId ?? committees[0]?.id ?? ''
    const committeeId = c.req.query('committee') || own
    const fromText = c.req.query('from') || formatVietnamese(`${today.slice(0, 4)}-01-01`)
    const toText = c.req.query('to') || formatVietnamese(today)
    const from = parseVietnameseDate(fromText)
    const to = parseVietnameseDate(toText)
    let rows: Awaited<ReturnType<NonNullable<StaffPageDeps['documents']>['registerOf']>> = []
    let error: string | undefined
    let status: ContentfulStatusCode = 200
    try {
      rows = await deps.documents.registerOf(user, committeeId, from, to)
    } catch (e) {
      if (!(e instanceof DomainError) || !isFormRefusal(e)) throw e
      error = domainMessage(e, lang)
      status = e.status as ContentfulStatusCode
    }
    const committee = committees.find((x) => x.id === committeeId)
    if (!committee) return messagePage(c, org, 404)
    return render(
      c,
      <DocumentRegisterPage
        {...layout(c, org)}
        committees={committeeOptions(committees, lang)}
        committee={{
          id: committee.id,
          name: lang === 'en' && committee.nameEn ? committee.nameEn : committee.name,
        }}
        period={{ from, to, fromText, toText }}
        rows={rows}
        error={error}
      />,
      status,
    )
  })
  return app
}

/** A period as typed on the form: whole years, or `vĩnh viễn` / `permanent` for good. */
const PERMANENT = /^(vĩnh viễn|vinh vien|permanent)$/i
const retentionText = (r: Retention) => ('permanent' in r ? 'vĩnh viễn' : String(r.years))
const retentionOf = (typed: string): unknown =>
  /^\d+$/.test(typed) ? { years: Number(typed) } : PERMANENT.test(typed.trim()) ? { permanent: true } : typed

/**
 * The admins' retention setting (docs/documents.md#the-case-dossier), mounted after the admin section so
 * its guard (administrators only) runs first; the admin service checks again.
 */
export function retentionRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()
  async function page(
    c: StaffContext,
    form: { values?: Record<string, string>; errors?: FieldError[]; done?: boolean },
    status: ContentfulStatusCode = 200,
  ) {
    const current = await deps.settings.getRetention()
    const values = form.values ?? Object.fromEntries(KINDS.map((k) => [k, retentionText(current.value[k])]))
    return render(
      c,
      <RetentionPage
        {...layout(c, org)}
        values={values}
        errors={form.errors ?? []}
        version={current.version}
        done={form.done ?? false}
      />,
      status,
    )
  }
  app.get('/staff/admin/retention', (c) => page(c, { done: c.req.query('done') === '1' }))
  app.post('/staff/admin/retention', formLimit, async (c) => {
    const body = await readBody(c)
    const values = Object.fromEntries(KINDS.map((k) => [k, text(body, k)]))
    const input = Object.fromEntries(KINDS.map((k) => [k, retentionOf(values[k]!)]))
    try {
      await deps.admin.saveRetentionSettings(c.get('user'), input, Number(text(body, 'version')))
      return c.redirect('/staff/admin/retention?done=1', 303)
    } catch (error) {
      if (!isFormRefusal(error)) throw error
      const field = typeof error.details?.field === 'string' ? error.details.field : KINDS[0]
      return page(
        c,
        { values, errors: [{ field, message: domainMessage(error, c.get('lang')) }] },
        error.status as ContentfulStatusCode,
      )
    }
  })
  return app
}
