/**
 * Wires the staff pages (web/staff/) to the services: the pages render, the services decide. Every
 * check of who may see or do what is the service's or the policy module's (shared/domain/policy.ts,
 * `allowedActions`); a route here only asks and renders. Forms follow Post/Redirect/Get; a failed
 * form is rendered again with its errors (422), a stale case version with a clear message (409).
 */
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import {
  acceptReportSchema,
  accountabilityRequestSchema,
  returnReportSchema,
  submitReportSchema,
} from '../../shared/domain/accountability.js'
import { FINDINGS, type Finding } from '../../shared/domain/audit.js'
import { WorkingCalendar } from '../../shared/domain/calendar.js'
import { formatVietnamese, vietnamDate } from '../../shared/domain/dates.js'
import type { DeadlineSettings } from '../../shared/domain/deadline-rules.js'
import { LIMIT_SETTING_KEYS } from '../../shared/domain/deadline-rules.js'
import { DomainError } from '../../shared/domain/errors.js'
import { type Action, OPEN_STATUSES, STATUSES } from '../../shared/domain/lifecycle.js'
import {
  canManageUsers,
  canReadQueue,
  canRecordIntake,
  canRevealIdentity,
  fieldGrants,
} from '../../shared/domain/policy.js'
import { receptionSessionSchema } from '../../shared/domain/reception.js'
import { PERIOD_KINDS, type PeriodKind } from '../../shared/domain/reports.js'
import { type Committee, normalizeName, routePetition, TOPICS } from '../../shared/domain/routing.js'
import {
  actionSchema,
  RULE_MESSAGES,
  staffIntakeSchema,
  userInputSchema,
} from '../../shared/domain/schemas.js'
import { formatTrackingCode, normalizeTrackingCode } from '../../shared/domain/tracking-code.js'
import { CHANNELS, KINDS, type Role } from '../../shared/domain/vocabulary.js'
import type { TokenVerifier } from '../../shared/http/auth.js'
import { fieldProblems } from '../../shared/http/problem.js'
import { createAccountabilityService } from '../../shared/service/accountability.js'
import { createAdminService } from '../../shared/service/admin.js'
import type { AttachmentService } from '../../shared/service/attachments.js'
import type { Services } from '../../shared/service/context.js'
import type { PetitionService } from '../../shared/service/petitions.js'
import {
  canReadReception,
  canRecordReception,
  createReceptionService,
} from '../../shared/service/reception.js'
import { createReportAuditService } from '../../shared/service/report-audit.js'
import { canReadReport, createReportService } from '../../shared/service/reports.js'
import { createUserService } from '../../shared/service/users.js'
import type { User } from '../../shared/store/users.js'
import { CITIZEN_CSP, pageLang } from '../../web/citizen-pages.js'
import { type FormBody, multiline, ticked } from '../../web/form.js'
import { label, otherLang, t } from '../../web/i18n.js'
import { STAFF_CSS } from '../../web/staff/assets.js'
import type { Option } from '../../web/staff/components.js'
import type { StaffUserView } from '../../web/staff/layout.js'
import {
  AccountabilityRequestPage,
  OwedReports,
  REQUEST_FIELDS,
} from '../../web/staff/pages/accountability.js'
import {
  AccountabilityRequestView,
  OwnCommitteeRequests,
  type RequestPageView,
} from '../../web/staff/pages/accountability-request.js'
import {
  AdminIndexPage,
  CalendarPage,
  CommitteesPage,
  DeadlinesPage,
  RoutingPage,
  UsersPage,
} from '../../web/staff/pages/admin.js'
import { AuditSamplePage, AuditSamples, type SampleView } from '../../web/staff/pages/audit.js'
import { CasePage, type StaffCaseViewModel } from '../../web/staff/pages/case.js'
import {
  type CommitteeStanding,
  DashboardPage,
  ReportPage,
  type ReportRow,
} from '../../web/staff/pages/dashboard.js'
import { QueuePage, type QueueRow, urgencyOf } from '../../web/staff/pages/queue.js'
import {
  INTAKE_FIELDS,
  IntakeReceiptPage,
  ReceptionPage,
  TriagePage,
  type TriageRow,
} from '../../web/staff/pages/reception.js'
import {
  ReceptionRegisterPage,
  type RegisterSummary,
  SESSION_FIELDS,
  type SessionRow,
} from '../../web/staff/pages/reception-register.js'
import { ReportCharts, ReportExports } from '../../web/staff/pages/report-extras.js'
import { SignedInPage, SignInPage, StaffMessagePage } from '../../web/staff/pages/sign-in.js'
import {
  clearSession,
  PKCE_COOKIE,
  readSessionToken,
  safeReturnPath,
  setSessionToken,
  tokenLifetime,
} from '../../web/staff/session.js'
import {
  cognitoLogoutUrl,
  exchangeCognitoCode,
  readPkceCookie,
  type SignInProvider,
  startCognitoSignIn,
} from '../../web/staff/sign-in.js'
import type { FieldError, Lang } from '../../web/types.js'

export interface StaffPagesOptions {
  readonly services: Services
  readonly petitions: PetitionService
  readonly verifier: TokenVerifier
  /** Undefined: sign-in is not configured (the page says so). */
  readonly signIn?: SignInProvider
  /** The case's attachments: listed on the case page, opened through a page route. None when absent. */
  readonly attachments?: Pick<AttachmentService, 'listAttachments' | 'attachmentLink'>
}

type Env = { Variables: { user: User } }

const MAX_FORM_BYTES = 256 * 1024
const QUEUE_PAGE = 25
/** How many open cases a filtered queue or a name search reads at most (one committee's queue). */
const FILTER_READ_LIMIT = 1000

async function render(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Content-Security-Policy', CITIZEN_CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  // Staff pages carry case files and identities: never stored by any cache.
  c.header('Cache-Control', 'no-store')
  return c.html(`<!DOCTYPE html>${await page}`, status)
}

function switchHref(c: Context, lang: Lang): string {
  const url = new URL(c.req.url)
  url.searchParams.set('lang', otherLang(lang))
  url.searchParams.delete('done')
  return `${url.pathname}${url.search}`
}

function rolesOf(user: User): Role[] {
  return [...new Set(user.memberships.map((m) => m.role))]
}

function userView(user: User): StaffUserView {
  return { displayName: user.displayName, roles: rolesOf(user) }
}

function field(body: FormBody, name: string): string {
  const v = body[name]
  return typeof v === 'string' ? v.trim() : ''
}

/** dd/mm/yyyy (as staff write it) or yyyy-mm-dd → yyyy-mm-dd; anything else as typed (the schema refuses it). */
export function parseVietnameseDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim())
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return text.trim()
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function zodErrors(error: ZodError, lang: Lang, prefix = ''): FieldError[] {
  return fieldProblems(error, lang).map((e) => ({
    field: `${prefix}${e.field}`,
    message: capitalize(e.message),
  }))
}

/** A domain refusal as words for the form: the rule's words where the domain has them in both languages. */
function domainMessage(error: DomainError, lang: Lang): string {
  const words = RULE_MESSAGES[error.code]?.[lang]
  if (words) return capitalize(words)
  return lang === 'vi' ? `${t(lang, 'staff.error.refused')} (${error.message})` : capitalize(error.message)
}

function committeeName(committees: readonly Committee[], id: string, lang: Lang): string {
  const c = committees.find((x) => x.id === id)
  return c ? (lang === 'en' && c.nameEn ? c.nameEn : c.name) : id
}

function committeeOptions(committees: readonly Committee[], lang: Lang): Option[] {
  return committees.map((c) => ({ value: c.id, label: lang === 'en' && c.nameEn ? c.nameEn : c.name }))
}

