/**
 * The staff workspace's lists: a committee's queue (with its filters and the name search), the
 * reception desk's triage list and the supervisor's dashboard. The pages render what these return;
 * who may read which committee is the policy module's.
 *
 * Access patterns (all through the case store):
 *   queue, triage, dashboard   Query index committeeQueue (nearest due first), paged
 *   queue name/topic filter    GetItem CASE#<code> / CASE (and / CONTENT for a name) per kept row
 *   dashboard figures          the report service's Query on the reporting index
 *   case page context          GetItem CASE#<code> / CASE; GetItem USER#<id> per actor of the history
 */

import { type LocalDate, vietnamDate } from '../domain/dates.js'
import { dossierReady } from '../domain/dossier.js'
import { DomainError } from '../domain/errors.js'
import type { Status } from '../domain/lifecycle.js'
import type { ActingUser, CaseScope } from '../domain/policy.js'
import {
  canReadQueue,
  canRecordIntake,
  canRevealIdentity,
  canTakeDossier,
  fieldGrants,
} from '../domain/policy.js'
import { type Committee, normalizeName } from '../domain/routing.js'
import { formatTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.js'
import { isOverdue, type Urgency, urgencyOf } from '../domain/watch.js'
import type { CaseStore, CaseSummary } from '../store/cases.js'
import type { Services } from './context.js'
import { canReadReport, type createReportService } from './reports.js'

/** One open case as the lists show it. */
export interface QueueItem {
  readonly trackingCode: string
  readonly kind: string
  readonly status: string
  readonly title: string
  readonly channel: string
  readonly receivedOn: string
  readonly nextDue?: string
  readonly urgency: Urgency
  readonly committeeId: string
  /** The petitioner's name, only where the viewer may see it and a search asked for names. */
  readonly petitionerName?: string
}

export interface QueueFilters {
  readonly committee: string
  readonly kind?: string
  readonly status?: string
  readonly topic?: string
  readonly channel?: string
  readonly due?: string
  readonly q?: string
}

export type QueueQuery = Partial<QueueFilters> & { readonly cursor?: string; readonly offset?: string }

export type QueueAnswer =
  /** The search box held a tracking code: the case's page decides whether the viewer may see it. */
  | { readonly goTo: string }
  | {
      readonly readable: readonly Committee[]
      readonly filters: QueueFilters
      readonly items: readonly QueueItem[]
      /** The next page's query (cursor or offset), when there is one. */
      readonly next?: string
      /** This is not the first page. */
      readonly paged: boolean
      /** Filtered and nothing matched. */
      readonly noMatch: boolean
    }

export interface TriageItem extends QueueItem {
  readonly version: number
  readonly routingReason: string
}

export interface CommitteeStanding {
  readonly committeeId: string
  readonly open: number
  readonly overdue: number
  readonly dueSoon: number
  readonly onTime: number
  readonly timed: number
}

export interface Dashboard {
  readonly scope: readonly Committee[]
  readonly today: LocalDate
  readonly year: number
  readonly overdue: readonly QueueItem[]
  readonly atRisk: readonly QueueItem[]
  readonly standings: readonly CommitteeStanding[]
}

const QUEUE_PAGE = 25
/** How many open cases a filtered queue or a name search reads at most (one committee's queue). */
const FILTER_READ_LIMIT = 1000

function item(s: CaseSummary, today: LocalDate): QueueItem {
  return {
    trackingCode: formatTrackingCode(s.code),
    kind: s.kind,
    status: s.status,
    title: s.title,
    channel: s.channel,
    receivedOn: s.receivedOn,
    nextDue: s.nextDue,
    urgency: urgencyOf(s.nextDue, s.escalationLevel ?? 0, today),
    committeeId: s.committeeId,
  }
}

/**
 * Every open case of a committee's queue, nearest due first, page by page: the dashboard and the
 * morning digest both count a committee's queue with this walk.
 */
export async function walkQueue(
  cases: Pick<CaseStore, 'listCommitteeQueue'>,
  committeeId: string,
  visit: (summary: CaseSummary) => void,
  pageSize = 200,
): Promise<void> {
  let cursor: string | undefined
  do {
    const page = await cases.listCommitteeQueue(committeeId, { limit: pageSize, cursor })
    for (const s of page.items) visit(s)
    cursor = page.cursor
  } while (cursor)
}

const forbidden = (what: string) => new DomainError('forbidden', what, 403)

export function createWorkspaceService(
  s: Services,
  reports: Pick<ReturnType<typeof createReportService>, 'report'>,
) {
  const committeesNow = async () => (await s.settings.getCommittees()).value

  /** Names only where the policy grants the identity (never a denouncer's). */
  async function nameOf(user: ActingUser, code: string, committees: readonly Committee[]) {
    const stored = await s.cases.getCase(code)
    if (!stored || !fieldGrants(user, stored, committees).identity) return undefined
    const content = await s.cases.getContent(code)
    if (!content?.petitionerSealed) return undefined
    const identity = JSON.parse(await s.sealer.open(content.petitionerSealed)) as { fullName?: string }
    return identity.fullName
  }

  return {
    /**
     * What the case page shows beside the case view: the other committees (transfer and re-route
     * targets), whether the viewer may reveal the identity, and the names of the staff in its history.
     */
    /** The case page's context of a case already read and in the user's scope (no second read). */
    async caseContext(
      user: ActingUser,
      c: CaseScope & { readonly status: Status },
      actorIds: readonly string[],
    ) {
      const [committees, people] = await Promise.all([
        committeesNow(),
        Promise.all([...new Set(actorIds)].map((id) => s.users.getUser(id))),
      ])
      return {
        committees,
        canReveal: canRevealIdentity(user, c),
        /** Whether the case page offers the archive dossier: a finished case, a head over it or a supervisor. */
        canTakeDossier: dossierReady(c.status) && canTakeDossier(user, c, committees),
        names: Object.fromEntries(people.filter((u) => u !== undefined).map((u) => [u.id, u.displayName])),
      }
    },

    async queue(user: ActingUser, query: QueueQuery): Promise<QueueAnswer> {
      const committees = await committeesNow()
      const readable = committees.filter((x) => canReadQueue(user, x.id, committees))
      if (readable.length === 0) throw forbidden('the queue is for committee staff')
      const own = user.memberships.find(
        (m) => m.committeeId && readable.some((x) => x.id === m.committeeId),
      )?.committeeId
      const committee = query.committee ?? own ?? readable[0]!.id
      if (!readable.some((x) => x.id === committee)) {
        if (committees.some((x) => x.id === committee)) throw forbidden('not a queue of yours')
        throw new DomainError('not_found', 'no such committee', 404)
      }
      const filters: QueueFilters = {
        committee,
        kind: query.kind,
        status: query.status,
        topic: query.topic,
        channel: query.channel,
        due: query.due,
        q: query.q,
      }
      const code = filters.q ? normalizeTrackingCode(filters.q) : undefined
      if (code) return { goTo: formatTrackingCode(code) }
      const today = vietnamDate(s.now())
      const filtering = Boolean(
        filters.kind || filters.status || filters.topic || filters.channel || filters.due || filters.q,
      )
      if (!filtering) {
        const page = await s.cases.listCommitteeQueue(committee, { limit: QUEUE_PAGE, cursor: query.cursor })
        return {
          readable,
          filters,
          items: page.items.map((x) => item(x, today)),
          next: page.cursor ? `cursor=${encodeURIComponent(page.cursor)}` : undefined,
          paged: Boolean(query.cursor),
          noMatch: false,
        }
      }
      // Filters read the committee's open queue (nearest due first) and keep the matches.
      const read: CaseSummary[] = []
      let cursor: string | undefined
      do {
        const page = await s.cases.listCommitteeQueue(committee, { limit: 200, cursor })
        read.push(...page.items)
        cursor = page.cursor
      } while (cursor && read.length < FILTER_READ_LIMIT)
      let items = read
        .map((x) => item(x, today))
        .filter(
          (r) =>
            (!filters.kind || r.kind === filters.kind) &&
            (!filters.status || r.status === filters.status) &&
            (!filters.channel || r.channel === filters.channel) &&
            (!filters.due || (filters.due === 'overdue' ? isOverdue(r.urgency) : r.urgency === 'due_soon')),
        )
      // Topic and name live on the case and its content: read those only for the remaining rows.
      if (filters.topic || filters.q) {
        const needle = filters.q ? normalizeName(filters.q) : undefined
        const kept: QueueItem[] = []
        for (const r of items) {
          const code = normalizeTrackingCode(r.trackingCode)!
          if (filters.topic && (await s.cases.getCase(code))?.topic !== filters.topic) continue
          if (!needle) {
            kept.push(r)
            continue
          }
          const name = await nameOf(user, code, committees)
          if (name && normalizeName(name).includes(needle)) kept.push({ ...r, petitionerName: name })
        }
        items = kept
      }
      const start = Number(query.offset ?? '0') || 0
      return {
        readable,
        filters,
        items: items.slice(start, start + QUEUE_PAGE),
        next: start + QUEUE_PAGE < items.length ? `offset=${start + QUEUE_PAGE}` : undefined,
        paged: start > 0,
        noMatch: Boolean(filters.q) && items.length === 0,
      }
    },

    /**
     * The desk's triage list: the received cases of the reception officer's committee, with the
     * routing's reason. The version comes with the queue item; the reason is on the case.
     */
    async triage(user: ActingUser, lang: 'vi' | 'en'): Promise<{ desk: string; items: TriageItem[] }> {
      if (!canRecordIntake(user)) throw forbidden('triage is the reception desk’s')
      const desk = user.memberships.find((m) => m.role === 'reception_officer' && m.committeeId)!.committeeId!
      const page = await s.cases.listCommitteeQueue(desk, { limit: 100 })
      const today = vietnamDate(s.now())
      const received = page.items.filter((x) => x.status === 'received')
      const stored = await Promise.all(received.map((x) => s.cases.getCase(x.code)))
      const items: TriageItem[] = []
      received.forEach((x, i) => {
        const found = stored[i]
        if (found)
          items.push({ ...item(x, today), version: found.version, routingReason: found.routing.reason[lang] })
      })
      return { desk, items }
    },

    /** Overdue and at-risk cases and each committee's standing, over the committees in scope. */
    async dashboard(user: ActingUser): Promise<Dashboard> {
      const committees = await committeesNow()
      const scope = committees.filter(
        (x) => canReadReport(user, x.id, committees) && canReadQueue(user, x.id, committees),
      )
      if (scope.length === 0) throw forbidden('the dashboard is for supervisors and committee heads')
      const today = vietnamDate(s.now())
      const year = Number(today.slice(0, 4))
      const overdue: QueueItem[] = []
      const atRisk: QueueItem[] = []
      const standings: CommitteeStanding[] = []
      for (const committee of scope) {
        let open = 0
        await walkQueue(s.cases, committee.id, (x) => {
          open++
          const row = item(x, today)
          if (isOverdue(row.urgency)) overdue.push(row)
          else if (row.urgency === 'due_soon') atRisk.push(row)
        })
        const own = (await reports.report(user, committee.id, { from: `${year}-01-01`, to: today })).own
        standings.push({
          committeeId: committee.id,
          open,
          overdue: overdue.filter((r) => r.committeeId === committee.id).length,
          dueSoon: atRisk.filter((r) => r.committeeId === committee.id).length,
          onTime: own.processing.onTime + own.resolution.onTime,
          timed: own.processing.onTime + own.processing.late + own.resolution.onTime + own.resolution.overdue,
        })
      }
      const byDue = (a: QueueItem, b: QueueItem) => (a.nextDue ?? '').localeCompare(b.nextDue ?? '')
      return { scope, today, year, overdue: overdue.sort(byDue), atRisk: atRisk.sort(byDue), standings }
    },
  }
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>
