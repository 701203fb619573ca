/**
 * One case: its page, the action forms (each a `<action>.<field>` form posted to `/act`), the
 * identity reveal and the attachment links.
 */
import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { type Action, transitionFor } from '../../../shared/domain/lifecycle.js'
import { actionSchema } from '../../../shared/domain/schemas.js'
import { formatTrackingCode } from '../../../shared/domain/tracking-code.js'
import { multiline } from '../../form.js'
import { archiveEventName, otherLang, t } from '../../i18n.js'
import type { FieldError } from '../../types.js'
import { type FormDefinition, type FormValues, readBody, submitForm, text } from '../form.js'
import { committeeOptions, formLimit, layout, messagePage, render, type StaffContext } from '../http.js'
import { CasePage, PAGE_ACTIONS, type StaffCaseViewModel } from '../pages/case.js'
import type { CaseDocumentsModel } from '../pages/case-documents.js'
import type { StaffEnv, StaffPageDeps } from '../types.js'

interface CaseExtra {
  done?: string
  /** A document just issued or cancelled (its ref). */
  document?: { ref: string; kind: 'issued' | 'cancelled' }
  failed?: { action: string; errors: FieldError[]; values: Record<string, string> }
  stale?: boolean
  revealed?: StaffCaseViewModel['petitioner']
  prefillOf?: string
}

/**
 * One action's form: its fields are the posted `<action>.*` names, whatever the action has; the
 * domain's action schema checks them; empty optional fields are left out.
 */
function actionForm(action: string, posted: readonly string[]): FormDefinition<unknown> {
  const prefix = `${action}.`
  return {
    fields: Object.fromEntries(posted.filter((n) => n.startsWith(prefix)).map((n) => [n, 'lines'])),
    input: (values) => {
      const input: Record<string, unknown> = { action }
      for (const [name, v] of Object.entries(values)) {
        const k = name.slice(prefix.length)
        if (v) input[k] = k === 'days' ? Number(v) : v
      }
      return input
    },
    schema: actionSchema,
    fallback: 'form',
    prefix,
  }
}

/** The action form's values as the page shows them again: without the `<action>.` prefix. */
function unprefixed(values: FormValues, action: string): FormValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k.slice(action.length + 1), v]))
}

/** The case's documents panel: the templates of its last decision and what was issued. */
async function documentsPanel(
  deps: StaffPageDeps,
  user: Parameters<NonNullable<StaffPageDeps['documents']>['applicable']>[0],
  stored: Parameters<NonNullable<StaffPageDeps['documents']>['listForCaseOf']>[0],
  notice: CaseExtra['document'],
): Promise<CaseDocumentsModel | undefined> {
  if (!deps.documents) return undefined
  // The case the page has read already: no second read for its documents.
  const applicable = deps.documents.applicableOf(user, stored)
  const issued = await deps.documents.listForCaseOf(stored)
  const decision = applicable.decision ? transitionFor(applicable.decision.action).event : undefined
  return {
    ...(decision ? { decision } : {}),
    canIssue: applicable.canIssue,
    templates: applicable.templates.map(({ template, issued }) => ({
      id: template.id,
      name: template.name,
      addressee: template.addressee,
      issued,
    })),
    issued,
    ...(notice ? { notice } : {}),
  }
}

