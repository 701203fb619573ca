/**
 * The staff function: reception, committee queues, case handling. Every route is behind the JWT
 * check; object-level checks come from shared/domain/access.ts, action rights from the lifecycle.
 */
import { HTTPException } from 'hono/http-exception'
import { vietnamDate } from '../../shared/domain/dates.js'
import { DomainError, RuleViolation } from '../../shared/domain/errors.js'
import {
  canManageUsers,
  canReadCommittees,
  canReadQueue,
  canRecordIntake,
} from '../../shared/domain/policy.js'
import type { Committee } from '../../shared/domain/routing.js'
import { formatTrackingCode } from '../../shared/domain/tracking-code.js'
import { urgencyOf } from '../../shared/domain/watch.js'
import { createApp } from '../../shared/http/app-base.js'
import { requireUser, type StaffEnv, type TokenVerifier } from '../../shared/http/auth.js'
import { jsonBody } from '../../shared/http/json-body.js'
import { requestLanguage } from '../../shared/http/lang.js'
import type { AttachmentService } from '../../shared/service/attachments.js'
import type { Services } from '../../shared/service/context.js'
import type { DossierService } from '../../shared/service/dossier.js'
import type { PetitionService } from '../../shared/service/petitions.js'
import { createReportService, type ReportPeriod } from '../../shared/service/reports.js'
import { createTransparencyService } from '../../shared/service/transparency.js'
import { createUserService } from '../../shared/service/users.js'
import type { RoleGrant, User } from '../../shared/store/users.js'
import { transparencyPages } from '../../web/transparency-pages.js'
import { buildOpenApiDocument } from '../openapi-document.js'
import { registerAccountabilityRoutes } from './accountability-routes.js'
import { staffAttachmentRoutes } from './attachment-routes.js'
import { staffDossierRoutes } from './dossier-routes.js'
import { registerReceptionRoutes } from './reception-routes.js'
import { mountReportAudit } from './report-audit-app.js'
import {
  actOnCaseRoute,
  committeeQueueRoute,
  confirmRoleGrantRoute,
  getCaseRoute,
  listCommitteesRoute,
  listRoleChangesRoute,
  listRoleGrantsRoute,
  listUsersRoute,
  myPetitionRoute,
  myPetitionsRoute,
  putUserRoute,
  recordIntakeRoute,
  refuseRoleGrantRoute,
  reportRoute,
  revealIdentityRoute,
  verifyHistoryRoute,
} from './routes.js'

export interface StaffAppDeps {
  readonly services: Services
  readonly petitions: PetitionService
  readonly verifier: TokenVerifier
  /** Case documents: list, links, the reception officer's uploads. */
  readonly attachments?: AttachmentService
  /** The archive dossier of a finished case. */
  readonly dossiers?: DossierService
}

function userOut(u: User) {
  return {
    id: u.id,
    displayName: u.displayName,
    email: u.email,
    memberships: u.memberships.map((m) => ({ ...m })),
    active: u.active,
  }
}

function grantOut(userId: string, g: RoleGrant) {
  return {
    id: g.id,
    userId,
    membership: { ...g.membership },
    requestedBy: g.requestedBy,
    requestedAt: g.requestedAt,
    status: g.status,
    decidedBy: g.decidedBy,
    decidedAt: g.decidedAt,
  }
}

/** `If-Match: 3`, `"3"` or `W/"3"` → 3. */
function parseIfMatch(header: string | undefined): number {
  if (header === undefined)
    throw new DomainError('precondition_required', 'send If-Match with the case version you read', 428 as 412)
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
  if (!m) throw new DomainError('invalid_if_match', 'If-Match must be the case version, a whole number', 400)
  return Number(m[1])
}

interface CommitteeNode {
  id: string
  name: string
  type: string
  parentId?: string
  children: CommitteeNode[]
}