export function buildStaffPages(o: StaffPagesOptions): Hono<Env> {
  const { services, petitions, verifier } = o
  const org = services.organizationName
  const users = createUserService(services)
  const admin = createAdminService(services)
  const reports = createReportService(services)
  const audit = createReportAuditService(services)
  const accountability = createAccountabilityService(services)
  const reception = createReceptionService(services)
  const app = new Hono<Env>()
  const formLimit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: 'the form is too large' })
    },
  })

  const message = (c: Context<Env>, status: 403 | 404 | 500 | 413 | 400) => {
    const lang = pageLang(c)
    const user = c.get('user') as User | undefined
    return render(
      c,
      <StaffMessagePage
        lang={lang}
        organizationName={org}
        langHref={switchHref(c, lang)}
        user={user ? userView(user) : undefined}
        status={status}
      />,
      status,
    )
  }

  app.get('/staff/assets/staff.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header(
      'Cache-Control',
      c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    )
    return c.body(STAFF_CSS)
  })

  // ---- Sign-in ---------------------------------------------------------------------------------
  app.get('/staff/sign-in', async (c) => {
    const lang = pageLang(c)
    const signIn = o.signIn
    const reason = c.req.query('reason')
    const users =
      signIn?.kind === 'dev'
        ? (await signIn.listUsers())
            .filter((u) => u.active)
            .map((u) => ({ id: u.id, displayName: u.displayName, roles: rolesOf(u) }))
        : undefined
    return render(
      c,
      <SignInPage
        lang={lang}
        organizationName={org}
        langHref={switchHref(c, lang)}
        returnTo={safeReturnPath(c.req.query('return'))}
        reason={reason === 'expired' || reason === 'failed' || reason === 'signed_out' ? reason : undefined}
        mode={signIn?.kind ?? 'none'}
        users={users}
      />,
    )
  })

  app.post('/staff/sign-in', formLimit, async (c) => {
    const signIn = o.signIn
    if (signIn?.kind !== 'dev') return message(c, 404)
    const body = await c.req.parseBody()
    const user = await services.users.getUser(field(body, 'userId'))
    if (!user?.active) return c.redirect('/staff/sign-in?reason=failed', 303)
    const token = await signIn.issue(user.id)
    setSessionToken(c, token, tokenLifetime(token, services.now().getTime()))
    return c.redirect(safeReturnPath(field(body, 'return')), 303)
  })

  app.get('/staff/auth/login', (c) => {
    const signIn = o.signIn
    if (signIn?.kind !== 'cognito') return c.redirect('/staff/sign-in', 303)
    const start = startCognitoSignIn(signIn, safeReturnPath(c.req.query('return')), pageLang(c))
    // Lax, not Strict: the callback is a top-level navigation from the Cognito domain.
    setCookie(c, PKCE_COOKIE, start.cookie, {
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: 600,
    })
    return c.redirect(start.url, 302)
  })

  app.get('/staff/auth/callback', async (c) => {
    const signIn = o.signIn
    const lang = pageLang(c)
    if (signIn?.kind !== 'cognito') return c.redirect('/staff/sign-in', 303)
    const saved = readPkceCookie(getCookie(c, PKCE_COOKIE))
    deleteCookie(c, PKCE_COOKIE, { path: '/', secure: true })
    const code = c.req.query('code')
    if (!saved || !code || c.req.query('state') !== saved.s)
      return c.redirect('/staff/sign-in?reason=failed', 303)
    let token: string
    try {
      token = await exchangeCognitoCode(signIn, code, saved.v)
      await verifier.verify(token)
    } catch (error) {
      services.logger.warn('staff sign-in failed', {
        error: error instanceof Error ? error.message : String(error),
      })
      return c.redirect('/staff/sign-in?reason=failed', 303)
    }
    setSessionToken(c, token, tokenLifetime(token, services.now().getTime()))
    // A same-site page moves on: a redirect chain begun on Cognito's site would not carry a Strict cookie.
    return render(
      c,
      <SignedInPage
        lang={lang}
        organizationName={org}
        langHref="/staff/sign-in"
        next={safeReturnPath(saved.r)}
      />,
    )
  })

  app.post('/staff/sign-out', (c) => {
    clearSession(c)
    const logout = o.signIn?.kind === 'cognito' ? cognitoLogoutUrl(o.signIn) : undefined
    return c.redirect(logout ?? '/staff/sign-in?reason=signed_out', 303)
  })

  // ---- Everything else needs a signed-in, active user ------------------------------------------
  const OPEN = ['/staff/sign-in', '/staff/auth/', '/staff/assets/', '/staff/sign-out']
  app.use('/staff/*', async (c, next) => {
    if (OPEN.some((p) => c.req.path === p || (p.endsWith('/') && c.req.path.startsWith(p)))) return next()
    const token = readSessionToken(c)
    const back = encodeURIComponent(
      c.req.method === 'GET' ? `${c.req.path}${new URL(c.req.url).search}` : '/staff',
    )
    if (!token) return c.redirect(`/staff/sign-in?return=${back}`, 303)
    let userId: string
    try {
      userId = await verifier.verify(token)
    } catch {
      clearSession(c)
      return c.redirect(`/staff/sign-in?reason=expired&return=${back}`, 303)
    }
    const user = await services.users.getUser(userId)
    if (!user?.active) {
      clearSession(c)
      return c.redirect('/staff/sign-in?reason=failed', 303)
    }
    c.set('user', user)
    return next()
  })
  app.use('/staff', async (c, next) => {
    if (!readSessionToken(c)) return c.redirect('/staff/sign-in', 303)
    return next()
  })

  app.get('/staff', async (c) => {
    const token = readSessionToken(c)
    const userId = token ? await verifier.verify(token).catch(() => undefined) : undefined
    const user = userId ? await services.users.getUser(userId) : undefined
    if (!user?.active) return c.redirect('/staff/sign-in?reason=expired', 303)
    const roles = rolesOf(user)
    const home = roles.includes('admin')
      ? '/staff/admin'
      : roles.includes('supervisor')
        ? '/staff/dashboard'
        : roles.includes('reception_officer')
          ? '/staff/reception'
          : '/staff/queue'
    return c.redirect(home, 303)
  })

  // ---- Queue -----------------------------------------------------------------------------------
  app.get('/staff/queue', async (c) => {
    const lang = pageLang(c)
    const user = c.get('user')
    const committees = (await services.settings.getCommittees()).value
    const readable = committees.filter((x) => canReadQueue(user, x.id, committees))
    if (readable.length === 0) return message(c, 403)
    const q = (name: string) => c.req.query(name)?.trim() || undefined
    const own = user.memberships.find(
      (m) => m.committeeId && readable.some((x) => x.id === m.committeeId),
    )?.committeeId
    const committee = q('committee') ?? own ?? readable[0]!.id
    if (!readable.some((x) => x.id === committee))
      return message(c, committees.some((x) => x.id === committee) ? 403 : 404)
    const filters = {
      committee,
      kind: q('kind'),
      status: q('status'),
      topic: q('topic'),
      channel: q('channel'),
      due: q('due'),
      q: q('q'),
    }
    const today = vietnamDate(services.now())

    // A tracking code goes straight to the case (its page decides whether the viewer may see it).
    if (filters.q && normalizeTrackingCode(filters.q))
      return c.redirect(`/staff/cases/${formatTrackingCode(normalizeTrackingCode(filters.q)!)}`, 303)

    const filtering = Boolean(
      filters.kind || filters.status || filters.topic || filters.channel || filters.due || filters.q,
    )
    let items: Awaited<ReturnType<typeof services.cases.listCommitteeQueue>>['items']
    let next: string | undefined
    if (!filtering) {
      const page = await services.cases.listCommitteeQueue(committee, {
        limit: QUEUE_PAGE,
        cursor: q('cursor'),
      })
      items = page.items
      next = page.cursor
    } else {
      // Filters read the committee's whole open queue (nearest due first) and keep the matches.
      items = []
      let cursor: string | undefined
      do {
        const page = await services.cases.listCommitteeQueue(committee, { limit: 200, cursor })
        items.push(...page.items)
        cursor = page.cursor
      } while (cursor && items.length < FILTER_READ_LIMIT)
    }
    let rows: QueueRow[] = items.map((s) => ({
      trackingCode: formatTrackingCode(s.code),
      kind: s.kind,
      status: s.status,
      title: s.title,
      channel: s.channel,
      receivedOn: s.receivedOn,
      nextDue: s.nextDue,
      urgency: urgencyOf(s.nextDue, s.escalationLevel ?? 0, today),
    }))
    if (filtering) {
      rows = rows.filter(
        (r) =>
          (!filters.kind || r.kind === filters.kind) &&
          (!filters.status || r.status === filters.status) &&
          (!filters.channel || r.channel === filters.channel) &&
          (!filters.due ||
            (filters.due === 'overdue'
              ? ['overdue', 'very_overdue'].includes(r.urgency)
              : r.urgency === 'due_soon')),
      )
      // Topic and name live on the case and its content: read those only for the remaining rows.
      if (filters.topic || filters.q) {
        const needle = filters.q ? normalizeName(filters.q) : undefined
        const kept: QueueRow[] = []
        for (const r of rows) {
          const code = normalizeTrackingCode(r.trackingCode)!
          const stored = await services.cases.getCase(code)
          if (!stored) continue
          if (filters.topic && stored.topic !== filters.topic) continue
          if (needle) {
            // Names only where the policy grants the identity (never a denouncer's).
            if (!fieldGrants(user, stored, committees).identity) continue
            const content = await services.cases.getContent(code)
            if (!content?.petitionerSealed) continue
            const identity = JSON.parse(await services.sealer.open(content.petitionerSealed)) as {
              fullName?: string
            }
            if (!identity.fullName || !normalizeName(identity.fullName).includes(needle)) continue
            kept.push({ ...r, petitionerName: identity.fullName })
            continue
          }
          kept.push(r)
        }
        rows = kept
      }
      const start = Number(q('offset') ?? '0') || 0
      const pageRows = rows.slice(start, start + QUEUE_PAGE)
      const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])
      if (start + QUEUE_PAGE < rows.length) next = `offset=${start + QUEUE_PAGE}`
      const nextHref = next ? `/staff/queue?${params}&${next}` : undefined
      return render(
        c,
        <QueuePage
          lang={lang}
          organizationName={org}
          user={userView(user)}
          langHref={switchHref(c, lang)}
          committees={committeeOptions(readable, lang)}
          filters={filters}
          options={filterOptions(lang)}
          rows={pageRows}
          nextHref={nextHref}
          firstHref={start > 0 ? `/staff/queue?${params}` : undefined}
          searchNote={filters.q && rows.length === 0 ? t(lang, 'staff.queue.noMatch') : undefined}
        />,
      )
    }
    return render(
      c,
      <QueuePage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        committees={committeeOptions(readable, lang)}
        filters={filters}
        options={filterOptions(lang)}
        rows={rows}
        nextHref={
          next
            ? `/staff/queue?committee=${encodeURIComponent(committee)}&cursor=${encodeURIComponent(next)}`
            : undefined
        }
        firstHref={q('cursor') ? `/staff/queue?committee=${encodeURIComponent(committee)}` : undefined}
      />,
    )
  })

  // ---- Case ------------------------------------------------------------------------------------
  async function renderCase(
    c: Context<Env>,
    code: string,
    extra: {
      done?: string
      failed?: { action: string; errors: FieldError[]; values: Record<string, string> }
      stale?: boolean
      revealed?: StaffCaseViewModel['petitioner']
      prefillOf?: string
    },
    status: ContentfulStatusCode = 200,
  ) {
    const lang = pageLang(c)
    const user = c.get('user')
    const view = (await petitions.getForStaff(code, user, lang)) as unknown as StaffCaseViewModel
    const [committees, stored] = await Promise.all([
      services.settings.getCommittees(),
      services.cases.getCase(normalizeTrackingCode(code)!),
    ])
    const ids = [
      ...new Set(view.history.map((e) => e.actor.id).filter((x): x is string => typeof x === 'string')),
    ]
    const names = Object.fromEntries(
      (await Promise.all(ids.map((id) => services.users.getUser(id))))
        .filter((u): u is User => !!u)
        .map((u) => [u.id, u.displayName]),
    )
    const attachments = o.attachments ? await o.attachments.listAttachments(user, view.trackingCode) : []
    return render(
      c,
      <CasePage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={`/staff/cases/${view.trackingCode}?lang=${otherLang(lang)}`}
        view={view}
        actorNames={names}
        committees={committeeOptions(
          committees.value.filter((x) => x.id !== view.committee.id),
          lang,
        )}
        canReveal={stored ? canRevealIdentity(user, stored) : false}
        revealed={extra.revealed && extra.revealed !== 'redacted' ? extra.revealed : undefined}
        attachments={attachments}
        trackUrl={`${new URL(c.req.url).origin}/track`}
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
        done && (done === 'reveal' || (ACTIONS_ON_PAGE as readonly string[]).includes(done))
          ? done
          : undefined,
      // From a repeat suggestion: its code prefills the link and duplicate forms (checked on posting).
      prefillOf: c.req.query('of')?.trim().slice(0, 40) || undefined,
    })
  })

  app.post('/staff/cases/:code/act', formLimit, async (c) => {
    const user = c.get('user')
    const code = c.req.param('code')
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const action = field(body, 'action') as Action
    const version = Number(field(body, 'version'))
    const values = actionValues(body, action)
    const backToTriage = field(body, 'return') === 'triage'
    const input = actionInput(action, values)
    const parsed = actionSchema.safeParse(input)
    if (!parsed.success) {
      if (backToTriage) return c.redirect('/staff/reception/triage', 303)
      return renderCase(
        c,
        code,
        { failed: { action, errors: zodErrors(parsed.error, lang, `${action}.`), values } },
        422,
      )
    }
    if (!Number.isInteger(version) || version < 1) return message(c, 400)
    try {
      const view = await petitions.act(code, version, parsed.data, user, lang)
      if (backToTriage) return c.redirect('/staff/reception/triage?done=reroute', 303)
      return c.redirect(`/staff/cases/${view.trackingCode}?done=${action}`, 303)
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404 || error.status === 403) throw error
      if (error.code === 'version_conflict') return renderCase(c, code, { stale: true }, 409)
      const fieldName = typeof error.details?.field === 'string' ? `${action}.${error.details.field}` : 'form'
      return renderCase(
        c,
        code,
        { failed: { action, errors: [{ field: fieldName, message: domainMessage(error, lang) }], values } },
        error.status === 422 ? 422 : 409,
      )
    }
  })

  // A fresh short-lived link on each click, never on page render: opening a document that may
  // identify a denouncer is recorded in the case history. Outside scope 404, refused 403.
  app.get('/staff/cases/:code/attachments/:id', async (c) => {
    if (!o.attachments) return message(c, 404)
    const link = await o.attachments.attachmentLink(c.get('user'), c.req.param('code'), c.req.param('id'))
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.redirect(link.url, 302)
  })

  app.post('/staff/cases/:code/reveal', formLimit, async (c) => {
    const user = c.get('user')
    const code = c.req.param('code')
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const reason = multiline(body, 'reveal.reason').trim()
    if (!reason)
      return renderCase(
        c,
        code,
        {
          failed: {
            action: 'reveal',
            errors: [{ field: 'reveal.reason', message: t(lang, 'staff.action.reveal.missing') }],
            values: {},
          },
        },
        422,
      )
    const identity = await petitions.revealIdentity(code, user, reason)
    // Shown in this response only (no-store), never through a redirect that could be replayed.
    return renderCase(c, code, { done: 'reveal', revealed: identity })
  })

  // ---- Reception -------------------------------------------------------------------------------
  const receptionGuard = (c: Context<Env>) => canRecordIntake(c.get('user'))

  app.get('/staff/reception', async (c) => {
    if (!receptionGuard(c)) return message(c, 403)
    const lang = pageLang(c)
    const committees = (await services.settings.getCommittees()).value
    return render(
      c,
      <ReceptionPage
        lang={lang}
        organizationName={org}
        user={userView(c.get('user'))}
        langHref={switchHref(c, lang)}
        committees={committeeOptions(committees, lang)}
        topics={topicOptions(lang)}
        values={{ receivedAt: formatVietnamese(vietnamDate(services.now())), language: lang }}
        errors={[]}
      />,
    )
  })

  app.post('/staff/reception', formLimit, async (c) => {
    if (!receptionGuard(c)) return message(c, 403)
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const user = c.get('user')
    const values: Record<string, string> = {}
    for (const name of INTAKE_FIELDS)
      values[name] = name === 'content' ? multiline(body, name) : field(body, name)
    values.anonymous = ticked(body, 'anonymous') ? 'true' : ''
    values.severalPlaces = ticked(body, 'severalPlaces') ? 'true' : ''
    const committees = (await services.settings.getCommittees()).value
    const again = (errors: FieldError[]) =>
      render(
        c,
        <ReceptionPage
          lang={lang}
          organizationName={org}
          user={userView(user)}
          langHref={`/staff/reception?lang=${otherLang(lang)}`}
          committees={committeeOptions(committees, lang)}
          topics={topicOptions(lang)}
          values={values}
          errors={errors}
        />,
        422,
      )
    const group = (prefix: string, names: string[]) => {
      const entries = names.map((n) => [n, values[`${prefix}.${n}`]] as const).filter(([, v]) => v)
      return entries.length > 0 ? Object.fromEntries(entries) : undefined
    }
    const input = {
      kind: values.kind,
      channel: values.channel,
      receivedAt: parseVietnameseDate(values.receivedAt ?? ''),
      title: values.title,
      content: values.content,
      anonymous: values.anonymous === 'true',
      language: lang,
      ...(values.anonymous === 'true'
        ? {}
        : { petitioner: group('petitioner', ['fullName', 'idNumber', 'address', 'phone', 'email']) }),
      concerns: group('concerns', ['organization', 'person']),
      ...(values.topic ? { topic: values.topic } : {}),
      ...(values.signatories ? { signatories: Number(values.signatories) } : {}),
      ...(values.committeeId ? { committeeId: values.committeeId } : {}),
      severalPlaces: values.severalPlaces === 'true',
    }
    const parsed = staffIntakeSchema.safeParse(input)
    if (!parsed.success) return again(zodErrors(parsed.error, lang))
    try {
      const receipt = await petitions.recordIntake(parsed.data, user, lang)
      // The PIN is shown in this response only (never in an address): no redirect here.
      return render(
        c,
        <IntakeReceiptPage
          lang={lang}
          organizationName={org}
          user={userView(user)}
          langHref={`/staff/cases/${receipt.trackingCode}?lang=${otherLang(lang)}`}
          receipt={receipt}
        />,
        201,
      )
    } catch (error) {
      if (error instanceof DomainError && error.status === 422)
        return again([
          {
            field: typeof error.details?.field === 'string' ? error.details.field : 'form',
            message: domainMessage(error, lang),
          },
        ])
      throw error
    }
  })

  app.get('/staff/reception/triage', async (c) => {
    const user = c.get('user')
    if (!receptionGuard(c)) return message(c, 403)
    const lang = pageLang(c)
    const committees = (await services.settings.getCommittees()).value
    const desk = user.memberships.find((m) => m.role === 'reception_officer' && m.committeeId)!.committeeId!
    const page = await services.cases.listCommitteeQueue(desk, { limit: 100 })
    const today = vietnamDate(services.now())
    const rows: TriageRow[] = []
    for (const s of page.items.filter((x) => x.status === 'received')) {
      const stored = await services.cases.getCase(s.code)
      if (!stored) continue
      rows.push({
        trackingCode: formatTrackingCode(s.code),
        kind: s.kind,
        status: s.status,
        title: s.title,
        channel: s.channel,
        receivedOn: s.receivedOn,
        nextDue: s.nextDue,
        urgency: urgencyOf(s.nextDue, s.escalationLevel ?? 0, today),
        committeeName: committeeName(committees, s.committeeId, lang),
        committeeId: s.committeeId,
        version: stored.version,
        routingReason: stored.routing.reason[lang],
      })
    }
    return render(
      c,
      <TriagePage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        rows={rows}
        committees={committeeOptions(committees, lang)}
        done={c.req.query('done') === 'reroute'}
        committeeName={committeeName(committees, desk, lang)}
      />,
    )
  })

  // ---- Supervisor: dashboard and reports --------------------------------------------------------
  /** A committee head's section: every request to the committees they head (empty for others). */
  async function ownRequests(user: User, lang: Lang) {
    const headed = user.memberships.filter((m) => m.role === 'committee_head' && m.committeeId)
    if (headed.length === 0) return []
    const lists = await Promise.all(
      headed.map((m) => accountability.list(user, { committeeId: m.committeeId!, limit: 50 }, lang)),
    )
    return [<OwnCommitteeRequests lang={lang} items={lists.flatMap((l) => l.items)} />]
  }

  app.get('/staff/dashboard', async (c) => {
    const lang = pageLang(c)
    const user = c.get('user')
    const committees = (await services.settings.getCommittees()).value
    const scope = committees.filter(
      (x) => canReadReport(user, x.id, committees) && canReadQueue(user, x.id, committees),
    )
    if (scope.length === 0) return message(c, 403)
    const today = vietnamDate(services.now())
    const year = Number(today.slice(0, 4))
    const overdue: QueueRow[] = []
    const atRisk: QueueRow[] = []
    const standings: CommitteeStanding[] = []
    for (const committee of scope) {
      let cursor: string | undefined
      let open = 0
      let late = 0
      let soon = 0
      do {
        const page = await services.cases.listCommitteeQueue(committee.id, { limit: 200, cursor })
        for (const s of page.items) {
          open++
          const urgency = urgencyOf(s.nextDue, s.escalationLevel ?? 0, today)
          const row: QueueRow = {
            trackingCode: formatTrackingCode(s.code),
            kind: s.kind,
            status: s.status,
            title: s.title,
            channel: s.channel,
            receivedOn: s.receivedOn,
            nextDue: s.nextDue,
            urgency,
            committeeName: committeeName(committees, committee.id, lang),
          }
          if (urgency === 'overdue' || urgency === 'very_overdue') {
            late++
            overdue.push(row)
          } else if (urgency === 'due_soon') {
            soon++
            atRisk.push(row)
          }
        }
        cursor = page.cursor
        // The queue is sorted nearest due first: past the "due soon" window nothing more is at risk.
      } while (cursor)
      const figures = (
        (await reports.report(user, committee.id, { from: `${year}-01-01`, to: today })) as unknown as {
          own: {
            processing: { onTime: number; late: number }
            resolution: { onTime: number; overdue: number }
          }
        }
      ).own
      standings.push({
        committeeId: committee.id,
        name: committeeName(committees, committee.id, lang),
        open,
        overdue: late,
        dueSoon: soon,
        onTime: figures.processing.onTime + figures.resolution.onTime,
        timed:
          figures.processing.onTime +
          figures.processing.late +
          figures.resolution.onTime +
          figures.resolution.overdue,
      })
    }
    overdue.sort((a, b) => (a.nextDue ?? '').localeCompare(b.nextDue ?? ''))
    atRisk.sort((a, b) => (a.nextDue ?? '').localeCompare(b.nextDue ?? ''))
    return render(
      c,
      <DashboardPage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        today={today}
        year={year}
        overdue={overdue}
        atRisk={atRisk}
        standings={standings}
        sections={[
          <OwedReports
            lang={lang}
            items={(await accountability.list(user, { limit: 100 }, lang)).items}
            done={c.req.query('done') === 'accountability'}
          />,
          ...(await ownRequests(user, lang)),
        ]}
      />,
    )
  })

  app.get('/staff/reports', async (c) => {
    const lang = pageLang(c)
    const user = c.get('user')
    const committees = (await services.settings.getCommittees()).value
    const readable = committees.filter((x) => canReadReport(user, x.id, committees))
    if (readable.length === 0) return message(c, 403)
    const today = vietnamDate(services.now())
    const query = {
      committee: c.req.query('committee') ?? readable[0]!.id,
      period: c.req.query('period') ?? 'year',
      year: c.req.query('year') ?? today.slice(0, 4),
      index: c.req.query('index') ?? '',
    }
    const errors: FieldError[] = []
    let report: Parameters<typeof ReportPage>[0]['report']
    let sections: JSX.Element[] | undefined
    if (c.req.query('committee')) {
      try {
        if (!(PERIOD_KINDS as readonly string[]).includes(query.period))
          throw new DomainError('invalid_period', 'period', 422, { field: 'period' })
        const figures = (await reports.report(user, query.committee, {
          period: query.period as PeriodKind,
          year: Number(query.year),
          index: query.index ? Number(query.index) : undefined,
        })) as unknown as ReportShape
        report = reportView(lang, figures, query.committee, committeeName(committees, query.committee, lang))
        // The charts of the same scope: four quarters up to the period's end, and the backlog then.
        const name = committeeName(committees, query.committee, lang)
        const [points, backlog] = await Promise.all([
          audit.onTimeTrend(user, query.committee, 'quarter', 4, figures.to),
          audit.backlog(user, query.committee, { from: figures.from, to: figures.to }),
        ])
        sections = [
          <ReportExports lang={lang} query={query} />,
          <ReportCharts lang={lang} committee={name} points={points} backlog={backlog} />,
          <AuditSamples
            lang={lang}
            samples={await audit.listSamples(user, query.committee)}
            query={query}
            canDraw={rolesOf(user).includes('supervisor')}
            drawError={!!c.req.query('sampleError')}
          />,
        ]
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        if (error.status === 403) return message(c, 403)
        errors.push({
          field: typeof error.details?.field === 'string' ? error.details.field : 'committee',
          message: domainMessage(error, lang),
        })
      }
    }
    return render(
      c,
      <ReportPage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        committees={committeeOptions(readable, lang)}
        query={query}
        errors={errors}
        report={report}
        sections={sections}
      />,
      errors.length > 0 ? 422 : 200,
    )
  })

  // ---- Audit samples ---------------------------------------------------------------------------
  async function samplePage(
    c: Context<Env>,
    lang: Lang,
    id: string,
    extra: {
      done?: boolean
      failed?: { code: string; errors: FieldError[]; values: Record<string, string> }
    },
    status: ContentfulStatusCode = 200,
  ) {
    const user = c.get('user')
    const sample = (await audit.getSample(user, id)) as unknown as SampleView
    const committees = (await services.settings.getCommittees()).value
    return render(
      c,
      <AuditSamplePage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
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
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const committee = field(body, 'committeeId')
    const period = field(body, 'period')
    const back = (error: string) =>
      c.redirect(
        `/staff/reports?${new URLSearchParams({ committee, period, year: field(body, 'year'), index: field(body, 'index'), sampleError: error }).toString()}#samples-title`,
        303,
      )
    const size = Number(field(body, 'size') || '10')
    if (!Number.isInteger(size) || size < 1 || size > 100) return back('size')
    if (!(PERIOD_KINDS as readonly string[]).includes(period)) return back('period')
    try {
      const sample = await audit.drawSample(c.get('user'), {
        committeeId: committee,
        period: {
          period: period as PeriodKind,
          year: Number(field(body, 'year')),
          index: field(body, 'index') ? Number(field(body, 'index')) : undefined,
        },
        size,
      })
      return c.redirect(`/staff/audit-samples/${encodeURIComponent(sample.id)}?lang=${lang}`, 303)
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 404) throw error
      return back(typeof error.details?.field === 'string' ? error.details.field : 'period')
    }
  })

  app.get('/staff/audit-samples/:id', (c) =>
    samplePage(c, pageLang(c), c.req.param('id'), { done: c.req.query('done') === '1' }),
  )

  app.post('/staff/audit-samples/:id/findings/:code', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const id = c.req.param('id')
    const code = c.req.param('code')
    const values = { finding: field(body, 'finding'), note: multiline(body, 'note').trim() }
    const errors: FieldError[] = []
    if (!(FINDINGS as readonly string[]).includes(values.finding))
      errors.push({ field: `${code}.finding`, message: t(lang, 'staff.audit.finding.missing') })
    if (!values.note || values.note.length > 2000)
      errors.push({ field: `${code}.note`, message: t(lang, 'staff.audit.note.missing') })
    if (errors.length > 0) return samplePage(c, lang, id, { failed: { code, errors, values } }, 422)
    await audit.recordFinding(c.get('user'), id, code, {
      finding: values.finding as Finding,
      note: values.note,
    })
    return c.redirect(`/staff/audit-samples/${encodeURIComponent(id)}?done=1#f-${code}-finding`, 303)
  })

  // ---- Reception register ----------------------------------------------------------------------
  /** The register page: the period's sessions and summary of one committee, and the session form. */
  async function registerPage(
    c: Context<Env>,
    lang: Lang,
    query: { committee?: string; from?: string; to?: string },
    form: { values?: Record<string, string>; errors?: FieldError[]; done?: boolean },
    status: ContentfulStatusCode,
  ) {
    const user = c.get('user')
    const committees = (await services.settings.getCommittees()).value
    const readable = committees.filter((x) => canReadReception(user, x.id, committees))
    if (readable.length === 0) return message(c, 403)
    const recordable = committees.filter((x) => canRecordReception(user, x.id))
    // The hosts offered: the active staff of the committees the user records for.
    const hosts =
      recordable.length === 0
        ? []
        : (await services.users.listUsers())
            .filter(
              (u) => u.active && u.memberships.some((m) => recordable.some((r) => r.id === m.committeeId)),
            )
            .map((u) => ({ value: u.id, label: `${u.displayName} (${u.id})` }))
    const today = vietnamDate(services.now())
    const committeeId = readable.some((x) => x.id === query.committee)
      ? query.committee!
      : (recordable[0] ?? readable[0]!).id
    const period = {
      from: query.from || formatVietnamese(`${today.slice(0, 8)}01`),
      to: query.to || formatVietnamese(today),
    }
    const periodErrors: FieldError[] = []
    let sessions: SessionRow[] = []
    let summary: RegisterSummary | undefined
    try {
      const range = { from: parseVietnameseDate(period.from), to: parseVietnameseDate(period.to) }
      const [list, sum] = await Promise.all([
        reception.list(user, committeeId, range),
        reception.summary(user, committeeId, range),
      ])
      sessions = list.items
      summary = sum
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 404) throw error
      const name = error.details?.field === 'to' ? 'to' : 'from'
      periodErrors.push({ field: name, message: domainMessage(error, lang) })
    }
    return render(
      c,
      <ReceptionRegisterPage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        readable={committeeOptions(readable, lang)}
        recordable={committeeOptions(recordable, lang)}
        hosts={hosts}
        committeeId={committeeId}
        period={period}
        periodErrors={periodErrors}
        sessions={sessions}
        summary={summary}
        values={
          form.values ?? {
            committeeId: recordable[0]?.id ?? '',
            date: formatVietnamese(today),
            type: 'regular',
            hostUserId: user.id,
          }
        }
        errors={form.errors ?? []}
        done={form.done}
      />,
      status,
    )
  }

  app.get('/staff/reception/register', (c) =>
    registerPage(
      c,
      pageLang(c),
      { committee: c.req.query('committee'), from: c.req.query('from'), to: c.req.query('to') },
      { done: c.req.query('done') === '1' },
      200,
    ),
  )

  /** A schema or rule path as the form's field: delegations.0.people → delegationPeople. */
  const sessionField = (path: string) => {
    const m = /^delegations\.\d+\.(people|representatives|subject)/.exec(path)
    if (m) return `delegation${capitalize(m[1]!)}`
    if (path.startsWith('caseCodes')) return 'caseCodes'
    if (path.startsWith('delegations')) return 'delegationPeople'
    return path
  }

  app.post('/staff/reception/register', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values: Record<string, string> = {}
    for (const name of SESSION_FIELDS)
      values[name] =
        name === 'notes' || name === 'caseCodes' ? multiline(body, name).trim() : field(body, name)
    const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : v || undefined)
    const delegation = values.delegationPeople || values.delegationRepresentatives || values.delegationSubject
    const parsed = receptionSessionSchema.safeParse({
      committeeId: values.committeeId,
      date: parseVietnameseDate(values.date ?? ''),
      type: values.type,
      hostUserId: values.hostUserId,
      visitors: num(values.visitors),
      delegations: delegation
        ? [
            {
              people: num(values.delegationPeople),
              representatives: num(values.delegationRepresentatives),
              subject: values.delegationSubject,
            },
          ]
        : [],
      caseCodes: (values.caseCodes ?? '')
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean),
      ...(values.location ? { location: values.location } : {}),
      ...(values.notes ? { notes: values.notes } : {}),
    })
    const query = { committee: values.committeeId }
    if (!parsed.success) {
      const errors = zodErrors(parsed.error, lang).map((e) => ({ ...e, field: sessionField(e.field) }))
      return registerPage(c, lang, query, { values, errors }, 422)
    }
    try {
      await reception.record(parsed.data, c.get('user'))
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 404) throw error
      const name = sessionField(
        typeof error.details?.field === 'string' ? error.details.field : 'committeeId',
      )
      return registerPage(
        c,
        lang,
        query,
        { values, errors: [{ field: name, message: domainMessage(error, lang) }] },
        422,
      )
    }
    return c.redirect(
      `/staff/reception/register?committee=${encodeURIComponent(parsed.data.committeeId)}&done=1`,
      303,
    )
  })

  // ---- Accountability reports ------------------------------------------------------------------
  async function requestPage(
    c: Context<Env>,
    lang: Lang,
    values: Record<string, string>,
    errors: FieldError[],
    status: ContentfulStatusCode,
  ) {
    const user = c.get('user')
    const committees = (await services.settings.getCommittees()).value
    const scope = committees.filter((x) => canReadReport(user, x.id, committees))
    if (scope.length === 0) return message(c, 403)
    return render(
      c,
      <AccountabilityRequestPage
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        committees={committeeOptions(scope, lang)}
        values={values}
        errors={errors}
      />,
      status,
    )
  }

  app.get('/staff/accountability/new', (c) => {
    const lang = pageLang(c)
    const today = vietnamDate(services.now())
    return requestPage(c, lang, { period: 'quarter', year: today.slice(0, 4) }, [], 200)
  })

  app.post('/staff/accountability', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values: Record<string, string> = {}
    for (const name of REQUEST_FIELDS)
      values[name] = name === 'note' ? multiline(body, name).trim() : field(body, name)
    const parsed = accountabilityRequestSchema.safeParse({
      kind: 'periodic',
      committeeId: values.committeeId,
      period: values.period,
      year: /^\d+$/.test(values.year ?? '') ? Number(values.year) : values.year || undefined,
      ...(values.index ? { index: /^\d+$/.test(values.index) ? Number(values.index) : values.index } : {}),
      ...(values.note ? { note: values.note } : {}),
    })
    if (!parsed.success) return requestPage(c, lang, values, zodErrors(parsed.error, lang), 422)
    try {
      await accountability.require(parsed.data, c.get('user'), lang)
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403) throw error
      const fieldName = typeof error.details?.field === 'string' ? error.details.field : 'committeeId'
      return requestPage(c, lang, values, [{ field: fieldName, message: domainMessage(error, lang) }], 422)
    }
    return c.redirect('/staff/dashboard?done=accountability#accountability', 303)
  })

  // One request: its facts, history, submissions and the forms of the steps the service allows.
  async function requestViewPage(
    c: Context<Env>,
    id: string,
    lang: Lang,
    extra: { values?: Record<string, string>; errors?: FieldError[]; stale?: boolean; done?: boolean },
    status: ContentfulStatusCode,
  ) {
    const user = c.get('user')
    const request = (await accountability.get(id, user, lang)) as RequestPageView
    // The people who took each step, by name (ids of accounts no longer found stay as ids).
    const ids = [...new Set([request.requestedBy.id, ...request.history.map((e) => e.actor.id)])]
    const people = await Promise.all(ids.map((x) => services.users.getUser(x)))
    const names = Object.fromEntries(ids.map((x, i) => [x, people[i]?.displayName ?? x]))
    return render(
      c,
      <AccountabilityRequestView
        lang={lang}
        organizationName={org}
        user={userView(user)}
        langHref={switchHref(c, lang)}
        request={request}
        names={names}
        values={extra.values ?? {}}
        errors={extra.errors ?? []}
        stale={extra.stale}
        done={extra.done}
      />,
      status,
    )
  }

  app.get('/staff/accountability/:id', (c) =>
    requestViewPage(c, c.req.param('id'), pageLang(c), { done: c.req.query('done') === '1' }, 200),
  )

  const STEPS = {
    submit: { schema: submitReportSchema, field: 'explanation' },
    accept: { schema: acceptReportSchema, field: 'note' },
    return: { schema: returnReportSchema, field: 'reason' },
  } as const

  app.post('/staff/accountability/:id/:step', formLimit, async (c) => {
    const id = c.req.param('id')
    const step = c.req.param('step')
    if (!Object.hasOwn(STEPS, step)) return message(c, 404)
    const { schema, field: name } = STEPS[step as keyof typeof STEPS]
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const key = `${step}.${name}`
    const text = multiline(body, key).trim()
    const values = { [key]: text }
    const version = Number(field(body, 'version'))
    if (!Number.isInteger(version) || version < 1) return message(c, 400)
    const parsed = schema.safeParse(text || step !== 'accept' ? { [name]: text } : {})
    if (!parsed.success)
      return requestViewPage(c, id, lang, { values, errors: zodErrors(parsed.error, lang, `${step}.`) }, 422)
    const user = c.get('user')
    try {
      await accountability.act(
        id,
        step as keyof typeof STEPS,
        version,
        parsed.data as { explanation?: string; reason?: string; note?: string },
        user,
        lang,
      )
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 404) throw error
      if (error.code === 'version_conflict') return requestViewPage(c, id, lang, { values, stale: true }, 409)
      return requestViewPage(
        c,
        id,
        lang,
        // A step the state or the user's roles do not allow has no field of its own to point at.
        {
          values,
          errors: [{ field: error.status === 409 ? 'form' : key, message: domainMessage(error, lang) }],
        },
        error.status === 409 ? 409 : 422,
      )
    }
    return c.redirect(`/staff/accountability/${encodeURIComponent(id)}?done=1`, 303)
  })

  // ---- Admin -----------------------------------------------------------------------------------
  const adminOnly = (c: Context<Env>) => canManageUsers(c.get('user'))
  const base = (c: Context<Env>, lang: Lang) => ({
    lang,
    organizationName: org,
    user: userView(c.get('user')),
    langHref: switchHref(c, lang),
    done: c.req.query('done') ? 'saved' : undefined,
  })
  /** A configuration write: a refusal shows the form again; a stale version says so. */
  async function adminWrite(
    c: Context<Env>,
    lang: Lang,
    write: () => Promise<unknown>,
    again: (errors: FieldError[]) => Promise<Response>,
    ok: string,
  ) {
    try {
      await write()
      return c.redirect(ok, 303)
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403) throw error
      if (error.code === 'version_conflict')
        return again([{ field: 'form', message: t(lang, 'staff.admin.stale') }])
      const fieldName = typeof error.details?.field === 'string' ? error.details.field : 'form'
      return again([{ field: fieldName, message: domainMessage(error, lang) }])
    }
  }

  app.use('/staff/admin/*', async (c, next) => (adminOnly(c) ? next() : message(c, 403)))
  app.get('/staff/admin', async (c) => {
    if (!adminOnly(c)) return message(c, 403)
    const lang = pageLang(c)
    return render(c, <AdminIndexPage {...base(c, lang)} />)
  })

  const committeesPage = async (
    c: Context<Env>,
    lang: Lang,
    values: Record<string, string>,
    errors: FieldError[],
    status: ContentfulStatusCode = 200,
  ) => {
    const item = await services.settings.getCommittees()
    return render(
      c,
      <CommitteesPage
        {...base(c, lang)}
        committees={item.value}
        values={values}
        errors={errors}
        version={item.version}
      />,
      status,
    )
  }
  app.get('/staff/admin/committees', async (c) => {
    const lang = pageLang(c)
    const edit = c.req.query('edit')
    const found = edit
      ? (await services.settings.getCommittees()).value.find((x) => x.id === edit)
      : undefined
    const values: Record<string, string> = found
      ? {
          id: found.id,
          name: found.name,
          nameEn: found.nameEn ?? '',
          parentId: found.parentId ?? '',
          type: found.type,
          organizations: found.organizations.join('\n'),
          remoteArea: found.remoteArea ? 'true' : '',
        }
      : { type: 'subordinate' }
    return committeesPage(c, lang, values, [])
  })
  app.post('/staff/admin/committees', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values = {
      id: field(body, 'id'),
      name: field(body, 'name'),
      nameEn: field(body, 'nameEn'),
      parentId: field(body, 'parentId'),
      type: field(body, 'type'),
      organizations: multiline(body, 'organizations'),
      remoteArea: ticked(body, 'remoteArea') ? 'true' : '',
    }
    const input = {
      id: values.id,
      name: values.name,
      ...(values.nameEn ? { nameEn: values.nameEn } : {}),
      ...(values.parentId ? { parentId: values.parentId } : {}),
      type: values.type,
      organizations: lines(values.organizations),
      remoteArea: values.remoteArea === 'true',
    }
    return adminWrite(
      c,
      lang,
      () => admin.saveCommittee(c.get('user'), input, Number(field(body, 'version'))),
      (errors) => committeesPage(c, lang, values, errors, 422),
      '/staff/admin/committees?done=1',
    )
  })

  const routingPage = async (
    c: Context<Env>,
    lang: Lang,
    values: Record<string, string>,
    errors: FieldError[],
    status: ContentfulStatusCode = 200,
  ) => {
    const [rules, committees] = await Promise.all([
      services.settings.getRoutingRules(),
      services.settings.getCommittees(),
    ])
    const tv = Object.fromEntries(
      ['testKind', 'testTopic', 'testSubmitter', 'testOrganization'].map((k) => [k, c.req.query(k) ?? '']),
    ) as Record<string, string>
    let test:
      | { values: Record<string, string>; result?: { committee: string; reason: string; ruleId?: string } }
      | undefined
    if (tv.testKind && (KINDS as readonly string[]).includes(tv.testKind)) {
      const decision = routePetition(
        {
          kind: tv.testKind as (typeof KINDS)[number],
          topic: tv.testTopic || undefined,
          submitterType: tv.testSubmitter === 'member' ? 'member' : 'citizen',
          concernedOrganization: tv.testOrganization || undefined,
        },
        rules.value,
        committees.value,
      )
      test = {
        values: tv,
        result: {
          committee: committeeName(committees.value, decision.committeeId, lang),
          reason: decision.reason[lang],
          ruleId: decision.ruleId,
        },
      }
    }
    return render(
      c,
      <RoutingPage
        {...base(c, lang)}
        rules={rules.value}
        committees={committeeOptions(committees.value, lang)}
        values={values}
        errors={errors}
        version={rules.version}
        test={test ?? { values: tv }}
      />,
      status,
    )
  }
  app.get('/staff/admin/routing', (c) => routingPage(c, pageLang(c), {}, []))
  app.post('/staff/admin/routing', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values: Record<string, string> = {}
    for (const k of ['id', 'priority', 'description.vi', 'description.en', 'topic', 'target'])
      values[k] = field(body, k)
    values.organizations = multiline(body, 'organizations')
    for (const k of KINDS) values[`kinds.${k}`] = ticked(body, `kinds.${k}`) ? 'true' : ''
    const kinds = KINDS.filter((k) => values[`kinds.${k}`] === 'true')
    const orgs = lines(values.organizations ?? '')
    const input = {
      id: values.id,
      priority: Number(values.priority),
      description: { vi: values['description.vi'], en: values['description.en'] },
      ...(kinds.length > 0 ? { kinds } : {}),
      ...(values.topic ? { topics: [values.topic] } : {}),
      ...(orgs.length > 0 ? { organizations: orgs } : {}),
      target: values.target === '*' ? { byConcernedOrganization: true } : { committeeId: values.target },
    }
    if (!values.target)
      return routingPage(
        c,
        lang,
        values,
        [{ field: 'target', message: t(lang, 'staff.admin.target.missing') }],
        422,
      )
    return adminWrite(
      c,
      lang,
      () => admin.saveRoutingRule(c.get('user'), input, Number(field(body, 'version'))),
      (errors) => routingPage(c, lang, values, errors, 422),
      '/staff/admin/routing?done=1',
    )
  })
  app.post('/staff/admin/routing/delete', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    return adminWrite(
      c,
      lang,
      () => admin.deleteRoutingRule(c.get('user'), field(body, 'id'), Number(field(body, 'version'))),
      (errors) => routingPage(c, lang, {}, errors, 409),
      '/staff/admin/routing?done=1',
    )
  })

  const usersPage = async (
    c: Context<Env>,
    lang: Lang,
    values: Record<string, string>,
    errors: FieldError[],
    status: ContentfulStatusCode = 200,
  ) => {
    const [list, committees] = await Promise.all([users.list(), services.settings.getCommittees()])
    return render(
      c,
      <UsersPage
        {...base(c, lang)}
        users={list}
        committees={committeeOptions(committees.value, lang)}
        values={values}
        errors={errors}
        version={0}
      />,
      status,
    )
  }
  app.get('/staff/admin/users', async (c) => {
    const lang = pageLang(c)
    const edit = c.req.query('edit')
    const found = edit ? await services.users.getUser(edit) : undefined
    const values: Record<string, string> = found
      ? {
          id: found.id,
          displayName: found.displayName,
          email: found.email ?? '',
          role: found.memberships[0]?.role ?? 'member',
          committeeId: found.memberships[0]?.committeeId ?? '',
          active: String(found.active),
        }
      : {}
    return usersPage(c, lang, values, [])
  })
  app.post('/staff/admin/users', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values = {
      id: field(body, 'id'),
      displayName: field(body, 'displayName'),
      email: field(body, 'email'),
      role: field(body, 'role'),
      committeeId: field(body, 'committeeId'),
      active: ticked(body, 'active') ? 'true' : 'false',
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/.test(values.id))
      return usersPage(c, lang, values, [{ field: 'id', message: t(lang, 'staff.admin.id.invalid') }], 422)
    const existing = await services.users.getUser(values.id)
    // The form edits the first membership; any others the account has are kept.
    const rest = existing?.memberships.slice(1) ?? []
    const input = {
      displayName: values.displayName,
      ...(values.email ? { email: values.email } : {}),
      memberships: [
        { role: values.role, ...(values.committeeId ? { committeeId: values.committeeId } : {}) },
        ...rest,
      ],
      active: values.active === 'true',
    }
    const parsed = userInputSchema.safeParse(input)
    if (!parsed.success)
      return usersPage(
        c,
        lang,
        values,
        zodErrors(parsed.error, lang).map((e) => ({ ...e, field: e.field.replace(/^memberships\.0\./, '') })),
        422,
      )
    return adminWrite(
      c,
      lang,
      () => users.put(values.id, parsed.data, c.get('user')),
      (errors) =>
        usersPage(
          c,
          lang,
          values,
          errors.map((e) => ({ ...e, field: e.field.replace(/^memberships\.0\./, '') })),
          422,
        ),
      '/staff/admin/users?done=1',
    )
  })

  const deadlinesPage = async (
    c: Context<Env>,
    lang: Lang,
    values: Record<string, string>,
    errors: FieldError[],
    status: ContentfulStatusCode = 200,
  ) => {
    const item = await services.settings.getDeadlineSettings()
    return render(
      c,
      <DeadlinesPage
        {...base(c, lang)}
        settings={item.value}
        values={values}
        errors={errors}
        version={item.version}
      />,
      status,
    )
  }
  app.get('/staff/admin/deadlines', (c) => deadlinesPage(c, pageLang(c), {}, []))
  app.post('/staff/admin/deadlines', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values: Record<string, string> = {
      daysMode: field(body, 'daysMode'),
      complaintSuspensionAllowed: field(body, 'complaintSuspensionAllowed'),
    }
    const limits: Record<string, number> = {}
    for (const k of LIMIT_SETTING_KEYS) {
      values[`limits.${k}`] = field(body, `limits.${k}`)
      if (values[`limits.${k}`]) limits[k] = Number(values[`limits.${k}`])
    }
    const input = {
      daysMode: values.daysMode,
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
      ...(values.complaintSuspensionAllowed
        ? { complaintSuspensionAllowed: values.complaintSuspensionAllowed === 'true' }
        : {}),
    } as unknown as DeadlineSettings
    return adminWrite(
      c,
      lang,
      () => admin.saveDeadlineSettings(c.get('user'), input, Number(field(body, 'version'))),
      (errors) => deadlinesPage(c, lang, values, errors, 422),
      '/staff/admin/deadlines?done=1',
    )
  })

  const calendarPage = async (
    c: Context<Env>,
    lang: Lang,
    year: number,
    values: Record<string, string>,
    errors: FieldError[],
    status: ContentfulStatusCode = 200,
  ) => {
    const item = await services.settings.getCalendarOverrides()
    const calendar = new WorkingCalendar(item.value)
    const mine = item.value.find((x) => x.year === year)
    const nameOf = (n: unknown) =>
      typeof n === 'string'
        ? n
        : n && typeof n === 'object'
          ? ((n as Record<string, string>)[lang] ?? '')
          : ''
    const overrides = [
      ...(mine?.daysOff ?? []).map((d) => ({ date: d.date, name: nameOf(d.name), type: 'off' as const })),
      ...(mine?.workingDays ?? []).map((d) => ({
        date: d.date,
        name: nameOf(d.name),
        type: 'working' as const,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date))
    const previewValues = { start: c.req.query('start') ?? '', days: c.req.query('days') ?? '' }
    let preview: { start: string; days: number; due: string } | undefined
    let previewError: string | undefined
    if (previewValues.start) {
      const start = parseVietnameseDate(previewValues.start)
      const days = Number(previewValues.days || '10')
      if (/^\d{4}-\d{2}-\d{2}$/.test(start) && Number.isInteger(days) && days >= 1 && days <= 400) {
        try {
          preview = { start, days, due: calendar.addWorkingDays(start, days) }
        } catch {
          previewError = t(lang, 'staff.admin.calendar.previewInvalid')
        }
      } else previewError = t(lang, 'staff.admin.calendar.previewInvalid')
    }
    return render(
      c,
      <CalendarPage
        {...base(c, lang)}
        year={year}
        daysOff={calendar.holidays(year)}
        extraWorking={calendar.extraWorkingDays(year)}
        overrides={overrides}
        values={values}
        errors={errors}
        version={item.version}
        preview={preview}
        previewValues={previewValues}
        previewError={previewError}
      />,
      status,
    )
  }
  const yearOf = (text: string | undefined, fallback: number) => {
    const n = Number(text)
    return Number.isInteger(n) && n >= 1990 && n <= 2199 ? n : fallback
  }
  app.get('/staff/admin/calendar', (c) =>
    calendarPage(
      c,
      pageLang(c),
      yearOf(c.req.query('year'), Number(vietnamDate(services.now()).slice(0, 4))),
      { type: 'off' },
      [],
    ),
  )
  app.post('/staff/admin/calendar', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const values = {
      date: field(body, 'date'),
      name: field(body, 'name'),
      type: field(body, 'type') === 'working' ? 'working' : 'off',
    }
    const date = parseVietnameseDate(values.date)
    const year = yearOf(date.slice(0, 4), Number(vietnamDate(services.now()).slice(0, 4)))
    return adminWrite(
      c,
      lang,
      () =>
        admin.addCalendarDay(
          c.get('user'),
          { date, name: values.name, type: values.type as 'off' | 'working' },
          Number(field(body, 'version')),
        ),
      (errors) =>
        calendarPage(
          c,
          lang,
          year,
          values,
          errors.map((e) => (e.field === 'local_date' ? { ...e, field: 'date' } : e)),
          422,
        ),
      `/staff/admin/calendar?year=${year}&done=1`,
    )
  })
  app.post('/staff/admin/calendar/remove', formLimit, async (c) => {
    const body = await c.req.parseBody()
    const lang = pageLang(c, field(body, 'language'))
    const year = yearOf(field(body, 'year'), Number(vietnamDate(services.now()).slice(0, 4)))
    return adminWrite(
      c,
      lang,
      () => admin.removeCalendarDay(c.get('user'), field(body, 'date'), Number(field(body, 'version'))),
      (errors) => calendarPage(c, lang, year, { type: 'off' }, errors, 409),
      `/staff/admin/calendar?year=${year}&done=1`,
    )
  })

  app.onError((error, c) => {
    if (error instanceof DomainError && (error.status === 404 || error.status === 403))
      return message(c, error.status)
    if (error instanceof HTTPException && error.status < 500)
      return message(
        c,
        error.status === 413 ? 413 : error.status === 403 ? 403 : error.status === 404 ? 404 : 400,
      )
    services.logger.error('staff page error', {
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    })
    return message(c, 500)
  })
  return app
}