export function caseRoutes(deps: StaffPageDeps) {
  const org = deps.organizationName
  const app = new Hono<StaffEnv>()

  async function renderCase(
    c: StaffContext,
    code: string,
    extra: CaseExtra,
    status: ContentfulStatusCode = 200,
  ) {
    const lang = c.get('lang')
    const user = c.get('user')
    // The petitioner's identity is opened only when asked for (POST …/identity), not on every view;
    // the case is read once, for the file, the reveal rights and the documents alike.
    const page = await deps.petitions.getCasePage(code, user, lang)
    const view: StaffCaseViewModel = page.view
    const actors = view.history.map((e) => e.actor.id).filter((x): x is string => typeof x === 'string')
    const [context, attachments, documents] = await Promise.all([
      deps.workspace.caseContext(user, page.stored, actors),
      deps.attachments ? deps.attachments.listAttachmentsOf(user, page.stored) : [],
      documentsPanel(deps, user, page.stored, extra.document),
    ])
    return render(
      c,
      <CasePage
        {...layout(c, org)}
        langHref={`/staff/cases/${view.trackingCode}?lang=${otherLang(lang)}`}
        view={view}
        actorNames={context.names}
        committees={committeeOptions(
          context.committees.filter((x) => x.id !== view.committee.id),
          lang,
        )}
        canReveal={context.canReveal}
        canTakeDossier={context.canTakeDossier && deps.dossiers !== undefined}
        revealed={typeof extra.revealed === 'object' ? extra.revealed : undefined}
        attachments={attachments}
        documents={documents}
        // The petitioner's message points to the public site, never to the host this request came by.
        trackUrl={`${deps.siteUrl()}/track`}
        done={extra.done}
        failed={extra.failed}
        stale={extra.stale}
        prefillOf={extra.prefillOf}
      />,
      status,
    )
  }

  app.get('/staff/cases/:code', async (c) => {
    const done = c.req.query('done')
    return renderCase(c, c.req.param('code'), {
      done:
        done && (done === 'reveal' || (PAGE_ACTIONS as readonly string[]).includes(done)) ? done : undefined,
      // From a repeat suggestion: its code prefills the link and duplicate forms (checked on posting).
      prefillOf: c.req.query('of')?.trim().slice(0, 40) || undefined,
      ...(c.req.query('document')
        ? {
            document: {
              ref: c.req.query('document')!.slice(0, 100),
              kind: c.req.query('cancelled') ? ('cancelled' as const) : ('issued' as const),
            },
          }
        : {}),
    })
  })

  app.post('/staff/cases/:code/act', formLimit, async (c) => {
    const code = c.req.param('code')
    const body = await readBody(c)
    const action = text(body, 'action') as Action
    const version = Number(text(body, 'version'))
    const backToTriage = text(body, 'return') === 'triage'
    return submitForm(
      c,
      actionForm(action, Object.keys(body)),
      {
        run: async (input) => {
          if (!Number.isInteger(version) || version < 1) return messagePage(c, org, 400)
          // The answer is a redirect to the case page: no case file is built for it.
          const updated = await deps.petitions.applyAction(
            code,
            version,
            input as Parameters<StaffPageDeps['petitions']['applyAction']>[2],
            c.get('user'),
          )
          return backToTriage
            ? '/staff/reception/triage?done=reroute'
            : `/staff/cases/${formatTrackingCode(updated.code)}?done=${action}`
        },
        again: async (state, status, cause) => {
          if (backToTriage && cause === 'invalid') return c.redirect('/staff/reception/triage', 303)
          if (state.stale) return renderCase(c, code, { stale: true }, 409)
          return renderCase(
            c,
            code,
            { failed: { action, errors: state.errors, values: unprefixed(state.values, action) } },
            status,
          )
        },
      },
      body,
    )
  })

  // A fresh short-lived link on each click, never on page render: opening a document that may
  // identify a denouncer is recorded in the case history. Outside scope 404, refused 403.
  app.get('/staff/cases/:code/attachments/:id', async (c) => {
    if (!deps.attachments) return messagePage(c, org, 404)
    const link = await deps.attachments.attachmentLink(c.get('user'), c.req.param('code'), c.req.param('id'))
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.redirect(link.url, 302)
  })

  // The dossier is made on each click (recorded in the history) and handed out as a short link.
  app.post('/staff/cases/:code/dossier', async (c) => {
    if (!deps.dossiers) return messagePage(c, org, 404)
    const link = await deps.dossiers.exportDossier(c.get('user'), c.req.param('code'), {
      eventName: archiveEventName,
    })
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.redirect(link.url, 303)
  })

  // A petitioner's identity the viewer is granted, shown in this response only (no-store) and
  // written to the audit log; the case page itself never opens it.
  app.post('/staff/cases/:code/identity', formLimit, async (c) => {
    const code = c.req.param('code')
    const identity = await deps.petitions.showIdentity(code, c.get('user'))
    c.header('Cache-Control', 'no-store')
    return renderCase(c, code, { revealed: identity })
  })

  app.post('/staff/cases/:code/reveal', formLimit, async (c) => {
    const code = c.req.param('code')
    const body = await readBody(c)
    const reason = multiline(body, 'reveal.reason').trim()
    if (!reason)
      return renderCase(
        c,
        code,
        {
          failed: {
            action: 'reveal',
            errors: [{ field: 'reveal.reason', message: t(c.get('lang'), 'staff.action.reveal.missing') }],
            values: {},
          },
        },
        422,
      )
    const identity = await deps.petitions.revealIdentity(code, c.get('user'), reason)
    // Shown in this response only (no-store), never through a redirect that could be replayed.
    return renderCase(c, code, { done: 'reveal', revealed: identity })
  })
  return app
}