function tree(committees: readonly Committee[], lang: 'vi' | 'en'): CommitteeNode[] {
  const nodes = new Map<string, CommitteeNode>(
    committees.map((c) => [
      c.id,
      {
        id: c.id,
        name: lang === 'en' && c.nameEn ? c.nameEn : c.name,
        type: c.type,
        parentId: c.parentId,
        children: [],
      },
    ]),
  )
  const roots: CommitteeNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export function createStaffApp(deps: StaffAppDeps) {
  const app = createApp<StaffEnv>(deps.services.logger, { publicOrigins: deps.services.publicOrigins })
  const { petitions, services } = deps
  const users = createUserService(services)
  const reports = createReportService(services)
  let document: ReturnType<typeof buildOpenApiDocument> | undefined

  // The document is public (it describes, it does not expose), and is built once.
  app.get('/api/v1/openapi.json', (c) => {
    document ??= buildOpenApiDocument()
    return c.json(document)
  })

  // Public transparency page and open data (no sign-in; suppressed figures only).
  const transparency = createTransparencyService(services)
  app.route(
    '/',
    transparencyPages({ organizationName: services.organizationName, figures: () => transparency.figures() }),
  )

  app.use('/api/v1/cases/*', requireUser(deps.verifier, services.users))
  app.use('/api/v1/cases', requireUser(deps.verifier, services.users))
  app.use('/api/v1/committees/*', requireUser(deps.verifier, services.users))
  app.use('/api/v1/committees', requireUser(deps.verifier, services.users))
  app.use('/api/v1/me/*', requireUser(deps.verifier, services.users))
  app.use('/api/v1/users/*', requireUser(deps.verifier, services.users))
  app.use('/api/v1/users', requireUser(deps.verifier, services.users))
  app.use('/api/v1/role-grants', requireUser(deps.verifier, services.users))
  app.use('/api/v1/role-changes', requireUser(deps.verifier, services.users))
  app.use('/api/v1/reports', requireUser(deps.verifier, services.users))

  app.openapi(recordIntakeRoute, async (c) => {
    const user = c.get('user')
    if (!canRecordIntake(user))
      throw new HTTPException(403, { message: 'only reception officers record petitions' })
    const receipt = await petitions.recordIntake(c.req.valid('json'), user, requestLanguage(c))
    return c.json(receipt, 201)
  })

  app.openapi(getCaseRoute, async (c) => {
    const user = c.get('user')
    const view = await petitions.getForStaff(c.req.valid('param').trackingCode, user, requestLanguage(c))
    c.header('etag', `"${view.version}"`)
    return c.json(jsonBody(view), 200)
  })

  app.openapi(actOnCaseRoute, async (c) => {
    const user = c.get('user')
    const version = parseIfMatch(c.req.valid('header')['if-match'])
    const view = await petitions.act(
      c.req.valid('param').trackingCode,
      version,
      c.req.valid('json'),
      user,
      requestLanguage(c),
    )
    c.header('etag', `"${view.version}"`)
    return c.json(jsonBody(view), 200)
  })

  app.openapi(revealIdentityRoute, async (c) => {
    const petitioner = await petitions.revealIdentity(
      c.req.valid('param').trackingCode,
      c.get('user'),
      c.req.valid('json').reason,
    )
    c.header('cache-control', 'no-store')
    return c.json({ petitioner: { ...petitioner } }, 200)
  })

  app.openapi(verifyHistoryRoute, async (c) => {
    return c.json(await petitions.verifyHistory(c.req.valid('param').trackingCode, c.get('user')), 200)
  })

  app.openapi(myPetitionRoute, async (c) => {
    return c.json(
      await petitions.myPetition(c.req.valid('param').trackingCode, c.get('user'), requestLanguage(c)),
      200,
    )
  })

  app.openapi(listUsersRoute, async (c) => {
    if (!canManageUsers(c.get('user')))
      throw new HTTPException(403, { message: 'only admins manage accounts' })
    return c.json({ items: (await users.list()).map(userOut) }, 200)
  })

  app.openapi(putUserRoute, async (c) => {
    const admin = c.get('user')
    if (!canManageUsers(admin)) throw new HTTPException(403, { message: 'only admins manage accounts' })
    const saved = await users.put(c.req.valid('param').id, c.req.valid('json'), admin)
    return c.json(
      { ...userOut(saved.user), pendingGrants: saved.pendingGrants.map((g) => grantOut(saved.user.id, g)) },
      200,
    )
  })

  app.openapi(listRoleGrantsRoute, async (c) => {
    const items = await users.pendingGrants(c.get('user'))
    return c.json({ items: items.map((g) => grantOut(g.userId, g)) }, 200)
  })

  app.openapi(confirmRoleGrantRoute, async (c) => {
    const { id, grantId } = c.req.valid('param')
    return c.json(grantOut(id, await users.decide(id, grantId, 'confirmed', c.get('user'))), 200)
  })

  app.openapi(refuseRoleGrantRoute, async (c) => {
    const { id, grantId } = c.req.valid('param')
    return c.json(grantOut(id, await users.decide(id, grantId, 'refused', c.get('user'))), 200)
  })

  app.openapi(listRoleChangesRoute, async (c) => {
    const items = await users.roleChanges(c.get('user'))
    return c.json(
      {
        items: items.map((e) => ({
          ...e,
          added: e.added.map((m) => ({ ...m })),
          removed: e.removed.map((m) => ({ ...m })),
        })),
      },
      200,
    )
  })

  app.openapi(reportRoute, async (c) => {
    const q = c.req.valid('query')
    let period: ReportPeriod
    if (q.period) {
      if (q.year === undefined) throw new RuleViolation('year_required', 'a period needs a year', 'year')
      period = { period: q.period, year: q.year, index: q.index }
    } else {
      if (!q.from || !q.to)
        throw new RuleViolation('period_required', 'give from and to, or a period and a year', 'from')
      period = { from: q.from, to: q.to }
    }
    return c.json(jsonBody(await reports.report(c.get('user'), q.committeeId, period)), 200)
  })

  mountReportAudit(app, deps)

  app.openapi(listCommitteesRoute, async (c) => {
    if (!canReadCommittees(c.get('user')))
      throw new HTTPException(403, { message: 'no role in this organisation' })
    const committees = (await services.settings.getCommittees()).value
    return c.json({ tree: tree(committees, requestLanguage(c)) }, 200)
  })

  app.openapi(committeeQueueRoute, async (c) => {
    const user = c.get('user')
    const { id } = c.req.valid('param')
    const committees = (await services.settings.getCommittees()).value
    if (!committees.some((x) => x.id === id))
      throw new DomainError('unknown_committee', `there is no committee '${id}'`, 404)
    if (!canReadQueue(user, id, committees))
      throw new HTTPException(403, { message: "this committee's queue is outside your committees" })
    const { limit, cursor } = c.req.valid('query')
    const page = await services.cases.listCommitteeQueue(id, { limit: limit ?? 25, cursor })
    const today = vietnamDate(services.now())
    return c.json(
      {
        items: page.items.map((s) => ({
          trackingCode: formatTrackingCode(s.code),
          kind: s.kind,
          status: s.status,
          title: s.title,
          channel: s.channel,
          receivedOn: s.receivedOn,
          nextDue: s.nextDue,
          urgency: urgencyOf(s.nextDue, s.escalationLevel ?? 0, today),
          version: s.version,
          escalationLevel: s.escalationLevel ?? 0,
        })),
        cursor: page.cursor,
      },
      200,
    )
  })

  app.openapi(myPetitionsRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const page = await services.cases.listMyPetitions(c.get('user').id, { limit: limit ?? 25, cursor })
    return c.json(
      {
        items: page.items.map((s) => ({ ...s, code: undefined, trackingCode: formatTrackingCode(s.code) })),
        cursor: page.cursor,
      },
      200,
    )
  })

  registerAccountabilityRoutes(app, deps)
  registerReceptionRoutes(app, deps)
  if (deps.attachments) staffAttachmentRoutes(app, deps.attachments)
  if (deps.dossiers) staffDossierRoutes(app, deps.dossiers)

  return app
}