const ACTIONS_ON_PAGE = [
  'accept',
  'refuse',
  'transfer',
  'guide',
  'file',
  'mark_duplicate',
  'reroute',
  'start_verification',
  'extend',
  'suspend',
  'resume',
  'resolve',
  'close',
  'withdraw',
  'link_repeat',
  'chase',
] as const

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

function filterOptions(lang: Lang) {
  return {
    kinds: KINDS.map((k) => ({ value: k, label: label(lang, 'kind', k) })),
    statuses: STATUSES.filter((s) => OPEN_STATUSES.includes(s)).map((s) => ({
      value: s,
      label: label(lang, 'status', s),
    })),
    topics: topicOptions(lang),
    channels: CHANNELS.map((ch) => ({ value: ch, label: t(lang, `staff.channel.${ch}`) })),
  }
}

function topicOptions(lang: Lang): Option[] {
  return Object.entries(TOPICS).map(([value, l]) => ({ value, label: l[lang] }))
}

/** The action form's fields (named `<action>.<field>`) as typed. */
function actionValues(body: FormBody, action: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(body))
    if (typeof value === 'string' && name.startsWith(`${action}.`))
      out[name.slice(action.length + 1)] = value.replace(/\r\n?/g, '\n').trim()
  return out
}

/** The action's JSON body for the domain schema; empty optional fields are left out. */
function actionInput(action: string, values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = { action }
  for (const [k, v] of Object.entries(values)) {
    if (!v) continue
    input[k] = k === 'days' ? Number(v) : v
  }
  return input
}

interface ReportShape {
  from: string
  to: string
  total: Figures
}
interface Figures {
  caseload: { total: number; carriedOver: { total: number }; received: { total: number } }
  processing: { processed: number; onTime: number; late: number }
  resolution: {
    toResolve: number
    resolved: number
    onTime: number
    overdue: number
    onTimeRate: number | null
  }
  overdueOpen: { total: number; awaitingDecision: number; inResolution: number }
  extensions: { decisions: number }
  suspensions: { started: number }
}

function reportView(lang: Lang, report: ReportShape, committeeId: string, name: string) {
  const r = report.total
  const n = (v: number) => String(v)
  const rate =
    r.resolution.onTimeRate === null
      ? t(lang, 'staff.dashboard.noFigure')
      : `${Math.round(r.resolution.onTimeRate * 1000) / 10} %`
  const drill = `/staff/queue?committee=${encodeURIComponent(committeeId)}&due=overdue`
  const groups: { title: string; rows: ReportRow[] }[] = [
    {
      title: t(lang, 'staff.report.caseload'),
      rows: [
        { label: t(lang, 'staff.report.total'), value: n(r.caseload.total) },
        { label: t(lang, 'staff.report.carriedOver'), value: n(r.caseload.carriedOver.total) },
        { label: t(lang, 'staff.report.received'), value: n(r.caseload.received.total) },
      ],
    },
    {
      title: t(lang, 'staff.report.processing'),
      rows: [
        { label: t(lang, 'staff.report.processed'), value: n(r.processing.processed) },
        { label: t(lang, 'staff.report.onTime'), value: n(r.processing.onTime) },
        { label: t(lang, 'staff.report.late'), value: n(r.processing.late) },
      ],
    },
    {
      title: t(lang, 'staff.report.resolution'),
      rows: [
        { label: t(lang, 'staff.report.toResolve'), value: n(r.resolution.toResolve) },
        { label: t(lang, 'staff.report.resolved'), value: n(r.resolution.resolved) },
        { label: t(lang, 'staff.report.onTime'), value: n(r.resolution.onTime) },
        { label: t(lang, 'staff.report.late'), value: n(r.resolution.overdue) },
        { label: t(lang, 'staff.report.onTimeRate'), value: rate },
      ],
    },
    {
      title: t(lang, 'staff.report.overdueOpen'),
      rows: [
        {
          label: t(lang, 'staff.report.overdueTotal'),
          value: n(r.overdueOpen.total),
          href: r.overdueOpen.total > 0 ? drill : undefined,
        },
        { label: t(lang, 'staff.report.awaitingDecision'), value: n(r.overdueOpen.awaitingDecision) },
        { label: t(lang, 'staff.report.inResolution'), value: n(r.overdueOpen.inResolution) },
        { label: t(lang, 'staff.report.extensions'), value: n(r.extensions.decisions) },
        { label: t(lang, 'staff.report.suspensions'), value: n(r.suspensions.started) },
      ],
    },
  ]
  return { title: t(lang, 'staff.report.of', { committee: name }), from: report.from, to: report.to, groups }
}
